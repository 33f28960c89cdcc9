// The reports as CSV tables, what the command line prints with --csv: a header line, one line per
// group, then the total (for team KPIs: the total, each channel, each service type). RFC 4180:
// CRLF line ends, a field with a comma, quote or line break is quoted, quotes doubled.
//
// The columns are those of report_table.hpp that the CSV carries, each written as its column's
// kind says: money in pounds with two decimals, in columns ending "_pounds" ("1234.50"); rates,
// days and other numbers as decimals with at most four decimals ("0.3571", "0.5", "12"); dates
// as ISO 8601 days; codes for names (service types, benchmarks); flags as "true" and "false". A
// figure without a value is an empty cell, except a withheld team figure, which reads "withheld";
// the JSON form says why a figure is empty.
#pragma once

#include <string>

#include "metrics/report_table.hpp"

namespace caretoolkit::metrics {

// group_key, group_label, applicants ... median_days_to_start, then per timed step S
// (applied_to_interviewed, interviewed_to_offered, offered_to_started): median_days_S, count_S.
std::string to_csv(const FunnelReport& report);
// group_key, group_label, starters, leavers, early_leavers, then per mark N in 91, 182, 365:
// eligible_N, retained_N, too_recent_N, retention_N; then survival_91, survival_182,
// survival_365.
std::string to_csv(const RetentionReport& report);
// group_key, group_label, spend_pounds, applicants, starters, cost_per_applicant_pounds,
// cost_per_hire_pounds, cost_per_retained_hire_N_pounds; grouped by source, also
// expected_stayers_12, roi, cost_per_expected_stayer_pounds, rank (1 = where the next pound goes
// first; empty when too few hires to judge or the cost per expected stayer is not known) and
// too_few_hires.
std::string to_csv(const RoiReport& report);
// group_key, group_label, service_type, snapshot_date, staff, vacancies, leavers, leavers_from,
// turnover, vacancy_rate, turnover_cost_pounds, and the first benchmark of each:
// turnover_benchmark, turnover_benchmark_value, vacancy_benchmark, vacancy_benchmark_value.
std::string to_csv(const WorkforceReport& report);
// group ("total", "channel:<name>", "service_type:<name>"), applicants, starters, spend_pounds,
// cost_per_hire_pounds, retention_91, retention_182, retention_365, turnover, vacancy_rate.
std::string to_csv(const TeamKpis& kpis);

// window ("before", "after", "2026-Q1"...), from, to, members, then for turnover, vacancy_rate and
// retention_182 each: the rate, the providers behind it and the counts it divides (leavers,
// staff; vacancies, posts; retained_182, judged_182).
std::string to_csv(const TeamImpact& impact);

// Any report table as CSV: a header line of its CSV columns, then a line per row.
// A row per advert version, then one per score band (see table_of).
std::string to_csv(const VacancyOutcomes& report);
std::string to_csv(const TeamVacancyBands& team);
std::string to_csv(const ReportTable& table);

// A rate or other decimal as the CSV writes it: at most four decimals, no trailing zeros
// (0.357142857 -> "0.3571", 0.5 -> "0.5", 12.0 -> "12", -1 -> "-1").
std::string csv_decimal(double value);

}  // namespace caretoolkit::metrics
