// Every report as one table: one row per group and then the total (for team KPIs: the total, each
// channel, each service type), one column per figure. Each column says what kind of figure it
// holds, and every form is written from that: the CSV (report_csv.hpp), the readable tables
// (report_text.hpp) and the per-row figures of the JSON (report_json.hpp). A cell holds only a
// value or the reason it has none; how it is written is its column's to say, so a new column of a
// known kind needs no change to any form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "metrics/figure.hpp"
#include "metrics/funnel.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/team.hpp"
#include "metrics/team_impact.hpp"
#include "metrics/vacancy_outcomes.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

// What a column's figures are, which decides how each form writes them.
enum class ColumnKind : std::uint8_t {
  kCount,   // a whole number of people or posts
  kMoney,   // whole pence: pence in the JSON (fields ending "_pence"), pounds in the CSV (headers
            // ending "_pounds") and for people
  kRate,    // a fraction, 0.25 for 25 %: a percentage for people
  kDays,    // a number of days, whole or not (a median can fall between two)
  kNumber,  // another quantity, not rounded: the hires expected to stay a year
  kDate,    // a calendar day, ISO 8601 in every form
  kText,    // a name or code: the code for machines, the words for people
  kFlag,    // yes or no: true or false for machines
};

// A text cell: what machines read (a code, an id) and what people read (a name).
struct Words {
  std::string code;
  std::string words;
};

// A figure without a value, and why.
struct Missing {
  Reason reason = Reason::kNone;
};

struct Cell {
  // Nothing (the total's rank: nothing belongs here, empty in every form and absent from the
  // JSON), a whole number (counts, pence, days), a fraction (rates, days, numbers), a day, text,
  // a flag, or the reason a figure is missing.
  using Value = std::variant<std::monostate, std::int64_t, double, Date, Words, bool, Missing>;
  Value value;
  // A value that the readable form holds back, and why (a source with too few hires to judge);
  // kNone for a value everyone reads. Never set on a blank or missing cell.
  Reason held_back = Reason::kNone;

  static Cell blank() { return {}; }
  static Cell whole(std::int64_t n) { return {n}; }
  static Cell fraction(double x) { return {x}; }
  static Cell date(Date day) { return {day}; }
  static Cell text(std::string code, std::string words);
  static Cell text(const std::string& same) { return text(same, same); }
  static Cell flag(bool yes) { return {yes}; }
  static Cell missing(Reason why) { return {Missing{why}}; }
  // The figure's pence, or its reason.
  static Cell of(const Money& money);
  // The figure's fraction (a rate, days, a number), or its reason.
  static Cell of(const Figure<double>& figure);

  bool is_blank() const { return std::holds_alternative<std::monostate>(value); }
  // The reason the figure is missing, or nullopt for a blank or a value.
  std::optional<Reason> missing_reason() const;
};

// One step from a JSON row to where it carries a column's figure: a field of an object, and for
// a field holding an array of objects (the retention marks), which item.
struct JsonStep {
  std::string field;
  std::optional<std::size_t> item;
};

struct Column {
  // The figure's name without its unit: the CSV header, a money column's ending "_pounds".
  std::string name;
  ColumnKind kind = ColumnKind::kText;
  std::string heading;  // what people read; empty for a column the readable form leaves out
  // The retention mark (91, 182, 365) a "not known yet" figure of this column waits for.
  std::int64_t days = 0;
  bool in_csv = true;  // false for the figures only the JSON gives
  // Where a JSON row carries the figure: the steps from the row's object, the last one naming the
  // field (a money column's ending "_pence"). Empty for a column the JSON gives apart (the group)
  // or not at all.
  std::vector<JsonStep> json;
};

struct ReportTable {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each as long as `columns`
  std::size_t label_column = 0;         // the text column that names each row's group
};

// Whether `cell` may stand in a column of `kind`: a blank or a missing figure fits any column, a
// value only its kind's (a whole number for counts and money, a fraction for rates and numbers,
// either for days, a day for dates, text for text, a flag for flags), and only a value may be
// held back.
bool fits(const Cell& cell, ColumnKind kind);

// The field a column's figure has in the JSON (its last step's field, "_pence" added for money)
// and the header it has in the CSV (its name, "_pounds" added for money).
std::string json_field(const Column& column);
std::string csv_header(const Column& column);

ReportTable table_of(const FunnelReport& report);
ReportTable table_of(const RetentionReport& report);
// The source columns (expected stayers to too_few_hires) appear only grouped by source.
ReportTable table_of(const RoiReport& report);
ReportTable table_of(const WorkforceReport& report);
ReportTable table_of(const TeamKpis& kpis);
// A row before joining, one since, then one per quarter; each rate beside the providers behind it
// and the pooled counts it divides.
ReportTable table_of(const TeamImpact& impact);
// A row per advert version (by vacancy, then version), then one per score band; the cells that
// belong to the other kind of row are blank.
ReportTable table_of(const VacancyOutcomes& report);
// A row per score band, each figure as the team pooled it (withheld behind 1 or 2 providers).
ReportTable table_of(const TeamVacancyBands& bands);

}  // namespace caretoolkit::metrics
