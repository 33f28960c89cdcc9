// The report as JSON: the form the API returns and `caretoolkit check --json` prints. Versioned
// by kReportSchemaVersion and documented in rules/README.md ("The report's JSON form"); any
// change of shape or meaning bumps the version.
#pragma once

#include <boost/json/value.hpp>

#include "advert/report.hpp"

namespace caretoolkit::advert {

inline constexpr int kReportSchemaVersion = 4;

boost::json::value report_to_json(const Report& report);

}  // namespace caretoolkit::advert
