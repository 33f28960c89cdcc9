// Signing in and out: POST /api/v1/sessions exchanges a key for a session cookie, GET
// /api/v1/sessions/current says who the cookie signs in (and gives a page the session's forgery
// token), DELETE /api/v1/sessions/current signs out. See tracker/sessions.hpp and
// session_cookies.hpp for the design.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "session_cookies.hpp"

namespace caretoolkit::server::api {

namespace {

boost::json::object session_to_json(const tracker::Store& store, const tracker::Session& session,
                                    std::string_view token) {
  const tracker::ApiKeyRecord& key = session.record.key;
  boost::json::object out{{"role", tracker::to_string(key.role)}};
  out["provider_id"] = key.provider_id ? boost::json::value(*key.provider_id) : nullptr;
  out["provider_name"] =
      key.provider_id ? boost::json::value(store.providers().get(*key.provider_id).name) : nullptr;
  out["key"] =
      boost::json::object{{"id", key.id}, {"public_id", key.public_id}, {"label", key.label}};
  out["signed_in_at"] = tracker::utc_timestamp(session.record.created_at);
  out["expires_at"] = tracker::utc_timestamp(session.expires_at());
  out["ends_at"] = tracker::utc_timestamp(session.ends_at);
  out["idle_timeout_seconds"] = tracker::kSessionIdle.count();
  out["csrf_token"] = tracker::csrf_token(token);
  return out;
}

// The key to sign in with: {"key": "..."} in the body, or else the Authorization header.
tracker::ApiKeyRecord key_to_sign_in_with(Request& request, const tracker::Store& store) {
  if (request.body.empty()) return authenticate_bearer(request, store);
  const auto body = parse_json_object(request);
  struct Input {
    std::string key;
  } input;
  static const Fields<Input> fields = {string_field("key", &Input::key, true, 200)};
  from_json(body, fields, input, true);
  return authenticate_key(request, store, input.key);
}

}  // namespace

void add_session_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  const SessionCookies& cookies = context.cookies;
  const std::string base = std::string(kApiPrefix) + "/sessions";

  router.add("POST", base, [&store, &cookies, base](Request& request) {
    // Signing a browser in to someone else's account is a forgery too.
    require_same_site(request);
    const tracker::ApiKeyRecord key = key_to_sign_in_with(request, store);
    // The browser replaces the cookie it had: end the session it named.
    if (const auto previous = current_session(request, store)) {
      tracker::end_session(store, *previous);
    }
    request.session_refused = false;  // this answer sets the cookies itself
    const tracker::NewSession started = tracker::start_session(store, key.id);
    Response response = json_response(201, session_to_json(store, started.session, started.token));
    response.set_header("Location", base + "/current");
    cookies.start(response, started.token);
    return response;
  });

  router.add("GET", base + "/current", [&store](Request& request) {
    const auto session = current_session(request, store);
    if (!session) {
      throw Error(ErrorCode::kUnauthorized,
                  "you are not signed in, or your sign-in has ended: sign in with your key");
    }
    request.key_id = session->record.key.public_id;
    const tracker::Session used = tracker::refresh_session(store, *session);
    return json_response(200, session_to_json(store, used, request.session_token));
  });

  // Signing out of a session that has already ended succeeds too: the cookies go either way.
  router.add("DELETE", base + "/current", [&store, &cookies](Request& request) {
    if (const auto session = current_session(request, store)) {
      require_own_page(request, request.session_token);
      request.key_id = session->record.key.public_id;
      tracker::end_session(store, *session);
    }
    request.session_refused = false;  // this answer clears the cookies itself
    Response response{204, {}, {}, {}, false};
    cookies.clear(response);
    return response;
  });
}

}  // namespace caretoolkit::server::api
