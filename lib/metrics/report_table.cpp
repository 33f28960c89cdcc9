// The reports as tables of typed cells; see report_table.hpp.
#include "metrics/report_table.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace caretoolkit::metrics {

Cell Cell::text(std::string code, std::string words) {
  return {Words{std::move(code), std::move(words)}};
}

Cell Cell::of(const Money& money) {
  return money.value ? whole(money.value->value) : missing(money.reason);
}

Cell Cell::of(const Figure<double>& figure) {
  return figure.value ? fraction(*figure.value) : missing(figure.reason);
}

std::optional<Reason> Cell::missing_reason() const {
  if (const auto* missing = std::get_if<Missing>(&value)) return missing->reason;
  return std::nullopt;
}

bool fits(const Cell& cell, ColumnKind kind) {
  if (cell.is_blank() || cell.missing_reason()) return cell.held_back == Reason::kNone;
  const bool whole = std::holds_alternative<std::int64_t>(cell.value);
  const bool fraction = std::holds_alternative<double>(cell.value);
  switch (kind) {
    case ColumnKind::kCount:
    case ColumnKind::kMoney:
      return whole;
    case ColumnKind::kRate:
    case ColumnKind::kNumber:
      return fraction;
    case ColumnKind::kDays:
      return whole || fraction;
    case ColumnKind::kDate:
      return std::holds_alternative<Date>(cell.value);
    case ColumnKind::kText:
      return std::holds_alternative<Words>(cell.value);
    case ColumnKind::kFlag:
      return std::holds_alternative<bool>(cell.value);
  }
  return false;
}

std::string json_field(const Column& column) {
  std::string field = column.json.empty() ? column.name : column.json.back().field;
  if (column.kind == ColumnKind::kMoney) field += "_pence";
  return field;
}

std::string csv_header(const Column& column) {
  return column.kind == ColumnKind::kMoney ? column.name + "_pounds" : column.name;
}

namespace {

using Row = std::vector<Cell>;
using Path = std::vector<JsonStep>;

// A column every form carries; the JSON at the row's field of the column's name.
Column column(std::string name, ColumnKind kind, std::string heading, std::int64_t days = 0) {
  Path json{{name, std::nullopt}};
  return {std::move(name), kind, std::move(heading), days, true, std::move(json)};
}

// The same, the JSON carrying it at `json` instead.
Column column_at(Path json, std::string name, ColumnKind kind, std::string heading,
                 std::int64_t days = 0) {
  return {std::move(name), kind, std::move(heading), days, true, std::move(json)};
}

// A column for the CSV and people that the JSON gives apart or not at all.
Column apart_from_json(std::string name, ColumnKind kind, std::string heading,
                       std::int64_t days = 0) {
  return {std::move(name), kind, std::move(heading), days, true, {}};
}

// A figure only the JSON gives, at `json`.
Column json_only(Path json, std::string name, ColumnKind kind, std::int64_t days = 0) {
  return {std::move(name), kind, "", days, false, std::move(json)};
}

std::string days_text(std::int64_t days) {
  return std::to_string(days);
}

// The columns that name a group: its stable key (machines only) and its label. The JSON gives the
// group as an object of its own.
void add_group_columns(ReportTable& table) {
  table.columns.push_back(apart_from_json("group_key", ColumnKind::kText, ""));
  table.columns.push_back(apart_from_json("group_label", ColumnKind::kText, ""));
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

// The JSON's steps to the field `field` of the retention mark `mark` (0 for 91 days).
Path mark_path(std::size_t mark, std::string field) {
  return {{"retention", mark}, {std::move(field), std::nullopt}};
}

// A retention mark's columns: its days (for the JSON only), the starters old enough to judge,
// those still in post, those too recent and the rate. `for_everyone` puts the counts and the rate
// in every form; otherwise only the JSON gives them, beside a figure that rests on them.
void add_mark_columns(ReportTable& table, std::size_t mark, bool for_everyone) {
  const std::int64_t days = kRetentionDays[mark];
  const std::string n = days_text(days);
  table.columns.push_back(json_only(mark_path(mark, "days"), "days_" + n, ColumnKind::kDays));
  const auto add = [&](std::string field, std::string name, ColumnKind kind, std::string heading) {
    table.columns.push_back(
        for_everyone ? column_at(mark_path(mark, std::move(field)), std::move(name), kind,
                                 std::move(heading), days)
                     : json_only(mark_path(mark, std::move(field)), std::move(name), kind, days));
  };
  add("eligible", "eligible_" + n, ColumnKind::kCount, "old enough to judge at " + n + " days");
  add("retained", "retained_" + n, ColumnKind::kCount, "still in post at " + n + " days");
  add("too_recent", "too_recent_" + n, ColumnKind::kCount, "too recent to judge at " + n + " days");
  add("rate", "retention_" + n, ColumnKind::kRate, "retention at " + n + " days");
}

void add_mark_cells(Row& row, const RetentionAt& mark) {
  for (const std::int64_t n : {mark.days, mark.eligible, mark.retained, mark.too_recent})
    row.push_back(Cell::whole(n));
  row.push_back(Cell::of(mark.rate));
}

// The funnel's drop-outs: who withdrew and who was turned down after each of the stages
// `FunnelRow::dropped` is by, in the JSON as "drop_outs": {<stage>: {"withdrawn", "rejected"}}.
void add_drop_out_columns(ReportTable& table) {
  constexpr std::array<std::array<std::string_view, 2>, 3> kHeadings = {{
      {"withdrew after applying", "turned down after applying"},
      {"withdrew after interview", "turned down after interview"},
      {"withdrew after an offer", "turned down after an offer"},
  }};
  constexpr std::array<std::string_view, 2> kFields = {"withdrawn", "rejected"};
  for (std::size_t i = 0; i < kHeadings.size(); ++i) {
    const std::string stage(tracker::to_string(funnel_stages()[i].stage));
    for (std::size_t f = 0; f < kFields.size(); ++f) {
      const std::string field(kFields[f]);
      std::string name = field;
      name += "_at_";
      name += stage;
      table.columns.push_back(column_at({{"drop_outs", {}}, {stage, {}}, {field, {}}},
                                        std::move(name), ColumnKind::kCount,
                                        std::string(kHeadings[i][f])));
    }
  }
}

// The median days of each timed step of the funnel and how many made it, in the JSON as
// "stage_durations": {<step>: {"median_days", "count"}}.
void add_step_columns(ReportTable& table) {
  for (const FunnelStep& step : funnel_steps()) {
    const std::string name(step.name);
    const std::string words(step.words);
    table.columns.push_back(column_at({{"stage_durations", {}}, {name, {}}, {"median_days", {}}},
                                      "median_days_" + name, ColumnKind::kDays,
                                      "median days " + words));
    table.columns.push_back(column_at({{"stage_durations", {}}, {name, {}}, {"count", {}}},
                                      "count_" + name, ColumnKind::kCount,
                                      "applicants timed " + words));
  }
}

template <class T>
Cell team_cell(const TeamFigure<T>& figure) {
  if constexpr (std::is_same_v<T, std::int64_t>) {
    return figure.figure.value ? Cell::whole(*figure.figure.value)
                               : Cell::missing(figure.figure.reason);
  } else {
    return Cell::of(figure.figure);
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
  row.push_back(Cell::fraction(benchmark.value));
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
  return Cell::whole(rank - report.ranked.begin() + 1);
}

// A source's return, its rank and its flag. The readable form holds back the return of a source
// with too few hires to judge.
void add_return_cells(Row& row, const RoiReport& report, std::size_t s) {
  const SourceReturn& source = report.sources[s];
  const Reason held_back = source.too_few_hires ? Reason::kTooFewHires : Reason::kNone;
  for (Cell cell : {Cell::of(source.expected_stayers), Cell::of(source.roi),
                    Cell::of(source.cost_per_expected_stayer)}) {
    if (!cell.missing_reason()) cell.held_back = held_back;
    row.push_back(std::move(cell));
  }
  row.push_back(rank_cell(report, s));
  row.push_back(Cell::flag(source.too_few_hires));
}

// A pooled rate's four cells: the rate, the providers behind it, and the counts it divides (the
// rate's reason where it has none).
void add_pooled_rate_cells(Row& row, const TeamFigure<double>& rate) {
  row.push_back(Cell::of(rate.figure));
  row.push_back(Cell::whole(rate.providers));
  for (const auto& count : {rate.numerator, rate.denominator}) {
    row.push_back(count ? Cell::whole(*count) : Cell::missing(rate.figure.reason));
  }
}

// The advert-to-outcome figures of a version or a band (views to retention), one cell each, in
// the order of add_outcome_columns.
void add_outcome_cells(Row& row, const AdvertOutcome& o, const std::array<RetentionAt, 3>& marks,
                       const Amount& per_week, const std::array<Amount, 3>& per_100) {
  const CohortCounts& c = o.counts;
  for (const std::int64_t n : {o.views, o.apply_clicks, c.applicants, o.from_vacancy_page,
                               c.interviewed, c.offered, c.started, o.days_open}) {
    row.push_back(Cell::whole(n));
  }
  row.push_back(Cell::of(per_week));
  for (std::size_t mark = 0; mark < marks.size(); ++mark) {
    add_mark_cells(row, marks[mark]);
    row.push_back(Cell::of(per_100[mark]));
  }
}

void add_outcome_columns(ReportTable& table) {
  using enum ColumnKind;
  table.columns.insert(
      table.columns.end(),
      {column("views", kCount, "page views"), column("apply_clicks", kCount, "apply clicks"),
       column("applicants", kCount, "applicants"),
       column("from_vacancy_page", kCount, "applicants via the vacancy page"),
       column("interviewed", kCount, "interviewed"), column("offered", kCount, "offered"),
       column("started", kCount, "started"), column("days_open", kDays, "days open"),
       column("applicants_per_week", kNumber, "applicants per week open")});
  for (std::size_t mark = 0; mark < kRetentionDays.size(); ++mark) {
    const std::int64_t days = kRetentionDays[mark];
    add_mark_columns(table, mark, true);
    table.columns.push_back(
        column_at(mark_path(mark, "retained_per_100_applicants"),
                  "retained_per_100_applicants_" + days_text(days), kNumber,
                  "still in post at " + days_text(days) + " days per 100 applicants", days));
  }
}

Cell band_cell(std::size_t band) {
  return Cell::text(std::string(kScoreBands[band].code), std::string(kScoreBands[band].words));
}

}  // namespace

ReportTable table_of(const FunnelReport& report) {
  using enum ColumnKind;
  ReportTable table;
  add_group_columns(table);
  for (const FunnelStage& stage : funnel_stages()) {
    table.columns.push_back(column(std::string(stage.count), kCount, std::string(stage.count)));
  }
  table.columns.insert(table.columns.end(),
                       {column("in_progress", kCount, "still in progress"),
                        column("applied_to_interviewed", kRate, "applicants interviewed"),
                        column("interviewed_to_offered", kRate, "interviewed who were offered"),
                        column("offered_to_started", kRate, "offered who started"),
                        column("applied_to_started", kRate, "applicants who started")});
  add_drop_out_columns(table);
  table.columns.insert(table.columns.end(),
                       {column("median_days_to_offer", kDays, "median days to offer"),
                        column("median_days_to_start", kDays, "median days to start")});
  add_step_columns(table);
  add_rows(table, report, [](const FunnelRow& r) {
    Row row;
    add_group_cells(row, r.group);
    for (const FunnelStage& stage : funnel_stages()) row.push_back(Cell::whole(r.*stage.reached));
    row.push_back(Cell::whole(r.in_progress));
    for (const Rate* rate : {&r.applied_to_interviewed, &r.interviewed_to_offered,
                             &r.offered_to_started, &r.applied_to_started}) {
      row.push_back(Cell::of(*rate));
    }
    for (const DropOuts& dropped : r.dropped) {
      row.push_back(Cell::whole(dropped.withdrawn));
      row.push_back(Cell::whole(dropped.rejected));
    }
    row.push_back(Cell::of(r.median_days_to_offer));
    row.push_back(Cell::of(r.median_days_to_start));
    for (const StepDays& step : r.step_days) {
      row.push_back(Cell::of(step.median_days));
      row.push_back(Cell::whole(step.count));
    }
    return row;
  });
  return table;
}

ReportTable table_of(const RetentionReport& report) {
  using enum ColumnKind;
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(
      table.columns.end(),
      {column("starters", kCount, "starters"), column("leavers", kCount, "leavers"),
       column("early_leavers", kCount, "left within 90 days")});
  for (std::size_t mark = 0; mark < kRetentionDays.size(); ++mark) {
    add_mark_columns(table, mark, true);
  }
  for (const std::int64_t days : kRetentionDays) {
    table.columns.push_back(column("survival_" + days_text(days), kRate,
                                   "survival curve at " + days_text(days) + " days", days));
  }
  add_rows(table, report, [](const RetentionRow& r) {
    Row row;
    add_group_cells(row, r.group);
    for (const std::int64_t n : {r.starters, r.leavers, r.early_leavers})
      row.push_back(Cell::whole(n));
    for (const RetentionAt& mark : r.retention) add_mark_cells(row, mark);
    for (const Rate& survival : r.survival) row.push_back(Cell::of(survival));
    return row;
  });
  return table;
}

ReportTable table_of(const RoiReport& report) {
  using enum ColumnKind;
  const bool by_source = report.options.by == Grouping::kSource;
  const std::int64_t year = kRetentionDays.back();
  ReportTable table;
  add_group_columns(table);
  table.columns.insert(
      table.columns.end(),
      {column("spend", kMoney, "spend"), column("applicants", kCount, "applicants"),
       column("starters", kCount, "starters"),
       column("cost_per_applicant", kMoney, "cost per applicant"),
       column("cost_per_hire", kMoney, "cost per hire")});
  for (std::size_t mark = 0; mark < kRetentionDays.size(); ++mark) {
    const std::int64_t days = kRetentionDays[mark];
    add_mark_columns(table, mark, false);
    table.columns.push_back(column_at(
        mark_path(mark, "cost_per_retained_hire"), "cost_per_retained_hire_" + days_text(days),
        kMoney, "cost per hire still in post at " + days_text(days) + " days", days));
  }
  // The JSON gives each source's return in a list of its own, and the ranking apart.
  if (by_source) {
    table.columns.insert(
        table.columns.end(),
        {apart_from_json("expected_stayers_12", kNumber, "hires expected to stay a year", year),
         apart_from_json("roi", kRate, "return on spend (ROI)", year),
         apart_from_json("cost_per_expected_stayer", kMoney,
                         "cost per hire expected to stay a year", year),
         apart_from_json("rank", kCount, "where the next pound goes (1 = first)", year),
         apart_from_json("too_few_hires", kFlag, "")});
  }
  const auto cost_cells = [](const CostRow& r) {
    Row row;
    add_group_cells(row, r.group);
    row.push_back(Cell::of(r.spend));
    row.push_back(Cell::whole(r.applicants));
    row.push_back(Cell::whole(r.starters));
    row.push_back(Cell::of(r.cost_per_applicant));
    row.push_back(Cell::of(r.cost_per_hire));
    for (std::size_t mark = 0; mark < r.retention.size(); ++mark) {
      add_mark_cells(row, r.retention[mark]);
      row.push_back(Cell::of(r.cost_per_retained_hire[mark]));
    }
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
  using enum ColumnKind;
  ReportTable table;
  add_group_columns(table);
  // The JSON gives the service type in the group, and the headcount's own figures apart: with no
  // headcount it has no date, 0 staff and vacancies and no leavers, where these say why not.
  table.columns.insert(
      table.columns.end(),
      {apart_from_json("service_type", kText, "service type"),
       apart_from_json("snapshot_date", kDate, "headcount of"),
       apart_from_json("staff", kCount, "staff"), apart_from_json("vacancies", kCount, "vacancies"),
       apart_from_json("leavers", kCount, "leavers in the year"),
       column("leavers_from", kText, "leavers counted from"), column("turnover", kRate, "turnover"),
       column("vacancy_rate", kRate, "vacancy rate"),
       column("turnover_cost", kMoney, "cost of a year's turnover")});
  // The first benchmark of each; the JSON lists every one apart.
  table.columns.insert(
      table.columns.end(),
      {apart_from_json("turnover_benchmark", kText, "turnover benchmark"),
       apart_from_json("turnover_benchmark_value", kRate, "benchmark turnover"),
       apart_from_json("vacancy_benchmark", kText, "vacancy rate benchmark"),
       apart_from_json("vacancy_benchmark_value", kRate, "benchmark vacancy rate")});
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
      row.push_back(Cell::date(*r.snapshot_date));
      row.push_back(Cell::whole(r.staff));
      row.push_back(Cell::whole(r.vacancies));
      row.push_back(r.leavers ? Cell::whole(*r.leavers) : Cell::missing(Reason::kLeaversUnknown));
      row.push_back(
          Cell::text(std::string(to_string(r.leavers_from)), leavers_from_words(r.leavers_from)));
    }
    row.push_back(Cell::of(r.turnover));
    row.push_back(Cell::of(r.vacancy_rate));
    row.push_back(Cell::of(r.turnover_cost));
    add_benchmark_cells(row, r.turnover_benchmarks);
    add_benchmark_cells(row, r.vacancy_benchmarks);
    return row;
  };
  for (const WorkforceRow& r : report.services) table.rows.push_back(make(r));
  table.rows.push_back(make(report.total));
  return table;
}

// The JSON gives each team figure as an object with the providers behind it (report_json.hpp),
// so no column of this table is the JSON's.
ReportTable table_of(const TeamKpis& kpis) {
  using enum ColumnKind;
  ReportTable table;
  table.columns = {
      apart_from_json("group", kText, ""), apart_from_json("applicants", kCount, "applicants"),
      apart_from_json("starters", kCount, "starters"), apart_from_json("spend", kMoney, "spend"),
      apart_from_json("cost_per_hire", kMoney, "cost per hire")};
  for (const std::int64_t days : kRetentionDays) {
    table.columns.push_back(apart_from_json("retention_" + days_text(days), kRate,
                                            "retention at " + days_text(days) + " days", days));
  }
  table.columns.insert(table.columns.end(),
                       {apart_from_json("turnover", kRate, "turnover"),
                        apart_from_json("vacancy_rate", kRate, "vacancy rate")});
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

// The JSON gives each figure as an object with the providers behind it (report_json.hpp), so no
// column of this table is the JSON's.
ReportTable table_of(const TeamImpact& impact) {
  using enum ColumnKind;
  const std::string mark = days_text(kImpactRetentionDays);
  ReportTable table;
  table.columns = {
      apart_from_json("window", kText, ""),
      apart_from_json("from", kDate, "from"),
      apart_from_json("to", kDate, "to"),
      apart_from_json("members", kCount, "member providers"),
      apart_from_json("turnover", kRate, "turnover"),
      apart_from_json("turnover_providers", kCount, "providers behind turnover"),
      apart_from_json("leavers", kCount, "leavers in the year"),
      apart_from_json("staff", kCount, "staff"),
      apart_from_json("vacancy_rate", kRate, "vacancy rate"),
      apart_from_json("vacancy_providers", kCount, "providers behind vacancy rate"),
      apart_from_json("vacancies", kCount, "vacancies"),
      apart_from_json("posts", kCount, "staff and vacancies"),
      apart_from_json("retention_" + mark, kRate, "retention at " + mark + " days",
                      kImpactRetentionDays),
      apart_from_json("retention_providers", kCount, "providers behind retention"),
      apart_from_json("retained_" + mark, kCount, "still in post at " + mark + " days",
                      kImpactRetentionDays),
      apart_from_json("judged_" + mark, kCount, "starters old enough to judge at " + mark + " days",
                      kImpactRetentionDays)};
  table.label_column = 0;
  const auto figure_cells = [](Row& row, const ImpactFigures& figures) {
    add_pooled_rate_cells(row, figures.turnover);
    add_pooled_rate_cells(row, figures.vacancy_rate);
    add_pooled_rate_cells(row, figures.retention);
  };
  for (const auto& [code, words, figures] : {std::tuple{"before", "Before joining", &impact.before},
                                             std::tuple{"after", "Since joining", &impact.after}}) {
    Row row{Cell::text(code, words), Cell::blank(), Cell::blank(), Cell::blank()};
    figure_cells(row, *figures);
    table.rows.push_back(std::move(row));
  }
  for (const ImpactQuarter& quarter : impact.quarters) {
    Row row{Cell::text(quarter.key(), quarter.label()), Cell::date(quarter.first),
            Cell::date(quarter.last), Cell::whole(quarter.members)};
    figure_cells(row, quarter.figures);
    table.rows.push_back(std::move(row));
  }
  return table;
}

ReportTable table_of(const VacancyOutcomes& report) {
  using enum ColumnKind;
  ReportTable table;
  table.columns = {apart_from_json("row", kText, ""),
                   apart_from_json("label", kText, ""),
                   column("vacancy_id", kCount, ""),
                   column("role", kText, "role"),
                   column("version", kCount, "advert version"),
                   column("score_band", kText, "score band"),
                   column("score", kCount, "advert score"),
                   apart_from_json("category_scores", kText, "category scores"),
                   column("rules_version", kText, ""),
                   column("live_from", kDate, "live from"),
                   column("live_to", kDate, "live until"),
                   column("versions", kCount, "advert versions")};
  table.label_column = 1;
  add_outcome_columns(table);
  table.columns.push_back(column("days_to_fill", kDays, "days from opening to first start"));
  for (const VersionOutcome& v : report.versions) {
    const std::string id = std::to_string(v.vacancy_id);
    const std::string version = std::to_string(v.version);
    Row row{Cell::text("version"),
            Cell::text("vacancy:" + id + ":version:" + version,
                       (v.role.empty() ? "vacancy " + id : v.role) + ", version " + version),
            Cell::whole(v.vacancy_id),
            Cell::text(v.role),
            Cell::whole(v.version),
            band_cell(score_band(v.score)),
            Cell::whole(v.score),
            Cell::text(v.category_scores, category_scores_words(v.category_scores)),
            Cell::text(v.rules_version),
            Cell::date(v.live_from),
            v.live_to ? Cell::date(*v.live_to) : Cell::blank(),
            Cell::blank()};
    add_outcome_cells(row, v.outcome, v.retention, v.applicants_per_week, v.retained_per_100);
    row.push_back(Cell::of(v.days_to_fill));
    table.rows.push_back(std::move(row));
  }
  for (const BandOutcome& band : report.bands) {
    Row row{Cell::text("band"), Cell::text(std::string(kScoreBands[band.band].code),
                                           "scores " + std::string(kScoreBands[band.band].words))};
    row.resize(5);
    row.push_back(band_cell(band.band));
    row.resize(11);
    row.push_back(Cell::whole(band.versions));
    add_outcome_cells(row, band.outcome, band.retention, band.applicants_per_week,
                      band.retained_per_100);
    row.push_back(Cell::blank());
    table.rows.push_back(std::move(row));
  }
  return table;
}

ReportTable table_of(const TeamVacancyBands& bands) {
  using enum ColumnKind;
  ReportTable table;
  table.columns = {apart_from_json("score_band", kText, ""),
                   apart_from_json("views", kCount, "page views"),
                   apart_from_json("apply_clicks", kCount, "apply clicks"),
                   apart_from_json("applicants", kCount, "applicants"),
                   apart_from_json("from_vacancy_page", kCount, "applicants via the vacancy page"),
                   apart_from_json("interviewed", kCount, "interviewed"),
                   apart_from_json("offered", kCount, "offered"),
                   apart_from_json("started", kCount, "started"),
                   apart_from_json("applicants_per_week", kNumber, "applicants per week open")};
  for (const std::int64_t days : kRetentionDays) {
    const std::string n = days_text(days);
    table.columns.push_back(
        apart_from_json("retention_" + n, kRate, "retention at " + n + " days", days));
    table.columns.push_back(apart_from_json("retained_per_100_applicants_" + n, kNumber,
                                            "still in post at " + n + " days per 100 applicants",
                                            days));
  }
  table.columns.push_back(apart_from_json("providers", kCount, "providers behind the figures"));
  for (const TeamBandOutcome& band : bands.bands) {
    Row row{band_cell(band.band)};
    for (const auto* count :
         {&band.views, &band.apply_clicks, &band.applicants, &band.from_vacancy_page,
          &band.interviewed, &band.offered, &band.started}) {
      row.push_back(team_cell(*count));
    }
    row.push_back(team_cell(band.applicants_per_week));
    for (std::size_t mark = 0; mark < kRetentionDays.size(); ++mark) {
      row.push_back(team_cell(band.retention[mark]));
      row.push_back(team_cell(band.retained_per_100[mark]));
    }
    row.push_back(Cell::whole(band.views.providers));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace caretoolkit::metrics
