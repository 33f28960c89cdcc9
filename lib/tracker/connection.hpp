// SQLite connections for the Store: one writer that every write is serialised through, and a small
// pool of read-only connections that readers on any thread borrow. Internal to lib/tracker.
//
// SQLiteCpp adds no locking of its own (it supports SQLite's multi-thread mode: a connection is
// used by one thread at a time), so the pool guarantees that: a lease gives one thread exclusive
// use of a connection until the lease ends.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace caretoolkit::tracker {

// One SQLite connection with its settings applied and a cache of prepared statements.
class Connection {
 public:
  enum class Mode { kWriter, kReader };

  // Opens `path` (the writer creates it when `create` is true; a missing file is refused
  // otherwise). Applies, on every connection: busy_timeout, foreign_keys=ON and synchronous=FULL
  // (a commit is on disk before it returns, so an acknowledged write survives a power cut); on
  // the writer, SQLite's automatic checkpoint every kAutoCheckpointPages pages and a
  // journal_size_limit of kWalSizeLimitBytes. journal_mode=WAL is set by the Store on the writer
  // once the schema check has passed, because it changes the file. Throws SQLite::Exception.
  Connection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms, bool create = true);

  SQLite::Database& db() { return db_; }

  // The prepared statement for `sql`, reset and with its bindings cleared, ready to bind. Stays
  // valid for the connection's life; one use at a time per SQL text (no nested reuse).
  SQLite::Statement& statement(const std::string& sql);

  // Resets every cached statement. A statement left part-way through its rows keeps the
  // connection in a read transaction even after COMMIT: a reader would keep its old snapshot, and
  // the writer's automatic checkpoint is refused while it is in one. Both leases call this when
  // they end; a write calls it before its COMMIT, which is when SQLite checkpoints.
  void reset_statements() noexcept;

  // True when the connection holds no transaction: autocommit is on and no statement is part-way
  // through its rows (sqlite3_get_autocommit alone does not see the second).
  bool idle() const noexcept;

  // SQLite's own default, set explicitly so that the writer always checkpoints: the log is copied
  // back into the database once it holds this many pages (4 KiB each, so about 4 MiB).
  static constexpr int kAutoCheckpointPages = 1000;
  // Twice what the automatic checkpoint lets the log reach: ordinary use never truncates and
  // regrows the file, while a log that one large import swelled is cut back to this size the next
  // time SQLite starts it again from the beginning.
  static constexpr std::int64_t kWalSizeLimitBytes = 8 << 20;

 private:
  SQLite::Database db_;
  // Declared after db_ so the statements are finalised before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

class ConnectionPool {
 public:
  // Opens the writer (creating the file only when `create` is true). Readers are opened on first
  // use, up to `max_readers` at once.
  ConnectionPool(std::filesystem::path path, int busy_timeout_ms, std::size_t max_readers,
                 bool create = true);

  // Exclusive use of the writer; other writers wait. Its statements are reset when it ends.
  class WriteLease {
   public:
    explicit WriteLease(ConnectionPool& pool)
        : lock_(pool.writer_mutex_), connection_(*pool.writer_) {}
    ~WriteLease() { connection_.reset_statements(); }
    WriteLease(const WriteLease&) = delete;
    WriteLease& operator=(const WriteLease&) = delete;
    Connection& operator*() const { return connection_; }
    Connection* operator->() const { return &connection_; }

   private:
    std::unique_lock<std::mutex> lock_;
    Connection& connection_;
  };

  // Exclusive use of one reader until the lease ends; waits when all max_readers are lent out.
  // When it ends, the reader's statements are reset and it goes back to the pool only if it is
  // idle (it is closed otherwise), so that no idle reader keeps an old snapshot, which would stop
  // checkpoints from copying the log past it.
  class ReadLease {
   public:
    explicit ReadLease(ConnectionPool& pool);
    // Does not wait: the lease is empty (false) when every reader is lent out.
    ReadLease(ConnectionPool& pool, std::try_to_lock_t);
    ~ReadLease();
    explicit operator bool() const { return connection_ != nullptr; }
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    // Takes an idle reader or opens one; with `wait` false, gives up when none may be had.
    void acquire(bool wait);

    ConnectionPool& pool_;
    std::unique_ptr<Connection> connection_;
  };

  WriteLease write() { return WriteLease(*this); }
  ReadLease read() { return ReadLease(*this); }

 private:
  std::filesystem::path path_;
  int busy_timeout_ms_;
  std::size_t max_readers_;

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  std::size_t open_readers_ = 0;
};

}  // namespace caretoolkit::tracker
