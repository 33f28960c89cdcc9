// What the rules tests share: the fields every rule needs besides its id and kind, for tests
// that write rule JSON inline and care about something else, and one analyzer for them all.
#pragma once

#include <string>

#include "core/error.hpp"
#include "rules/rule_pack.hpp"
#include "text/analyzer.hpp"

inline const caretoolkit::text::Analyzer& analyzer() {
  static const caretoolkit::text::Analyzer instance;
  return instance;
}

inline const std::string kCommonRuleFields =
    R"("category": "clarity", "severity": "warning", "weight": 4, "message": "m", "source": "s")";

// The message of the Error thrown while parsing the pack `json`, or "no error".
inline std::string pack_error_of(const std::string& json) {
  try {
    caretoolkit::rules::parse_rule_pack(json, "rules/test.json");
  } catch (const caretoolkit::Error& e) {
    return e.what();
  }
  return "no error";
}
