// Team KPIs across providers; see team.hpp.
#include "metrics/team.hpp"

#include <utility>
#include <vector>

#include "metrics/cohort.hpp"
#include "metrics/grouping.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

namespace {

constexpr std::size_t kChannels = static_cast<std::size_t>(tracker::Channel::kOther) + 1;
constexpr std::size_t kServiceTypes = static_cast<std::size_t>(tracker::ServiceType::kOther) + 1;

// The cohort's counts and spend summed over the providers active in it.
struct CohortPool {
  std::int64_t providers = 0;
  std::int64_t applicants = 0;
  std::int64_t starters = 0;
  Pence spend;

  void add(std::int64_t provider_applicants, std::int64_t provider_starters, Pence provider_spend) {
    if (provider_applicants == 0 && provider_spend == Pence{}) return;
    ++providers;
    applicants += provider_applicants;
    starters += provider_starters;
    spend += provider_spend;
  }
  TeamFigure<Pence> cost_per_hire() const {
    return withheld_or(per_unit(spend, static_cast<double>(starters), Reason::kNoHires), providers);
  }
};

struct WorkforcePools {
  RatePool turnover{Reason::kNoSnapshot};  // leavers / staff
  RatePool vacancy{Reason::kNoSnapshot};   // vacancies / (staff + vacancies)

  // Adds one provider's headcount, each rate only where the provider's own has a value.
  void add(const WorkforceRow& row) {
    turnover.add(row.turnover, row.leavers.value_or(0), row.staff);
    vacancy.add(row.vacancy_rate, row.vacancies, row.staff + row.vacancies);
  }

  TeamWorkforceRow figures(std::optional<tracker::ServiceType> type) const {
    TeamWorkforceRow row;
    row.service_type = type;
    row.turnover = turnover.figure();
    row.vacancy_rate = vacancy.figure();
    row.turnover_benchmarks = compare(row.turnover.figure, Measure::kTurnover, type);
    row.vacancy_benchmarks = compare(row.vacancy_rate.figure, Measure::kVacancy, type);
    return row;
  }
};

// One provider's services of a type, added up before the provider is added to the team's pool,
// so that a provider with two home care services counts once.
WorkforceRow sum_of_type(const WorkforceReport& report, tracker::ServiceType type) {
  WorkforceRow sum;
  bool any = false;
  bool leavers_known = true;
  std::int64_t leavers = 0;
  for (const WorkforceRow& row : report.services) {
    if (row.group.service_type != type || !row.snapshot_date) continue;
    any = true;
    sum.staff += row.staff;
    sum.vacancies += row.vacancies;
    if (row.leavers) {
      leavers += *row.leavers;
    } else {
      leavers_known = false;
    }
  }
  if (!any) {
    sum.turnover = Rate::none(Reason::kNoSnapshot);
    sum.vacancy_rate = Rate::none(Reason::kNoSnapshot);
    return sum;
  }
  if (leavers_known) sum.leavers = leavers;
  const WorkforceRates rates = workforce_rates(sum.staff, sum.vacancies, sum.leavers);
  sum.turnover = rates.turnover;
  sum.vacancy_rate = rates.vacancy_rate;
  return sum;
}

// One provider's cohort: its counts, and applicants and starters per channel.
struct ProviderCohort {
  CohortCounts counts;
  std::array<std::int64_t, kChannels> channel_applicants{}, channel_starters{};
};

// Pools every provider's figures. cohort_of(data, per_source, sources, channel_of_group) counts
// one provider's cohort, where channel_of_group maps the groups of `sources` to channels.
template <class CohortOf>
TeamKpis pool(std::span<const TrackerData> providers, const ReportOptions& asked,
              CohortOf&& cohort_of) {
  TeamKpis kpis;
  kpis.options = resolve(asked);
  ReportOptions per_source = kpis.options;
  per_source.by = Grouping::kSource;
  kpis.providers = static_cast<std::int64_t>(providers.size());

  CohortPool cohort;
  CohortCounts pooled;  // the cohort's counts over the active providers
  std::array<RatePool, 3> retention{RatePool{Reason::kTooEarly}, RatePool{Reason::kTooEarly},
                                    RatePool{Reason::kTooEarly}};
  std::array<CohortPool, kChannels> channels;
  WorkforcePools workforce;
  std::array<WorkforcePools, kServiceTypes> by_type;

  std::vector<std::uint8_t> channel_of_group;  // reused from provider to provider
  for (const TrackerData& data : providers) {
    const GroupIndex sources(data, per_source);
    channel_of_group.clear();
    for (const GroupKey& key : sources.keys()) {
      channel_of_group.push_back(static_cast<std::uint8_t>(*key.channel));
    }

    const ProviderCohort provider =
        cohort_of(data, std::as_const(per_source), sources, std::as_const(channel_of_group));
    const CohortCounts& counts = provider.counts;
    std::array<Pence, kChannels> channel_spend{};
    Pence provider_spend;
    for (const tracker::SpendEntry& entry : data.spend) {
      if (!per_source.in_period(entry.date)) continue;
      provider_spend += entry.amount;
      channel_spend[channel_of_group[sources.group_of(entry)]] += entry.amount;
    }

    if (counts.applicants > 0 || provider_spend > Pence{}) pooled += counts;
    cohort.add(counts.applicants, counts.started, provider_spend);
    for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
      retention[i].add(counts.retained[i], counts.eligible[i]);
    }
    for (std::size_t c = 0; c < kChannels; ++c) {
      channels[c].add(provider.channel_applicants[c], provider.channel_starters[c],
                      channel_spend[c]);
    }

    if (data.headcounts.empty()) continue;
    const WorkforceReport report = workforce_report(data, kpis.options);
    workforce.add(report.total);
    for (std::size_t t = 0; t < kServiceTypes; ++t) {
      by_type[t].add(sum_of_type(report, static_cast<tracker::ServiceType>(t)));
    }
  }

  kpis.applicants = count_figure(pooled.applicants, cohort.providers);
  kpis.interviewed = count_figure(pooled.interviewed, cohort.providers);
  kpis.offered = count_figure(pooled.offered, cohort.providers);
  kpis.starters = count_figure(pooled.started, cohort.providers);
  kpis.early_leavers = count_figure(pooled.early_leavers, cohort.providers);
  kpis.applied_to_started =
      rate_figure(pooled.started, pooled.applicants, cohort.providers, Reason::kNoApplicants);
  for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
    kpis.retention[i] = retention[i].figure();
  }
  kpis.spend = withheld_or(Money::of(cohort.spend), cohort.providers);
  kpis.cost_per_hire = cohort.cost_per_hire();
  for (std::size_t c = 0; c < kChannels; ++c) {
    const CohortPool& pool = channels[c];
    TeamChannelRow& row = kpis.channels.emplace_back();
    row.channel = static_cast<tracker::Channel>(c);
    row.applicants = count_figure(pool.applicants, pool.providers);
    row.starters = count_figure(pool.starters, pool.providers);
    row.spend = withheld_or(Money::of(pool.spend), pool.providers);
    row.cost_per_hire = pool.cost_per_hire();
  }
  kpis.workforce = workforce.figures(std::nullopt);
  for (std::size_t t = 0; t < kServiceTypes; ++t) {
    kpis.workforce_by_service_type.push_back(
        by_type[t].figures(static_cast<tracker::ServiceType>(t)));
  }
  return kpis;
}

}  // namespace

TeamFigure<double> rate_figure(std::int64_t numerator, std::int64_t denominator,
                               std::int64_t providers, Reason if_zero) {
  TeamFigure<double> rate = withheld_or(ratio(numerator, denominator, if_zero), providers);
  if (rate.figure.has_value()) {
    rate.numerator = numerator;
    rate.denominator = denominator;
  }
  return rate;
}

TeamFigure<std::int64_t> count_figure(std::int64_t count, std::int64_t providers) {
  return withheld_or(Figure<std::int64_t>::of(count), providers);
}

void RatePool::add(std::int64_t provider_numerator, std::int64_t provider_denominator) {
  if (provider_denominator == 0) return;
  ++providers;
  numerator += provider_numerator;
  denominator += provider_denominator;
}

void RatePool::add(const Rate& provider_rate, std::int64_t provider_numerator,
                   std::int64_t provider_denominator) {
  if (provider_rate.has_value()) {
    add(provider_numerator, provider_denominator);
  } else if (provider_rate.reason != Reason::kNoSnapshot) {
    missing = provider_rate.reason;
  }
}

TeamFigure<double> RatePool::figure() const {
  return rate_figure(numerator, denominator, providers, missing);
}

TeamKpis team_kpis(std::span<const TrackerData> providers, const ReportOptions& options) {
  return pool(providers, options,
              [](const TrackerData& data, const ReportOptions& per_source,
                 const GroupIndex& sources, const std::vector<std::uint8_t>& channel_of_group) {
                ProviderCohort cohort;
                const Date as_of = per_source.effective_as_of();
                for_each_in_cohort(data, per_source, sources,
                                   [&](const Journey& journey, std::size_t group) {
                                     cohort.counts.add(journey, as_of);
                                     const std::uint8_t channel = channel_of_group[group];
                                     ++cohort.channel_applicants[channel];
                                     if (journey.started_on) ++cohort.channel_starters[channel];
                                   });
                return cohort;
              });
}

TeamKpis team_kpis(std::span<const TrackerData> providers, const SourceCohorts& cohorts,
                   const ReportOptions& options) {
  return pool(providers, options,
              [&cohorts](const TrackerData& data, const ReportOptions&, const GroupIndex&,
                         const std::vector<std::uint8_t>&) {
                ProviderCohort cohort;
                for (const tracker::Source& source : data.sources) {
                  const CohortCounts* counts = cohorts.find(source.provider_id, source.id);
                  if (counts == nullptr) continue;
                  cohort.counts += *counts;
                  const auto channel = static_cast<std::size_t>(source.channel);
                  cohort.channel_applicants[channel] += counts->applicants;
                  cohort.channel_starters[channel] += counts->started;
                }
                return cohort;
              });
}

SourceCohorts::SourceCohorts(const ReportOptions& options)
    : options_(resolve(options)), as_of_(options_.effective_as_of()) {}

std::size_t SourceCohorts::KeyHash::operator()(const Key& key) const noexcept {
  // Ids are small positive integers: one multiply spreads the pair over the word.
  const auto mixed =
      (static_cast<std::uint64_t>(key.provider) << 32U) ^ static_cast<std::uint64_t>(key.source);
  return static_cast<std::size_t>(mixed * 0x9E3779B97F4A7C15ULL);
}

void SourceCohorts::add(const tracker::Applicant& applicant) {
  if (!options_.in_period(applicant.applied_on)) return;
  const Journey journey = journey_as_of(applicant, as_of_);
  counts_[Key{applicant.provider_id, applicant.source_id}].add(journey, as_of_);
}

void SourceCohorts::merge(const SourceCohorts& other) {
  for (const auto& [key, counts] : other.counts_) counts_[key] += counts;
}

const CohortCounts* SourceCohorts::find(tracker::Id provider, tracker::Id source) const {
  const auto found = counts_.find(Key{provider, source});
  return found == counts_.end() ? nullptr : &found->second;
}

}  // namespace caretoolkit::metrics
