// The Store's connections on PostgreSQL, through lib/pg (libpq). Internal to lib/tracker.
//
// The store's SQL is written once for both back ends (statement.hpp); to_postgresql() turns its
// parameters into PostgreSQL's and runs it as a prepared statement of the session.
//
// Transactions: a write begins READ COMMITTED and then takes the transaction-level advisory lock
// kWriteLock, so that the writes of every server sharing the database apply one after another,
// each seeing every write committed before it, as SQLite's one writer does; a wait for it longer
// than the busy timeout fails with Error(kTryAgain), which asks the client to send the request
// again. A read is REPEATABLE READ, READ ONLY: one committed state throughout.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pg/connection.hpp"
#include "tracker/connection.hpp"

namespace caretoolkit::tracker::pg {

// The advisory lock every write holds until it commits: "CTKW".
inline constexpr std::int64_t kWriteLock = 0x43544B57;

// The store's SQL in PostgreSQL's terms, and how many parameters it takes. Parameters: "?N"
// becomes "$N" and a bare "?" the next number after the largest so far, as SQLite numbers them;
// "IS ?" and "IS NOT ?" become "IS NOT DISTINCT FROM $N" and "IS DISTINCT FROM $N", SQLite's
// NULL-safe comparisons; "x COLLATE NOCASE", where x is a column or a parameter, becomes
// "ascii_casefold(x)", which the schema defines to fold ASCII letters as NOCASE does. Text in
// quotes is left as it is. max() with two or more arguments, SQLite's scalar max, becomes
// greatest().
struct PostgresqlSql {
  std::string text;
  int parameters = 0;
};
PostgresqlSql to_postgresql(std::string_view sql);

// One prepared statement of a session, behind the Store's Statement. A statement whose columns
// are all integers, dates, text, bytes or flags has its rows sent in PostgreSQL's binary form,
// which spares the server writing each value as text and the store reading it back (a team's
// read is a million rows); values are read alike in either form.
class PgStatement final : public Statement {
  friend class PgConnection;  // runs several statements together

 public:
  PgStatement(caretoolkit::pg::Connection& connection, std::string name, std::string_view sql);

  void bind(int index, std::int64_t value) override;
  void bind(int index, double value) override;
  void bind(int index, const std::string& text) override;
  void bind(int index, const void* blob, int size) override;
  void bind(int index) override;
  void bindNoCopy(int index, const std::string& text) override { bind(index, text); }
  void bindNoCopy(int index, const char* text) override { bind(index, std::string(text)); }
  using Statement::bind;

  bool executeStep() override;
  int exec() override;
  void reset() override;
  void clearBindings() override;
  int getColumnCount() const override;

 private:
  bool is_null(int index) const override;
  std::int64_t int64_at(int index) const override;
  double double_at(int index) const override;
  std::string_view text_at(int index) const override;
  std::string_view blob_at(int index) const override;
  int bytes_at(int index) const override;
  std::optional<Date> date_at(int index) const override;
  const char* name_at(int index) const override;

  // Prepares the statement on its first use in the session.
  void prepare();
  // This run's statement and parameters, for exec_prepared_together(); prepared.
  caretoolkit::pg::Connection::PreparedRun prepared_run();
  // Keeps `rows` as the statement's result, to step through from the first.
  void take(caretoolkit::pg::Result rows);
  // Runs the statement (preparing it on first use) and keeps its rows.
  void run();
  // A binary row's values, read once as the row is reached rather than at every access: a team's
  // read reaches ten million values.
  struct Cell {
    const char* data = nullptr;
    int length = -1;  // -1 for NULL
  };
  void read_cells();
  const Cell& cell(int index) const {
    rows();  // throws when there is no current row
    return cells_.at(static_cast<std::size_t>(index));
  }
  // The value of a binary row, as text, as SQLite would give it: "12", "2025-03-01".
  std::string_view rendered(int index) const;
  caretoolkit::pg::Param& parameter(int index);
  const caretoolkit::pg::Result& rows() const;

  caretoolkit::pg::Connection& connection_;
  std::string name_;
  PostgresqlSql sql_;
  bool prepared_ = false;
  std::vector<caretoolkit::pg::Param> params_;
  bool binary_ = false;          // rows arrive in binary form
  std::vector<unsigned> types_;  // each column's type (pg_type's oid)
  std::optional<caretoolkit::pg::Result> result_;
  int row_ = -1;
  std::vector<Cell> cells_;                    // the current row's, for a binary result
  mutable std::string blob_;                   // the bytes of the bytea value read last (text form)
  mutable std::vector<std::string> rendered_;  // per column, for rendered()
};

class PgConnection final : public tracker::Connection {
 public:
  // Connects to `uri`; `lock_wait` bounds every wait for a lock (kWriteLock, a row's).
  PgConnection(std::string_view uri, std::chrono::milliseconds lock_wait);

  caretoolkit::pg::Connection& raw() { return connection_; }

  Backend backend() const noexcept override { return Backend::kPostgresql; }
  Statement& statement(const std::string& sql) override;
  void exec(const std::string& sql) override { connection_.exec_script(sql); }
  void run_together(std::span<Statement* const> statements) override;
  // Connects again first when the server has gone since the last transaction (a restart, a
  // failover), so that a transaction never begins on a dead connection.
  void begin(Mode mode) override;
  void commit() override;
  std::string pin_snapshot() override;
  void join_snapshot(const std::string& name) override;
  void abandon() noexcept override;
  void reset_statements() noexcept override;
  bool idle() const noexcept override;

 private:
  void start(Mode mode);
  void reconnect();

  caretoolkit::pg::Connection connection_;
  std::chrono::milliseconds lock_wait_;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> statements_;
};

// The PostgreSQL connection behind `connection`; throws std::logic_error on another back end.
PgConnection& postgresql(tracker::Connection& connection);

}  // namespace caretoolkit::tracker::pg
