// The text analyser: validation, NFC, blocks, words, sentences, folded forms, syllables, spans.
// See analyzer.hpp.
#include "text/analyzer.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <array>
#include <atomic>
#include <cstring>
#include <span>
#include <stdexcept>

#include "core/error.hpp"
#include "text/blocks.hpp"
#include "text/char_class.hpp"
#include "text/readability.hpp"
#include "text/sentence_segmenter.hpp"
#include "text/swar.hpp"
#include "text/syllables.hpp"
#include "text/utf8.hpp"
#include "text/wide.hpp"
#include "text/word_segmenter.hpp"

namespace caretoolkit::text {

const std::vector<std::string>& default_abbreviations() {
  // Abbreviations that a capitalised word or a number follows inside a sentence: titles before
  // names ("Dr. Patel"), "St. Albans", "No. 5", "Tel. 01234", "Ref. CA12". Left out on purpose:
  // company forms and "etc.", which in adverts mostly end a sentence ("...join Bright Care Ltd.
  // We offer..."), and day and month names ("Mon to Fri. You will..."). A lower-case word after
  // any full stop never starts a sentence anyway ("Ltd. is hiring", "etc. and more").
  static const std::vector<std::string> list = {
      "Mr.",  "Mrs.",    "Ms.",   "Mx.",  "Dr.",  "Prof.", "Rev.", "Cllr.", "St.",   "Jr.",
      "Sr.",  "No.",     "Nos.",  "Tel.", "tel.", "Ext.",  "ext.", "Dept.", "dept.", "e.g.",
      "i.e.", "approx.", "incl.", "est.", "vs.",  "cf.",   "nr.",  "ref.",  "Ref."};
  return list;
}

namespace {

std::atomic<std::uint64_t> next_analyzer_id{1};

using swar::kHighBits;
using swar::kOnes;

#if CARETOOLKIT_HAS_WIDE
// The first part of lower_ascii(), 64 bytes at a time where wide::enabled(); returns how far it
// went.
CARETOOLKIT_WIDE std::size_t lower_ascii_wide(std::string_view text, char* out) {
  std::size_t i = 0;
  for (; i + 64 <= text.size(); i += 64) {
    const __m512i v = wide::load(text.data() + i);
    const __m512i lower =
        _mm512_mask_add_epi8(v, wide::in_range(v, 'A', 'Z'), v, _mm512_set1_epi8('a' - 'A'));
    _mm512_storeu_si512(out + i, lower);
  }
  return i;
}
#endif

// Copies `text` to `out` with ASCII capitals in lower case, eight bytes at a time (other bytes are
// copied unchanged).
void lower_ascii(std::string_view text, char* out) {
  std::size_t i = 0;
#if CARETOOLKIT_HAS_WIDE
  if (wide::enabled()) i = lower_ascii_wide(text, out);
#endif
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w = swar::load(text.data() + i);
    const std::uint64_t low7 = w & ~kHighBits;
    const std::uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');
    const std::uint64_t above_z = low7 + kOnes * (0x80 - 'Z' - 1);
    const std::uint64_t upper = at_least_a & ~above_z & ~w & kHighBits;
    w |= upper >> 2;  // 0x80 >> 2 is the 0x20 case bit
    std::memcpy(out + i, &w, 8);
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    out[i] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? ('a' - 'A') : 0));
  }
}

bool has_non_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Bytes kept readable after the folded text, so that WordMemo may load 16 bytes at once.
constexpr std::size_t kFoldPadding = 16;

}  // namespace

// Not in the anonymous namespace: a member of AnalysisScratch::State, which has external linkage.
namespace analyzer_detail {

// Remembers the ASCII tokens seen before with one AnalysisScratch, keyed by their first 16 bytes
// (longer ones are not remembered), and gives each a Token::word_key; for words it also keeps the
// syllable and letter counts. Adverts share most of their vocabulary, and a lookup costs a fraction
// of counting. Two-way set-associative: with one way, a few of any few hundred words share a slot,
// and a pair that does evicts each other over and over, which the caches keyed by word_key feel
// too. A miss replaces the way filled first (its key is the smaller), which needs no bookkeeping
// on a hit. The caller guarantees 16 readable bytes from the start of each token.
class WordMemo {
 public:
  WordMemo() : slots_(kSlots) {}

  // Sets token.word_key, and for a word token.syllables and token.letters, for the ASCII token
  // whose folded form is `folded`.
  void remember(std::string_view folded, Token& token) {
    const bool word = token.kind == TokenKind::kWord;
    if (folded.size() > 16 || folded.empty()) {
      if (word) {
        token.syllables = count_syllables(folded);
        token.letters = count_letters(folded);
      }
      return;
    }
    std::uint64_t a = swar::load(folded.data());
    std::uint64_t b = swar::load(folded.data() + 8);
    const std::size_t n = folded.size();
    a &= n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
    b &= n >= 16 ? ~0ULL : n <= 8 ? 0 : (1ULL << (8 * (n - 8))) - 1;
    const std::uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ n) * 0xFF51AFD7ED558CCDULL;
    const std::uint64_t set = h >> (64 - kSetBits);
    const auto holds = [&](const Slot& slot) {
      return slot.length == n && slot.a == a && slot.b == b;
    };
    std::uint64_t index = 2 * set;
    if (!holds(slots_[index])) {
      ++index;
      if (!holds(slots_[index])) {
        // The way filled longer ago (keys grow with each fill) makes room.
        index = 2 * set + static_cast<std::uint64_t>(slots_[2 * set + 1].key < slots_[2 * set].key);
        fill(slots_[index], index, folded, a, b);
      }
    }
    const Slot& slot = slots_[index];
    token.word_key = slot.key;
    if (word) {
      token.syllables = slot.syllables;
      token.letters = slot.letters;
    }
  }

 private:
  static constexpr unsigned kSetBits = kWordKeySlotBits - 1;
  static constexpr std::size_t kSets = std::size_t{1} << kSetBits;
  static constexpr std::size_t kSlots = std::size_t{1} << kWordKeySlotBits;
  // Counts the slots ever filled by any memo, so that no two fills give the same key.
  static inline std::atomic<std::uint64_t> next_fill{1};
  struct Slot {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::uint64_t key = 0;
    std::uint16_t length = 0;  // 0: empty
    std::uint16_t syllables = 0;
    std::uint16_t letters = 0;
  };

  static void fill(Slot& slot, std::uint64_t index, std::string_view folded, std::uint64_t a,
                   std::uint64_t b) {
    slot.a = a;
    slot.b = b;
    slot.length = static_cast<std::uint16_t>(folded.size());
    // Counted for any token: the same folded form may be a word in one place and not another.
    slot.syllables = count_syllables(folded);
    slot.letters = static_cast<std::uint16_t>(count_letters(folded));
    slot.key = (next_fill.fetch_add(1, std::memory_order_relaxed) << kWordKeySlotBits) | index;
  }

  std::vector<Slot> slots_;
};

// What append_ascii_tokens() needs from the analysis under way.
struct AsciiTokenRun {
  std::vector<Token>* tokens;
  const char* folded;  // the lower-case copy of the text, at the text's offsets
  Utf16Offsets::Cursor* utf16;
  WordMemo* memo;
  WordTotals* totals;      // syllables, complex words and letters are added to it
  std::uint32_t sentence;  // of the tokens appended
  std::uint32_t paragraph;
  std::uint32_t words;  // word tokens appended, added to
};

// Appends a finished token (spans, folded form, word key, syllables, letters) for each segment
// from `read` on that starts before `sentence_end`, and stops early at a segment with a character
// beyond ASCII, which the caller finishes. Returns the index of the first segment not taken. The
// hot loop of analysis, kept out of line so that its state has the registers to itself.
[[gnu::noinline]] std::size_t append_ascii_tokens(std::span<const Segment> segments,
                                                  std::size_t read, std::uint32_t sentence_end,
                                                  AsciiTokenRun& run) {
  std::vector<Token>& tokens = *run.tokens;
  WordMemo& memo = *run.memo;
  const char* const folded = run.folded;
  Utf16Offsets::Cursor utf16 = *run.utf16;
  std::uint32_t words = 0;
  WordTotals totals;
  for (; read < segments.size(); ++read) {
    const Segment& segment = segments[read];
    if (segment.begin >= sentence_end) break;
    const std::uint32_t length = segment.end - segment.begin;
    const std::uint32_t begin_utf16 = utf16.at(segment.begin);
    if (!segment.ascii) {
      // Every non-ASCII character takes more UTF-8 bytes than UTF-16 units. The caller looks the
      // token's start up again, so the cursor moves past its end only if it is taken.
      Utf16Offsets::Cursor ahead = utf16;
      if (ahead.at(segment.end) - begin_utf16 != length) break;
      utf16 = ahead;
    }
    // Made whole and stored once, rather than stored empty and then field by field.
    Token& token = tokens.emplace_back(
        Token{.span = Span{segment.begin, segment.end, begin_utf16, begin_utf16 + length},
              .folded = std::string_view(folded + segment.begin, length),
              .sentence = run.sentence,
              .paragraph = run.paragraph,
              .kind = segment.kind});
    memo.remember(token.folded, token);
    words += static_cast<std::uint32_t>(token.kind == TokenKind::kWord);
    // Only words have syllables and letters, so those are added up without a test.
    totals.syllables += token.syllables;
    totals.complex_words += static_cast<std::uint32_t>(token.syllables >= kComplexWordSyllables);
    totals.letters += token.letters;
  }
  *run.utf16 = utf16;
  run.words += words;
  run.totals->syllables += totals.syllables;
  run.totals->complex_words += totals.complex_words;
  run.totals->letters += totals.letters;
  return read;
}

}  // namespace analyzer_detail

struct Analyzer::Shared {
  std::uint64_t id = 0;  // tells this Analyzer's iterator clones from another's
  bool icu_only = false;
  SentenceSegmenter sentences;
  std::unique_ptr<icu::BreakIterator> word_prototype;
  std::unique_ptr<icu::BreakIterator> sentence_prototype;

  explicit Shared(const AnalyzerOptions& options)
      : id(next_analyzer_id.fetch_add(1)),
        icu_only(options.icu_only),
        sentences(options.abbreviations.empty() ? default_abbreviations() : options.abbreviations) {
    UErrorCode status = U_ZERO_ERROR;
    word_prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("en_GB"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create a word iterator");
    sentence_prototype = sentences.make_icu_iterator();
    icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC data is missing");
    CharClasses::get();  // build the tables now rather than inside the first analysis
  }
};

// Everything an analysis needs to run without allocating: ICU iterator clones and scratch.
struct AnalysisScratch::State {
  // Clones of the prototypes of one Analyzer.
  struct Iterators {
    std::uint64_t owner = 0;  // Analyzer::Shared::id
    std::unique_ptr<icu::BreakIterator> words;
    std::unique_ptr<icu::BreakIterator> sentences;
  };
  std::array<Iterators, 4> iterators;  // of the last few Analyzers used (usually one)
  std::size_t next_replaced = 0;
  Iterators* current = nullptr;

  std::string normalized;
  icu::Edits edits;
  std::string sentence_text;
  BlockScratch block_scratch;
  std::vector<Block> blocks;
  std::vector<Segment> segments;
  std::vector<std::uint32_t> sentence_ends;
  std::string extra_folds;  // folded forms of tokens with non-ASCII characters
  struct Fold {
    std::uint32_t token;
    std::uint32_t offset;  // into extra_folds
  };
  std::vector<Fold> folds;
  Utf16Offsets utf16;
  analyzer_detail::WordMemo words;

  // The clones of the prototypes of the Analyzer numbered `owner`, made on its first use.
  Iterators& iterators_for(std::uint64_t owner, const icu::BreakIterator& word_prototype,
                           const icu::BreakIterator& sentence_prototype) {
    if (current != nullptr && current->owner == owner) return *current;
    current = nullptr;
    for (Iterators& it : iterators) {
      if (it.owner == owner) current = &it;
    }
    if (current == nullptr) {
      Iterators& it = iterators[next_replaced];
      next_replaced = (next_replaced + 1) % iterators.size();
      it.words.reset(word_prototype.clone());
      it.sentences.reset(sentence_prototype.clone());
      if (!it.words || !it.sentences) throw std::runtime_error("ICU: cannot clone an iterator");
      it.owner = owner;
      current = &it;
    }
    return *current;
  }
};

AnalysisScratch::AnalysisScratch() : state_(std::make_unique<State>()) {}
AnalysisScratch::~AnalysisScratch() = default;
AnalysisScratch::AnalysisScratch(AnalysisScratch&&) noexcept = default;
AnalysisScratch& AnalysisScratch::operator=(AnalysisScratch&&) noexcept = default;

namespace {

void refuse_too_large(std::string_view utf8) {
  if (utf8.size() > Analyzer::kMaxBytes) {
    throw Error(ErrorCode::kTooLarge, "the text is longer than " +
                                          std::to_string(Analyzer::kMaxBytes >> 20) +
                                          " MiB, which is too long to check");
  }
}

// Checks that the non-ASCII characters of `utf8` are well-formed (Error(kMalformed) naming the
// first bad one's byte offset), records them in `utf16` for UTF-16 offsets, and returns whether
// NFC leaves every one of them unchanged. One pass; ASCII is skipped 16 or 64 bytes at a time.
bool check_utf8_and_index_utf16(std::string_view utf8, Utf16Offsets& utf16) {
  utf16.clear();
  const std::size_t first_non_ascii = find_non_ascii(utf8);
  if (first_non_ascii == utf8.size()) return true;
  const CharClasses& classes = CharClasses::get();
  bool stable = true;
  for (std::size_t i = first_non_ascii; i < utf8.size(); i = find_non_ascii(utf8, i)) {
    const std::size_t begin = i;
    const std::int32_t c = decode_checked(utf8, i);
    if (c < 0) {
      throw Error(ErrorCode::kMalformed,
                  "the text could not be read: it is not valid UTF-8 at byte " +
                      std::to_string(begin) + " (paste it again as plain text)");
    }
    utf16.add(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i),
              c >= 0x10000 ? 2 : 1);
    stable = stable && classes.info(static_cast<char32_t>(c)).nfc_stable;
  }
  return stable;
}

}  // namespace

// One call of analyze(): the document being filled, the scratch and the text analysed, with a
// member function per step.
class Analyzer::Run {
 public:
  // Starts `out` afresh as the analysis of `utf8`.
  Run(const Shared& shared, AnalysisScratch::State& scratch, Document& out, std::string_view utf8)
      : shared_(shared),
        s_(scratch),
        iterators_(
            scratch.iterators_for(shared.id, *shared.word_prototype, *shared.sentence_prototype)),
        out_(out),
        tokens_(out.tokens_),
        storage_(out.folded_storage_),
        totals_(out.word_totals_),
        utf16_(scratch.utf16) {
    out.original_.assign(utf8);
    out.tokens_.clear();
    out.sentences_.clear();
    out.paragraphs_.clear();
    out.word_totals_ = WordTotals{};
    original_ = out.original_;
    text_ = original_;
  }

  // Normalises the text to NFC for the steps after; returns whether that changed it (the text is
  // then analysed from scratch.normalized, and the spans are mapped back at the end).
  bool normalise() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::StringPiece piece(text_.data(), static_cast<std::int32_t>(text_.size()));
    if (nfc->isNormalizedUTF8(piece, status)) {
      if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
      return false;
    }
    s_.normalized.clear();
    s_.edits.reset();
    icu::StringByteSink<std::string> sink(&s_.normalized);
    nfc->normalizeUTF8(0, piece, sink, &s_.edits, status);
    if (U_FAILURE(status) || s_.normalized.size() > kMaxBytes) {
      throw Error(ErrorCode::kTooLarge, "the text is too long to check once normalised");
    }
    text_ = s_.normalized;
    return true;
  }

  // Blocks (blocks.hpp), then the words of the whole text as segments.
  void find_blocks_and_words() {
    s_.blocks.clear();
    find_blocks(text_, s_.block_scratch, s_.blocks, s_.sentence_text);
    sentence_text_ = s_.sentence_text.empty() ? text_ : std::string_view(s_.sentence_text);
    s_.segments.clear();
    segment_words(*iterators_.words, text_, shared_.icu_only, s_.segments);
  }

  // The folded forms' storage: a lower-case copy of the text, at the same offsets, which is the
  // folded form of every ASCII token; place_icu_folds() appends the others. Padded with zeros for
  // WordMemo's 16-byte loads, which also keeps the string out of its inline buffer (a move would
  // relocate that under the views).
  void fold_ascii() {
    storage_.resize(text_.size() + kFoldPadding);
    lower_ascii(text_, storage_.data());
    std::memset(storage_.data() + text_.size(), 0, kFoldPadding);
    s_.extra_folds.clear();
    s_.folds.clear();
  }

  // Tokens, sentences and paragraphs from the segments, each token finished as it is made:
  // spans with UTF-16 offsets, folded form, word key, syllables, letters and the word totals.
  void add_finished_tokens() {
    const std::span<const Segment> segments = s_.segments;
    analyzer_detail::AsciiTokenRun run{
        &tokens_, storage_.data(), &utf16_, &s_.words, &totals_, 0, 0, 0};
    add_tokens(
        [&](std::size_t& read, std::uint32_t end, std::uint32_t sentence, std::uint32_t paragraph) {
          run.sentence = sentence;
          run.paragraph = paragraph;
          run.words = 0;
          std::uint32_t words = 0;
          while (read < segments.size() && segments[read].begin < end) {
            read = analyzer_detail::append_ascii_tokens(segments, read, end, run);
            if (read == segments.size() || segments[read].begin >= end) break;
            const Segment& segment = segments[read++];
            Token& token = append_token(segment, sentence, paragraph);
            words += static_cast<std::uint32_t>(token.kind == TokenKind::kWord);
            finish_token(tokens_.size() - 1, token, segment.ascii);
            add_to_totals(token);
          }
          return words + run.words;
        });
  }

  // The same with only each token's kind, position and spans in the normalised text, for
  // finish_normalised_tokens().
  void add_unfinished_tokens() {
    const std::span<const Segment> segments = s_.segments;
    add_tokens(
        [&](std::size_t& read, std::uint32_t end, std::uint32_t sentence, std::uint32_t paragraph) {
          std::uint32_t words = 0;
          while (read < segments.size() && segments[read].begin < end) {
            const Token& token = append_token(segments[read++], sentence, paragraph);
            words += static_cast<std::uint32_t>(token.kind == TokenKind::kWord);
          }
          return words;
        });
  }

  // Folds the tokens of the normalised text and counts their syllables, then maps their spans
  // back to the caller's bytes through ICU's edit records; letters are counted in what the writer
  // typed, as everywhere else.
  void finish_normalised_tokens() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      Token& token = tokens_[i];
      const std::string_view token_text =
          text_.substr(token.span.begin, token.span.end - token.span.begin);
      const std::string_view folded =
          has_non_ascii(token_text) ? fold_with_icu(i, token_text)
                                    : (token.folded = std::string_view(
                                           storage_.data() + token.span.begin, token_text.size()));
      if (token.kind == TokenKind::kWord) token.syllables = count_syllables(folded);
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator edits = s_.edits.getFineIterator();
    Utf16Offsets::Cursor original_utf16(s_.utf16);
    for (Token& token : tokens_) {
      token.span.begin = static_cast<std::uint32_t>(edits.sourceIndexFromDestinationIndex(
          static_cast<std::int32_t>(token.span.begin), status));
      token.span.end = static_cast<std::uint32_t>(
          edits.sourceIndexFromDestinationIndex(static_cast<std::int32_t>(token.span.end), status));
      token.span.begin_utf16 = original_utf16.at(token.span.begin);
      token.span.end_utf16 = original_utf16.at(token.span.end);
      if (token.kind == TokenKind::kWord) {
        token.letters =
            count_letters(original_.substr(token.span.begin, token.span.end - token.span.begin));
      }
    }
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot map normalised offsets");
    for (const Token& token : tokens_) add_to_totals(token);
  }

  // Appends the ICU folds after the lower-case copy, then points their tokens at them (and the
  // others again, should the storage have moved).
  void place_icu_folds() {
    if (s_.folds.empty()) return;
    const std::size_t n = text_.size();
    const char* old_storage = storage_.data();
    storage_.resize(n + s_.extra_folds.size() + kFoldPadding);
    if (storage_.data() != old_storage) out_.rebase_folded(old_storage);
    std::memcpy(storage_.data() + n, s_.extra_folds.data(), s_.extra_folds.size());
    std::memset(storage_.data() + n + s_.extra_folds.size(), 0, kFoldPadding);
    for (std::size_t k = 0; k < s_.folds.size(); ++k) {
      const std::uint32_t offset = s_.folds[k].offset;
      const std::uint32_t next = k + 1 < s_.folds.size()
                                     ? s_.folds[k + 1].offset
                                     : static_cast<std::uint32_t>(s_.extra_folds.size());
      tokens_[s_.folds[k].token].folded =
          std::string_view(storage_.data() + n + offset, next - offset);
    }
  }

  // Each sentence spans its tokens, each paragraph its sentences.
  void set_sentence_and_paragraph_spans() {
    for (Sentence& s : out_.sentences_) {
      s.span.begin = tokens_[s.first_token].span.begin;
      s.span.begin_utf16 = tokens_[s.first_token].span.begin_utf16;
      s.span.end = tokens_[s.end_token - 1].span.end;
      s.span.end_utf16 = tokens_[s.end_token - 1].span.end_utf16;
    }
    for (Paragraph& p : out_.paragraphs_) {
      p.span.begin = out_.sentences_[p.first_sentence].span.begin;
      p.span.begin_utf16 = out_.sentences_[p.first_sentence].span.begin_utf16;
      p.span.end = out_.sentences_[p.end_sentence - 1].span.end;
      p.span.end_utf16 = out_.sentences_[p.end_sentence - 1].span.end_utf16;
    }
  }

 private:
  // Sentences per block; segments outside blocks (list bullets, rule lines) are dropped. For
  // each sentence, take(read, end, sentence, paragraph) appends the tokens of the segments from
  // `read` on that start before byte `end`, advances `read` past them and returns how many are
  // words. A sentence or paragraph without tokens is dropped.
  template <typename TakeSentence>
  void add_tokens(TakeSentence take) {
    const std::vector<Segment>& segments = s_.segments;
    tokens_.reserve(segments.size());
    std::size_t read = 0;
    for (const Block& block : s_.blocks) {
      find_sentence_ends(block);
      while (read < segments.size() && segments[read].begin < block.begin) ++read;
      const auto paragraph = static_cast<std::uint32_t>(out_.paragraphs_.size());
      const auto first_sentence = static_cast<std::uint32_t>(out_.sentences_.size());
      std::uint32_t paragraph_words = 0;
      for (const std::uint32_t end : s_.sentence_ends) {
        const std::size_t first = tokens_.size();
        const auto sentence = static_cast<std::uint32_t>(out_.sentences_.size());
        const std::uint32_t words = take(read, end, sentence, paragraph);
        if (tokens_.size() == first) continue;
        Sentence& s = out_.sentences_.emplace_back();
        s.first_token = static_cast<std::uint32_t>(first);
        s.end_token = static_cast<std::uint32_t>(tokens_.size());
        s.words = words;
        s.paragraph = paragraph;
        paragraph_words += words;
      }
      const auto end_sentence = static_cast<std::uint32_t>(out_.sentences_.size());
      if (end_sentence == first_sentence) continue;
      Paragraph& p = out_.paragraphs_.emplace_back();
      p.kind = block.kind;
      p.first_sentence = first_sentence;
      p.end_sentence = end_sentence;
      p.words = paragraph_words;
      totals_.words += paragraph_words;
    }
  }

  // The sentence ends of `block`, into scratch.sentence_ends.
  void find_sentence_ends(const Block& block) {
    s_.sentence_ends.clear();
    const SentenceSegmenter& sentences = shared_.sentences;
    if (shared_.icu_only ||
        !sentences.segment_fast(sentence_text_, block.begin, block.end, s_.sentence_ends)) {
      sentences.segment_icu(*iterators_.sentences, sentence_text_, block.begin, block.end,
                            s_.sentence_ends);
    }
  }

  [[gnu::always_inline]] Token& append_token(const Segment& segment, std::uint32_t sentence,
                                             std::uint32_t paragraph) {
    Token& token = tokens_.emplace_back();
    token.kind = segment.kind;
    token.span.begin = segment.begin;
    token.span.end = segment.end;
    token.sentence = sentence;
    token.paragraph = paragraph;
    return token;
  }

  // Folded form, syllables, letters and UTF-16 offsets of token `i`, whose span indexes the
  // original text; `known_ascii`: the segmenter knows the token holds only ASCII.
  [[gnu::always_inline]] void finish_token(std::size_t i, Token& token, bool known_ascii) {
    const std::uint32_t length = token.span.end - token.span.begin;
    token.span.begin_utf16 = utf16_.at(token.span.begin);
    token.span.end_utf16 =
        known_ascii ? token.span.begin_utf16 + length : utf16_.at(token.span.end);
    // Every non-ASCII character takes more UTF-8 bytes than UTF-16 units.
    if (token.span.end_utf16 - token.span.begin_utf16 == length) {
      token.folded = std::string_view(storage_.data() + token.span.begin, length);
      s_.words.remember(token.folded, token);
    } else {
      const std::string_view typed = text_.substr(token.span.begin, length);
      const std::string_view folded = fold_with_icu(i, typed);
      if (token.kind == TokenKind::kWord) {
        token.syllables = count_syllables(folded);
        token.letters = count_letters(typed);
      }
    }
  }

  // Only words have syllables and letters, so those are added up without a test.
  [[gnu::always_inline]] void add_to_totals(const Token& token) {
    totals_.syllables += token.syllables;
    totals_.complex_words += static_cast<std::uint32_t>(token.syllables >= kComplexWordSyllables);
    totals_.letters += token.letters;
  }

  // Folds token `i`'s text with ICU into scratch.extra_folds; returns the folded form there.
  std::string_view fold_with_icu(std::size_t i, std::string_view token_text) {
    s_.folds.push_back(
        {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s_.extra_folds.size())});
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&s_.extra_folds);
    icu::CaseMap::utf8Fold(
        U_FOLD_CASE_DEFAULT,
        icu::StringPiece(token_text.data(), static_cast<std::int32_t>(token_text.size())), sink,
        nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: case folding failed");
    return std::string_view(s_.extra_folds).substr(s_.folds.back().offset);
  }

  const Shared& shared_;
  AnalysisScratch::State& s_;
  AnalysisScratch::State::Iterators& iterators_;
  Document& out_;
  std::vector<Token>& tokens_;
  std::string& storage_;  // Document::folded_storage_
  WordTotals& totals_;
  std::string_view original_;       // the caller's text, as copied into the document
  std::string_view text_;           // what the segmenters and folding see: original_ or its NFC
  std::string_view sentence_text_;  // text_, or the copy find_blocks() made for sentences
  Utf16Offsets::Cursor utf16_;      // in text order, shared with append_ascii_tokens()
};

Analyzer::Analyzer(const AnalyzerOptions& options) : shared_(std::make_unique<Shared>(options)) {}

Analyzer::~Analyzer() = default;

Document Analyzer::analyze(std::string_view utf8) const {
  Document document;
  analyze(utf8, document);
  return document;
}

void Analyzer::analyze(std::string_view utf8, Document& out) const {
  AnalysisScratch scratch;
  analyze(utf8, out, scratch);
}

void Analyzer::analyze(std::string_view utf8, Document& out, AnalysisScratch& scratch) const {
  refuse_too_large(utf8);
  AnalysisScratch::State& state = *scratch.state_;
  // Reads only the caller's text, so that `out` is untouched when it throws.
  const bool nfc_stable = check_utf8_and_index_utf16(utf8, state.utf16);
  Run run(*shared_, state, out, utf8);
  const bool normalized = !nfc_stable && run.normalise();
  run.find_blocks_and_words();
  run.fold_ascii();
  if (normalized) {
    run.add_unfinished_tokens();
    run.finish_normalised_tokens();
  } else {
    run.add_finished_tokens();
  }
  run.place_icu_folds();
  run.set_sentence_and_paragraph_spans();
}

}  // namespace caretoolkit::text
