// GET /api/v1/vocabulary: the tracker's words as lib/tracker defines them, so that the pages and
// API users offer the same choices the store accepts: every stage with its label and the stages
// that may be recorded after it and whether a reason is kept with it, and the outcomes, channels
// and service types with their labels, a vacancy's statuses, pay periods and types of contract,
// and the label of each record field. It needs no key and is the same for everyone.
#include <boost/json.hpp>

#include "api/context.hpp"
#include "api/json_body.hpp"
#include "tracker/field_labels.hpp"
#include "tracker/stages.hpp"

namespace caretoolkit::server::api {

namespace {

// [{"name": "job_board", "label": "Job board"}, ...] for every value of an enumeration.
template <class Enum>
boost::json::array named_labels(std::span<const Enum> values) {
  boost::json::array out;
  for (const Enum value : values) {
    out.push_back(
        boost::json::object{{"name", tracker::to_string(value)}, {"label", tracker::label(value)}});
  }
  return out;
}

boost::json::array stage_terms() {
  boost::json::array out;
  for (const tracker::Stage stage : tracker::all_stages()) {
    boost::json::array next;
    for (const tracker::Stage after : tracker::next_stages(stage)) {
      next.emplace_back(tracker::to_string(after));
    }
    out.push_back(boost::json::object{{"name", tracker::to_string(stage)},
                                      {"label", tracker::label(stage)},
                                      {"next", std::move(next)},
                                      {"reason", tracker::takes_reason(stage)}});
  }
  return out;
}

// {"applied_on": "Date applied", ...}: the labels messages name fields by.
boost::json::object field_terms() {
  boost::json::object out;
  for (const auto& [field, label] : tracker::field_labels()) out[field] = label;
  return out;
}

std::string vocabulary_body() {
  const boost::json::object body{
      {"stages", stage_terms()},
      {"outcomes", named_labels(tracker::all_outcomes())},
      {"channels", named_labels(tracker::all_channels())},
      {"service_types", named_labels(tracker::all_service_types())},
      {"vacancy_statuses", named_labels(tracker::all_vacancy_statuses())},
      {"pay_periods", named_labels(tracker::all_pay_periods())},
      {"employment_types", named_labels(tracker::all_employment_types())},
      {"field_labels", field_terms()},
  };
  return boost::json::serialize(body);
}

}  // namespace

void add_vocabulary_routes(Router& router, ApiContext&) {
  router.add("GET", std::string(kApiPrefix) + "/vocabulary", [](Request&) {
    static const std::string body = vocabulary_body();
    Response response = Response::json(200, body);
    // The same for every caller until the server is upgraded: let browsers revalidate.
    response.set_header("Cache-Control", "no-cache");
    return response;
  });
}

}  // namespace caretoolkit::server::api
