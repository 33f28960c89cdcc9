// The JSON form of each tracker record: one field table per type, used for responses, creates and
// partial updates alike, so that every resource reads and writes its fields the same way.
#pragma once

#include <string_view>

#include "api/json_body.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::server::api {

const Fields<tracker::Service>& service_fields();
const Fields<tracker::Source>& source_fields();
const Fields<tracker::SpendEntry>& spend_fields();
const Fields<tracker::Vacancy>& vacancy_fields();
const Fields<tracker::Applicant>& applicant_fields();
const Fields<tracker::HeadcountSnapshot>& headcount_fields();
const Fields<tracker::Provider>& provider_fields();

// The body of POST /applicants/{id}/events.
struct StageEventInput {
  tracker::Stage stage = tracker::Stage::kInterviewed;
  Date on;
  std::string reason;
};
const Fields<StageEventInput>& stage_event_fields();

// Parses an enumeration from a query parameter; Error(kInvalid) listing `allowed` otherwise.
template <class Enum>
Enum parse_enum_or_throw(std::string_view text, std::string_view name,
                         std::optional<Enum> (*parse)(std::string_view), std::string_view allowed) {
  if (auto value = parse(text)) return *value;
  throw Error(ErrorCode::kInvalid,
              std::string(name) + " '" + std::string(text.substr(0, 60)) +
                  "' is not one of: " + std::string(allowed),
              std::string(name));
}

}  // namespace caretoolkit::server::api
