// Lets a large import read and check its rows on one thread while the connection's own thread
// writes them: on two cores the CSV, the checks and SQLite's inserts then overlap instead of
// taking turns.
//
// The producer (run's `produce`, on a thread of its own) hands writes to submit(); they run on the
// thread that called run(), which owns the connection, in the order submitted. A write carries
// copies of what it writes and reaches the write side's state only through the ImportWriter the
// queue owns and hands it, so nothing it uses belongs to the producer. The producer never touches
// the connection nor the writer. The queue holds a bounded number of writes, so a producer that
// runs ahead waits rather than holding the whole file in memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "tracker/connection.hpp"
#include "tracker/import_writer.hpp"

namespace caretoolkit::tracker {

class WriteQueue {
 public:
  using Write = std::function<void(ImportWriter&)>;

  explicit WriteQueue(Connection& connection) : writer_(connection) {}
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs produce() on a new thread and every write it submits on this one, returning once both
  // are done, so that what produce() refers to need only outlive this call. An exception from
  // either side stops the other (the producer at its next submit) and is thrown here once both have
  // stopped; the writes already made stay for the caller's transaction to roll back.
  void run(const std::function<void()>& produce);

  // From the producer: queues a write. Throws Stopped when the writing side has failed.
  void submit(Write write);

  struct Stopped {};  // thrown by submit() into a producer whose writes can no longer run

  // The write side, for the caller once run() has returned: what the writes learnt.
  const ImportWriter& writer() const { return writer_; }

 private:
  // Writes travel in chunks, so that the lock is taken once per chunk rather than per write.
  static constexpr std::size_t kChunk = 256;
  static constexpr std::size_t kMaxChunks = 16;

  void send_chunk();  // the producer's pending chunk onto the queue, waiting for room

  ImportWriter writer_;         // used by the writes only, on the thread that called run()
  std::vector<Write> pending_;  // the producer's chunk being filled
  std::mutex mutex_;
  std::condition_variable has_chunks_;  // for the writer
  std::condition_variable has_room_;    // for the producer
  std::deque<std::vector<Write>> chunks_;
  bool produced_ = false;  // the producer has returned (or failed)
  bool stopped_ = false;   // the writer has failed: the producer should give up
  bool writer_waiting_ = false;
  bool producer_waiting_ = false;
};

}  // namespace caretoolkit::tracker
