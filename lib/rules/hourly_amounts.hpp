// Reading amounts of pay from an analysed advert, for pay floor rules: which amounts are hourly
// and what they are worth, in pence.
//
// An amount is a money token range ("£12.50", "12.50", "£24,000"), a word that runs an amount
// into its unit ("12.71ph", "£12.71p/h"), or, in a range, a plain number after the separator
// ("£12 - 13 an hour"). A range ("£11.50 - £12.50", "£11.50 to £12.50") is read as one: its unit
// follows its last amount and every amount in it is judged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "rules/matcher.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

struct Amount {
  std::uint32_t first = 0;  // token range [first, end), with the "£" when there is one
  std::uint32_t end = 0;
  Pence value;
  bool glued_unit = false;  // the word ran on into one of the hourly units ("12.71ph")
};

// A run of amounts joined by range separators, [begin, end) into the amounts.
struct AmountRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The units written against an amount, as they appear glued to it: each term with its spaces
// taken out and lower-cased ("p/h" from "p / h", "ph").
std::vector<std::string> glued_unit_forms(const std::vector<std::string>& per_hour);

// Every amount of `document` in text order: the money hits of `match` and the words that run an
// amount into one of `glued_units`, then grouped into ranges (`ranges`, in text order).
void find_amounts(const text::Document& document, const MatchResult& match,
                  const std::vector<std::string>& glued_units, std::vector<Amount>& amounts,
                  std::vector<AmountRange>& ranges);

// "£12.71" for 1271 pence.
std::string pounds_text(Pence amount);

}  // namespace caretoolkit::rules
