// A token bucket per client address, for the endpoints anyone may call without a key (the advert
// checker). Each address may make `burst` requests at once and then `per_minute` a minute.
// Buckets idle long enough to be full again are dropped, so memory stays bounded by the number
// of addresses seen in the last few minutes. The buckets are this process's own: servers sharing a
// database each keep theirs, as the limit guards the CPU of the server that runs the checks.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace caretoolkit::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_minute 0 disables the limit.
  RateLimiter(unsigned per_minute, unsigned burst);

  // Takes one token for `client`. Returns 0 when allowed, otherwise the whole seconds to wait
  // before a token is available (for Retry-After).
  unsigned acquire(const std::string& client, Clock::time_point now = Clock::now());

  unsigned per_minute() const { return per_minute_; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void sweep(Clock::time_point now);

  unsigned per_minute_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_{};
};

}  // namespace caretoolkit::server
