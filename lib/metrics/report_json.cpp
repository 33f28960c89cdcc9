// The reports as JSON; the field names are documented in report_json.hpp.
#include "metrics/report_json.hpp"

#include <iterator>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "metrics/report_text.hpp"

namespace caretoolkit::metrics {

namespace json = boost::json;

namespace {

// Writes `name`: value, or null plus "<name>_reason" and "<name>_reason_text" when the figure
// has no value. `days` is the retention mark the figure is about, 0 for none (see reason_words).
template <class T, class Convert>
void put(json::object& out, std::string_view name, const Figure<T>& figure, Convert convert,
         std::int64_t days) {
  if (figure.value) {
    out[name] = convert(*figure.value);
    return;
  }
  out[name] = nullptr;
  std::string reason_field(name);
  reason_field += "_reason";
  out[reason_field] = to_string(figure.reason);
  reason_field += "_text";
  out[reason_field] = reason_words(figure.reason, days);
}

void put(json::object& out, std::string_view name, const Rate& rate, std::int64_t days = 0) {
  put(
      out, name, rate, [](double v) { return json::value(v); }, days);
}

// `name` must end in "_pence".
void put(json::object& out, std::string_view name, const Money& money, std::int64_t days = 0) {
  put(
      out, name, money, [](Pence p) { return json::value(p.value); }, days);
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

json::object retention_mark(const RetentionAt& mark) {
  json::object out{{"days", mark.days},
                   {"eligible", mark.eligible},
                   {"retained", mark.retained},
                   {"too_recent", mark.too_recent}};
  put(out, "rate", mark.rate, mark.days);
  return out;
}

template <class Rows, class Convert>
json::array rows(const Rows& all, Convert convert) {
  json::array out;
  out.reserve(std::size(all));
  for (const auto& row : all) out.push_back(convert(row));
  return out;
}

json::object funnel_row(const FunnelRow& row) {
  json::object out{{"group", group(row.group)},      {"applicants", row.applicants},
                   {"interviewed", row.interviewed}, {"offered", row.offered},
                   {"started", row.started},         {"in_progress", row.in_progress}};
  put(out, "applied_to_interviewed", row.applied_to_interviewed);
  put(out, "interviewed_to_offered", row.interviewed_to_offered);
  put(out, "offered_to_started", row.offered_to_started);
  put(out, "applied_to_started", row.applied_to_started);
  json::object drop_outs;
  constexpr std::string_view kStages[] = {"applied", "interviewed", "offered"};
  for (std::size_t i = 0; i < row.dropped.size(); ++i) {
    drop_outs[kStages[i]] = {{"withdrawn", row.dropped[i].withdrawn},
                             {"rejected", row.dropped[i].rejected}};
  }
  out["drop_outs"] = std::move(drop_outs);
  put(out, "median_days_to_offer", row.median_days_to_offer);
  put(out, "median_days_to_start", row.median_days_to_start);
  return out;
}

json::object retention_row(const RetentionRow& row) {
  json::object out{{"group", group(row.group)},
                   {"starters", row.starters},
                   {"leavers", row.leavers},
                   {"early_leavers", row.early_leavers},
                   {"retention", rows(row.retention, retention_mark)}};
  constexpr std::string_view kSurvival[] = {"survival_91", "survival_182", "survival_365"};
  for (std::size_t i = 0; i < row.survival.size(); ++i) {
    put(out, kSurvival[i], row.survival[i], kRetentionDays[i]);
  }
  out["longest_observed_days"] =
      row.curve.starters > 0 ? json::value(row.curve.longest_observed) : json::value(nullptr);
  out["curve"] = rows(row.curve.steps, [](const SurvivalStep& step) {
    return json::object{{"day", step.day},
                        {"at_risk", step.at_risk},
                        {"left", step.left},
                        {"survival", step.survival}};
  });
  return out;
}

json::object cost_row(const CostRow& row) {
  json::object out{{"group", group(row.group)}};
  put(out, "spend_pence", row.spend);
  out["applicants"] = row.applicants;
  out["starters"] = row.starters;
  put(out, "cost_per_applicant_pence", row.cost_per_applicant);
  put(out, "cost_per_hire_pence", row.cost_per_hire);
  json::array marks;
  for (std::size_t i = 0; i < row.retention.size(); ++i) {
    json::object mark = retention_mark(row.retention[i]);
    put(mark, "cost_per_retained_hire_pence", row.cost_per_retained_hire[i], row.retention[i].days);
    marks.push_back(std::move(mark));
  }
  out["retention"] = std::move(marks);
  return out;
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

json::object workforce_row(const WorkforceRow& row) {
  json::object out{{"group", group(row.group)},
                   {"snapshot_date", optional_date(row.snapshot_date)},
                   {"staff", row.staff},
                   {"vacancies", row.vacancies},
                   {"leavers", row.leavers ? json::value(*row.leavers) : nullptr},
                   {"leavers_from", to_string(row.leavers_from)}};
  put(out, "turnover", row.turnover);
  put(out, "vacancy_rate", row.vacancy_rate);
  put(out, "turnover_cost_pence", row.turnover_cost);
  out["turnover_benchmarks"] = comparisons(row.turnover_benchmarks);
  out["vacancy_rate_benchmarks"] = comparisons(row.vacancy_benchmarks);
  return out;
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

}  // namespace

json::value to_json(const FunnelReport& report) {
  json::object out = heading("funnel", report.options);
  out["groups"] = rows(report.groups, funnel_row);
  out["total"] = funnel_row(report.total);
  return out;
}

json::value to_json(const RetentionReport& report) {
  json::object out = heading("retention", report.options);
  out["groups"] = rows(report.groups, retention_row);
  out["total"] = retention_row(report.total);
  return out;
}

json::value to_json(const RoiReport& report) {
  json::object out = heading("roi", report.options);
  out["replacement_cost_pence"] = report.options.replacement_cost.value;
  out["min_hires_to_judge"] = kMinHiresToJudge;
  out["groups"] = rows(report.groups, cost_row);
  out["total"] = cost_row(report.total);
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
  out["services"] = rows(report.services, workforce_row);
  out["total"] = workforce_row(report.total);
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

}  // namespace caretoolkit::metrics
