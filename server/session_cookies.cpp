// Sign-in session cookies; see session_cookies.hpp.
#include "session_cookies.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace caretoolkit::server {

namespace {

constexpr std::string_view kSessionCookie = "ctk_session";
constexpr std::string_view kSignedInCookie = "ctk_signed_in";
constexpr std::string_view kSecurePrefix = "__Host-";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "https://toolkit.example.org" or "http://10.0.0.5:8080": a scheme and a host with an optional
// port, nothing else. Returns it in lower case without a trailing '/'.
std::string checked_origin(std::string_view text) {
  std::string origin = lower(text);
  if (origin.ends_with('/')) origin.pop_back();
  const auto refuse = [&] {
    return Error(ErrorCode::kInvalid,
                 "--public-origin must be the address people open the toolkit at: a scheme and a "
                 "host, such as https://toolkit.example.org, with no path; '" +
                     std::string(text) + "' is not",
                 "--public-origin");
  };
  std::string_view host = origin;
  if (host.starts_with("https://")) {
    host.remove_prefix(8);
  } else if (host.starts_with("http://")) {
    host.remove_prefix(7);
  } else {
    throw refuse();
  }
  if (host.empty() ||
      host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-:[]") != std::string::npos) {
    throw refuse();
  }
  return origin;
}

}  // namespace

SessionCookies::SessionCookies(std::string_view public_origin)
    : public_origin_(public_origin.empty() ? std::string() : checked_origin(public_origin)),
      secure_(public_origin_.starts_with("https://")) {
  const std::string prefix(secure_ ? kSecurePrefix : std::string_view());
  session_name_ = prefix + std::string(kSessionCookie);
  signed_in_name_ = prefix + std::string(kSignedInCookie);
}

std::string SessionCookies::session_token(const Request& request) const {
  for (const auto& [name, value] : request.headers) {
    if (!iequals(name, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      std::string_view pair = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      while (pair.starts_with(' ')) pair.remove_prefix(1);
      const std::size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == session_name_) {
        std::string_view token = pair.substr(equals + 1);
        while (token.ends_with(' ')) token.remove_suffix(1);
        return std::string(token);
      }
    }
  }
  return {};
}

bool SessionCookies::from_other_site(const Request& request) const {
  if (const auto site = request.header("Sec-Fetch-Site")) return !iequals(*site, "same-origin");
  if (const auto origin = request.header("Origin")) return !same_origin(*origin, request);
  return false;
}

bool SessionCookies::same_origin(std::string_view origin, const Request& request) const {
  const std::string presented = lower(origin);
  if (!public_origin_.empty()) return presented == public_origin_;
  // Reached directly: the toolkit's origin is the host the request was sent to, over HTTP (or
  // HTTPS, from a proxy that passes the Host on).
  const auto host = request.header("Host");
  if (!host || host->empty()) return false;
  const std::string expected = lower(*host);
  return presented == "http://" + expected || presented == "https://" + expected;
}

std::string SessionCookies::attributes() const {
  return secure_ ? "; Path=/; SameSite=Strict; Secure" : "; Path=/; SameSite=Strict";
}

void SessionCookies::start(Response& response, std::string_view token) const {
  response.headers.emplace_back(
      "Set-Cookie", session_name_ + "=" + std::string(token) + attributes() + "; HttpOnly");
  response.headers.emplace_back("Set-Cookie", signed_in_name_ + "=1" + attributes());
}

void SessionCookies::clear(Response& response) const {
  response.headers.emplace_back("Set-Cookie",
                                session_name_ + "=" + attributes() + "; Max-Age=0; HttpOnly");
  response.headers.emplace_back("Set-Cookie", signed_in_name_ + "=" + attributes() + "; Max-Age=0");
}

}  // namespace caretoolkit::server
