// Refusing ambiguous request heads; see request_checks.hpp.
#include "request_checks.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "problem.hpp"

namespace caretoolkit::server {

namespace {

// How much of a refused method or coding a message repeats: enough to recognise, never a flood.
constexpr std::size_t kEchoLimit = 20;
// Fields a request may carry once only: a second copy would leave the meaning to whoever reads it.
constexpr std::string_view kSingleFields[] = {"Host", "Authorization", "Content-Type"};

Response refusal(unsigned status, std::string_view slug, const std::string& detail) {
  Response response = problem(status, slug, detail);
  response.close_connection = true;
  return response;
}

std::string echo(std::string_view text) {
  return text.size() <= kEchoLimit ? std::string(text)
                                   : std::string(text.substr(0, kEchoLimit)) + "...";
}

std::vector<std::string_view> field_values(const Request& request, std::string_view name) {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : request.headers) {
    if (iequals(key, name)) values.emplace_back(value);
  }
  return values;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The transfer codings of every Transfer-Encoding field, in order, without empty list elements.
std::vector<std::string_view> transfer_codings(const std::vector<std::string_view>& values) {
  std::vector<std::string_view> codings;
  for (std::string_view value : values) {
    while (!value.empty()) {
      const std::size_t comma = value.find(',');
      const std::string_view coding = trim(value.substr(0, comma));
      if (!coding.empty()) codings.push_back(coding);
      value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
    }
  }
  return codings;
}

// RFC 9112 section 3.2: Host is uri-host [ ":" port ], where a host is a name, an IPv4 address
// or a bracketed IP literal (RFC 3986 section 3.2.2); these are the characters those may hold.
// Empty is allowed: a request whose target has no authority sends an empty Host.
bool is_host_and_port(std::string_view value) {
  constexpr std::string_view kOther = "-._~%!$&'()*+,;=:[]";
  return std::all_of(value.begin(), value.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           kOther.find(c) != std::string_view::npos;
  });
}

std::optional<Response> check_method(const Request& request) {
  if (method_label(request.method) != "other") return std::nullopt;
  return refusal(501, "not-implemented",
                 "The server does not implement the method '" + echo(request.method) +
                     "'; it answers GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS.");
}

std::optional<Response> check_single_fields(const Request& request, unsigned version) {
  for (const std::string_view name : kSingleFields) {
    const auto count = field_values(request, name).size();
    if (count > 1) {
      return refusal(400, "malformed",
                     "The request has " + std::to_string(count) + " " + std::string(name) +
                         " headers; send it once.");
    }
    if (count == 0 && name == "Host" && version >= 11) {
      return refusal(400, "malformed", "An HTTP/1.1 request must have a Host header.");
    }
  }
  if (const auto host = request.header("Host"); host && !is_host_and_port(*host)) {
    return refusal(400, "malformed",
                   "The Host header must be a host name or address and an optional port, such as "
                   "example.org:8080.");
  }
  return std::nullopt;
}

std::optional<Response> check_content_length(const Request& request) {
  const auto values = field_values(request, "Content-Length");
  if (values.size() > 1) {
    return refusal(400, "malformed", "The request has more than one Content-Length header.");
  }
  if (values.empty()) return std::nullopt;
  const std::string_view value = values.front();
  if (value.empty() ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return refusal(400, "malformed", "Content-Length must be one number of bytes.");
  }
  return std::nullopt;
}

std::optional<Response> check_transfer_encoding(const Request& request, unsigned version) {
  const auto values = field_values(request, "Transfer-Encoding");
  if (values.empty()) return std::nullopt;
  if (version < 11) {
    return refusal(400, "malformed", "Transfer-Encoding is not allowed in an HTTP/1.0 request.");
  }
  if (!field_values(request, "Content-Length").empty()) {
    return refusal(400, "malformed",
                   "The request has both Transfer-Encoding and Content-Length; send one.");
  }
  const auto codings = transfer_codings(values);
  if (codings.empty() || !iequals(codings.back(), "chunked")) {
    return refusal(400, "malformed",
                   "The request's Transfer-Encoding does not end with chunked, so its length "
                   "cannot be known.");
  }
  if (codings.size() == 1) return std::nullopt;
  const auto is_chunked = [](std::string_view coding) { return iequals(coding, "chunked"); };
  if (std::any_of(codings.begin(), codings.end() - 1, is_chunked)) {
    return refusal(400, "malformed", "The chunked transfer coding may be applied only once.");
  }
  return refusal(501, "not-implemented",
                 "The server implements only the chunked transfer coding, not '" +
                     echo(codings.front()) + "'.");
}

std::optional<Response> check_path(const Request& request) {
  const std::string_view path =
      std::string_view(request.target).substr(0, request.target.find('?'));
  for (std::size_t at = path.find('%'); at != std::string_view::npos; at = path.find('%', at + 1)) {
    if (iequals(path.substr(at, 3), "%2F")) {
      return refusal(400, "malformed",
                     "The request path contains an encoded slash (%2F); write the path with plain "
                     "slashes.");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Response> refuse_head(const Request& request, unsigned version) {
  if (auto refused = check_method(request)) return refused;
  if (auto refused = check_transfer_encoding(request, version)) return refused;
  if (auto refused = check_content_length(request)) return refused;
  if (auto refused = check_single_fields(request, version)) return refused;
  return check_path(request);
}

}  // namespace caretoolkit::server
