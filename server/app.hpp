// The application behind the HTTP server: the route table, the toolkit pages, the tracker store,
// the advert checker and the server's metrics, assembled once at start-up. HttpServer calls
// handle() for every request and observe() after every response; both are thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "access_log.hpp"
#include "http_server.hpp"
#include "metrics_registry.hpp"
#include "rate_limiter.hpp"
#include "router.hpp"
#include "session_cookies.hpp"
#include "static_files.hpp"

namespace caretoolkit::advert {
class Checker;
class CheckContextPool;
}  // namespace caretoolkit::advert
namespace caretoolkit::rules {
class RuleSet;
}
namespace caretoolkit::text {
class Analyzer;
}
namespace caretoolkit::tracker {
class Store;
class VacancyPublishing;
class EmployerDirectory;
}  // namespace caretoolkit::tracker

namespace caretoolkit::server {

namespace api {
struct ApiContext;
}
class CheckerSettingsService;

struct AppConfig {
  // A SQLite file's path or a PostgreSQL connection URI (server/database.hpp).
  std::string database = "data/caretoolkit.db";
  std::filesystem::path content_dir = "toolkit-content";
  std::filesystem::path rules_dir = "rules";
  bool access_log = true;
  // The advert checker needs no key, so it is limited per client address; 0 turns the limit off.
  unsigned advert_checks_per_minute = 120;
  unsigned advert_check_burst = 30;
  // Where /metrics is answered. By default only to clients on this machine (an operator's
  // Prometheus beside the server); with its own listener (serve --metrics-listen), only there, and
  // the main address answers 404. A reverse proxy on this machine makes every client look local,
  // so a deployment behind one should give the metrics their own listener.
  bool metrics_on_own_listener = false;
  // The address people open the toolkit at when a reverse proxy stands in front
  // ("https://toolkit.example.org"); empty when they reach this server directly. An https one
  // makes the sign-in cookies Secure (session_cookies.hpp).
  std::string public_origin;
  // The clock sign-in sessions are timed by; empty for the system clock. Tests move it on.
  std::function<std::chrono::system_clock::time_point()> now;
};

class App {
 public:
  // Opens (creating if missing) the database, loads the rule packs and the pages. Throws
  // caretoolkit::Error naming the option when a path or a rule pack is unusable.
  explicit App(AppConfig config);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Response handle(Request& request, std::string& route, std::string& log_detail);
  // The handler of the metrics' own listener: GET /metrics, and 404 for anything else.
  Response handle_metrics_listener(Request& request, std::string& route, std::string& log_detail);
  void observe(const Exchange& exchange);

  // Where /metrics reads the open connection count from (the HttpServer, once started).
  void set_open_connections_source(std::function<std::size_t()> source);

  const Router& router() const { return router_; }
  AccessLog& log() { return log_; }
  tracker::Store& store() { return *store_; }

 private:
  void add_routes();

  Response metrics_response() const;

  AppConfig config_;
  AccessLog log_;
  SessionCookies cookies_;
  StaticFiles pages_;
  std::unique_ptr<tracker::Store> store_;
  std::unique_ptr<rules::RuleSet> rules_;
  std::unique_ptr<text::Analyzer> analyzer_;
  std::unique_ptr<advert::Checker> checker_;          // reads rules_ and analyzer_
  std::unique_ptr<CheckerSettingsService> settings_;  // reads store_, rules_ and analyzer_
  std::unique_ptr<advert::CheckContextPool> check_contexts_;
  std::unique_ptr<tracker::VacancyPublishing> vacancies_;  // reads store_, settings_, checker_
  std::unique_ptr<tracker::EmployerDirectory> employers_;  // reads store_ and vacancies_
  RateLimiter advert_limiter_;
  MetricsRegistry metrics_;
  std::unique_ptr<api::ApiContext> api_context_;
  Router router_;
  Router metrics_router_;  // the metrics' own listener
};

}  // namespace caretoolkit::server
