// UTF-8 validation and UTF-16 offset counting; see utf8.hpp.
#include "text/utf8.hpp"

#include <unicode/utf8.h>

#include "text/swar.hpp"
#include "text/wide.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace caretoolkit::text {
namespace {

using swar::kHighBits;

#if CARETOOLKIT_HAS_WIDE
// Sixty-four bytes at a time, where wide::enabled(): the offset of the first non-ASCII byte, or
// where fewer than 64 bytes are left.
CARETOOLKIT_WIDE std::size_t skip_ascii_wide(std::string_view bytes, std::size_t i) noexcept {
  for (; i + 64 <= bytes.size(); i += 64) {
    const std::uint64_t high = wide::non_ascii(wide::load(bytes.data() + i));
    if (high != 0) return i + static_cast<std::size_t>(__builtin_ctzll(high));
  }
  return i;
}
#endif

// Skips ASCII a block at a time; returns the first offset >= `from` that may hold a non-ASCII
// byte (or the start of the last partial word).
std::size_t skip_ascii_words(std::string_view bytes, std::size_t from) noexcept {
  std::size_t i = from;
#if CARETOOLKIT_HAS_WIDE
  if (wide::enabled()) i = skip_ascii_wide(bytes, i);
#endif
#if defined(__SSE2__)
  // Sixteen bytes at a time, landing on the first non-ASCII byte.
  while (i + 16 <= bytes.size()) {
    const auto high = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i))));
    if (high != 0) return i + static_cast<std::size_t>(__builtin_ctz(high));
    i += 16;
  }
#endif
  while (i + 8 <= bytes.size()) {
    if ((swar::load(bytes.data() + i) & kHighBits) != 0) break;
    i += 8;
  }
  return i;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept {
  for (std::size_t i = find_non_ascii(bytes); i < bytes.size(); i = find_non_ascii(bytes, i)) {
    const std::size_t start = i;
    if (decode_checked(bytes, i) < 0) return start;
  }
  return std::nullopt;
}

std::int32_t decode_checked(std::string_view bytes, std::size_t& i) noexcept {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  auto at = static_cast<std::int64_t>(i);
  UChar32 c;
  // U8_NEXT rejects overlongs, surrogates, values above U+10FFFF and truncated sequences.
  U8_NEXT(s, at, static_cast<std::int64_t>(bytes.size()), c);
  i = static_cast<std::size_t>(at);
  return c;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size());
  std::size_t copied = 0;
  for (std::size_t i = find_non_ascii(bytes); i < bytes.size(); i = find_non_ascii(bytes, i)) {
    const std::size_t start = i;
    if (decode_checked(bytes, i) >= 0) continue;
    out.append(bytes.substr(copied, start - copied));
    out.append(kReplacement);
    copied = i;
  }
  out.append(bytes.substr(copied));
  return out;
}

std::size_t find_non_ascii(std::string_view bytes, std::size_t from) noexcept {
  std::size_t i = skip_ascii_words(bytes, from);
  while (i < bytes.size() && static_cast<std::uint8_t>(bytes[i]) < 0x80) ++i;
  return i;
}

void Utf16Offsets::reset(std::string_view text) {
  clear();
  for (std::size_t i = find_non_ascii(text); i < text.size(); i = find_non_ascii(text, i)) {
    auto at = static_cast<std::uint32_t>(i);
    const std::uint32_t begin = at;
    const char32_t c = decode_at(text, at);
    add(begin, at, c >= 0x10000 ? 2 : 1);
    i = at;
  }
}

}  // namespace caretoolkit::text
