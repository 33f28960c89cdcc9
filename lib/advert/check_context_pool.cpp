// A pool of CheckContexts handed out per check; see check_context_pool.hpp.
#include "advert/check_context_pool.hpp"

#include <utility>

namespace caretoolkit::advert {

CheckContextPool::Lease::Lease(CheckContextPool& pool, std::unique_ptr<CheckContext> context)
    : pool_(&pool), context_(std::move(context)) {}

CheckContextPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), context_(std::move(other.context_)) {}

CheckContextPool::Lease::~Lease() {
  if (context_) pool_->give_back(std::move(context_));
}

CheckContextPool::Lease CheckContextPool::lease() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<CheckContext> context = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(context));
    }
    ++made_;
    idle_.reserve(made_);  // so that giving a context back never allocates
  }
  return Lease(*this, std::make_unique<CheckContext>());
}

std::size_t CheckContextPool::made() const {
  std::lock_guard lock(mutex_);
  return made_;
}

void CheckContextPool::give_back(std::unique_ptr<CheckContext> context) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(context));
}

}  // namespace caretoolkit::advert
