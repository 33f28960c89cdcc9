// Finds a row's position from its id without hashing or allocating per lookup: the ids of a span
// of rows, sorted once, searched by bisection. Reports use it to map an applicant's source,
// service or vacancy id to its row in one provider's data.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "tracker/types.hpp"

namespace caretoolkit::metrics {

class IdIndex {
 public:
  IdIndex() = default;

  // Indexes rows[i].id -> i. With a repeated id, the first row wins.
  template <class Row>
  explicit IdIndex(std::span<const Row> rows) {
    entries_.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      entries_.emplace_back(rows[i].id, static_cast<std::uint32_t>(i));
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // The position of the row with this id; nullopt when there is none.
  std::optional<std::size_t> find(tracker::Id id) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                                     [](const std::pair<tracker::Id, std::uint32_t>& e,
                                        tracker::Id key) { return e.first < key; });
    if (it == entries_.end() || it->first != id) return std::nullopt;
    return it->second;
  }

 private:
  std::vector<std::pair<tracker::Id, std::uint32_t>> entries_;
};

}  // namespace caretoolkit::metrics
