// See database.hpp.
#include "database.hpp"

#include <exception>
#include <string>
#include <system_error>

#include "core/error.hpp"

namespace caretoolkit::server {

std::unique_ptr<tracker::Store> open_database(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const auto refuse = [&path](const std::string& why, ErrorCode code = ErrorCode::kInvalid) {
    return Error(code, "cannot open the database '" + path.string() + "': " + why, "--db");
  };
  std::error_code error;
  if (fs::is_directory(path, error)) {
    throw refuse("it is a folder; give a file in it, such as '" +
                 (path / "caretoolkit.db").string() + "'");
  }
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
  if (error) throw refuse("cannot create its folder: " + error.message());
  try {
    return std::make_unique<tracker::Store>(path);
  } catch (const Error& e) {
    throw refuse(e.what(), e.code());  // a newer or foreign file: the Store says which
  } catch (const std::exception& e) {
    throw refuse(e.what());
  }
}

}  // namespace caretoolkit::server
