// Retention of a period's starters, per group: retention at 3, 6 and 12 months counting only the
// starters old enough to be judged, early leavers, and a Kaplan-Meier curve in which recent
// starters count for as long as they have been observed.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "metrics/cohort.hpp"
#include "metrics/figure.hpp"
#include "metrics/grouping.hpp"
#include "metrics/period.hpp"
#include "metrics/statistics.hpp"

namespace caretoolkit::metrics {

// Retention at one mark (91, 182 or 365 days).
struct RetentionAt {
  std::int64_t days = 0;
  std::int64_t eligible = 0;    // started at least `days` before the as-of date
  std::int64_t retained = 0;    // eligible and still in post `days` after starting
  std::int64_t too_recent = 0;  // started less than `days` before the as-of date: not judged
  Rate rate;  // retained / eligible; kNoHires with no starters, else kTooEarly if none is eligible
};

// The three marks of kRetentionDays from a group's counts.
std::array<RetentionAt, 3> retention_at(const CohortCounts& counts);

struct RetentionRow {
  GroupKey group;
  std::int64_t starters = 0;
  std::int64_t leavers = 0;
  std::int64_t early_leavers = 0;  // left within 90 days of starting
  std::array<RetentionAt, 3> retention{};
  SurvivalCurve curve;  // over the group's starters
  // S(91), S(182), S(365); kNoHires with no starters, kTooEarly beyond the longest observation.
  std::array<Rate, 3> survival{};
};

struct RetentionReport {
  ReportOptions options;  // as asked, with as_of filled in
  std::vector<RetentionRow> groups;
  RetentionRow total;
};

// Throws Error(kInvalid) for invalid options or data (see validate() and TrackerData).
RetentionReport retention_report(const TrackerData& data, const ReportOptions& options);

// S(91), S(182), S(365) of a curve, kTooEarly where nobody has been observed that long (kNoHires
// for a curve without starters).
std::array<Rate, 3> survival_at_marks(const SurvivalCurve& curve);

}  // namespace caretoolkit::metrics
