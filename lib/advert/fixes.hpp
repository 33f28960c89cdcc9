// One-click rewrites: the edits a report can apply without a person reading them (a substitute
// rule's safe replacement, rules/fix.hpp), and applying them to the text.
//
// Case follows the text replaced: "Utilise" becomes "Use", "UTILISE" becomes "USE", "utilise"
// becomes "use". Of two edits that overlap, only the one that starts first (starting together,
// the one listed first) is applied at once; checking the rewritten text again offers the other if
// it still applies.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "advert/checker.hpp"
#include "advert/report.hpp"
#include "rules/rule.hpp"

namespace caretoolkit::advert {

// At most this many rounds of check and rewrite in fix_advert: a round applies every listed safe
// edit, so this bounds the work on a text that repeats one word thousands of times.
inline constexpr int kMaxFixRounds = 20;

// `replacement` in the case of `replaced`: capitals when `replaced` has two letters or more and
// no lower-case one, a capital first letter when `replaced` starts with one, else as written.
std::string match_case(std::string_view replacement, std::string_view replaced);

// The edit for finding `f` of `rule` when the rule declares its replacement safe for the matched
// text; nullopt otherwise (no span, not found, or only a suggestion).
std::optional<Edit> safe_edit(const rules::Rule& rule, const Finding& f);

// The edits of `findings` that can be applied together: sorted by position, each starting at or
// after the end of the one before; of two that overlap, the one that starts first (starting
// together, the one listed first in `findings`).
std::vector<Edit> compatible_edits(const std::vector<Finding>& findings);

// `text` with each edit's byte span replaced. The edits must be sorted and must not overlap (as
// compatible_edits gives them), with spans inside the text.
std::string apply_edits(std::string_view text, std::span<const Edit> edits);

struct FixResult {
  std::string text;  // the rewritten advert
  int applied = 0;   // edits applied over all rounds
  int rounds = 0;    // checks that found edits to apply
};

// Checks `text`, applies the report's edits and checks again, until a check finds none or
// kMaxFixRounds rounds have run, each check with `context`. Throws as Checker::check.
FixResult fix_advert(const Checker& checker, std::string_view text, const CheckOptions& options,
                     CheckContext& context);

}  // namespace caretoolkit::advert
