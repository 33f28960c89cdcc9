// A PostgreSQL database of its own for each test, on the throwaway cluster that
// tests/support/pg-cluster starts (CTest starts it as the fixture pg_cluster; by hand:
// `tests/support/pg-cluster run build/tests/.../unit_tracker_pg`).
//
// The cluster's URI comes from CARETOOLKIT_TEST_PG_URI or else from the file that
// CARETOOLKIT_TEST_PG_URI_FILE (or CARETOOLKIT_TEST_BACKEND_URI_FILE, below) names. When neither
// gives one, or the cluster cannot be reached, the constructor throws, so the test fails: a
// PostgreSQL test never passes without PostgreSQL.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "pg/connection.hpp"

namespace caretoolkit::testing {

// True when the suites that run on both back ends are to keep their stores on PostgreSQL: CTest's
// second run of them sets CARETOOLKIT_TEST_BACKEND_URI_FILE to the test cluster's URI file.
bool stores_on_postgresql();

// The URI of the test cluster's administrative database; throws std::runtime_error saying how to
// start a cluster when there is none.
std::string pg_cluster_uri();

// Creates an empty database with a name of its own, and drops it (closing any connection still
// open to it) at the end of the test.
class PgTestDatabase {
 public:
  PgTestDatabase();
  ~PgTestDatabase();
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // A new connection to this database.
  pg::Connection connect() const { return pg::Connection(cluster_uri_, name_); }
  // A connection URI for this database, for code that takes one (a server's --db).
  std::string uri() const;

 private:
  std::string cluster_uri_;
  std::string name_;
};

// Where a test keeps a store: the SQLite file `file`, or, when stores_on_postgresql(), a database
// of its own on the test cluster, dropped when this object goes.
class TestStoreLocation {
 public:
  explicit TestStoreLocation(const std::filesystem::path& file);
  // The file's path or the database's URI, for tracker::Store and --db.
  const std::string& location() const { return location_; }

 private:
  std::unique_ptr<PgTestDatabase> database_;
  std::string location_;
};

}  // namespace caretoolkit::testing
