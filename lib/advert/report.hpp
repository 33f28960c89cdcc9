// The result of checking one advert: the score, its make-up by category, every finding that won
// or lost points (or informs), and the advert's statistics. A Report is plain data; its JSON form
// (report_json.hpp) is documented in rules/README.md.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/compiled_rules.hpp"
#include "rules/gender_decoder.hpp"
#include "rules/rule.hpp"
#include "text/document.hpp"

namespace caretoolkit::advert {

// How much a finding needs a change (priority.hpp): must, should or could change; none for what is
// going well and for information.
enum class Priority : std::uint8_t { kNone, kCould, kShould, kMust };

// A change that can be applied to the checked text without a person reading it first: replace
// the span with `replacement` (rules/fix.hpp decides which matches qualify; fixes.hpp makes them).
struct Edit {
  std::string_view rule_id;  // a view of the RuleSet's string, like Finding::rule_id
  text::Span span;           // byte and UTF-16 offsets of the text to replace
  std::string replacement;   // in the case of the text it replaces ("Utilise" becomes "Use")
};

// The strings a finding takes from its rule (rule_id, message, suggestion, replacement) are views
// of the RuleSet's strings, which must outlive the Report: a Checker's RuleSet does, by contract.
// Its matched text is a view of the Report's copy of the checked text (Report::checked_text),
// which lives as long as any copy of the Report does.
struct Finding {
  // Declared so that a new finding is built from the initialisers below and is not first filled
  // with zeros, as `Finding()` would be without a constructor of its own.
  Finding() noexcept {}

  std::string_view rule_id;
  rules::RuleKind kind = rules::RuleKind::kTerms;
  rules::Category category = rules::Category::kClarity;
  rules::Severity severity = rules::Severity::kInfo;
  rules::Outcome outcome = rules::Outcome::kFound;
  std::string_view message;
  std::string_view suggestion;
  std::string_view replacement;    // substitute rules: the plain-English replacement
  std::optional<Edit> edit;        // when the replacement can be applied safely
  std::string_view guidance;       // the rule's article#section (Rule::guidance); may be empty
  std::string_view text;           // the matched text; empty when the finding has no span
  std::optional<text::Span> span;  // byte and UTF-16 offsets in the checked text
  std::string detail;              // a fact behind the finding: "31 words", "you 4, we 12"
  int points = 0;                  // negative: lost; positive: won; 0: information
  // Non-zero on the one finding that stands for a rule's findings beyond the first
  // kListedFindingsPerRule (scoring.hpp): how many it stands for; `points` is their sum.
  int not_listed = 0;
  Priority priority = Priority::kNone;
};

// How one category's score was made: score = clamp(base + won + lost, 0, 100).
struct CategoryScore {
  rules::Category category = rules::Category::kClarity;
  int weight = 0;  // share of the overall score, out of 100
  int base = 0;    // where the category starts
  int won = 0;     // sum of positive points
  int lost = 0;    // sum of negative points (<= 0)
  int score = 0;
  int not_counted = 0;  // points beyond 0 or 100 that the clamp removed
};

// The limit a critical finding put on the overall score (scoring.hpp): the first such finding's
// rule, the limit and the weighted mean of the categories before it was applied.
struct ScoreCap {
  std::string_view rule_id;  // a view of the RuleSet's string, like Finding::rule_id
  int cap = 0;
  int uncapped = 0;
};

// The rule's id and its sides' labels are views of the RuleSet's strings, like a Finding's.
struct BalanceStatistic {
  std::string_view rule_id;
  std::string_view first_label;
  int first = 0;
  std::string_view second_label;
  int second = 0;
  std::optional<double> ratio;  // first / second; absent when second is 0
};

struct Statistics {
  int words = 0;
  int sentences = 0;
  int paragraphs = 0;
  int syllables = 0;
  int complex_words = 0;  // 3 syllables or more
  double reading_ease = 0;
  double grade_level = 0;
  double average_sentence_words = 0;
  int longest_sentence_words = 0;
  std::vector<BalanceStatistic> balances;
  std::optional<BalanceStatistic> you_we;  // the balance whose first label is "you"
};

struct Report {
  // The text that was checked, shared by the Report's copies; findings view their matched text
  // in it (one copy of the advert costs less than a string per finding).
  std::shared_ptr<const std::string> checked_text;
  int score = 0;                // 0 to 100: the categories' weighted mean, at most cap->cap
  std::string grade;            // Excellent, Good, Fair, Weak, Poor
  std::optional<ScoreCap> cap;  // present while a critical finding loses points
  std::array<CategoryScore, rules::kCategoryCount> categories{};
  // In rule order, then position. Readers present them by impact (priority.hpp, by_impact), and
  // gather the edits that can all be applied together with fixes.hpp's compatible_edits.
  std::vector<Finding> findings;
  Statistics statistics;
  std::optional<rules::GenderCoding> gender;  // Gender Decoder's verdict and words
  // Views of the RuleSet's strings, like a Finding's (the RuleSet must outlive the Report).
  std::string_view rules_version;
  std::string_view rules_hash;
  std::string role;
  std::string service;
};

}  // namespace caretoolkit::advert
