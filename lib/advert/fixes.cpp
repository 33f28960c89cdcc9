// Safe edits from findings, in the case of the text they replace; applying them; rounds of both.
#include "advert/fixes.hpp"

#include <algorithm>

#include "rules/fix.hpp"

namespace caretoolkit::advert {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

}  // namespace

std::string match_case(std::string_view replacement, std::string_view replaced) {
  std::string out(replacement);
  const auto letters = std::count_if(replaced.begin(), replaced.end(),
                                     [](char c) { return is_upper(c) || is_lower(c); });
  const bool shouting = letters >= 2 && std::none_of(replaced.begin(), replaced.end(), is_lower);
  if (shouting) {
    for (char& c : out) {
      if (is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
    }
  } else if (!replaced.empty() && is_upper(replaced.front()) && !out.empty() &&
             is_lower(out.front())) {
    out.front() = static_cast<char>(out.front() - 'a' + 'A');
  }
  return out;
}

std::optional<Edit> safe_edit(const rules::Rule& rule, const Finding& f) {
  if (!f.span || f.outcome != rules::Outcome::kFound) return std::nullopt;
  const std::string* replacement = rules::safe_replacement(rule, f.text);
  if (replacement == nullptr) return std::nullopt;
  return Edit{rule.id, *f.span, match_case(*replacement, f.text)};
}

std::vector<Edit> compatible_edits(const std::vector<Finding>& findings) {
  std::vector<Edit> candidates;
  for (const Finding& f : findings) {
    if (f.edit) candidates.push_back(*f.edit);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::vector<Edit> chosen;
  for (Edit& e : candidates) {
    if (chosen.empty() || e.span.begin >= chosen.back().span.end) chosen.push_back(std::move(e));
  }
  return chosen;
}

std::string apply_edits(std::string_view text, std::span<const Edit> edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(at, e.span.begin - at));
    out.append(e.replacement);
    at = e.span.end;
  }
  out.append(text.substr(at));
  return out;
}

FixResult fix_advert(const Checker& checker, std::string_view text, const CheckOptions& options,
                     CheckContext& context) {
  FixResult result{std::string(text), 0, 0};
  while (result.rounds < kMaxFixRounds) {
    const Report report = checker.check(result.text, options, context);
    const std::vector<Edit> edits = compatible_edits(report.findings);
    if (edits.empty()) break;
    result.text = apply_edits(result.text, edits);
    result.applied += static_cast<int>(edits.size());
    ++result.rounds;
  }
  return result;
}

}  // namespace caretoolkit::advert
