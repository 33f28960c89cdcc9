// Turnover and vacancy rates; see workforce.hpp.
#include "metrics/workforce.hpp"

#include <algorithm>
#include <numeric>
#include <span>
#include <string>

#include "core/error.hpp"
#include "metrics/cohort.hpp"
#include "metrics/costs.hpp"

namespace caretoolkit::metrics {

namespace {

// The 12 months to a headcount's date: leavers on the 365 days ending on it.
constexpr std::int64_t kTurnoverWindowDays = 365;

// Snapshot b replaces a as the latest: later date, or the same date recorded later.
bool later(const tracker::HeadcountSnapshot& b, const tracker::HeadcountSnapshot& a) {
  return b.date != a.date ? a.date < b.date : a.id < b.id;
}

// A headcount whose leavers the provider did not give, to be counted from the tracker: the
// starters of its scope (one service, or the whole provider) who left in its window.
struct TrackerLeavers {
  std::optional<tracker::Id> service_id;  // empty: the whole provider
  Date until;
  std::int64_t leavers = 0;
  bool covered = false;  // the tracker holds a starter of this scope by that date

  void add(const Journey& journey, std::optional<tracker::Id> applicant_service) {
    if (service_id && applicant_service != service_id) return;
    if (!journey.started_on || until < *journey.started_on) return;
    covered = true;
    if (journey.left_on && *journey.left_on <= until &&
        days_between(*journey.left_on, until) < kTurnoverWindowDays) {
      ++leavers;
    }
  }
};

void fill_rates(WorkforceRow& row, std::optional<tracker::ServiceType> type,
                Pence replacement_cost) {
  const WorkforceRates rates = workforce_rates(row.staff, row.vacancies, row.leavers);
  row.turnover = rates.turnover;
  row.vacancy_rate = rates.vacancy_rate;
  row.turnover_cost = turnover_cost(row.staff, row.turnover, replacement_cost);
  row.turnover_benchmarks = compare(row.turnover, Measure::kTurnover, type);
  row.vacancy_benchmarks = compare(row.vacancy_rate, Measure::kVacancy, type);
}

void no_snapshot(WorkforceRow& row, std::optional<tracker::ServiceType> type) {
  row.turnover = Rate::none(Reason::kNoSnapshot);
  row.vacancy_rate = Rate::none(Reason::kNoSnapshot);
  row.turnover_cost = Money::none(Reason::kNoSnapshot);
  row.turnover_benchmarks = compare(row.turnover, Measure::kTurnover, type);
  row.vacancy_benchmarks = compare(row.vacancy_rate, Measure::kVacancy, type);
}

}  // namespace

WorkforceRates workforce_rates(std::int64_t staff, std::int64_t vacancies,
                               std::optional<std::int64_t> leavers) {
  if (staff <= 0) return {Rate::none(Reason::kNoStaff), Rate::none(Reason::kNoStaff)};
  WorkforceRates rates;
  rates.vacancy_rate = ratio(vacancies, staff + vacancies, Reason::kNoStaff);
  if (!leavers) {
    rates.turnover = Rate::none(Reason::kLeaversUnknown);
  } else if (const Rate turnover = ratio(*leavers, staff, Reason::kNoStaff);
             *turnover.value > kMaxPlausibleTurnover) {
    rates.turnover = Rate::none(Reason::kImplausible);
  } else {
    rates.turnover = turnover;
  }
  return rates;
}

std::string_view to_string(LeaversFrom from) {
  switch (from) {
    case LeaversFrom::kSnapshot:
      return "snapshot";
    case LeaversFrom::kTracker:
      return "tracker";
    case LeaversFrom::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view to_string(TotalBasis basis) {
  switch (basis) {
    case TotalBasis::kPooledServices:
      return "pooled_services";
    case TotalBasis::kProviderSnapshot:
      return "provider_snapshot";
    case TotalBasis::kNone:
      break;
  }
  return "none";
}

namespace {

// The latest headcount on or before `as_of`, per service (in data.services' order) and for the
// whole provider; null where there is none.
struct LatestSnapshots {
  std::vector<const tracker::HeadcountSnapshot*> of_service;
  const tracker::HeadcountSnapshot* provider = nullptr;
};

LatestSnapshots latest_snapshots(const TrackerData& data, Date as_of) {
  const IdIndex services(data.services);
  LatestSnapshots latest{std::vector<const tracker::HeadcountSnapshot*>(data.services.size()),
                         nullptr};
  for (const tracker::HeadcountSnapshot& snapshot : data.headcounts) {
    if (as_of < snapshot.date) continue;
    const tracker::HeadcountSnapshot** slot = &latest.provider;
    if (snapshot.service_id) {
      const auto pos = services.find(*snapshot.service_id);
      if (!pos) {
        throw Error(ErrorCode::kInvalid,
                    "A headcount of " + snapshot.date.to_string() + " names service " +
                        std::to_string(*snapshot.service_id) +
                        ", which is not among the provider's services.",
                    "service_id");
      }
      slot = &latest.of_service[*pos];
    }
    if (!*slot || later(snapshot, **slot)) *slot = &snapshot;
  }
  return latest;
}

// Fills a row's headcount and leavers from a snapshot and, failing its own count, the tracker.
void take(WorkforceRow& row, const tracker::HeadcountSnapshot& snapshot,
          const TrackerLeavers* tracked) {
  row.snapshot_date = snapshot.date;
  row.staff = snapshot.staff;
  row.vacancies = snapshot.vacancies;
  if (snapshot.leavers) {
    row.leavers = *snapshot.leavers;
    row.leavers_from = LeaversFrom::kSnapshot;
  } else if (tracked && tracked->covered) {
    row.leavers = tracked->leavers;
    row.leavers_from = LeaversFrom::kTracker;
  }
}

// Indices of `services` by name then id, as every report lists them.
std::vector<std::size_t> services_by_name(std::span<const tracker::Service> services) {
  std::vector<std::size_t> order(services.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const tracker::Service& x = services[a];
    const tracker::Service& y = services[b];
    return x.name != y.name ? x.name < y.name : x.id < y.id;
  });
  return order;
}

}  // namespace

WorkforceReport workforce_report(const TrackerData& data, const ReportOptions& asked) {
  WorkforceReport report;
  report.options = resolve(asked);
  const Date as_of = report.options.effective_as_of();

  const LatestSnapshots snapshots = latest_snapshots(data, as_of);
  const std::vector<const tracker::HeadcountSnapshot*>& latest = snapshots.of_service;
  const tracker::HeadcountSnapshot* provider_latest = snapshots.provider;
  const bool pooled =
      std::any_of(latest.begin(), latest.end(), [](auto* s) { return s != nullptr; });
  if (pooled) {
    report.total_basis = TotalBasis::kPooledServices;
  } else if (provider_latest) {
    report.total_basis = TotalBasis::kProviderSnapshot;
  }

  // Headcounts without the provider's own leavers count them from the tracker, in one pass.
  std::vector<TrackerLeavers> counted;
  std::vector<std::size_t> counted_of_service(data.services.size(), kNoGroup);
  for (std::size_t s = 0; s < latest.size(); ++s) {
    if (!latest[s] || latest[s]->leavers) continue;
    counted_of_service[s] = counted.size();
    counted.push_back(TrackerLeavers{data.services[s].id, latest[s]->date});
  }
  const bool count_provider =
      report.total_basis == TotalBasis::kProviderSnapshot && !provider_latest->leavers;
  if (count_provider) counted.push_back(TrackerLeavers{std::nullopt, provider_latest->date});
  if (!counted.empty()) {
    for (const tracker::Applicant& applicant : data.applicants) {
      const Journey journey = journey_as_of(applicant, as_of);
      for (TrackerLeavers& scope : counted) scope.add(journey, applicant.service_id);
    }
  }
  const std::vector<std::size_t> order = services_by_name(data.services);

  WorkforceRow& total = report.total;
  total.group = total_key();
  bool total_leavers_known = true;
  // The one type every pooled service shares, if they share one: the total is then compared
  // with that type's own figures as well as the sector's.
  std::optional<tracker::ServiceType> total_type;
  bool mixed_types = false;
  for (const std::size_t s : order) {
    const tracker::Service& service = data.services[s];
    WorkforceRow& row = report.services.emplace_back();
    row.group.by = Grouping::kService;
    row.group.id = service.id;
    row.group.name = service.name;
    row.group.service_type = service.type;
    if (!latest[s]) {
      no_snapshot(row, service.type);
      continue;
    }
    const std::size_t c = counted_of_service[s];
    take(row, *latest[s], c == kNoGroup ? nullptr : &counted[c]);
    fill_rates(row, service.type, report.options.replacement_cost);

    total.staff += row.staff;
    total.vacancies += row.vacancies;
    if (total_type && *total_type != service.type) mixed_types = true;
    total_type = service.type;
    if (!total.snapshot_date || *total.snapshot_date < *row.snapshot_date) {
      total.snapshot_date = row.snapshot_date;
    }
    if (!row.leavers) {
      total_leavers_known = false;
      continue;
    }
    total.leavers = total.leavers.value_or(0) + *row.leavers;
    if (total.leavers_from != LeaversFrom::kTracker) total.leavers_from = row.leavers_from;
  }

  switch (report.total_basis) {
    case TotalBasis::kNone:
      no_snapshot(total, std::nullopt);
      break;
    case TotalBasis::kPooledServices:
      if (!total_leavers_known) {
        total.leavers.reset();
        total.leavers_from = LeaversFrom::kUnknown;
      }
      fill_rates(total, mixed_types ? std::nullopt : total_type, report.options.replacement_cost);
      break;
    case TotalBasis::kProviderSnapshot:
      take(total, *provider_latest, count_provider ? &counted.back() : nullptr);
      fill_rates(total, std::nullopt, report.options.replacement_cost);
      break;
  }
  return report;
}

}  // namespace caretoolkit::metrics
