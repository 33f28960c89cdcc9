// The tracker's schema on PostgreSQL and its migrations: the twin of schema.hpp (SQLite), step for
// step. Internal to the PostgreSQL store, which applies them when it connects.
//
// The database's schema version is the highest version in the schema_version table, which holds
// one row per step run (with its summary and when it ran); 0 for an empty database. Each step runs
// in its own transaction together with its schema_version row, holding the transaction-level
// advisory lock kMigrationLock: servers that start together take turns, each re-reads the version
// once it holds the lock, and every step runs exactly once. PostgreSQL's DDL is transactional, so
// a failure leaves the database at the previous version, never half-way.
//
// Step N here makes the same tables, columns and rules as SQLite's step N: migrations() lists
// both, and a build whose SQLite schema has a step without its PostgreSQL twin does not compile.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tracker/schema.hpp"

namespace caretoolkit::pg {
class Connection;
}

namespace caretoolkit::tracker::pg {

// The advisory lock the migrations hold: "CTK1", as the SQLite file's application_id.
inline constexpr std::int64_t kMigrationLock = kApplicationId;

struct PgMigration {
  int version;               // the schema version once this step has run
  std::string_view summary;  // the same words as the SQLite step's
  std::string_view sql;      // fixed statements, run in one transaction
};

// Every step, in order; append only, together with schema.cpp's.
std::span<const PgMigration> migrations();

// The database's schema version; 0 when it has no schema_version table.
int schema_version(caretoolkit::pg::Connection& connection);

// The oldest PostgreSQL the schema is made for and tested on, numbered as server_version() is.
inline constexpr int kOldestServer = 150000;

// Throws Error(kConflict), naming both versions, when `server_version` (numbered as libpq's
// PQserverVersion) is older than kOldestServer. `database` names the database in the message.
void check_server_version(int server_version, const std::string& database);

// Refuses a database this build cannot use without changing it: throws Error(kConflict) for a
// server older than kOldestServer, a newer schema version, or tables in the connection's schema
// (search_path) that caretoolkit did not make (tables without a schema_version table).
void check_compatible(caretoolkit::pg::Connection& connection);

// Brings the database up to `target` (default: the latest), one transaction per step, as
// described above. Waits at most `lock_wait` for another server's migration; past it, throws
// Error(kUnavailable). Must run with no transaction open on `connection`.
void migrate(caretoolkit::pg::Connection& connection, int target = kSchemaVersion,
             std::chrono::milliseconds lock_wait = std::chrono::minutes(5));

}  // namespace caretoolkit::tracker::pg
