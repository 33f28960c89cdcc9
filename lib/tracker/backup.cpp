// Online backup through SQLite's backup API; see backup.hpp.
#include "tracker/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "core/error.hpp"
#include "tracker/schema.hpp"

namespace caretoolkit::tracker {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Removes the partial copy (and SQLite's side files) unless the backup got as far as renaming it.
class PartialFile {
 public:
  explicit PartialFile(fs::path path) : path_(std::move(path)) { remove(); }
  ~PartialFile() {
    if (!kept_) remove();
  }
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  const fs::path& path() const { return path_; }
  void keep() { kept_ = true; }

 private:
  void remove() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      fs::remove(fs::path(path_.string() + suffix), ignored);
    }
  }

  fs::path path_;
  bool kept_ = false;
};

// fsync of a file or folder, so that the copy and its new name are on disk before we return.
void sync_path(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw fs::filesystem_error("cannot open to sync", path,
                               std::error_code(errno, std::generic_category()));
  }
  const int synced = ::fsync(fd);
  const int saved_errno = errno;
  ::close(fd);
  if (synced != 0) {
    throw fs::filesystem_error("cannot sync", path,
                               std::error_code(saved_errno, std::generic_category()));
  }
}

void check_source(SQLite::Database& source, const fs::path& path) {
  int application_id = 0;
  try {
    application_id = source.execAndGet("PRAGMA application_id").getInt();
  } catch (const SQLite::Exception& e) {
    // A file that is not SQLite at all fails on its first read ("file is not a database").
    if (e.getErrorCode() != SQLITE_NOTADB) throw;
  }
  if (application_id != kApplicationId) {
    throw Error(ErrorCode::kInvalid, "'" + path.string() + "' is not a caretoolkit database",
                "--db");
  }
}

}  // namespace

BackupSummary backup_database(const fs::path& source, const fs::path& out,
                              const BackupOptions& options) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) {
    throw Error(ErrorCode::kNotFound, "there is no database at '" + source.string() + "'", "--db");
  }
  const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec)) {
    throw Error(ErrorCode::kNotFound,
                "the folder '" + folder.string() + "' for the backup does not exist", "OUT");
  }
  if (fs::exists(out, ec)) {
    if (fs::equivalent(source, out, ec)) {
      throw Error(ErrorCode::kInvalid, "the backup cannot overwrite the database it copies", "OUT");
    }
    if (!options.overwrite) {
      throw Error(ErrorCode::kConflict,
                  "'" + out.string() + "' already exists; use --force to replace it", "OUT");
    }
  }

  PartialFile partial(fs::path(out.string() + ".partial"));
  BackupSummary summary;
  {
    SQLite::Database from(source, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    SQLite::Database to(partial.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                        kBusyTimeoutMs);
    // One read transaction for the whole copy: every step sees the same snapshot, so the
    // server's commits meanwhile neither restart the copy nor mix two moments in it.
    from.exec("BEGIN");
    check_source(from, source);

    SQLite::Backup backup(to, from);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
      const int rc = backup.executeStep(options.pages_per_step > 0 ? options.pages_per_step : -1);
      ++summary.steps;
      if (rc == SQLITE_DONE) break;
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        if (std::chrono::steady_clock::now() > deadline) {
          throw SQLite::Exception("the database stayed locked during the backup", rc);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    summary.pages = backup.getTotalPageCount();
    from.exec("COMMIT");

    const std::string verdict = to.execAndGet("PRAGMA integrity_check").getString();
    if (verdict != "ok") {
      throw Error(ErrorCode::kInvalid, "the copy failed its integrity check: " + verdict, "OUT");
    }
    // The copy keeps the source's WAL mode; fold everything into the one file before it moves.
    to.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  sync_path(partial.path(), false);
  summary.bytes = static_cast<std::int64_t>(fs::file_size(partial.path()));
  fs::rename(partial.path(), out);
  partial.keep();
  sync_path(folder, true);
  return summary;
}

}  // namespace caretoolkit::tracker
