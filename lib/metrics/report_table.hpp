// Every report as one table of typed cells: one row per group and then the total (for team KPIs:
// the total, each channel, each service type), one column per figure. Both the CSV form
// (report_csv.hpp) and the readable form (report_text.hpp) are written from it, so the two always
// carry the same figures, and each column is named once for machines and once for people.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/figure.hpp"
#include "metrics/funnel.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/team.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

enum class CellKind : std::uint8_t {
  kBlank,    // nothing belongs here (the total's rank): empty in every form
  kCount,    // a whole number: `whole`
  kMoney,    // pence: `whole`
  kRate,     // a fraction, 0.25 for 25 %: `fraction`
  kNumber,   // days or expected stayers, not rounded: `fraction`
  kText,     // a name, code or date: `code` for machines, `words` for people
  kMissing,  // a figure without a value: `reason` says why
};

struct Cell {
  CellKind kind = CellKind::kBlank;
  std::int64_t whole = 0;
  double fraction = 0.0;
  std::string code;
  std::string words;
  Reason reason = Reason::kNone;
  // A value that the readable form holds back, and why (a source with too few hires to judge);
  // kNone for a value everyone reads.
  Reason held_back = Reason::kNone;

  static Cell blank() { return {}; }
  static Cell count(std::int64_t n);
  static Cell text(std::string code, std::string words);
  static Cell text(const std::string& same) { return text(same, same); }
  static Cell missing(Reason why);
  // The figure's value as `kind` (kMoney, kRate or kNumber), or kMissing with its reason.
  static Cell of(const Money& money);
  static Cell rate(const Rate& rate);
  static Cell number(const Amount& amount);
};

struct Column {
  std::string name;     // the CSV header: the JSON field's name, "_pounds" for money in pounds
  std::string heading;  // what people read; empty for a column the readable form leaves out
  // The retention mark (91, 182, 365) a "not known yet" figure of this column waits for.
  std::int64_t days = 0;
};

struct ReportTable {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each as long as `columns`
  std::size_t label_column = 0;         // the text column that names each row's group
};

ReportTable table_of(const FunnelReport& report);
ReportTable table_of(const RetentionReport& report);
// The source columns (expected stayers to too_few_hires) appear only grouped by source.
ReportTable table_of(const RoiReport& report);
ReportTable table_of(const WorkforceReport& report);
ReportTable table_of(const TeamKpis& kpis);

}  // namespace caretoolkit::metrics
