// Which matches of a substitute rule can be replaced without a person reading them (Rule::fix),
// and with what. The pack loader validates a rule's forms with the same functions the checker
// uses to look a match up, so a form that loads is a form that can be found.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule.hpp"

namespace caretoolkit::rules {

// A match or a form as compared: ASCII letters in lower case, and every run of spaces, line
// breaks and hyphens as one space ("Prior-\nto" and "prior to" are the same form).
std::string fix_form(std::string_view text);

// Whether `term` (term syntax, Rule::terms) matches the form `form` (as fix_form gives it): word
// for word, a stem word ("utilis*") by its start and "#" by digits.
bool term_matches_form(std::string_view term, std::string_view form);

// The replacement, as the pack writes it, for a match of `rule` whose text is `matched`, when the
// rule declares it safe for that match; nullptr when the match is only to be suggested.
const std::string* safe_replacement(const Rule& rule, std::string_view matched);

}  // namespace caretoolkit::rules
