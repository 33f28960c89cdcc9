// The import's write queue: writes run in order on the connection's thread, and a failure on
// either side stops the other and reaches the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support.hpp"
#include "tracker/sqlite_connection.hpp"
#include "tracker/write_queue.hpp"

using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

// The SQLite file itself: not run again on PostgreSQL.
TEST_SUITE_BEGIN("sqlite-only");

namespace {

struct QueueFixture {
  ScratchDir dir;
  SqliteConnection connection{dir.file("queue.db"), Connection::Mode::kWriter, 1000};
  WriteQueue queue{connection};
};

}  // namespace

TEST_CASE_FIXTURE(QueueFixture, "writes run in the order submitted, on the calling thread") {
  std::vector<int> done;
  std::vector<std::thread::id> threads;
  std::thread::id producer;
  queue.run([&] {
    producer = std::this_thread::get_id();
    for (int i = 0; i < 10'000; ++i) {
      queue.submit([&done, &threads, i](ImportWriter&) {
        done.push_back(i);
        if (threads.empty() || threads.back() != std::this_thread::get_id())
          threads.push_back(std::this_thread::get_id());
      });
    }
  });
  REQUIRE(done.size() == 10'000);
  for (int i = 0; i < 10'000; ++i) CHECK(done[static_cast<std::size_t>(i)] == i);
  REQUIRE(threads.size() == 1);
  CHECK(threads.front() == std::this_thread::get_id());
  CHECK(producer != std::this_thread::get_id());
}

TEST_CASE_FIXTURE(QueueFixture, "a failed write stops the producer and is thrown") {
  std::atomic<int> submitted = 0;
  int written = 0;
  CHECK_THROWS_WITH(queue.run([&] {
    for (int i = 0; i < 1'000'000; ++i) {
      queue.submit([&written](ImportWriter&) {
        if (++written == 100) throw std::runtime_error("the disk is full");
      });
      ++submitted;
    }
  }),
                    "the disk is full");
  CHECK(written == 100);         // nothing after the failed write ran
  CHECK(submitted < 1'000'000);  // the producer gave up rather than read on
}

TEST_CASE_FIXTURE(QueueFixture, "a failed producer is thrown, and its writes ran no further") {
  int written = 0;
  CHECK_THROWS_WITH(queue.run([&] {
    for (int i = 0; i < 1000; ++i) queue.submit([&written](ImportWriter&) { ++written; });
    throw std::runtime_error("line 1001: the quoting is broken");
  }),
                    "line 1001: the quoting is broken");
  CHECK(written <= 1000);  // some may not have run: the caller rolls back in any case
}

TEST_CASE_FIXTURE(QueueFixture, "a producer that submits nothing returns at once") {
  bool ran = false;
  queue.run([&] { ran = true; });
  CHECK(ran);
}

TEST_SUITE_END();
