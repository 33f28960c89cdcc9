// Pounds and pence; see money.hpp.
#include "core/money.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace caretoolkit {

namespace detail {
void throw_money_overflow() {
  throw Error(ErrorCode::kInvalid,
              "The amounts of money add up to more than the toolkit can hold (about £92,000 "
              "trillion); check the amounts entered.");
}
}  // namespace detail

PoundsReading read_pounds(std::string_view text) {
  if (text.starts_with("\xC2\xA3")) text.remove_prefix(2);  // "£"
  if (text.empty()) return {};
  // Pounds past the limit stop growing here, so that a long run of digits cannot overflow.
  constexpr std::int64_t kPastMax = kMaxAmount.value / 100 + 1;
  std::int64_t pounds = 0;
  std::size_t i = 0;
  std::size_t digits = 0;
  std::size_t digits_since_comma = 0;
  bool saw_comma = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',') {
      // Thousands separators must sit between groups of three digits.
      if (digits == 0 || (saw_comma && digits_since_comma != 3)) return {};
      saw_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return {};
    pounds = std::min(pounds * 10 + (c - '0'), kPastMax);
    ++digits;
    ++digits_since_comma;
  }
  if (digits == 0 || (saw_comma && digits_since_comma != 3)) return {};
  std::int64_t pence = 0;
  if (i < text.size()) {  // text[i] == '.'
    const std::string_view decimals = text.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2) return {};
    for (const char c : decimals) {
      if (c < '0' || c > '9') return {};
    }
    pence = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
  }
  const Pence amount{pounds * 100 + pence};
  if (amount > kMaxAmount) return {std::nullopt, true};
  return {amount, false};
}

std::optional<Pence> parse_pounds(std::string_view text) {
  return read_pounds(text).amount;
}

std::string format_pounds(Pence amount) {
  const bool negative = amount.value < 0;
  // Unsigned, so that the most negative amount has a magnitude too.
  const auto value = static_cast<std::uint64_t>(amount.value);
  const std::uint64_t magnitude = negative ? 0 - value : value;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / 100),
                static_cast<unsigned long long>(magnitude % 100));
  return buffer;
}

std::string readable_pounds(Pence amount) {
  const std::string plain = format_pounds(amount);  // "-12097.50"
  const bool negative = plain.starts_with('-');
  const std::size_t point = plain.find('.');
  const std::string digits = plain.substr(negative ? 1 : 0, point - (negative ? 1 : 0));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (negative ? "-£" : "£") + grouped + plain.substr(point);
}

std::optional<Pence> divide_rounded(Pence numerator, double denominator) {
  if (denominator == 0.0) return std::nullopt;
  return round_pence(static_cast<double>(numerator.value) / denominator);
}

std::optional<Pence> round_pence(double exact) {
  // 2^63, exactly representable: every double below it in magnitude converts without overflow.
  constexpr double kLimit = 9'223'372'036'854'775'808.0;
  if (!std::isfinite(exact)) return std::nullopt;
  // Half up, away from zero for the negative case, so -0.5 -> -1 as 0.5 -> 1.
  const double rounded = exact >= 0 ? std::floor(exact + 0.5) : -std::floor(-exact + 0.5);
  if (rounded >= kLimit || rounded < -kLimit) return std::nullopt;
  return Pence{static_cast<std::int64_t>(rounded)};
}

}  // namespace caretoolkit
