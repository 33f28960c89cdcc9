// Connections and the reader pool; see connection.hpp.
#include "tracker/connection.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

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

Connection::Connection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms,
                       bool create)
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

SQLite::Statement& Connection::statement(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    found = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  } else {
    found->second->reset();
    found->second->clearBindings();
  }
  return *found->second;
}

void Connection::reset_statements() noexcept {
  for (auto& [sql, statement] : statements_) statement->tryReset();
}

bool Connection::idle() const noexcept {
  sqlite3* handle = db_.getHandle();
  if (!sqlite3_get_autocommit(handle)) return false;
  for (sqlite3_stmt* statement = sqlite3_next_stmt(handle, nullptr); statement != nullptr;
       statement = sqlite3_next_stmt(handle, statement)) {
    if (sqlite3_stmt_busy(statement)) return false;
  }
  return true;
}

ConnectionPool::ConnectionPool(std::filesystem::path path, int busy_timeout_ms,
                               std::size_t max_readers, bool create)
    : path_(std::move(path)),
      busy_timeout_ms_(busy_timeout_ms),
      max_readers_(max_readers == 0 ? 1 : max_readers),
      writer_(std::make_unique<Connection>(path_, Connection::Mode::kWriter, busy_timeout_ms,
                                           create)) {}

ConnectionPool::ReadLease::ReadLease(ConnectionPool& pool) : pool_(pool) {
  acquire(true);
}

ConnectionPool::ReadLease::ReadLease(ConnectionPool& pool, std::try_to_lock_t) : pool_(pool) {
  acquire(false);
}

void ConnectionPool::ReadLease::acquire(bool wait) {
  std::unique_lock lock(pool_.readers_mutex_);
  const auto available = [&] {
    return !pool_.idle_readers_.empty() || pool_.open_readers_ < pool_.max_readers_;
  };
  if (wait) {
    pool_.reader_returned_.wait(lock, available);
  } else if (!available()) {
    return;
  }
  if (!pool_.idle_readers_.empty()) {
    connection_ = std::move(pool_.idle_readers_.back());
    pool_.idle_readers_.pop_back();
    return;
  }
  ++pool_.open_readers_;
  lock.unlock();
  try {
    connection_ = std::make_unique<Connection>(pool_.path_, Connection::Mode::kReader,
                                               pool_.busy_timeout_ms_);
  } catch (...) {
    lock.lock();
    --pool_.open_readers_;
    pool_.reader_returned_.notify_one();
    throw;
  }
}

ConnectionPool::ReadLease::~ReadLease() {
  if (!connection_) return;
  // A read that failed half-way may have left a transaction open; never hand that on.
  connection_->reset_statements();
  if (!sqlite3_get_autocommit(connection_->db().getHandle())) connection_->db().tryExec("ROLLBACK");
  {
    std::lock_guard lock(pool_.readers_mutex_);
    if (connection_->idle()) {
      pool_.idle_readers_.push_back(std::move(connection_));
    } else {
      --pool_.open_readers_;  // unusable: close it (below, outside the lock) and open afresh
    }
  }
  connection_.reset();
  pool_.reader_returned_.notify_one();
}

}  // namespace caretoolkit::tracker
