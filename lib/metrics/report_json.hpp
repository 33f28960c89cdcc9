// The reports as JSON: what the API returns and what the command line prints with --json. These
// field names are a public contract: add fields, never rename or remove them within v1.
//
// A row's figures are written from its report's table (report_table.hpp), each where its column
// puts it and as its column's kind says, so they are the figures the CSV and the readable tables
// carry. Written apart, as the tables do not carry them in this shape: the group, the heading
// fields, the funnel's stages, the retention curve and longest_observed_days, the ROI's sources
// and next_pound, a workforce row's headcount figures (snapshot_date, staff, vacancies, leavers)
// and benchmarks, and the team KPIs, whose every figure is an object of its own.
//
// Conventions, in every report:
//   - money is integer pence in fields ending "_pence";
//   - rates are fractions (0.25 for 25 %), days and expected stayers plain numbers;
//   - a figure that cannot be computed is null, with a sibling "<field>_reason" naming why
//     ("no_applicants", "no_interviews", "no_offers", "no_hires", "no_retained_hires",
//     "too_early_to_judge", "spend_not_attributable", "no_spend", "no_expected_stayers",
//     "no_snapshot", "no_staff", "leavers_unknown", "implausible", "withheld",
//     "no_first_year_pay", "no_starters", "too_few_hires", "no_headcount_in_window",
//     "not_comparable"), and "<field>_reason_text" saying it in words for
//     people, the words the readable reports use (reason_words() in report_text.hpp: "no
//     starters", "not known yet: nobody has been in post 365 days"); both are absent when the
//     figure has a value;
//   - dates are ISO 8601 days ("2025-03-31").
//
// Shared parts:
//   period:  {"from", "to", "as_of"}          by: "none" | "source" | "channel" | "service" |
//                                                  "vacancy" | "month"
//   group:   {"by": <grouping, or "total">, "key": <stable id text>, "label": <for people>,
//             "source_id", "channel"            (by source; "channel" also by channel)
//             "service_id", "service_type"      (by service; service_id null when unassigned)
//             "vacancy_id"                      (by vacancy; null when unassigned)
//             "month": "YYYY-MM"                (by month)}
//   retention mark: {"days": 91 | 182 | 365, "eligible", "retained", "too_recent", "rate"}
//
// funnel:    {"report": "funnel", "period", "by", "stages": [stage], "steps": [step],
//             "groups": [row], "total": row}
//   stage:   {"stage", "label", "count"}: each stage the funnel counts in order, its label as the
//            tracker names it ("Offered a job") and the row's count of those who reached it
//            ({"stage": "applied", "label": "Applied", "count": "applicants"}, ...)
//   row:     {"group", "applicants", "interviewed", "offered", "started", "in_progress",
//             "applied_to_interviewed", "interviewed_to_offered", "offered_to_started",
//             "applied_to_started",
//             "drop_outs": {"applied" | "interviewed" | "offered": {"withdrawn", "rejected"}},
//             "median_days_to_offer", "median_days_to_start",
//             "stage_durations": {"applied_to_interviewed" | "interviewed_to_offered" |
//                                 "offered_to_started": {"median_days", "count"}}}
//   step:    {"step", "from", "to", "label"}: each timed step in order, the stages it runs between
//            and its words ("from applying to interview"); a step's median is over the "count"
//            applicants with both dates recorded, null with "no_interviews", "no_offers" or
//            "no_hires" when nobody made it
// retention: {"report": "retention", "period", "by", "groups": [row], "total": row}
//   row:     {"group", "starters", "leavers", "early_leavers", "retention": [mark x 3],
//             "survival_91", "survival_182", "survival_365", "longest_observed_days" (null with
//             no starters), "curve": [{"day", "at_risk", "left", "survival"}]}
// roi:       {"report": "roi", "period", "by", "replacement_cost_pence", "min_hires_to_judge",
//             "groups": [cost row], "total": cost row, "sources": [source],
//             "next_pound": {"ranked": [pick], "too_few_hires": [pick + "warning"]}}
//   pick:    {"source_id", "label", "starters", "cost_per_expected_stayer_pence"}; "ranked" is
//            cheapest expected 12-month stayer first; "warning" reads "Too few hires to judge:
//            3 starters in the period, and at least 5 are needed."
//   cost row: {"group", "spend_pence", "applicants", "starters", "cost_per_applicant_pence",
//             "cost_per_hire_pence", "retention": [mark + "cost_per_retained_hire_pence"]}
//   source:  {"group", "spend_pence", "starters", "starters_observed", "survival_365",
//             "expected_stayers_12", "benefit_pence", "roi" (null with "no_spend" without spend,
//             "no_starters" with spend and no starters), "cost_per_expected_stayer_pence",
//             "too_few_hires"}
// workforce: {"report": "workforce", "as_of", "replacement_cost_pence", "services": [row], "total":
// row,
//             "total_basis": "none" | "pooled_services" | "provider_snapshot",
//             "benchmarks": [benchmark]}
//   row:     {"group", "snapshot_date", "staff", "vacancies", "leavers",
//             "leavers_from": "snapshot" | "tracker" | "unknown", "turnover", "vacancy_rate",
//             "turnover_cost_pence" (staff x turnover x the replacement cost),
//             "turnover_benchmarks": [comparison], "vacancy_rate_benchmarks": [comparison]}
//   comparison: {"benchmark": <id>, "value", "difference" (rate - value; null without a rate)}
//   benchmark: {"id", "measure": "turnover" | "vacancy_rate", "value", "label", "service_type"
//             (null for sector-wide figures), "source"}
// team_kpis: {"report": "team_kpis", "period", "providers", "min_providers",
//             "applicants", "interviewed", "offered", "starters", "early_leavers",
//             "applied_to_started", "retention": [{"days", "rate"}], "spend_pence",
//             "cost_per_hire_pence",
//             "channels": [{"channel", "label", "applicants", "starters", "spend_pence",
//                           "cost_per_hire_pence"}],
//             "workforce": team workforce row, "workforce_by_service_type": [team workforce row],
//             "benchmarks": [benchmark]}
//   each figure: {"value": <number or null>, "providers": <count>, "reason" and "reason_text"
//             (absent with a value)}; a rate with a value adds "numerator" and "denominator",
//             the pooled counts it divides (retained of eligible, started of applied, leavers of
//             staff, vacancies of staff plus vacancies). A figure behind 1 or 2 providers is
//             withheld ("reason": "withheld"); one behind none keeps its own value or reason.
//   team workforce row: {"service_type" (null for all), "turnover", "vacancy_rate",
//             "turnover_benchmarks", "vacancy_rate_benchmarks"}
// team_impact: {"report": "team_impact", "as_of", "providers", "min_providers",
//             "without_joined_date" (left out: no joining day recorded), "joined_after_as_of",
//             "retention_days": 182,
//             "windows": {"before", "after", "matched", "quarters"} (what each covers, in words),
//             "before": impact figures, "after": impact figures,
//             "quarters": [impact figures + {"quarter": "2026-Q1", "label": "2026 Q1", "from",
//                          "to", "members"}] (oldest first)}
//   impact figures: {"turnover", "vacancy_rate", "retention_182"}, each a team figure as above
//             (numerator and denominator: leavers of staff, vacancies of staff plus vacancies,
//             retained of starters old enough to judge)
//   No field names a provider, a source or an applicant.
// vacancies: {"report": "vacancies", "period", "score_bands": [score band], "limits": <the
//             figures' limits in words>, "versions": [version row], "bands": [band row]}
//   score band: {"score_band": "under_50" | "50_to_69" | "70_to_84" | "85_and_over", "label",
//             "lowest", "highest"}
//   version row: {"vacancy_id", "role", "version", "score_band", "score", "category_scores"
//             (the checker's object), "rules_version", "live_from", "live_to" (absent while
//             live), outcome figures, "days_to_fill" (the vacancy's: opened to first start)}
//   band row: {"label", "score_band", "versions", outcome figures}
//   outcome figures: "views", "apply_clicks", "applicants", "from_vacancy_page", "interviewed",
//             "offered", "started", "days_open", "applicants_per_week",
//             "retention": [mark + "retained_per_100_applicants"]
// team_vacancy_bands: {"report": "team_vacancy_bands", "period", "providers", "min_providers",
//             "score_bands", "limits", "bands": [{"score_band", "label", "views", "apply_clicks",
//             "applicants", "from_vacancy_page", "interviewed", "offered", "started",
//             "applicants_per_week", "retention": [{"days", "rate",
//             "retained_per_100_applicants"}]}]}, each figure a team figure as above
#pragma once

#include <boost/json/value.hpp>

#include <boost/json/object.hpp>

#include "metrics/funnel.hpp"
#include "metrics/report_table.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/team.hpp"
#include "metrics/team_impact.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

boost::json::value to_json(const FunnelReport& report);
boost::json::value to_json(const RetentionReport& report);
boost::json::value to_json(const RoiReport& report);
boost::json::value to_json(const WorkforceReport& report);
boost::json::value to_json(const TeamKpis& kpis);
boost::json::value to_json(const TeamImpact& impact);
boost::json::value to_json(const VacancyOutcomes& report);
boost::json::value to_json(const TeamVacancyBands& team);

// The figures of the table's row `row`, each where its column puts it in the JSON: what every
// report row above carries beside its group (the team KPIs' figures excepted).
boost::json::object json_figures(const ReportTable& table, std::size_t row);

}  // namespace caretoolkit::metrics
