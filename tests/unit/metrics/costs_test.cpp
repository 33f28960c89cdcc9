// The standard cost formulas on the reference's outside worked examples.
#include <doctest/doctest.h>

#include "metrics/costs.hpp"

using namespace caretoolkit::metrics;
using caretoolkit::Pence;

TEST_CASE("ANSI/SHRM cost per hire and the hire-cost ratio") {
  // External £100,000 + internal £100,000 over 50 hires = £4,000 per hire; against £2,000,000 of
  // those hires' first-year pay the ratio is 10.0 %.
  CHECK(cost_per_hire(Pence{10'000'000}, Pence{10'000'000}, 50).value == Pence{400'000});
  CHECK(hire_cost_ratio(Pence{20'000'000}, Pence{200'000'000}).value == 0.1);
}

TEST_CASE("cost formulas with nothing to divide by have no value") {
  CHECK(cost_per_hire(Pence{100}, Pence{0}, 0).reason == Reason::kNoHires);
  CHECK(hire_cost_ratio(Pence{100}, Pence{0}).reason == Reason::kNoPay);
  CHECK(to_string(Reason::kNoPay) == "no_first_year_pay");
}

TEST_CASE("turnover cost at the bounds is exact or has no value and never wraps") {
  // 1,000,000 staff x 900 % x £10 billion = 9,000,000,000,000,000,000 pence, just inside what
  // pence can hold; at 995 %, the most a turnover may be, it would be 9.95e18, past it.
  CHECK(turnover_cost(1'000'000, Rate::of(9.0), caretoolkit::kMaxAmount).value ==
        Pence{9'000'000'000'000'000'000});
  const Money past = turnover_cost(1'000'000, Rate::of(9.95), caretoolkit::kMaxAmount);
  CHECK_FALSE(past.has_value());
  CHECK(past.reason == Reason::kImplausible);
  CHECK(cost_per_hire(caretoolkit::kMaxAmount, caretoolkit::kMaxAmount, 1).value ==
        Pence{2'000'000'000'000});
}

TEST_CASE("turnover cost does not round expected leavers to whole people") {
  // 10 staff x 29 % x £6,000 = £17,400 (Care England rounds to 3 leavers and £18,000).
  CHECK(turnover_cost(10, Rate::of(0.29), Pence{600'000}).value == Pence{1'740'000});
  CHECK(turnover_cost(10, Rate::none(Reason::kLeaversUnknown), Pence{600'000}).reason ==
        Reason::kLeaversUnknown);
}
