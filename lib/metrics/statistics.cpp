// Medians and Kaplan-Meier curves; see statistics.hpp.
#include "metrics/statistics.hpp"

#include <algorithm>
#include <iterator>

namespace caretoolkit::metrics {

std::optional<double> SurvivalCurve::at(std::int64_t day) const {
  if (day < 0) return std::nullopt;
  if (day > longest_observed) {
    // 1 - left / at_risk is exactly 0.0 when the last starters at risk all left.
    if (!steps.empty() && steps.back().survival == 0.0) return 0.0;
    return std::nullopt;
  }
  // The last step on or before `day`; before the first departure everyone is still in post.
  const auto after =
      std::upper_bound(steps.begin(), steps.end(), day,
                       [](std::int64_t d, const SurvivalStep& step) { return d < step.day; });
  return after == steps.begin() ? 1.0 : std::prev(after)->survival;
}

SurvivalCurve kaplan_meier(std::span<SurvivalSample> samples) {
  std::sort(samples.begin(), samples.end(),
            [](const SurvivalSample& a, const SurvivalSample& b) { return a.days < b.days; });
  SurvivalCurve curve;
  curve.starters = static_cast<std::int64_t>(samples.size());
  if (samples.empty()) return curve;
  curve.longest_observed = samples.back().days;
  double survival = 1.0;
  std::size_t i = 0;
  while (i < samples.size()) {
    const std::int64_t day = samples[i].days;
    const auto at_risk = static_cast<std::int64_t>(samples.size() - i);
    std::int64_t left = 0;
    for (; i < samples.size() && samples[i].days == day; ++i) left += samples[i].left ? 1 : 0;
    if (left == 0) continue;  // only censored on this day: the curve does not step
    survival *= 1.0 - static_cast<double>(left) / static_cast<double>(at_risk);
    curve.steps.push_back(SurvivalStep{day, at_risk, left, survival});
  }
  return curve;
}

std::optional<double> median(std::span<std::int64_t> values) {
  if (values.empty()) return std::nullopt;
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle),
                   values.end());
  const auto upper = static_cast<double>(values[middle]);
  if (values.size() % 2 == 1) return upper;
  // For an even count the lower middle value is the largest of the lower half.
  const auto lower = static_cast<double>(
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle)));
  return (lower + upper) / 2.0;
}

}  // namespace caretoolkit::metrics
