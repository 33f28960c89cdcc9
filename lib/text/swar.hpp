// Word-at-a-time ("SWAR") helpers for the ASCII fast paths: eight bytes of text tested or changed
// in one 64-bit operation. Shared by the analyser, the sentence segmenter and UTF-8 validation so
// that the bit tricks live in one place.
#pragma once

#include <cstdint>
#include <cstring>

namespace caretoolkit::text::swar {

// 0x01 in every byte: multiplying a byte value by it repeats the byte eight times.
inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
// 0x80 in every byte: the bits that are set only in non-ASCII bytes.
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The eight bytes at `bytes` as one word (any alignment).
inline std::uint64_t load(const char* bytes) noexcept {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

}  // namespace caretoolkit::text::swar
