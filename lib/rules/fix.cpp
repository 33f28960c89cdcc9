// Forms compared word for word in ASCII lower case; a safe rule without forms covers every match.
#include "rules/fix.hpp"

#include <algorithm>
#include <vector>
#include "core/ascii.hpp"

namespace caretoolkit::rules {
namespace {

bool is_gap(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

bool word_matches(std::string_view term_word, std::string_view form_word) {
  if (term_word == "#") {
    return !form_word.empty() && std::all_of(form_word.begin(), form_word.end(),
                                             [](char c) { return c >= '0' && c <= '9'; });
  }
  const bool stem = term_word.ends_with('*');
  if (stem) term_word.remove_suffix(1);
  if (stem ? form_word.size() < term_word.size() : form_word.size() != term_word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < term_word.size(); ++i) {
    if (ascii_lower(term_word[i]) != form_word[i]) return false;
  }
  return true;
}

}  // namespace

std::string fix_form(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (char c : text) {
    if (is_gap(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += ascii_lower(c);
  }
  return out;
}

bool term_matches_form(std::string_view term, std::string_view form) {
  const std::string spaced = fix_form(term);  // "part-time" in a term matches "part time"
  const auto term_words = words_of(spaced);
  const auto form_words = words_of(form);
  if (term_words.size() != form_words.size()) return false;
  for (std::size_t i = 0; i < term_words.size(); ++i) {
    if (!word_matches(term_words[i], form_words[i])) return false;
  }
  return true;
}

const std::string* safe_replacement(const Rule& rule, std::string_view matched) {
  if (rule.kind != RuleKind::kSubstitute || !rule.fix.safe) return nullptr;
  if (rule.fix.forms.empty()) return &rule.replacement;
  const std::string form = fix_form(matched);
  for (const auto& [key, replacement] : rule.fix.forms) {
    if (key == form) return &replacement;
  }
  return nullptr;
}

}  // namespace caretoolkit::rules
