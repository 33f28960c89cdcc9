// API keys on requests; see auth.hpp.
#include "api/auth.hpp"

#include "core/error.hpp"
#include "tracker/api_keys.hpp"

namespace caretoolkit::server::api {

namespace {

[[noreturn]] void unauthorized(std::string_view why) {
  throw Error(ErrorCode::kUnauthorized, std::string(why), "Authorization");
}

}  // namespace

Principal authenticate(Request& request, const tracker::Store& store) {
  request.key_checked = true;
  const auto header = request.header("Authorization");
  if (!header || header->empty()) {
    unauthorized("this needs an API key: send 'Authorization: Bearer <key>'");
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
  const auto record = tracker::authenticate(store, value);
  if (!record) unauthorized("the API key is not valid: it is unknown, revoked or mistyped");
  request.key_id = record->public_id;
  return Principal{record->role, record->provider_id, record->id};
}

tracker::Id require_provider(Request& request, const tracker::Store& store) {
  const Principal principal = authenticate(request, store);
  if (principal.role != tracker::ApiKeyRole::kProvider || !principal.provider_id) {
    throw Error(ErrorCode::kForbidden,
                "this is a provider's resource: use the provider's key, not a team key");
  }
  return *principal.provider_id;
}

Principal require_team(Request& request, const tracker::Store& store) {
  const Principal principal = authenticate(request, store);
  if (principal.role != tracker::ApiKeyRole::kTeam) {
    throw Error(ErrorCode::kForbidden, "only the toolkit team's key may do this");
  }
  return principal;
}

}  // namespace caretoolkit::server::api
