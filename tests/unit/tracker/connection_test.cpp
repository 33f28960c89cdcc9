// The connection pool hands a connection on only once it holds no transaction: a statement left
// part-way through its rows would keep a read snapshot open, which stops the writer's checkpoints
// from copying the write-ahead log back into the database, so the log would grow without end.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "support.hpp"
#include "tracker/sqlite_connection.hpp"

using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

// The SQLite file itself: not run again on PostgreSQL.
TEST_SUITE_BEGIN("sqlite-only");

namespace {

// Three rows in table t, in WAL mode, as the Store sets a file up.
struct PoolFixture {
  PoolFixture() {
    auto writer = pool.write();
    sqlite(*writer).db().exec("PRAGMA journal_mode = WAL");
    sqlite(*writer).db().exec("CREATE TABLE t(x INTEGER)");
    sqlite(*writer).db().exec("INSERT INTO t VALUES (1), (2), (3)");
  }

  // A passive checkpoint on the writer, as the one SQLite runs after a commit:
  // {result code, frames in the log, frames copied into the database}.
  struct Checkpoint {
    int result = 0;
    int log = 0;
    int copied = 0;
  };
  Checkpoint checkpoint() {
    auto writer = pool.write();
    Checkpoint done;
    done.result = sqlite3_wal_checkpoint_v2(sqlite(*writer).db().getHandle(), nullptr,
                                            SQLITE_CHECKPOINT_PASSIVE, &done.log, &done.copied);
    return done;
  }

  ScratchDir dir;
  ConnectionPool pool{[path = dir.file("pool.db")](Connection::Mode mode) {
                        return std::make_unique<SqliteConnection>(path, mode, 1000);
                      },
                      1};
};

}  // namespace

TEST_CASE_FIXTURE(PoolFixture,
                  "a reader given back after its first row does not stop a checkpoint") {
  {
    auto reader = pool.read();
    auto& rows = reader->statement("SELECT x FROM t ORDER BY x");
    REQUIRE(rows.executeStep());  // 1 of 3: the statement is left part-way through its rows
  }
  sqlite(*pool.write()).db().exec("INSERT INTO t VALUES (4)");
  const Checkpoint done = checkpoint();
  CHECK(done.result == SQLITE_OK);
  CHECK(done.log > 0);
  CHECK(done.copied == done.log);  // every frame, the fourth row's too
  // The same reader (the pool holds one) sees the fourth row.
  CHECK(sqlite(*pool.read()).db().execAndGet("SELECT count(*) FROM t").getInt() == 4);
}

TEST_CASE_FIXTURE(
    PoolFixture,
    "a write lease given back after its first row leaves the writer free to checkpoint") {
  {
    auto writer = pool.write();
    auto& rows = writer->statement("SELECT x FROM t ORDER BY x");
    REQUIRE(rows.executeStep());
    CHECK(sqlite3_get_autocommit(sqlite(*writer).db().getHandle()) !=
          0);  // which is why it went unseen
    CHECK_FALSE(writer->idle());
  }
  CHECK(pool.write()->idle());
  const Checkpoint done = checkpoint();
  CHECK(done.result == SQLITE_OK);  // SQLITE_LOCKED while the writer is in a read transaction
  CHECK(done.copied == done.log);
}

TEST_SUITE_END();
