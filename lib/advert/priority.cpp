// Priorities from severity and points; a stable sort on (critical, points lost).
#include "advert/priority.hpp"

#include <algorithm>

namespace caretoolkit::advert {

Priority priority_of(const Finding& finding) {
  if (finding.points > 0) return Priority::kNone;
  const int lost = -finding.points;
  if (finding.severity == rules::Severity::kInfo && lost == 0 && !finding.edit) {
    return Priority::kNone;
  }
  if (finding.severity == rules::Severity::kCritical || lost >= kMustChangePoints) {
    return Priority::kMust;
  }
  if (finding.severity == rules::Severity::kWarning || lost >= kShouldChangePoints) {
    return Priority::kShould;
  }
  return Priority::kCould;
}

std::optional<std::string_view> to_string(Priority priority) {
  switch (priority) {
    case Priority::kMust:
      return "must";
    case Priority::kShould:
      return "should";
    case Priority::kCould:
      return "could";
    case Priority::kNone:
      break;
  }
  return std::nullopt;
}

void order_by_impact(std::vector<Finding>& findings) {
  for (Finding& f : findings) f.priority = priority_of(f);
  const auto critical = [](const Finding& f) { return f.severity == rules::Severity::kCritical; };
  const auto lost = [](const Finding& f) { return std::max(0, -f.points); };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (critical(a) != critical(b)) return critical(a);
    return lost(a) > lost(b);
  });
}

}  // namespace caretoolkit::advert
