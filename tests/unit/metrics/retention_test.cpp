// Retention at 3, 6 and 12 months, early leavers and Kaplan-Meier curves per group.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "metrics/retention.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;

TEST_CASE("retention of the worked example by source") {
  const Dataset data = worked_example();
  const RetentionReport report = retention_report(data.view(), worked_options());
  REQUIRE(report.groups.size() == 2);

  // Job board: left after 31 days (2025-03-01 to 04-01) and after 184 days (03-10 to 09-10).
  const RetentionRow& job_board = report.groups[0];
  CHECK(job_board.starters == 2);
  CHECK(job_board.leavers == 2);
  CHECK(job_board.early_leavers == 1);
  CHECK(job_board.retention[0].days == 91);
  CHECK(job_board.retention[0].eligible == 2);
  CHECK(job_board.retention[0].retained == 1);
  CHECK(job_board.retention[0].rate.value == 0.5);
  CHECK(job_board.retention[1].retained == 1);  // 184 >= 182
  CHECK(job_board.retention[2].eligible == 2);
  CHECK(job_board.retention[2].retained == 0);
  CHECK(job_board.retention[2].rate.value == 0.0);
  // Curve: day 31, 2 at risk, 1 left -> 1/2; day 184, 1 at risk, 1 left -> 0.
  REQUIRE(job_board.curve.steps.size() == 2);
  CHECK(job_board.curve.steps[1] == SurvivalStep{184, 1, 1, 0.0});
  CHECK(job_board.survival[0].value == 0.5);
  CHECK(job_board.survival[1].value == 0.5);
  CHECK(job_board.survival[2].value == 0.0);

  // Referral: in post since 2025-02-01 and 02-15 (423 and 409 days at 2026-03-31); one left
  // after 45 days. All three are eligible at 12 months and two are retained.
  const RetentionRow& referral = report.groups[1];
  CHECK(referral.starters == 3);
  CHECK(referral.early_leavers == 1);
  for (const RetentionAt& mark : referral.retention) {
    CHECK(mark.eligible == 3);
    CHECK(mark.retained == 2);
    CHECK(mark.too_recent == 0);
    CHECK(*mark.rate.value == doctest::Approx(2.0 / 3.0));
  }
  CHECK(referral.curve.longest_observed == 423);
  REQUIRE(referral.curve.steps.size() == 1);
  CHECK(referral.curve.steps[0].day == 45);
  CHECK(referral.curve.steps[0].at_risk == 3);
  CHECK(*referral.survival[2].value == doctest::Approx(2.0 / 3.0));

  CHECK(report.total.starters == 5);
  CHECK(report.total.early_leavers == 2);
  CHECK(report.total.retention[2].retained == 2);
  CHECK(report.total.retention[2].eligible == 5);
  // Total curve: 31 (5 at risk) -> 4/5; 45 (4 at risk) -> 4/5 * 3/4 = 3/5; 184 (3) -> 2/5.
  CHECK(*report.total.survival[2].value == doctest::Approx(0.4));
}

TEST_CASE("recent starters are too recent to judge, neither stayers nor leavers") {
  Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  const RetentionReport report = retention_report(data.view(), options);
  const RetentionRow& referral = report.groups[1];
  // At 2025-06-30: started 02-01 (149 days), 02-15 (135 days), 03-01 (left on 04-15, 45 days).
  // 91 days: all three eligible, two retained. 182 and 365 days: nobody eligible yet.
  CHECK(referral.retention[0].eligible == 3);
  CHECK(referral.retention[0].retained == 2);
  CHECK(referral.retention[1].eligible == 0);
  CHECK(referral.retention[1].too_recent == 3);
  CHECK_FALSE(referral.retention[1].rate.has_value());
  CHECK(referral.retention[1].rate.reason == Reason::kTooEarly);
  // Kaplan-Meier uses them for as long as they were observed: S(91) = 2/3; nobody has been
  // observed for 182 days, so S(182) has no value.
  CHECK(*referral.survival[0].value == doctest::Approx(2.0 / 3.0));
  CHECK(referral.survival[1].reason == Reason::kTooEarly);
  CHECK(referral.survival[2].reason == Reason::kTooEarly);
}

TEST_CASE("a leaving date after the as-of date counts as still in post") {
  Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.as_of = day("2025-04-10");  // the Referral leaver left on 2025-04-15
  const RetentionReport report = retention_report(data.view(), options);
  const RetentionRow& referral = report.groups[1];
  CHECK(referral.leavers == 0);
  CHECK(referral.early_leavers == 0);
  CHECK(referral.curve.steps.empty());
  CHECK(referral.curve.longest_observed == 68);  // 2025-02-01 to 2025-04-10
}

TEST_CASE("a group with no starters has no retention figures because it has no starters") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Careers fair", Channel::kCareersEvent));
  const RetentionReport report = retention_report(data.view(), worked_options());
  REQUIRE(report.groups.size() == 3);
  const RetentionRow& fair = report.groups[0];  // "Careers fair" sorts first
  CHECK(fair.group.name == "Careers fair");
  CHECK(fair.starters == 0);
  // Not "too early": no wait would give this group a figure.
  CHECK(fair.retention[2].rate.reason == Reason::kNoHires);
  CHECK(fair.survival[0].reason == Reason::kNoHires);
  CHECK(fair.curve.steps.empty());
}

TEST_CASE("early leavers include those who left on day 90 and not on day 91") {
  Dataset data = worked_example();
  data.applicants = {
      person(kReferral, "2025-01-01", "", "2025-01-02", "2025-01-10", "2025-04-10"),  // 90 days
      person(kReferral, "2025-01-01", "", "2025-01-02", "2025-01-10", "2025-04-11"),  // 91 days
  };
  const RetentionReport report = retention_report(data.view(), worked_options());
  const RetentionRow& referral = report.groups[1];
  CHECK(referral.early_leavers == 1);
  CHECK(referral.retention[0].retained == 1);  // 91 days in post counts as retained at 91
}
