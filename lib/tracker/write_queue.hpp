// Lets a large import read and check its rows on one thread while the connection's own thread
// writes them: on two cores the CSV, the checks and SQLite's inserts then overlap instead of
// taking turns.
//
// The producer (run's `produce`, on a thread of its own) hands writes to submit(); they run on the
// thread that called run(), which owns the connection, in the order submitted. The producer never
// touches the connection. The queue holds a bounded number of writes, so a producer that runs
// ahead waits rather than holding the whole file in memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "tracker/connection.hpp"

namespace caretoolkit::tracker {

class WriteQueue {
 public:
  using Write = std::function<void(Connection&)>;

  explicit WriteQueue(Connection& connection) : connection_(connection) {}
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs produce() on a new thread and every write it submits on this one, returning once both
  // are done. An exception from either side stops the other (the producer at its next submit)
  // and is thrown here once both have stopped; the writes already made stay for the caller's
  // transaction to roll back.
  void run(const std::function<void()>& produce);

  // From the producer: queues a write. Throws Stopped when the writing side has failed.
  void submit(Write write);

  struct Stopped {};  // thrown by submit() into a producer whose writes can no longer run

 private:
  // Writes travel in chunks, so that the lock is taken once per chunk rather than per write.
  static constexpr std::size_t kChunk = 256;
  static constexpr std::size_t kMaxChunks = 16;

  void send_chunk();  // the producer's pending chunk onto the queue, waiting for room

  Connection& connection_;
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
