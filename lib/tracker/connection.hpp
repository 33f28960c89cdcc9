// The Store's connections, on either back end: one writer that every write of this process is
// serialised through, and a small pool of read connections that readers on any thread borrow.
// Internal to lib/tracker.
//
// A connection is used by one thread at a time (neither SQLiteCpp nor libpq locks for us), so
// the pool guarantees that: a lease gives one thread exclusive use of a connection until the
// lease ends. The back ends are sqlite_connection.hpp and pg_connection.hpp.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "tracker/backend.hpp"
#include "tracker/statement.hpp"

namespace caretoolkit::tracker {

// One database connection with a cache of prepared statements.
class Connection {
 public:
  enum class Mode { kWriter, kReader };

  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Backend backend() const noexcept = 0;

  // The prepared statement for `sql`, reset and with its bindings cleared, ready to bind. Stays
  // valid for the connection's life; one use at a time per SQL text (no nested reuse).
  virtual Statement& statement(const std::string& sql) = 0;
  // Runs fixed SQL without parameters.
  virtual void exec(const std::string& sql) = 0;
  // Runs `statements`, each from statement() and bound but not yet stepped, together where the
  // back end gains by it: on PostgreSQL, in one round trip to the server. Each then steps through
  // its own rows as if it had run alone. On SQLite, where a statement runs as it is stepped,
  // there is nothing to do. A statement that fails throws here, as its first step would.
  virtual void run_together(std::span<Statement* const> /*statements*/) {}

  // Begins a transaction: a write one holds the database's one write turn until it ends, so
  // that writes of every process and server apply one after another and each sees the last; a
  // read one sees one committed state throughout.
  virtual void begin(Mode mode) = 0;
  virtual void commit() = 0;
  // In a read transaction just begun: takes its snapshot now and names it, for join_snapshot() on
  // another connection. The name is empty on SQLite, whose snapshot is the state when it is
  // taken: the caller holds off this process's writes until the other connection has joined.
  virtual std::string pin_snapshot() = 0;
  // In a read transaction just begun, before any query: reads the state pin_snapshot() named.
  virtual void join_snapshot(const std::string& name) = 0;
  // Rolls back an open transaction, if any, and resets every cached statement; never throws.
  virtual void abandon() noexcept = 0;

  // Resets every cached statement. A statement left part-way through its rows keeps a SQLite
  // connection in a read transaction even after COMMIT: a reader would keep its old snapshot, and
  // the writer's automatic checkpoint is refused while it is in one. Both leases call this when
  // they end; a write calls it before its COMMIT, which is when SQLite checkpoints.
  virtual void reset_statements() noexcept = 0;

  // True when the connection holds no transaction and no statement is part-way through its rows.
  virtual bool idle() const noexcept = 0;

 protected:
  Connection() = default;
};

// Runs on `connection` from construction to commit(); rolls back on destruction otherwise, so
// that anything thrown in between undoes the whole transaction.
class Transaction {
 public:
  Transaction(Connection& connection, Connection::Mode mode) : connection_(connection) {
    connection_.begin(mode);
  }
  ~Transaction() {
    if (open_) connection_.abandon();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    connection_.reset_statements();
    open_ = false;
    connection_.commit();
  }

 private:
  Connection& connection_;
  bool open_ = true;
};

class ConnectionPool {
 public:
  // Opens a connection of the given mode; throws when it cannot.
  using Opener = std::function<std::unique_ptr<Connection>(Connection::Mode)>;

  // Opens the writer now; readers are opened on first use, up to `max_readers` at once.
  ConnectionPool(Opener open, std::size_t max_readers);

  // Exclusive use of the writer; other writers of this process wait. Its statements are reset
  // when it ends.
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
  // When it ends, the reader is abandoned (any transaction rolled back, statements reset) and goes
  // back to the pool only if it is idle (it is closed otherwise), so that no idle reader keeps an
  // old snapshot, which would stop SQLite's checkpoints from copying the log past it.
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
  Opener open_;
  std::size_t max_readers_;

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  std::size_t open_readers_ = 0;
};

}  // namespace caretoolkit::tracker
