// Amounts of pay in an advert's tokens, for pay floor rules.
#include "rules/hourly_amounts.hpp"

#include <algorithm>
#include <cctype>

#include "rules/matcher_internal.hpp"

namespace caretoolkit::rules {
namespace {

using text::Document;
using text::Token;
using text::TokenKind;

constexpr std::string_view kPound = "\xC2\xA3";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The length of the amount that starts `word` ("12.71" of "12.71ph"): digits, thousands commas
// and at most one decimal point followed by two digits.
std::size_t amount_length(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size() && (is_digit(word[i]) || word[i] == ',')) ++i;
  if (i + 2 < word.size() && word[i] == '.' && is_digit(word[i + 1]) && is_digit(word[i + 2])) {
    i += 3;
  }
  return i;
}

// Whether token `i` is a pound sign directly before token `i + 1` (at most one space apart).
bool pound_before(const Document& document, std::size_t i) {
  const auto tokens = document.tokens();
  return i + 1 < tokens.size() && document.text(tokens[i].span) == kPound &&
         tokens[i + 1].span.begin - tokens[i].span.end <= 1;
}

// A word such as "12.71ph" whose amount runs into one of `units`, perhaps over the tokens that
// touch it ("12.71p" "/" "h").
std::optional<Amount> glued_amount(const Document& document, std::uint32_t i,
                                   const std::vector<std::string>& units) {
  const auto tokens = document.tokens();
  const std::string_view word = document.text(tokens[i].span);
  const std::size_t length = amount_length(word);
  if (length == 0 || length == word.size()) return std::nullopt;
  const auto value = parse_pounds(word.substr(0, length));
  if (!value) return std::nullopt;
  std::string unit = lower(word.substr(length));
  std::uint32_t last = i;
  constexpr int kMostTokens = 3;  // "p" "/" "hr"
  for (int more = 0;; ++more) {
    if (std::find(units.begin(), units.end(), unit) != units.end()) {
      const std::uint32_t first = i > 0 && pound_before(document, i - 1) ? i - 1 : i;
      return Amount{first, last + 1, *value, true};
    }
    if (more == kMostTokens || last + 1 >= tokens.size() ||
        tokens[last + 1].span.begin != tokens[last].span.end) {
      return std::nullopt;
    }
    ++last;
    unit += lower(document.text(tokens[last].span));
  }
}

bool is_range_separator(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "to" || s == "TO" ||
         s == "To";
}

}  // namespace

std::vector<std::string> glued_unit_forms(const std::vector<std::string>& per_hour) {
  std::vector<std::string> out;
  for (const std::string& term : per_hour) {
    std::string form;
    for (const char c : term) {
      if (c != ' ') form.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    out.push_back(std::move(form));
  }
  return out;
}

void find_amounts(const Document& document, const MatchResult& match,
                  const std::vector<std::string>& glued_units, std::vector<Amount>& amounts,
                  std::vector<AmountRange>& ranges) {
  amounts.clear();
  ranges.clear();
  const auto tokens = document.tokens();
  for (const ClassHit& hit : match.classes) {
    if (hit.token_class != TokenClass::kMoney) continue;
    const auto value = parse_pounds(document.text(tokens[hit.end - 1].span));
    if (value) amounts.push_back(Amount{hit.first, hit.end, *value, false});
  }
  for (const std::uint32_t i : match.others) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord || !is_digit(document.text(t.span)[0])) continue;
    if (auto amount = glued_amount(document, i, glued_units)) amounts.push_back(*amount);
  }
  std::sort(amounts.begin(), amounts.end(),
            [](const Amount& a, const Amount& b) { return a.first < b.first; });
  // Ranges: an amount, a separator, then another amount or a plain number.
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    const std::size_t begin = k;
    while (true) {
      const std::uint32_t separator = amounts[k].end;
      if (amounts[k].glued_unit || separator + 1 >= tokens.size() ||
          !is_range_separator(document.text(tokens[separator].span))) {
        break;
      }
      if (k + 1 < amounts.size() && amounts[k + 1].first == separator + 1) {
        ++k;
        continue;
      }
      const Token& next = tokens[separator + 1];
      const auto value = next.kind == TokenKind::kNumber ? parse_pounds(document.text(next.span))
                                                         : std::optional<Pence>{};
      if (!value) break;
      amounts.insert(amounts.begin() + static_cast<std::ptrdiff_t>(k + 1),
                     Amount{separator + 1, separator + 2, *value, false});
      ++k;
    }
    ranges.push_back(AmountRange{begin, k + 1});
  }
}

std::string pounds_text(Pence amount) {
  return std::string(kPound) + format_pounds(amount);
}

}  // namespace caretoolkit::rules
