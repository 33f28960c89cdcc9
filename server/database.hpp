// Opening the tracker's database file the one way the binary does it, for the server and for
// every command that takes --db. Any failure becomes an Error that names the file (field "--db"),
// where SQLite alone says "unable to open database file".
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "tracker/store.hpp"

namespace caretoolkit::server {

enum class OpenMode {
  // For what starts a database (serve, provider add, admin create-team-key): a missing file is
  // created, and its folder first.
  kCreate,
  // For what needs records already stored (reports, exports, imports, purge): a missing file is
  // refused with Error(kNotFound) naming the path, and nothing is created, neither file nor folder.
  kMustExist,
};

// `now`, when given, is the clock of sign-in sessions (StoreOptions::now), for tests.
std::unique_ptr<tracker::Store> open_database(
    const std::filesystem::path& path, OpenMode mode,
    std::function<std::chrono::system_clock::time_point()> now = {});

}  // namespace caretoolkit::server
