// CSV in and out: POST /import/{applicants,spend,headcounts} with a text/csv body (all or nothing,
// every bad row named by line and column; ?accept_changes=true applies applicant rows that change
// recorded history) and GET /export/{applicants,spend,headcounts}.csv in the same forms, so that
// an export imports back unchanged.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;
using tracker::Store;

boost::json::object replacement_to_json(const tracker::SpendReplacement& replacement) {
  return {{"source", replacement.source},
          {"month", replacement.month.to_string().substr(0, 7)},
          {"rows_before", replacement.rows_before},
          {"rows_after", replacement.rows_after},
          {"amount_pence_before", replacement.before.value},
          {"amount_pence_after", replacement.after.value},
          {"description", tracker::describe(replacement)}};
}

boost::json::object summary_to_json(const tracker::ImportSummary& summary) {
  boost::json::array sources(summary.new_sources.begin(), summary.new_sources.end());
  boost::json::array services(summary.new_services.begin(), summary.new_services.end());
  boost::json::array channels(summary.channels_learnt.begin(), summary.channels_learnt.end());
  boost::json::array replaced;
  for (const auto& replacement : summary.replaced) {
    replaced.push_back(replacement_to_json(replacement));
  }
  const auto notes = tracker::summary_notes(summary);
  return {{"rows", summary.rows},
          {"created", summary.created},
          {"updated", summary.updated},
          {"unchanged", summary.unchanged},
          {"new_sources", std::move(sources)},
          {"new_services", std::move(services)},
          {"new_vacancies", summary.new_vacancies},
          {"skipped_purged", summary.skipped_purged},
          {"history_changed", summary.history_changed},
          {"channels_learnt", std::move(channels)},
          {"removed", summary.removed},
          {"replaced", std::move(replaced)},
          {"notes", boost::json::array(notes.begin(), notes.end())}};
}

// How an import's refusals tell an API client to fix things, in the API's terms.
tracker::ImportRemedies import_remedies(std::string_view form) {
  return {.accept_changes = "send it again to POST " + std::string(kApiPrefix) + "/import/" +
                            std::string(form) + "?accept_changes=true",
          .set_channel = [](Id, const tracker::Source& source, tracker::Channel channel) {
            return "correct the source first: PATCH " + std::string(kApiPrefix) + "/sources/" +
                   std::to_string(source.id) + R"( with {"channel": ")" +
                   std::string(tracker::to_string(channel)) + R"("})";
          }};
}

struct Form {
  std::string_view name;  // "applicants"
  tracker::ImportSummary (Store::*import)(Id, std::string_view, const tracker::ImportOptions&);
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
                 const tracker::ImportOptions options{
                     .accept_changes = query_bool(request, "accept_changes").value_or(false),
                     .remedies = import_remedies(form.name)};
                 const auto summary = (store.*form.import)(provider, request.body, options);
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
