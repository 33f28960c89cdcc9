// Pounds and pence; see money.hpp.
#include "core/money.hpp"

#include <cmath>
#include <cstdio>

namespace caretoolkit {

namespace {
constexpr std::int64_t kMaxPence = 1'000'000'000'000;  // £10 billion
}

std::optional<Pence> parse_pounds(std::string_view text) {
  if (text.starts_with("\xC2\xA3")) text.remove_prefix(2);  // "£"
  if (text.empty()) return std::nullopt;
  std::int64_t pounds = 0;
  std::size_t i = 0;
  std::size_t digits = 0;
  std::size_t digits_since_comma = 0;
  bool saw_comma = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',') {
      // Thousands separators must sit between groups of three digits.
      if (digits == 0 || (saw_comma && digits_since_comma != 3)) return std::nullopt;
      saw_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    pounds = pounds * 10 + (c - '0');
    ++digits;
    ++digits_since_comma;
    if (pounds * 100 > kMaxPence) return std::nullopt;
  }
  if (digits == 0 || (saw_comma && digits_since_comma != 3)) return std::nullopt;
  std::int64_t pence = 0;
  if (i < text.size()) {  // text[i] == '.'
    const std::string_view decimals = text.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2) return std::nullopt;
    for (const char c : decimals) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    pence = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
  }
  return Pence{pounds * 100 + pence};
}

std::string format_pounds(Pence amount) {
  const bool negative = amount.value < 0;
  const std::int64_t magnitude = negative ? -amount.value : amount.value;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", negative ? "-" : "",
                static_cast<long long>(magnitude / 100), static_cast<long long>(magnitude % 100));
  return buffer;
}

std::optional<Pence> divide_rounded(Pence numerator, double denominator) {
  if (denominator == 0.0) return std::nullopt;
  const double exact = static_cast<double>(numerator.value) / denominator;
  // Half up, away from zero for the negative case, so -0.5 -> -1 as 0.5 -> 1.
  const double rounded = exact >= 0 ? std::floor(exact + 0.5) : -std::floor(-exact + 0.5);
  return Pence{static_cast<std::int64_t>(rounded)};
}

}  // namespace caretoolkit
