// The reports as people read them; see report_text.hpp.
#include "metrics/report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <variant>
#include <vector>

namespace caretoolkit::metrics {

namespace {

// `value` with one decimal ("35.7"); with `trim`, "10" rather than "10.0".
std::string one_decimal(double value, bool trim) {
  char buffer[400];  // room for any double in fixed notation
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text(buffer);
  if (text == "-0.0") text = "0.0";
  if (trim && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

// How wide a cell is on screen: its UTF-8 characters, not its bytes ("£" is two bytes).
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "(a)" for the first note, "(b)" for the second...; "(27)" once the letters run out.
std::string mark(std::size_t note) {
  std::string out = "(";
  if (note < 26) {
    out += static_cast<char>('a' + note);
  } else {
    out += std::to_string(note + 1);
  }
  out += ')';
  return out;
}

// The notes under a table: each distinct reason, in words, in the order its mark first appears.
class Notes {
 public:
  std::string mark_for(std::string words) {
    const auto found = std::find(words_.begin(), words_.end(), words);
    if (found != words_.end()) return mark(static_cast<std::size_t>(found - words_.begin()));
    words_.push_back(std::move(words));
    return mark(words_.size() - 1);
  }

  std::string text() const {
    if (words_.empty()) return {};
    std::string out = "\nWhere a figure is missing:\n";
    for (std::size_t i = 0; i < words_.size(); ++i) out += mark(i) + " " + words_[i] + "\n";
    return out;
  }

 private:
  std::vector<std::string> words_;
};

// The cell as its column's kind reads for people; a missing or held back figure as its note's mark.
std::string readable_cell(const Cell& cell, const Column& column, Notes& notes) {
  if (cell.held_back != Reason::kNone) {
    return notes.mark_for(reason_words(cell.held_back, column.days));
  }
  struct Read {
    const Column& column;
    Notes& notes;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const {
      return column.kind == ColumnKind::kMoney ? readable_pounds(Pence{n}) : std::to_string(n);
    }
    std::string operator()(double x) const {
      return column.kind == ColumnKind::kRate ? one_decimal(x * 100.0, false) + "%"
                                              : one_decimal(x, true);
    }
    std::string operator()(Date day) const { return day.to_string(); }
    std::string operator()(const Words& text) const { return text.words; }
    std::string operator()(bool yes) const { return yes ? "yes" : "no"; }
    std::string operator()(Missing missing) const {
      return notes.mark_for(reason_words(missing.reason, column.days));
    }
  };
  return std::visit(Read{column, notes}, cell.value);
}

// Lines of cells, each column padded to its widest cell: the first left-aligned, the rest right.
std::string aligned(const std::vector<std::vector<std::string>>& lines) {
  std::vector<std::size_t> widths;
  for (const auto& line : lines) {
    widths.resize(std::max(widths.size(), line.size()), 0);
    for (std::size_t c = 0; c < line.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(line[c]));
    }
  }
  std::string out;
  for (const auto& line : lines) {
    for (std::size_t c = 0; c < line.size(); ++c) {
      const std::string pad(widths[c] - display_width(line[c]), ' ');
      out += c == 0 ? line[c] + pad : "  " + pad + line[c];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

// "Brookfield Home Care: funnel, 2025-01-01 to 2025-12-31 (as of 2026-10-31), by source".
std::string title_line(std::string_view title, const ReportOptions& options) {
  std::string out(title);
  out += ", " + options.from.to_string() + " to " + options.to.to_string() + " (as of " +
         options.effective_as_of().to_string() + ")";
  if (options.by != Grouping::kNone) out += ", by " + std::string(to_string(options.by));
  return out + "\n\n";
}

// What the ROI rests on: the benefit of one hire who stays a year.
std::string replacement_cost_line(const ReportOptions& options) {
  const bool standard = options.replacement_cost == kDefaultReplacementCost;
  return "\nThe return on spend counts each hire expected to stay a year as saving a replacement "
         "cost of " +
         readable_pounds(options.replacement_cost) +
         (standard ? " (the default: Skills for Care's estimate of the cost of a care worker's "
                     "hire).\n"
                   : " (as given for this report).\n");
}

// The last line of the ROI report: the first ranked source that has a cost per expected stayer.
std::string next_pound_line(const RoiReport& report) {
  if (report.ranked.empty()) {
    return "\nNo source has enough hires yet to say where the next pound goes: each needs at "
           "least " +
           std::to_string(kMinHiresToJudge) + " starters in the period.\n";
  }
  for (const std::size_t s : report.ranked) {
    const SourceReturn& source = report.sources[s];
    if (!source.cost_per_expected_stayer.value) continue;
    std::string line = "\nThe next pound goes furthest on " + source.source.name + ": " +
                       readable_pounds(*source.cost_per_expected_stayer.value) +
                       " per hire expected to stay a year";
    if (source.roi.value) {
      line += ", a return on spend of " + one_decimal(*source.roi.value * 100.0, false) + "%";
    } else {
      line += " (" + reason_words(source.roi.reason, kRetentionDays.back()) + ")";
    }
    return line + ".\n";
  }
  return "\nWhere the next pound goes is not known yet: no source with at least " +
         std::to_string(kMinHiresToJudge) + " starters has a hire expected to stay a year.\n";
}

// How many providers the impact leaves out, and why.
std::string left_out_line(const TeamImpact& impact) {
  const auto of_all = [&](std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " of " + std::to_string(impact.providers) + " providers " +
           std::string(n == 1 ? one : many);
  };
  std::string out;
  if (impact.without_joined_date == 0) {
    out = "Every provider has the day it joined recorded.";
  } else {
    out = of_all(impact.without_joined_date, "has no joining day recorded and is left out.",
                 "have no joining day recorded and are left out.");
  }
  if (impact.joined_after_as_of > 0) {
    out.push_back(' ');
    out.append(of_all(impact.joined_after_as_of, "joined after the as-of day.",
                      "joined after the as-of day."));
  }
  out.push_back('\n');
  return out;
}

}  // namespace

std::string reason_words(Reason reason, std::int64_t days) {
  std::string in_days;
  if (days > 0) {
    in_days += ' ';
    in_days += std::to_string(days);
    in_days += " days";
  }
  switch (reason) {
    case Reason::kNone:
      return "";
    case Reason::kNoApplicants:
      return "no applicants in the period";
    case Reason::kNoInterviews:
      return "nobody interviewed";
    case Reason::kNoOffers:
      return "no offers made";
    case Reason::kNoHires:
    case Reason::kNoStarters:
      return "no starters";
    case Reason::kNoRetainedHires:
      return "none of the starters old enough to judge stayed" + in_days;
    case Reason::kTooEarly:
      return days > 0 ? "not known yet: nobody has been in post" + in_days
                      : "not known yet: too early to judge";
    case Reason::kSpendNotAttributable:
      return "spend is recorded per source, so it cannot be shared out by service, vacancy or "
             "month";
    case Reason::kNoSpend:
      return "no spend recorded";
    case Reason::kNoExpectedStayers:
      return "nobody is expected to stay a year";
    case Reason::kNoSnapshot:
      return "no headcount recorded on or before the as-of date";
    case Reason::kNoStaff:
      return "no permanent or temporary staff on the headcount";
    case Reason::kLeaversUnknown:
      return "leavers not known: the headcount gives none and the tracker has no starters for it";
    case Reason::kImplausible:
      return "turnover above " + one_decimal(kMaxPlausibleTurnover * 100.0, true) +
             "%, so the headcount must be wrong";
    case Reason::kWithheld:
      return "withheld: fewer than " + std::to_string(kMinProviders) + " providers stand behind it";
    case Reason::kNoPay:
      return "no first-year pay recorded";
    case Reason::kTooFewHires:
      return "too few hires to judge: fewer than " + std::to_string(kMinHiresToJudge) +
             " starters in the period";
    case Reason::kNoHeadcountInWindow:
      return "no headcount recorded in the quarter";
    case Reason::kNotComparable:
      return "no provider has this figure both before and after joining the scheme";
  }
  return "";
}

std::string readable_table(const ReportTable& table) {
  Notes notes;
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> header{""};
  for (const auto& row : table.rows) {
    const auto* label = std::get_if<Words>(&row[table.label_column].value);
    header.push_back(label ? label->words : std::string());
  }
  lines.push_back(std::move(header));
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    if (column.heading.empty()) continue;
    std::vector<std::string> line{column.heading};
    for (const auto& row : table.rows) line.push_back(readable_cell(row[c], column, notes));
    lines.push_back(std::move(line));
  }
  return aligned(lines) + notes.text();
}

std::string to_text(const FunnelReport& report, std::string_view title) {
  return title_line(title, report.options) + readable_table(table_of(report));
}

std::string to_text(const RetentionReport& report, std::string_view title) {
  return title_line(title, report.options) + readable_table(table_of(report));
}

std::string to_text(const RoiReport& report, std::string_view title) {
  return title_line(title, report.options) + readable_table(table_of(report)) +
         replacement_cost_line(report.options) + next_pound_line(report);
}

std::string to_text(const WorkforceReport& report, std::string_view title) {
  return title_line(title, report.options) + readable_table(table_of(report));
}

std::string to_text(const TeamKpis& kpis, std::string_view title) {
  return title_line(title, kpis.options) + readable_table(table_of(kpis));
}

std::string to_text(const TeamImpact& impact, std::string_view title) {
  const ImpactWords& words = impact_words();
  std::string out(title);
  out += ", as of " + impact.as_of.to_string() + "\n\n";
  for (const std::string_view line : {words.before, words.after, words.matched, words.quarters}) {
    out += std::string(line) + "\n";
  }
  out += left_out_line(impact) + "\n";
  return out + readable_table(table_of(impact));
}

std::string to_text(const VacancyOutcomes& report, std::string_view title) {
  return title_line(title, report.options) + readable_table(table_of(report)) + "\n" +
         std::string(kAdvertOutcomeLimits) + "\n";
}

std::string to_text(const TeamVacancyBands& team, std::string_view title) {
  return title_line(title, team.options) + readable_table(table_of(team)) + "\n" +
         std::string(kAdvertOutcomeLimits) + "\n";
}

}  // namespace caretoolkit::metrics
