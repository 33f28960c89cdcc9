// Turnover and vacancy rates with the Skills for Care definitions, as the ASC-WDS code computes
// them, per service and for the whole provider, set beside the published benchmarks.
//
// Staff are directly employed permanent and temporary staff (zero-hours included); bank, pool and
// agency workers are in no denominator. Vacancy rate = vacancies / (staff + vacancies). Turnover
// = leavers in the 12 months to the headcount's date / staff at that date. Where a rate cannot be
// computed it has no value and a typed reason instead, as ASC-WDS does.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "metrics/benchmarks.hpp"
#include "metrics/figure.hpp"
#include "metrics/grouping.hpp"
#include "metrics/period.hpp"

namespace caretoolkit::metrics {

// A turnover ratio above this is implausible: the data is wrong, so there is no value.
inline constexpr double kMaxPlausibleTurnover = 9.95;

struct WorkforceRates {
  Rate turnover;
  Rate vacancy_rate;
};

// The Skills for Care rules for one headcount. No value with kNoStaff for both when staff is 0
// (only bank or agency workers); turnover kLeaversUnknown when leavers is empty (a provider's
// "none" is 0, not empty) and kImplausible above kMaxPlausibleTurnover.
WorkforceRates workforce_rates(std::int64_t staff, std::int64_t vacancies,
                               std::optional<std::int64_t> leavers);

// Where a row's leavers figure came from: the provider's own count on the headcount (it counts
// every leaver), else the tracker's starters who left in the 12 months to the headcount's date.
enum class LeaversFrom : std::uint8_t { kSnapshot, kTracker, kUnknown };

// "snapshot", "tracker", "unknown".
std::string_view to_string(LeaversFrom from);

struct WorkforceRow {
  GroupKey group;                     // a service, or the total (is_total())
  std::optional<Date> snapshot_date;  // the headcount used; the latest one for a pooled total
  std::int64_t staff = 0;
  std::int64_t vacancies = 0;
  std::optional<std::int64_t> leavers;
  LeaversFrom leavers_from = LeaversFrom::kUnknown;  // for a total: kTracker if any part was
  Rate turnover;
  Rate vacancy_rate;
  Money turnover_cost;  // staff x turnover x the options' replacement cost: a year's leavers
  std::vector<Comparison> turnover_benchmarks;
  std::vector<Comparison> vacancy_benchmarks;
};

// How the total row was formed.
enum class TotalBasis : std::uint8_t {
  kNone,              // "none": no headcount on or before as_of
  kPooledServices,    // "pooled_services": the services' latest headcounts added up
  kProviderSnapshot,  // "provider_snapshot": a headcount recorded for the whole provider
};

std::string_view to_string(TotalBasis basis);

struct WorkforceReport {
  ReportOptions options;               // as asked, with as_of filled in
  std::vector<WorkforceRow> services;  // every service, by name then id
  // Pooled over the services' latest headcounts on or before as_of (total leavers / total
  // staff, never a mean of rates) when any service has one; otherwise the latest headcount
  // recorded for the whole provider. Its leavers are unknown if any service's are. When every
  // pooled service is of one type, the total is set beside that type's figures first, as each
  // service is; otherwise beside the sector-wide figures only.
  WorkforceRow total;
  TotalBasis total_basis = TotalBasis::kNone;
};

// Uses each service's latest headcount on or before as_of (the period itself is not used).
// Throws Error(kInvalid) for invalid options, or a headcount or applicant that names a service
// the data does not hold.
WorkforceReport workforce_report(const TrackerData& data, const ReportOptions& options);

}  // namespace caretoolkit::metrics
