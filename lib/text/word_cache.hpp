// A cache of per-word facts keyed by Token::word_key, for the stages after analysis that look
// every token up (the matcher's symbols). Adverts share most of their words, so most lookups
// become one load.
//
// Direct-mapped on the key's low kWordKeySlotBits bits, which no two words the analyser remembers
// at once share. A cache belongs to one owner at a time (a matcher: whoever computes the values),
// named by an id from new_word_cache_owner(); claim() empties it for a new owner.
//
// Thread safety: none; it lives in the caller's scratch (a MatchResult), used by one thread at a
// time.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "text/document.hpp"

namespace caretoolkit::text {

// A fresh owner id for WordCache::claim(): no two calls in a process return the same one.
inline std::uint64_t new_word_cache_owner() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

template <typename Value>
class WordCache {
 public:
  // Readies the cache for `owner`, emptying it if it held another owner's values.
  void claim(std::uint64_t owner) {
    if (owner_ == owner && !entries_.empty()) return;
    entries_.assign(kSize, Entry{});
    owner_ = owner;
  }

  // The value cached for `key` (non-zero), or nullptr. claim() must have been called.
  Value* find(std::uint64_t key) {
    Entry& entry = entries_[key & kMask];
    return entry.key == key ? &entry.value : nullptr;
  }

  // A fresh value for `key` (non-zero), replacing whatever shared its slot.
  Value& put(std::uint64_t key) {
    Entry& entry = entries_[key & kMask];
    entry.key = key;
    entry.value = Value{};
    return entry.value;
  }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << kWordKeySlotBits;
  static constexpr std::uint64_t kMask = kSize - 1;
  struct Entry {
    std::uint64_t key = 0;  // 0: empty (no token has key 0 cached)
    Value value{};
  };
  std::vector<Entry> entries_;
  std::uint64_t owner_ = 0;
};

}  // namespace caretoolkit::text
