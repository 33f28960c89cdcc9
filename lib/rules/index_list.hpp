// A list of token indices (or other small values) for the matching pass, which appends at most a
// known number of entries per advert: reset() makes room for that many without filling it, so an
// append is one store through a pointer, with no capacity check.
//
// Thread safety: none; each MatchResult owns its lists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace caretoolkit::rules {

template <typename Value>
class ScratchList {
 public:
  // Empties the list and makes room for `most` appends (keeping the memory it has when enough).
  void reset(std::size_t most) {
    if (most > capacity_) {
      data_ = std::make_unique_for_overwrite<Value[]>(most);
      capacity_ = most;
    }
    size_ = 0;
  }
  // Appending, for a loop that appends to several lists at once: it writes through the pointer
  // that append_at() gives (at most the `most` given to reset() since it was called) and hands the
  // pointer back to appended_to(). A pointer kept in a local need not be reloaded after each store
  // into another list, as a size held in the list must be.
  Value* append_at() { return data_.get() + size_; }
  void appended_to(const Value* end) { size_ = static_cast<std::size_t>(end - data_.get()); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Value operator[](std::size_t i) const { return data_[i]; }
  const Value* begin() const { return data_.get(); }
  const Value* end() const { return data_.get() + size_; }

 private:
  std::unique_ptr<Value[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

using IndexList = ScratchList<std::uint32_t>;

}  // namespace caretoolkit::rules
