// API keys on requests: "Authorization: Bearer ctk_<public id>_<secret>".
//
// Keys are made and checked by tracker/api_keys.hpp (only a SHA-256 of the secret is stored).
// Missing, malformed, unknown and revoked keys all answer 401 with the same message, so a caller
// learns nothing about which keys exist. A key of the wrong role answers 403.
#pragma once

#include <optional>

#include "http_types.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server::api {

struct Principal {
  tracker::ApiKeyRole role = tracker::ApiKeyRole::kProvider;
  std::optional<tracker::Id> provider_id;  // set for provider keys only
  tracker::Id key_id = 0;
};

// The caller, or Error(kUnauthorized). Marks the request as depending on its key
// (Request::key_checked) and, once the key is accepted, records its public id (Request::key_id).
Principal authenticate(Request& request, const tracker::Store& store);
// The provider a provider key acts for; Error(kForbidden) for a team key.
tracker::Id require_provider(Request& request, const tracker::Store& store);
// A team key's principal; Error(kForbidden) for a provider key.
Principal require_team(Request& request, const tracker::Store& store);

}  // namespace caretoolkit::server::api
