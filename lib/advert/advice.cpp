// The advice table, one row per category in enum order.
#include "advert/advice.hpp"

#include <array>

namespace caretoolkit::advert {
namespace {

constexpr std::array<CategoryAdvice, rules::kCategoryCount> kAdvice{{
    {rules::Category::kEngaging, "writing-adverts#talk-to-the-reader",
     "Talk to the reader: write \"you will\" rather than \"the successful candidate\", and "
     "describe a day in the job, the team and the people they will support.",
     "You will help Mary and Joan start their day, with a team who will always have your "
     "back."},
    {rules::Category::kValues, "values-based-recruitment#in-your-advert",
     "Say which values the job needs and show them in what people do: kindness, respect, "
     "patience and listening.",
     "We want people who are kind and patient, who listen to each person and respect how they "
     "like things done."},
    {rules::Category::kClarity, "writing-adverts#leave-out-jargon",
     "Use everyday words and short sentences: swap sector words for plain ones and keep each "
     "sentence under 25 words.",
     "You will help people with washing, dressing and meals, and make sure they take their "
     "medicines."},
    {rules::Category::kInclusive, "writing-adverts#welcome-everyone",
     "Describe the job, not the person you picture doing it: leave out words about age, sex, "
     "nationality or fitness, and welcome people new to care.",
     "You do not need experience in care: we will train you, and we welcome applications from "
     "everyone."},
    {rules::Category::kEssentials, "writing-adverts#facts-first",
     "State the pay, the hours, the place and how to apply, with real figures.",
     "£12.60 an hour, Monday to Friday 8am to 2pm, in Lincoln (LN2). Call Sam on 01522 555 301 "
     "to apply."},
}};

constexpr bool advice_in_enum_order() {
  for (std::size_t c = 0; c < kAdvice.size(); ++c) {
    if (static_cast<std::size_t>(kAdvice[c].category) != c) return false;
  }
  return true;
}
static_assert(advice_in_enum_order(), "kAdvice must list the categories in enum order");

}  // namespace

const CategoryAdvice& advice_for(rules::Category category) {
  return kAdvice[static_cast<std::size_t>(category)];
}

bool is_low(const CategoryScore& category) {
  return category.score < kLowCategoryScore;
}

std::string guidance_link(std::string_view reference) {
  return "/guidance/" + std::string(reference);
}

std::string_view guidance_of(const Finding& finding) {
  return finding.guidance.empty() ? advice_for(finding.category).guidance : finding.guidance;
}

}  // namespace caretoolkit::advert
