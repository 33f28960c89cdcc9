// The funnel report; see funnel.hpp.
#include "metrics/funnel.hpp"

#include <iterator>
#include <optional>
#include <utility>

#include "metrics/statistics.hpp"

namespace caretoolkit::metrics {

namespace {

constexpr FunnelStep kFunnelSteps[] = {
    {"applied_to_interviewed", "from applying to interview", tracker::Stage::kApplied,
     tracker::Stage::kInterviewed, Reason::kNoInterviews},
    {"interviewed_to_offered", "from interview to offer", tracker::Stage::kInterviewed,
     tracker::Stage::kOffered, Reason::kNoOffers},
    {"offered_to_started", "from offer to starting work", tracker::Stage::kOffered,
     tracker::Stage::kStarted, Reason::kNoHires},
};

// The day a journey reached a stage of the funnel, if it has.
std::optional<Date> reached_on(const Journey& journey, tracker::Stage stage) {
  switch (stage) {
    case tracker::Stage::kApplied:
      return journey.applied_on;
    case tracker::Stage::kInterviewed:
      return journey.interviewed_on;
    case tracker::Stage::kOffered:
      return journey.offered_on;
    case tracker::Stage::kStarted:
      return journey.started_on;
    default:
      return std::nullopt;
  }
}

// Days from application to offer and to start over the starters, and the days of each step over
// those who made it, collected per group for the medians.
struct TimesToHire {
  std::vector<std::int64_t> to_offer;
  std::vector<std::int64_t> to_start;
  std::array<std::vector<std::int64_t>, std::size(kFunnelSteps)> steps;

  void add(const Journey& journey) {
    for (std::size_t s = 0; s < steps.size(); ++s) {
      const auto from = reached_on(journey, kFunnelSteps[s].from);
      const auto to = reached_on(journey, kFunnelSteps[s].to);
      if (from && to) steps[s].push_back(days_between(*from, *to));
    }
    if (!journey.started_on) return;
    to_offer.push_back(days_between(journey.applied_on, *journey.offered_on));
    to_start.push_back(days_between(journey.applied_on, *journey.started_on));
  }
};

static_assert(std::size(kFunnelSteps) == std::tuple_size_v<decltype(FunnelRow::step_days)>);

Amount median_or(std::vector<std::int64_t>& days, Reason if_none) {
  const auto value = median(days);
  return value ? Amount::of(*value) : Amount::none(if_none);
}

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
  row.median_days_to_offer = median_or(times.to_offer, Reason::kNoHires);
  row.median_days_to_start = median_or(times.to_start, Reason::kNoHires);
  for (std::size_t s = 0; s < row.step_days.size(); ++s) {
    row.step_days[s].count = static_cast<std::int64_t>(times.steps[s].size());
    row.step_days[s].median_days = median_or(times.steps[s], kFunnelSteps[s].if_none);
  }
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

std::span<const FunnelStep> funnel_steps() {
  return kFunnelSteps;
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
