// What the rules tests share: the fields every rule needs besides its id and kind, for tests
// that write rule JSON inline and care about something else, and one analyzer for them all.
#pragma once

#include <string>

#include "text/analyzer.hpp"

inline const caretoolkit::text::Analyzer& analyzer() {
  static const caretoolkit::text::Analyzer instance;
  return instance;
}

inline const std::string kCommonRuleFields =
    R"("category": "clarity", "severity": "warning", "weight": 4, "message": "m", "source": "s")";
