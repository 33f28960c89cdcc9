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

  // Opens `path` (the writer creates it). Applies, on every connection: busy_timeout,
  // foreign_keys=ON and synchronous=FULL (a commit is on disk before it returns, so an
  // acknowledged write survives a power cut). journal_mode=WAL is set by the Store on the writer
  // once the schema check has passed, because it changes the file. Throws SQLite::Exception.
  Connection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms);

  SQLite::Database& db() { return db_; }

  // The prepared statement for `sql`, reset and with its bindings cleared, ready to bind. Stays
  // valid for the connection's life; one use at a time per SQL text (no nested reuse).
  SQLite::Statement& statement(const std::string& sql);

  // Resets every cached statement. A statement left part-way through its rows keeps its read
  // snapshot open even after COMMIT, so the next read would not see newer writes: call this when
  // a unit of work ends.
  void reset_statements() noexcept;

 private:
  SQLite::Database db_;
  // Declared after db_ so the statements are finalised before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

class ConnectionPool {
 public:
  // Opens the writer. Readers are opened on first use, up to `max_readers` at once.
  ConnectionPool(std::filesystem::path path, int busy_timeout_ms, std::size_t max_readers);

  // Exclusive use of the writer; other writers wait.
  class WriteLease {
   public:
    explicit WriteLease(ConnectionPool& pool)
        : lock_(pool.writer_mutex_), connection_(*pool.writer_) {}
    Connection& operator*() const { return connection_; }
    Connection* operator->() const { return &connection_; }

   private:
    std::unique_lock<std::mutex> lock_;
    Connection& connection_;
  };

  // Exclusive use of one reader until the lease ends; waits when all max_readers are lent out.
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
