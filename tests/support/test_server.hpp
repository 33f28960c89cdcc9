// Runs the real application and HTTP server in-process on a free loopback port (port 0), with a
// fresh database in its own temporary folder, for the API tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app.hpp"
#include "http_server.hpp"
#include "pg_test_database.hpp"

namespace caretoolkit::testing {

// A folder under the build tree, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct TestServerOptions {
  std::filesystem::path content_dir =
      std::filesystem::path(CARETOOLKIT_SOURCE_DIR) / "toolkit-content";
  std::filesystem::path rules_dir = std::filesystem::path(CARETOOLKIT_SOURCE_DIR) / "rules";
  unsigned advert_checks_per_minute = 0;  // no limit unless a test sets one
  unsigned advert_check_burst = 1;
  std::string public_origin;  // as `serve --public-origin`
  // The clock of sign-in sessions; empty for the system clock.
  std::function<std::chrono::system_clock::time_point()> now;
  server::ServerConfig config = [] {
    server::ServerConfig c;
    c.address = "127.0.0.1";
    c.port = 0;
    c.threads = 2;
    return c;
  }();
};

class TestServer {
 public:
  explicit TestServer(const TestServerOptions& options = {});
  ~TestServer();

  unsigned short port() const { return http_->port(); }
  server::App& app() { return *app_; }
  server::HttpServer& http() { return *http_; }
  // The server's database: a file's path, or a PostgreSQL URI when the suite runs there.
  const std::string& database() const { return database_.location(); }
  void stop() { http_->stop(); }

  // The rows of `table` in the server's database, read past the server.
  std::int64_t count_rows(const std::string& table) const;

  // A new team key, straight from the store (as `caretoolkit admin create-team-key` does).
  std::string create_team_key();

 private:
  TempDir dir_;
  TestStoreLocation database_{dir_.path() / "caretoolkit.db"};
  std::unique_ptr<server::App> app_;
  std::unique_ptr<server::HttpServer> http_;
};

}  // namespace caretoolkit::testing
