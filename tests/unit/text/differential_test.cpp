// The fast path against ICU: the hand-written word and sentence segmenters must give exactly what
// ICU's iterators give, on random text and on generated adverts, and whole Documents from the
// default analyser must equal those from an ICU-only analyser. The byte scanners' 64-byte forms
// (text/wide.hpp) are checked against ICU and against their 16-byte forms.
#include <doctest/doctest.h>

#include <unicode/brkiter.h>
#include <unicode/utf8.h>

#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "advert_corpus.hpp"
#include "text/analyzer.hpp"
#include "text/sentence_segmenter.hpp"
#include "text/wide.hpp"
#include "text/word_segmenter.hpp"

using caretoolkit::text::Analyzer;
using caretoolkit::text::AnalyzerOptions;
using caretoolkit::text::Document;
using caretoolkit::text::Segment;
using caretoolkit::text::SentenceSegmenter;
using caretoolkit::text::Token;

namespace {

constexpr int kRandomStrings = 100000;

// Fragments that exercise the word rules (apostrophes, inner full stops, digit groups, hyphens,
// underscores) and the sentence rules (terminators, closing quotes, abbreviations, separators).
constexpr const char* kAsciiPieces[] = {
    "a",    "b",    "e",        "x",   "Z",      "Q",    "y",     "I",     "0",     "1",
    "9",    ".",    ",",        ";",   ":",      "!",    "?",     "'",     "\"",    "-",
    "_",    "(",    ")",        "[",   "/",      "&",    "#",     "%",     "+",     "@",
    " ",    " ",    " ",        "  ",  "\n",     "\n\n", "\t",    "\r\n",  "\r",    "Dr.",
    "e.g.", "etc.", "i.e.",     "Mr.", "St.",    "U.K.", "don't", "2,500", "11.50", "care",
    "The",  "you",  "people's", "50k", "e-mail", "...",  "?!",    "'s",    "Ltd.",  "approx."};

// Characters beyond ASCII: some the fast path reads (accents, typographic quotes and dashes,
// currency, bullets, spaces, pictographs), some it hands to ICU (combining marks, joiners,
// variation selectors, Hebrew, ideographs, flags).
constexpr const char* kUnicodePieces[] = {
    "\u00e9", "\u00c9", "\u2019", "\u2018", "\u201c", "\u201d", "\u00a3",
    "\u20ac", "\u2013", "\u2014", "\u2022", "\u00b7", "\u00a0", "\U0001F600",
    "\u2764", "\uFE0F", "\u0301", "\u200D", "\u03b1", "\u03a9", "\u4e2d",
    "\u2026", "\u00ad", "\u200B", "\u2027", "\u0660", "\u00b2", "\u2028",
    "\u3002", "\u00bf", "\u00ab", "\u00bb", "\u202f", "\u2003", "\U0001F1EC\U0001F1E7",
    "\u05d0", "\u0436", "\u00df"};

template <std::size_t N, std::size_t M>
std::string random_text(std::mt19937& rng, const char* const (&pieces)[N],
                        const char* const (&extra)[M], int extra_in_ten) {
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<std::size_t> pick(0, N - 1);
  std::uniform_int_distribution<std::size_t> pick_extra(0, M - 1);
  std::uniform_int_distribution<int> ten(0, 9);
  std::uniform_int_distribution<int> ascii(1, 127);
  std::string s;
  const int n = length(rng);
  for (int i = 0; i < n; ++i) {
    if (ten(rng) < extra_in_ten) {
      s += extra[pick_extra(rng)];
    } else if (ten(rng) == 0) {
      s += static_cast<char>(ascii(rng));  // any ASCII character, controls included
    } else {
      s += pieces[pick(rng)];
    }
  }
  return s;
}

std::string describe(const std::string& text, const std::vector<Segment>& segments) {
  std::ostringstream out;
  for (const Segment& s : segments) {
    out << static_cast<int>(s.kind) << "|" << text.substr(s.begin, s.end - s.begin) << "| ";
  }
  return out.str();
}

bool same_tokens(const std::vector<Segment>& a, const std::vector<Segment>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].begin != b[i].begin || a[i].end != b[i].end) {
      return false;
    }
  }
  return true;
}

// Empty when equal, else the first difference.
std::string compare(const Document& a, const Document& b) {
  std::ostringstream out;
  if (a.tokens().size() != b.tokens().size()) {
    out << "token count " << a.tokens().size() << " against " << b.tokens().size();
    return out.str();
  }
  for (std::size_t i = 0; i < a.tokens().size(); ++i) {
    const Token& x = a.tokens()[i];
    const Token& y = b.tokens()[i];
    if (x.kind != y.kind || x.span.begin != y.span.begin || x.span.end != y.span.end ||
        x.span.begin_utf16 != y.span.begin_utf16 || x.span.end_utf16 != y.span.end_utf16 ||
        x.folded != y.folded || x.sentence != y.sentence || x.paragraph != y.paragraph ||
        x.syllables != y.syllables) {
      out << "token " << i << " '" << a.text(x.span) << "' against '" << b.text(y.span) << "'";
      return out.str();
    }
  }
  const auto& x_totals = a.word_totals();
  const auto& y_totals = b.word_totals();
  if (x_totals.words != y_totals.words || x_totals.syllables != y_totals.syllables ||
      x_totals.complex_words != y_totals.complex_words || x_totals.letters != y_totals.letters) {
    return "word totals";
  }
  if (a.sentences().size() != b.sentences().size()) return "sentence count";
  for (std::size_t i = 0; i < a.sentences().size(); ++i) {
    const auto& x = a.sentences()[i];
    const auto& y = b.sentences()[i];
    if (x.first_token != y.first_token || x.end_token != y.end_token || x.words != y.words ||
        x.paragraph != y.paragraph || x.span.begin != y.span.begin || x.span.end != y.span.end) {
      out << "sentence " << i << " '" << a.text(x.span) << "' against '" << b.text(y.span) << "'";
      return out.str();
    }
  }
  if (a.paragraphs().size() != b.paragraphs().size()) return "paragraph count";
  for (std::size_t i = 0; i < a.paragraphs().size(); ++i) {
    const auto& x = a.paragraphs()[i];
    const auto& y = b.paragraphs()[i];
    if (x.kind != y.kind || x.first_sentence != y.first_sentence ||
        x.end_sentence != y.end_sentence || x.words != y.words) {
      out << "paragraph " << i;
      return out.str();
    }
  }
  return {};
}

class Segmenters {
 public:
  Segmenters() : sentences_(caretoolkit::text::default_abbreviations()) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("en_GB"), status));
    REQUIRE(U_SUCCESS(status));
    sentence_iterator_ = sentences_.make_icu_iterator();
  }

  // Counts disagreements (reporting the first few) between the two paths on one text.
  void compare_words(const std::string& text, int& mismatches) {
    fast_.clear();
    icu_.clear();
    caretoolkit::text::segment_words(*words_, text, false, fast_);
    caretoolkit::text::segment_words(*words_, text, true, icu_);
    if (!same_tokens(fast_, icu_) && ++mismatches <= 5) {
      FAIL_CHECK("words differ on [" << text << "]\n fast: " << describe(text, fast_)
                                     << "\n icu:  " << describe(text, icu_));
    }
  }

  // Returns whether the fast path handled the text.
  bool compare_sentences(const std::string& text, int& mismatches) {
    fast_ends_.clear();
    icu_ends_.clear();
    const auto end = static_cast<std::uint32_t>(text.size());
    const bool handled = sentences_.segment_fast(text, 0, end, fast_ends_);
    sentences_.segment_icu(*sentence_iterator_, text, 0, end, icu_ends_);
    if (handled && fast_ends_ != icu_ends_ && ++mismatches <= 5) {
      FAIL_CHECK("sentences differ on [" << text << "]");
    }
    return handled;
  }

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  SentenceSegmenter sentences_;
  std::unique_ptr<icu::BreakIterator> sentence_iterator_;
  std::vector<Segment> fast_, icu_;
  std::vector<std::uint32_t> fast_ends_, icu_ends_;
};

const Analyzer& icu_analyzer() {
  static const Analyzer instance(AnalyzerOptions{{}, true});
  return instance;
}

const Analyzer& fast_analyzer() {
  static const Analyzer instance;
  return instance;
}

// Runs `check` with the 64-byte scanners (where the processor has them) and again without.
template <typename Check>
void with_each_scanner_width(Check check) {
  for (const bool wide : {true, false}) {
    caretoolkit::text::wide::set_enabled(wide);
    INFO((caretoolkit::text::wide::enabled() ? "64-byte scanners" : "16-byte scanners"));
    check();
  }
  caretoolkit::text::wide::set_enabled(true);
}

// Text long enough for the 64-byte blocks: tokens cross block edges, some tokens are longer than a
// block, and characters beyond ASCII fall at every distance from a block's start. By `variant`:
// the long tokens are lower-case letters, capitals or digits in groups ("1,234,567") (variant % 3),
// and pieces beyond ASCII come in when variant % 2 == 0.
std::string long_random_text(std::mt19937& rng, int variant) {
  std::uniform_int_distribution<int> chunks(2, 30);
  std::uniform_int_distribution<int> ten(0, 9);
  std::uniform_int_distribution<int> long_length(40, 140);
  std::string text;
  const int n = chunks(rng);
  for (int k = 0; k < n; ++k) {
    const int roll = ten(rng);
    if (roll == 0) {
      const int length = long_length(rng);
      for (int c = 0; c < length; ++c) {
        switch (variant % 3) {
          case 0:
            text += static_cast<char>('a' + c % 26);
            break;
          case 1:
            text += static_cast<char>('A' + c % 26);
            break;
          default:
            text += c % 4 == 3 ? ',' : static_cast<char>('0' + c % 10);
        }
      }
    } else if (roll < 4 && variant % 2 == 0) {
      text += random_text(rng, kAsciiPieces, kUnicodePieces, 1);
    } else {
      text += random_text(rng, kAsciiPieces, kAsciiPieces, 0);
    }
  }
  return text;
}

}  // namespace

TEST_CASE("fast word and sentence segmentation equal ICU on random ASCII text") {
  Segmenters segmenters;
  std::mt19937 rng(20240601);
  int word_mismatches = 0;
  int sentence_mismatches = 0;
  int handled = 0;
  for (int i = 0; i < kRandomStrings; ++i) {
    const std::string text = random_text(rng, kAsciiPieces, kAsciiPieces, 0);
    segmenters.compare_words(text, word_mismatches);
    handled += segmenters.compare_sentences(text, sentence_mismatches) ? 1 : 0;
  }
  CHECK(word_mismatches == 0);
  CHECK(sentence_mismatches == 0);
  CHECK(handled == kRandomStrings);  // plain ASCII never needs ICU
}

TEST_CASE("fast segmentation equals ICU on random text with other characters") {
  Segmenters segmenters;
  std::mt19937 rng(7);
  int word_mismatches = 0;
  int sentence_mismatches = 0;
  int handled = 0;
  for (int i = 0; i < kRandomStrings; ++i) {
    const std::string text = random_text(rng, kAsciiPieces, kUnicodePieces, 3);
    segmenters.compare_words(text, word_mismatches);
    handled += segmenters.compare_sentences(text, sentence_mismatches) ? 1 : 0;
  }
  CHECK(word_mismatches == 0);
  CHECK(sentence_mismatches == 0);
  MESSAGE("sentence fast path handled " << handled << " of " << kRandomStrings
                                        << " mixed strings; ICU took the rest");
  CHECK(handled > kRandomStrings / 10);
}

TEST_CASE("fast word segmentation equals ICU on long random text") {
  Segmenters segmenters;
  std::mt19937 rng(20261204);
  std::vector<std::string> texts;
  texts.reserve(kRandomStrings / 5);
  for (int i = 0; i < kRandomStrings / 5; ++i) texts.push_back(long_random_text(rng, i));
  with_each_scanner_width([&] {
    int word_mismatches = 0;
    for (const std::string& text : texts) segmenters.compare_words(text, word_mismatches);
    CHECK(word_mismatches == 0);
  });
}

TEST_CASE("analyser documents equal ICU-only documents on random text") {
  std::mt19937 rng(99);
  int mismatches = 0;
  Document fast;
  Document icu;
  for (int i = 0; i < kRandomStrings / 5; ++i) {
    const std::string text = i % 2 == 0 ? random_text(rng, kAsciiPieces, kAsciiPieces, 0)
                                        : random_text(rng, kAsciiPieces, kUnicodePieces, 2);
    fast_analyzer().analyze(text, fast);
    icu_analyzer().analyze(text, icu);
    const std::string difference = compare(fast, icu);
    if (!difference.empty() && ++mismatches <= 5) {
      FAIL_CHECK("documents differ on [" << text << "]: " << difference);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("analyser documents equal ICU-only documents on random code points") {
  // Any scalar value, most from the first planes: scripts and symbols the fast path hands to ICU
  // piece by piece, mixed with ASCII it reads itself.
  std::mt19937 rng(31337);
  std::uniform_int_distribution<int> length(1, 30);
  std::uniform_int_distribution<int> plane(0, 9);
  std::uniform_int_distribution<std::uint32_t> ascii(1, 0x7F);
  std::uniform_int_distribution<std::uint32_t> low(0x80, 0x2FFF);
  std::uniform_int_distribution<std::uint32_t> any(0x80, 0x10FFFF);
  int mismatches = 0;
  Document fast;
  Document icu;
  for (int i = 0; i < kRandomStrings / 5; ++i) {
    std::string text;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) {
      const int p = plane(rng);
      std::uint32_t c = p < 5 ? ascii(rng) : p < 8 ? low(rng) : any(rng);
      if (c >= 0xD800 && c <= 0xDFFF) c = 'x';  // surrogates are not characters
      char bytes[4];
      std::int32_t length_of_c = 0;
      U8_APPEND_UNSAFE(bytes, length_of_c, static_cast<UChar32>(c));
      text.append(bytes, static_cast<std::size_t>(length_of_c));
    }
    fast_analyzer().analyze(text, fast);
    icu_analyzer().analyze(text, icu);
    const std::string difference = compare(fast, icu);
    if (!difference.empty() && ++mismatches <= 5) {
      FAIL_CHECK("documents differ on random code points: " << difference);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("analyser documents equal ICU-only documents on 200 generated adverts") {
  const auto corpus = caretoolkit::text::testing::generate_corpus(2024, 200);
  Segmenters segmenters;
  Document fast;
  Document icu;
  with_each_scanner_width([&] {
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      INFO("advert " << i);
      fast_analyzer().analyze(corpus[i], fast);
      icu_analyzer().analyze(corpus[i], icu);
      CHECK(compare(fast, icu).empty());
      int mismatches = 0;
      segmenters.compare_words(corpus[i], mismatches);
      CHECK(mismatches == 0);
    }
  });
}

TEST_CASE("the 64-byte scanners give the same documents as the 16-byte ones") {
  // Both analysers use the same lower-casing and the same search for characters beyond ASCII, so
  // the comparison with ICU above cannot see a fault there: here each width checks the other.
  caretoolkit::text::wide::set_enabled(true);
  const bool available = caretoolkit::text::wide::enabled();
  MESSAGE("this processor " << (available ? "has" : "lacks")
                            << " the 64-byte scanners (AVX-512BW); "
                            << (available ? "both widths ran" : "only the 16-byte forms ran"));
  std::vector<std::string> texts = caretoolkit::text::testing::generate_corpus(77, 200);
  std::mt19937 rng(20261205);
  for (int i = 0; i < kRandomStrings / 10; ++i) texts.push_back(long_random_text(rng, i));
  Document wide;
  Document narrow;
  Segmenters segmenters;
  int mismatches = 0;
  int word_mismatches = 0;
  int sentence_mismatches = 0;
  for (const std::string& text : texts) {
    caretoolkit::text::wide::set_enabled(true);
    fast_analyzer().analyze(text, wide);
    segmenters.compare_words(text, word_mismatches);
    segmenters.compare_sentences(text, sentence_mismatches);
    caretoolkit::text::wide::set_enabled(false);
    fast_analyzer().analyze(text, narrow);
    const std::string difference = compare(wide, narrow);
    if (!difference.empty() && ++mismatches <= 5) {
      FAIL_CHECK("64-byte and 16-byte scanners differ on [" << text << "]: " << difference);
    }
  }
  caretoolkit::text::wide::set_enabled(true);
  CHECK(mismatches == 0);
  CHECK(word_mismatches == 0);
  CHECK(sentence_mismatches == 0);
}

TEST_CASE("the generated adverts need no ICU fallback") {
  // The fast paths cover every character of realistic adverts (pound signs, typographic quotes
  // and dashes, bullets, accents, a lone emoji), so ICU is never asked to segment them.
  const auto corpus = caretoolkit::text::testing::generate_corpus(2024, 200);
  const SentenceSegmenter sentences(caretoolkit::text::default_abbreviations());
  std::vector<Segment> segments;
  std::vector<std::uint32_t> ends;
  for (const std::string& advert : corpus) {
    segments.clear();
    const auto size = static_cast<std::uint32_t>(advert.size());
    CHECK(caretoolkit::text::segment_words_fast(advert, 0, size, segments) == size);
    CHECK(sentences.segment_fast(advert, 0, size, ends));
  }
}
