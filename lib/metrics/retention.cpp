// The retention report; see retention.hpp.
#include "metrics/retention.hpp"

#include <utility>

namespace caretoolkit::metrics {

std::array<RetentionAt, 3> retention_at(const CohortCounts& counts) {
  std::array<RetentionAt, 3> marks{};
  for (std::size_t i = 0; i < marks.size(); ++i) {
    marks[i].days = kRetentionDays[i];
    marks[i].eligible = counts.eligible[i];
    marks[i].retained = counts.retained[i];
    marks[i].too_recent = counts.started - counts.eligible[i];
    marks[i].rate = ratio(counts.retained[i], counts.eligible[i],
                          counts.started == 0 ? Reason::kNoHires : Reason::kTooEarly);
  }
  return marks;
}

std::array<Rate, 3> survival_at_marks(const SurvivalCurve& curve) {
  std::array<Rate, 3> marks{};
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const auto value = curve.at(kRetentionDays[i]);
    marks[i] = value ? Rate::of(*value)
                     : Rate::none(curve.starters == 0 ? Reason::kNoHires : Reason::kTooEarly);
  }
  return marks;
}

namespace {

RetentionRow make_row(GroupKey group, const CohortCounts& counts,
                      std::vector<SurvivalSample>& samples) {
  RetentionRow row;
  row.group = std::move(group);
  row.starters = counts.started;
  row.leavers = counts.leavers;
  row.early_leavers = counts.early_leavers;
  row.retention = retention_at(counts);
  row.curve = kaplan_meier(samples);
  row.survival = survival_at_marks(row.curve);
  return row;
}

}  // namespace

RetentionReport retention_report(const TrackerData& data, const ReportOptions& asked) {
  const ReportOptions options = resolve(asked);
  const GroupIndex groups(data, options);
  const Date as_of = options.effective_as_of();

  std::vector<CohortCounts> counts(groups.size());
  std::vector<std::vector<SurvivalSample>> samples(groups.size());
  CohortCounts total_counts;
  std::vector<SurvivalSample> total_samples;
  for_each_in_cohort(data, options, groups, [&](const Journey& journey, std::size_t group) {
    total_counts.add(journey, as_of);
    if (group != kNoGroup) counts[group].add(journey, as_of);
    if (!journey.started_on) return;
    const SurvivalSample sample{journey.days_in_post(as_of), journey.left_on.has_value()};
    total_samples.push_back(sample);
    if (group != kNoGroup) samples[group].push_back(sample);
  });

  RetentionReport report;
  report.options = options;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups.listed(g, counts[g].applicants)) continue;
    report.groups.push_back(make_row(groups.keys()[g], counts[g], samples[g]));
  }
  report.total = make_row(total_key(), total_counts, total_samples);
  return report;
}

}  // namespace caretoolkit::metrics
