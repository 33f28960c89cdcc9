// 64 bytes at a time on processors with AVX-512BW, chosen at run time. The byte scanners of the
// fast paths (the word segmenter's class masks, the sentence segmenter's skip over plain text)
// have a 16-byte SSE2 form that runs everywhere and a 64-byte form built with these helpers,
// which runs where enabled() says so. A compare of 64 bytes gives its 64-bit mask directly, where
// SSE2 takes four compares, four mask moves and the shifts to join them.
//
// A function using the helpers must carry CARETOOLKIT_WIDE itself (the helpers inline only into
// code compiled for the same instruction set) and be called only when enabled().
#pragma once

#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CARETOOLKIT_HAS_WIDE 1
#define CARETOOLKIT_WIDE [[gnu::target("avx512bw")]]
#else
#define CARETOOLKIT_HAS_WIDE 0
#endif

namespace caretoolkit::text::wide {

namespace detail {
extern bool use_wide;  // set once at start-up, and by set_enabled()
}  // namespace detail

// Whether the 64-byte forms run: the processor has AVX-512BW and set_enabled(false) was not
// called. Read on every block, so inline: a plain load.
inline bool enabled() noexcept {
  return detail::use_wide;
}

// Turns the 64-byte forms off (or back on, if the processor has them) for the whole process, so
// that tests can run the 16-byte forms on any processor. Not for use while texts are analysed.
void set_enabled(bool on) noexcept;

#if CARETOOLKIT_HAS_WIDE
CARETOOLKIT_WIDE inline __m512i load(const char* bytes) noexcept {
  return _mm512_loadu_si512(bytes);
}

// A bit for each byte of `x` that equals `c`.
CARETOOLKIT_WIDE inline std::uint64_t equal(__m512i x, char c) noexcept {
  return _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(c));
}

// A bit for each byte of `x` in [low, high] (ASCII bounds): bytes from 0x80 up never are.
CARETOOLKIT_WIDE inline std::uint64_t in_range(__m512i x, char low, char high) noexcept {
  // Below `low` wraps to more than the range's width, and so does every byte from 0x80 up.
  return _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8(low)),
                                _mm512_set1_epi8(static_cast<char>(high - low)));
}

// A bit for each byte of `x` at or above 0x80.
CARETOOLKIT_WIDE inline std::uint64_t non_ascii(__m512i x) noexcept {
  return _mm512_movepi8_mask(x);
}
#endif

}  // namespace caretoolkit::text::wide
