// The /api/v1 route table, assembled from its groups.
#include "api/context.hpp"

namespace caretoolkit::server::api {

void add_api_routes(Router& router, ApiContext& context) {
  add_advert_routes(router, context);
  add_resource_routes(router, context);
  add_report_routes(router, context);
  add_transfer_routes(router, context);
  add_team_routes(router, context);
  add_vocabulary_routes(router, context);
  add_settings_routes(router, context);
  add_session_routes(router, context);
  add_publishing_routes(router, context);
  add_profile_routes(router, context);
}

}  // namespace caretoolkit::server::api
