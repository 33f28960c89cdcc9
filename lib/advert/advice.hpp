// What raises each category's score, with an example sentence, and the guidance article that
// explains it: shown for every category that scores below kLowCategoryScore. A finding whose rule
// names no guidance (Rule::guidance) links to its category's article.
#pragma once

#include <string>
#include <string_view>

#include "advert/report.hpp"
#include "rules/rule.hpp"

namespace caretoolkit::advert {

// A category scoring below this (the bottom of Good) says what would raise it.
inline constexpr int kLowCategoryScore = 70;

struct CategoryAdvice {
  rules::Category category;
  std::string_view guidance;  // article#section, as Rule::guidance
  std::string_view to_raise;  // what to do, in a sentence
  std::string_view example;   // a sentence an advert could use
};

const CategoryAdvice& advice_for(rules::Category category);

bool is_low(const CategoryScore& category);

// The page address of a guidance reference: "writing-adverts#jargon" is
// "/guidance/writing-adverts#jargon".
std::string guidance_link(std::string_view reference);

// The guidance a finding links to: its rule's, or else its category's.
std::string_view guidance_of(const Finding& finding);

}  // namespace caretoolkit::advert
