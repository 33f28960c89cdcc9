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

void assign_priorities(std::vector<Finding>& findings) {
  for (Finding& f : findings) f.priority = priority_of(f);
}

std::vector<const Finding*> by_impact(const std::vector<Finding>& findings) {
  // Only the findings that lose points (or are critical) move forward; the rest, most of a
  // report, keep their order after them.
  const auto critical = [](const Finding& f) { return f.severity == rules::Severity::kCritical; };
  const auto lost = [](const Finding& f) { return std::max(0, -f.points); };
  std::vector<const Finding*> ordered;
  ordered.reserve(findings.size());
  for (const Finding& f : findings) {
    if (critical(f) || lost(f) > 0) ordered.push_back(&f);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [&](const Finding* a, const Finding* b) {
    if (critical(*a) != critical(*b)) return critical(*a);
    return lost(*a) > lost(*b);
  });
  for (const Finding& f : findings) {
    if (!critical(f) && lost(f) == 0) ordered.push_back(&f);
  }
  return ordered;
}

}  // namespace caretoolkit::advert
