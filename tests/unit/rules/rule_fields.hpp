// The fields every rule needs besides its id and kind, for the rules tests that write rule JSON
// inline and care about something else.
#pragma once

#include <string>

inline const std::string kCommonRuleFields =
    R"("category": "clarity", "severity": "warning", "weight": 4, "message": "m", "source": "s")";
