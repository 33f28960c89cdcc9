// Character classes for the hand-written segmenters (internal to lib/text).
//
// The fast word and sentence segmenters reproduce ICU's en_GB break rules, so they must see every
// code point exactly as ICU's rules see it. The classes are therefore read once from ICU's own
// property data (Word_Break, Sentence_Break, General_Category, emoji properties) for the scripts
// and symbols job adverts use: Latin, Greek, Cyrillic and Armenian, general punctuation, currency
// and other symbols, and pictographs. Every other code point, and every class whose rules the
// fast paths do not implement (combining marks, format characters, zero width joiners, regional
// indicators, Hebrew, kana and ideographs), reads as kUnsupported: the caller hands that stretch
// of text to ICU instead.
//
// Thread safety: CharClasses::get() builds the tables once (thread-safe static initialisation)
// and they are immutable afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "text/document.hpp"
#include "text/utf8.hpp"

namespace caretoolkit::text {

// Word_Break values as ICU's word rules use them.
enum class WordClass : std::uint8_t {
  kOther,         // a segment of its own: punctuation, symbols, lone pictographs
  kLetter,        // ALetter, and "@" (ICU reads it as a letter so e-mail addresses stay whole)
  kNumeric,       // Numeric
  kMidLetter,     // joins letters on both sides (U+00B7; ICU leaves ':' out)
  kMidNum,        // joins digits: , ;
  kMidNumLet,     // joins letters or digits: . U+2019
  kSingleQuote,   // ' joins letters or digits
  kExtendNumLet,  // _ joins anything word-like
  kSpace,         // WSegSpace: a run of spaces is one segment
  kCR,
  kLF,  // also vertical tab, form feed, U+0085, U+2028 and U+2029 (always a segment of their own)
  kUnsupported,
};

// Sentence_Break values (UAX #29).
enum class SentenceClass : std::uint8_t {
  kOther,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,      // .
  kSTerm,      // ! ?
  kClose,      // quotes and brackets
  kSContinue,  // , - : and dashes
  kSp,
  kCR,
  kLF,
  kSep,
  kUnsupported,  // Extend, Format, or outside the tables
};

struct CharInfo {
  WordClass word = WordClass::kUnsupported;
  SentenceClass sentence = SentenceClass::kUnsupported;
  bool white_space = false;  // a segment starting with it is not a token
  bool nfc_stable = false;   // NFC_Quick_Check=Yes and combining class 0: NFC leaves it alone
  TokenKind kind = TokenKind::kOther;  // kind of a one-code-point segment with rule status "none"
};

class CharClasses {
 public:
  static const CharClasses& get();

  // The info of the code point starting at `i` of valid UTF-8; sets `next` to where the following
  // one starts. ASCII, by far the most common, takes one table read.
  const CharInfo& at(std::string_view text, std::uint32_t i, std::uint32_t& next) const noexcept {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      next = i + 1;
      return low_[b];
    }
    next = i;
    return info(decode_at(text, next));
  }

  // The word class of an ASCII byte; kUnsupported for bytes from 0x80 up (not ASCII: decode).
  WordClass byte_word(char b) const noexcept { return byte_word_[static_cast<unsigned char>(b)]; }

  const CharInfo& info(char32_t c) const noexcept {
    if (c < kLowEnd) return low_[c];
    if (c - kMidBegin < kMidEnd - kMidBegin) return mid_[c - kMidBegin];
    if (c - kHighBegin < kHighEnd - kHighBegin) return high_[c - kHighBegin];
    return unsupported_;
  }

 private:
  CharClasses();

  static constexpr char32_t kLowEnd = 0x590;  // Latin, Greek, Cyrillic, Armenian
  static constexpr char32_t kMidBegin = 0x1E00, kMidEnd = 0x2C00;      // Latin/Greek extended,
                                                                       // punctuation, symbols
  static constexpr char32_t kHighBegin = 0x1F000, kHighEnd = 0x1FB00;  // pictographs
  CharInfo low_[kLowEnd];
  CharInfo mid_[kMidEnd - kMidBegin];
  CharInfo high_[kHighEnd - kHighBegin];
  CharInfo unsupported_;
  // Word class by byte for ASCII; bytes from 0x80 up read as kUnsupported (not ASCII).
  std::array<WordClass, 256> byte_word_{};
};

// The kind of a segment to which ICU's word rules gave the status "none" (0..99), decided by its
// first code point; nullopt for white space, which is not a token. Shared by the ICU path and
// the tables above, so that both paths name kinds identically.
std::optional<TokenKind> kind_of_plain_segment(std::string_view segment);

// The token kind for an ICU word rule status (UBRK_WORD_NUMBER, _LETTER, _KANA, _IDEO ranges),
// or nullopt when the status is "none" and kind_of_plain_segment() decides.
inline std::optional<TokenKind> kind_of_word_status(std::int32_t status) {
  if (status >= 100 && status < 200) return TokenKind::kNumber;
  if (status >= 200) return TokenKind::kWord;
  return std::nullopt;
}

}  // namespace caretoolkit::text
