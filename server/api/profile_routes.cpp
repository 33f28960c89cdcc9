// GET|PUT /settings/profile: the provider's public profile for the employers' page (town, postcode
// district, a short description) with the kinds of service it runs, which come from its services
// and cannot be written here. A PUT writes the fields it holds and keeps the others. Every route
// needs a provider key and sees only that provider's profile; the rules are
// tracker/employer_directory.hpp's.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "tracker/employer_directory.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::EmployerProfile;
using tracker::Id;

const Fields<EmployerProfile>& profile_fields() {
  static const Fields<EmployerProfile> fields = {
      text_field("town", &EmployerProfile::town, false),
      text_field("postcode_district", &EmployerProfile::postcode_district, false, 20),
      text_field("description", &EmployerProfile::description, false,
                 tracker::kMaxProfileDescriptionLength, tracker::TextKind::kNote),
      {"service_types", false, [](const EmployerProfile&, boost::json::object&) {},
       [](EmployerProfile&, const boost::json::value&) {
         throw Error(ErrorCode::kInvalid,
                     "Kinds of service come from the provider's services: add or change a "
                     "service to change them",
                     "/service_types");
       }},
  };
  return fields;
}

Response profile_response(const tracker::EmployerDirectory& directory, Id provider,
                          const EmployerProfile& profile) {
  boost::json::object body = to_json(profile, profile_fields());
  boost::json::array types;
  for (const tracker::ServiceType type : directory.service_types(provider)) {
    types.emplace_back(tracker::to_string(type));
  }
  body["service_types"] = std::move(types);
  return json_response(200, body);
}

}  // namespace

void add_profile_routes(Router& router, ApiContext& context) {
  auto directory = std::make_shared<tracker::EmployerDirectory>(context.store, context.vacancies);
  const std::string path = std::string(kApiPrefix) + "/settings/profile";
  router.add("GET", path, [&context, directory](Request& request) {
    const Id provider = require_provider(request, context.store);
    return profile_response(*directory, provider, directory->profile(provider));
  });
  router.add("PUT", path, [&context, directory](Request& request) {
    const Id provider = require_provider(request, context.store);
    EmployerProfile profile = directory->profile(provider);
    from_json(parse_json_object(request), profile_fields(), profile, false);
    return profile_response(*directory, provider, directory->set_profile(provider, profile));
  });
}

}  // namespace caretoolkit::server::api
