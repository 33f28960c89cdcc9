// Turnover and vacancy rates: the ASC-WDS rules on constructed numbers, headcount choice, leavers
// from the tracker, pooling, and the benchmarks set beside each rate.
#include <doctest/doctest.h>

#include <string>

#include "fixtures.hpp"
#include "metrics/workforce.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;

namespace {

Service service(Id id, std::string name, ServiceType type) {
  Service s;
  s.id = id;
  s.provider_id = 1;
  s.name = std::move(name);
  s.type = type;
  return s;
}

HeadcountSnapshot headcount(std::optional<Id> service_id, std::string_view date, int staff,
                            int vacancies, std::optional<int> leavers) {
  static Id next_id = 1;
  HeadcountSnapshot h;
  h.id = next_id++;
  h.provider_id = 1;
  h.service_id = service_id;
  h.date = day(date);
  h.staff = staff;
  h.vacancies = vacancies;
  h.leavers = leavers;
  return h;
}

ReportOptions as_of(std::string_view date) {
  ReportOptions options;
  options.from = day("2025-01-01");
  options.to = day("2025-03-31");
  options.as_of = day(date);
  return options;
}

std::vector<std::string> benchmark_ids(const std::vector<Comparison>& comparisons) {
  std::vector<std::string> ids;
  ids.reserve(comparisons.size());
  for (const Comparison& c : comparisons) ids.emplace_back(c.benchmark->id);
  return ids;
}

}  // namespace

TEST_CASE("ASC-WDS example: 40 staff and 5 bank, 12 leavers, 4 vacancies") {
  // Bank staff are not in `staff`: turnover = 12 / 40 = 30.0 % (not 12 / 45); vacancy rate =
  // 4 / (40 + 4) = 9.09 %.
  const WorkforceRates rates = workforce_rates(40, 4, 12);
  CHECK(rates.turnover.value == 0.3);
  CHECK(*rates.vacancy_rate.value == doctest::Approx(4.0 / 44.0));
  CHECK(*rates.vacancy_rate.value == doctest::Approx(0.0909).epsilon(0.001));
}

TEST_CASE("ASC-WDS example: leavers none is 0 percent") {
  CHECK(workforce_rates(40, 4, 0).turnover.value == 0.0);
}

TEST_CASE("ASC-WDS example: 400 leavers on 40 staff is implausible and has no value") {
  const Rate turnover = workforce_rates(40, 4, 400).turnover;
  CHECK_FALSE(turnover.has_value());
  CHECK(turnover.reason == Reason::kImplausible);
  // 9.95 itself is still plausible: 398 / 40.
  CHECK(workforce_rates(40, 0, 398).turnover.value == 9.95);
}

TEST_CASE("ASC-WDS example: only bank staff gives no value") {
  const WorkforceRates rates = workforce_rates(0, 2, 3);
  CHECK(rates.turnover.reason == Reason::kNoStaff);
  CHECK(rates.vacancy_rate.reason == Reason::kNoStaff);
}

TEST_CASE("leavers unknown gives no turnover but a vacancy rate") {
  const WorkforceRates rates = workforce_rates(10, 0, std::nullopt);
  CHECK(rates.turnover.reason == Reason::kLeaversUnknown);
  CHECK(rates.vacancy_rate.value == 0.0);
}

TEST_CASE("each service uses its latest headcount on or before as_of and the total pools them") {
  Dataset data = worked_example();
  data.services = {service(10, "Meadow House", ServiceType::kResidential),
                   service(11, "Community team", ServiceType::kHomeCare),
                   service(12, "Day centre", ServiceType::kDayServices)};
  data.headcounts = {
      headcount(10, "2025-01-31", 30, 1, 6),
      headcount(10, "2025-03-31", 40, 4, 12),  // the latest for Meadow House
      headcount(10, "2025-04-30", 50, 0, 0),   // after as_of: not used
      headcount(11, "2025-02-28", 20, 5, 10),
  };
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-03-31"));
  REQUIRE(report.services.size() == 3);

  // Services by name: Community team, Day centre, Meadow House.
  const WorkforceRow& home = report.services[0];
  CHECK(home.group.name == "Community team");
  CHECK(home.snapshot_date == day("2025-02-28"));
  CHECK(home.turnover.value == 0.5);      // 10 / 20
  CHECK(home.vacancy_rate.value == 0.2);  // 5 / 25
  CHECK(home.leavers_from == LeaversFrom::kSnapshot);
  // Home care is set beside its own figure first, then the sector's.
  CHECK(benchmark_ids(home.turnover_benchmarks) ==
        std::vector<std::string>{"turnover_home_care_leicestershire", "turnover_leicestershire",
                                 "turnover_uk_2018_19", "turnover_england_2024_25"});
  CHECK(*home.turnover_benchmarks[0].difference == doctest::Approx(0.5 - 0.504));
  CHECK(benchmark_ids(home.vacancy_benchmarks) ==
        std::vector<std::string>{"vacancy_home_care_england_2024_25", "vacancy_england_2024_25"});

  const WorkforceRow& day_centre = report.services[1];
  CHECK(day_centre.turnover.reason == Reason::kNoSnapshot);
  CHECK(day_centre.vacancy_rate.reason == Reason::kNoSnapshot);
  CHECK_FALSE(day_centre.turnover_benchmarks[0].difference.has_value());
  // Day services have no figure of their own: the sector's only.
  CHECK(benchmark_ids(day_centre.turnover_benchmarks).front() == "turnover_leicestershire");

  const WorkforceRow& residential = report.services[2];
  CHECK(residential.snapshot_date == day("2025-03-31"));
  CHECK(residential.staff == 40);
  CHECK(residential.turnover.value == 0.3);
  // A year's leavers at the default replacement cost: 40 x 0.3 x 360,000 = 4,320,000 pence.
  CHECK(residential.turnover_cost.value == caretoolkit::Pence{4'320'000});
  CHECK(day_centre.turnover_cost.reason == Reason::kNoSnapshot);
  CHECK(benchmark_ids(residential.turnover_benchmarks).front() ==
        "turnover_residential_leicestershire");

  // Pooled: (12 + 10) / (40 + 20) = 0.3667, never the mean of 0.3 and 0.5; vacancies
  // (4 + 5) / (60 + 9) = 0.1304.
  CHECK(report.total_basis == TotalBasis::kPooledServices);
  CHECK(report.total.group.is_total());
  CHECK(report.total.staff == 60);
  CHECK(report.total.leavers == 22);
  CHECK(*report.total.turnover.value == doctest::Approx(22.0 / 60.0));
  CHECK(*report.total.vacancy_rate.value == doctest::Approx(9.0 / 69.0));
  CHECK(report.total.snapshot_date == day("2025-03-31"));
  CHECK(benchmark_ids(report.total.turnover_benchmarks).front() == "turnover_leicestershire");
}

TEST_CASE("a provider whose services are all home care sets its total beside home care first") {
  // Two home care branches: (10 + 13) leavers over (30 + 24) staff = 42.6 %, beside home care in
  // Leicestershire (50.4 %) before the all-care figures, 7.8 points below it.
  Dataset data;
  data.services = {service(10, "North branch", ServiceType::kHomeCare),
                   service(11, "South branch", ServiceType::kHomeCare),
                   service(12, "Day centre", ServiceType::kDayServices)};  // no headcount
  data.headcounts = {headcount(10, "2025-03-01", 30, 3, 10),
                     headcount(11, "2025-03-01", 24, 3, 13)};
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-03-31"));
  CHECK(*report.total.turnover.value == doctest::Approx(23.0 / 54.0));
  CHECK(benchmark_ids(report.total.turnover_benchmarks) ==
        std::vector<std::string>{"turnover_home_care_leicestershire", "turnover_leicestershire",
                                 "turnover_uk_2018_19", "turnover_england_2024_25"});
  CHECK(*report.total.turnover_benchmarks[0].difference == doctest::Approx(23.0 / 54.0 - 0.504));
  CHECK(benchmark_ids(report.total.vacancy_benchmarks).front() ==
        "vacancy_home_care_england_2024_25");
  // A year's leavers at the default replacement cost: 23 x 360,000 pence.
  CHECK(report.total.turnover_cost.value == caretoolkit::Pence{23 * 360'000});
}

TEST_CASE("a pooled total has no turnover when any service's leavers are unknown") {
  Dataset data;
  data.sources = {source(1, "Referral", Channel::kStaffReferral)};
  data.services = {service(10, "A", ServiceType::kResidential),
                   service(11, "B", ServiceType::kResidential)};
  data.headcounts = {headcount(10, "2025-03-01", 10, 0, 2),
                     headcount(11, "2025-03-01", 10, 0, std::nullopt)};
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-03-31"));
  CHECK(report.services[1].turnover.reason == Reason::kLeaversUnknown);
  CHECK(report.total.turnover.reason == Reason::kLeaversUnknown);
  CHECK(report.total.leavers_from == LeaversFrom::kUnknown);
  CHECK(report.total.vacancy_rate.value == 0.0);
}

TEST_CASE("without the provider's own count, leavers come from the tracker") {
  Dataset data;
  data.sources = {source(1, "Referral", Channel::kStaffReferral)};
  data.services = {service(10, "Meadow House", ServiceType::kResidential)};
  data.headcounts = {headcount(10, "2025-12-31", 8, 2, std::nullopt)};
  auto starter = [&](std::string_view start, std::string_view left) {
    Applicant a = person(1, "2024-01-01", "", "2024-01-02", start, left);
    a.service_id = 10;
    data.applicants.push_back(a);
  };
  starter("2024-02-01", "2025-01-01");  // 364 days before 2025-12-31: in the window
  starter("2024-02-01", "2024-12-31");  // 365 days before: outside
  starter("2024-02-01", "2025-12-31");  // on the headcount's date: in
  starter("2024-02-01", "");            // still in post
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-12-31"));
  const WorkforceRow& row = report.services[0];
  CHECK(row.leavers_from == LeaversFrom::kTracker);
  CHECK(row.leavers == 2);
  CHECK(row.turnover.value == 0.25);  // 2 / 8
  CHECK(report.total.leavers_from == LeaversFrom::kTracker);
}

TEST_CASE("leavers are unknown when the tracker holds no starter of the service") {
  Dataset data;
  data.sources = {source(1, "Referral", Channel::kStaffReferral)};
  data.services = {service(10, "Meadow House", ServiceType::kResidential)};
  data.headcounts = {headcount(10, "2025-12-31", 8, 2, std::nullopt)};
  data.applicants = {person(1, "2025-01-01")};  // an applicant, not a starter
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-12-31"));
  CHECK(report.services[0].leavers_from == LeaversFrom::kUnknown);
  CHECK(report.services[0].turnover.reason == Reason::kLeaversUnknown);
}

TEST_CASE("a headcount for the whole provider is the total when no service has one") {
  Dataset data;
  data.sources = {source(1, "Referral", Channel::kStaffReferral)};
  data.headcounts = {headcount(std::nullopt, "2025-03-01", 40, 4, 12)};
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-03-31"));
  CHECK(report.services.empty());
  CHECK(report.total_basis == TotalBasis::kProviderSnapshot);
  CHECK(report.total.turnover.value == 0.3);
  CHECK(*report.total.vacancy_rate.value == doctest::Approx(4.0 / 44.0));
}

TEST_CASE("no headcount at all gives no rates") {
  const Dataset data = worked_example();
  const WorkforceReport report = workforce_report(data.view(), as_of("2025-03-31"));
  CHECK(report.total_basis == TotalBasis::kNone);
  CHECK(report.total.turnover.reason == Reason::kNoSnapshot);
  CHECK(report.total.vacancy_rate.reason == Reason::kNoSnapshot);
}

TEST_CASE("the benchmark table carries the seeds' and the reference's figures with sources") {
  const auto find = [](std::string_view id) -> const Benchmark& {
    for (const Benchmark& b : benchmark_table()) {
      if (b.id == id) return b;
    }
    FAIL("no benchmark " << std::string(id));
    throw;
  };
  CHECK(find("turnover_leicestershire").value == 0.323);
  CHECK(find("turnover_uk_2018_19").value == 0.308);
  CHECK(find("turnover_home_care_leicestershire").value == 0.504);
  CHECK(find("turnover_residential_leicestershire").value == 0.332);
  CHECK(find("turnover_supported_living_leicestershire").value == 0.133);
  CHECK(find("turnover_england_2024_25").value == 0.231);
  CHECK(find("vacancy_england_2024_25").value == 0.070);
  for (const Benchmark& b : benchmark_table()) {
    CAPTURE(std::string(b.id));
    CHECK_FALSE(b.source.empty());
    CHECK_FALSE(b.label.empty());
  }
}
