// The connection pool; see connection.hpp.
#include "tracker/connection.hpp"

#include <utility>

namespace caretoolkit::tracker {

ConnectionPool::ConnectionPool(Opener open, std::size_t max_readers)
    : open_(std::move(open)),
      max_readers_(max_readers == 0 ? 1 : max_readers),
      writer_(open_(Connection::Mode::kWriter)) {}

ConnectionPool::ReadLease::ReadLease(ConnectionPool& pool) : pool_(pool) {
  acquire(true);
}

ConnectionPool::ReadLease::ReadLease(ConnectionPool& pool, std::try_to_lock_t) : pool_(pool) {
  acquire(false);
}

void ConnectionPool::ReadLease::acquire(bool wait) {
  std::unique_lock lock(pool_.readers_mutex_);
  const auto available = [&] {
    return !pool_.idle_readers_.empty() || pool_.open_readers_ < pool_.max_readers_;
  };
  if (wait) {
    pool_.reader_returned_.wait(lock, available);
  } else if (!available()) {
    return;
  }
  if (!pool_.idle_readers_.empty()) {
    connection_ = std::move(pool_.idle_readers_.back());
    pool_.idle_readers_.pop_back();
    return;
  }
  ++pool_.open_readers_;
  lock.unlock();
  try {
    connection_ = pool_.open_(Connection::Mode::kReader);
  } catch (...) {
    lock.lock();
    --pool_.open_readers_;
    pool_.reader_returned_.notify_one();
    throw;
  }
}

ConnectionPool::ReadLease::~ReadLease() {
  if (!connection_) return;
  // A read that failed half-way may have left a transaction open; never hand that on.
  connection_->abandon();
  {
    std::lock_guard lock(pool_.readers_mutex_);
    if (connection_->idle()) {
      pool_.idle_readers_.push_back(std::move(connection_));
    } else {
      --pool_.open_readers_;  // unusable: close it (below, outside the lock) and open afresh
    }
  }
  connection_.reset();
  pool_.reader_returned_.notify_one();
}

}  // namespace caretoolkit::tracker
