// The libpq layer: bound parameters, results read by column, transactions, COPY, advisory locks
// and connection addresses that never show the password.
#include <doctest/doctest.h>

#include <string>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "pg/copy_in.hpp"
#include "pg/database_error.hpp"
#include "pg/transaction.hpp"
#include "pg_test_database.hpp"

namespace pg = caretoolkit::pg;
using caretoolkit::Date;
using caretoolkit::Error;
using caretoolkit::ErrorCode;
using caretoolkit::testing::PgTestDatabase;

namespace {

void make_notes_table(pg::Connection& connection) {
  connection.exec_script(
      "CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
      "body text, written_on date, amount bigint CHECK (amount >= 0), digest bytea)");
}

std::int64_t count_notes(pg::Connection& connection) {
  return connection.exec("SELECT count(*) FROM notes").single().get<std::int64_t>(0);
}

}  // namespace

TEST_CASE("Values reach the database only as bound parameters and come back unchanged") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  const std::string hostile = "O'Brien'); DROP TABLE notes; -- \\ \"x\" \xC3\xA9";
  connection.exec("INSERT INTO notes (body, written_on, amount, digest) VALUES ($1, $2, $3, $4)",
                  {hostile, *Date::parse("2025-03-01"), std::int64_t{1'000'000'000'000},
                   pg::Bytes{std::string("\x00\xff\x10", 3)}});
  connection.exec("INSERT INTO notes (body) VALUES ($1)", {std::nullopt});

  const pg::Result rows =
      connection.exec("SELECT id, body, written_on, amount, digest FROM notes ORDER BY id");
  REQUIRE(rows.rows() == 2);
  CHECK(rows[0].get<std::string>("body") == hostile);
  CHECK(rows[0].get<Date>("written_on") == *Date::parse("2025-03-01"));
  CHECK(rows[0].get<std::int64_t>("amount") == 1'000'000'000'000);
  CHECK(rows[0].get<pg::Bytes>("digest") == pg::Bytes{std::string("\x00\xff\x10", 3)});
  CHECK(rows[1].get<std::optional<std::string>>("body") == std::nullopt);
  CHECK(rows[1].get<std::optional<Date>>("written_on") == std::nullopt);
  CHECK_THROWS_AS(rows[1].get<std::string>("body"), std::runtime_error);
  CHECK_THROWS_AS(rows[0].get<std::string>("no_such_column"), std::logic_error);
}

TEST_CASE("A transaction rolls back unless it is committed") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  {
    pg::Transaction transaction(connection);
    connection.exec("INSERT INTO notes (body) VALUES ('dropped')");
  }
  CHECK(count_notes(connection) == 0);
  {
    pg::Transaction transaction(connection, pg::Isolation::kSerializable);
    connection.exec("INSERT INTO notes (body) VALUES ('kept')");
    transaction.commit();
  }
  CHECK(count_notes(connection) == 1);
}

TEST_CASE("A transaction in which a statement failed refuses to commit") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  pg::Transaction transaction(connection);
  connection.exec("INSERT INTO notes (amount) VALUES (5)");
  CHECK_THROWS_AS(connection.exec("INSERT INTO notes (amount) VALUES (-5)"), pg::DatabaseError);
  CHECK_THROWS_AS(transaction.commit(), pg::DatabaseError);
  CHECK(count_notes(connection) == 0);
}

TEST_CASE("A refused value reports its SQLSTATE without the values of the row") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  connection.exec_script("CREATE TABLE refs (reference text UNIQUE)");
  connection.exec("INSERT INTO refs VALUES ($1)", {"AB-12 Jane Smith"});
  try {
    connection.exec("INSERT INTO refs VALUES ($1)", {"AB-12 Jane Smith"});
    FAIL("a duplicate was stored");
  } catch (const pg::DatabaseError& error) {
    CHECK(error.sqlstate() == "23505");
    CHECK(error.failure() == pg::Failure::kUniqueViolation);
    CHECK(error.constraint() == "refs_reference_key");
    CHECK(std::string(error.what()).find("Jane") == std::string::npos);
    CHECK(error.detail().find("Jane") != std::string::npos);
  }
}

TEST_CASE("COPY loads a thousand rows with tabs and new lines and backslashes intact") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  const std::string awkward = "tab\there\nnew line\r\\N not null \\ end";
  pg::CopyIn copy(connection, "COPY notes (body, written_on, amount, digest) FROM STDIN");
  for (int i = 0; i < 1000; ++i) {
    copy.row({i == 0 ? pg::Param(awkward) : pg::Param(std::nullopt), *Date::parse("2025-01-31"), i,
              pg::Bytes{std::string(32, static_cast<char>(i % 256))}});
  }
  CHECK(copy.finish() == 1000);

  // 0 + 1 + ... + 999 pence.
  const pg::Row totals = connection
                             .exec(
                                 "SELECT count(*) AS n, sum(amount) AS pence, "
                                 "count(body) AS bodies FROM notes")
                             .single();
  CHECK(totals.get<std::int64_t>("n") == 1000);
  CHECK(totals.get<std::int64_t>("pence") == 499'500);
  CHECK(totals.get<std::int64_t>("bodies") == 1);
  CHECK(connection.exec("SELECT body FROM notes WHERE amount = 0").single().get<std::string>(0) ==
        awkward);
  CHECK(connection.exec("SELECT digest FROM notes WHERE amount = 255")
            .single()
            .get<pg::Bytes>(0)
            .value == std::string(32, '\xff'));
}

TEST_CASE("A COPY with one refused row stores none and leaves the connection usable") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  {
    pg::CopyIn copy(connection, "COPY notes (amount) FROM STDIN");
    copy.row({10});
    copy.row({-1});
    copy.row({30});
    CHECK_THROWS_AS(copy.finish(), pg::DatabaseError);
  }
  {
    pg::CopyIn abandoned(connection, "COPY notes (amount) FROM STDIN");
    abandoned.row({40});
  }
  CHECK(count_notes(connection) == 0);
  CHECK(connection.exec("SELECT 1 + 1").single().get<int>(0) == 2);
}

TEST_CASE("An advisory lock is held until its guard ends") {
  PgTestDatabase database;
  pg::Connection holder = database.connect();
  pg::Connection other = database.connect();
  const auto try_lock = [&] {
    const bool taken = other.exec("SELECT pg_try_advisory_lock(42)").single().get<bool>(0);
    if (taken) other.exec("SELECT pg_advisory_unlock(42)");
    return taken;
  };
  {
    pg::AdvisoryLock lock(holder, 42);
    CHECK_FALSE(try_lock());
  }
  CHECK(try_lock());
}

TEST_CASE("A transaction lock waits no longer than its lock timeout") {
  PgTestDatabase database;
  pg::Connection holder = database.connect();
  pg::Connection waiter = database.connect();
  pg::AdvisoryLock lock(holder, 7);
  pg::Transaction transaction(waiter);
  pg::set_lock_timeout(transaction, std::chrono::milliseconds(100));
  try {
    pg::lock_for_transaction(transaction, 7);
    FAIL("the lock was granted twice");
  } catch (const pg::DatabaseError& error) {
    CHECK(error.failure() == pg::Failure::kLockTimeout);
    CHECK(error.retryable());
  }
}

TEST_CASE("Each SQLSTATE class is the failure its handler expects") {
  CHECK(pg::classify("23505") == pg::Failure::kUniqueViolation);
  CHECK(pg::classify("23503") == pg::Failure::kForeignKeyViolation);
  CHECK(pg::classify("23514") == pg::Failure::kRuleViolation);
  CHECK(pg::classify("23502") == pg::Failure::kRuleViolation);
  CHECK(pg::classify("22008") == pg::Failure::kRuleViolation);
  CHECK(pg::classify("40001") == pg::Failure::kSerialization);
  CHECK(pg::classify("40P01") == pg::Failure::kSerialization);
  CHECK(pg::classify("55P03") == pg::Failure::kLockTimeout);
  CHECK(pg::classify("08006") == pg::Failure::kConnection);
  CHECK(pg::classify("57P01") == pg::Failure::kConnection);
  CHECK(pg::classify("") == pg::Failure::kConnection);
  CHECK(pg::classify("42P01") == pg::Failure::kOther);
}

TEST_CASE("A connection address is described without its password") {
  CHECK(pg::describe("postgresql://ann:s3cret@db.example:5433/care?sslmode=require") ==
        "postgresql://ann@db.example:5433/care");
  CHECK(pg::describe("postgresql://ann@/care?host=/run/pg&password=s3cret") ==
        "postgresql://ann@/care?host=/run/pg");
  CHECK(pg::has_password("postgresql://ann:s3cret@db.example/care"));
  CHECK(pg::has_password("postgresql://ann@db.example/care?password=s3cret"));
  CHECK_FALSE(pg::has_password("postgresql://ann@db.example/care"));
  CHECK(pg::is_uri("postgres://db.example/care"));
  CHECK_FALSE(pg::is_uri("data/caretoolkit.db"));
  try {
    pg::describe("postgresql://ann:s3cret@db.example/care?nonsense=1");
    FAIL("an unreadable address was accepted");
  } catch (const Error& error) {
    CHECK(error.code() == ErrorCode::kInvalid);
    CHECK(std::string(error.what()).find("s3cret") == std::string::npos);
  }
}

TEST_CASE("A failed connection names the database and never the password") {
  try {
    pg::Connection connection("postgresql://ann:s3cret@/care?host=/nonexistent-socket-dir");
    FAIL("connected to a server that does not exist");
  } catch (const Error& error) {
    const std::string message = error.what();
    CHECK(error.code() == ErrorCode::kUnavailable);
    CHECK(message.find("postgresql://ann@/care?host=/nonexistent-socket-dir") != std::string::npos);
    CHECK(message.find("s3cret") == std::string::npos);
  }
}

TEST_CASE("A test database is reached through its own URI as a server would") {
  PgTestDatabase database;
  pg::Connection connection(database.uri());
  CHECK(connection.exec("SELECT current_database()").single().get<std::string>(0) ==
        database.name());
  CHECK(connection.target().find("/" + database.name() + "?host=") != std::string::npos);
}

TEST_CASE("A connection address names another database in place of its own") {
  CHECK(pg::with_database("postgresql://ann@db.example:5433/care?sslmode=require", "other") ==
        "postgresql://ann@db.example:5433/other?sslmode=require");
  CHECK(pg::with_database("postgresql://ann@/care?host=/run/pg&port=5432", "ctk_test_1") ==
        "postgresql://ann@/ctk_test_1?host=/run/pg&port=5432");
  CHECK(pg::with_database("postgresql://ann@db.example/care", "other") ==
        "postgresql://ann@db.example/other");
}
