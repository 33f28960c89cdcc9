// CheckContexts for checks that run on many threads (the server's workers): lease() hands one out
// for a check and takes it back when the lease ends, to hand it out again. A context is made only
// when every one made so far is out, so the pool holds as many as there have been checks at once
// (on a server, at most one per worker thread, as a worker runs one handler at a time), and each
// keeps its warm caches from one check to the next.
//
// Thread safety: lease() may be called from many threads at once; a Lease belongs to one thread.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "advert/checker.hpp"

namespace caretoolkit::advert {

class CheckContextPool {
 public:
  // One context, the caller's alone until the lease is destroyed. The pool must outlive it.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    CheckContext& operator*() const { return *context_; }
    CheckContext* operator->() const { return context_.get(); }

   private:
    friend class CheckContextPool;
    Lease(CheckContextPool& pool, std::unique_ptr<CheckContext> context);

    CheckContextPool* pool_;
    std::unique_ptr<CheckContext> context_;
  };

  CheckContextPool() = default;
  CheckContextPool(const CheckContextPool&) = delete;
  CheckContextPool& operator=(const CheckContextPool&) = delete;

  // The context given back last, or a new one when none is idle.
  Lease lease();

  // How many contexts the pool has made, for tests and metrics.
  std::size_t made() const;

 private:
  void give_back(std::unique_ptr<CheckContext> context);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<CheckContext>> idle_;
  std::size_t made_ = 0;
};

}  // namespace caretoolkit::advert
