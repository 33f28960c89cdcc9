// The tracker's reports over HTTP: GET /api/v1/reports/{funnel,roi,retention,workforce,vacancies}
// for the caller's provider, and GET /api/v1/kpis across all providers for the team, with
// GET /api/v1/kpis/impact for its members before and since joining (?as_of= only) and
// GET /api/v1/kpis/vacancies for the advert score bands across them. The period and
// the grouping come from the query (?from=&to=&as_of=&by=&replacement_cost_pence=); the JSON is the
// metrics module's own (metrics/report_json.hpp).
#include <boost/json.hpp>
#include <charconv>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "metrics/report_json.hpp"
#include "metrics/store_view.hpp"
#include "team_kpis.hpp"

namespace caretoolkit::server::api {

namespace {

// The options of the query, held to the store's today (see metrics::ReportOptions::today).
metrics::ReportOptions report_options(const Request& request, const tracker::Store& store) {
  metrics::ReportOptions options;
  options.today = store.today();
  const auto from = query_date(request, "from");
  const auto to = query_date(request, "to");
  if (!from)
    throw Error(ErrorCode::kInvalid, "from (the first day of the period) is required", "from");
  if (!to) throw Error(ErrorCode::kInvalid, "to (the last day of the period) is required", "to");
  options.from = *from;
  options.to = *to;
  options.as_of = query_date(request, "as_of");
  if (const auto by = request.query_param("by")) {
    const auto grouping = metrics::parse_grouping(*by);
    if (!grouping) {
      throw Error(ErrorCode::kInvalid,
                  "by must be one of none, source, channel, service, vacancy, month", "by");
    }
    options.by = *grouping;
  }
  if (const auto cost = request.query_param("replacement_cost_pence")) {
    std::int64_t pence = 0;
    const auto [end, ec] = std::from_chars(cost->data(), cost->data() + cost->size(), pence);
    if (ec != std::errc() || end != cost->data() + cost->size() || pence <= 0 ||
        Pence{pence} > kMaxAmount) {
      throw Error(ErrorCode::kInvalid,
                  "replacement_cost_pence must be a whole number of pence from 1 to " +
                      std::to_string(kMaxAmount.value) + " (£" + format_pounds(kMaxAmount) + ")",
                  "replacement_cost_pence");
    }
    options.replacement_cost = Pence{pence};
  }
  metrics::validate(options);
  return options;
}

// The as-of day of the team's impact: today unless the query gives one, never after today.
Date impact_as_of(const Request& request, const tracker::Store& store) {
  metrics::ReportOptions options;
  options.today = store.today();
  options.as_of = query_date(request, "as_of").value_or(*options.today);
  options.from = options.to = *options.as_of;
  metrics::validate(options);
  return *options.as_of;
}

template <class Report>
void add_report(Router& router, tracker::Store& store, std::string_view name,
                Report (*compute)(const metrics::TrackerData&, const metrics::ReportOptions&)) {
  router.add("GET", std::string(kApiPrefix) + "/reports/" + std::string(name),
             [&store, compute](Request& request) {
               const tracker::Id provider = require_provider(request, store);
               const auto options = report_options(request, store);
               // Rows dated after as_of cannot count, so they are not even read.
               const auto rows = store.load_tracker_data(provider, options.effective_as_of());
               return json_response(200,
                                    metrics::to_json(compute(metrics::view_of(rows), options)));
             });
}

}  // namespace

void add_report_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_report(router, store, "funnel", &metrics::funnel_report);
  add_report(router, store, "roi", &metrics::roi_report);
  add_report(router, store, "retention", &metrics::retention_report);
  add_report(router, store, "workforce", &metrics::workforce_report);

  // The report reads advert versions and page counts beside the provider's rows.
  router.add("GET", std::string(kApiPrefix) + "/reports/vacancies", [&store](Request& request) {
    const tracker::Id provider = require_provider(request, store);
    const auto options = report_options(request, store);
    return json_response(200,
                         metrics::to_json(vacancy_outcomes_from_store(store, provider, options)));
  });

  router.add("GET", std::string(kApiPrefix) + "/kpis/vacancies", [&store](Request& request) {
    require_team(request, store);
    const auto options = report_options(request, store);
    return json_response(200, metrics::to_json(team_vacancy_bands_from_store(store, options)));
  });

  router.add("GET", std::string(kApiPrefix) + "/kpis/impact", [&store](Request& request) {
    require_team(request, store);
    return json_response(
        200, metrics::to_json(team_impact_from_store(store, impact_as_of(request, store))));
  });

  router.add("GET", std::string(kApiPrefix) + "/kpis", [&store](Request& request) {
    require_team(request, store);
    const auto options = report_options(request, store);
    return json_response(200, metrics::to_json(team_kpis_from_store(store, options)));
  });
}

}  // namespace caretoolkit::server::api
