// The scoring model: how observations become points, categories and the overall score. It is
// documented for care managers in rules/README.md ("How the score is made"); keep the two in step.
//
// - Each category starts at its base (values starts low and is earned; the others start at 100
//   and lose points) and is clamped to 0..100 after adding every finding's points. Essentials,
//   what candidates decide on (pay, hours, place, how to apply, training, travel costs), carry the
//   most weight in the overall score.
// - A rule's k-th occurrence (k = 0, 1, 2...) is worth weight / 2^k, rounded half up, and all its
//   occurrences together at most its cap (max_points, or 2 x weight): repeats count less.
// - Values words earn at most kValuePointsPerSentence points in any one sentence, whatever the
//   number of values rules it matches, so a line of adjectives cannot outweigh the pay.
// - A missing essential or an unbalanced advert loses the rule's weight once; a met one wins the
//   rule's reward (usually 0).
// - A metric finding (readability, length) loses weight x distance / band, rounded half up, where
//   the distance is how far the value is past the rule's threshold and the band is
//   kMetricBandPercent of the threshold, up to the rule's cap: a sentence one word too long costs
//   little, one a fifth too long the weight. A metric finding worth 0 points is information.
// - The overall score is the weighted mean of the category scores, rounded half up; while a
//   critical finding loses points (the pay missing, no way to apply), it is at most
//   kCriticalScoreCap, so the grade is at most Weak.
// - A rule's findings after its first kListedFindingsPerRule are counted and scored as usual but
//   not listed one by one: one more finding stands for them (Finding::not_listed), so that a text
//   of 100,000 exclamation marks gives a report of a few findings rather than 100,000.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
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
    {rules::Category::kEngaging, 15, 60},
    {rules::Category::kValues, 10, 20},
    {rules::Category::kClarity, 15, 100},
    {rules::Category::kInclusive, 20, 100},
    {rules::Category::kEssentials, 40, 100},
}};

inline constexpr int kListedFindingsPerRule = 50;
inline constexpr int kValuePointsPerSentence = 4;
inline constexpr int kMetricBandPercent = 20;
inline constexpr int kCriticalScoreCap = 54;  // the top of Weak

// Excellent (85+), Good (70+), Fair (55+), Weak (40+), Poor.
const char* grade_for(int score);

// The points a metric rule's finding loses before repeats and caps: weight x distance / band,
// rounded half up, where distance is how far `value` lies past the rule's min or max and band is
// kMetricBandPercent of that threshold's size (at least 1). 0 when the value is within bounds.
int metric_points(const rules::Rule& rule, double value);

// The bookkeeping of one scoring: the points already given per rule, for repeats and caps, and
// per sentence, for the limit on values words. Reused between calls, so that scoring allocates
// only for its report.
struct ScoringLedger {
  std::vector<int> occurrences;  // per rule
  std::vector<int> spent;        // per rule
  std::vector<int> values_won;   // per sentence

  // Zero for `rules` rules and `sentences` sentences.
  void reset(std::size_t rules, std::size_t sentences);
};

// What scoring reads of each rule of a RuleSet, in one dense array in rule order: a report's
// findings come from dozens of rules, and a Rule holds far more than scoring needs.
//
// Thread safety: immutable after construction.
class ScoringRules {
 public:
  struct Card {
    // Views of the rule's strings.
    std::string_view id;
    std::string_view message;
    std::string_view suggestion;
    std::string_view replacement;
    std::string_view guidance;
    const rules::Rule* rule = nullptr;  // the rest: metric thresholds, fixes
    int weight = 0;
    int cap = 0;  // Rule::points_cap()
    int reward = 0;
    rules::RuleKind kind = rules::RuleKind::kTerms;
    rules::Category category = rules::Category::kClarity;
    rules::Severity severity = rules::Severity::kInfo;
    bool repeats = false;  // each observation after the first is worth less (not a one-off)
  };

  // `rules` must outlive this object.
  explicit ScoringRules(const rules::RuleSet& rules);

  const Card& operator[](std::size_t rule) const { return cards_[rule]; }
  std::size_t size() const { return cards_.size(); }

 private:
  std::vector<Card> cards_;
};

// Turns observations into findings with points and priorities (priority.hpp), in observation
// order, and fills the category
// scores, the overall score (with its cap, Report::cap) and the grade of `report`, whose
// checked_text becomes a copy of document.original() for the findings' text. The observations'
// details move to the findings. `ledger` is working memory; its previous content is replaced.
void score(const ScoringRules& rules, rules::Evaluation& evaluation, const text::Document& document,
           ScoringLedger& ledger, Report& report);

}  // namespace caretoolkit::advert
