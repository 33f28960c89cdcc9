// The team's KPIs from the store; see team_kpis.hpp.
#include "team_kpis.hpp"

#include <vector>

#include "metrics/store_view.hpp"

namespace caretoolkit::server {

metrics::TeamKpis team_kpis_from_store(const tracker::Store& store,
                                       const metrics::ReportOptions& options) {
  const metrics::ReportOptions resolved = metrics::resolve(options);
  std::vector<metrics::SourceCohorts> parts;
  parts.reserve(tracker::kTeamParts);
  for (std::size_t i = 0; i < tracker::kTeamParts; ++i) parts.emplace_back(resolved);
  tracker::TrackerData team =
      store.load_team_data(resolved.effective_as_of(), resolved.from,
                           [&parts](std::size_t part, const tracker::Applicant& applicant) {
                             parts[part].add(applicant);
                           });
  for (std::size_t i = 1; i < parts.size(); ++i) parts.front().merge(parts[i]);
  return metrics::team_kpis(metrics::split_by_provider(team), parts.front(), resolved);
}

metrics::TeamImpact team_impact_from_store(const tracker::Store& store, Date as_of) {
  std::vector<metrics::ImpactStarters> parts;
  parts.reserve(tracker::kTeamParts);
  for (std::size_t i = 0; i < tracker::kTeamParts; ++i) parts.emplace_back(as_of);
  // Every applicant up to the as-of day: a member's year before joining may lie years back.
  tracker::TrackerData team = store.load_team_data(
      as_of, std::nullopt, [&parts](std::size_t part, const tracker::Applicant& applicant) {
        parts[part].add(applicant);
      });
  for (std::size_t i = 1; i < parts.size(); ++i) parts.front().merge(parts[i]);
  const std::vector<metrics::TrackerData> views = metrics::split_by_provider(team);
  std::vector<metrics::ImpactMember> members;
  std::vector<tracker::Id> ids;
  members.reserve(views.size());
  ids.reserve(views.size());
  for (std::size_t p = 0; p < views.size(); ++p) {
    members.push_back({team.providers[p].joined_on, views[p]});
    ids.push_back(team.providers[p].id);
  }
  return metrics::team_impact(members, ids, parts.front(), as_of);
}

metrics::VacancyOutcomes vacancy_outcomes_from_store(const tracker::Store& store,
                                                     tracker::Id provider,
                                                     const metrics::ReportOptions& options) {
  const metrics::ReportOptions resolved = metrics::resolve(options);
  const tracker::TrackerData rows = store.load_tracker_data(provider, resolved.effective_as_of());
  return metrics::vacancy_outcomes(metrics::view_of(rows),
                                   {rows.advert_versions, rows.vacancy_counts}, resolved);
}

metrics::TeamVacancyBands team_vacancy_bands_from_store(const tracker::Store& store,
                                                        const metrics::ReportOptions& options) {
  const metrics::ReportOptions resolved = metrics::resolve(options);
  std::vector<metrics::VacancyOutcomes> members;
  tracker::PageRequest page;
  page.limit = tracker::kMaxPageSize;
  do {
    const tracker::Page<tracker::Provider> providers = store.providers().list(page);
    for (const tracker::Provider& provider : providers.items) {
      members.push_back(vacancy_outcomes_from_store(store, provider.id, resolved));
      members.back().versions.clear();  // only the bands are pooled
    }
    page.cursor = providers.next_cursor;
  } while (!page.cursor.empty());
  return metrics::team_vacancy_bands(members, resolved);
}

}  // namespace caretoolkit::server
