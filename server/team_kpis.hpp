// The team's KPIs and its impact read straight from the store: the one place where
// Store::load_team_data meets metrics::SourceCohorts and metrics::ImpactStarters, shared by the
// API, the command line and the benchmark.
#pragma once

#include "metrics/team.hpp"
#include "metrics/team_impact.hpp"
#include "metrics/vacancy_outcomes.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server {

// Counts every provider's applicants as the store reads them (a tally per reading thread, merged
// at the end), then pools the providers' figures. Throws Error(kInvalid) for invalid options or
// data, as metrics::team_kpis does.
metrics::TeamKpis team_kpis_from_store(const tracker::Store& store,
                                       const metrics::ReportOptions& options);

// Every provider's starters up to `as_of`, read as the store reads them, then the members'
// figures before and since joining and by quarter. Throws Error(kInvalid) for data that breaks the
// tracker's rules, as metrics::team_impact does.
metrics::TeamImpact team_impact_from_store(const tracker::Store& store, Date as_of);

// One provider's advert-to-outcome report, its rows read up to the as-of date.
metrics::VacancyOutcomes vacancy_outcomes_from_store(const tracker::Store& store,
                                                     tracker::Id provider,
                                                     const metrics::ReportOptions& options);

// Every provider's advert-to-outcome report, one provider read at a time, pooled into the team's
// score bands.
metrics::TeamVacancyBands team_vacancy_bands_from_store(const tracker::Store& store,
                                                        const metrics::ReportOptions& options);

}  // namespace caretoolkit::server
