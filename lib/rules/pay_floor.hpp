// The legal minimum hourly pay in force on a day, from the pay floor rule's table of dated rates
// (rules/pay-and-hours.json): the one place the National Living Wage rates live.
#pragma once

#include <optional>

#include "core/date.hpp"
#include "rules/rule.hpp"
#include "rules/rule_set.hpp"

namespace caretoolkit::rules {

// The row of `rule.rates` in force on `date`: the last one from `date` or before; nullptr before
// the first row.
const DatedRate* rate_in_force(const Rule& rule, Date date);

// The same for the first pay_floor rule of `rules`; empty when there is none or it has no row
// for the day.
std::optional<DatedRate> pay_floor_on(const RuleSet& rules, Date date);

}  // namespace caretoolkit::rules
