// Request and response helpers; see http_types.hpp.
#include "http_types.hpp"

#include <algorithm>
#include <cctype>

namespace caretoolkit::server {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

namespace {

std::optional<std::string_view> find_value(
    const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view name,
    bool case_insensitive) {
  for (const auto& [key, value] : pairs) {
    if (case_insensitive ? iequals(key, name) : key == name) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

bool is_loopback_address(std::string_view address) {
  if (address.starts_with("::ffff:")) address.remove_prefix(7);
  return address.starts_with("127.") || address == "::1";
}

std::string_view method_label(std::string_view method) {
  for (const std::string_view known : kMethods) {
    if (method == known) return known;
  }
  return "other";
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  return find_value(headers, name, true);
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  return find_value(query, name, false);
}

std::optional<std::string_view> Request::path_param(std::string_view name) const {
  return find_value(path_params, name, false);
}

Response Response::json(unsigned status, std::string body) {
  return Response{status, "application/json", std::move(body), {}, false};
}

Response Response::text(unsigned status, std::string content_type, std::string body) {
  return Response{status, std::move(content_type), std::move(body), {}, false};
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (iequals(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view reason_phrase(unsigned status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace caretoolkit::server
