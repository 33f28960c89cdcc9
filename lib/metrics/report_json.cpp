// The reports as JSON; the field names are documented in report_json.hpp.
#include "metrics/report_json.hpp"

#include <iterator>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/json.hpp>

#include "metrics/report_table.hpp"
#include "metrics/report_text.hpp"

namespace caretoolkit::metrics {

namespace json = boost::json;

namespace {

// Writes `cell` as the field `name` of `out`: its value, or null plus "<name>_reason" and
// "<name>_reason_text" when the figure is missing; nothing for a blank. `days` is the retention
// mark the figure is about, 0 for none (see reason_words).
void put(json::object& out, const std::string& name, const Cell& cell, std::int64_t days) {
  struct Put {
    json::object& out;
    const std::string& name;
    std::int64_t days;
    void operator()(std::monostate) const {}
    void operator()(std::int64_t n) const { out[name] = n; }
    void operator()(double x) const { out[name] = x; }
    void operator()(Date day) const { out[name] = day.to_string(); }
    void operator()(const Words& text) const { out[name] = text.code; }
    void operator()(bool yes) const { out[name] = yes; }
    void operator()(Missing missing) const {
      out[name] = nullptr;
      out[name + "_reason"] = to_string(missing.reason);
      out[name + "_reason_text"] = reason_words(missing.reason, days);
    }
  };
  std::visit(Put{out, name, days}, cell.value);
}

// A figure outside the tables; `name` ends in "_pence" for money.
template <class T>
void put(json::object& out, const std::string& name, const Figure<T>& figure,
         std::int64_t days = 0) {
  put(out, name, Cell::of(figure), days);
}

// The object at the end of `steps` but the last, from `row`, made on the way as needed: where a
// column's figure goes.
json::object& place(json::object& row, const std::vector<JsonStep>& steps) {
  json::object* at = &row;
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
    json::value& next = (*at)[steps[i].field];
    if (!steps[i].item) {
      if (!next.is_object()) next = json::object();
      at = &next.as_object();
      continue;
    }
    if (!next.is_array()) next = json::array();
    json::array& items = next.as_array();
    while (items.size() <= *steps[i].item) items.emplace_back(json::object());
    at = &items[*steps[i].item].as_object();
  }
  return *at;
}

// `out` with the figures of the table's row `r` added, each where its column says.
json::object with_figures(json::object out, const ReportTable& table, std::size_t r) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    if (column.json.empty()) continue;
    put(place(out, column.json), json_field(column), table.rows[r][c], column.days);
  }
  return out;
}

// The JSON rows of a report whose table has a row per group and then the total's: the groups'
// under `groups_field`, the total's under "total", each made by `make(row, r)` from the report's
// row and its place in the table.
template <class Row, class Make>
void put_rows(json::object& out, std::string_view groups_field, const std::vector<Row>& groups,
              const Row& total, Make make) {
  json::array all;
  all.reserve(groups.size());
  for (std::size_t r = 0; r < groups.size(); ++r) all.push_back(make(groups[r], r));
  out[groups_field] = std::move(all);
  out["total"] = make(total, groups.size());
}

json::value optional_date(const std::optional<Date>& date) {
  return date ? json::value(date->to_string()) : json::value(nullptr);
}

json::object period(const ReportOptions& options) {
  return {{"from", options.from.to_string()},
          {"to", options.to.to_string()},
          {"as_of", options.effective_as_of().to_string()}};
}

json::object group(const GroupKey& key) {
  json::object out;
  out["by"] = key.is_total() ? std::string_view("total") : to_string(key.by);
  out["key"] = key_text(key);
  out["label"] = label_text(key);
  const auto optional_id = [](const std::optional<tracker::Id>& id) {
    return id ? json::value(*id) : json::value(nullptr);
  };
  switch (key.by) {
    case Grouping::kNone:
      break;
    case Grouping::kSource:
      out["source_id"] = optional_id(key.id);
      out["channel"] = tracker::to_string(*key.channel);
      break;
    case Grouping::kChannel:
      out["channel"] = tracker::to_string(*key.channel);
      break;
    case Grouping::kService:
      out["service_id"] = optional_id(key.id);
      out["service_type"] =
          key.service_type ? json::value(tracker::to_string(*key.service_type)) : nullptr;
      break;
    case Grouping::kVacancy:
      out["vacancy_id"] = optional_id(key.id);
      break;
    case Grouping::kMonth:
      out["month"] = key_text(key);
      break;
  }
  return out;
}

// The report's opening fields: its name, period and grouping.
json::object heading(std::string_view report, const ReportOptions& options) {
  return {{"report", report}, {"period", period(options)}, {"by", to_string(options.by)}};
}

template <class Rows, class Convert>
json::array rows(const Rows& all, Convert convert) {
  json::array out;
  out.reserve(std::size(all));
  for (const auto& row : all) out.push_back(convert(row));
  return out;
}

// [{"step": "applied_to_interviewed", "from": "applied", "to": "interviewed", "label": "from
// applying to interview"}, ...]: the funnel's timed steps, so that a reader names them as the
// tracker does.
json::array funnel_step_terms() {
  return rows(funnel_steps(), [](const FunnelStep& step) {
    return json::object{{"step", step.name},
                        {"from", tracker::to_string(step.from)},
                        {"to", tracker::to_string(step.to)},
                        {"label", step.words}};
  });
}

// [{"stage": "applied", "label": "Applied", "count": "applicants"}, ...]: the stage each of the
// funnel's counts counts, so that a reader names them as the tracker does.
json::array funnel_stage_terms() {
  return rows(funnel_stages(), [](const FunnelStage& stage) {
    return json::object{{"stage", tracker::to_string(stage.stage)},
                        {"label", tracker::label(stage.stage)},
                        {"count", stage.count}};
  });
}

// What a retention row gives beyond its table: how long its longest-serving starter has been
// observed, and the curve itself.
void put_curve(json::object& out, const RetentionRow& row) {
  out["longest_observed_days"] =
      row.curve.starters > 0 ? json::value(row.curve.longest_observed) : json::value(nullptr);
  out["curve"] = rows(row.curve.steps, [](const SurvivalStep& step) {
    return json::object{{"day", step.day},
                        {"at_risk", step.at_risk},
                        {"left", step.left},
                        {"survival", step.survival}};
  });
}

json::object source_return(const SourceReturn& source) {
  json::object out{{"group", group(source.source)},
                   {"spend_pence", source.spend.value},
                   {"starters", source.starters},
                   {"starters_observed", source.starters_observed}};
  // Each of these rests on who stays a year.
  const std::int64_t year = kRetentionDays.back();
  put(out, "survival_365", source.survival_365, year);
  put(out, "expected_stayers_12", source.expected_stayers, year);
  put(out, "benefit_pence", source.benefit, year);
  put(out, "roi", source.roi, year);
  put(out, "cost_per_expected_stayer_pence", source.cost_per_expected_stayer, year);
  out["too_few_hires"] = source.too_few_hires;
  return out;
}

std::string too_few_hires_warning(std::int64_t starters) {
  std::string warning = "Too few hires to judge: ";
  warning += std::to_string(starters);
  warning += starters == 1 ? " starter" : " starters";
  warning += " in the period, and at least ";
  warning += std::to_string(kMinHiresToJudge);
  warning += " are needed.";
  return warning;
}

json::array benchmarks() {
  json::array out;
  for (const Benchmark& b : benchmark_table()) {
    out.push_back(
        json::object{{"id", b.id},
                     {"measure", to_string(b.measure)},
                     {"value", b.value},
                     {"label", b.label},
                     {"service_type",
                      b.service_type ? json::value(tracker::to_string(*b.service_type)) : nullptr},
                     {"source", b.source}});
  }
  return out;
}

json::array comparisons(const std::vector<Comparison>& all) {
  return rows(all, [](const Comparison& c) {
    return json::object{{"benchmark", c.benchmark->id},
                        {"value", c.benchmark->value},
                        {"difference", c.difference ? json::value(*c.difference) : nullptr}};
  });
}

// A workforce row's opening: its group and its headcount's own figures, which the JSON gives as
// they are (no date, 0 staff and vacancies, no leavers without a headcount), where the table says
// why each is missing.
json::object workforce_opening(const WorkforceRow& row) {
  return {{"group", group(row.group)},
          {"snapshot_date", optional_date(row.snapshot_date)},
          {"staff", row.staff},
          {"vacancies", row.vacancies},
          {"leavers", row.leavers ? json::value(*row.leavers) : nullptr}};
}

// `days` is the retention mark the figure is about, 0 for none (see reason_words).
template <class T, class Convert>
json::object team_figure(const TeamFigure<T>& figure, Convert convert, std::int64_t days = 0) {
  json::object out;
  out["value"] = figure.figure.value ? convert(*figure.figure.value) : json::value(nullptr);
  out["providers"] = figure.providers;
  if (figure.numerator && figure.denominator) {
    out["numerator"] = *figure.numerator;
    out["denominator"] = *figure.denominator;
  }
  if (!figure.figure.value) {
    out["reason"] = to_string(figure.figure.reason);
    out["reason_text"] = reason_words(figure.figure.reason, days);
  }
  return out;
}

json::object team_count(const TeamFigure<std::int64_t>& f) {
  return team_figure(f, [](std::int64_t v) { return json::value(v); });
}
json::object team_rate(const TeamFigure<double>& f, std::int64_t days = 0) {
  return team_figure(
      f, [](double v) { return json::value(v); }, days);
}
json::object team_money(const TeamFigure<Pence>& f) {
  return team_figure(f, [](Pence v) { return json::value(v.value); });
}

json::object team_workforce_row(const TeamWorkforceRow& row) {
  return {{"service_type",
           row.service_type ? json::value(tracker::to_string(*row.service_type)) : nullptr},
          {"turnover", team_rate(row.turnover)},
          {"vacancy_rate", team_rate(row.vacancy_rate)},
          {"turnover_benchmarks", comparisons(row.turnover_benchmarks)},
          {"vacancy_rate_benchmarks", comparisons(row.vacancy_benchmarks)}};
}

json::object impact_figures(const ImpactFigures& figures) {
  return {{"turnover", team_rate(figures.turnover)},
          {"vacancy_rate", team_rate(figures.vacancy_rate)},
          {"retention_" + std::to_string(kImpactRetentionDays),
           team_rate(figures.retention, kImpactRetentionDays)}};
}

json::array score_bands() {
  json::array out;
  for (const ScoreBand& band : kScoreBands) {
    out.push_back(json::object{{"score_band", band.code},
                               {"label", band.words},
                               {"lowest", band.lowest},
                               {"highest", band.highest}});
  }
  return out;
}

// The version's category scores as the object they are stored as.
json::value category_scores(const std::string& text) {
  boost::system::error_code failed;
  json::value parsed = json::parse(text, failed);
  return failed ? json::value(text) : parsed;
}

}  // namespace

json::object json_figures(const ReportTable& table, std::size_t row) {
  return with_figures({}, table, row);
}

json::value to_json(const FunnelReport& report) {
  const ReportTable table = table_of(report);
  json::object out = heading("funnel", report.options);
  out["stages"] = funnel_stage_terms();
  out["steps"] = funnel_step_terms();
  put_rows(out, "groups", report.groups, report.total, [&](const FunnelRow& row, std::size_t r) {
    return with_figures({{"group", group(row.group)}}, table, r);
  });
  return out;
}

json::value to_json(const RetentionReport& report) {
  const ReportTable table = table_of(report);
  json::object out = heading("retention", report.options);
  put_rows(out, "groups", report.groups, report.total, [&](const RetentionRow& row, std::size_t r) {
    json::object json_row = with_figures({{"group", group(row.group)}}, table, r);
    put_curve(json_row, row);
    return json_row;
  });
  return out;
}

json::value to_json(const RoiReport& report) {
  const ReportTable table = table_of(report);
  json::object out = heading("roi", report.options);
  out["replacement_cost_pence"] = report.options.replacement_cost.value;
  out["min_hires_to_judge"] = kMinHiresToJudge;
  put_rows(out, "groups", report.groups, report.total, [&](const CostRow& row, std::size_t r) {
    return with_figures({{"group", group(row.group)}}, table, r);
  });
  out["sources"] = rows(report.sources, source_return);
  const auto entry = [&](std::size_t s) {
    const SourceReturn& source = report.sources[s];
    json::object pick{{"source_id", *source.source.id},
                      {"label", source.source.name},
                      {"starters", source.starters}};
    put(pick, "cost_per_expected_stayer_pence", source.cost_per_expected_stayer,
        kRetentionDays.back());
    return pick;
  };
  json::array ranked;
  for (const std::size_t s : report.ranked) ranked.push_back(entry(s));
  json::array too_few;
  for (const std::size_t s : report.too_few_hires) {
    json::object pick = entry(s);
    pick["warning"] = too_few_hires_warning(report.sources[s].starters);
    too_few.push_back(std::move(pick));
  }
  out["next_pound"] = {{"ranked", std::move(ranked)}, {"too_few_hires", std::move(too_few)}};
  return out;
}

json::value to_json(const WorkforceReport& report) {
  json::object out{{"report", "workforce"},
                   {"as_of", report.options.effective_as_of().to_string()},
                   {"replacement_cost_pence", report.options.replacement_cost.value}};
  const ReportTable table = table_of(report);
  put_rows(out, "services", report.services, report.total,
           [&](const WorkforceRow& row, std::size_t r) {
             json::object json_row = with_figures(workforce_opening(row), table, r);
             json_row["turnover_benchmarks"] = comparisons(row.turnover_benchmarks);
             json_row["vacancy_rate_benchmarks"] = comparisons(row.vacancy_benchmarks);
             return json_row;
           });
  out["total_basis"] = to_string(report.total_basis);
  out["benchmarks"] = benchmarks();
  return out;
}

json::value to_json(const TeamKpis& kpis) {
  json::object out{{"report", "team_kpis"}, {"period", period(kpis.options)}};
  out["providers"] = kpis.providers;
  out["min_providers"] = kMinProviders;
  out["applicants"] = team_count(kpis.applicants);
  out["interviewed"] = team_count(kpis.interviewed);
  out["offered"] = team_count(kpis.offered);
  out["starters"] = team_count(kpis.starters);
  out["early_leavers"] = team_count(kpis.early_leavers);
  out["applied_to_started"] = team_rate(kpis.applied_to_started);
  json::array retention;
  for (std::size_t i = 0; i < kpis.retention.size(); ++i) {
    retention.push_back(json::object{{"days", kRetentionDays[i]},
                                     {"rate", team_rate(kpis.retention[i], kRetentionDays[i])}});
  }
  out["retention"] = std::move(retention);
  out["spend_pence"] = team_money(kpis.spend);
  out["cost_per_hire_pence"] = team_money(kpis.cost_per_hire);
  out["channels"] = rows(kpis.channels, [](const TeamChannelRow& row) {
    return json::object{{"channel", tracker::to_string(row.channel)},
                        {"label", tracker::label(row.channel)},
                        {"applicants", team_count(row.applicants)},
                        {"starters", team_count(row.starters)},
                        {"spend_pence", team_money(row.spend)},
                        {"cost_per_hire_pence", team_money(row.cost_per_hire)}};
  });
  out["workforce"] = team_workforce_row(kpis.workforce);
  out["workforce_by_service_type"] = rows(kpis.workforce_by_service_type, team_workforce_row);
  out["benchmarks"] = benchmarks();
  return out;
}

json::value to_json(const TeamImpact& impact) {
  const ImpactWords& words = impact_words();
  json::object out{{"report", "team_impact"},
                   {"as_of", impact.as_of.to_string()},
                   {"providers", impact.providers},
                   {"min_providers", kMinProviders},
                   {"without_joined_date", impact.without_joined_date},
                   {"joined_after_as_of", impact.joined_after_as_of},
                   {"retention_days", kImpactRetentionDays},
                   {"windows", json::object{{"before", words.before},
                                            {"after", words.after},
                                            {"matched", words.matched},
                                            {"quarters", words.quarters}}}};
  out["before"] = impact_figures(impact.before);
  out["after"] = impact_figures(impact.after);
  out["quarters"] = rows(impact.quarters, [](const ImpactQuarter& quarter) {
    json::object row = impact_figures(quarter.figures);
    row["quarter"] = quarter.key();
    row["label"] = quarter.label();
    row["from"] = quarter.first.to_string();
    row["to"] = quarter.last.to_string();
    row["members"] = quarter.members;
    return row;
  });
  return out;
}

json::value to_json(const VacancyOutcomes& report) {
  const ReportTable table = table_of(report);
  json::object out{{"report", "vacancies"}, {"period", period(report.options)}};
  out["score_bands"] = score_bands();
  out["limits"] = kAdvertOutcomeLimits;
  json::array versions;
  for (std::size_t r = 0; r < report.versions.size(); ++r) {
    versions.push_back(with_figures(
        {{"category_scores", category_scores(report.versions[r].category_scores)}}, table, r));
  }
  out["versions"] = std::move(versions);
  json::array bands;
  for (std::size_t b = 0; b < report.bands.size(); ++b) {
    const std::size_t r = report.versions.size() + b;
    bands.push_back(with_figures({{"label", kScoreBands[b].words}}, table, r));
  }
  out["bands"] = std::move(bands);
  return out;
}

json::value to_json(const TeamVacancyBands& team) {
  json::object out{{"report", "team_vacancy_bands"}, {"period", period(team.options)}};
  out["providers"] = team.providers;
  out["min_providers"] = kMinProviders;
  out["score_bands"] = score_bands();
  out["limits"] = kAdvertOutcomeLimits;
  out["bands"] = rows(team.bands, [](const TeamBandOutcome& band) {
    json::object row{{"score_band", kScoreBands[band.band].code},
                     {"label", kScoreBands[band.band].words},
                     {"views", team_count(band.views)},
                     {"apply_clicks", team_count(band.apply_clicks)},
                     {"applicants", team_count(band.applicants)},
                     {"from_vacancy_page", team_count(band.from_vacancy_page)},
                     {"interviewed", team_count(band.interviewed)},
                     {"offered", team_count(band.offered)},
                     {"started", team_count(band.started)},
                     {"applicants_per_week", team_rate(band.applicants_per_week)}};
    json::array retention;
    for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
      retention.push_back(json::object{
          {"days", kRetentionDays[i]},
          {"rate", team_rate(band.retention[i], kRetentionDays[i])},
          {"retained_per_100_applicants", team_rate(band.retained_per_100[i], kRetentionDays[i])}});
    }
    row["retention"] = std::move(retention);
    return row;
  });
  return out;
}

}  // namespace caretoolkit::metrics
