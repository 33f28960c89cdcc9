// Opening the Store on either back end, and what it says of itself; see store.hpp.
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "core/error.hpp"
#include "pg/database_error.hpp"
#include "tracker/pg/pg_connection.hpp"
#include "tracker/pg/pg_errors.hpp"
#include "tracker/pg/pg_schema.hpp"
#include "tracker/schema.hpp"
#include "tracker/sqlite_connection.hpp"
#include "tracker/storage_errors.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

// The writer's first touch of the file: refuse what we must not change, then switch to WAL (which
// rewrites the header, so only after the check) and migrate.
void prepare_file(SqliteConnection& writer) {
  check_compatible(writer.db());
  writer.db().exec("PRAGMA journal_mode = WAL");
  migrate(writer.db());
}

// The same for a PostgreSQL database: servers that start together migrate it once.
void prepare_database(pg::PgConnection& writer) {
  pg::check_compatible(writer.raw());
  pg::migrate(writer.raw());
}

ConnectionPool::Opener connection_opener(Backend backend, const std::string& location,
                                         const StoreOptions& options) {
  if (backend == Backend::kPostgresql) {
    const std::chrono::milliseconds lock_wait(options.busy_timeout_ms);
    return [location, lock_wait](Connection::Mode) -> std::unique_ptr<Connection> {
      return std::make_unique<pg::PgConnection>(location, lock_wait);
    };
  }
  const std::filesystem::path path(location);
  return [path, busy = options.busy_timeout_ms,
          create = options.create](Connection::Mode mode) -> std::unique_ptr<Connection> {
    return std::make_unique<SqliteConnection>(path, mode, busy, create);
  };
}

ConnectionSettings read_settings(SqliteConnection& connection) {
  auto& db = connection.db();
  return ConnectionSettings{
      .journal_mode = db.execAndGet("PRAGMA journal_mode").getString(),
      .synchronous = db.execAndGet("PRAGMA synchronous").getInt(),
      .foreign_keys = db.execAndGet("PRAGMA foreign_keys").getInt() == 1,
      .busy_timeout_ms = db.execAndGet("PRAGMA busy_timeout").getInt(),
      .temp_store = db.execAndGet("PRAGMA temp_store").getInt(),
      .wal_autocheckpoint = db.execAndGet("PRAGMA wal_autocheckpoint").getInt(),
      .journal_size_limit = db.execAndGet("PRAGMA journal_size_limit").getInt64()};
}

}  // namespace

void rethrow_storage_error() {
  try {
    throw;
  } catch (const SQLite::Exception& error) {
    switch (error.getExtendedErrorCode()) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        throw duplicate_record_error();
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        throw missing_reference_error();
      case SQLITE_CONSTRAINT_CHECK:
      case SQLITE_CONSTRAINT_NOTNULL:
      case SQLITE_CONSTRAINT_DATATYPE:
        throw broken_rule_error();
      default:
        throw;
    }
  } catch (const caretoolkit::pg::DatabaseError& error) {
    pg::rethrow_storage_error(error);
  }
}

StoreState::StoreState(const std::string& location, StoreOptions store_options)
    : backend(caretoolkit::pg::is_uri(location) ? Backend::kPostgresql : Backend::kSqlite),
      path(backend == Backend::kSqlite ? location : std::string()),
      target(backend == Backend::kSqlite ? location : caretoolkit::pg::describe(location)),
      options(std::move(store_options)),
      pool(connection_opener(backend, location, options), options.max_readers) {
  if (backend == Backend::kSqlite) {
    prepare_file(sqlite(*pool.write()));
  } else {
    prepare_database(pg::postgresql(*pool.write()));
  }
}

Store::Store(const std::string& location, StoreOptions options) {
  const bool create = options.create;
  try {
    impl_ = std::make_unique<Impl>(location, std::move(options));
  } catch (const SQLite::Exception& error) {
    std::error_code ignored;
    if (!create && error.getErrorCode() == SQLITE_CANTOPEN &&
        !std::filesystem::exists(location, ignored)) {
      throw Error(ErrorCode::kNotFound, "the file does not exist");
    }
    if (error.getErrorCode() != SQLITE_NOTADB) throw;
    throw Error(ErrorCode::kConflict,
                "this file is not a SQLite database, so not a caretoolkit one; it was left "
                "unchanged");
  }
}

Store::~Store() = default;

Backend Store::backend() const {
  return impl_->backend;
}

const std::string& Store::target() const {
  return impl_->target;
}

const std::filesystem::path& Store::path() const {
  return impl_->path;
}

std::uint64_t Store::wal_bytes() const {
  if (impl_->backend != Backend::kSqlite) return 0;
  std::error_code missing;
  const auto bytes = std::filesystem::file_size(impl_->path.string() + "-wal", missing);
  return missing ? 0 : bytes;
}

Date Store::today() const {
  return impl_->today();
}

std::int64_t Store::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(impl_->options.now().time_since_epoch())
      .count();
}

StoreSettings Store::settings() const {
  if (impl_->backend != Backend::kSqlite) return {};
  StoreSettings settings;
  settings.writer = read_settings(sqlite(*impl_->pool.write()));
  settings.reader = read_settings(sqlite(*impl_->pool.read()));
  return settings;
}

}  // namespace caretoolkit::tracker
