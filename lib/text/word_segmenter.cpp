// Word segmentation: the fast path, ICU's iterator, and the driver that splits work between them.
// See word_segmenter.hpp.
#include "text/word_segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/char_class.hpp"
#include "text/wide.hpp"

namespace caretoolkit::text {
namespace {

// ICU's rule status of a word-like segment. The word rules are chained: the status is the largest
// tag among the rules that end at the segment's last code point, which are the one-character rule
// for that code point (letters 200, digits 100, underscore none) and the pair or triple rule that
// joined it to what came before.
constexpr std::int32_t kNone = 0;
constexpr std::int32_t kNumberStatus = 100;
constexpr std::int32_t kLetterStatus = 200;

std::int32_t single_tag(WordClass c) {
  switch (c) {
    case WordClass::kLetter:
      return kLetterStatus;
    case WordClass::kNumeric:
      return kNumberStatus;
    default:
      return kNone;
  }
}

// Tag of the rule that joins `left` and `right` directly (UAX #29 WB5, WB8, WB9, WB10, WB13a,
// WB13b): joining a digit, or an underscore after a digit, makes a number; anything else joined
// makes a word.
std::int32_t pair_tag(WordClass left, WordClass right) {
  if (right == WordClass::kNumeric) return kNumberStatus;
  if (right == WordClass::kExtendNumLet && left == WordClass::kNumeric) return kNumberStatus;
  return kLetterStatus;
}

bool is_word_like(WordClass c) {
  return c == WordClass::kLetter || c == WordClass::kNumeric || c == WordClass::kExtendNumLet;
}

// A safe point: a break no rule looks across, so text on either side segments independently.
bool is_safe_point(std::string_view text, std::uint32_t p) {
  if (p == 0 || p >= text.size()) return true;
  const char before = text[p - 1];
  const char at = text[p];
  return (before == ' ' || before == '\t' || before == '\n') && at > ' ' && at < 0x7F;
}

void push(std::vector<Segment>& out, TokenKind kind, std::uint32_t begin, std::uint32_t end,
          bool ascii = false) {
  out.push_back(Segment{begin, end, kind, ascii});
}

#if defined(__SSE2__)
// 64 bytes of text at a time, for runs of plain ASCII: each of the word rules' classes becomes a
// mask with one bit per byte, and the tokens are read off the masks. For ASCII the rules are local:
// letters (and "@"), digits and underscores join each other (WB5, WB8 to WB10, WB13a, WB13b); a
// full stop or an apostrophe joins the letters on either side of it (WB6, WB7), and a comma, a
// semicolon, a full stop or an apostrophe the digits on either side (WB11, WB12). Every other
// byte is a segment of its own, a token unless it is white space.
struct BlockMasks {
  std::uint64_t letter = 0;
  std::uint64_t digit = 0;
  std::uint64_t underscore = 0;
  std::uint64_t mid_letter = 0;  // . '
  std::uint64_t mid_digit = 0;   // , ; . '
  std::uint64_t blank = 0;       // space, tab, CR, LF, VT, FF: no token
  std::uint32_t ascii = 0;       // bytes before the first one that is not ASCII (64: all)
};

[[gnu::always_inline]] inline BlockMasks block_masks(const char* bytes) {
  BlockMasks m;
  std::uint64_t high = 0;
  for (std::size_t part = 0; part < 4; ++part) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * part));
    const auto bits = [&](__m128i x) {
      return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(x)))
             << (16 * part);
    };
    const auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // Signed compares: bytes from 0x80 up are negative, so no range below takes them.
    const auto in_range = [](__m128i x, char low, char high_end) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(low - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(high_end + 1))));
    };
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    high |= bits(v);
    m.letter |= bits(_mm_or_si128(in_range(lower, 'a', 'z'), is('@')));
    m.digit |= bits(in_range(v, '0', '9'));
    m.underscore |= bits(is('_'));
    const __m128i both_mids = _mm_or_si128(is('.'), is('\''));
    m.mid_letter |= bits(both_mids);
    m.mid_digit |= bits(_mm_or_si128(both_mids, _mm_or_si128(is(','), is(';'))));
    m.blank |= bits(_mm_or_si128(_mm_or_si128(is(' '), is('\t')),
                                 _mm_or_si128(is('\r'), in_range(v, '\n', '\f'))));
  }
  m.ascii = high == 0 ? 64 : static_cast<std::uint32_t>(__builtin_ctzll(high));
  return m;
}

#if CARETOOLKIT_HAS_WIDE
// The same masks 64 bytes at once, where wide::enabled().
CARETOOLKIT_WIDE BlockMasks block_masks_wide(const char* bytes) {
  using namespace wide;
  const __m512i v = load(bytes);
  const __m512i lower = _mm512_or_si512(v, _mm512_set1_epi8(0x20));
  BlockMasks m;
  m.letter = in_range(lower, 'a', 'z') | equal(v, '@');
  m.digit = in_range(v, '0', '9');
  m.underscore = equal(v, '_');
  m.mid_letter = equal(v, '.') | equal(v, '\'');
  m.mid_digit = m.mid_letter | equal(v, ',') | equal(v, ';');
  m.blank = equal(v, ' ') | equal(v, '\t') | equal(v, '\r') | in_range(v, '\n', '\f');
  const std::uint64_t high = non_ascii(v);
  m.ascii = high == 0 ? 64 : static_cast<std::uint32_t>(__builtin_ctzll(high));
  return m;
}
#endif

// Segments from `i` (a segment boundary) through the 64 bytes there, which must be readable, as
// far as the masks decide; returns where it stopped (`i` when it could not start: a token longer
// than the block, or a character that is not ASCII within the first two bytes).
std::uint32_t segment_block(std::string_view text, std::uint32_t i, const CharClasses& classes,
                            std::vector<Segment>& out) {
#if CARETOOLKIT_HAS_WIDE
  const BlockMasks m =
      wide::enabled() ? block_masks_wide(text.data() + i) : block_masks(text.data() + i);
#else
  const BlockMasks m = block_masks(text.data() + i);
#endif
  // A byte's membership of a token depends on its neighbours: decide up to two bytes before the
  // first one that is not ASCII (or the block's end).
  const std::uint32_t limit = std::min<std::uint32_t>(62, m.ascii < 2 ? 0 : m.ascii - 2);
  if (limit == 0) return i;
  const std::uint64_t word = m.letter | m.digit | m.underscore;
  const std::uint64_t joined = (m.mid_letter & (m.letter << 1) & (m.letter >> 1)) |
                               (m.mid_digit & (m.digit << 1) & (m.digit >> 1));
  const std::uint64_t in_token = word | joined;
  const std::uint64_t singles = ~in_token & ~m.blank;
  const std::uint64_t below_limit = (std::uint64_t{1} << limit) - 1;
  std::uint64_t starts = ((in_token & ~(in_token << 1)) | singles) & below_limit;
  while (starts != 0) {
    const auto s = static_cast<std::uint32_t>(__builtin_ctzll(starts));
    starts &= starts - 1;
    if (((in_token >> s) & 1) == 0) {
      push(out, classes.info(static_cast<unsigned char>(text[i + s])).kind, i + s, i + s + 1, true);
      continue;
    }
    const std::uint64_t after = ~in_token & ~((std::uint64_t{1} << s) - 1);
    const std::uint32_t e = after == 0 ? 64 : static_cast<std::uint32_t>(__builtin_ctzll(after));
    if (e > limit) return i + s;  // may go on past what the masks decide
    // The kind follows from the last byte and, after an underscore, the one before it (UAX #29
    // statuses as in segment_words_fast: a letter last makes a word, a digit a number).
    const std::uint32_t last = e - 1;
    TokenKind kind = TokenKind::kWord;
    if ((m.digit >> last) & 1) {
      kind = TokenKind::kNumber;
    } else if ((m.underscore >> last) & 1) {
      if (e - s == 1) {
        kind = classes.info('_').kind;
      } else if ((m.digit >> (last - 1)) & 1) {
        kind = TokenKind::kNumber;
      }
    }
    push(out, kind, i + s, i + e, true);
  }
  return i + limit;
}
#endif

}  // namespace

std::uint32_t segment_words_fast(std::string_view text, std::uint32_t begin, std::uint32_t end,
                                 std::vector<Segment>& out) {
  const CharClasses& classes = CharClasses::get();
  std::uint32_t i = begin;
#if defined(__SSE2__)
  std::uint32_t blocks_from = begin;  // where the next block may start
#endif
  while (i < end) {
#if defined(__SSE2__)
    if (i >= blocks_from && end - i >= 64) {
      const std::uint32_t stop = segment_block(text, i, classes, out);
      if (stop != i) {
        i = stop;
        continue;
      }
      // A long token, or a character beyond ASCII: one segment the usual way, then try again.
      blocks_from = i + 1;
    }
#endif
    // A plain space between words: no token, and whatever follows is read on its own merits
    // (WB3d only joins spaces to spaces, which makes no token either).
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::uint32_t next;
    const CharInfo& info = classes.at(text, i, next);
    switch (info.word) {
      case WordClass::kSpace:  // WB3d: a run of spaces is one (white space) segment
        while (next < end) {
          std::uint32_t after;
          const WordClass c = classes.at(text, next, after).word;
          if (c == WordClass::kUnsupported) return next;
          if (c != WordClass::kSpace) break;
          next = after;
        }
        i = next;
        continue;
      case WordClass::kCR:  // WB3: CR LF is one segment
        i = (next < end && text[next] == '\n') ? next + 1 : next;
        continue;
      case WordClass::kLF:
        i = next;
        continue;
      case WordClass::kUnsupported:
        return i;
      case WordClass::kLetter:
      case WordClass::kNumeric:
      case WordClass::kExtendNumLet:
        break;
      default:
        // WB999: any other code point is a segment of its own. Extend or Format characters after
        // it would attach to it (WB4); they are unsupported, so the loop stops there instead.
        if (!info.white_space) push(out, info.kind, i, next);
        i = next;
        continue;
    }

    WordClass last = info.word;
    std::int32_t join_tag = kNone;
    std::uint32_t j = next;
    while (j < end) {
      // ASCII letters and digits, the bulk of any text, by byte table: joining a letter makes a
      // word whatever came before (200), joining a digit a number (100).
      const WordClass ascii = classes.byte_word(text[j]);
      if (ascii == WordClass::kLetter || ascii == WordClass::kNumeric) {
        last = ascii;
        join_tag = ascii == WordClass::kLetter ? kLetterStatus : kNumberStatus;
        ++j;
        continue;
      }
      std::uint32_t after;
      const WordClass c = classes.at(text, j, after).word;
      if (is_word_like(c)) {
        join_tag = pair_tag(last, c);
        last = c;
        j = after;
        continue;
      }
      if (c == WordClass::kUnsupported) return j;
      // WB6/WB7 (letters) and WB11/WB12 (digits) join across one middle character.
      const bool mid_for_letters =
          c == WordClass::kMidLetter || c == WordClass::kMidNumLet || c == WordClass::kSingleQuote;
      const bool mid_for_digits =
          c == WordClass::kMidNum || c == WordClass::kMidNumLet || c == WordClass::kSingleQuote;
      if ((last == WordClass::kLetter && mid_for_letters) ||
          (last == WordClass::kNumeric && mid_for_digits)) {
        if (after >= end) break;
        std::uint32_t beyond;
        const WordClass c3 = classes.at(text, after, beyond).word;
        if (c3 == WordClass::kUnsupported) return after;
        if (c3 == last) {
          join_tag = last == WordClass::kLetter ? kLetterStatus : kNumberStatus;
          j = beyond;
          continue;
        }
      }
      break;
    }
    const std::int32_t status = std::max(join_tag, single_tag(last));
    if (const auto kind = kind_of_word_status(status)) {
      push(out, *kind, i, j);
    } else if (!info.white_space) {
      push(out, info.kind, i, j);  // a lone underscore (or a lone U+202F, which is white space)
    }
    i = j;
  }
  return end;
}

void segment_words_icu(icu::BreakIterator& words, std::string_view text, std::uint32_t begin,
                       std::uint32_t end, std::vector<Segment>& out) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;  // on the stack: no allocation per call
  utext_openUTF8(&ut, text.data() + begin, static_cast<std::int64_t>(end - begin), &status);
  words.setText(&ut, status);
  utext_close(&ut);
  if (U_FAILURE(status)) throw std::runtime_error("ICU word iterator: cannot set text");

  std::int32_t from = words.first();
  for (std::int32_t to = words.next(); to != icu::BreakIterator::DONE;
       from = to, to = words.next()) {
    const auto b = begin + static_cast<std::uint32_t>(from);
    const auto e = begin + static_cast<std::uint32_t>(to);
    auto kind = kind_of_word_status(words.getRuleStatus());
    if (!kind) kind = kind_of_plain_segment(text.substr(b, e - b));
    if (kind) push(out, *kind, b, e);
  }
}

void segment_words(icu::BreakIterator& words, std::string_view text, bool icu_only,
                   std::vector<Segment>& out) {
  const auto size = static_cast<std::uint32_t>(text.size());
  if (icu_only) {
    segment_words_icu(words, text, 0, size, out);
    return;
  }
  std::uint32_t pos = 0;
  while (pos < size) {
    const std::uint32_t stop = segment_words_fast(text, pos, size, out);
    if (stop == size) return;
    // Tokens from the last safe point on may depend on what the fast path could not read:
    // drop them and let ICU segment from that point to the first safe point after the stop.
    std::uint32_t from = stop;
    while (from > pos && !is_safe_point(text, from)) --from;
    while (!out.empty() && out.back().begin >= from) out.pop_back();
    std::uint32_t to = stop + 1;
    while (to < size && !is_safe_point(text, to)) ++to;
    segment_words_icu(words, text, from, to, out);
    pos = to;
  }
}

}  // namespace caretoolkit::text
