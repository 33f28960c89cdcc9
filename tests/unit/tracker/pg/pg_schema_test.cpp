// The tracker's PostgreSQL schema: it applies to an empty database, applying it again changes
// nothing, servers that start together run each step once, and it keeps step with SQLite's.
#include <doctest/doctest.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "pg_test_database.hpp"
#include "tracker/pg/pg_schema.hpp"
#include "tracker/schema.hpp"

namespace pg = caretoolkit::pg;
namespace tracker = caretoolkit::tracker;
using caretoolkit::Error;
using caretoolkit::ErrorCode;
using caretoolkit::testing::PgTestDatabase;

namespace {

std::int64_t scalar(pg::Connection& connection, const std::string& sql) {
  return connection.exec(sql).single().get<std::int64_t>(0);
}

std::int64_t table_count(pg::Connection& connection) {
  return scalar(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
}

}  // namespace

TEST_CASE("The PostgreSQL schema applies to an empty database and records every step") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  CHECK(tracker::pg::schema_version(connection) == 0);

  tracker::pg::migrate(connection);

  CHECK(tracker::pg::schema_version(connection) == tracker::kSchemaVersion);
  const pg::Result steps =
      connection.exec("SELECT version, summary FROM schema_version ORDER BY 1");
  REQUIRE(steps.rows() == tracker::kSchemaVersion);
  CHECK(steps[0].get<std::string>("summary") ==
        "providers, services, sources, spend, vacancies, applicants, headcounts");
  CHECK(steps[5].get<int>("version") == 6);
  // providers, services, sources, spend, vacancies, applicants, headcounts, api_keys, secrets,
  // purged_references, checker_settings, checker_settings_changes, sessions, advert_versions,
  // vacancy_counts, public_listing and schema_version.
  CHECK(table_count(connection) == 17);
}

TEST_CASE("Migrating a second time changes nothing") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  tracker::pg::migrate(connection);
  connection.exec("INSERT INTO providers (name, created_on) VALUES ('Oak Care', '2025-01-02')");
  const auto before =
      connection
          .exec(
              "SELECT string_agg(version || ' ' || applied_at, ',' ORDER BY version) "
              "FROM schema_version")
          .single()
          .get<std::string>(0);

  tracker::pg::migrate(connection);

  CHECK(connection
            .exec("SELECT string_agg(version || ' ' || applied_at, ',' ORDER BY version) "
                  "FROM schema_version")
            .single()
            .get<std::string>(0) == before);
  CHECK(scalar(connection, "SELECT count(*) FROM providers") == 1);
}

TEST_CASE("Four servers migrating one database at once run every step exactly once") {
  PgTestDatabase database;
  constexpr int kServers = 4;
  std::vector<pg::Connection> connections;
  connections.reserve(kServers);
  for (int i = 0; i < kServers; ++i) connections.push_back(database.connect());
  std::latch ready(kServers);
  std::vector<std::string> failures(kServers);
  std::vector<std::thread> servers;
  servers.reserve(kServers);
  for (int i = 0; i < kServers; ++i) {
    servers.emplace_back([&, i] {
      ready.arrive_and_wait();
      try {
        tracker::pg::migrate(connections[static_cast<std::size_t>(i)]);
      } catch (const std::exception& error) {
        failures[static_cast<std::size_t>(i)] = error.what();
      }
    });
  }
  for (auto& server : servers) server.join();

  for (const std::string& failure : failures) CHECK(failure == "");
  pg::Connection connection = database.connect();
  CHECK(scalar(connection, "SELECT count(*) FROM schema_version") == tracker::kSchemaVersion);
  CHECK(scalar(connection, "SELECT count(DISTINCT version) FROM schema_version") ==
        tracker::kSchemaVersion);
  CHECK(table_count(connection) == 17);
}

TEST_CASE("Each PostgreSQL step is the twin of the SQLite step with its number") {
  const auto sqlite = tracker::migrations();
  const auto postgresql = tracker::pg::migrations();
  REQUIRE(postgresql.size() == sqlite.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    CAPTURE(i);
    CHECK(postgresql[i].version == sqlite[i].version);
    CHECK(postgresql[i].summary == sqlite[i].summary);
  }
}

TEST_CASE("Migrating to an earlier step stops there and a later migration goes on from it") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  tracker::pg::migrate(connection, 2);
  CHECK(tracker::pg::schema_version(connection) == 2);
  CHECK(connection.exec("SELECT to_regclass('checker_settings') IS NULL").single().get<bool>(0));

  tracker::pg::migrate(connection);
  CHECK(tracker::pg::schema_version(connection) == tracker::kSchemaVersion);
  CHECK_FALSE(
      connection.exec("SELECT to_regclass('checker_settings') IS NULL").single().get<bool>(0));
}

TEST_CASE("A server older than PostgreSQL 15 is refused, naming its version") {
  const auto refusal = [](int server_version) -> std::string {
    try {
      tracker::pg::check_server_version(server_version, "postgresql://ann@db.example/care");
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::kConflict);
      return error.what();
    }
    return "accepted";
  };
  CHECK(refusal(140009) ==
        "the database postgresql://ann@db.example/care runs on PostgreSQL 14.9; caretoolkit "
        "needs PostgreSQL 15 or later, and left the database unchanged");
  CHECK(refusal(90624).find("runs on PostgreSQL 9.6.24;") != std::string::npos);
  CHECK(refusal(150000) == "accepted");
  CHECK(refusal(170002) == "accepted");
}

TEST_CASE("The test cluster's server is new enough, and says so through the connection") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  CHECK(connection.server_version() >= tracker::pg::kOldestServer);
  CHECK_NOTHROW(tracker::pg::check_compatible(connection));
}

TEST_CASE("A database with a newer schema version is refused and left unchanged") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  tracker::pg::migrate(connection);
  connection.exec("INSERT INTO schema_version (version, summary) VALUES ($1, 'from the future')",
                  {tracker::kSchemaVersion + 1});
  try {
    tracker::pg::migrate(connection);
    FAIL("a newer database was migrated");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kConflict);
    const std::string newer =
        "newer caretoolkit (schema version " + std::to_string(tracker::kSchemaVersion + 1);
    CHECK(std::string(error.what()).find(newer) != std::string::npos);
  }
  CHECK(scalar(connection, "SELECT count(*) FROM schema_version") == tracker::kSchemaVersion + 1);
}

TEST_CASE("A database holding tables that caretoolkit did not make is refused and left unchanged") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  connection.exec_script("CREATE TABLE invoices (id integer)");
  try {
    tracker::pg::migrate(connection);
    FAIL("a foreign database was migrated");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kConflict);
    CHECK(std::string(error.what()).find("did not create") != std::string::npos);
  }
  CHECK(table_count(connection) == 1);
}
