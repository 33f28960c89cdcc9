// What recruitment costs and returns, per group and per source: cost per applicant, per hire and
// per hire retained at 3, 6 and 12 months; the return on investment of each source; and a ranking
// of where the next pound goes.
//
// Spend belongs to sources: a group's spend is the sum of its sources' entries dated in the
// period, set against the people who applied in the period, whenever they started. Grouped by
// service, vacancy or month, spend cannot be shared out, so the groups' cost figures have no value
// (kSpendNotAttributable); the total row always has them.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "metrics/figure.hpp"
#include "metrics/grouping.hpp"
#include "metrics/period.hpp"
#include "metrics/retention.hpp"

namespace caretoolkit::metrics {

// A source with fewer starters in the period is not ranked: its figures are too noisy to judge.
inline constexpr std::int64_t kMinHiresToJudge = 5;

struct CostRow {
  GroupKey group;
  Money spend;  // kSpendNotAttributable when the grouping cannot carry spend
  std::int64_t applicants = 0;
  std::int64_t starters = 0;
  std::array<RetentionAt, 3> retention{};  // the eligible and retained counts behind the costs
  Money cost_per_applicant;                // spend / applicants
  Money cost_per_hire;                     // spend / starters (ANSI/SHRM: costs / hires)
  // spend / retained at 91, 182, 365 days; kNoHires with no starters, kTooEarly when nobody is
  // eligible yet, and kNoRetainedHires when those judged all left.
  std::array<Money, 3> cost_per_retained_hire{};
};

struct SourceReturn {
  GroupKey source;
  Pence spend;                         // entries dated in the period
  std::int64_t starters = 0;           // the period's applicants who started
  std::int64_t starters_observed = 0;  // every starter of the source up to as_of: the curve's basis
  // S(365) of the source's own Kaplan-Meier curve over all its starters, so that the estimate does
  // not swing with one period's few hires.
  Rate survival_365;
  Amount expected_stayers;  // starters x S(365): exactly 0 with no starters
  Money benefit;            // expected stayers x replacement cost
  Rate roi;  // (benefit - spend) / spend; kNoSpend without spend, kNoStarters without starters
  Money cost_per_expected_stayer;  // spend / expected stayers: the ranking's key
  bool too_few_hires = false;      // starters < kMinHiresToJudge
};

struct RoiReport {
  ReportOptions options;  // as asked, with as_of filled in
  std::vector<CostRow> groups;
  CostRow total;
  // Every source, by name then id: grouped by source, sources[i] is the source of groups[i].
  std::vector<SourceReturn> sources;
  // Where the next pound goes: positions in `sources` of the sources with enough hires to judge,
  // lowest cost per expected 12-month stayer first, those without that figure last.
  std::vector<std::size_t> ranked;
  // Positions in `sources` of the sources with fewer than kMinHiresToJudge starters, listed apart.
  std::vector<std::size_t> too_few_hires;
};

// Throws Error(kInvalid) for invalid options or data (see validate() and TrackerData).
RoiReport roi_report(const TrackerData& data, const ReportOptions& options);

}  // namespace caretoolkit::metrics
