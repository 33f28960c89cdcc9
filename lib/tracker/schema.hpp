// The tracker's SQLite schema and its migrations. Internal to lib/tracker: the Store applies them
// when it opens a file, so nothing else needs this header.
//
// A file's schema version is `PRAGMA user_version`: version N means migrations 1..N have run.
// Each migration runs in its own IMMEDIATE transaction together with the version bump, so a crash
// leaves the file at the previous version, never half-way. A file written by a newer caretoolkit
// (a version above kSchemaVersion) or by another program (a foreign `application_id`, or tables
// without a version) is refused before anything in it is changed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace SQLite {
class Database;
}

namespace caretoolkit::tracker {

// "CTK1": marks a file as a caretoolkit tracker database (`PRAGMA application_id`).
inline constexpr std::int32_t kApplicationId = 0x43544B31;

struct Migration {
  int version;               // the user_version the file has once this step has run
  std::string_view summary;  // what the step adds, for logs and the schema test
  std::string_view sql;      // zero or more statements, run in one transaction
  // Run after `sql` in the same transaction, for what SQL cannot do alone; or null.
  void (*rewrite)(SQLite::Database&) = nullptr;
};

// Every migration, in order; append only. The last one's version is kSchemaVersion.
std::span<const Migration> migrations();
inline constexpr int kSchemaVersion = 9;

// The file's schema version; 0 for a new, empty file.
int schema_version(SQLite::Database& db);

// Refuses a file this build cannot use without changing it: throws Error(kConflict) for a newer
// schema version, another program's application_id, or a non-empty file that has no version.
void check_compatible(SQLite::Database& db);

// Brings the file up to `target` (default: the latest), one transaction per step. Must run on a
// read-write connection with no transaction open; calls check_compatible() first. Safe when
// another process migrates the same file concurrently: each step re-reads the version after
// taking the write lock.
void migrate(SQLite::Database& db, int target = kSchemaVersion);

}  // namespace caretoolkit::tracker
