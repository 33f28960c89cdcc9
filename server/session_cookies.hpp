// The cookies of a sign-in session (tracker/sessions.hpp), and where a request comes from.
//
// Signing in sets two cookies, both Path=/, SameSite=Strict and without an expiry (the browser
// forgets them when it closes; the server ends the session before that, see sessions.hpp):
// - the session id, HttpOnly, so that no script (nor anything injected into a page) can read it;
// - "signed in" (the value 1), which scripts may read: it tells a page that a session is worth
//   asking about (GET /api/v1/sessions/current), so that pages seen without one ask nothing.
// With TLS both are Secure and carry the __Host- prefix, which a browser accepts only from a
// secure origin, with Path=/ and no Domain: a neighbouring site cannot plant one. The server
// speaks plain HTTP itself, so it learns that browsers reach it over TLS from --public-origin.
//
// Forgery: SameSite=Strict keeps a browser from sending the cookies with a request started by
// another site. Behind that, a write made with the cookie must come from the toolkit's own pages:
// - it carries the session's token in X-CSRF-Token; a page reads the token from the answer to
//   POST /api/v1/sessions or GET /api/v1/sessions/current, and keeps it in memory only. A page
//   of another site can neither make that request with the cookie nor read its answer (the
//   server sends no CORS headers), so it cannot learn the token;
// - and a browser's own account of where it comes from does not name another site:
//   Sec-Fetch-Site, where sent, must be same-origin; failing that, Origin, where sent, must be
//   the toolkit's origin (--public-origin, or the Host the request was sent to).
// Bearer keys are never sent by a browser on its own, so they need neither.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http_types.hpp"

namespace caretoolkit::server {

class SessionCookies {
 public:
  // `public_origin` is the address people open the toolkit at when a proxy stands in front
  // ("https://toolkit.example.org"), or empty when they reach this server directly over HTTP.
  // Throws Error(kInvalid) naming --public-origin when it is not a scheme and a host.
  explicit SessionCookies(std::string_view public_origin = {});

  bool secure() const { return secure_; }
  const std::string& session_name() const { return session_name_; }
  const std::string& signed_in_name() const { return signed_in_name_; }

  // The session id the request's Cookie header holds under this server's name; empty if none.
  std::string session_token(const Request& request) const;
  // Whether the request says it was started by a page of another site (see above).
  bool from_other_site(const Request& request) const;

  // Adds the Set-Cookie fields that start a session with this id, or that end it.
  void start(Response& response, std::string_view token) const;
  void clear(Response& response) const;

 private:
  bool same_origin(std::string_view origin, const Request& request) const;
  std::string attributes() const;

  std::string public_origin_;  // lower case, without a trailing '/'
  bool secure_ = false;
  std::string session_name_;
  std::string signed_in_name_;
};

}  // namespace caretoolkit::server
