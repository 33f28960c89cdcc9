// Money as a whole number of pence. Amounts are never floating point: spend is summed and divided
// exactly, and rounding to whole pence happens once, at the end, half up.
//
// Every amount a person enters is at most kMaxAmount, so sums of millions of entries still fit;
// arithmetic past what Pence holds throws caretoolkit::Error (kInvalid) instead of wrapping.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caretoolkit {

namespace detail {
// Throws Error(kInvalid): amounts add up to more than Pence can hold.
[[noreturn]] void throw_money_overflow();
}  // namespace detail

struct Pence {
  std::int64_t value = 0;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 false positive (llvm-project#53961)
  friend constexpr auto operator<=>(Pence, Pence) = default;
  friend constexpr bool operator==(Pence, Pence) = default;
  friend constexpr Pence operator+(Pence a, Pence b) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.value, b.value, &sum)) detail::throw_money_overflow();
    return Pence{sum};
  }
  friend constexpr Pence operator-(Pence a, Pence b) {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(a.value, b.value, &difference)) detail::throw_money_overflow();
    return Pence{difference};
  }
  constexpr Pence& operator+=(Pence other) { return *this = *this + other; }
};

// The largest amount of money any input may hold: £10 billion. Spend entries, replacement costs,
// and pounds or pence read from the API, CSV files and the command line are all bounded by it.
inline constexpr Pence kMaxAmount{1'000'000'000'000};
// kMaxAmount in the words of every message that refuses more (money_test checks that they agree).
inline constexpr std::string_view kMaxAmountRule =
    "the largest amount the toolkit takes is \xC2\xA3"
    "10000000000.00";

// What reading pounds found: the amount, or none; and when none, whether the text was written as
// pounds but is more than kMaxAmount, so that a message can name the limit instead of the form.
struct PoundsReading {
  std::optional<Pence> amount;
  bool over_max = false;
};

// Reads pounds as a spreadsheet writes them: "1200", "1200.5", "1,200.50", "£1,200.50".
// At most two decimals; no sign, no exponent. No amount for anything else, including negative
// amounts ("-5") and amounts over kMaxAmount ("20000000000": over_max).
PoundsReading read_pounds(std::string_view text);
// read_pounds(text).amount.
std::optional<Pence> parse_pounds(std::string_view text);

// "1200.50": pounds with exactly two decimals and no thousands separator (what CSV export writes).
std::string format_pounds(Pence amount);

// "£12,097.50", "-£1,234,567.89": pounds as people read them, with the pound sign and thousands
// separators (readable reports, the command line's lines and tables, import summaries).
std::string readable_pounds(Pence amount);

// numerator / denominator rounded half up to whole pence; nullopt when the denominator is 0 or the
// quotient is more than Pence holds. (50000 / 3 -> 16667.)
std::optional<Pence> divide_rounded(Pence numerator, double denominator);

// `exact` pence rounded to whole pence, halves away from zero (half up for a positive amount);
// nullopt when it is not finite or is more than Pence holds (about £92 quadrillion).
std::optional<Pence> round_pence(double exact);

}  // namespace caretoolkit
