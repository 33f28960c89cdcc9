// The advert checker: built once from the loaded rules and a text analyser, then asked to check
// any number of adverts. Checking is one analysis pass and one matching pass over the tokens.
//
// Thread safety: check() is const and may run on many threads at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "advert/report.hpp"
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

class Checker {
 public:
  // `rules` and `analyzer` (and `allowed`, when given) must outlive the Checker. Throws
  // Error(kInvalid) when a term of the rules has nothing to match. With `allowed`, the findings
  // its terms cover are removed before scoring (a provider's settings; settings_checker.hpp).
  Checker(const rules::RuleSet& rules, const text::Analyzer& analyzer,
          const rules::AllowedTerms* allowed = nullptr);

  // Throws Error(kMalformed) for invalid UTF-8 (from the analyser), naming the byte offset.
  // The same text, options (with a date) and rules always give the same report.
  Report check(std::string_view text, const CheckOptions& options = {}) const;

  const rules::RuleSet& rule_set() const { return rules_; }
  const rules::CompiledRules& compiled() const { return compiled_; }

 private:
  const rules::RuleSet& rules_;
  const text::Analyzer& analyzer_;
  rules::CompiledRules compiled_;
  const rules::AllowedTerms* allowed_;
};

}  // namespace caretoolkit::advert
