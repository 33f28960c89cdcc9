// The standard recruiting cost formulas, for figures a provider enters by hand and for what a
// year's turnover costs. Pure arithmetic on whole pence, rounded half up once, at the end.
#pragma once

#include <cstdint>

#include "metrics/figure.hpp"

namespace caretoolkit::metrics {

// ANSI/SHRM 06001.2012 cost per hire: (external costs + internal costs) / total hires. This is
// the organisation's full figure (SHRM's CPHI); internal costs include staff time. No value
// (kNoHires) with no hires.
Money cost_per_hire(Pence external, Pence internal, std::int64_t hires);

// ISO/TS 30407's hire-cost ratio (SHRM's recruiting cost ratio): total recruiting costs / the
// hires' total first-year pay. No value (kNoPay) when no pay is entered.
Rate hire_cost_ratio(Pence recruiting_costs, Pence first_year_pay);

// What replacing a year's leavers costs: staff x turnover x replacement cost. Expected leavers
// are not rounded to whole people (10 staff x 29 % x £6,000 = £17,400, not 3 x £6,000). No value
// (kImplausible) when the product is past what pence can hold.
Money turnover_cost(std::int64_t staff, const Rate& turnover, Pence replacement_cost);

}  // namespace caretoolkit::metrics
