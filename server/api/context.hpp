// What the API handlers share: the store, the advert checker and its check contexts, the rate
// limiter, the metrics and the session cookies.
// Built once by App and read by every request thread; each member is thread-safe.
#pragma once

#include <string>

#include "metrics_registry.hpp"
#include "rate_limiter.hpp"
#include "router.hpp"
#include "tracker/store.hpp"
#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::advert {
class Checker;
class CheckContextPool;
}  // namespace caretoolkit::advert
namespace caretoolkit::server {
class CheckerSettingsService;
}

namespace caretoolkit::server {
class SessionCookies;
}

namespace caretoolkit::server::api {

struct ApiContext {
  tracker::Store& store;
  const advert::Checker& checker;    // the shared rule packs, for checks without a provider key
  CheckerSettingsService& settings;  // providers' own settings and the checkers they give
  RateLimiter& advert_limiter;
  MetricsRegistry& metrics;
  const SessionCookies& cookies;
  tracker::VacancyPublishing& vacancies;  // publishing, advert versions and the public listing
  // The advert checks' working memory, leased per check: as many as the workers checking at once.
  advert::CheckContextPool& check_contexts;
};

// Every /api/v1 route. Each add_* function registers one group.
void add_api_routes(Router& router, ApiContext& context);
void add_resource_routes(Router& router, ApiContext& context);
void add_report_routes(Router& router, ApiContext& context);
void add_transfer_routes(Router& router, ApiContext& context);
void add_team_routes(Router& router, ApiContext& context);
void add_advert_routes(Router& router, ApiContext& context);
void add_vocabulary_routes(Router& router, ApiContext& context);
void add_settings_routes(Router& router, ApiContext& context);
void add_session_routes(Router& router, ApiContext& context);
void add_publishing_routes(Router& router, ApiContext& context);
void add_profile_routes(Router& router, ApiContext& context);

inline constexpr std::string_view kApiPrefix = "/api/v1";

}  // namespace caretoolkit::server::api
