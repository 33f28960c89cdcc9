// Money as a whole number of pence. Amounts are never floating point: spend is summed and divided
// exactly, and rounding to whole pence happens once, at the end, half up.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caretoolkit {

struct Pence {
  std::int64_t value = 0;

  friend constexpr auto operator<=>(Pence, Pence) = default;
  friend constexpr bool operator==(Pence, Pence) = default;
  friend constexpr Pence operator+(Pence a, Pence b) { return Pence{a.value + b.value}; }
  friend constexpr Pence operator-(Pence a, Pence b) { return Pence{a.value - b.value}; }
  constexpr Pence& operator+=(Pence other) {
    value += other.value;
    return *this;
  }
};

// Parses pounds as a spreadsheet writes them: "1200", "1200.5", "1,200.50", "£1,200.50".
// At most two decimals; no sign, no exponent. Returns nullopt for anything else, including
// negative amounts ("-5") and amounts over £10 billion.
std::optional<Pence> parse_pounds(std::string_view text);

// "1200.50": pounds with exactly two decimals and no thousands separator (what CSV export writes).
std::string format_pounds(Pence amount);

// numerator / denominator rounded half up to whole pence; nullopt when the denominator is 0.
// (50000 / 3 -> 16667.)
std::optional<Pence> divide_rounded(Pence numerator, double denominator);

}  // namespace caretoolkit
