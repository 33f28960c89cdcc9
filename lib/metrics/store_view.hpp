// Views of the store's rows (tracker::TrackerData) as the metrics' inputs, without copying a row:
// one provider's rows as they come from Store::load_tracker_data, and every provider's from
// Store::load_team_data split into contiguous runs per provider.
#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include "metrics/period.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::metrics {

// The rows of one provider (the spans borrow `rows`, which must outlive the view).
inline TrackerData view_of(const tracker::TrackerData& rows) {
  return TrackerData{rows.applicants, rows.sources, rows.services,
                     rows.vacancies,  rows.spend,   rows.headcounts};
}

namespace store_view_detail {

// The run of `rows` (sorted by provider_id) that belongs to `provider`.
template <class Row>
std::span<const Row> run_of(const std::vector<Row>& rows, tracker::Id provider) {
  const auto by_provider = [](const Row& row, tracker::Id id) { return row.provider_id < id; };
  const auto first = std::lower_bound(rows.begin(), rows.end(), provider, by_provider);
  auto last = first;
  while (last != rows.end() && last->provider_id == provider) ++last;
  return {first, last};
}

template <class Row>
void sort_by_provider(std::vector<Row>& rows) {
  const auto less = [](const Row& a, const Row& b) { return a.provider_id < b.provider_id; };
  if (!std::is_sorted(rows.begin(), rows.end(), less)) {
    std::stable_sort(rows.begin(), rows.end(), less);
  }
}

}  // namespace store_view_detail

// One view per provider in `rows.providers`. Sorts each row vector by provider (stable, and only
// when it is not already in that order), then takes each provider's contiguous run.
inline std::vector<TrackerData> split_by_provider(tracker::TrackerData& rows) {
  using namespace store_view_detail;
  sort_by_provider(rows.applicants);
  sort_by_provider(rows.sources);
  sort_by_provider(rows.services);
  sort_by_provider(rows.vacancies);
  sort_by_provider(rows.spend);
  sort_by_provider(rows.headcounts);
  std::vector<TrackerData> views;
  views.reserve(rows.providers.size());
  for (const auto& provider : rows.providers) {
    views.push_back(
        TrackerData{run_of(rows.applicants, provider.id), run_of(rows.sources, provider.id),
                    run_of(rows.services, provider.id), run_of(rows.vacancies, provider.id),
                    run_of(rows.spend, provider.id), run_of(rows.headcounts, provider.id)});
  }
  return views;
}

}  // namespace caretoolkit::metrics
