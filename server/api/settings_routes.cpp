// A provider's own checker settings (provider key only): GET and PUT the whole document, and the
// history of who changed what. A PUT carrying "version" is refused with 409 unless that is the
// stored version, so that two people editing at once do not overwrite each other unawares.
// The settings apply to the provider's checks through POST /api/v1/adverts/check with its key.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "checker_settings_service.hpp"
#include "core/error.hpp"

namespace caretoolkit::server::api {

namespace {

// The version a PUT says it was made from: absent, or a whole number of 0 or more.
std::optional<std::int64_t> expected_version(const boost::json::object& body) {
  const boost::json::value* version = body.if_contains("version");
  if (version == nullptr || version->is_null()) return std::nullopt;
  if (version->is_int64() && version->get_int64() >= 0) return version->get_int64();
  throw Error(ErrorCode::kInvalid,
              "version must be the whole number the settings were read with, such as 3",
              "/version");
}

// The history's sentences say who saved: the key, with its label.
std::string who(const Request& request, const tracker::Store& store) {
  const auto key = store.find_api_key(request.key_id);
  return key ? describe_key(*key) : "key " + request.key_id;
}

boost::json::object change_to_json(const tracker::CheckerSettingsChange& change) {
  boost::json::array changes;
  for (const std::string& sentence : change.changes) changes.emplace_back(sentence);
  return {{"version", change.version},
          {"changed_at", change.changed_at},
          {"changed_by", change.changed_by},
          {"changes", std::move(changes)}};
}

}  // namespace

void add_settings_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  CheckerSettingsService& settings = context.settings;
  const std::string base = std::string(kApiPrefix) + "/settings/checker";

  router.add("GET", base, [&store, &settings](Request& request) {
    const tracker::Id provider = require_provider(request, store);
    return json_response(200, stored_settings_to_json(settings.get(provider)));
  });

  router.add("PUT", base, [&store, &settings](Request& request) {
    const tracker::Id provider = require_provider(request, store);
    const boost::json::object body = parse_json_object(request);
    const auto saved = settings.save(provider, boost::json::serialize(body), "the settings",
                                     who(request, store), expected_version(body));
    boost::json::object out = stored_settings_to_json(saved.stored);
    boost::json::array changes;
    for (const std::string& sentence : saved.changes) changes.emplace_back(sentence);
    out["changes"] = std::move(changes);
    return json_response(200, out);
  });

  router.add("GET", base + "/history", [&store](Request& request) {
    const tracker::Id provider = require_provider(request, store);
    const auto page = store.list_checker_settings_changes(provider, page_request(request));
    boost::json::array items;
    for (const auto& change : page.items) items.push_back(change_to_json(change));
    return json_response(200, page_object(std::move(items), page.next_cursor));
  });
}

}  // namespace caretoolkit::server::api
