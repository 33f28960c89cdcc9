// JSON access log through spdlog; see access_log.hpp.
#include "access_log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace caretoolkit::server {

namespace {

constexpr std::size_t kMaxLoggedMethod = 20;

std::shared_ptr<spdlog::logger> logger() {
  // stdout_sink_mt writes each line with one call under a mutex, so lines never interleave.
  static const auto instance = [] {
    auto created = spdlog::stdout_logger_mt("caretoolkit.access");
    created->set_pattern("%v");
    created->flush_on(spdlog::level::info);
    return created;
  }();
  return instance;
}

std::string utc_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return buffer;
}

}  // namespace

AccessLog::AccessLog(bool enabled) : enabled_(enabled) {
  if (enabled_) (void)logger();
}

void AccessLog::write(const Exchange& exchange) {
  if (!enabled_ && exchange.log_detail.empty()) return;
  boost::json::object line;
  line["time"] = utc_timestamp();
  // A method outside kMethods is cut short: the request line is the client's to make long.
  line["method"] = exchange.request.method.substr(0, kMaxLoggedMethod);
  line["path"] = exchange.request.path;
  line["route"] = exchange.route;
  line["status"] = exchange.response.status;
  line["bytes"] = exchange.bytes_sent;
  line["duration_ms"] = static_cast<double>(exchange.duration.count()) / 1000.0;
  line["request_id"] = exchange.request.request_id;
  line["client"] = exchange.request.client_address;
  if (!exchange.request.key_id.empty()) line["key"] = exchange.request.key_id;
  if (!exchange.log_detail.empty()) line["error"] = exchange.log_detail;
  // Internal errors are always logged, even when the access log is off.
  logger()->info(boost::json::serialize(line));
}

void AccessLog::info(const std::string& message) {
  if (!enabled_) return;
  boost::json::object line;
  line["time"] = utc_timestamp();
  line["message"] = message;
  logger()->info(boost::json::serialize(line));
}

}  // namespace caretoolkit::server
