// Opening the tracker's database the one way the binary does it, for the server and for every
// command that takes --db: a SQLite file's path, or a PostgreSQL connection URI
// ("postgresql://user@host/dbname"), whose password comes from PGPASSWORD or ~/.pgpass and never
// from the command line. Any failure becomes an Error that names the database (field "--db"),
// where SQLite alone says "unable to open database file".
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

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

// Refuses a PostgreSQL URI given as `option` that holds a password (Error kInvalid, naming the
// database without it): anyone on the machine can read a command line.
void refuse_password(const std::string& uri, const std::string& option);

// The help text of --db for a command that opens the database in `mode`.
std::string database_option_help(OpenMode mode);
// The help text's words for a PostgreSQL database: the URI's form and where the password goes.
std::string postgresql_option_help();

// `now`, when given, is the clock of sign-in sessions (StoreOptions::now), for tests. A
// PostgreSQL database must exist (the server makes its tables); a URI that holds a password is
// refused, as anyone on the machine can read a command line.
std::unique_ptr<tracker::Store> open_database(
    const std::string& location, OpenMode mode,
    std::function<std::chrono::system_clock::time_point()> now = {});

}  // namespace caretoolkit::server
