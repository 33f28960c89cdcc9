// Bytes to words, rounded down and written with thousands separators.
#include "advert/length_limit.hpp"

namespace caretoolkit::advert {
namespace {

std::string with_separators(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::size_t words_within(std::size_t bytes) {
  const auto words = static_cast<std::size_t>(static_cast<double>(bytes) / kRequestBytesPerWord);
  const std::size_t step = words >= 10'000 ? 1'000 : 100;
  return words / step * step;
}

std::string too_long_to_check(std::size_t limit_bytes) {
  return "Your advert is too long to check: the limit is about " +
         with_separators(words_within(limit_bytes)) + " words.";
}

}  // namespace caretoolkit::advert
