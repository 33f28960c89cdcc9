// Fix-first: how much each finding needs a change, and the report's order by impact, so that the
// API, `caretoolkit check` and the checker page all put the pay before a long word.
//
// - must change: a critical finding (the pay missing, a demand for native speakers), or one that
//   loses at least kMustChangePoints points (the hours or the place missing);
// - should change: a warning, or a finding that loses at least kShouldChangePoints points;
// - could change: any other finding that loses points, a suggestion worth no points, or a
//   finding with a safe edit (fixes.hpp), which the page can apply in one click;
// - none: points won, requirements met, and information.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "advert/report.hpp"

namespace caretoolkit::advert {

inline constexpr int kMustChangePoints = 10;
inline constexpr int kShouldChangePoints = 5;

Priority priority_of(const Finding& finding);

// "must", "should", "could"; nullopt for Priority::kNone.
std::optional<std::string_view> to_string(Priority priority);

// Sets every finding's priority (score() sets them as it lists findings).
void assign_priorities(std::vector<Finding>& findings);

// The findings by impact, as the report's readers present them: critical ones first, then by
// points lost, most first. The order is stable: findings of equal impact keep their order in the
// report (rule order, then position), so the same advert always gives the same order. The
// pointers are into `findings`.
std::vector<const Finding*> by_impact(const std::vector<Finding>& findings);

}  // namespace caretoolkit::advert
