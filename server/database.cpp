// See database.hpp.
#include "database.hpp"

#include <exception>
#include <string>
#include <system_error>
#include <utility>

#include "core/error.hpp"

namespace caretoolkit::server {

namespace {

// Refuses a folder, and a missing file or folder that `mode` does not allow to be created; makes
// the folder when it may. Throws the Error that `refuse` makes.
template <class Refuse>
void prepare_location(const std::filesystem::path& path, OpenMode mode, const Refuse& refuse) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error && status.type() != fs::file_type::not_found) {
    throw refuse("cannot reach it: " + error.message(), ErrorCode::kInvalid);
  }
  if (fs::is_directory(status)) {
    throw refuse(
        "it is a folder; give a file in it, such as '" + (path / "caretoolkit.db").string() + "'",
        ErrorCode::kInvalid);
  }
  if (fs::exists(status)) return;
  if (mode == OpenMode::kMustExist) {
    throw refuse(
        "the file does not exist; check the path, or create the database first with "
        "'caretoolkit provider add'",
        ErrorCode::kNotFound);
  }
  // A bare file name ("new.db") has no folder to make: it goes in the working directory.
  if (!path.has_parent_path()) return;
  fs::create_directories(path.parent_path(), error);
  if (error) throw refuse("cannot create its folder: " + error.message(), ErrorCode::kInvalid);
}

}  // namespace

std::unique_ptr<tracker::Store> open_database(const std::filesystem::path& path, OpenMode mode) {
  const auto refuse = [&path](const std::string& why, ErrorCode code) {
    return Error(code, "cannot open the database '" + path.string() + "': " + why, "--db");
  };
  prepare_location(path, mode, refuse);
  tracker::StoreOptions options;
  options.create = mode == OpenMode::kCreate;  // so that nothing is made even if it vanished since
  try {
    return std::make_unique<tracker::Store>(path, std::move(options));
  } catch (const Error& e) {
    throw refuse(e.what(), e.code());  // a newer or foreign file: the Store says which
  } catch (const std::exception& e) {
    throw refuse(e.what(), ErrorCode::kInvalid);
  }
}

}  // namespace caretoolkit::server
