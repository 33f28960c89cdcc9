// Who is calling: an API key ("Authorization: Bearer ctk_<public id>_<secret>") or a sign-in
// session's cookie (tracker/sessions.hpp, session_cookies.hpp).
//
// Keys are made and checked by tracker/api_keys.hpp (only a SHA-256 of the secret is stored).
// Missing, malformed, unknown and revoked keys all answer 401 with the same message, so a caller
// learns nothing about which keys exist. A key of the wrong role answers 403.
//
// A request with an Authorization header is judged by its key alone, as before sessions existed.
// Without one, the session cookie stands for the key the session was started with: a cookie that
// names no live session answers 401 (and the answer drops the cookie), and a write (any method but
// GET, HEAD and OPTIONS) made with it answers 403 unless it came from the toolkit's own pages with
// the session's token (see session_cookies.hpp). A use of the session moves its idle end on.
#pragma once

#include <optional>

#include "http_types.hpp"
#include "tracker/sessions.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server::api {

struct Principal {
  tracker::ApiKeyRole role = tracker::ApiKeyRole::kProvider;
  std::optional<tracker::Id> provider_id;  // set for provider keys only
  tracker::Id key_id = 0;
};

// The caller, or Error(kUnauthorized), or Error(kForbidden) for a forged write. Marks the request
// as depending on its key (Request::key_checked) and, once the key is accepted, records its public
// id (Request::key_id).
Principal authenticate(Request& request, tracker::Store& store);
// The caller when the request carries a key or a session cookie, checked as authenticate() checks
// them, except that a cookie naming no live session is taken as no cookie (the answer drops it);
// nullopt for a request that carries neither: for routes that anyone may use.
std::optional<Principal> identify(Request& request, tracker::Store& store);
// The provider a provider key acts for; Error(kForbidden) for a team key.
tracker::Id require_provider(Request& request, tracker::Store& store);
// A team key's principal; Error(kForbidden) for a provider key.
Principal require_team(Request& request, tracker::Store& store);

// For the session routes. The key `token` names, checked as a Bearer key is.
tracker::ApiKeyRecord authenticate_key(Request& request, const tracker::Store& store,
                                       std::string_view token);
// The key the request's Authorization header names; Error(kUnauthorized) without one.
tracker::ApiKeyRecord authenticate_bearer(Request& request, const tracker::Store& store);
// The live session the request's cookie names, or nullopt (with Request::session_refused set when
// the request sent a cookie). Does not record a use.
std::optional<tracker::Session> current_session(Request& request, const tracker::Store& store);
// Error(kForbidden) unless the request came from the toolkit's own pages with the token of the
// session whose id is `token` (reads and OPTIONS pass).
void require_own_page(const Request& request, std::string_view token);
// Error(kForbidden) when the request says it was started by a page of another site.
void require_same_site(const Request& request);

}  // namespace caretoolkit::server::api
