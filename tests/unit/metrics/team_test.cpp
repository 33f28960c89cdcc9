// Team KPIs across providers: pooling, and withholding any figure that stands on fewer than 3.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "metrics/team.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
using caretoolkit::Pence;

namespace {

const TeamChannelRow& channel_row(const TeamKpis& kpis, Channel channel) {
  return kpis.channels[static_cast<std::size_t>(channel)];
}

HeadcountSnapshot provider_headcount(int staff, int vacancies, std::optional<int> leavers) {
  HeadcountSnapshot h;
  h.date = day("2025-03-31");
  h.staff = staff;
  h.vacancies = vacancies;
  h.leavers = leavers;
  return h;
}

}  // namespace

TEST_CASE("figures standing on fewer than 3 providers are withheld, not 0") {
  const Dataset a = worked_example();
  const Dataset b = worked_example();
  const std::vector<TrackerData> two = {a.view(), b.view()};
  const TeamKpis kpis = team_kpis(two, worked_options());
  CHECK(kpis.providers == 2);
  CHECK_FALSE(kpis.applicants.figure.has_value());
  CHECK(kpis.applicants.figure.reason == Reason::kWithheld);
  CHECK(kpis.applicants.providers == 2);
  CHECK(kpis.cost_per_hire.figure.reason == Reason::kWithheld);
  CHECK(kpis.retention[2].figure.reason == Reason::kWithheld);
  CHECK(channel_row(kpis, Channel::kJobBoard).cost_per_hire.figure.reason == Reason::kWithheld);
  // Neither has a headcount: that is the reason, with nothing to withhold.
  CHECK(kpis.workforce.turnover.providers == 0);
  CHECK(kpis.workforce.turnover.figure.reason == Reason::kNoSnapshot);
}

TEST_CASE("three providers' figures are pooled") {
  const Dataset a = worked_example();
  const std::vector<TrackerData> three = {a.view(), a.view(), a.view()};
  const TeamKpis kpis = team_kpis(three, worked_options());
  // Three copies of the worked example: 42 applicants, 15 starters, £6,000 of spend.
  CHECK(kpis.applicants.figure.value == 42);
  CHECK(kpis.applicants.providers == 3);
  CHECK(kpis.interviewed.figure.value == 21);
  CHECK(kpis.offered.figure.value == 15);
  CHECK(kpis.starters.figure.value == 15);
  CHECK(kpis.early_leavers.figure.value == 6);
  CHECK(*kpis.applied_to_started.figure.value == doctest::Approx(15.0 / 42.0));
  CHECK(kpis.spend.figure.value == Pence{600'000});
  CHECK(kpis.cost_per_hire.figure.value == Pence{40'000});  // 600,000 / 15
  // Retained at 12 months: 2 of 5 per provider -> 6 / 15.
  CHECK(*kpis.retention[2].figure.value == doctest::Approx(0.4));

  const TeamChannelRow& job_board = channel_row(kpis, Channel::kJobBoard);
  CHECK(job_board.applicants.figure.value == 30);
  CHECK(job_board.starters.figure.value == 6);
  CHECK(job_board.spend.figure.value == Pence{450'000});
  CHECK(job_board.cost_per_hire.figure.value == Pence{75'000});
  const TeamChannelRow& referral = channel_row(kpis, Channel::kStaffReferral);
  CHECK(referral.cost_per_hire.figure.value == Pence{16'667});  // 150,000 / 9
  // Nobody used an agency: no provider stands behind the figures, so none is picked out by
  // them and they say what they are: no applicants, and no starters to divide by.
  const TeamChannelRow& agency = channel_row(kpis, Channel::kAgency);
  CHECK(agency.applicants.providers == 0);
  CHECK(agency.applicants.figure.value == 0);
  CHECK(agency.cost_per_hire.figure.reason == Reason::kNoHires);
}

TEST_CASE("a channel used by only two of three providers is withheld while the totals show") {
  const Dataset a = worked_example();
  Dataset no_job_board = worked_example();
  std::erase_if(no_job_board.applicants,
                [](const Applicant& applicant) { return applicant.source_id == kJobBoard; });
  std::erase_if(no_job_board.spend, [](const SpendEntry& e) { return e.source_id == kJobBoard; });
  const std::vector<TrackerData> three = {a.view(), a.view(), no_job_board.view()};
  const TeamKpis kpis = team_kpis(three, worked_options());
  CHECK(kpis.applicants.figure.value == 32);  // 14 + 14 + 4
  CHECK(channel_row(kpis, Channel::kJobBoard).applicants.providers == 2);
  CHECK(channel_row(kpis, Channel::kJobBoard).applicants.figure.reason == Reason::kWithheld);
  CHECK(channel_row(kpis, Channel::kJobBoard).cost_per_hire.figure.reason == Reason::kWithheld);
  CHECK(channel_row(kpis, Channel::kStaffReferral).cost_per_hire.figure.value == Pence{16'667});
}

TEST_CASE("a provider with spend but no applicants stands behind the cohort's figures") {
  const Dataset a = worked_example();
  Dataset spend_only = worked_example();
  spend_only.applicants.clear();
  const std::vector<TrackerData> three = {a.view(), a.view(), spend_only.view()};
  const TeamKpis kpis = team_kpis(three, worked_options());
  CHECK(kpis.applicants.providers == 3);
  CHECK(kpis.applicants.figure.value == 28);
  // 3 x 200,000 of spend over 10 starters.
  CHECK(kpis.cost_per_hire.figure.value == Pence{60'000});
  // Retention stands only on the providers with starters to judge.
  CHECK(kpis.retention[2].providers == 2);
  CHECK(kpis.retention[2].figure.reason == Reason::kWithheld);
}

TEST_CASE("team turnover pools leavers over staff and leaves out providers without a value") {
  // 12 / 40, 10 / 20 and 3 / 30 pooled: 25 / 90 = 0.2778 (the mean of the rates would be 0.3).
  // A fourth provider has no leavers count and no tracker starters: left out of the pool.
  std::vector<Dataset> sets(4);
  sets[0].headcounts = {provider_headcount(40, 4, 12)};
  sets[1].headcounts = {provider_headcount(20, 0, 10)};
  sets[2].headcounts = {provider_headcount(30, 6, 3)};
  sets[3].headcounts = {provider_headcount(100, 0, std::nullopt)};
  std::vector<TrackerData> views;
  views.reserve(sets.size());
  for (const Dataset& d : sets) views.push_back(d.view());
  const TeamKpis kpis = team_kpis(views, worked_options());
  CHECK(kpis.workforce.turnover.providers == 3);
  CHECK(*kpis.workforce.turnover.figure.value == doctest::Approx(25.0 / 90.0));
  // All four have a vacancy rate, 0 vacancies being a rate of 0: (4 + 0 + 6 + 0) /
  // (44 + 20 + 36 + 100) = 10 / 200.
  CHECK(kpis.workforce.vacancy_rate.providers == 4);
  CHECK(*kpis.workforce.vacancy_rate.figure.value == doctest::Approx(0.05));
  CHECK(kpis.workforce.turnover_benchmarks.front().benchmark->id == "turnover_leicestershire");
  CHECK(*kpis.workforce.turnover_benchmarks.front().difference ==
        doctest::Approx(25.0 / 90.0 - 0.323));
  CHECK(kpis.workforce.turnover.numerator == 25);
  CHECK(kpis.workforce.turnover.denominator == 90);
  CHECK(kpis.workforce.vacancy_rate.numerator == 10);
  CHECK(kpis.workforce.vacancy_rate.denominator == 200);
  // No headcount is recorded per service, so no service type has figures, and that is the reason
  // given: there is nothing to withhold.
  for (const TeamWorkforceRow& row : kpis.workforce_by_service_type) {
    CHECK(row.turnover.figure.reason == Reason::kNoSnapshot);
    CHECK(row.turnover.providers == 0);
  }
  // Nobody applied anywhere: 0 applicants, and no rate of them.
  CHECK(kpis.applicants.figure.value == 0);
  CHECK(kpis.applied_to_started.figure.reason == Reason::kNoApplicants);
}

TEST_CASE("a team rate nobody can be judged on yet says so instead of withheld") {
  // As of 30 June 2025 each provider's five starters (1 February to 10 March) have all been in
  // post 91 days, 3 of them still there; none has been in post 182 days.
  const Dataset a = worked_example();
  const std::vector<TrackerData> three = {a.view(), a.view(), a.view()};
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  const TeamKpis kpis = team_kpis(three, options);
  CHECK(kpis.retention[0].providers == 3);
  CHECK(*kpis.retention[0].figure.value == doctest::Approx(0.6));
  CHECK(kpis.retention[0].numerator == 9);
  CHECK(kpis.retention[0].denominator == 15);
  for (const std::size_t i : {1U, 2U}) {
    CHECK(kpis.retention[i].providers == 0);
    CHECK(kpis.retention[i].figure.reason == Reason::kTooEarly);
    CHECK_FALSE(kpis.retention[i].numerator.has_value());
  }
  CHECK(kpis.applied_to_started.numerator == 15);
  CHECK(kpis.applied_to_started.denominator == 42);
}

TEST_CASE("a withheld team rate carries no counts that would give it away") {
  const Dataset a = worked_example();
  const std::vector<TrackerData> two = {a.view(), a.view()};
  const TeamKpis kpis = team_kpis(two, worked_options());
  CHECK(kpis.retention[2].figure.reason == Reason::kWithheld);
  CHECK_FALSE(kpis.retention[2].numerator.has_value());
  CHECK_FALSE(kpis.retention[2].denominator.has_value());
  CHECK_FALSE(kpis.applied_to_started.numerator.has_value());
}

TEST_CASE("team turnover by service type counts a provider with two such services once") {
  std::vector<Dataset> sets(3);
  for (std::size_t p = 0; p < sets.size(); ++p) {
    Dataset& d = sets[p];
    for (Id id : {10, 11}) {
      Service s;
      s.id = id;
      s.name = "Home " + std::to_string(id);
      s.type = ServiceType::kHomeCare;
      d.services.push_back(s);
      HeadcountSnapshot h = provider_headcount(10, 1, static_cast<int>(p) + 1);
      h.service_id = id;
      d.headcounts.push_back(h);
    }
  }
  std::vector<TrackerData> views;
  views.reserve(sets.size());
  for (const Dataset& d : sets) views.push_back(d.view());
  const TeamKpis kpis = team_kpis(views, worked_options());
  const TeamWorkforceRow& home =
      kpis.workforce_by_service_type[static_cast<std::size_t>(ServiceType::kHomeCare)];
  // Leavers (1 + 1) + (2 + 2) + (3 + 3) = 12 over 6 x 10 staff = 0.2; vacancies 6 / 66.
  CHECK(home.turnover.providers == 3);
  CHECK(*home.turnover.figure.value == doctest::Approx(0.2));
  CHECK(*home.vacancy_rate.figure.value == doctest::Approx(6.0 / 66.0));
  CHECK(home.turnover_benchmarks.front().benchmark->id == "turnover_home_care_leicestershire");
  CHECK(*kpis.workforce.turnover.figure.value == doctest::Approx(0.2));
}
