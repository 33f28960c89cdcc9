// The two estimators the reports use: the median (time to hire) and the Kaplan-Meier retention
// curve, which says how many starters are still in post t days after starting when some are too
// recent to have been observed that long. Recent hires are censored at the as-of date, so they are
// neither dropped nor counted as stayers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace caretoolkit::metrics {

// One starter: days in post until leaving (left = true), or until the as-of date (censored).
struct SurvivalSample {
  std::int64_t days = 0;
  bool left = false;
};

// The curve changes only on days someone left. S(t) = product over those days t_i <= t of
// (1 - left_i / at_risk_i), at_risk_i counting the starters whose time is >= t_i.
struct SurvivalStep {
  std::int64_t day = 0;
  std::int64_t at_risk = 0;
  std::int64_t left = 0;
  double survival = 1.0;  // S(day), after this step
  friend bool operator==(const SurvivalStep&, const SurvivalStep&) = default;
};

struct SurvivalCurve {
  std::vector<SurvivalStep> steps;  // ascending days
  std::int64_t starters = 0;
  std::int64_t longest_observed = -1;  // the longest time of any sample; -1 with no samples

  // S(day); nullopt when no starter has been observed that long (day > longest_observed), except
  // once the curve has reached 0: when everyone observed has left, nobody is left to stay longer.
  std::optional<double> at(std::int64_t day) const;
};

// Sorts `samples` in place (the caller's scratch space) and returns their curve.
SurvivalCurve kaplan_meier(std::span<SurvivalSample> samples);

// The median of `values`, the mean of the two middle ones for an even count; nullopt when empty.
// Reorders `values`.
std::optional<double> median(std::span<std::int64_t> values);

}  // namespace caretoolkit::metrics
