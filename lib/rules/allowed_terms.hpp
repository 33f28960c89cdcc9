// A provider's allowed terms (checker_settings.hpp), compiled once: which findings of an advert
// they cover, so that those are not flagged.
//
// An allowed term covers a finding of a shared word rule (kind terms or substitute) whose matched
// words overlap an occurrence of the term: allowing "bank" clears "bank" and "bank staff" alike.
// Rewards, required content, readability, style and the provider's own house terms are never
// cleared. A term allowed everywhere covers every occurrence; one allowed where explained covers
// every occurrence in an advert that explains the term at least once: where, in the same sentence,
// one of kExplanationWords follows the term within kExplanationWithin words ("bank (as-needed)
// shifts", "bank staff, who choose their own shifts", "NVQ, which means a care qualification").
//
// Thread safety: immutable after construction; remove_allowed() may run on many threads at once,
// each with its own scratch.
#pragma once

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "rules/checker_settings.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

// What shows that an advert explains a term when it follows the term (term syntax).
inline constexpr std::array<std::string_view, 9> kExplanationWords{
    "(", "means", "mean", "meaning", "that is", "i.e.", "in other words", "who", "which"};
inline constexpr std::uint32_t kExplanationWithin = 3;  // words after the term

class AllowedTerms {
 public:
  // Throws Error(kInvalid) when a term has nothing to match (as a rule's term would).
  AllowedTerms(const std::vector<AllowedTerm>& terms, const text::Analyzer& analyzer);
  AllowedTerms(const AllowedTerms&) = delete;
  AllowedTerms& operator=(const AllowedTerms&) = delete;

  bool empty() const { return terms_.empty(); }

  // Removes from `evaluation` (of `document` against `rules`) the findings the terms cover.
  // `scratch` and `found` are working memory (the terms' own evaluation), reused between calls;
  // give a scratch other than the one `evaluation` was made with, whose word cache would
  // otherwise be emptied each time.
  void remove_allowed(const RuleSet& rules, const text::Document& document, Evaluation& evaluation,
                      EvaluationScratch& scratch, Evaluation& found) const;

 private:
  // Per allowed term: the index of its occurrences' rule in rules_, and of the rule that finds
  // its explained occurrences (or -1 when it is allowed everywhere).
  struct Compiled {
    std::uint32_t occurrences = 0;
    long explained = -1;
  };
  std::vector<Compiled> terms_;
  RuleSet rules_;
  std::unique_ptr<CompiledRules> compiled_;  // reads rules_
};

}  // namespace caretoolkit::rules
