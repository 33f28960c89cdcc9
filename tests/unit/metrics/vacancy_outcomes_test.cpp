// Advert to outcome: each advert version's figures, the score bands, and the team's bands.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "metrics/report_json.hpp"
#include "metrics/vacancy_outcomes.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
using caretoolkit::tracker::AdvertVersionRow;
using caretoolkit::tracker::VacancyDayCount;

namespace {

constexpr Id kPage = 2;  // the vacancy page source
constexpr Id kCareWorker = 10;
constexpr Id kSeniorCarer = 20;

AdvertVersionRow version(Id vacancy, int number, int score, std::string_view from,
                         std::string_view to) {
  return AdvertVersionRow{.provider_id = 1,
                          .vacancy_id = vacancy,
                          .version = number,
                          .score = score,
                          .category_scores = R"({"engaging": 60, "essentials": 80})",
                          .rules_version = "2026.1",
                          .live_from = day(from),
                          .live_to = maybe_day(to)};
}

VacancyDayCount counted(Id vacancy, int number, std::string_view on, std::int64_t views,
                        std::int64_t clicks) {
  return VacancyDayCount{.provider_id = 1,
                         .vacancy_id = vacancy,
                         .version = number,
                         .day = day(on),
                         .views = views,
                         .apply_clicks = clicks};
}

Applicant applied_to(Id vacancy, Applicant applicant) {
  applicant.vacancy_id = vacancy;
  return applicant;
}

Vacancy vacancy(Id id, std::string role, std::string_view opened) {
  Vacancy v;
  v.id = id;
  v.provider_id = 1;
  v.role = std::move(role);
  v.opened_on = day(opened);
  return v;
}

// Care worker (opened 2025-01-01): version 1 scored 45, live 01-01 to 01-31 (31 days); version 2
// scored 88, live from 01-31 to the as-of date 06-30 (151 days). Senior carer (opened 02-01):
// version 1 scored 72, live 02-01 to 02-28 (28 days), then closed.
struct Example {
  Dataset data;
  std::vector<AdvertVersionRow> versions = {
      version(kCareWorker, 1, 45, "2025-01-01", "2025-01-31"),
      version(kCareWorker, 2, 88, "2025-01-31", ""),
      version(kSeniorCarer, 1, 72, "2025-02-01", "2025-02-28")};
  std::vector<VacancyDayCount> counts = {
      counted(kCareWorker, 1, "2025-01-10", 30, 5), counted(kCareWorker, 1, "2025-01-31", 10, 1),
      counted(kCareWorker, 2, "2025-01-31", 20, 4), counted(kCareWorker, 2, "2025-03-01", 50, 10),
      counted(kSeniorCarer, 1, "2025-02-10", 40, 8)};

  Example() {
    data.sources = {source(kReferral, "Referral", Channel::kStaffReferral),
                    source(kPage, "Toolkit vacancy page", Channel::kOwnWebsite)};
    data.vacancies = {vacancy(kCareWorker, "Care worker", "2025-01-01"),
                      vacancy(kSeniorCarer, "Senior carer", "2025-02-01")};
    data.applicants = {
        // Version 1 of Care worker: started 01-20 (19 days after opening), in post 161 days.
        applied_to(kCareWorker,
                   person(kPage, "2025-01-10", "2025-01-12", "2025-01-15", "2025-01-20")),
        // 01-31 had two versions live: the later one, version 2, takes these.
        applied_to(kCareWorker,
                   person(kReferral, "2025-01-31", "2025-02-05", "", "", "", Outcome::kRejected)),
        // Started 04-15: 76 days by the as-of date, too recent to judge at 91.
        applied_to(kCareWorker,
                   person(kPage, "2025-03-01", "2025-03-05", "2025-03-10", "2025-04-15")),
        applied_to(kCareWorker, person(kPage, "2025-03-02")),
        // Senior carer: started 02-21 (20 days after opening), left 04-01, judged and not kept.
        applied_to(kSeniorCarer, person(kReferral, "2025-02-10", "2025-02-12", "2025-02-14",
                                        "2025-02-21", "2025-04-01")),
        // After closing: the last version live.
        applied_to(kSeniorCarer, person(kPage, "2025-03-05")),
        // No vacancy: in no version.
        person(kReferral, "2025-02-01")};
  }

  VacancyOutcomes report() const {
    ReportOptions options;
    options.from = day("2025-01-01");
    options.to = day("2025-06-30");
    return vacancy_outcomes(data.view(), {versions, counts}, options);
  }
};

}  // namespace

TEST_CASE("each advert version counts its own views and clicks and the applicants of its days") {
  const VacancyOutcomes report = Example().report();
  REQUIRE(report.versions.size() == 3);

  const VersionOutcome& first = report.versions[0];
  CHECK(first.vacancy_id == kCareWorker);
  CHECK(first.role == "Care worker");
  CHECK(first.version == 1);
  CHECK(first.score == 45);
  CHECK(first.outcome.views == 40);
  CHECK(first.outcome.apply_clicks == 6);
  CHECK(first.outcome.days_open == 31);
  CHECK(first.outcome.counts.applicants == 1);
  CHECK(first.outcome.from_vacancy_page == 1);
  CHECK(first.outcome.counts.started == 1);
  CHECK(*first.applicants_per_week.value == doctest::Approx(7.0 / 31.0));

  const VersionOutcome& second = report.versions[1];
  CHECK(second.version == 2);
  CHECK(second.outcome.views == 70);
  CHECK(second.outcome.apply_clicks == 14);
  CHECK(second.outcome.days_open == 151);
  CHECK(second.outcome.counts.applicants == 3);
  CHECK(second.outcome.from_vacancy_page == 2);
  CHECK(second.outcome.counts.interviewed == 2);
  CHECK(second.outcome.counts.offered == 1);
  CHECK(second.outcome.counts.started == 1);

  const VersionOutcome& senior = report.versions[2];
  CHECK(senior.vacancy_id == kSeniorCarer);
  CHECK(senior.outcome.views == 40);
  CHECK(senior.outcome.days_open == 28);
  CHECK(senior.outcome.counts.applicants == 2);
  CHECK(senior.outcome.from_vacancy_page == 1);
  CHECK(*senior.applicants_per_week.value == doctest::Approx(0.5));
}

TEST_CASE("starters are judged at 3 months only once in post that long") {
  const VacancyOutcomes report = Example().report();
  REQUIRE(report.versions.size() == 3);
  // In post 161 days: kept at 91, too recent at 182.
  CHECK(report.versions[0].retention[0].eligible == 1);
  CHECK(report.versions[0].retention[0].retained == 1);
  CHECK(report.versions[0].retention[1].too_recent == 1);
  // In post 76 days: not judged, so no rate yet.
  CHECK(report.versions[1].retention[0].eligible == 0);
  CHECK(report.versions[1].retention[0].too_recent == 1);
  CHECK(report.versions[1].retention[0].rate.reason == Reason::kTooEarly);
  // Left after 39 days, judged 129 days after starting: not kept.
  CHECK(report.versions[2].retention[0].eligible == 1);
  CHECK(report.versions[2].retention[0].retained == 0);
  CHECK(*report.versions[2].retention[0].rate.value == 0.0);
}

TEST_CASE("days to fill run from the vacancy opening to its first start") {
  const VacancyOutcomes report = Example().report();
  REQUIRE(report.versions.size() == 3);
  CHECK(*report.versions[0].days_to_fill.value == 19.0);
  CHECK(*report.versions[1].days_to_fill.value == 19.0);
  CHECK(*report.versions[2].days_to_fill.value == 20.0);
}

TEST_CASE("a vacancy nobody has started in has no days to fill") {
  Example example;
  example.data.applicants.resize(2);  // the first starter and the rejected applicant
  example.data.applicants[0].interviewed_on.reset();
  example.data.applicants[0].offered_on.reset();
  example.data.applicants[0].started_on.reset();
  const VacancyOutcomes report = example.report();
  CHECK(report.versions[0].days_to_fill.reason == Reason::kNoHires);
}

TEST_CASE("scores fall in the bands under 50 and 50 to 69 and 70 to 84 and 85 and over") {
  CHECK(score_band(0) == 0);
  CHECK(score_band(49) == 0);
  CHECK(score_band(50) == 1);
  CHECK(score_band(69) == 1);
  CHECK(score_band(70) == 2);
  CHECK(score_band(84) == 2);
  CHECK(score_band(85) == 3);
  CHECK(score_band(100) == 3);
}

TEST_CASE("the bands add up their versions with applicants per week and retained per 100") {
  const VacancyOutcomes report = Example().report();
  const BandOutcome& under_50 = report.bands[0];
  CHECK(under_50.versions == 1);
  CHECK(under_50.outcome.counts.applicants == 1);
  CHECK(*under_50.retained_per_100[0].value == 100.0);
  const BandOutcome& empty = report.bands[1];
  CHECK(empty.versions == 0);
  CHECK(empty.applicants_per_week.reason == Reason::kNoApplicants);
  CHECK(empty.retained_per_100[0].reason == Reason::kNoApplicants);
  const BandOutcome& seventy = report.bands[2];
  CHECK(*seventy.applicants_per_week.value == doctest::Approx(0.5));
  CHECK(*seventy.retained_per_100[0].value == 0.0);  // 0 kept of 2 applicants
  const BandOutcome& top = report.bands[3];
  CHECK(top.outcome.counts.applicants == 3);
  CHECK(*top.applicants_per_week.value == doctest::Approx(21.0 / 151.0));
  CHECK(top.retained_per_100[0].reason == Reason::kTooEarly);  // its starter is too recent
}

TEST_CASE("a period leaves out the versions and counts outside it") {
  Example example;
  ReportOptions options;
  options.from = day("2025-03-01");
  options.to = day("2025-06-30");
  const VacancyOutcomes report =
      vacancy_outcomes(example.data.view(), {example.versions, example.counts}, options);
  REQUIRE(report.versions.size() == 2);  // Senior carer closed on 02-28 but its applicant came
  CHECK(report.versions[0].version == 2);
  CHECK(report.versions[0].outcome.views == 50);
  CHECK(report.versions[0].outcome.days_open == 122);
  CHECK(report.versions[0].outcome.counts.applicants == 2);
  CHECK(report.versions[1].vacancy_id == kSeniorCarer);
  CHECK(report.versions[1].outcome.days_open == 0);
  CHECK(report.versions[1].outcome.counts.applicants == 1);
}

TEST_CASE("the JSON gives each version's category scores as an object and states the limits") {
  const auto json = to_json(Example().report()).as_object();
  CHECK(json.at("report").as_string() == "vacancies");
  CHECK(json.at("limits").as_string() == kAdvertOutcomeLimits);
  const auto& first = json.at("versions").as_array()[0].as_object();
  CHECK(first.at("category_scores").as_object().at("engaging").as_int64() == 60);
  CHECK(first.at("score_band").as_string() == "under_50");
  CHECK(first.at("views").as_int64() == 40);
  CHECK(first.at("retention").as_array()[0].as_object().at("retained").as_int64() == 1);
  CHECK(category_scores_words(R"({"engaging": 60, "essentials": 80})") ==
        "engaging 60, essentials 80");
}

namespace {

// A member with one version in each listed band: 10 applicants and 2 starters kept at 91 days.
VacancyOutcomes member_in(std::initializer_list<std::size_t> bands) {
  VacancyOutcomes member;
  for (const std::size_t b : bands) {
    BandOutcome& band = member.bands[b];
    band.versions = 1;
    band.outcome.views = 100;
    band.outcome.days_open = 70;
    band.outcome.counts.applicants = 10;
    band.outcome.counts.started = 2;
    band.outcome.counts.eligible = {2, 0, 0};
    band.outcome.counts.retained = {2, 0, 0};
  }
  return member;
}

}  // namespace

TEST_CASE("the team bands withhold a figure behind fewer than 3 providers") {
  const std::vector<VacancyOutcomes> members = {member_in({0, 3}), member_in({0, 3}),
                                                member_in({3})};
  ReportOptions options;
  options.from = day("2025-01-01");
  options.to = day("2025-06-30");
  const TeamVacancyBands team = team_vacancy_bands(members, options);
  CHECK(team.providers == 3);
  // Under 50: two providers, so every figure is withheld.
  CHECK(team.bands[0].applicants.providers == 2);
  CHECK(team.bands[0].applicants.figure.reason == Reason::kWithheld);
  CHECK(team.bands[0].retention[0].figure.reason == Reason::kWithheld);
  CHECK(team.bands[0].applicants_per_week.figure.reason == Reason::kWithheld);
  // 85 and over: three providers, pooled: 30 applicants over 210 days, 6 of 6 kept.
  CHECK(*team.bands[3].applicants.figure.value == 30);
  CHECK(*team.bands[3].views.figure.value == 300);
  CHECK(*team.bands[3].applicants_per_week.figure.value == doctest::Approx(1.0));
  CHECK(*team.bands[3].retention[0].figure.value == 1.0);
  CHECK(*team.bands[3].retained_per_100[0].figure.value == doctest::Approx(20.0));
  // 50 to 69: nobody, so nothing is withheld and nothing is counted.
  CHECK(team.bands[1].applicants.providers == 0);
  CHECK(*team.bands[1].applicants.figure.value == 0);
}
