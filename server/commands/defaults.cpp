// Default locations of the binary's files; see defaults.hpp.
#include "commands/defaults.hpp"

#include <filesystem>
#include <system_error>

namespace caretoolkit::commands {

std::string shipped_folder(std::string_view name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path here(name);
  if (fs::is_directory(here, ec)) return here.string();
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = binary.parent_path().parent_path() / name;
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return here.string();
}

}  // namespace caretoolkit::commands
