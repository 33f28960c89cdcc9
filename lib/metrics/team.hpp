// Key performance indicators across all member providers, for the local authority's team: hires,
// retention, cost per hire by channel, turnover and vacancy rates beside the benchmarks.
//
// No figure carries an applicant, and no provider is named: every figure is pooled over providers
// and withheld when it stands on 1 or 2 of them, as team_pool.hpp says. A figure that stands on no
// provider keeps its own value or reason (nobody applied, nobody has been in post 182 days yet, no
// headcount). The providers behind a figure are those in its population:
//   - applicants, stages, starters, early leavers, spend, cost per hire: the providers with an
//     applicant in the period or spend in it (per channel: on that channel's sources);
//   - retention at N days: the providers with a starter old enough to be judged at N;
//   - turnover and vacancy rates: the providers whose own rate has a value.
// So a count and the rates built on it always stand on the same providers, and no withheld figure
// can be worked back from the ones shown.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "metrics/benchmarks.hpp"
#include "metrics/cohort.hpp"
#include "metrics/figure.hpp"
#include "metrics/period.hpp"
#include "metrics/team_pool.hpp"

namespace caretoolkit::metrics {

struct TeamChannelRow {
  tracker::Channel channel = tracker::Channel::kOther;
  TeamFigure<std::int64_t> applicants;
  TeamFigure<std::int64_t> starters;
  TeamFigure<Pence> spend;
  TeamFigure<Pence> cost_per_hire;  // spend / starters
};

struct TeamWorkforceRow {
  std::optional<tracker::ServiceType> service_type;  // empty for all services together
  TeamFigure<double> turnover;                       // pooled leavers / pooled staff
  TeamFigure<double> vacancy_rate;                   // pooled vacancies / (staff + vacancies)
  std::vector<Comparison> turnover_benchmarks;       // a difference only where a rate is shown
  std::vector<Comparison> vacancy_benchmarks;
};

struct TeamKpis {
  ReportOptions options;       // as asked, with as_of filled in; the grouping is not used
  std::int64_t providers = 0;  // member providers given
  TeamFigure<std::int64_t> applicants;
  TeamFigure<std::int64_t> interviewed;
  TeamFigure<std::int64_t> offered;
  TeamFigure<std::int64_t> starters;
  TeamFigure<std::int64_t> early_leavers;
  TeamFigure<double> applied_to_started;
  std::array<TeamFigure<double>, 3> retention{};  // at 91, 182, 365 days: retained / eligible
  TeamFigure<Pence> spend;
  TeamFigure<Pence> cost_per_hire;
  std::vector<TeamChannelRow> channels;  // every channel, in declared order
  // Pooled over each provider's workforce total (see WorkforceReport::total), and per service
  // type over the providers' services of that type; each provider's latest headcount on or
  // before as_of. Providers whose own rate has no value are left out of that rate's pool.
  TeamWorkforceRow workforce;
  std::vector<TeamWorkforceRow> workforce_by_service_type;  // every type, in declared order
};

// One element of `providers` per member provider, each scoped to that provider's rows. Throws
// Error(kInvalid) for invalid options or data, as the single-provider reports do.
TeamKpis team_kpis(std::span<const TrackerData> providers, const ReportOptions& options);

// The cohort's counts per provider and source, gathered one applicant at a time: how the team's
// KPIs count a million applicants as the store reads them, without holding them. Not
// thread-safe: a reader on several threads keeps one per thread and merges them at the end.
class SourceCohorts {
 public:
  explicit SourceCohorts(const ReportOptions& options);  // Error(kInvalid) for invalid options

  // Counts an applicant of the cohort (others are passed over), as for_each_in_cohort sees it.
  // Throws Error(kInvalid) for a record that breaks the tracker's rules (see journey_as_of).
  void add(const tracker::Applicant& applicant);
  void merge(const SourceCohorts& other);
  // The counts of the provider's applicants from the source; nullptr when there are none.
  const CohortCounts* find(tracker::Id provider, tracker::Id source) const;

 private:
  struct Key {
    tracker::Id provider;
    tracker::Id source;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };

  ReportOptions options_;
  Date as_of_;
  std::unordered_map<Key, CohortCounts, KeyHash> counts_;
};

// As above, with each provider's applicants counted in `cohorts` rather than read from
// `providers`, whose applicants are not looked at. The providers' ids must differ.
TeamKpis team_kpis(std::span<const TrackerData> providers, const SourceCohorts& cohorts,
                   const ReportOptions& options);

}  // namespace caretoolkit::metrics
