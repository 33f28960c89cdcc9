// The server's own counters, published at GET /metrics in the Prometheus text format (0.0.4):
// requests by route, method and status, a latency histogram by route, open connections, adverts
// checked, and the size of the database's write-ahead log. Route labels are patterns
// ("/api/v1/sources/{id}"), never raw paths, and method labels are one of kMethods or "other"
// (method_label), so the number of series stays bounded whatever clients send.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace caretoolkit::server {

class MetricsRegistry {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                      0.01,   0.025,   0.05,   0.1,   0.5,    2.5};

  void observe_request(std::string_view route, std::string_view method, unsigned status,
                       std::chrono::microseconds duration);
  void count_advert_checked() { adverts_checked_.fetch_add(1, std::memory_order_relaxed); }
  // Read when rendering, so the gauge is always current.
  void set_open_connections_source(std::function<std::size_t()> source) {
    open_connections_ = std::move(source);
  }
  // Read when rendering, from the file's size then: the gauge caretoolkit_database_wal_bytes.
  void set_database_wal_bytes_source(std::function<std::uint64_t()> source) {
    database_wal_bytes_ = std::move(source);
  }

  std::string render() const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative counts
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::atomic<std::uint64_t> adverts_checked_{0};
  std::function<std::size_t()> open_connections_;
  std::function<std::uint64_t()> database_wal_bytes_;
};

}  // namespace caretoolkit::server
