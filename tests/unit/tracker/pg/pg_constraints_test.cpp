// The PostgreSQL schema refuses what SQLite's refuses, and each refusal becomes the Error the API
// maps: tenancy across providers and duplicates are conflicts (409), broken date, money and
// vocabulary rules invalid (422), and a write that collided with another is to be tried again
// (503).
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "pg/transaction.hpp"
#include "pg_test_database.hpp"
#include "tracker/pg/pg_errors.hpp"
#include "tracker/pg/pg_schema.hpp"

namespace pg = caretoolkit::pg;
namespace tracker = caretoolkit::tracker;
using caretoolkit::Error;
using caretoolkit::ErrorCode;
using caretoolkit::testing::PgTestDatabase;

namespace {

// A migrated database with providers 1 (Oak Care) and 2 (Elm Care), each with a source: 1 is
// Oak's "Indeed", 2 is Elm's "Indeed" (the ids as the identities number them).
struct TwoProviders {
  PgTestDatabase database;
  pg::Connection connection = database.connect();

  TwoProviders() {
    tracker::pg::migrate(connection);
    connection.exec_script(
        "INSERT INTO providers (name, created_on) VALUES ('Oak Care', '2025-01-01'), "
        "('Elm Care', '2025-01-01');"
        "INSERT INTO sources (provider_id, name, channel) VALUES (1, 'Indeed', 'job_board'), "
        "(2, 'Indeed', 'job_board')");
  }

  // The code of the Error that `sql` with `params` is refused with, in a transaction of its own;
  // fails the test when it is stored.
  ErrorCode refusal(std::string_view sql, std::initializer_list<pg::Param> params) {
    try {
      tracker::pg::with_storage_errors([&] {
        pg::Transaction transaction(connection);
        connection.exec(sql, params);
        transaction.commit();
      });
    } catch (const Error& error) {
      return error.code();
    }
    FAIL("stored: " << sql);
    return ErrorCode::kMalformed;
  }

  std::int64_t count(std::string_view table) {
    return connection.exec("SELECT count(*) FROM " + std::string(table))
        .single()
        .get<std::int64_t>(0);
  }
};

constexpr std::string_view kSpend =
    "INSERT INTO spend (provider_id, source_id, spent_on, amount_pence) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kApplicant =
    "INSERT INTO applicants (provider_id, reference, source_id, applied_on, interviewed_on) "
    "VALUES ($1, $2, $3, $4, $5)";

}  // namespace

TEST_CASE("A spend entry on another provider's source is refused at commit as a conflict") {
  TwoProviders store;
  // Oak's spend on source 2, which is Elm's: the row names a real source, of the wrong provider.
  CHECK(store.refusal(kSpend, {1, 2, "2025-03-01", 5000}) == ErrorCode::kConflict);
  CHECK(store.count("spend") == 0);
  // The same entry on Oak's own source is stored.
  store.connection.exec(kSpend, {1, 1, "2025-03-01", 5000});
  CHECK(store.count("spend") == 1);
}

TEST_CASE("An applicant interviewed before applying is refused as invalid") {
  TwoProviders store;
  CHECK(store.refusal(kApplicant, {1, "A-1", 1, "2025-03-10", "2025-03-09"}) ==
        ErrorCode::kInvalid);
  store.connection.exec(kApplicant, {1, "A-1", 1, "2025-03-10", "2025-03-10"});
  CHECK(store.count("applicants") == 1);
}

TEST_CASE("A day that no calendar has is refused as invalid") {
  TwoProviders store;
  CHECK(store.refusal(kSpend, {1, 1, "2025-02-29", 100}) == ErrorCode::kInvalid);
  CHECK(store.refusal(kSpend, {1, 1, "10000-01-01", 100}) == ErrorCode::kInvalid);
  store.connection.exec(kSpend, {1, 1, "2024-02-29", 100});
  CHECK(store.count("spend") == 1);
}

TEST_CASE("A negative amount of money is refused as invalid and nought pence is stored") {
  TwoProviders store;
  CHECK(store.refusal(kSpend, {1, 1, "2025-03-01", -1}) == ErrorCode::kInvalid);
  store.connection.exec(kSpend, {1, 1, "2025-03-01", 0});
  CHECK(store.count("spend") == 1);
}

TEST_CASE("A channel or service type outside the vocabulary is refused as invalid") {
  TwoProviders store;
  CHECK(store.refusal("INSERT INTO sources (provider_id, name, channel) VALUES (1, 'Gumtree', $1)",
                      {"newspaper"}) == ErrorCode::kInvalid);
  CHECK(store.refusal("INSERT INTO services (provider_id, name, type) VALUES (1, 'North', $1)",
                      {"hospital"}) == ErrorCode::kInvalid);
}

TEST_CASE("A source name differing only in ASCII case is a duplicate within its provider only") {
  TwoProviders store;
  CHECK(store.refusal("INSERT INTO sources (provider_id, name, channel) VALUES (1, $1, 'other')",
                      {"INDEED"}) == ErrorCode::kConflict);
  // As SQLite's NOCASE: only ASCII letters fold, so these two differ at this level (the engine
  // refuses them first, by its own name key).
  store.connection.exec(
      "INSERT INTO sources (provider_id, name, channel) VALUES (1, 'Café', 'other'), "
      "(1, 'CAFÉ', 'other')");
  CHECK(store.count("sources") == 4);
}

TEST_CASE("An applicant reference is unique within its provider") {
  TwoProviders store;
  store.connection.exec(kApplicant, {1, "A-1", 1, "2025-03-10", std::nullopt});
  CHECK(store.refusal(kApplicant, {1, "A-1", 1, "2025-03-11", std::nullopt}) ==
        ErrorCode::kConflict);
  store.connection.exec(kApplicant, {2, "A-1", 2, "2025-03-10", std::nullopt});
  CHECK(store.count("applicants") == 2);
}

TEST_CASE("Two headcounts of the whole provider on one day are a duplicate") {
  TwoProviders store;
  constexpr std::string_view kHeadcount =
      "INSERT INTO headcounts (provider_id, taken_on, staff, vacancies) VALUES (1, $1, 40, 3)";
  store.connection.exec(kHeadcount, {"2025-03-31"});
  CHECK(store.refusal(kHeadcount, {"2025-03-31"}) == ErrorCode::kConflict);
}

TEST_CASE("A team key that names a provider is refused as invalid") {
  TwoProviders store;
  CHECK(store.refusal("INSERT INTO api_keys (provider_id, role, public_id, secret_sha256, "
                      "created_at) VALUES (1, 'team', 'ctk_abcdefgh', $1, '2025-03-01T10:00:00Z')",
                      {pg::Bytes{std::string(32, 'x')}}) == ErrorCode::kInvalid);
}

TEST_CASE("A write that collides with a concurrent one is to be tried again") {
  TwoProviders store;
  pg::Connection other = store.database.connect();
  pg::Transaction first(store.connection, pg::Isolation::kRepeatableRead);
  // The first transaction's snapshot starts with its first read.
  CHECK(
      store.connection.exec("SELECT name FROM sources WHERE id = 1").single().get<std::string>(0) ==
      "Indeed");
  other.exec("UPDATE sources SET name = 'Indeed UK' WHERE id = 1");
  try {
    tracker::pg::with_storage_errors(
        [&] { store.connection.exec("UPDATE sources SET name = 'Indeed.co.uk' WHERE id = 1"); });
    FAIL("a write on an outdated snapshot was accepted");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kTryAgain);
    CHECK(std::string(error.what()).find("send the request again") != std::string::npos);
  }
}
