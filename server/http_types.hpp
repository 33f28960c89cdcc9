// Plain request and response values passed between the Beast session and the handlers. Handlers
// never see Beast types, so they compile quickly and can be tested without a socket.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caretoolkit::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The methods the server implements; any other is answered 501 before it reaches a handler.
inline constexpr std::array<std::string_view, 7> kMethods = {"GET",   "HEAD",   "POST",   "PUT",
                                                             "PATCH", "DELETE", "OPTIONS"};
// ASCII case-insensitive equality, for header names and tokens.
bool iequals(std::string_view a, std::string_view b);

// Whether `address` (as Request::client_address holds it) is this machine's own: 127.0.0.0/8, ::1,
// or an IPv4 loopback address mapped into IPv6.
bool is_loopback_address(std::string_view address);

// `method` when it is one of kMethods (case-sensitive, as methods are), else "other": what
// metrics label a request by, so that no client can add a series.
std::string_view method_label(std::string_view method);

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
  // Set by the API key check: the answer depends on the Authorization header or the session
  // cookie (so no cache may keep it), and the public id of the key that was accepted (for the
  // access log; never the secret). key_id stays empty when the key was missing or refused.
  bool key_checked = false;
  std::string key_id;
  // Set by App before routing (session_cookies.hpp): the sign-in session cookie's value (empty
  // without one), and whether the request says it was sent by a page of another site. The key
  // check sets session_refused when the cookie names no live session, so that the answer tells the
  // browser to drop it.
  std::string session_token;
  bool from_other_site = false;
  bool session_refused = false;

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
