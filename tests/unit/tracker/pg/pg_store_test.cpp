// The store on PostgreSQL where it differs from SQLite: a server that drops its connections (a
// restart, a failover) costs the store nothing once it is back, and the shared SQL reads as
// PostgreSQL's.
#include <doctest/doctest.h>

#include <string>

#include "pg/connection.hpp"
#include "pg_test_database.hpp"
#include "tracker/pg/pg_connection.hpp"
#include "tracker/store.hpp"

using namespace caretoolkit;
using caretoolkit::testing::PgTestDatabase;

namespace {

// Ends every session of the database but the caller's, as a server restart does.
void drop_connections(const PgTestDatabase& database) {
  pg::Connection admin = database.connect();
  admin.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> "
      "pg_backend_pid()",
      {database.name()});
}

}  // namespace

TEST_CASE("the PostgreSQL store carries on after the server drops its connections") {
  PgTestDatabase database;
  tracker::Store store(database.uri());
  const auto first = store.providers().create("Brookfield Home Care");
  CHECK(store.providers().get(first.id).name == "Brookfield Home Care");  // a reader opened too
  drop_connections(database);
  // Both the writer and the reader connect again when they next begin.
  const auto second = store.providers().create("Riverside Homes");
  CHECK(second.id == first.id + 1);
  CHECK(store.providers().list().items.size() == 2);
  drop_connections(database);
  CHECK(store.sources().create(second.id, {.name = "Indeed"}).name == "Indeed");
}

TEST_CASE("the store's SQL is turned into PostgreSQL's") {
  using tracker::pg::to_postgresql;
  CHECK(to_postgresql("SELECT a FROM t WHERE b = ? AND c > ?").text ==
        "SELECT a FROM t WHERE b = $1 AND c > $2");
  const auto numbered = to_postgresql("UPDATE t SET a = ?2 WHERE id = ?1 AND b IS ?2");
  CHECK(numbered.text == "UPDATE t SET a = $2 WHERE id = $1 AND b IS NOT DISTINCT FROM $2");
  CHECK(numbered.parameters == 2);
  CHECK(to_postgresql("SELECT 1 WHERE x IS NOT ? AND y IS NULL").text ==
        "SELECT 1 WHERE x IS DISTINCT FROM $1 AND y IS NULL");
  CHECK(to_postgresql("WHERE l.town COLLATE NOCASE = ? COLLATE NOCASE ORDER BY p.name COLLATE "
                      "NOCASE")
            .text ==
        "WHERE ascii_casefold(l.town) = ascii_casefold($1) ORDER BY ascii_casefold(p.name)");
  CHECK(to_postgresql("SET live_to = max(?, live_from), n = (SELECT max(v) FROM w)").text ==
        "SET live_to = greatest($1, live_from), n = (SELECT max(v) FROM w)");
  // Text in quotes is left alone: a literal question mark is not a parameter.
  CHECK(to_postgresql("SELECT '?', \"is ?\" FROM t WHERE a = ?").text ==
        "SELECT '?', \"is ?\" FROM t WHERE a = $1");
}
