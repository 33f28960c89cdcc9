// In-process test server; see test_server.hpp.
#include "test_server.hpp"

#include <atomic>
#include <random>

#include <SQLiteCpp/Database.h>

#include "pg/connection.hpp"
#include "tracker/api_keys.hpp"

namespace caretoolkit::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device random;
  path_ = fs::path(CARETOOLKIT_BINARY_DIR) / "test-tmp" /
          ("run-" + std::to_string(random()) + "-" + std::to_string(counter++));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

TestServer::TestServer(const TestServerOptions& options) {
  server::AppConfig app_config;
  app_config.database = database_.location();
  app_config.content_dir = options.content_dir;
  app_config.rules_dir = options.rules_dir;
  app_config.access_log = false;
  app_config.advert_checks_per_minute = options.advert_checks_per_minute;
  app_config.advert_check_burst = options.advert_check_burst;
  app_config.public_origin = options.public_origin;
  app_config.now = options.now;
  app_ = std::make_unique<server::App>(app_config);
  http_ = std::make_unique<server::HttpServer>(
      options.config,
      [app = app_.get()](server::Request& request, std::string& route, std::string& log_detail) {
        return app->handle(request, route, log_detail);
      },
      [app = app_.get()](const server::Exchange& exchange) { app->observe(exchange); });
  http_->start();
  app_->set_open_connections_source([http = http_.get()] { return http->open_connections(); });
}

std::int64_t TestServer::count_rows(const std::string& table) const {
  // The table's name is the test's own, never input.
  const std::string sql = "SELECT count(*) FROM " + table;
  if (pg::is_uri(database()))
    return pg::Connection(database()).exec(sql).single().get<std::int64_t>(0);
  SQLite::Database db(database(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::string TestServer::create_team_key() {
  return tracker::issue_api_key(app_->store(), tracker::ApiKeyRole::kTeam, std::nullopt, "test")
      .token;
}

TestServer::~TestServer() {
  http_->stop();
  http_.reset();
  app_.reset();
}

}  // namespace caretoolkit::testing
