// The advert checker over HTTP: POST /api/v1/adverts/check returns the report of lib/advert for
// {"text", "role", "service", "date"}; GET /api/v1/rules lists the loaded rules so that the pages
// can explain a finding. Neither needs a key. Checks without a key are rate-limited per client
// address (429 with Retry-After); a caller with a valid key is not limited. A provider's key checks
// with the provider's own settings (checker_settings_service.hpp); the shared packs otherwise.
#include <boost/json.hpp>

#include "advert/check_context_pool.hpp"
#include "advert/checker.hpp"
#include "advert/report_json.hpp"
#include "api/advert_check_path.hpp"
#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "checker_settings_service.hpp"
#include "problem.hpp"
#include "rules/ruleset_json.hpp"

namespace caretoolkit::server::api {

namespace {

struct CheckInput {
  std::string text;
  std::string role;
  std::string service;
  std::optional<Date> date;  // the day checked for; today when absent
};

const Fields<CheckInput>& check_fields() {
  static const Fields<CheckInput> fields = {
      // The body limit bounds the text; the field limit only has to be above it.
      string_field("text", &CheckInput::text, true, 64U << 20),
      string_field("role", &CheckInput::role, false, 200),
      string_field("service", &CheckInput::service, false, 200),
      optional_date_field("date", &CheckInput::date),
  };
  return fields;
}

}  // namespace

void add_advert_routes(Router& router, ApiContext& context) {
  static_assert(kAdvertCheckPath.starts_with(kApiPrefix));
  router.add("POST", std::string(kAdvertCheckPath), [&context](Request& request) {
    // A key or a session, if given, must be valid; without either the check is rate-limited. A
    // provider checks with its own settings; a team and the public with the shared packs.
    const auto caller = identify(request, context.store);
    if (const unsigned wait = caller ? 0 : context.advert_limiter.acquire(request.client_address)) {
      Response response =
          problem(429, "rate-limited",
                  "Too many adverts checked from this address; try again in " +
                      std::to_string(wait) + " seconds, or sign in with your API key.");
      response.set_header("Retry-After", std::to_string(wait));
      return response;
    }
    const auto body = parse_json_object(request);
    CheckInput input;
    from_json(body, check_fields(), input, true);
    const CheckerLease checker = caller && caller->provider_id
                                     ? context.settings.checker_for(*caller->provider_id)
                                     : CheckerLease{nullptr, &context.checker};
    const advert::CheckContextPool::Lease check_context = context.check_contexts.lease();
    const auto report =
        checker->check(input.text, {input.role, input.service, input.date}, *check_context);
    context.metrics.count_advert_checked();
    return json_response(200, advert::report_to_json(report));
  });

  // The rules do not change while the server runs: serialise them once.
  auto rules_body = std::make_shared<const std::string>(
      boost::json::serialize(rules::ruleset_to_json(context.checker.rule_set())));
  router.add("GET", std::string(kApiPrefix) + "/rules", [rules_body](Request&) {
    Response response = Response::json(200, *rules_body);
    response.set_header("Cache-Control", "no-cache");
    return response;
  });
}

}  // namespace caretoolkit::server::api
