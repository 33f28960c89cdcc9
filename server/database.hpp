// Opening the tracker's database file the one way the binary does it, for the server and for
// every command that takes --db: the file's folder is created first, and any failure becomes an
// Error that names the file (field "--db"), where SQLite alone says "unable to open database file".
#pragma once

#include <filesystem>
#include <memory>

#include "tracker/store.hpp"

namespace caretoolkit::server {

std::unique_ptr<tracker::Store> open_database(const std::filesystem::path& path);

}  // namespace caretoolkit::server
