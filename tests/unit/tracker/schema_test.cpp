// Migrations and connection settings: a fresh file, a file from each older version, files that
// must be refused untouched, and the durability pragmas read back from a live Store.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>

#include "support.hpp"
#include "tracker/schema.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

// The SQLite file itself: not run again on PostgreSQL.
TEST_SUITE_BEGIN("sqlite-only");

namespace {

// Every table, index and their SQL, in a stable order: two files with the same text have the same
// schema.
std::string schema_of(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(
      db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY type, name");
  std::string out;
  while (query.executeStep()) {
    out += query.getColumn(0).getString() + " " + query.getColumn(1).getString() + "\n" +
           query.getColumn(2).getString() + "\n";
  }
  return out;
}

std::int64_t pragma(const std::filesystem::path& path, const std::string& name) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA " + name).getInt64();
}

}  // namespace

TEST_CASE("a new file gets the whole schema and is marked as ours") {
  ScratchDir dir;
  { Store store(dir.file("new.db"), fixed_today()); }
  CHECK(pragma(dir.file("new.db"), "user_version") == kSchemaVersion);
  CHECK(pragma(dir.file("new.db"), "application_id") == kApplicationId);
  const std::string schema = schema_of(dir.file("new.db"));
  for (const char* table : {"providers", "services", "sources", "spend", "vacancies", "applicants",
                            "headcounts", "api_keys", "sessions"}) {
    CAPTURE(table);
    CHECK(schema.find(std::string("table ") + table + "\n") != std::string::npos);
  }
  CHECK(schema.find("STRICT") != std::string::npos);
}

TEST_CASE("the migrations are numbered one after another up to the schema version") {
  int expected = 1;
  for (const Migration& step : migrations()) {
    CHECK(step.version == expected++);
    CHECK_FALSE(step.summary.empty());
  }
  CHECK(migrations().back().version == kSchemaVersion);
}

TEST_CASE(
    "a file from each older version is brought up to date with the same schema as a new one") {
  ScratchDir dir;
  { Store fresh(dir.file("fresh.db"), fixed_today()); }
  const std::string expected = schema_of(dir.file("fresh.db"));

  for (int version = 1; version < kSchemaVersion; ++version) {
    CAPTURE(version);
    const auto path = dir.file(std::to_string(version) + ".db");
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(db, version);
      CHECK(schema_version(db) == version);
      // Data written at the older version survives the upgrade.
      db.exec("INSERT INTO providers (name, created_on) VALUES ('Old Oak Care', '2024-01-02')");
    }
    Store store(path, fixed_today());
    CHECK(pragma(path, "user_version") == kSchemaVersion);
    CHECK(schema_of(path) == expected);
    CHECK(store.providers().get(1).name == "Old Oak Care");
  }
}

TEST_CASE("opening a file twice migrates it once") {
  ScratchDir dir;
  { Store first(dir.file("twice.db"), fixed_today()); }
  { Store second(dir.file("twice.db"), fixed_today()); }
  CHECK(pragma(dir.file("twice.db"), "user_version") == kSchemaVersion);
}

TEST_CASE("a file from a newer caretoolkit is refused and left byte for byte as it was") {
  ScratchDir dir;
  const auto path = dir.file("newer.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE future (x INTEGER)");
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  }
  const std::string before = read_file(path);
  const Error error = error_from([&] { Store store(path, fixed_today()); });
  CHECK(error.code() == ErrorCode::kConflict);
  CHECK(std::string(error.what()).find("newer caretoolkit") != std::string::npos);
  CHECK(std::string(error.what()).find("left unchanged") != std::string::npos);
  CHECK(read_file(path) == before);
  CHECK_FALSE(std::filesystem::exists(dir.file("newer.db-wal")));
}

TEST_CASE("files that are not ours are refused and left as they were") {
  ScratchDir dir;
  SUBCASE("another program's SQLite file") {
    const auto path = dir.file("other.db");
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE notes (body TEXT)");
    }
    const std::string before = read_file(path);
    CHECK(error_from([&] { Store store(path, fixed_today()); }).code() == ErrorCode::kConflict);
    CHECK(read_file(path) == before);
  }
  SUBCASE("a foreign application id") {
    const auto path = dir.file("foreign.db");
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("PRAGMA application_id = 42");
    }
    const std::string before = read_file(path);
    const Error error = error_from([&] { Store store(path, fixed_today()); });
    CHECK(std::string(error.what()).find("not a caretoolkit database") != std::string::npos);
    CHECK(read_file(path) == before);
  }
  SUBCASE("a text file") {
    const auto path = dir.file("notes.txt");
    std::ofstream(path) << "reference,source\nA1,Indeed\n" << std::string(200, 'x') << "\n";
    const std::string before = read_file(path);
    const Error error = error_from([&] { Store store(path, fixed_today()); });
    CHECK(std::string(error.what()).find("not a SQLite database") != std::string::npos);
    CHECK(read_file(path) == before);
  }
}

TEST_CASE("a store runs in WAL mode with durable commits and foreign keys on") {
  ScratchDir dir;
  StoreOptions options = fixed_today();
  options.busy_timeout_ms = 2500;
  Store store(dir.file("settings.db"), options);
  const StoreSettings settings = store.settings();
  for (const ConnectionSettings& connection : {settings.writer, settings.reader}) {
    CHECK(connection.journal_mode == "wal");
    CHECK(connection.synchronous == 2);  // FULL: the WAL is synced at every commit
    CHECK(connection.foreign_keys);
    CHECK(connection.busy_timeout_ms == 2500);
  }
  CHECK(settings.writer.temp_store == 2);  // MEMORY: statement journals never touch /var/tmp
  CHECK(settings.writer.wal_autocheckpoint == 1000);             // pages: about 4 MiB
  CHECK(settings.writer.journal_size_limit == 8 * 1024 * 1024);  // bytes
}

TEST_CASE("a store told not to create its file refuses a missing one and makes nothing") {
  ScratchDir dir;
  StoreOptions options = fixed_today();
  options.create = false;
  const Error error = error_from([&] { Store store(dir.file("missing.db"), options); });
  CHECK(error.code() == ErrorCode::kNotFound);
  CHECK(std::string(error.what()) == "the file does not exist");
  CHECK(std::filesystem::is_empty(dir.file("")));

  { Store created(dir.file("there.db"), fixed_today()); }
  Store reopened(dir.file("there.db"), options);  // an existing file opens as before
  CHECK(reopened.providers().list().items.empty());
}

TEST_SUITE_END();
