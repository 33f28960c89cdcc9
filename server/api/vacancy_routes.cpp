// Publishing routes beside the vacancies' own CRUD: POST /vacancies/{id}/publish and /close, GET
// /vacancies/{id}/versions (each advert version with its score and what it brought) and
// /vacancies/{id}/counts (views and apply clicks per day), and GET|PUT /settings/listing, whether
// the provider's open vacancies are listed on the public pages. Every route needs a provider key
// and sees only that provider's vacancies; the rules are tracker/vacancy_publishing.hpp's.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "api/resource_fields.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;

boost::json::object version_to_json(const tracker::AdvertVersion& version) {
  boost::json::object out{
      {"version", version.version},
      {"advert_text", version.advert_text},
      {"score", version.score},
      {"category_scores", boost::json::parse(version.category_scores)},
      {"rules_version", version.rules_version},
      {"live_from", version.live_from.to_string()},
      {"views", version.views},
      {"apply_clicks", version.apply_clicks},
      {"applicants", version.applicants},
      {"applicants_from_vacancy_page", version.from_vacancy_page},
  };
  out["live_to"] = version.live_to ? boost::json::value(version.live_to->to_string()) : nullptr;
  return out;
}

struct ListingInput {
  bool listed = false;
};

const Fields<ListingInput>& listing_fields() {
  static const Fields<ListingInput> fields = {
      {"listed", true,
       [](const ListingInput& r, boost::json::object& o) { o["listed"] = r.listed; },
       [](ListingInput& r, const boost::json::value& v) {
         if (!v.is_bool()) {
           throw Error(ErrorCode::kInvalid, label_of("listed") + " must be true or false",
                       "/listed");
         }
         r.listed = v.get_bool();
       }},
  };
  return fields;
}

void add_status_routes(Router& router, ApiContext& context) {
  const std::string base = std::string(kApiPrefix) + "/vacancies/{id}";
  router.add("POST", base + "/publish", [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    const auto published = context.vacancies.publish(provider, path_id(request));
    return json_response(200, to_json(published, vacancy_fields()));
  });
  router.add("POST", base + "/close", [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    const auto closed = context.vacancies.close(provider, path_id(request));
    return json_response(200, to_json(closed, vacancy_fields()));
  });
}

void add_version_routes(Router& router, ApiContext& context) {
  const std::string base = std::string(kApiPrefix) + "/vacancies/{id}";
  router.add("GET", base + "/versions", [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    boost::json::array items;
    for (const auto& version : context.vacancies.versions(provider, path_id(request))) {
      items.push_back(version_to_json(version));
    }
    return json_response(200, boost::json::object{{"items", std::move(items)}});
  });
  router.add("GET", base + "/counts", [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    boost::json::array items;
    for (const auto& day : context.vacancies.daily_counts(provider, path_id(request))) {
      items.push_back(boost::json::object{{"day", day.day.to_string()},
                                          {"version", day.version},
                                          {"views", day.views},
                                          {"apply_clicks", day.apply_clicks}});
    }
    return json_response(200, boost::json::object{{"items", std::move(items)}});
  });
}

void add_listing_routes(Router& router, ApiContext& context) {
  const std::string path = std::string(kApiPrefix) + "/settings/listing";
  router.add("GET", path, [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    return json_response(200, boost::json::object{{"listed", context.vacancies.listed(provider)}});
  });
  router.add("PUT", path, [&context](Request& request) {
    const Id provider = require_provider(request, context.store);
    ListingInput input;
    from_json(parse_json_object(request), listing_fields(), input, true);
    context.vacancies.set_listed(provider, input.listed);
    return json_response(200, boost::json::object{{"listed", input.listed}});
  });
}

}  // namespace

void add_publishing_routes(Router& router, ApiContext& context) {
  add_status_routes(router, context);
  add_version_routes(router, context);
  add_listing_routes(router, context);
}

}  // namespace caretoolkit::server::api
