// Recruiting cost formulas; see costs.hpp.
#include "metrics/costs.hpp"

namespace caretoolkit::metrics {

Money cost_per_hire(Pence external, Pence internal, std::int64_t hires) {
  return per_unit(external + internal, static_cast<double>(hires), Reason::kNoHires);
}

Rate hire_cost_ratio(Pence recruiting_costs, Pence first_year_pay) {
  return ratio(recruiting_costs.value, first_year_pay.value, Reason::kNoPay);
}

Money turnover_cost(std::int64_t staff, const Rate& turnover, Pence replacement_cost) {
  if (!turnover.value) return Money::none(turnover.reason);
  const double exact =
      static_cast<double>(staff) * *turnover.value * static_cast<double>(replacement_cost.value);
  return money_of(exact);
}

}  // namespace caretoolkit::metrics
