// The reports as tables of typed cells; see report_table.hpp.
#include "metrics/report_table.hpp"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <utility>

namespace caretoolkit::metrics {

Cell Cell::count(std::int64_t n) {
  Cell cell;
  cell.kind = CellKind::kCount;
  cell.whole = n;
  return cell;
}

Cell Cell::text(std::string code, std::string words) {
  Cell cell;
  cell.kind = CellKind::kText;
  cell.code = std::move(code);
  cell.words = std::move(words);
  return cell;
}

Cell Cell::missing(Reason why) {
  Cell cell;
  cell.kind = CellKind::kMissing;
  cell.reason = why;
  return cell;
}

Cell Cell::of(const Money& money) {
  if (!money.value) return missing(money.reason);
  Cell cell;
  cell.kind = CellKind::kMoney;
  cell.whole = money.value->value;
  return cell;
}

Cell Cell::rate(const Rate& rate) {
  if (!rate.value) return missing(rate.reason);
  Cell cell;
  cell.kind = CellKind::kRate;
  cell.fraction = *rate.value;
  return cell;
}

Cell Cell::number(const Amount& amount) {
  if (!amount.value) return missing(amount.reason);
  Cell cell;
  cell.kind = CellKind::kNumber;
  cell.fraction = *amount.value;
  return cell;
}

namespace {

using Row = std::vector<Cell>;

// The columns that name a group: its stable key (machines only) and its label.
void add_group_columns(ReportTable& table) {
  table.columns.push_back({"group_key", "", 0});
  table.columns.push_back({"group_label", "", 0});
  table.label_column = 1;
}

void add_group_cells(Row& row, const GroupKey& key) {
  row.push_back(Cell::text(key_text(key)));
  row.push_back(Cell::text(label_text(key)));
}

// Adds each group's row and the total's, each made by `make`.
template <class Report, class Make>
void add_rows(ReportTable& table, const Report& report, Make make) {
  for (const auto& group : report.groups) table.rows.push_back(make(group));
  table.rows.push_back(make(report.total));
}

std::string days_text(std::int64_t days) {
  return std::to_string(days);
}

template <class T>
Cell team_cell(const TeamFigure<T>& figure) {
  if (!figure.figure.value) return Cell::missing(figure.figure.reason);
  if constexpr (std::is_same_v<T, Pence>) {
    return Cell::of(figure.figure);
  } else if constexpr (std::is_same_v<T, double>) {
    return Cell::rate(figure.figure);
  } else {
    return Cell::count(*figure.figure.value);
  }
}

// The readable words for where a workforce row's leavers came from.
std::string leavers_from_words(LeaversFrom from) {
  switch (from) {
    case LeaversFrom::kSnapshot:
      return "the headcount";
    case LeaversFrom::kTracker:
      return "the tracker's leavers";
    case LeaversFrom::kUnknown:
      break;
  }
  return "not known";
}

// A benchmark comparison's two cells: the benchmark (its id for machines, its label for people)
// and its value.
void add_benchmark_cells(Row& row, const std::vector<Comparison>& comparisons) {
  if (comparisons.empty()) {
    row.push_back(Cell::blank());
    row.push_back(Cell::blank());
    return;
  }
  const Benchmark& benchmark = *comparisons.front().benchmark;
  row.push_back(Cell::text(std::string(benchmark.id), std::string(benchmark.label)));
  row.push_back(Cell::rate(Rate::of(benchmark.value)));
}

// A source's place in the ranking: a position only where its cost per expected stayer, the
// ranking's key, is known; otherwise why not (too few hires, or why the cost is missing).
Cell rank_cell(const RoiReport& report, std::size_t s) {
  const SourceReturn& source = report.sources[s];
  if (source.too_few_hires) return Cell::missing(Reason::kTooFewHires);
  if (!source.cost_per_expected_stayer.value) {
    return Cell::missing(source.cost_per_expected_stayer.reason);
  }
  const auto rank = std::find(report.ranked.begin(), report.ranked.end(), s);
  return Cell::count(rank - report.ranked.begin() + 1);
}

// A source's return, its rank and its flag. The readable form holds back the return of a source
// with too few hires to judge.
void add_return_cells(Row& row, const RoiReport& report, std::size_t s) {
  const SourceReturn& source = report.sources[s];
  const Reason held_back = source.too_few_hires ? Reason::kTooFewHires : Reason::kNone;
  for (Cell cell : {Cell::number(source.expected_stayers), Cell::rate(source.roi),
                    Cell::of(source.cost_per_expected_stayer)}) {
    if (cell.kind != CellKind::kMissing) cell.held_back = held_back;
    row.push_back(std::move(cell));
  }
  row.push_back(rank_cell(report, s));
  row.push_back(Cell::text(source.too_few_hires ? "true" : "false", ""));
}

}  // namespace

ReportTable table_of(const FunnelReport& report) {
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(table.columns.end(),
                       {{"applicants", "applicants"},
                        {"interviewed", "interviewed"},
                        {"offered", "offered"},
                        {"started", "started"},
                        {"in_progress", "still in progress"},
                        {"applied_to_interviewed", "applicants interviewed"},
                        {"interviewed_to_offered", "interviewed who were offered"},
                        {"offered_to_started", "offered who started"},
                        {"applied_to_started", "applicants who started"},
                        {"withdrawn_at_applied", "withdrew after applying"},
                        {"rejected_at_applied", "turned down after applying"},
                        {"withdrawn_at_interviewed", "withdrew after interview"},
                        {"rejected_at_interviewed", "turned down after interview"},
                        {"withdrawn_at_offered", "withdrew after an offer"},
                        {"rejected_at_offered", "turned down after an offer"},
                        {"median_days_to_offer", "median days to offer"},
                        {"median_days_to_start", "median days to start"}});
  add_rows(table, report, [](const FunnelRow& r) {
    Row row;
    add_group_cells(row, r.group);
    for (const std::int64_t n : {r.applicants, r.interviewed, r.offered, r.started, r.in_progress})
      row.push_back(Cell::count(n));
    for (const Rate* rate : {&r.applied_to_interviewed, &r.interviewed_to_offered,
                             &r.offered_to_started, &r.applied_to_started}) {
      row.push_back(Cell::rate(*rate));
    }
    for (const DropOuts& dropped : r.dropped) {
      row.push_back(Cell::count(dropped.withdrawn));
      row.push_back(Cell::count(dropped.rejected));
    }
    row.push_back(Cell::number(r.median_days_to_offer));
    row.push_back(Cell::number(r.median_days_to_start));
    return row;
  });
  return table;
}

ReportTable table_of(const RetentionReport& report) {
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(
      table.columns.end(),
      {{"starters", "starters"}, {"leavers", "leavers"}, {"early_leavers", "left within 90 days"}});
  for (const std::int64_t days : kRetentionDays) {
    const std::string n = days_text(days);
    table.columns.insert(table.columns.end(),
                         {{"eligible_" + n, "old enough to judge at " + n + " days", days},
                          {"retained_" + n, "still in post at " + n + " days", days},
                          {"too_recent_" + n, "too recent to judge at " + n + " days", days},
                          {"retention_" + n, "retention at " + n + " days", days}});
  }
  for (const std::int64_t days : kRetentionDays) {
    table.columns.push_back(
        {"survival_" + days_text(days), "survival curve at " + days_text(days) + " days", days});
  }
  add_rows(table, report, [](const RetentionRow& r) {
    Row row;
    add_group_cells(row, r.group);
    for (const std::int64_t n : {r.starters, r.leavers, r.early_leavers})
      row.push_back(Cell::count(n));
    for (const RetentionAt& mark : r.retention) {
      for (const std::int64_t n : {mark.eligible, mark.retained, mark.too_recent})
        row.push_back(Cell::count(n));
      row.push_back(Cell::rate(mark.rate));
    }
    for (const Rate& survival : r.survival) row.push_back(Cell::rate(survival));
    return row;
  });
  return table;
}

ReportTable table_of(const RoiReport& report) {
  const bool by_source = report.options.by == Grouping::kSource;
  const std::int64_t year = kRetentionDays.back();
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(table.columns.end(), {{"spend_pounds", "spend"},
                                             {"applicants", "applicants"},
                                             {"starters", "starters"},
                                             {"cost_per_applicant_pounds", "cost per applicant"},
                                             {"cost_per_hire_pounds", "cost per hire"}});
  for (const std::int64_t days : kRetentionDays) {
    table.columns.push_back({"cost_per_retained_hire_" + days_text(days) + "_pounds",
                             "cost per hire still in post at " + days_text(days) + " days", days});
  }
  if (by_source) {
    table.columns.insert(
        table.columns.end(),
        {{"expected_stayers_12", "hires expected to stay a year", year},
         {"roi", "return on spend (ROI)", year},
         {"cost_per_expected_stayer_pounds", "cost per hire expected to stay a year", year},
         {"rank", "where the next pound goes (1 = first)", year},
         {"too_few_hires", ""}});
  }
  const auto cost_cells = [](const CostRow& r) {
    Row row;
    add_group_cells(row, r.group);
    row.push_back(Cell::of(r.spend));
    row.push_back(Cell::count(r.applicants));
    row.push_back(Cell::count(r.starters));
    row.push_back(Cell::of(r.cost_per_applicant));
    row.push_back(Cell::of(r.cost_per_hire));
    for (const Money& cost : r.cost_per_retained_hire) row.push_back(Cell::of(cost));
    return row;
  };
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    Row row = cost_cells(report.groups[g]);
    if (by_source) add_return_cells(row, report, g);  // sources[g] is the source of groups[g]
    table.rows.push_back(std::move(row));
  }
  Row total = cost_cells(report.total);
  total.resize(table.columns.size());
  table.rows.push_back(std::move(total));
  return table;
}

ReportTable table_of(const WorkforceReport& report) {
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(table.columns.end(),
                       {{"service_type", "service type"},
                        {"snapshot_date", "headcount of"},
                        {"staff", "staff"},
                        {"vacancies", "vacancies"},
                        {"leavers", "leavers in the year"},
                        {"leavers_from", "leavers counted from"},
                        {"turnover", "turnover"},
                        {"vacancy_rate", "vacancy rate"},
                        {"turnover_cost_pounds", "cost of a year's turnover"},
                        {"turnover_benchmark", "turnover benchmark"},
                        {"turnover_benchmark_value", "benchmark turnover"},
                        {"vacancy_benchmark", "vacancy rate benchmark"},
                        {"vacancy_benchmark_value", "benchmark vacancy rate"}});
  const auto make = [](const WorkforceRow& r) {
    Row row;
    add_group_cells(row, r.group);
    row.push_back(r.group.service_type
                      ? Cell::text(std::string(tracker::to_string(*r.group.service_type)),
                                   std::string(tracker::label(*r.group.service_type)))
                      : Cell::blank());
    if (!r.snapshot_date) {
      for (int i = 0; i < 4; ++i) row.push_back(Cell::missing(Reason::kNoSnapshot));
      row.push_back(Cell::text(std::string(to_string(r.leavers_from)), ""));
    } else {
      row.push_back(Cell::text(r.snapshot_date->to_string()));
      row.push_back(Cell::count(r.staff));
      row.push_back(Cell::count(r.vacancies));
      row.push_back(r.leavers ? Cell::count(*r.leavers) : Cell::missing(Reason::kLeaversUnknown));
      row.push_back(
          Cell::text(std::string(to_string(r.leavers_from)), leavers_from_words(r.leavers_from)));
    }
    row.push_back(Cell::rate(r.turnover));
    row.push_back(Cell::rate(r.vacancy_rate));
    row.push_back(Cell::of(r.turnover_cost));
    add_benchmark_cells(row, r.turnover_benchmarks);
    add_benchmark_cells(row, r.vacancy_benchmarks);
    return row;
  };
  for (const WorkforceRow& r : report.services) table.rows.push_back(make(r));
  table.rows.push_back(make(report.total));
  return table;
}

ReportTable table_of(const TeamKpis& kpis) {
  ReportTable table;
  table.columns = {{"group", ""},
                   {"applicants", "applicants"},
                   {"starters", "starters"},
                   {"spend_pounds", "spend"},
                   {"cost_per_hire_pounds", "cost per hire"}};
  for (const std::int64_t days : kRetentionDays) {
    table.columns.push_back(
        {"retention_" + days_text(days), "retention at " + days_text(days) + " days", days});
  }
  table.columns.insert(table.columns.end(),
                       {{"turnover", "turnover"}, {"vacancy_rate", "vacancy rate"}});
  table.label_column = 0;
  const std::size_t width = table.columns.size();

  Row total{Cell::text("total", "All providers"), team_cell(kpis.applicants),
            team_cell(kpis.starters), team_cell(kpis.spend), team_cell(kpis.cost_per_hire)};
  for (const auto& retention : kpis.retention) total.push_back(team_cell(retention));
  total.push_back(team_cell(kpis.workforce.turnover));
  total.push_back(team_cell(kpis.workforce.vacancy_rate));
  table.rows.push_back(std::move(total));

  for (const TeamChannelRow& channel : kpis.channels) {
    Row row{Cell::text("channel:" + std::string(tracker::to_string(channel.channel)),
                       std::string(tracker::label(channel.channel))),
            team_cell(channel.applicants), team_cell(channel.starters), team_cell(channel.spend),
            team_cell(channel.cost_per_hire)};
    row.resize(width);
    table.rows.push_back(std::move(row));
  }
  for (const TeamWorkforceRow& service : kpis.workforce_by_service_type) {
    Row row{Cell::text("service_type:" + std::string(tracker::to_string(*service.service_type)),
                       std::string(tracker::label(*service.service_type)) + " workforce")};
    row.resize(width - 2);
    row.push_back(team_cell(service.turnover));
    row.push_back(team_cell(service.vacancy_rate));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace caretoolkit::metrics
