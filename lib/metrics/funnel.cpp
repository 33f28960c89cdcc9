// The funnel report; see funnel.hpp.
#include "metrics/funnel.hpp"

#include <utility>

#include "metrics/statistics.hpp"

namespace caretoolkit::metrics {

namespace {

// Days from application to offer and to start, collected per group for the medians.
struct TimesToHire {
  std::vector<std::int64_t> to_offer;
  std::vector<std::int64_t> to_start;

  void add(const Journey& journey) {
    if (!journey.started_on) return;
    to_offer.push_back(days_between(journey.applied_on, *journey.offered_on));
    to_start.push_back(days_between(journey.applied_on, *journey.started_on));
  }
};

FunnelRow make_row(GroupKey group, const CohortCounts& counts, TimesToHire& times) {
  FunnelRow row;
  row.group = std::move(group);
  row.applicants = counts.applicants;
  row.interviewed = counts.interviewed;
  row.offered = counts.offered;
  row.started = counts.started;
  row.in_progress = counts.in_progress;
  row.applied_to_interviewed = ratio(counts.interviewed, counts.applicants, Reason::kNoApplicants);
  row.interviewed_to_offered = ratio(counts.offered, counts.interviewed, Reason::kNoInterviews);
  row.offered_to_started = ratio(counts.started, counts.offered, Reason::kNoOffers);
  row.applied_to_started = ratio(counts.started, counts.applicants, Reason::kNoApplicants);
  row.dropped = counts.dropped;
  const auto median_or_none = [](std::vector<std::int64_t>& days) {
    const auto value = median(days);
    return value ? Amount::of(*value) : Amount::none(Reason::kNoHires);
  };
  row.median_days_to_offer = median_or_none(times.to_offer);
  row.median_days_to_start = median_or_none(times.to_start);
  return row;
}

constexpr FunnelStage kFunnelStages[] = {
    {tracker::Stage::kApplied, "applicants", &FunnelRow::applicants},
    {tracker::Stage::kInterviewed, "interviewed", &FunnelRow::interviewed},
    {tracker::Stage::kOffered, "offered", &FunnelRow::offered},
    {tracker::Stage::kStarted, "started", &FunnelRow::started},
};

}  // namespace

std::span<const FunnelStage> funnel_stages() {
  return kFunnelStages;
}

FunnelReport funnel_report(const TrackerData& data, const ReportOptions& asked) {
  const ReportOptions options = resolve(asked);
  const GroupIndex groups(data, options);
  const Date as_of = options.effective_as_of();

  std::vector<CohortCounts> counts(groups.size());
  std::vector<TimesToHire> times(groups.size());
  CohortCounts total_counts;
  TimesToHire total_times;
  for_each_in_cohort(data, options, groups, [&](const Journey& journey, std::size_t group) {
    total_counts.add(journey, as_of);
    total_times.add(journey);
    if (group == kNoGroup) return;
    counts[group].add(journey, as_of);
    times[group].add(journey);
  });

  FunnelReport report;
  report.options = options;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups.listed(g, counts[g].applicants)) continue;
    report.groups.push_back(make_row(groups.keys()[g], counts[g], times[g]));
  }
  report.total = make_row(total_key(), total_counts, total_times);
  return report;
}

}  // namespace caretoolkit::metrics
