// Prometheus text exposition; see metrics_registry.hpp.
#include "metrics_registry.hpp"

#include <ostream>
#include <sstream>

#include "http_types.hpp"

namespace caretoolkit::server {

namespace {

// Label values are route patterns and methods, but escape anyway: \ " and newline.
std::string escape_label(std::string_view value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped += c;
  }
  return escaped;
}

// A gauge read when rendering; 0 until its source is set.
template <class Source>
void write_gauge(std::ostream& out, std::string_view name, std::string_view help,
                 const Source& source) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " gauge\n"
      << name << " " << (source ? source() : 0) << "\n";
}

}  // namespace

void MetricsRegistry::observe_request(std::string_view route, std::string_view method,
                                      unsigned status, std::chrono::microseconds duration) {
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method_label(method)), status}];
  Latency& latency = latency_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++latency.buckets[i];
      break;
    }
  }
  ++latency.count;
  latency.sum_seconds += seconds;
}

std::string MetricsRegistry::render() const {
  std::ostringstream out;
  out << "# HELP caretoolkit_http_requests_total HTTP requests answered, by route, method and "
         "status.\n# TYPE caretoolkit_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out << "caretoolkit_http_requests_total{route=\"" << escape_label(route) << "\",method=\""
        << escape_label(method) << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP caretoolkit_http_request_duration_seconds Time from the first byte of a request "
         "to the end of its response.\n"
         "# TYPE caretoolkit_http_request_duration_seconds histogram\n";
  for (const auto& [route, latency] : latency_) {
    const std::string label = "route=\"" + escape_label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += latency.buckets[i];
      out << "caretoolkit_http_request_duration_seconds_bucket{" << label << ",le=\"" << kBuckets[i]
          << "\"} " << cumulative << "\n";
    }
    out << "caretoolkit_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
        << latency.count << "\n";
    out << "caretoolkit_http_request_duration_seconds_sum{" << label << "} " << latency.sum_seconds
        << "\n";
    out << "caretoolkit_http_request_duration_seconds_count{" << label << "} " << latency.count
        << "\n";
  }
  write_gauge(out, "caretoolkit_http_open_connections", "Client connections open now.",
              open_connections_);
  write_gauge(out, "caretoolkit_database_wal_bytes",
              "Size of the database's write-ahead log file now, in bytes (checkpoints keep it near "
              "4 MiB).",
              database_wal_bytes_);
  out << "# HELP caretoolkit_adverts_checked_total Adverts checked since the server started.\n"
         "# TYPE caretoolkit_adverts_checked_total counter\n"
         "caretoolkit_adverts_checked_total "
      << adverts_checked_.load(std::memory_order_relaxed) << "\n";
  return out.str();
}

}  // namespace caretoolkit::server
