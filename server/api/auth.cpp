// Who is calling; see auth.hpp.
#include "api/auth.hpp"

#include "core/error.hpp"
#include "tracker/api_keys.hpp"

namespace caretoolkit::server::api {

namespace {

[[noreturn]] void unauthorized(std::string_view why, std::string field = "Authorization") {
  throw Error(ErrorCode::kUnauthorized, std::string(why), std::move(field));
}

Principal principal_of(Request& request, const tracker::ApiKeyRecord& key) {
  request.key_id = key.public_id;
  return Principal{key.role, key.provider_id, key.id};
}

bool changes_something(const Request& request) {
  return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
}

// The caller a session cookie stands for, the session's use recorded; nullopt when the cookie
// names no live session.
std::optional<Principal> from_session(Request& request, tracker::Store& store) {
  const auto session = current_session(request, store);
  if (!session) return std::nullopt;
  require_own_page(request, request.session_token);
  tracker::refresh_session(store, *session);
  return principal_of(request, session->record.key);
}

// Why a session cookie no longer signs anyone in, with the limits of sessions.hpp.
std::string session_ended() {
  const auto hours = [](std::chrono::seconds limit) {
    return std::to_string(std::chrono::duration_cast<std::chrono::hours>(limit).count());
  };
  return "your sign-in has ended (after " + hours(tracker::kSessionIdle) + " hours without use, " +
         hours(tracker::kSessionLifetime) +
         " hours after signing in, or on signing out): sign in again with your key";
}

}  // namespace

tracker::ApiKeyRecord authenticate_key(Request& request, const tracker::Store& store,
                                       std::string_view token) {
  request.key_checked = true;
  auto record = tracker::authenticate(store, token);
  if (!record) unauthorized("the API key is not valid: it is unknown, revoked or mistyped");
  request.key_id = record->public_id;
  return *record;
}

tracker::ApiKeyRecord authenticate_bearer(Request& request, const tracker::Store& store) {
  request.key_checked = true;
  const auto header = request.header("Authorization");
  if (!header || header->empty()) {
    unauthorized("this needs an API key: send 'Authorization: Bearer <key>', or sign in");
  }
  std::string_view value = *header;
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), value.begin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
      })) {
    unauthorized("the Authorization header must be 'Bearer <key>'");
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return authenticate_key(request, store, value);
}

std::optional<tracker::Session> current_session(Request& request, const tracker::Store& store) {
  request.key_checked = true;
  if (request.session_token.empty()) return std::nullopt;
  auto session = tracker::resume_session(store, request.session_token);
  if (!session) request.session_refused = true;
  return session;
}

void require_same_site(const Request& request) {
  if (request.from_other_site) {
    throw Error(ErrorCode::kForbidden,
                "this was sent from a page of another website, so it was refused: use the "
                "toolkit's own pages");
  }
}

void require_own_page(const Request& request, std::string_view token) {
  if (!changes_something(request)) return;
  require_same_site(request);
  const auto presented = request.header("X-CSRF-Token");
  if (!presented || !tracker::csrf_token_matches(token, *presented)) {
    throw Error(ErrorCode::kForbidden,
                "this change did not carry the page's X-CSRF-Token, so it may not have come from "
                "the toolkit's own pages and was refused: reload the page and try again",
                "X-CSRF-Token");
  }
}

Principal authenticate(Request& request, tracker::Store& store) {
  request.key_checked = true;
  if (!request.header("Authorization") && !request.session_token.empty()) {
    if (auto principal = from_session(request, store)) return *principal;
    unauthorized(session_ended(), "");
  }
  return principal_of(request, authenticate_bearer(request, store));
}

std::optional<Principal> identify(Request& request, tracker::Store& store) {
  if (request.header("Authorization")) return authenticate(request, store);
  if (request.session_token.empty()) return std::nullopt;
  return from_session(request, store);
}

tracker::Id require_provider(Request& request, tracker::Store& store) {
  const Principal principal = authenticate(request, store);
  if (principal.role != tracker::ApiKeyRole::kProvider || !principal.provider_id) {
    throw Error(ErrorCode::kForbidden,
                "this is a provider's resource: use the provider's key, not a team key");
  }
  return *principal.provider_id;
}

Principal require_team(Request& request, tracker::Store& store) {
  const Principal principal = authenticate(request, store);
  if (principal.role != tracker::ApiKeyRole::kTeam) {
    throw Error(ErrorCode::kForbidden, "only the toolkit team's key may do this");
  }
  return principal;
}

}  // namespace caretoolkit::server::api
