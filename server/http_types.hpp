// Plain request and response values passed between the Beast session and the handlers. Handlers
// never see Beast types, so they compile quickly and can be tested without a socket.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caretoolkit::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded query parameters in order
  HeaderList headers;  // names as sent; look them up with header()
  std::string body;
  std::string client_address;  // the peer's IP address, for rate limits and logs
  std::string request_id;
  // Filled by the router from a route pattern such as /api/v1/sources/{id}.
  std::vector<std::pair<std::string, std::string>> path_params;

  // Case-insensitive header lookup; nullopt when absent.
  std::optional<std::string_view> header(std::string_view name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::optional<std::string_view> path_param(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::string content_type;  // empty for bodiless responses (204, 304)
  std::string body;
  HeaderList headers;  // extra headers: ETag, Cache-Control, Allow, Retry-After, ...
  bool close_connection = false;

  static Response json(unsigned status, std::string body);
  static Response text(unsigned status, std::string content_type, std::string body);
  void set_header(std::string name, std::string value);
};

// The reason phrase for a status code ("Not Found").
std::string_view reason_phrase(unsigned status);

}  // namespace caretoolkit::server
