// The advert checker: built once from the loaded rules and a text analyser, then asked to check
// any number of adverts. Checking is one analysis pass and one matching pass over the tokens.
//
// Thread safety: check() is const and may run on many threads at once, each with its own
// CheckContext.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "advert/report.hpp"
#include "advert/scoring.hpp"
#include "core/date.hpp"
#include "rules/allowed_terms.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace caretoolkit::advert {

struct CheckOptions {
  std::string role;     // "care assistant": echoed in the report
  std::string service;  // "home care", "residential", "supported living": selects rules with
                        // `services` (paid travel time is checked only for home care)
  // The day the advert is checked for: pay floor rules compare hourly pay with the rate in force
  // then. Today (UTC) when empty, so a report names the date in its findings; tests fix it.
  std::optional<Date> date = std::nullopt;
};

// The working memory of a check, kept from one check to the next: the analysed document, the
// analyser's scratch (ICU iterator clones, a memo of the words seen), the rules' scratch (with a
// cache of the words' symbols), the evaluation and the scoring ledger, and the same for a
// provider's allowed terms. With one reused, a check allocates only for its report; a new one
// allocates several hundred kilobytes and fills its caches again over its first checks. Whoever
// checks many adverts keeps one per thread; the server leases one per check from a
// CheckContextPool (check_context_pool.hpp), which holds one per worker checking at once.
//
// A context may serve any number of Checkers, one check at a time. Its caches hold the words of
// the Checker it served last; a check with another Checker empties them first.
//
// Thread safety: none; use each from one thread at a time.
class CheckContext {
 public:
  CheckContext();
  ~CheckContext();
  CheckContext(CheckContext&&) noexcept;
  CheckContext& operator=(CheckContext&&) noexcept;

 private:
  friend class Checker;
  struct State;
  std::unique_ptr<State> state_;
};

class Checker {
 public:
  // `rules` and `analyzer` (and `allowed`, when given) must outlive the Checker. Throws
  // Error(kInvalid) when a term of the rules has nothing to match. With `allowed`, the findings
  // its terms cover are removed before scoring (a provider's settings; settings_checker.hpp).
  Checker(const rules::RuleSet& rules, const text::Analyzer& analyzer,
          const rules::AllowedTerms* allowed = nullptr);

  // Checks `text` with `context`'s working memory. Throws Error(kMalformed) for invalid UTF-8
  // (from the analyser), naming the byte offset. The same text, options (with a date) and rules
  // always give the same report, whatever the context has served before.
  Report check(std::string_view text, const CheckOptions& options, CheckContext& context) const;
  // The same with a CheckContext made for this call and dropped after it, which costs its
  // allocation and cold caches every time: for a one-off check, not for a loop.
  Report check(std::string_view text, const CheckOptions& options = {}) const;

  const rules::RuleSet& rule_set() const { return rules_; }
  const rules::CompiledRules& compiled() const { return compiled_; }

 private:
  const rules::RuleSet& rules_;
  const text::Analyzer& analyzer_;
  rules::CompiledRules compiled_;
  ScoringRules scoring_;
  const rules::AllowedTerms* allowed_;
};

}  // namespace caretoolkit::advert
