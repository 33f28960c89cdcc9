// Token buckets per client; see rate_limiter.hpp.
#include "rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace caretoolkit::server {

RateLimiter::RateLimiter(unsigned per_minute, unsigned burst)
    : per_minute_(per_minute), burst_(std::max(1u, burst)) {}

unsigned RateLimiter::acquire(const std::string& client, Clock::time_point now) {
  if (per_minute_ == 0) return 0;
  const double per_second = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  sweep(now);
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& bucket = it->second;
  if (!inserted) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  return static_cast<unsigned>(std::ceil((1.0 - bucket.tokens) / per_second));
}

void RateLimiter::sweep(Clock::time_point now) {
  if (now - last_sweep_ < std::chrono::seconds(60)) return;
  last_sweep_ = now;
  const auto refill_time = std::chrono::duration<double>(burst_ / (per_minute_ / 60.0));
  std::erase_if(buckets_,
                [&](const auto& entry) { return now - entry.second.updated > refill_time; });
}

}  // namespace caretoolkit::server
