// Medians and Kaplan-Meier curves against hand-computed values.
#include <doctest/doctest.h>

#include <vector>

#include "metrics/statistics.hpp"

using caretoolkit::metrics::kaplan_meier;
using caretoolkit::metrics::median;
using caretoolkit::metrics::SurvivalSample;
using caretoolkit::metrics::SurvivalStep;

TEST_CASE("median of an odd count is the middle value") {
  std::vector<std::int64_t> days = {27, 26, 28};
  CHECK(median(days) == 27.0);
}

TEST_CASE("median of an even count is the mean of the two middle values") {
  // Sorted: 3 9 | 12 40 -> (9 + 12) / 2 = 10.5
  std::vector<std::int64_t> days = {40, 9, 3, 12};
  CHECK(median(days) == 10.5);
  std::vector<std::int64_t> two = {26, 31};
  CHECK(median(two) == 28.5);
}

TEST_CASE("median of nothing has no value") {
  std::vector<std::int64_t> none;
  CHECK_FALSE(median(none).has_value());
}

TEST_CASE("Kaplan-Meier on a small example with censoring") {
  // Seven starters: left at 10, 30, 30 and 50 days; still in post (censored) at 20, 40, 60.
  // t=10: 7 at risk, 1 left -> S = 6/7
  // t=30: at risk are those with time >= 30 (30, 30, 40, 50, 60) = 5, 2 left -> S = 6/7 * 3/5
  //       = 18/35
  // t=50: at risk 50, 60 = 2, 1 left -> S = 18/35 * 1/2 = 9/35
  std::vector<SurvivalSample> samples = {{60, false}, {30, true},  {10, true}, {40, false},
                                         {50, true},  {20, false}, {30, true}};
  const auto curve = kaplan_meier(samples);
  CHECK(curve.starters == 7);
  CHECK(curve.longest_observed == 60);
  REQUIRE(curve.steps.size() == 3);
  CHECK(curve.steps[0].day == 10);
  CHECK(curve.steps[0].at_risk == 7);
  CHECK(curve.steps[0].left == 1);
  CHECK(curve.steps[0].survival == doctest::Approx(6.0 / 7.0));
  CHECK(curve.steps[1].day == 30);
  CHECK(curve.steps[1].at_risk == 5);
  CHECK(curve.steps[1].left == 2);
  CHECK(curve.steps[1].survival == doctest::Approx(18.0 / 35.0));
  CHECK(curve.steps[2].day == 50);
  CHECK(curve.steps[2].at_risk == 2);
  CHECK(curve.steps[2].survival == doctest::Approx(9.0 / 35.0));

  CHECK(curve.at(0) == 1.0);
  CHECK(curve.at(9) == 1.0);
  CHECK(*curve.at(10) == doctest::Approx(6.0 / 7.0));
  CHECK(*curve.at(29) == doctest::Approx(6.0 / 7.0));
  CHECK(*curve.at(30) == doctest::Approx(18.0 / 35.0));
  CHECK(*curve.at(60) == doctest::Approx(9.0 / 35.0));
  // Nobody has been observed for 61 days: no value, not an extrapolation.
  CHECK_FALSE(curve.at(61).has_value());
}

TEST_CASE("Kaplan-Meier counts those censored on a leaving day as at risk") {
  // Left at 5 and censored at 5: both were at risk on day 5 -> S(5) = 1 - 1/2.
  std::vector<SurvivalSample> samples = {{5, false}, {5, true}};
  const auto curve = kaplan_meier(samples);
  REQUIRE(curve.steps.size() == 1);
  CHECK(curve.steps[0] == SurvivalStep{5, 2, 1, 0.5});
}

TEST_CASE("Kaplan-Meier stays at 0 once everyone observed has left") {
  // Left at 31 and 184 days: S(31) = 1/2, S(184) = 0, and 0 beyond: nobody is left to stay.
  std::vector<SurvivalSample> samples = {{184, true}, {31, true}};
  const auto curve = kaplan_meier(samples);
  CHECK(*curve.at(31) == 0.5);
  CHECK(*curve.at(184) == 0.0);
  CHECK(*curve.at(365) == 0.0);
}

TEST_CASE("Kaplan-Meier with no starters has no values") {
  std::vector<SurvivalSample> none;
  const auto curve = kaplan_meier(none);
  CHECK(curve.starters == 0);
  CHECK(curve.steps.empty());
  CHECK_FALSE(curve.at(0).has_value());
}

TEST_CASE("Kaplan-Meier with only recent starters is flat and ends at their observation") {
  std::vector<SurvivalSample> samples = {{12, false}, {3, false}};
  const auto curve = kaplan_meier(samples);
  CHECK(curve.steps.empty());
  CHECK(curve.at(12) == 1.0);
  CHECK_FALSE(curve.at(91).has_value());
}
