// The funnel on the reference's worked example and on hand-made edge cases.
#include <doctest/doctest.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "metrics/funnel.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;

namespace {

const DropOuts& at(const FunnelRow& row, DropStage stage) {
  return row.dropped[static_cast<std::size_t>(stage)];
}

}  // namespace

TEST_CASE("funnel of the worked example by source") {
  const Dataset data = worked_example();
  const FunnelReport report = funnel_report(data.view(), worked_options());
  CHECK(report.options.as_of == day("2026-03-31"));
  REQUIRE(report.groups.size() == 2);

  // Sources are listed by name: "Job board" before "Referral".
  const FunnelRow& job_board = report.groups[0];
  CHECK(job_board.group.by == Grouping::kSource);
  CHECK(job_board.group.id == kJobBoard);
  CHECK(job_board.group.name == "Job board");
  CHECK(job_board.group.channel == Channel::kJobBoard);
  CHECK(job_board.applicants == 10);
  CHECK(job_board.interviewed == 4);
  CHECK(job_board.offered == 2);
  CHECK(job_board.started == 2);
  CHECK(job_board.in_progress == 1);
  CHECK(job_board.applied_to_interviewed.value == 0.4);  // 4 / 10
  CHECK(job_board.interviewed_to_offered.value == 0.5);  // 2 / 4
  CHECK(job_board.offered_to_started.value == 1.0);      // 2 / 2
  CHECK(job_board.applied_to_started.value == 0.2);      // 2 / 10
  CHECK(at(job_board, DropStage::kApplied) == DropOuts{1, 4});
  CHECK(at(job_board, DropStage::kInterviewed) == DropOuts{1, 1});
  CHECK(at(job_board, DropStage::kOffered) == DropOuts{0, 0});
  // To offer: 26 and 31 days -> (26 + 31) / 2 = 28.5. To start: 54 and 54 days.
  CHECK(job_board.median_days_to_offer.value == 28.5);
  CHECK(job_board.median_days_to_start.value == 54.0);

  const FunnelRow& referral = report.groups[1];
  CHECK(referral.group.name == "Referral");
  CHECK(referral.applicants == 4);
  CHECK(referral.interviewed == 3);
  CHECK(referral.offered == 3);
  CHECK(referral.started == 3);
  CHECK(referral.applied_to_interviewed.value == 0.75);
  CHECK(referral.interviewed_to_offered.value == 1.0);
  CHECK(referral.applied_to_started.value == 0.75);
  CHECK(at(referral, DropStage::kApplied) == DropOuts{1, 0});
  // To offer: 10, 12, 9 days -> 10. To start: 27, 26, 28 days -> 27.
  CHECK(referral.median_days_to_offer.value == 10.0);
  CHECK(referral.median_days_to_start.value == 27.0);

  CHECK(report.total.group.is_total());
  CHECK(report.total.applicants == 14);
  CHECK(report.total.interviewed == 7);
  CHECK(report.total.offered == 5);
  CHECK(report.total.started == 5);
  CHECK(report.total.applied_to_started.value == doctest::Approx(5.0 / 14.0));
  // To offer, all five: 9 10 12 26 31 -> 12.
  CHECK(report.total.median_days_to_offer.value == 12.0);
}

TEST_CASE("conversions with zero denominators have no value and say why") {
  Dataset data = worked_example();
  data.applicants = {person(kReferral, "2025-01-05")};  // one applicant, not interviewed
  const FunnelReport report = funnel_report(data.view(), worked_options());
  const FunnelRow& job_board = report.groups[0];
  CHECK(job_board.applicants == 0);
  CHECK_FALSE(job_board.applied_to_interviewed.has_value());
  CHECK(job_board.applied_to_interviewed.reason == Reason::kNoApplicants);
  CHECK(job_board.applied_to_started.reason == Reason::kNoApplicants);
  CHECK(job_board.median_days_to_start.reason == Reason::kNoHires);

  const FunnelRow& referral = report.groups[1];
  CHECK(referral.applied_to_interviewed.value == 0.0);  // a real 0: one applicant, no interview
  CHECK(referral.interviewed_to_offered.reason == Reason::kNoInterviews);
  CHECK(referral.offered_to_started.reason == Reason::kNoOffers);
}

TEST_CASE("only the period's applicants form the cohort") {
  Dataset data = worked_example();
  data.applicants.push_back(person(kReferral, "2024-12-31", "2025-01-02"));
  data.applicants.push_back(person(kReferral, "2025-04-01"));
  const FunnelReport report = funnel_report(data.view(), worked_options());
  CHECK(report.total.applicants == 14);
  CHECK(report.total.interviewed == 7);
}

TEST_CASE("stages after the as-of date are not yet reached") {
  Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.as_of.reset();  // 2025-03-31: the Job board starter of 2025-03-10 has started, but
  data.applicants.push_back(
      person(kReferral, "2025-03-20", "2025-03-25", "2025-03-31", "2025-04-10"));
  const FunnelReport report = funnel_report(data.view(), options);
  const FunnelRow& referral = report.groups[1];
  CHECK(referral.applicants == 5);
  CHECK(referral.offered == 4);
  CHECK(referral.started == 3);  // the start on 2025-04-10 comes after as_of
  CHECK(referral.in_progress == 1);
}

TEST_CASE("funnel by channel merges the sources of a channel") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Indeed", Channel::kJobBoard));
  data.applicants.push_back(person(3, "2025-02-01", "2025-02-02"));
  const FunnelReport report = funnel_report(data.view(), worked_options(Grouping::kChannel));
  // Channels in their declared order: job board, then staff referral.
  REQUIRE(report.groups.size() == 2);
  CHECK(report.groups[0].group.channel == Channel::kJobBoard);
  CHECK_FALSE(report.groups[0].group.id.has_value());
  CHECK(report.groups[0].applicants == 11);
  CHECK(report.groups[0].interviewed == 5);
  CHECK(report.groups[1].group.channel == Channel::kStaffReferral);
  CHECK(report.groups[1].applicants == 4);
}

TEST_CASE("funnel by month lists every month of the period by date of application") {
  const Dataset data = worked_example();
  ReportOptions options = worked_options(Grouping::kMonth);
  options.to = day("2025-04-30");
  const FunnelReport report = funnel_report(data.view(), options);
  REQUIRE(report.groups.size() == 4);
  CHECK(report.groups[0].group.month == day("2025-01-01"));
  CHECK(report.groups[1].group.month == day("2025-02-01"));
  CHECK(report.groups[2].group.month == day("2025-03-01"));
  CHECK(report.groups[3].group.month == day("2025-04-01"));
  // January: 2 Referral and 3 Job board applicants; February: 2 and 3; March: 0 and 4.
  CHECK(report.groups[0].applicants == 5);
  CHECK(report.groups[1].applicants == 5);
  CHECK(report.groups[2].applicants == 4);
  CHECK(report.groups[3].applicants == 0);
  CHECK(report.groups[3].applied_to_interviewed.reason == Reason::kNoApplicants);
  CHECK(report.total.applicants == 14);
}

TEST_CASE("funnel by service lists unassigned applicants last and only when there are some") {
  Dataset data = worked_example();
  Service home;
  home.id = 7;
  home.name = "Home care north";
  home.type = ServiceType::kHomeCare;
  data.services = {home};
  for (auto& a : data.applicants) a.service_id = 7;
  FunnelReport report = funnel_report(data.view(), worked_options(Grouping::kService));
  REQUIRE(report.groups.size() == 1);
  CHECK(report.groups[0].group.name == "Home care north");
  CHECK(report.groups[0].group.service_type == ServiceType::kHomeCare);

  data.applicants[0].service_id.reset();
  report = funnel_report(data.view(), worked_options(Grouping::kService));
  REQUIRE(report.groups.size() == 2);
  CHECK(report.groups[0].applicants == 13);
  CHECK(report.groups[1].group.unassigned);
  CHECK(report.groups[1].applicants == 1);
}

TEST_CASE("records that break the tracker's rules are refused with the field named") {
  Dataset data = worked_example();
  data.applicants[0].interviewed_on = day("2025-01-01");  // before applying on 2025-01-05
  try {
    funnel_report(data.view(), worked_options());
    FAIL("expected an error");
  } catch (const caretoolkit::Error& e) {
    CHECK(e.code() == caretoolkit::ErrorCode::kInvalid);
    CHECK(e.field() == "interviewed_on");
    CHECK(std::string(e.what()).find("'A") != std::string::npos);
  }

  data = worked_example();
  data.applicants[0].source_id = 99;
  CHECK_THROWS_AS(funnel_report(data.view(), worked_options()), caretoolkit::Error);

  data = worked_example();
  data.applicants[0].offered_on.reset();  // started without an offer
  CHECK_THROWS_AS(funnel_report(data.view(), worked_options()), caretoolkit::Error);
}

TEST_CASE("each step of the funnel has its median days and the applicants who made it") {
  const Dataset data = worked_example();
  const FunnelReport report = funnel_report(data.view(), worked_options());
  REQUIRE(funnel_steps().size() == 3);
  CHECK(funnel_steps()[0].name == "applied_to_interviewed");
  CHECK(funnel_steps()[1].name == "interviewed_to_offered");
  CHECK(funnel_steps()[2].name == "offered_to_started");

  // Job board. Applied to interviewed: 14, 17, 16 and 9 days -> (14 + 16) / 2 = 15. Interviewed
  // to offered: 12 and 14 -> 13. Offered to started: 28 and 23 -> 25.5.
  const FunnelRow& job_board = report.groups[0];
  CHECK(job_board.step_days[0].count == 4);
  CHECK(job_board.step_days[0].median_days.value == 15.0);
  CHECK(job_board.step_days[1].count == 2);
  CHECK(job_board.step_days[1].median_days.value == 13.0);
  CHECK(job_board.step_days[2].count == 2);
  CHECK(job_board.step_days[2].median_days.value == 25.5);

  // Referral: 5, 5, 4 -> 5; 5, 7, 5 -> 5; 17, 14, 19 -> 17.
  const FunnelRow& referral = report.groups[1];
  CHECK(referral.step_days[0].median_days.value == 5.0);
  CHECK(referral.step_days[1].median_days.value == 5.0);
  CHECK(referral.step_days[2].median_days.value == 17.0);
  CHECK(referral.step_days[2].count == 3);

  // All 14: 4 5 5 9 14 16 17 -> 9; 5 5 7 12 14 -> 7; 14 17 19 23 28 -> 19.
  CHECK(report.total.step_days[0].count == 7);
  CHECK(report.total.step_days[0].median_days.value == 9.0);
  CHECK(report.total.step_days[1].count == 5);
  CHECK(report.total.step_days[1].median_days.value == 7.0);
  CHECK(report.total.step_days[2].count == 5);
  CHECK(report.total.step_days[2].median_days.value == 19.0);
}

TEST_CASE("a step nobody made has no median and says why") {
  Dataset data = worked_example();
  data.applicants = {person(kReferral, "2025-01-05")};
  const FunnelReport report = funnel_report(data.view(), worked_options());
  const FunnelRow& referral = report.groups[1];
  CHECK(referral.step_days[0].count == 0);
  CHECK(referral.step_days[0].median_days.reason == Reason::kNoInterviews);
  CHECK(referral.step_days[1].median_days.reason == Reason::kNoOffers);
  CHECK(referral.step_days[2].median_days.reason == Reason::kNoHires);
}

TEST_CASE("an offer without a recorded interview times only the steps whose dates are both known") {
  Dataset data = worked_example();
  // Offered 10 days after applying with no interview date, started 6 days after the offer.
  data.applicants = {person(kReferral, "2025-01-05", "", "2025-01-15", "2025-01-21")};
  const FunnelReport report = funnel_report(data.view(), worked_options());
  const FunnelRow& total = report.total;
  CHECK(total.step_days[0].count == 0);
  CHECK(total.step_days[1].count == 0);
  CHECK(total.step_days[2].count == 1);
  CHECK(total.step_days[2].median_days.value == 6.0);
}

TEST_CASE("a stage dated after the as-of day is not yet timed") {
  Dataset data = worked_example();
  data.applicants = {person(kReferral, "2025-01-05", "2025-01-10", "2025-01-15", "2025-02-01")};
  ReportOptions options = worked_options();
  options.to = day("2025-01-31");
  options.as_of = day("2025-01-31");  // offered by then, not yet started
  const FunnelReport report = funnel_report(data.view(), options);
  CHECK(report.total.step_days[1].count == 1);
  CHECK(report.total.step_days[2].count == 0);
  CHECK(report.total.step_days[2].median_days.reason == Reason::kNoHires);
}
