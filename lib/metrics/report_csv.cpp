// The reports as CSV tables; the columns are documented in report_csv.hpp.
#include "metrics/report_csv.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <variant>
#include <vector>

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

// The cell as its column's kind writes it for machines.
std::string field(const Cell& cell, const Column& column) {
  struct Write {
    const Column& column;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const {
      return column.kind == ColumnKind::kMoney ? format_pounds(Pence{n}) : std::to_string(n);
    }
    std::string operator()(double x) const { return csv_decimal(x); }
    std::string operator()(Date day) const { return day.to_string(); }
    std::string operator()(const Words& text) const { return text.code; }
    std::string operator()(bool yes) const { return yes ? "true" : "false"; }
    std::string operator()(Missing missing) const {
      return missing.reason == Reason::kWithheld ? "withheld" : "";
    }
  };
  return std::visit(Write{column}, cell.value);
}

}  // namespace

std::string to_csv(const ReportTable& table) {
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].in_csv) shown.push_back(c);
  }
  std::string out;
  const auto line = [&](const auto& text_of) {
    bool first = true;
    for (const std::size_t c : shown) {
      if (!first) out += ',';
      first = false;
      append_field(out, text_of(c));
    }
    out += "\r\n";
  };
  line([&](std::size_t c) { return csv_header(table.columns[c]); });
  for (const auto& row : table.rows) {
    line([&](std::size_t c) { return field(row[c], table.columns[c]); });
  }
  return out;
}

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
  return to_csv(table_of(report));
}
std::string to_csv(const RetentionReport& report) {
  return to_csv(table_of(report));
}
std::string to_csv(const RoiReport& report) {
  return to_csv(table_of(report));
}
std::string to_csv(const WorkforceReport& report) {
  return to_csv(table_of(report));
}
std::string to_csv(const TeamKpis& kpis) {
  return to_csv(table_of(kpis));
}
std::string to_csv(const TeamImpact& impact) {
  return to_csv(table_of(impact));
}

std::string to_csv(const VacancyOutcomes& report) {
  return to_csv(table_of(report));
}
std::string to_csv(const TeamVacancyBands& team) {
  return to_csv(table_of(team));
}

}  // namespace caretoolkit::metrics
