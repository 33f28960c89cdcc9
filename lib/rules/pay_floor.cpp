// Dated pay floors; see pay_floor.hpp.
#include "rules/pay_floor.hpp"

#include <algorithm>

namespace caretoolkit::rules {

const DatedRate* rate_in_force(const Rule& rule, Date date) {
  const auto after = std::upper_bound(rule.rates.begin(), rule.rates.end(), date,
                                      [](Date d, const DatedRate& rate) { return d < rate.from; });
  if (after == rule.rates.begin()) return nullptr;
  return &*(after - 1);
}

std::optional<DatedRate> pay_floor_on(const RuleSet& rules, Date date) {
  for (const Rule& rule : rules.rules()) {
    if (rule.kind != RuleKind::kPayFloor) continue;
    if (const DatedRate* rate = rate_in_force(rule, date)) return *rate;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace caretoolkit::rules
