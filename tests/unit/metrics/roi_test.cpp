// Costs, return on investment and the next-pound ranking, on the worked example and on a
// constructed set of sources with enough hires to rank.
#include <doctest/doctest.h>

#include <cstdint>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "metrics/roi.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
using caretoolkit::Pence;

TEST_CASE("costs of the worked example by source") {
  const Dataset data = worked_example();
  const RoiReport report = roi_report(data.view(), worked_options());
  REQUIRE(report.groups.size() == 2);

  const CostRow& referral = report.groups[1];
  CHECK(referral.group.name == "Referral");
  CHECK(referral.spend.value == Pence{50'000});
  CHECK(referral.applicants == 4);
  CHECK(referral.starters == 3);
  CHECK(referral.cost_per_applicant.value == Pence{12'500});  // 50,000 / 4
  CHECK(referral.cost_per_hire.value == Pence{16'667});       // 50,000 / 3 = 16,666.67
  CHECK(referral.retention[2].eligible == 3);
  CHECK(referral.retention[2].retained == 2);
  CHECK(referral.cost_per_retained_hire[2].value == Pence{25'000});  // 50,000 / 2
  CHECK(referral.cost_per_retained_hire[0].value == Pence{25'000});  // also 2 retained at 91

  const CostRow& job_board = report.groups[0];
  CHECK(job_board.spend.value == Pence{150'000});  // £1,200 + £300
  CHECK(job_board.cost_per_applicant.value == Pence{15'000});
  CHECK(job_board.cost_per_hire.value == Pence{75'000});  // 150,000 / 2
  CHECK(job_board.retention[2].retained == 0);
  CHECK_FALSE(job_board.cost_per_retained_hire[2].has_value());
  CHECK(job_board.cost_per_retained_hire[2].reason == Reason::kNoRetainedHires);
  CHECK(job_board.cost_per_retained_hire[1].value == Pence{150'000});  // 1 retained at 182

  // Total: 200,000 over 14 applicants = 14,285.71 -> 14,286; over 5 starters = 40,000; over 2
  // retained at 12 months = 100,000.
  CHECK(report.total.spend.value == Pence{200'000});
  CHECK(report.total.cost_per_applicant.value == Pence{14'286});
  CHECK(report.total.cost_per_hire.value == Pence{40'000});
  CHECK(report.total.cost_per_retained_hire[2].value == Pence{100'000});
}

TEST_CASE("spend outside the period is not counted") {
  Dataset data = worked_example();
  data.spend.push_back(spend(kReferral, "2024-12-31", 99'999));
  data.spend.push_back(spend(kReferral, "2025-04-01", 99'999));
  const RoiReport report = roi_report(data.view(), worked_options());
  CHECK(report.groups[1].spend.value == Pence{50'000});
}

TEST_CASE("spend is not attributable by service or month but the total has it") {
  const Dataset data = worked_example();
  for (const Grouping by : {Grouping::kMonth, Grouping::kService, Grouping::kVacancy}) {
    const RoiReport report = roi_report(data.view(), worked_options(by));
    for (const CostRow& row : report.groups) {
      CHECK(row.spend.reason == Reason::kSpendNotAttributable);
      CHECK(row.cost_per_hire.reason == Reason::kSpendNotAttributable);
      CHECK(row.cost_per_retained_hire[2].reason == Reason::kSpendNotAttributable);
    }
    CHECK(report.total.cost_per_hire.value == Pence{40'000});
  }
  const RoiReport by_month = roi_report(data.view(), worked_options(Grouping::kMonth));
  CHECK(by_month.groups.size() == 3);
  CHECK(by_month.groups[0].starters == 4);  // January's applicants: R1, R2, J1, J2
}

TEST_CASE("costs by channel add up the channel's sources") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Indeed", Channel::kJobBoard));
  data.spend.push_back(spend(3, "2025-03-01", 50'000));
  data.applicants.push_back(person(3, "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-10"));
  const RoiReport report = roi_report(data.view(), worked_options(Grouping::kChannel));
  REQUIRE(report.groups.size() == 2);
  CHECK(report.groups[0].group.channel == Channel::kJobBoard);
  CHECK(report.groups[0].spend.value == Pence{200'000});
  CHECK(report.groups[0].cost_per_hire.value == Pence{66'667});  // 200,000 / 3
}

TEST_CASE("return on investment of the worked example's sources") {
  const Dataset data = worked_example();
  const RoiReport report = roi_report(data.view(), worked_options());
  REQUIRE(report.sources.size() == 2);

  // Referral: S(365) = 2/3 (one of three left, at 45 days); expected stayers 3 x 2/3 = 2;
  // benefit 2 x 360,000 = 720,000; ROI (720,000 - 50,000) / 50,000 = 13.4; 25,000 per stayer.
  const SourceReturn& referral = report.sources[1];
  CHECK(referral.source.name == "Referral");
  CHECK(referral.starters == 3);
  CHECK(referral.starters_observed == 3);
  CHECK(*referral.survival_365.value == doctest::Approx(2.0 / 3.0));
  CHECK(*referral.expected_stayers.value == doctest::Approx(2.0));
  CHECK(referral.benefit.value == Pence{720'000});
  CHECK(*referral.roi.value == doctest::Approx(13.4));
  CHECK(referral.cost_per_expected_stayer.value == Pence{25'000});
  CHECK(referral.too_few_hires);

  // Job board: both starters left within a year, S(365) = 0: nothing expected to stay, so the
  // whole £1,500 is lost (ROI -1) and there is no cost per stayer.
  const SourceReturn& job_board = report.sources[0];
  CHECK(job_board.survival_365.value == 0.0);
  CHECK(job_board.expected_stayers.value == 0.0);
  CHECK(job_board.benefit.value == Pence{0});
  CHECK(job_board.roi.value == -1.0);
  CHECK(job_board.cost_per_expected_stayer.reason == Reason::kNoExpectedStayers);

  // Both have fewer than 5 starters: nothing is ranked, both are listed apart.
  CHECK(report.ranked.empty());
  CHECK(report.too_few_hires == std::vector<std::size_t>{0, 1});
}

TEST_CASE("the replacement cost is configurable") {
  const Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.replacement_cost = Pence{787'038};  // JRF's £7,870.38
  const RoiReport report = roi_report(data.view(), options);
  // 2 expected stayers x 787,038 = 1,574,076; ROI (1,574,076 - 50,000) / 50,000 = 30.48152
  CHECK(report.sources[1].benefit.value == Pence{1'574'076});
  CHECK(*report.sources[1].roi.value == doctest::Approx(30.48152));
}

TEST_CASE("the source's curve uses every starter up to as_of, not only the period's") {
  Dataset data = worked_example();
  // A 2024 Referral starter who left after 100 days. Curve: 45 (4 at risk) -> 3/4, 100 (3 at risk)
  // -> 3/4 x 2/3 = 1/2. Expected stayers = the period's 3 starters x 1/2 = 1.5.
  data.applicants.push_back(
      person(kReferral, "2024-05-01", "2024-05-02", "2024-05-03", "2024-06-01", "2024-09-09"));
  const RoiReport report = roi_report(data.view(), worked_options());
  const SourceReturn& referral = report.sources[1];
  CHECK(referral.starters == 3);
  CHECK(referral.starters_observed == 4);
  CHECK(*referral.survival_365.value == doctest::Approx(0.5));
  CHECK(*referral.expected_stayers.value == doctest::Approx(1.5));
  CHECK(referral.benefit.value == Pence{540'000});
  CHECK(referral.cost_per_expected_stayer.value == Pence{33'333});  // 50,000 / 1.5
}

TEST_CASE("where the next pound goes ranks by cost per expected stayer") {
  Dataset data;
  data.sources = {
      source(1, "Agency", Channel::kAgency), source(2, "Facebook", Channel::kSocialMedia),
      source(3, "Jobcentre", Channel::kJobcentrePlus),
      source(4, "Referral", Channel::kStaffReferral), source(5, "Website", Channel::kOwnWebsite)};
  data.spend = {spend(1, "2025-01-01", 500'000), spend(2, "2025-01-01", 100'000),
                spend(4, "2025-01-01", 20'000), spend(5, "2025-01-01", 10'000)};
  add_starters(data, 1, 10, 5);  // S = 1/2, 5 expected stayers: 500,000 / 5 = 100,000
  add_starters(data, 2, 5, 1);   // S = 4/5, 4 expected stayers: 100,000 / 4 = 25,000
  add_starters(data, 3, 6, 0);   // no spend: 0 per stayer, ROI has no value
  add_starters(data, 4, 4, 0);   // 4 starters: too few to judge, however cheap
  add_starters(data, 5, 5, 5);   // everyone left: no expected stayers, ranked last

  const RoiReport report = roi_report(data.view(), worked_options());
  REQUIRE(report.sources.size() == 5);
  // Ranked: Jobcentre (0), Facebook (25,000), Agency (100,000), Website (no value).
  CHECK(report.ranked == std::vector<std::size_t>{2, 1, 0, 4});
  CHECK(report.too_few_hires == std::vector<std::size_t>{3});

  CHECK(report.sources[2].cost_per_expected_stayer.value == Pence{0});
  CHECK(report.sources[2].roi.reason == Reason::kNoSpend);
  CHECK(report.sources[1].cost_per_expected_stayer.value == Pence{25'000});
  // Facebook: benefit 4 x 360,000 = 1,440,000; ROI (1,440,000 - 100,000) / 100,000 = 13.4
  CHECK(*report.sources[1].roi.value == doctest::Approx(13.4));
  CHECK(report.sources[0].cost_per_expected_stayer.value == Pence{100'000});
  // Agency: benefit 5 x 360,000 = 1,800,000; ROI (1,800,000 - 500,000) / 500,000 = 2.6
  CHECK(*report.sources[0].roi.value == doctest::Approx(2.6));
  CHECK(report.sources[4].cost_per_expected_stayer.reason == Reason::kNoExpectedStayers);
  CHECK(report.sources[4].roi.value == -1.0);
  CHECK(report.sources[3].too_few_hires);
  CHECK(report.sources[3].starters == 4);
}

TEST_CASE("a source judged too early has no return and is ranked after those with one") {
  Dataset data;
  data.sources = {source(1, "New fair", Channel::kCareersEvent),
                  source(2, "Old board", Channel::kJobBoard)};
  data.spend = {spend(1, "2025-01-01", 10'000), spend(2, "2025-01-01", 60'000)};
  add_starters(data, 2, 6, 0);
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  // Both observed for 149 days only: S(365) unknown for both.
  add_starters(data, 1, 5, 0);
  const RoiReport report = roi_report(data.view(), options);
  CHECK(report.sources[0].survival_365.reason == Reason::kTooEarly);
  CHECK(report.sources[0].roi.reason == Reason::kTooEarly);
  CHECK(report.sources[0].benefit.reason == Reason::kTooEarly);
  CHECK(report.ranked == std::vector<std::size_t>{0, 1});  // no values: the sources' own order
}

TEST_CASE("a source with spend and no starters has no return and says it had no starters") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Radio", Channel::kOther));
  data.spend.push_back(spend(3, "2025-02-01", 40'000));
  data.applicants.push_back(person(3, "2025-02-02", "", "", "", "", Outcome::kRejected));
  const RoiReport report = roi_report(data.view(), worked_options());
  REQUIRE(report.sources.size() == 3);
  const SourceReturn& radio = report.sources[1];  // Job board, Radio, Referral
  CHECK(radio.source.name == "Radio");
  CHECK(radio.starters == 0);
  CHECK(radio.expected_stayers.value == 0.0);
  // Not (0 - 40,000) / 40,000 = -100 %: nobody was hired to judge a return on.
  CHECK_FALSE(radio.roi.has_value());
  CHECK(radio.roi.reason == Reason::kNoStarters);
  CHECK(to_string(radio.roi.reason) == "no_starters");
  // Its other figures wait on no mark either: it has no starters.
  CHECK(radio.survival_365.reason == Reason::kNoHires);
  const CostRow& costs = report.groups[1];
  CHECK(costs.spend.value == Pence{40'000});
  CHECK(costs.cost_per_hire.reason == Reason::kNoHires);
  CHECK(costs.cost_per_retained_hire[0].reason == Reason::kNoHires);
  CHECK(costs.cost_per_retained_hire[2].reason == Reason::kNoHires);
}

TEST_CASE("return on investment at the money bounds is exact") {
  // Five starters on 2025-01-10, all in post a year later, £10 billion of spend each and a
  // £10 billion replacement cost: benefit 5 x 1,000,000,000,000 = 5,000,000,000,000 pence, equal
  // to the spend, so the ROI is 0 and each expected stayer costs 1,000,000,000,000.
  Dataset data;
  data.sources = {source(kReferral, "Agency", Channel::kAgency)};
  for (int i = 0; i < 5; ++i) {
    data.applicants.push_back(
        person(kReferral, "2025-01-02", "2025-01-03", "2025-01-05", "2025-01-10"));
    data.spend.push_back(spend(kReferral, "2025-01-05", caretoolkit::kMaxAmount.value));
  }
  ReportOptions options = worked_options();
  options.replacement_cost = caretoolkit::kMaxAmount;
  const RoiReport report = roi_report(data.view(), options);
  REQUIRE(report.sources.size() == 1);
  const SourceReturn& agency = report.sources[0];
  CHECK(agency.spend == Pence{5'000'000'000'000});
  CHECK(*agency.expected_stayers.value == 5.0);
  CHECK(agency.benefit.value == Pence{5'000'000'000'000});
  CHECK(*agency.roi.value == 0.0);
  CHECK(agency.cost_per_expected_stayer.value == Pence{1'000'000'000'000});
  CHECK(report.total.cost_per_hire.value == Pence{1'000'000'000'000});
}

TEST_CASE("spend that adds up past what pence can hold is refused rather than wrapped") {
  Dataset data;
  data.sources = {source(kReferral, "Agency", Channel::kAgency)};
  data.spend = {spend(kReferral, "2025-01-05", INT64_MAX - 1),
                spend(kReferral, "2025-01-06", caretoolkit::kMaxAmount.value)};
  CHECK_THROWS_AS(roi_report(data.view(), worked_options()), caretoolkit::Error);
}
