// Sentence segmentation: UAX #29 sentence rules plus ICU's abbreviation filter, by hand and through
// ICU. See sentence_segmenter.hpp.
#include "text/sentence_segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.hpp"
#include "text/char_class.hpp"
#include "text/swar.hpp"
#include "text/utf8.hpp"
#include "text/wide.hpp"

namespace caretoolkit::text {

namespace {

constexpr std::uint8_t kSuppressInReverse = 1;
using swar::kHighBits;
using swar::kOnes;
constexpr char kSentenceBytes[] = {'.', '!', '?', '\n', '\r'};

#if defined(__SSE2__)
// A bit for each of the sixteen bytes at `bytes` that equals one of kSentenceBytes or lies at or
// above 0x80.
std::uint32_t sentence_bytes_at(const char* bytes) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  __m128i found = _mm_setzero_si128();
  for (const char c : kSentenceBytes)
    found = _mm_or_si128(found, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(found, v)));
}
#endif

#if CARETOOLKIT_HAS_WIDE
// The same for the 64 bytes at `bytes`, where wide::enabled().
CARETOOLKIT_WIDE std::uint64_t sentence_bytes_wide(const char* bytes) {
  const __m512i v = wide::load(bytes);
  std::uint64_t found = wide::non_ascii(v);
  for (const char c : kSentenceBytes) found |= wide::equal(v, c);
  return found;
}
#endif

// Moves `i` to the first byte at or after it whose bit `bits_at` sets, reading kWidth bytes at a
// time while as many are left before `end` (then `i` is where the rest begins).
template <std::uint32_t kWidth, typename BitsAt>
void skip_to_first(const char* text, std::uint32_t& i, std::uint32_t end, BitsAt bits_at) {
  for (; i + kWidth <= end; i += kWidth) {
    const std::uint64_t found = bits_at(text + i);
    if (found != 0) {
      i += static_cast<std::uint32_t>(__builtin_ctzll(found));
      return;
    }
  }
}

// Does any of the eight bytes in `w` equal one of kSentenceBytes or lie at or above 0x80?
bool may_end_sentence(std::uint64_t w) {
  std::uint64_t found = w & kHighBits;
  for (const char c : kSentenceBytes) {
    const std::uint64_t x = w ^ (kOnes * static_cast<unsigned char>(c));
    found |= (x - kOnes) & ~x & kHighBits;  // high bit set where x has a zero byte
  }
  return found != 0;
}
constexpr std::uint8_t kAddToForward = 2;

}  // namespace

SentenceSegmenter::SentenceSegmenter(std::vector<std::string> abbreviations) {
  const CharClasses& classes = CharClasses::get();
  for (char32_t c = 0; c < 0x80; ++c) {
    const SentenceClass k = classes.info(c).sentence;
    plain_ascii_[c] = k != SentenceClass::kATerm && k != SentenceClass::kSTerm &&
                      k != SentenceClass::kCR && k != SentenceClass::kLF &&
                      k != SentenceClass::kSep && k != SentenceClass::kUnsupported;
  }
  // The eight-byte skip is valid while ICU's data puts exactly kSentenceBytes outside the table.
  swar_skip_ = true;
  for (unsigned b = 0; b < 0x80; ++b) {
    const bool listed = std::find(std::begin(kSentenceBytes), std::end(kSentenceBytes),
                                  static_cast<char>(b)) != std::end(kSentenceBytes);
    if (listed == plain_ascii_[b]) swar_skip_ = false;
  }
  // The shortcut for "care. We" holds while ICU's data gives these classes.
  capital_after_space_breaks_ = classes.info('.').sentence == SentenceClass::kATerm &&
                                classes.info('!').sentence == SentenceClass::kSTerm &&
                                classes.info('?').sentence == SentenceClass::kSTerm &&
                                classes.info(' ').sentence == SentenceClass::kSp;
  for (char32_t c = 'A'; c <= 'Z'; ++c) {
    if (classes.info(c).sentence != SentenceClass::kUpper) capital_after_space_breaks_ = false;
  }
  for (const std::string& a : abbreviations) {
    const bool printable_ascii =
        std::all_of(a.begin(), a.end(), [](char c) { return c > ' ' && c < 0x7F; });
    if (a.empty() || !printable_ascii) {
      throw Error(ErrorCode::kInvalid,
                  "abbreviation \"" + a + "\" must be printable ASCII without spaces",
                  "abbreviations");
    }
  }
  // ICU keeps the list as a sorted set; the order matters to how it groups shared prefixes below.
  std::sort(abbreviations.begin(), abbreviations.end());
  abbreviations.erase(std::unique(abbreviations.begin(), abbreviations.end()), abbreviations.end());
  abbreviations_ = abbreviations;

  // The same split ICU's SimpleFilteredBreakIteratorBuilder::build makes: an abbreviation with an
  // inner full stop puts its prefix up to that stop in the backward set as a partial entry, and
  // itself (with every other entry sharing the prefix) in the forward set.
  const std::size_t n = abbreviations.size();
  std::vector<std::uint8_t> partials(n, 0);
  std::vector<Entry> backward;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& a = abbreviations[i];
    const std::size_t stop = a.find('.');
    if (stop == std::string::npos || stop + 1 == a.size()) continue;
    bool prefix_added = false;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i || abbreviations[j].compare(0, stop + 1, a, 0, stop + 1) != 0) continue;
      if (partials[j] == 0) {
        partials[j] = kSuppressInReverse | kAddToForward;
      } else if ((partials[j] & kSuppressInReverse) != 0) {
        prefix_added = true;
      }
    }
    if (!prefix_added && partials[i] == 0) {
      backward.push_back(Entry{a.substr(0, stop + 1), true});
      partials[i] = kSuppressInReverse | kAddToForward;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (partials[i] == 0) {
      backward.push_back(Entry{abbreviations[i], false});
    } else {
      forward_.push_back(abbreviations[i]);
    }
  }
  for (Entry& e : backward) {
    if (e.text.size() == 1) {
      backward_short_.push_back(std::move(e));
    } else {
      backward_[static_cast<std::uint8_t>(e.text[e.text.size() - 2])].push_back(std::move(e));
    }
  }
}

std::unique_ptr<icu::BreakIterator> SentenceSegmenter::make_icu_iterator() const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_GB"), status));
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create a sentence iterator");
  for (const std::string& a : abbreviations_) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
  }
  std::unique_ptr<icu::BreakIterator> filtered(
      builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot build the abbreviation filter");
  return filtered;
}

bool SentenceSegmenter::suppressed(std::string_view text, std::uint32_t begin, std::uint32_t end,
                                   std::uint32_t at) const {
  // ICU steps back over exactly one U+0020 before matching ("Mr. Brown"; not "Mr.  Brown").
  std::uint32_t q = at;
  if (text[q - 1] == ' ') --q;
  const std::uint32_t room = q - begin;
  const Entry* best = nullptr;
  const auto consider = [&](const Entry& e) {
    // The first byte rules out nearly every entry before a full comparison.
    if (e.text.size() <= room && (best == nullptr || e.text.size() > best->text.size()) &&
        text[q - e.text.size()] == e.text[0] &&
        text.compare(q - e.text.size(), e.text.size(), e.text) == 0) {
      best = &e;
    }
  };
  for (const Entry& e : backward_short_) consider(e);
  if (room >= 2) {
    for (const Entry& e : backward_[static_cast<std::uint8_t>(text[q - 2])]) consider(e);
  }
  if (best == nullptr) return false;
  if (!best->partial) return true;
  return forward_match(text, q - static_cast<std::uint32_t>(best->text.size()), end);
}

bool SentenceSegmenter::forward_match(std::string_view text, std::uint32_t from,
                                      std::uint32_t end) const {
  // Walks the forward set the way ICU walks its forward trie: stop when no entry continues, and
  // match when the last step ended an entry (or the text ended right after one).
  if (forward_.empty()) return false;
  bool matched = true;  // ICU starts from an "intermediate value" result
  for (std::uint32_t length = 1; from + length <= end; ++length) {
    const std::string_view prefix = text.substr(from, length);
    bool has_value = false;
    bool has_next = false;
    for (const std::string& f : forward_) {
      if (f.size() < length || std::string_view(f).substr(0, length) != prefix) continue;
      (f.size() == length ? has_value : has_next) = true;
    }
    matched = has_value;
    if (!has_next) break;
  }
  return matched;
}

bool SentenceSegmenter::segment_fast(std::string_view text, std::uint32_t begin, std::uint32_t end,
                                     std::vector<std::uint32_t>& ends) const {
  using C = SentenceClass;
  const CharClasses& classes = CharClasses::get();
  const std::size_t mark = ends.size();
  const auto class_at = [&](std::uint32_t p, std::uint32_t& after) {
    return classes.at(text, p, after).sentence;
  };
  const auto fail = [&] {
    ends.resize(mark);
    return false;
  };

  std::uint32_t i = begin;
#if CARETOOLKIT_HAS_WIDE
  const bool wide = wide::enabled();
#endif
  while (i < end) {
    // Most bytes are ASCII that can neither end nor split a sentence: skip them 64 (where the
    // processor can), sixteen or eight at a time, then by table.
    if (swar_skip_) {
#if CARETOOLKIT_HAS_WIDE
      if (wide) skip_to_first<64>(text.data(), i, end, sentence_bytes_wide);
#endif
#if defined(__SSE2__)
      skip_to_first<16>(text.data(), i, end, [](const char* bytes) -> std::uint64_t {
        return sentence_bytes_at(bytes);
      });
#endif
      while (i + 8 <= end) {
        if (may_end_sentence(swar::load(text.data() + i))) break;
        i += 8;
      }
    }
    while (i < end && plain_ascii_[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= end) break;
    // The commonest sentence end, a terminator, one space and a capital ("care. We"): SB9 and
    // SB10 take the space, and no rule keeps the capital with the sentence, so it is a break
    // unless an abbreviation suppresses it (as below, without reading the classes).
    if (capital_after_space_breaks_ && i + 2 < end && text[i + 1] == ' ' && text[i + 2] >= 'A' &&
        text[i + 2] <= 'Z' && (text[i] == '.' || text[i] == '!' || text[i] == '?')) {
      if (!suppressed(text, begin, end, i + 2)) ends.push_back(i + 2);
      i += 2;
      continue;
    }
    std::uint32_t next;
    const C c = class_at(i, next);
    if (c == C::kUnsupported) return fail();
    if (c == C::kCR || c == C::kLF || c == C::kSep) {  // SB3, SB4: break after a separator
      if (c == C::kCR && next < end && text[next] == '\n') ++next;
      if (next < end) ends.push_back(next);
      i = next;
      continue;
    }
    if (c != C::kATerm && c != C::kSTerm) {
      i = next;
      continue;
    }

    // A terminator at i. SB6 and SB7 keep "3.5" and "U.K" together.
    const std::uint32_t j = next;
    if (c == C::kATerm && j < end) {
      std::uint32_t after;
      const C following = class_at(j, after);
      if (following == C::kUnsupported) return fail();
      if (following == C::kNumeric) {
        i = j;
        continue;
      }
      if (following == C::kUpper && i > begin) {
        std::uint32_t before = i;
        const C preceding = classes.info(decode_before(text, before)).sentence;
        if (preceding == C::kUpper || preceding == C::kLower) {
          i = j;
          continue;
        }
      }
    }
    // SB9, SB10: closing punctuation, then spaces, belong to the sentence.
    std::uint32_t m = j;
    for (const C skipped : {C::kClose, C::kSp}) {
      while (m < end) {
        std::uint32_t after;
        const C k = class_at(m, after);
        if (k == C::kUnsupported) return fail();
        if (k != skipped) break;
        m = after;
      }
    }
    // SB8: no break after a full stop when the next letter is lower case ("etc. and more").
    if (c == C::kATerm) {
      std::uint32_t p = m;
      C k = C::kOther;
      while (p < end) {
        std::uint32_t after;
        k = class_at(p, after);
        if (k == C::kUnsupported) return fail();
        if (k == C::kOLetter || k == C::kUpper || k == C::kLower || k == C::kCR || k == C::kLF ||
            k == C::kSep || k == C::kATerm || k == C::kSTerm) {
          break;
        }
        p = after;
      }
      if (p < end && k == C::kLower) {
        i = p;
        continue;
      }
    }
    if (m < end) {
      std::uint32_t after;
      const C k = class_at(m, after);
      // SB8a: "Really?!" and "a. , b" continue the sentence.
      if (k == C::kSContinue || k == C::kATerm || k == C::kSTerm) {
        i = m;
        continue;
      }
      // SB11: a separator right after the terminator belongs to this sentence.
      if (k == C::kCR || k == C::kLF || k == C::kSep) {
        m = after;
        if (k == C::kCR && m < end && text[m] == '\n') ++m;
      }
    }
    if (m >= end) break;
    if (!suppressed(text, begin, end, m)) ends.push_back(m);
    i = m;
  }
  ends.push_back(end);
  return true;
}

void SentenceSegmenter::segment_icu(icu::BreakIterator& iterator, std::string_view text,
                                    std::uint32_t begin, std::uint32_t end,
                                    std::vector<std::uint32_t>& ends) const {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data() + begin, static_cast<std::int64_t>(end - begin), &status);
  iterator.setText(&ut, status);
  utext_close(&ut);
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence iterator: cannot set text");
  iterator.first();
  for (std::int32_t to = iterator.next(); to != icu::BreakIterator::DONE; to = iterator.next()) {
    ends.push_back(begin + static_cast<std::uint32_t>(to));
  }
}

}  // namespace caretoolkit::text
