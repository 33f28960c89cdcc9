// See database.hpp.
#include "database.hpp"

#include <exception>
#include <string>
#include <system_error>
#include <utility>

#include "core/error.hpp"

namespace caretoolkit::server {

namespace {

namespace fs = std::filesystem;

Error refusal(const fs::path& path, const std::string& why, ErrorCode code = ErrorCode::kInvalid) {
  return Error{code, "cannot open the database '" + path.string() + "': " + why, "--db"};
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

std::unique_ptr<tracker::Store> open_database(
    const std::filesystem::path& path, OpenMode mode,
    std::function<std::chrono::system_clock::time_point()> now) {
  prepare_location(path, mode);
  tracker::StoreOptions options;
  if (now) options.now = std::move(now);
  options.create = mode == OpenMode::kCreate;  // so that nothing is made even if it vanished since
  try {
    return std::make_unique<tracker::Store>(path, std::move(options));
  } catch (const Error& e) {
    throw refusal(path, e.what(), e.code());  // a newer or foreign file: the Store says which
  } catch (const std::exception& e) {
    throw refusal(path, e.what());
  }
}

}  // namespace caretoolkit::server
