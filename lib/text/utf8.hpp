// UTF-8 checks and offset conversion used by the analyzer: finding the first ill-formed byte
// sequence, spotting pure ASCII, and turning UTF-8 byte offsets into UTF-16 code unit offsets
// (what a browser's string indices count).
//
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caretoolkit::text {

// The byte offset at which the first ill-formed sequence starts, or nullopt when `bytes` is
// well-formed UTF-8. Ill-formed means what the Unicode standard says: stray continuation bytes,
// bytes C0, C1 and F5..FF, overlong forms, surrogates (ED A0..BF), code points above U+10FFFF and
// sequences cut short, including at the end of the input.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

// `bytes` with each ill-formed sequence (as find_invalid_utf8 means it) replaced by U+FFFD, so that
// text a client sent can be quoted back in JSON: "/a\xC0\xAFb" -> "/a\uFFFD\uFFFDb".
std::string replace_invalid_utf8(std::string_view bytes);

// The offset of the first byte >= 0x80 at or after `from`, or bytes.size() when there is none.
std::size_t find_non_ascii(std::string_view bytes, std::size_t from = 0) noexcept;

// Decodes the sequence that starts at `i` and moves `i` past it. Returns the code point, or -1
// when the sequence is ill-formed as find_invalid_utf8 means it (`i` then moves past the bytes
// read). For callers that visit the non-ASCII characters themselves, once, instead of validating
// the whole text first.
std::int32_t decode_checked(std::string_view bytes, std::size_t& i) noexcept;

// Decodes the code point that starts at `i` in valid UTF-8 and moves `i` past it.
inline char32_t decode_at(std::string_view text, std::uint32_t& i) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const char32_t lead = s[0];
  if (lead < 0x80) {
    i += 1;
    return lead;
  }
  if (lead < 0xE0) {
    i += 2;
    return ((lead & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (lead < 0xF0) {
    i += 3;
    return ((lead & 0x0F) << 12) | ((s[1] & 0x3FU) << 6) | (s[2] & 0x3F);
  }
  i += 4;
  return ((lead & 0x07) << 18) | ((s[1] & 0x3FU) << 12) | ((s[2] & 0x3FU) << 6) | (s[3] & 0x3F);
}

// Decodes the code point that ends at `i` in valid UTF-8 and moves `i` back to its start.
inline char32_t decode_before(std::string_view text, std::uint32_t& i) noexcept {
  std::uint32_t start = i - 1;
  while ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::uint32_t j = start;
  const char32_t c = decode_at(text, j);
  i = start;
  return c;
}

// Maps byte offsets of valid UTF-8 to UTF-16 offsets. reset() records each non-ASCII code point
// (ASCII is skipped a block at a time); a Cursor then looks offsets up, in non-decreasing order at
// code point boundaries, at amortised O(1) each.
class Utf16Offsets {
 private:
  struct Step {
    std::uint32_t end;     // just past a non-ASCII code point
    std::uint32_t shrink;  // bytes minus UTF-16 units of all code points up to here
  };

 public:
  void reset(std::string_view text);
  // Records the code point at [begin, end) of `units` UTF-16 units; for callers that visit the
  // non-ASCII characters themselves (in order) instead of calling reset().
  void clear() {
    steps_.assign(1, kLast);
    total_shrink_ = 0;
  }
  void add(std::uint32_t begin, std::uint32_t end, std::uint32_t units) {
    total_shrink_ += (end - begin) - units;
    steps_.back() = Step{end, total_shrink_};
    steps_.push_back(kLast);
  }

  // Lookups from the start of the text, by a value a loop can keep in registers (a member could
  // not stay in one across the loop's stores to other uint32_t fields). Lookups through one
  // cursor must come in non-decreasing order; a copy may look ahead without moving the original.
  // Valid until the next reset(), clear() or add().
  class Cursor {
   public:
    explicit Cursor(const Utf16Offsets& offsets) : step_(offsets.steps_.data()) {}
    std::uint32_t at(std::uint32_t byte_offset) noexcept {
      while (step_->end <= byte_offset) shrink_ = (step_++)->shrink;
      return byte_offset - shrink_;
    }

   private:
    const Step* step_;
    std::uint32_t shrink_ = 0;
  };

 private:
  // Always the last step, so that a lookup needs no bounds test: no offset reaches its end.
  static constexpr Step kLast{UINT32_MAX, 0};
  std::vector<Step> steps_{kLast};
  std::uint32_t total_shrink_ = 0;
};

}  // namespace caretoolkit::text
