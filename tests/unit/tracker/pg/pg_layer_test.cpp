// The libpq layer: bound parameters, results read by column, transactions, COPY, advisory locks
// and connection addresses that never show the password.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

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

// Sets an environment variable for the life of this object, then puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    set(value);
  }
  ~ScopedEnv() { set(old_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_, value->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> old_;
};

// The URI of `database` on the test cluster, as `role`.
std::string uri_as(pg::Connection& admin, const std::string& role, const std::string& database) {
  const auto setting = [&](const char* name) {
    return admin.exec(std::string("SHOW ") + name).single().get<std::string>(0);
  };
  return "postgresql://" + role + "@/" + database + "?host=" + setting("unix_socket_directories") +
         "&port=" + setting("port");
}

// Makes the test cluster ask `role` for a password on `database`, by a line ahead of the
// cluster's "trust" lines in its pg_hba.conf, and takes the line out again at the end. The file
// is replaced whole (a write, then a rename), so other tests' connections never read half of it.
class PasswordAsked {
 public:
  PasswordAsked(pg::Connection& admin, const std::string& database, const std::string& role)
      : admin_(admin), hba_(admin.exec("SHOW hba_file").single().get<std::string>(0)) {
    std::ostringstream text;
    text << std::ifstream(hba_).rdbuf();
    original_ = text.str();
    replace("local " + database + " " + role + " scram-sha-256\n" + original_);
    wait_until_asked(uri_as(admin, role, database));
  }
  ~PasswordAsked() { replace(original_); }
  PasswordAsked(const PasswordAsked&) = delete;
  PasswordAsked& operator=(const PasswordAsked&) = delete;

 private:
  void replace(const std::string& text) {
    const std::filesystem::path next = hba_.string() + ".next";
    std::ofstream(next) << text;
    using std::filesystem::perms;  // readable by the cluster's owner, whoever writes it
    std::filesystem::permissions(
        next, perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
    std::filesystem::rename(next, hba_);
    admin_.exec("SELECT pg_reload_conf()");
  }

  // The server rereads the file a moment after pg_reload_conf(): waits, up to 5 s, until a
  // connection without a password is refused.
  static void wait_until_asked(const std::string& uri) {
    const ScopedEnv no_password("PGPASSWORD", std::nullopt);
    const ScopedEnv no_file("PGPASSFILE", "/nonexistent/pgpass");
    for (int attempt = 0; attempt < 250; ++attempt) {
      try {
        pg::Connection probe(uri);
      } catch (const Error&) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("the test cluster did not start asking for a password within 5 s");
  }

  pg::Connection& admin_;
  std::filesystem::path hba_;
  std::string original_;
};

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

TEST_CASE("Statements run together answer each with its own rows, in one round trip") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  connection.exec("INSERT INTO notes (body, amount) VALUES ('a', 1), ('b', 2), ('c', 3)");
  connection.prepare("count_from", "SELECT count(*) FROM notes WHERE amount >= $1");
  connection.prepare("bodies_from", "SELECT body FROM notes WHERE amount >= $1 ORDER BY amount");
  const std::string count_from = "count_from", bodies_from = "bodies_from";
  const std::vector<pg::Param> two{pg::Param(std::int64_t{2})}, three{pg::Param(std::int64_t{3})};
  const std::vector<pg::Connection::PreparedRun> runs{{.name = count_from, .params = two},
                                                      {.name = bodies_from, .params = three}};

  const std::vector<pg::Result> results = connection.exec_prepared_together(runs);
  REQUIRE(results.size() == 2);
  CHECK(results[0].single().get<std::int64_t>(0) == 2);
  REQUIRE(results[1].rows() == 1);
  CHECK(results[1][0].get<std::string>(0) == "c");
  // Out of pipeline mode: an ordinary statement runs as before.
  CHECK(count_notes(connection) == 3);
}

TEST_CASE("A failure among statements run together is thrown once all have answered") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  make_notes_table(connection);
  connection.prepare("count_all", "SELECT count(*) FROM notes");
  connection.prepare("add_amount", "INSERT INTO notes (amount) VALUES ($1)");
  const std::string count_all = "count_all", add_amount = "add_amount";
  const std::vector<pg::Param> negative{pg::Param(std::int64_t{-5})}, none;
  const std::vector<pg::Connection::PreparedRun> runs{{.name = count_all, .params = none},
                                                      {.name = add_amount, .params = negative},
                                                      {.name = count_all, .params = none}};
  try {
    connection.exec_prepared_together(runs);
    FAIL("a refused row was not reported");
  } catch (const pg::DatabaseError& error) {
    CHECK(error.sqlstate() == "23514");  // check_violation: the amount's CHECK
  }
  CHECK(connection.healthy());
  CHECK(count_notes(connection) == 0);
}

TEST_CASE(
    "Statements run together on a connection whose server has gone fail as a lost connection") {
  PgTestDatabase database;
  pg::Connection connection = database.connect();
  connection.prepare("one", "SELECT 1");
  pg::Connection admin = database.connect();
  // Waits (up to 5 s) until the session has ended.
  admin.exec("SELECT pg_terminate_backend($1, 5000)", {std::int64_t{connection.backend_pid()}});
  const std::string one = "one";
  const std::vector<pg::Connection::PreparedRun> runs{{.name = one, .params = {}},
                                                      {.name = one, .params = {}}};
  try {
    connection.exec_prepared_together(runs);
    FAIL("statements ran on a connection whose server had ended it");
  } catch (const pg::DatabaseError& error) {
    CHECK(error.failure() == pg::Failure::kConnection);
  }
  connection.reconnect();
  CHECK(connection.exec("SELECT 2").single().get<std::int64_t>(0) == 2);
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

TEST_CASE("A server that asks for a password says where to give it, and takes it from PGPASSWORD") {
  PgTestDatabase database;
  pg::Connection admin = database.connect();
  const std::string role = "ctk_reader_" + std::to_string(::getpid());
  admin.exec("DROP ROLE IF EXISTS " + role);
  admin.exec("CREATE ROLE " + role + " LOGIN PASSWORD 'correct horse'");
  const std::string uri = uri_as(admin, role, database.name());
  {
    PasswordAsked asked(admin, database.name(), role);
    const auto failure = [&uri]() -> std::string {
      try {
        pg::Connection connection(uri);
      } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::kUnavailable);
        return error.what();
      }
      return "connected";
    };
    {
      const ScopedEnv no_password("PGPASSWORD", std::nullopt);
      const ScopedEnv no_file("PGPASSFILE", "/nonexistent/pgpass");
      const std::string message = failure();
      CHECK(message.find("asks for a password and none was given") != std::string::npos);
      CHECK(message.find("PGPASSWORD") != std::string::npos);
      CHECK(message.find("~/.pgpass") != std::string::npos);
    }
    {
      const ScopedEnv wrong("PGPASSWORD", "wrong horse");
      const std::string message = failure();
      CHECK(message.find("password authentication failed") != std::string::npos);
      CHECK_FALSE(message.ends_with(';'));
      CHECK(message.find("wrong horse") == std::string::npos);
    }
    const ScopedEnv right("PGPASSWORD", "correct horse");
    pg::Connection connection(uri);
    CHECK(connection.exec("SELECT current_user").single().get<std::string>(0) == role);
  }
  admin.exec("DROP ROLE " + role);
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
