// The import's write queue; see write_queue.hpp.
#include "tracker/write_queue.hpp"

#include <thread>
#include <utility>

namespace caretoolkit::tracker {

void WriteQueue::submit(Write write) {
  pending_.push_back(std::move(write));
  if (pending_.size() == kChunk) send_chunk();
}

void WriteQueue::send_chunk() {
  if (pending_.empty()) return;
  std::unique_lock lock(mutex_);
  producer_waiting_ = true;
  has_room_.wait(lock, [&] { return stopped_ || chunks_.size() < kMaxChunks; });
  producer_waiting_ = false;
  if (stopped_) throw Stopped{};
  chunks_.push_back(std::exchange(pending_, {}));
  pending_.reserve(kChunk);
  // A wake-up costs a system call, so only a writer that is waiting gets one.
  if (writer_waiting_) has_chunks_.notify_one();
}

void WriteQueue::run(const std::function<void()>& produce) {
  std::exception_ptr produce_failure;
  std::thread producer([&] {
    try {
      produce();
      send_chunk();
    } catch (const Stopped&) {
      // The writer's own exception is the one to report.
    } catch (...) {
      produce_failure = std::current_exception();
    }
    const std::lock_guard lock(mutex_);
    produced_ = true;
    has_chunks_.notify_one();
  });

  std::exception_ptr write_failure;
  try {
    for (;;) {
      std::vector<Write> chunk;
      {
        std::unique_lock lock(mutex_);
        writer_waiting_ = true;
        has_chunks_.wait(lock, [&] { return !chunks_.empty() || produced_; });
        writer_waiting_ = false;
        if (chunks_.empty()) break;  // produced_ and nothing left
        chunk = std::move(chunks_.front());
        chunks_.pop_front();
        if (producer_waiting_) has_room_.notify_one();
      }
      for (Write& write : chunk) write(writer_);
    }
  } catch (...) {
    write_failure = std::current_exception();
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    chunks_.clear();
    has_room_.notify_one();
  }
  producer.join();
  if (write_failure) std::rethrow_exception(write_failure);
  if (produce_failure) std::rethrow_exception(produce_failure);
}

}  // namespace caretoolkit::tracker
