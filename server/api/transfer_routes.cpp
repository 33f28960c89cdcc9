// CSV in and out: POST /import/{applicants,spend,headcounts} with a text/csv body (all or nothing,
// every bad row named by line and column) and GET /export/{applicants,spend,headcounts}.csv in
// the same forms, so that an export imports back unchanged.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;
using tracker::Store;

boost::json::object summary_to_json(const tracker::ImportSummary& summary) {
  boost::json::array sources(summary.new_sources.begin(), summary.new_sources.end());
  boost::json::array services(summary.new_services.begin(), summary.new_services.end());
  return {{"rows", summary.rows},
          {"created", summary.created},
          {"updated", summary.updated},
          {"unchanged", summary.unchanged},
          {"new_sources", std::move(sources)},
          {"new_services", std::move(services)},
          {"new_vacancies", summary.new_vacancies}};
}

struct Form {
  std::string_view name;  // "applicants"
  tracker::ImportSummary (Store::*import)(Id, std::string_view);
  std::string (Store::*export_csv)(Id) const;
};

constexpr Form kForms[] = {
    {"applicants", &Store::import_applicants_csv, &Store::export_applicants_csv},
    {"spend", &Store::import_spend_csv, &Store::export_spend_csv},
    {"headcounts", &Store::import_headcount_csv, &Store::export_headcount_csv},
};

}  // namespace

void add_transfer_routes(Router& router, ApiContext& context) {
  Store& store = context.store;
  for (const Form& form : kForms) {
    router.add("POST", std::string(kApiPrefix) + "/import/" + std::string(form.name),
               [&store, form](Request& request) {
                 const Id provider = require_provider(request, store);
                 require_media_type(request, "text/csv");
                 const auto summary = (store.*form.import)(provider, request.body);
                 return json_response(200, summary_to_json(summary));
               });
    router.add("GET", std::string(kApiPrefix) + "/export/" + std::string(form.name) + ".csv",
               [&store, form](Request& request) {
                 const Id provider = require_provider(request, store);
                 Response response = Response::text(200, "text/csv; charset=utf-8",
                                                    (store.*form.export_csv)(provider));
                 response.set_header("Content-Disposition",
                                     "attachment; filename=\"" + std::string(form.name) + ".csv\"");
                 response.set_header("Cache-Control", "no-store");
                 return response;
               });
  }
}

}  // namespace caretoolkit::server::api
