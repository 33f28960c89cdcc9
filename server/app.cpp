// The application: routes, pages, store and checker; see app.hpp.
#include "app.hpp"

#include <boost/json.hpp>

#include "advert/check_context_pool.hpp"
#include "advert/checker.hpp"
#include "api/context.hpp"
#include "checker_settings_service.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "database.hpp"
#include "employer_pages.hpp"
#include "openapi_document.hpp"
#include "problem.hpp"
#include "public_pages.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"
#include "tracker/employer_directory.hpp"
#include "tracker/store.hpp"
#include "tracker/vacancy_publishing.hpp"
#include "vacancy_judge.hpp"

namespace caretoolkit::server {

namespace {

// Chart.js for the dashboard comes from Debian's libjs-chart.js package, served by us so that the
// pages load nothing from elsewhere.
constexpr const char* kChartJsCandidates[] = {
    "/usr/share/javascript/chart.js/chart.umd.min.js",
    "/usr/share/javascript/chart.js/chart.min.js",
    "/usr/share/javascript/chart.js/chart.umd.js",
    "/usr/share/javascript/chart.js/chart.js",
};

}  // namespace

App::App(AppConfig config)
    : config_(std::move(config)),
      log_(config_.access_log),
      cookies_(config_.public_origin),
      advert_limiter_(config_.advert_checks_per_minute, config_.advert_check_burst) {
  pages_.load_directory(config_.content_dir);
  for (const char* candidate : kChartJsCandidates) {
    if (pages_.add_file("/vendor/chart.js", candidate)) break;
  }
  rules_ = std::make_unique<rules::RuleSet>(rules::RuleSet::load_directory(config_.rules_dir));
  analyzer_ = std::make_unique<text::Analyzer>();
  checker_ = std::make_unique<advert::Checker>(*rules_, *analyzer_);
  store_ = open_database(config_.database, OpenMode::kCreate, config_.now);
  metrics_.set_database_wal_bytes_source([this] { return store_->wal_bytes(); });
  settings_ = std::make_unique<CheckerSettingsService>(*store_, *rules_, *analyzer_, *checker_);
  check_contexts_ = std::make_unique<advert::CheckContextPool>();
  vacancies_ = std::make_unique<tracker::VacancyPublishing>(
      *store_, make_vacancy_judge(*store_, *settings_, *checker_, *check_contexts_));
  vacancies_->close_expired_daily();
  employers_ = std::make_unique<tracker::EmployerDirectory>(*store_, *vacancies_);
  api_context_ = std::make_unique<api::ApiContext>(
      api::ApiContext{*store_, *checker_, *settings_, advert_limiter_, metrics_, cookies_,
                      *vacancies_, *check_contexts_});
  add_routes();
}

App::~App() = default;

void App::set_open_connections_source(std::function<std::size_t()> source) {
  metrics_.set_open_connections_source(std::move(source));
}

void App::add_routes() {
  router_.add("GET", "/healthz", [](Request&) {
    boost::json::object body{{"status", "ok"}, {"version", kVersion}};
    Response response = Response::json(200, boost::json::serialize(body));
    response.set_header("Cache-Control", "no-store");
    return response;
  });
  metrics_router_.add("GET", "/metrics", [this](Request&) { return metrics_response(); });
  metrics_router_.set_fallback([](Request& request) {
    return problem(404, "not-found",
                   "This address serves only /metrics, not " + request.path + ".");
  });
  if (!config_.metrics_on_own_listener) {
    router_.add("GET", "/metrics", [this](Request& request) {
      if (is_loopback_address(request.client_address)) return metrics_response();
      return problem(403, "forbidden",
                     "The metrics are served only to clients on this machine; serve them on an "
                     "address of their own with --metrics-listen.");
    });
  }
  router_.add("GET", std::string(api::kApiPrefix) + "/openapi.json",
              [](Request&) { return Response::json(200, std::string(openapi_document())); });
  api::add_api_routes(router_, *api_context_);
  add_public_pages(router_, *vacancies_, config_.public_origin);
  add_employer_pages(router_, *employers_);
  router_.set_fallback([this](Request& request) { return pages_.serve(request); });
}

Response App::metrics_response() const {
  Response response =
      Response::text(200, "text/plain; version=0.0.4; charset=utf-8", metrics_.render());
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response App::handle_metrics_listener(Request& request, std::string& route,
                                      std::string& log_detail) {
  return metrics_router_.dispatch(request, route, log_detail);
}

Response App::handle(Request& request, std::string& route, std::string& log_detail) {
  request.session_token = cookies_.session_token(request);
  request.from_other_site = cookies_.from_other_site(request);
  Response response = router_.dispatch(request, route, log_detail);
  if (request.session_refused) cookies_.clear(response);
  if (request.key_checked) {
    // The answer depends on the key or the session: no shared or private cache may keep it or
    // serve it to another caller.
    response.set_header("Cache-Control", "no-store");
    response.set_header("Vary", "Authorization, Cookie");
  }
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  if (response.content_type.starts_with("text/html")) {
    // The pages load nothing from elsewhere: the toolkit must work on a closed network.
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                        "base-uri 'self'; form-action 'self'");
  }
  return response;
}

void App::observe(const Exchange& exchange) {
  metrics_.observe_request(exchange.route, exchange.request.method, exchange.response.status,
                           exchange.duration);
  log_.write(exchange);
}

}  // namespace caretoolkit::server
