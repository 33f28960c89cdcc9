// The Store's connections on SQLite, through SQLiteCpp. Internal to lib/tracker.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "tracker/connection.hpp"

namespace caretoolkit::tracker {

// One SQLite statement behind the Store's Statement.
class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) : statement_(db, sql) {}

  void bind(int index, std::int64_t value) override { statement_.bind(index, value); }
  void bind(int index, double value) override { statement_.bind(index, value); }
  void bind(int index, const std::string& text) override { statement_.bind(index, text); }
  void bind(int index, const void* blob, int size) override { statement_.bind(index, blob, size); }
  void bind(int index) override { statement_.bind(index); }
  void bindNoCopy(int index, const std::string& text) override {
    statement_.bindNoCopy(index, text);
  }
  void bindNoCopy(int index, const char* text) override { statement_.bindNoCopy(index, text); }
  using Statement::bind;

  bool executeStep() override { return statement_.executeStep(); }
  int exec() override { return statement_.exec(); }
  void reset() override { statement_.reset(); }
  void clearBindings() override { statement_.clearBindings(); }
  int getColumnCount() const override { return statement_.getColumnCount(); }

  // Resets without throwing (a failed step's error is reported by the step itself).
  void try_reset() noexcept { statement_.tryReset(); }

 private:
  bool is_null(int index) const override { return statement_.isColumnNull(index); }
  std::int64_t int64_at(int index) const override;
  double double_at(int index) const override;
  std::string_view text_at(int index) const override;
  std::string_view blob_at(int index) const override;
  int bytes_at(int index) const override;
  std::optional<Date> date_at(int index) const override;
  const char* name_at(int index) const override { return statement_.getColumnName(index); }

  // SQLiteCpp's getters are not const; reading a column changes nothing we rely on.
  mutable SQLite::Statement statement_;
};

// One SQLite connection with its settings applied and a cache of prepared statements.
class SqliteConnection final : public Connection {
 public:
  // Opens `path` (the writer creates it when `create` is true; a missing file is refused
  // otherwise). Applies, on every connection: busy_timeout, foreign_keys=ON and synchronous=FULL
  // (a commit is on disk before it returns, so an acknowledged write survives a power cut); on
  // the writer, SQLite's automatic checkpoint every kAutoCheckpointPages pages and a
  // journal_size_limit of kWalSizeLimitBytes. journal_mode=WAL is set by the Store on the writer
  // once the schema check has passed, because it changes the file. Throws SQLite::Exception.
  SqliteConnection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms,
                   bool create = true);

  SQLite::Database& db() { return db_; }

  Backend backend() const noexcept override { return Backend::kSqlite; }
  Statement& statement(const std::string& sql) override;
  void exec(const std::string& sql) override { db_.exec(sql); }
  // A write begins IMMEDIATE: it takes the file's write lock at once, waiting up to the busy
  // timeout for another process's.
  void begin(Mode mode) override;
  void commit() override { db_.exec("COMMIT"); }
  std::string pin_snapshot() override;
  void join_snapshot(const std::string&) override { pin_snapshot(); }
  void abandon() noexcept override;
  void reset_statements() noexcept override;
  bool idle() const noexcept override;

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
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

// The SQLite connection behind `connection`, for what only SQLite has (its schema steps, its
// settings); throws std::logic_error on another back end.
SqliteConnection& sqlite(Connection& connection);

}  // namespace caretoolkit::tracker
