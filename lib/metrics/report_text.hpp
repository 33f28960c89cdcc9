// The reports as people read them, what the command line prints by default: a title line, then a
// table with one column per group and one line per figure, each written as its column's kind
// says (money in pounds, rates as percentages, days and numbers with at most one decimal), then
// what its marks mean.
//
// A figure without a value shows a mark such as "(a)", and a note under the table says in words
// why it is missing ("(a) no starters"); each reason has its own mark. No code, id or true/false
// reaches the reader: benchmarks and service types go by their names. The ROI report holds back
// the return of a source with too few hires to judge, says what replacement cost the return
// rests on, and ends with a sentence on where the next pound goes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "metrics/report_table.hpp"

namespace caretoolkit::metrics {

// Why a figure is missing, in words; `days` is the retention mark the figure is about (0 for
// none), for the reasons that wait on one ("not known yet: nobody has been in post 365 days").
std::string reason_words(Reason reason, std::int64_t days = 0);

// `title` names the report ("Brookfield Home Care: funnel"); the period follows it.
std::string to_text(const FunnelReport& report, std::string_view title);
std::string to_text(const RetentionReport& report, std::string_view title);
std::string to_text(const RoiReport& report, std::string_view title);
std::string to_text(const WorkforceReport& report, std::string_view title);
std::string to_text(const TeamKpis& kpis, std::string_view title);
// The title and the as-of day, what each part covers, how many providers are left out and why,
// then the table.
std::string to_text(const TeamImpact& impact, std::string_view title);

// The table, then the limits of what the figures show (kAdvertOutcomeLimits).
std::string to_text(const VacancyOutcomes& report, std::string_view title);
std::string to_text(const TeamVacancyBands& team, std::string_view title);

// The table alone, with its notes: what the functions above print under the title.
std::string readable_table(const ReportTable& table);

}  // namespace caretoolkit::metrics
