// The reports as CSV tables; the columns are documented in report_csv.hpp.
#include "metrics/report_csv.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <utility>

namespace caretoolkit::metrics {

namespace {

// Builds one CSV document a cell at a time.
class CsvWriter {
 public:
  explicit CsvWriter(std::initializer_list<std::string_view> header) {
    for (const std::string_view name : header) text(name);
  }

  CsvWriter& text(std::string_view value) {
    separate();
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ += value;
      return *this;
    }
    out_ += '"';
    for (const char c : value) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
    return *this;
  }

  template <class Number>
  CsvWriter& number(Number value) {
    separate();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    return *this;
  }

  CsvWriter& empty() {
    separate();
    return *this;
  }

  CsvWriter& cell(const Rate& rate) { return rate.value ? number(*rate.value) : missing(rate); }
  CsvWriter& cell(const Money& money) {
    return money.value ? number(money.value->value) : missing(money);
  }
  template <class T>
  CsvWriter& cell(const TeamFigure<T>& figure) {
    if (!figure.figure.value) return missing(figure.figure);
    if constexpr (std::is_same_v<T, Pence>) {
      return number(figure.figure.value->value);
    } else {
      return number(*figure.figure.value);
    }
  }
  CsvWriter& group(const GroupKey& key) { return text(key_text(key)).text(label_text(key)); }

  void end_row() {
    out_ += "\r\n";
    fresh_row_ = true;
  }

  std::string take() && { return std::move(out_); }

 private:
  void separate() {
    if (!fresh_row_) out_ += ',';
    fresh_row_ = false;
  }

  template <class T>
  CsvWriter& missing(const Figure<T>& figure) {
    return figure.reason == Reason::kWithheld ? text("withheld") : empty();
  }

  std::string out_;
  bool fresh_row_ = true;
};

// Writes the header line, each group's line and the total's, each with `row`.
template <class Report, class Row>
std::string table(std::initializer_list<std::string_view> header, const Report& report, Row row) {
  CsvWriter csv(header);
  csv.end_row();
  for (const auto& group : report.groups) {
    row(csv, group);
    csv.end_row();
  }
  row(csv, report.total);
  csv.end_row();
  return std::move(csv).take();
}

}  // namespace

std::string to_csv(const FunnelReport& report) {
  return table(
      {"group_key", "group_label", "applicants", "interviewed", "offered", "started", "in_progress",
       "applied_to_interviewed", "interviewed_to_offered", "offered_to_started",
       "applied_to_started", "withdrawn_at_applied", "rejected_at_applied",
       "withdrawn_at_interviewed", "rejected_at_interviewed", "withdrawn_at_offered",
       "rejected_at_offered", "median_days_to_offer", "median_days_to_start"},
      report, [](CsvWriter& csv, const FunnelRow& row) {
        csv.group(row.group)
            .number(row.applicants)
            .number(row.interviewed)
            .number(row.offered)
            .number(row.started)
            .number(row.in_progress)
            .cell(row.applied_to_interviewed)
            .cell(row.interviewed_to_offered)
            .cell(row.offered_to_started)
            .cell(row.applied_to_started);
        for (const DropOuts& dropped : row.dropped) {
          csv.number(dropped.withdrawn).number(dropped.rejected);
        }
        csv.cell(row.median_days_to_offer).cell(row.median_days_to_start);
      });
}

std::string to_csv(const RetentionReport& report) {
  return table(
      {"group_key",      "group_label",    "starters",      "leavers",      "early_leavers",
       "eligible_91",    "retained_91",    "too_recent_91", "retention_91", "eligible_182",
       "retained_182",   "too_recent_182", "retention_182", "eligible_365", "retained_365",
       "too_recent_365", "retention_365",  "survival_91",   "survival_182", "survival_365"},
      report, [](CsvWriter& csv, const RetentionRow& row) {
        csv.group(row.group).number(row.starters).number(row.leavers).number(row.early_leavers);
        for (const RetentionAt& mark : row.retention) {
          csv.number(mark.eligible).number(mark.retained).number(mark.too_recent).cell(mark.rate);
        }
        for (const Rate& survival : row.survival) csv.cell(survival);
      });
}

std::string to_csv(const RoiReport& report) {
  const bool by_source = report.options.by == Grouping::kSource;
  CsvWriter csv({"group_key", "group_label", "spend_pence", "applicants", "starters",
                 "cost_per_applicant_pence", "cost_per_hire_pence",
                 "cost_per_retained_hire_91_pence", "cost_per_retained_hire_182_pence",
                 "cost_per_retained_hire_365_pence"});
  if (by_source) {
    csv.text("expected_stayers_12")
        .text("roi")
        .text("cost_per_expected_stayer_pence")
        .text("rank")
        .text("too_few_hires");
  }
  csv.end_row();
  const auto costs = [&](const CostRow& row) {
    csv.group(row.group)
        .cell(row.spend)
        .number(row.applicants)
        .number(row.starters)
        .cell(row.cost_per_applicant)
        .cell(row.cost_per_hire);
    for (const Money& cost : row.cost_per_retained_hire) csv.cell(cost);
  };
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    costs(report.groups[g]);
    if (by_source) {
      const SourceReturn& source = report.sources[g];  // the same source, see RoiReport
      csv.cell(source.expected_stayers).cell(source.roi).cell(source.cost_per_expected_stayer);
      const auto rank = std::find(report.ranked.begin(), report.ranked.end(), g);
      if (rank == report.ranked.end()) {
        csv.empty();
      } else {
        csv.number(rank - report.ranked.begin() + 1);
      }
      csv.text(source.too_few_hires ? "true" : "false");
    }
    csv.end_row();
  }
  costs(report.total);
  if (by_source) csv.empty().empty().empty().empty().empty();
  csv.end_row();
  return std::move(csv).take();
}

std::string to_csv(const WorkforceReport& report) {
  CsvWriter csv({"group_key", "group_label", "service_type", "snapshot_date", "staff", "vacancies",
                 "leavers", "leavers_from", "turnover", "vacancy_rate", "turnover_cost_pence",
                 "turnover_benchmark", "turnover_benchmark_value", "vacancy_benchmark",
                 "vacancy_benchmark_value"});
  csv.end_row();
  const auto row = [&](const WorkforceRow& r) {
    csv.group(r.group);
    if (r.group.service_type) {
      csv.text(tracker::to_string(*r.group.service_type));
    } else {
      csv.empty();
    }
    if (r.snapshot_date) {
      csv.text(r.snapshot_date->to_string());
    } else {
      csv.empty();
    }
    csv.number(r.staff).number(r.vacancies);
    if (r.leavers) {
      csv.number(*r.leavers);
    } else {
      csv.empty();
    }
    csv.text(to_string(r.leavers_from)).cell(r.turnover).cell(r.vacancy_rate).cell(r.turnover_cost);
    for (const auto* comparisons : {&r.turnover_benchmarks, &r.vacancy_benchmarks}) {
      if (comparisons->empty()) {
        csv.empty().empty();
      } else {
        csv.text(comparisons->front().benchmark->id).number(comparisons->front().benchmark->value);
      }
    }
    csv.end_row();
  };
  for (const WorkforceRow& r : report.services) row(r);
  row(report.total);
  return std::move(csv).take();
}

std::string to_csv(const TeamKpis& kpis) {
  CsvWriter csv({"group", "applicants", "starters", "spend_pence", "cost_per_hire_pence",
                 "retention_91", "retention_182", "retention_365", "turnover", "vacancy_rate"});
  csv.end_row();
  csv.text("total")
      .cell(kpis.applicants)
      .cell(kpis.starters)
      .cell(kpis.spend)
      .cell(kpis.cost_per_hire);
  for (const auto& retention : kpis.retention) csv.cell(retention);
  csv.cell(kpis.workforce.turnover).cell(kpis.workforce.vacancy_rate);
  csv.end_row();
  for (const TeamChannelRow& row : kpis.channels) {
    csv.text("channel:" + std::string(tracker::to_string(row.channel)))
        .cell(row.applicants)
        .cell(row.starters)
        .cell(row.spend)
        .cell(row.cost_per_hire)
        .empty()
        .empty()
        .empty()
        .empty()
        .empty();
    csv.end_row();
  }
  for (const TeamWorkforceRow& row : kpis.workforce_by_service_type) {
    csv.text("service_type:" + std::string(tracker::to_string(*row.service_type)))
        .empty()
        .empty()
        .empty()
        .empty()
        .empty()
        .empty()
        .empty()
        .cell(row.turnover)
        .cell(row.vacancy_rate);
    csv.end_row();
  }
  return std::move(csv).take();
}

}  // namespace caretoolkit::metrics
