// One JSON line per request on standard output: time, method, path (without the query, whose
// values may be personal), status, body bytes, duration, request id, and the public id of the API
// key that was accepted ("key"). Never the Authorization header, a key's secret or a body.
#pragma once

#include <string>

#include "http_server.hpp"

namespace caretoolkit::server {

class AccessLog {
 public:
  // `enabled` false discards lines (tests and benchmarks that would flood the terminal).
  explicit AccessLog(bool enabled);
  void write(const Exchange& exchange);
  // Operational messages (start-up, shutdown, internal errors) as JSON lines too.
  void info(const std::string& message);

 private:
  bool enabled_;
};

}  // namespace caretoolkit::server
