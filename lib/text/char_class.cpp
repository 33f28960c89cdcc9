// Character class tables read from ICU's property data; see char_class.hpp.
#include "text/char_class.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

namespace caretoolkit::text {
namespace {

WordClass word_class(UChar32 c) {
  // ICU's root rules (CLDR 42) read "@" as a letter, so that "jobs@care.co.uk" stays one word.
  if (c == '@') return WordClass::kLetter;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:  // only joins Hebrew letters, which the fast path does not handle
      return WordClass::kOther;
    case U_WB_ALETTER:
      return WordClass::kLetter;
    case U_WB_NUMERIC:
      return WordClass::kNumeric;
    case U_WB_MIDLETTER:
      // ICU's root rules take the colon out of MidLetter (it joins words only in Swedish and
      // Finnish tailorings).
      return c == ':' ? WordClass::kOther : WordClass::kMidLetter;
    case U_WB_MIDNUM:
      return WordClass::kMidNum;
    case U_WB_MIDNUMLET:
      return WordClass::kMidNumLet;
    case U_WB_SINGLE_QUOTE:
      return WordClass::kSingleQuote;
    case U_WB_EXTENDNUMLET:
      return WordClass::kExtendNumLet;
    case U_WB_WSEGSPACE:
      return WordClass::kSpace;
    case U_WB_CR:
      return WordClass::kCR;
    case U_WB_LF:
    case U_WB_NEWLINE:
      return WordClass::kLF;
    default:  // Extend, Format, ZWJ, Katakana, Hebrew_Letter, Regional_Indicator, emoji bases
      return WordClass::kUnsupported;
  }
}

SentenceClass sentence_class(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
      return SentenceClass::kOther;
    case U_SB_LOWER:
      return SentenceClass::kLower;
    case U_SB_UPPER:
      return SentenceClass::kUpper;
    case U_SB_OLETTER:
      return SentenceClass::kOLetter;
    case U_SB_NUMERIC:
      return SentenceClass::kNumeric;
    case U_SB_ATERM:
      return SentenceClass::kATerm;
    case U_SB_STERM:
      return SentenceClass::kSTerm;
    case U_SB_CLOSE:
      return SentenceClass::kClose;
    case U_SB_SCONTINUE:
      return SentenceClass::kSContinue;
    case U_SB_SP:
      return SentenceClass::kSp;
    case U_SB_CR:
      return SentenceClass::kCR;
    case U_SB_LF:
      return SentenceClass::kLF;
    case U_SB_SEP:
      return SentenceClass::kSep;
    default:  // Extend, Format
      return SentenceClass::kUnsupported;
  }
}

// Kind of a segment whose first code point is `c`; `has_emoji_selector` says whether the segment
// carries U+FE0F (which asks for the emoji presentation of a pictograph such as U+2764).
std::optional<TokenKind> kind_of_code_point(UChar32 c, bool has_emoji_selector) {
  if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) return std::nullopt;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
      u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
      (has_emoji_selector && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC))) {
    return TokenKind::kEmoji;
  }
  if (c < 0x80) {
    // ASCII signs a reader takes for symbols rather than punctuation, whatever their category.
    switch (c) {
      case '#':
      case '%':
      case '&':
      case '*':
      case '/':
      case '@':
      case '\\':
        return TokenKind::kSymbol;
      default:
        break;
    }
  }
  const auto mask = U_MASK(u_charType(c));
  if ((mask & U_GC_P_MASK) != 0) return TokenKind::kPunctuation;
  if ((mask & U_GC_S_MASK) != 0) return TokenKind::kSymbol;
  return TokenKind::kOther;
}

CharInfo make_info(UChar32 c) {
  CharInfo info;
  // UAX #15 quick check: text whose characters all have NFC_Quick_Check=Yes and combining
  // class 0 is in NFC, whatever surrounds them.
  info.nfc_stable =
      u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
  info.word = word_class(c);
  info.sentence = sentence_class(c);
  const auto kind = kind_of_code_point(c, false);
  info.white_space = !kind.has_value();
  info.kind = kind.value_or(TokenKind::kOther);
  return info;
}

}  // namespace

const CharClasses& CharClasses::get() {
  static const CharClasses instance;
  return instance;
}

CharClasses::CharClasses() {
  for (char32_t c = 0; c < kLowEnd; ++c) low_[c] = make_info(static_cast<UChar32>(c));
  for (char32_t c = kMidBegin; c < kMidEnd; ++c) {
    mid_[c - kMidBegin] = make_info(static_cast<UChar32>(c));
  }
  for (std::size_t b = 0; b < byte_word_.size(); ++b) {
    byte_word_[b] = b < 0x80 ? low_[b].word : WordClass::kUnsupported;
  }
  for (char32_t c = kHighBegin; c < kHighEnd; ++c) {
    high_[c - kHighBegin] = make_info(static_cast<UChar32>(c));
  }
}

std::optional<TokenKind> kind_of_plain_segment(std::string_view segment) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(segment.data());
  const auto length = static_cast<std::int32_t>(segment.size());
  std::int32_t i = 0;
  UChar32 first;
  U8_NEXT(s, i, length, first);
  const bool has_emoji_selector = segment.find("\xEF\xB8\x8F") != std::string_view::npos;
  return kind_of_code_point(first, has_emoji_selector);
}

}  // namespace caretoolkit::text
