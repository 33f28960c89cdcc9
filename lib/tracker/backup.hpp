// Online backup of a tracker database: a consistent copy of the file taken while the server keeps
// writing to it, through SQLite's backup API (https://www.sqlite.org/backup.html).
//
// The copy is one snapshot: the source connection holds a read transaction for the whole copy, so
// every page comes from the same moment, and commits made meanwhile by the server (another
// connection, often another process) are neither half-copied nor a reason to start again. In WAL
// mode, which the Store always uses, a reader never blocks the writer, so the server's writes go
// on at full speed; the copy is stepped a chunk of pages at a time only to bound each call.
//
// The copy is written to "<out>.partial" next to `out`, checked with PRAGMA integrity_check,
// synced, and only then renamed to `out`: a failed or interrupted backup never leaves a file named
// `out` behind, and an existing `out` is replaced only when asked.
#pragma once

#include <cstdint>
#include <filesystem>

namespace caretoolkit::tracker {

struct BackupOptions {
  bool overwrite = false;     // replace an existing `out`
  int pages_per_step = 1024;  // pages copied per sqlite3_backup_step call
};

struct BackupSummary {
  std::int64_t pages = 0;  // pages in the copy
  std::int64_t bytes = 0;  // size of the copy
  int steps = 0;           // backup steps taken
};

// Copies the caretoolkit database at `source` to `out`. Throws caretoolkit::Error:
//   kNotFound  no database at `source`, or `out`'s folder does not exist;
//   kConflict  `out` exists and options.overwrite is false;
//   kInvalid   `source` is not a caretoolkit database, `out` is the source itself, or the copy
//              fails its integrity check;
// and SQLite::Exception or std::filesystem::filesystem_error for I/O failures. On any failure
// `out` is as it was and no partial file is left. Safe to run while any number of processes use
// `source`.
BackupSummary backup_database(const std::filesystem::path& source, const std::filesystem::path& out,
                              const BackupOptions& options = {});

}  // namespace caretoolkit::tracker
