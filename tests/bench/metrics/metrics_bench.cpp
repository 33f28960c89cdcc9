// Times the metrics on generated data of the sizes the product promises: one provider's reports
// over 5,000 applicants (target: the ROI report under 5 ms) and team KPIs over 1,000 providers
// and 1,000,000 applicants (target: under 500 ms). Prints figures; asserts nothing.
//
// Usage: bench_metrics [--applicants N] [--providers P] [--per-provider M] [--runs R]
#include <algorithm>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "metrics/funnel.hpp"
#include "metrics/report_json.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/team.hpp"
#include "metrics/team_impact.hpp"
#include "metrics/workforce.hpp"

namespace {

using namespace caretoolkit;
using namespace caretoolkit::metrics;
using tracker::Applicant;

const Date kFrom = *Date::parse("2024-01-01");
const Date kTo = *Date::parse("2025-12-31");
const Date kAsOf = *Date::parse("2026-03-31");

// "Source 3": built with snprintf, as GCC 12 warns falsely (-Wrestrict) on "text" + to_string().
std::string numbered(const char* prefix, long long n) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%lld", prefix, n);
  return buffer;
}

// One provider's rows, shaped like a busy home care agency: a dozen sources, five services, a
// year of monthly spend, applicants over three years with realistic conversion and leaving.
struct Provider {
  std::vector<Applicant> applicants;
  std::vector<tracker::Source> sources;
  std::vector<tracker::Service> services;
  std::vector<tracker::SpendEntry> spend;
  std::vector<tracker::HeadcountSnapshot> headcounts;

  TrackerData view() const {
    return TrackerData{applicants, sources, services, {}, spend, headcounts};
  }
};

Provider make_provider(tracker::Id provider_id, int applicants, std::mt19937_64& rng) {
  Provider p;
  const tracker::Id base = provider_id * 1000;
  for (int s = 0; s < 12; ++s) {
    tracker::Source source;
    source.id = base + s;
    source.provider_id = provider_id;
    source.name = numbered("Source ", s);
    source.channel = static_cast<tracker::Channel>(s % 8);
    p.sources.push_back(source);
  }
  for (int s = 0; s < 5; ++s) {
    tracker::Service service;
    service.id = base + s;
    service.provider_id = provider_id;
    service.name = numbered("Service ", s);
    service.type = static_cast<tracker::ServiceType>(s % 6);
    p.services.push_back(service);
    tracker::HeadcountSnapshot headcount;
    headcount.id = base + s;
    headcount.service_id = service.id;
    headcount.date = kTo;
    headcount.staff = 20 + s * 5;
    headcount.vacancies = s;
    if (s % 2 == 0) headcount.leavers = 6 + s;  // the others count leavers from the tracker
    p.headcounts.push_back(headcount);
  }
  for (int month = 0; month < 36; ++month) {
    for (int s = 0; s < 12; s += 2) {
      tracker::SpendEntry entry;
      entry.source_id = base + s;
      entry.date = kFrom.plus_days(month * 30 - 365);
      entry.amount = Pence{10'000 + 1'000 * s};
      p.spend.push_back(entry);
    }
  }
  std::uniform_int_distribution<int> applied_day(-365, 2 * 365);
  std::uniform_int_distribution<int> gap(1, 21);
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  std::exponential_distribution<double> tenure(1.0 / 400.0);
  p.applicants.reserve(static_cast<std::size_t>(applicants));
  for (int i = 0; i < applicants; ++i) {
    Applicant a;
    a.id = base * 10'000 + i;
    a.provider_id = provider_id;
    a.reference = numbered("R", i);
    a.source_id = base + static_cast<int>(chance(rng) * 12);
    a.service_id = base + static_cast<int>(chance(rng) * 5);
    a.applied_on = kFrom.plus_days(applied_day(rng));
    Date last = a.applied_on;
    const auto next = [&](double p_reach) -> std::optional<Date> {
      if (chance(rng) > p_reach) return std::nullopt;
      last = last.plus_days(gap(rng));
      return last <= kAsOf ? std::optional<Date>(last) : std::nullopt;
    };
    a.interviewed_on = next(0.5);
    if (a.interviewed_on) a.offered_on = next(0.6);
    if (a.offered_on) a.started_on = next(0.8);
    if (a.started_on) {
      const Date left = a.started_on->plus_days(static_cast<int>(tenure(rng)));
      if (left <= kAsOf) a.left_on = left;
    } else if (!a.offered_on || chance(rng) < 0.5) {
      a.outcome = chance(rng) < 0.5 ? tracker::Outcome::kWithdrawn : tracker::Outcome::kRejected;
    }
    p.applicants.push_back(std::move(a));
  }
  return p;
}

struct Timing {
  double min_ms, median_ms, max_ms;
};

Timing time_runs(int runs, const std::function<void()>& run) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2], ms.back()};
}

void print(const char* what, const Timing& t) {
  std::printf("%-44s min %8.3f ms  median %8.3f ms  max %8.3f ms\n", what, t.min_ms, t.median_ms,
              t.max_ms);
}

int arg(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const int applicants = arg(argc, argv, "--applicants", 5'000);
  const int providers = arg(argc, argv, "--providers", 1'000);
  const int per_provider = arg(argc, argv, "--per-provider", 1'000);
  const int runs = arg(argc, argv, "--runs", 50);

  std::mt19937_64 rng(20250331);
  ReportOptions options;
  options.from = kFrom;
  options.to = kTo;
  options.as_of = kAsOf;
  options.by = Grouping::kSource;

  const Provider one = make_provider(1, applicants, rng);
  std::printf("One provider: %d applicants, %zu sources, %zu spend entries; %d runs each\n",
              applicants, one.sources.size(), one.spend.size(), runs);
  std::size_t sink = 0;
  print("roi_report by source",
        time_runs(runs, [&] { sink += roi_report(one.view(), options).sources.size(); }));
  print("roi_report by source + JSON serialised", time_runs(runs, [&] {
          sink += boost::json::serialize(to_json(roi_report(one.view(), options))).size();
        }));
  print("funnel_report by source",
        time_runs(runs, [&] { sink += funnel_report(one.view(), options).groups.size(); }));
  ReportOptions by_month = options;
  by_month.by = Grouping::kMonth;
  print("retention_report by month",
        time_runs(runs, [&] { sink += retention_report(one.view(), by_month).groups.size(); }));
  print("workforce_report",
        time_runs(runs, [&] { sink += workforce_report(one.view(), options).services.size(); }));

  std::vector<Provider> county;
  county.reserve(static_cast<std::size_t>(providers));
  for (int p = 0; p < providers; ++p) county.push_back(make_provider(p + 2, per_provider, rng));
  std::vector<TrackerData> views;
  views.reserve(county.size());
  for (const Provider& p : county) views.push_back(p.view());
  const int team_runs = std::max(3, runs / 10);
  std::printf("Team: %d providers x %d applicants = %lld applicants; %d runs\n", providers,
              per_provider, static_cast<long long>(providers) * per_provider, team_runs);
  print("team_kpis",
        time_runs(team_runs, [&] { sink += team_kpis(views, options).channels.size(); }));
  print("team_kpis + JSON serialised", time_runs(team_runs, [&] {
          sink += boost::json::serialize(to_json(team_kpis(views, options))).size();
        }));
  // Members who joined over the two years before the period ended, a day apart in turn.
  std::vector<ImpactMember> members;
  members.reserve(views.size());
  for (std::size_t p = 0; p < views.size(); ++p) {
    members.push_back({kTo.plus_days(-365 - static_cast<std::int64_t>(p % 730)), views[p]});
  }
  print("team_impact", time_runs(team_runs, [&] {
          sink += static_cast<std::size_t>(team_impact(members, kTo).before.retention.providers);
        }));
  std::printf("(checksum %zu)\n", sink);
  return 0;
}
