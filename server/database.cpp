// See database.hpp.
#include "database.hpp"

#include <exception>
#include <string>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "pg/connection.hpp"

namespace caretoolkit::server {

namespace {

namespace fs = std::filesystem;

Error refusal(const std::string& name, const std::string& why,
              ErrorCode code = ErrorCode::kInvalid) {
  return Error{code, "cannot open the database '" + name + "': " + why, "--db"};
}

Error refusal(const fs::path& path, const std::string& why, ErrorCode code = ErrorCode::kInvalid) {
  return refusal(path.string(), why, code);
}

// The store at `location` with `options`; any failure is refused naming the database as `name`.
std::unique_ptr<tracker::Store> open_store(const std::string& location, const std::string& name,
                                           tracker::StoreOptions options) {
  try {
    return std::make_unique<tracker::Store>(location, std::move(options));
  } catch (const Error& e) {
    throw refusal(name, e.what(), e.code());  // a newer or foreign database: the Store says which
  } catch (const std::exception& e) {
    throw refusal(name, e.what());
  }
}

// Refuses a folder, and a missing file when `mode` does not allow one to be created; otherwise
// makes the missing file's folder.
void prepare_location(const fs::path& path, OpenMode mode) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error && status.type() != fs::file_type::not_found) {
    throw refusal(path, "cannot reach it: " + error.message());
  }
  if (fs::is_directory(status)) {
    throw refusal(path, "it is a folder; give a file in it, such as '" +
                            (path / "caretoolkit.db").string() + "'");
  }
  if (fs::exists(status)) return;
  if (mode == OpenMode::kMustExist) {
    throw refusal(path,
                  "the file does not exist; check the path, or create the database first with "
                  "'caretoolkit provider add'",
                  ErrorCode::kNotFound);
  }
  // A bare file name ("new.db") has no folder to make: it goes in the working directory.
  if (!path.has_parent_path()) return;
  fs::create_directories(path.parent_path(), error);
  if (error) throw refusal(path, "cannot create its folder: " + error.message());
}

}  // namespace

void refuse_password(const std::string& uri, const std::string& option) {
  if (!pg::has_password(uri)) return;
  throw Error{ErrorCode::kInvalid,
              "cannot use the database '" + pg::describe(uri) +
                  "': the address holds a password, which anyone on this machine can read on a "
                  "command line; leave it out, and give it in PGPASSWORD or ~/.pgpass",
              option};
}

std::string postgresql_option_help() {
  return "PostgreSQL database as postgresql://USER@HOST/DBNAME (the password in PGPASSWORD or "
         "~/.pgpass)";
}

std::string database_option_help(OpenMode mode) {
  return std::string(mode == OpenMode::kCreate ? "SQLite database file (created if missing)"
                                               : "SQLite database file (must exist)") +
         ", or a " + postgresql_option_help();
}

std::unique_ptr<tracker::Store> open_database(
    const std::string& location, OpenMode mode,
    std::function<std::chrono::system_clock::time_point()> now) {
  tracker::StoreOptions options;
  if (now) options.now = std::move(now);
  if (pg::is_uri(location)) {
    refuse_password(location, "--db");
    return open_store(location, pg::describe(location), std::move(options));
  }
  const fs::path path(location);
  prepare_location(path, mode);
  options.create = mode == OpenMode::kCreate;  // so that nothing is made even if it vanished since
  return open_store(location, path.string(), std::move(options));
}

}  // namespace caretoolkit::server
