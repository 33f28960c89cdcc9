// The reports as CSV tables, what the command line prints with --csv: a header line, one line per
// group, then the total (for team KPIs: the total, each channel, each service type). RFC 4180:
// CRLF line ends, a field with a comma, quote or line break is quoted, quotes doubled.
//
// Columns use the JSON field names (report_json.hpp): money in whole pence ("_pence"), rates as
// fractions. A figure without a value is an empty cell, except a withheld team figure, which
// reads "withheld"; the JSON form says why a figure is empty.
#pragma once

#include <string>

#include "metrics/funnel.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/team.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

// group_key, group_label, applicants ... median_days_to_start.
std::string to_csv(const FunnelReport& report);
// group_key, group_label, starters, leavers, early_leavers, then per mark N in 91, 182, 365:
// eligible_N, retained_N, too_recent_N, retention_N; then survival_91, survival_182,
// survival_365.
std::string to_csv(const RetentionReport& report);
// group_key, group_label, spend_pence, applicants, starters, cost_per_applicant_pence,
// cost_per_hire_pence, cost_per_retained_hire_N_pence; grouped by source, also
// expected_stayers_12, roi, cost_per_expected_stayer_pence, rank (1 = where the next pound goes
// first; empty when too few hires to judge) and too_few_hires.
std::string to_csv(const RoiReport& report);
// group_key, group_label, service_type, snapshot_date, staff, vacancies, leavers, leavers_from,
// turnover, vacancy_rate, turnover_cost_pence, and the first benchmark of each: turnover_benchmark,
// turnover_benchmark_value, vacancy_benchmark, vacancy_benchmark_value.
std::string to_csv(const WorkforceReport& report);
// group ("total", "channel:<name>", "service_type:<name>"), applicants, starters, spend_pence,
// cost_per_hire_pence, retention_91, retention_182, retention_365, turnover, vacancy_rate.
std::string to_csv(const TeamKpis& kpis);

}  // namespace caretoolkit::metrics
