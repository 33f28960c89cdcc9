// The reports as CSV tables; the columns are documented in report_csv.hpp.
#include "metrics/report_csv.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace caretoolkit::metrics {

namespace {

void append_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string field(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kBlank:
      return {};
    case CellKind::kCount:
      return std::to_string(cell.whole);
    case CellKind::kMoney:
      return format_pounds(Pence{cell.whole});
    case CellKind::kRate:
    case CellKind::kNumber:
      return csv_decimal(cell.fraction);
    case CellKind::kText:
      return cell.code;
    case CellKind::kMissing:
      return cell.reason == Reason::kWithheld ? "withheld" : "";
  }
  return {};
}

std::string write(const ReportTable& table) {
  std::string out;
  const auto line = [&out](const auto& items, const auto& text_of) {
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ',';
      first = false;
      append_field(out, text_of(item));
    }
    out += "\r\n";
  };
  line(table.columns, [](const Column& column) { return column.name; });
  for (const auto& row : table.rows) line(row, field);
  return out;
}

}  // namespace

std::string csv_decimal(double value) {
  // Rounded to four decimals first, so that -0.00001 reads "0" rather than "-0".
  double rounded = std::round(value * 10'000.0) / 10'000.0;
  if (rounded == 0.0) rounded = 0.0;
  char buffer[400];  // room for any double in fixed notation
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 4);
  std::string text(buffer, result.ptr);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string to_csv(const FunnelReport& report) {
  return write(table_of(report));
}
std::string to_csv(const RetentionReport& report) {
  return write(table_of(report));
}
std::string to_csv(const RoiReport& report) {
  return write(table_of(report));
}
std::string to_csv(const WorkforceReport& report) {
  return write(table_of(report));
}
std::string to_csv(const TeamKpis& kpis) {
  return write(table_of(kpis));
}

}  // namespace caretoolkit::metrics
