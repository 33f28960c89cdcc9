// SQLite connections and statements; see sqlite_connection.hpp.
#include "tracker/sqlite_connection.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace caretoolkit::tracker {

namespace {

// By default SQLite counts its memory use under a process-wide mutex taken on every allocation,
// and Debian's build (without the lookaside allocator) allocates several times per row written.
// Nothing here reads those counts, so they are turned off once, before SQLite first initialises.
// Should something else have initialised SQLite first, the call is refused and changes nothing.
const std::filesystem::path& before_first_open(const std::filesystem::path& path) {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(configured);
  return path;
}

}  // namespace

std::int64_t SqliteStatement::int64_at(int index) const {
  return statement_.getColumn(index).getInt64();
}

double SqliteStatement::double_at(int index) const {
  return statement_.getColumn(index).getDouble();
}

std::string_view SqliteStatement::text_at(int index) const {
  const SQLite::Column column = statement_.getColumn(index);
  const char* text = column.getText();
  return {text, static_cast<std::size_t>(column.getBytes())};
}

std::string_view SqliteStatement::blob_at(int index) const {
  const SQLite::Column column = statement_.getColumn(index);
  const void* blob = column.getBlob();
  return {static_cast<const char*>(blob), static_cast<std::size_t>(column.getBytes())};
}

std::optional<Date> SqliteStatement::date_at(int index) const {
  return Date::parse(text_at(index));  // dates are stored as ISO 8601 text
}

int SqliteStatement::bytes_at(int index) const {
  return statement_.getColumn(index).getBytes();
}

SqliteConnection::SqliteConnection(const std::filesystem::path& path, Mode mode,
                                   int busy_timeout_ms, bool create)
    // Each connection is used by one thread at a time (the pool's leases see to it), so SQLite's
    // own per-call mutex is not needed: multi-thread mode, as SQLiteCpp supports.
    : db_(before_first_open(path),
          (mode == Mode::kWriter ? SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0)
                                 : SQLite::OPEN_READONLY) |
              SQLite::OPEN_NOMUTEX,
          busy_timeout_ms) {
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA synchronous = FULL");
  if (mode == Mode::kWriter) {
    // A statement that writes many rows and may fail part-way (a multi-row INSERT, with CHECKs
    // that call date() and length()) keeps a statement journal: a copy of each page it changes,
    // to undo itself. By default that journal spills to a file in /var/tmp after 64 KiB, and an
    // import of a million rows wrote it 300,000 times. In memory it costs a copy, not a call.
    db_.exec("PRAGMA temp_store = MEMORY");
    db_.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kAutoCheckpointPages));
    db_.exec("PRAGMA journal_size_limit = " + std::to_string(kWalSizeLimitBytes));
  }
  if (mode == Mode::kReader) {
    // Reports read whole tables (the team's KPIs read every applicant): map the file rather than
    // copy each page through a read() call into a 2 MB cache.
    db_.exec("PRAGMA mmap_size = 1073741824");
  }
}

Statement& SqliteConnection::statement(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    found = statements_.emplace(sql, std::make_unique<SqliteStatement>(db_, sql)).first;
  } else {
    found->second->reset();
    found->second->clearBindings();
  }
  return *found->second;
}

void SqliteConnection::begin(Mode mode) {
  db_.exec(mode == Mode::kWriter ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

std::string SqliteConnection::pin_snapshot() {
  db_.execAndGet("SELECT count(*) FROM sqlite_schema");  // a deferred transaction's first read
  return {};
}

void SqliteConnection::abandon() noexcept {
  reset_statements();
  if (!sqlite3_get_autocommit(db_.getHandle())) db_.tryExec("ROLLBACK");
}

void SqliteConnection::reset_statements() noexcept {
  for (auto& [sql, statement] : statements_) statement->try_reset();
}

bool SqliteConnection::idle() const noexcept {
  sqlite3* handle = db_.getHandle();
  if (!sqlite3_get_autocommit(handle)) return false;
  for (sqlite3_stmt* statement = sqlite3_next_stmt(handle, nullptr); statement != nullptr;
       statement = sqlite3_next_stmt(handle, statement)) {
    if (sqlite3_stmt_busy(statement)) return false;
  }
  return true;
}

SqliteConnection& sqlite(Connection& connection) {
  auto* found = dynamic_cast<SqliteConnection*>(&connection);
  if (found == nullptr) throw std::logic_error("a SQLite connection was expected");
  return *found;
}

}  // namespace caretoolkit::tracker
