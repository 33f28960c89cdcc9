// Costs, return on investment and the next-pound ranking; see roi.hpp.
#include "metrics/roi.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "metrics/cohort.hpp"
#include "metrics/statistics.hpp"

namespace caretoolkit::metrics {

namespace {

CostRow make_cost_row(GroupKey group, const CohortCounts& counts, std::optional<Pence> spend) {
  CostRow row;
  row.group = std::move(group);
  row.applicants = counts.applicants;
  row.starters = counts.started;
  row.retention = retention_at(counts);
  if (!spend) {
    row.spend = Money::none(Reason::kSpendNotAttributable);
    row.cost_per_applicant = row.spend;
    row.cost_per_hire = row.spend;
    row.cost_per_retained_hire.fill(row.spend);
    return row;
  }
  row.spend = Money::of(*spend);
  row.cost_per_applicant =
      per_unit(*spend, static_cast<double>(counts.applicants), Reason::kNoApplicants);
  row.cost_per_hire = per_unit(*spend, static_cast<double>(counts.started), Reason::kNoHires);
  for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
    row.cost_per_retained_hire[i] = per_unit(*spend, static_cast<double>(counts.retained[i]),
                                             counts.started == 0       ? Reason::kNoHires
                                             : counts.eligible[i] == 0 ? Reason::kTooEarly
                                                                       : Reason::kNoRetainedHires);
  }
  return row;
}

// Fills the return figures of one source from its spend, starters and curve.
void judge_return(SourceReturn& source, const SurvivalCurve& curve, Pence replacement_cost) {
  source.starters_observed = curve.starters;
  const auto s365 = curve.at(kRetentionDays.back());
  source.survival_365 =
      s365 ? Rate::of(*s365)
           : Rate::none(curve.starters == 0 ? Reason::kNoHires : Reason::kTooEarly);
  source.too_few_hires = source.starters < kMinHiresToJudge;

  // With no starters nothing is expected to stay, whatever the curve says.
  if (source.starters == 0) {
    source.expected_stayers = Amount::of(0.0);
  } else if (s365) {
    source.expected_stayers = Amount::of(static_cast<double>(source.starters) * *s365);
  } else {
    source.expected_stayers = Amount::none(Reason::kTooEarly);
  }
  if (!source.expected_stayers.value) {
    source.benefit = Money::none(Reason::kTooEarly);
    source.roi = Rate::none(source.spend.value == 0 ? Reason::kNoSpend : Reason::kTooEarly);
    source.cost_per_expected_stayer = Money::none(Reason::kTooEarly);
    return;
  }
  const double stayers = *source.expected_stayers.value;
  const double benefit = stayers * static_cast<double>(replacement_cost.value);
  source.benefit = money_of(benefit);
  // Spend with nobody hired is no return to judge: it would read as -100 %, however early it is.
  if (source.spend.value == 0) {
    source.roi = Rate::none(Reason::kNoSpend);
  } else if (source.starters == 0) {
    source.roi = Rate::none(Reason::kNoStarters);
  } else {
    source.roi = Rate::of((benefit - static_cast<double>(source.spend.value)) /
                          static_cast<double>(source.spend.value));
  }
  source.cost_per_expected_stayer = per_unit(source.spend, stayers, Reason::kNoExpectedStayers);
}

}  // namespace

RoiReport roi_report(const TrackerData& data, const ReportOptions& asked) {
  const ReportOptions options = resolve(asked);
  const GroupIndex groups(data, options);
  ReportOptions per_source_options = options;
  per_source_options.by = Grouping::kSource;
  const GroupIndex sources(data, per_source_options);
  const Date as_of = options.effective_as_of();

  // Spend in the period, per group, per source and in total.
  std::vector<Pence> group_spend(groups.size());
  std::vector<Pence> source_spend(sources.size());
  Pence total_spend;
  for (const tracker::SpendEntry& entry : data.spend) {
    if (!options.in_period(entry.date)) continue;
    total_spend += entry.amount;
    source_spend[sources.group_of(entry)] += entry.amount;
    if (const std::size_t g = groups.group_of(entry); g != kNoGroup) group_spend[g] += entry.amount;
  }

  // The cohort's counts per group.
  std::vector<CohortCounts> counts(groups.size());
  CohortCounts total_counts;
  for_each_in_cohort(data, options, groups, [&](const Journey& journey, std::size_t group) {
    total_counts.add(journey, as_of);
    if (group != kNoGroup) counts[group].add(journey, as_of);
  });

  // Every starter up to as_of, per source, for the sources' own curves. The cohort's starters are
  // counted in the same pass, as it visits every applicant anyway.
  std::vector<std::vector<SurvivalSample>> samples(sources.size());
  std::vector<std::int64_t> source_starters(sources.size());
  for (const tracker::Applicant& applicant : data.applicants) {
    const Journey journey = journey_as_of(applicant, as_of);
    if (!journey.started_on) continue;
    const std::size_t s = sources.group_of(applicant);
    samples[s].push_back(SurvivalSample{journey.days_in_post(as_of), journey.left_on.has_value()});
    if (options.in_period(applicant.applied_on)) ++source_starters[s];
  }

  RoiReport report;
  report.options = options;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups.listed(g, counts[g].applicants)) continue;
    report.groups.push_back(make_cost_row(
        groups.keys()[g], counts[g],
        groups.spend_attributable() ? std::optional<Pence>(group_spend[g]) : std::nullopt));
  }
  report.total = make_cost_row(total_key(), total_counts, total_spend);

  report.sources.resize(sources.size());
  for (std::size_t s = 0; s < sources.size(); ++s) {
    SourceReturn& source = report.sources[s];
    source.source = sources.keys()[s];
    source.spend = source_spend[s];
    source.starters = source_starters[s];
    judge_return(source, kaplan_meier(samples[s]), options.replacement_cost);
    (source.too_few_hires ? report.too_few_hires : report.ranked).push_back(s);
  }
  // Cheapest expected stayer first, compared unrounded; a tie keeps the sources' own order.
  const auto key = [&](std::size_t s) {
    const SourceReturn& source = report.sources[s];
    const auto& stayers = source.expected_stayers.value;
    return source.cost_per_expected_stayer.value
               ? static_cast<double>(source.spend.value) / *stayers
               : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(report.ranked.begin(), report.ranked.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  return report;
}

}  // namespace caretoolkit::metrics
