// The team's KPIs read straight from the store: the one place where Store::load_team_data and
// metrics::SourceCohorts meet, shared by the API, the command line and the benchmark.
#pragma once

#include "metrics/team.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server {

// Counts every provider's applicants as the store reads them (a tally per reading thread, merged
// at the end), then pools the providers' figures. Throws Error(kInvalid) for invalid options or
// data, as metrics::team_kpis does.
metrics::TeamKpis team_kpis_from_store(const tracker::Store& store,
                                       const metrics::ReportOptions& options);

}  // namespace caretoolkit::server
