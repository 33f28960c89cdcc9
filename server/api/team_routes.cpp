// The toolkit team's routes (team key only): member providers (their name and the day they joined
// the scheme) and their API keys. A new provider's first key, and every key made later, is shown
// once in the response and never again.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "api/resource_fields.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;

boost::json::object key_to_json(const tracker::ApiKeyRecord& key) {
  boost::json::object out{{"id", key.id},
                          {"role", tracker::to_string(key.role)},
                          {"public_id", key.public_id},
                          {"label", key.label},
                          {"created_at", key.created_at}};
  out["provider_id"] = key.provider_id ? boost::json::value(*key.provider_id) : nullptr;
  out["revoked_at"] = key.revoked_at ? boost::json::value(*key.revoked_at) : nullptr;
  return out;
}

boost::json::object issued_to_json(const tracker::NewApiKey& issued) {
  boost::json::object out = key_to_json(issued.record);
  out["key"] = issued.token;
  return out;
}

// {"label": "..."} or an empty body.
std::string label_from(const Request& request) {
  if (request.body.empty()) return {};
  const auto body = parse_json_object(request);
  struct Input {
    std::string label;
  } input;
  static const Fields<Input> fields = {
      text_field("label", &Input::label, false, tracker::kMaxNameLength)};
  from_json(body, fields, input, false);
  return input.label;
}

}  // namespace

void add_team_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  const std::string base = std::string(kApiPrefix);

  router.add("POST", base + "/providers", [&store](Request& request) {
    require_team(request, store);
    const auto body = parse_json_object(request);
    tracker::Provider input;
    from_json(body, provider_fields(), input, true);
    // The joining day is checked before anything is written, then recorded on the new provider.
    tracker::Problems problems;
    tracker::check_provider({.id = 0,
                             .name = tracker::normalise_text(input.name),
                             .created_on = store.today(),
                             .joined_on = input.joined_on},
                            store.today(), problems);
    tracker::throw_if_invalid(std::move(problems));
    auto provider = store.providers().create(input.name);
    if (input.joined_on) {
      provider = store.providers().update(
          provider.id, [&](tracker::Provider& record) { record.joined_on = input.joined_on; });
    }
    const auto issued =
        tracker::issue_api_key(store, tracker::ApiKeyRole::kProvider, provider.id, "first key");
    Response response =
        json_response(201, boost::json::object{{"provider", to_json(provider, provider_fields())},
                                               {"key", issued_to_json(issued)}});
    response.set_header("Location",
                        std::string(kApiPrefix) + "/providers/" + std::to_string(provider.id));
    response.set_header("Cache-Control", "no-store");
    return response;
  });

  router.add("GET", base + "/providers", [&store](Request& request) {
    require_team(request, store);
    const auto page = store.providers().list(page_request(request));
    boost::json::array items;
    for (const auto& provider : page.items) items.push_back(to_json(provider, provider_fields()));
    return json_response(200, page_object(std::move(items), page.next_cursor));
  });

  router.add("GET", base + "/providers/{id}", [&store](Request& request) {
    require_team(request, store);
    return json_response(200, to_json(store.providers().get(path_id(request)), provider_fields()));
  });

  // {"name"} and {"joined_on"} (a day, or null to clear it), either or both.
  router.add("PATCH", base + "/providers/{id}", [&store](Request& request) {
    require_team(request, store);
    const Id provider = path_id(request);
    const auto body = parse_json_object(request);
    const auto updated = store.providers().update(provider, [&](tracker::Provider& record) {
      from_json(body, provider_fields(), record, false);
    });
    return json_response(200, to_json(updated, provider_fields()));
  });

  // A new key for a provider: rotation is "make a new key, then DELETE the old one".
  router.add("POST", base + "/providers/{id}/keys", [&store](Request& request) {
    require_team(request, store);
    const Id provider = store.providers().get(path_id(request)).id;
    const auto issued = tracker::issue_api_key(store, tracker::ApiKeyRole::kProvider, provider,
                                               label_from(request));
    Response response = json_response(201, issued_to_json(issued));
    response.set_header("Cache-Control", "no-store");
    return response;
  });

  router.add("GET", base + "/providers/{id}/keys", [&store](Request& request) {
    require_team(request, store);
    const Id provider = store.providers().get(path_id(request)).id;
    const auto page = store.list_api_keys(provider, page_request(request));
    boost::json::array items;
    for (const auto& key : page.items) items.push_back(key_to_json(key));
    return json_response(200, page_object(std::move(items), page.next_cursor));
  });

  router.add("DELETE", base + "/keys/{id}", [&store](Request& request) {
    const Principal caller = require_team(request, store);
    const Id key = path_id(request);
    if (key == caller.key_id) {
      throw Error(ErrorCode::kConflict,
                  "a key cannot revoke itself: make the new team key first, then revoke this "
                  "one with it");
    }
    return json_response(200, key_to_json(store.revoke_api_key(key)));
  });
}

}  // namespace caretoolkit::server::api
