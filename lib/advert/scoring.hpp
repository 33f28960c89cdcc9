// The scoring model: how observations become points, categories and the overall score. It is
// documented for care managers in rules/README.md ("How the score is made"); keep the two in step.
//
// - Each category starts at its base (values starts low and is earned; the others start at 100
//   and lose points) and is clamped to 0..100 after adding every finding's points.
// - A rule's k-th occurrence (k = 0, 1, 2...) is worth weight / 2^k, rounded half up, and all its
//   occurrences together at most its cap (max_points, or 2 x weight): repeats count less.
// - A missing essential or an unbalanced advert loses the rule's weight once; a met one wins the
//   rule's reward (usually 0). A whole-advert metric over its threshold loses the weight once.
// - The overall score is the weighted mean of the category scores, rounded half up.
// - A rule's findings after its first kListedFindingsPerRule are counted and scored as usual but
//   not listed one by one: one more finding stands for them (Finding::not_listed), so that a text
//   of 100,000 exclamation marks gives a report of a few findings rather than 100,000.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "advert/report.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_set.hpp"

namespace caretoolkit::advert {

struct CategoryModel {
  rules::Category category;
  int weight;  // out of 100 across categories
  int base;
};

inline constexpr std::array<CategoryModel, rules::kCategoryCount> kCategoryModel{{
    {rules::Category::kEngaging, 20, 60},
    {rules::Category::kValues, 20, 20},
    {rules::Category::kClarity, 25, 100},
    {rules::Category::kInclusive, 15, 100},
    {rules::Category::kEssentials, 20, 100},
}};

inline constexpr int kListedFindingsPerRule = 50;

// Excellent (85+), Good (70+), Fair (55+), Weak (40+), Poor.
const char* grade_for(int score);

// Turns observations into findings with points, in observation order, and fills the category
// scores, the overall score and the grade of `report`, whose checked_text becomes a copy of
// document.original() for the findings' text. The observations' details move to the findings.
void score(const rules::RuleSet& rules, rules::Evaluation& evaluation,
           const text::Document& document, Report& report);

}  // namespace caretoolkit::advert
