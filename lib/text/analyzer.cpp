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

// Not in the anonymous namespace: a member of Analyzer::PerThread, which has external linkage.
namespace analyzer_detail {

// Remembers the ASCII tokens seen before on this thread, keyed by their first 16 bytes (longer
// ones are not remembered), and gives each a Token::word_key; for words it also keeps the syllable
// and letter counts. Adverts share most of their vocabulary, and a lookup costs a fraction of
// counting. Two-way set-associative: with one way, a few of any few hundred words share a slot,
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
  // Counts the slots ever filled on any thread, so that no two fills give the same key.
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
// hot loop of analysis, in a function of its own: inside analyze() its state did not fit in
// registers.
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
    Token& token = tokens.emplace_back();
    token.kind = segment.kind;
    token.span = Span{segment.begin, segment.end, begin_utf16, begin_utf16 + length};
    token.sentence = run.sentence;
    token.paragraph = run.paragraph;
    token.folded = std::string_view(folded + segment.begin, length);
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
  std::uint64_t id = 0;  // tells this Analyzer's per-thread state from another's
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

// Everything a thread needs to analyse without allocating: its ICU iterator clones and scratch.
struct Analyzer::PerThread {
  // Clones of the prototypes of the last few Analyzers this thread used (usually one).
  struct Iterators {
    std::uint64_t owner = 0;
    std::unique_ptr<icu::BreakIterator> words;
    std::unique_ptr<icu::BreakIterator> sentences;
  };
  std::array<Iterators, 4> iterators;
  std::size_t next_replaced = 0;
  Iterators* current = nullptr;

  std::string normalized;
  icu::Edits edits;
  std::string sentence_text;
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
};

Analyzer::Analyzer(const AnalyzerOptions& options) : shared_(std::make_unique<Shared>(options)) {}

Analyzer::~Analyzer() = default;

Analyzer::PerThread& Analyzer::per_thread() const {
  thread_local PerThread state;
  if (state.current == nullptr || state.current->owner != shared_->id) {
    state.current = nullptr;
    for (PerThread::Iterators& it : state.iterators) {
      if (it.owner == shared_->id) state.current = &it;
    }
    if (state.current == nullptr) {
      PerThread::Iterators& it = state.iterators[state.next_replaced];
      state.next_replaced = (state.next_replaced + 1) % state.iterators.size();
      it.words.reset(shared_->word_prototype->clone());
      it.sentences.reset(shared_->sentence_prototype->clone());
      if (!it.words || !it.sentences) throw std::runtime_error("ICU: cannot clone an iterator");
      it.owner = shared_->id;
      state.current = &it;
    }
  }
  return state;
}

Document Analyzer::analyze(std::string_view utf8) const {
  Document document;
  analyze(utf8, document);
  return document;
}

void Analyzer::analyze(std::string_view utf8, Document& out) const {
  if (utf8.size() > kMaxBytes) {
    throw Error(ErrorCode::kTooLarge, "the text is longer than " + std::to_string(kMaxBytes >> 20) +
                                          " MiB, which is too long to check");
  }
  PerThread& t = per_thread();
  const SentenceSegmenter& sentences = shared_->sentences;
  const bool icu_only = shared_->icu_only;

  // 1. One pass over the non-ASCII characters (ASCII is skipped 16 or 64 bytes at a time) checks
  //    that they are well-formed, records them for UTF-16 offsets and tells whether NFC could
  //    change anything. It reads the caller's text, so that `out` is untouched when it throws.
  const std::size_t first_non_ascii = find_non_ascii(utf8);
  const bool ascii = first_non_ascii == utf8.size();
  bool stable = true;
  t.utf16.clear();
  if (!ascii) {
    const CharClasses& classes = CharClasses::get();
    for (std::size_t i = first_non_ascii; i < utf8.size(); i = find_non_ascii(utf8, i)) {
      const std::size_t begin = i;
      const std::int32_t c = decode_checked(utf8, i);
      if (c < 0) {
        throw Error(ErrorCode::kMalformed,
                    "the text could not be read: it is not valid UTF-8 at byte " +
                        std::to_string(begin) + " (paste it again as plain text)");
      }
      t.utf16.add(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i),
                  c >= 0x10000 ? 2 : 1);
      stable = stable && classes.info(static_cast<char32_t>(c)).nfc_stable;
    }
  }
  out.original_.assign(utf8);
  out.tokens_.clear();
  out.sentences_.clear();
  out.paragraphs_.clear();
  out.word_totals_ = WordTotals{};

  //    Only when NFC could change something is ICU's normaliser asked; `text` is what the
  //    segmenters and folding see.
  const std::string_view original = out.original_;
  std::string_view text = original;
  bool normalized = false;
  if (!ascii) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
    if (!stable && !nfc->isNormalizedUTF8(piece, status)) {
      t.normalized.clear();
      t.edits.reset();
      icu::StringByteSink<std::string> sink(&t.normalized);
      nfc->normalizeUTF8(0, piece, sink, &t.edits, status);
      if (U_FAILURE(status) || t.normalized.size() > kMaxBytes) {
        throw Error(ErrorCode::kTooLarge, "the text is too long to check once normalised");
      }
      text = t.normalized;
      normalized = true;
    }
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
  }

  // 2. Blocks, then words over the whole text.
  t.blocks.clear();
  find_blocks(text, t.blocks, t.sentence_text);
  const std::string_view sentence_text =
      t.sentence_text.empty() ? text : std::string_view(t.sentence_text);
  t.segments.clear();
  segment_words(*t.current->words, text, icu_only, t.segments);

  // 3. Folded forms go to folded_storage_: ASCII tokens fold to their lower-case copy, at the
  //    same offsets in its first part; tokens with other characters are folded by ICU into a
  //    second part (appended at the end). Padded with zeros for WordMemo's 16-byte loads,
  //    which also keeps the string out of its inline buffer (a move would relocate that under
  //    the views).
  std::vector<Token>& tokens = out.tokens_;
  std::string& storage = out.folded_storage_;
  const std::size_t n = text.size();
  storage.resize(n + kFoldPadding);
  lower_ascii(text, storage.data());
  std::memset(storage.data() + n, 0, kFoldPadding);
  t.extra_folds.clear();
  t.folds.clear();
  const auto fold_with_icu = [&](std::size_t i, std::string_view token_text) {
    t.folds.push_back(
        {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(t.extra_folds.size())});
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&t.extra_folds);
    icu::CaseMap::utf8Fold(
        U_FOLD_CASE_DEFAULT,
        icu::StringPiece(token_text.data(), static_cast<std::int32_t>(token_text.size())), sink,
        nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: case folding failed");
    return std::string_view(t.extra_folds).substr(t.folds.back().offset);
  };
  WordTotals& totals = out.word_totals_;
  // Only words have syllables and letters, so those are added up without a test.
  const auto add_to_totals = [&totals](const Token& token) {
    totals.syllables += token.syllables;
    totals.complex_words += static_cast<std::uint32_t>(token.syllables >= kComplexWordSyllables);
    totals.letters += token.letters;
  };
  Utf16Offsets::Cursor utf16(t.utf16);  // shared with append_ascii_tokens(), in text order
  // Folded form, syllables and UTF-16 offsets of a token whose span indexes the original text;
  // `known_ascii`: the segmenter knows the token holds only ASCII.
  const auto finish = [&](std::size_t i, Token& token, bool known_ascii) {
    const std::uint32_t length = token.span.end - token.span.begin;
    token.span.begin_utf16 = utf16.at(token.span.begin);
    token.span.end_utf16 = known_ascii ? token.span.begin_utf16 + length : utf16.at(token.span.end);
    // Every non-ASCII character takes more UTF-8 bytes than UTF-16 units.
    if (token.span.end_utf16 - token.span.begin_utf16 == length) {
      token.folded = std::string_view(storage.data() + token.span.begin, length);
      t.words.remember(token.folded, token);
    } else {
      const std::string_view typed = text.substr(token.span.begin, length);
      const std::string_view folded = fold_with_icu(i, typed);
      if (token.kind == TokenKind::kWord) {
        token.syllables = count_syllables(folded);
        token.letters = count_letters(typed);
      }
    }
  };

  // 4. Sentences per block; segments outside blocks (list bullets, rule lines) are dropped. Each
  //    kept one becomes a token, finished on the way unless NFC moved the offsets (done below
  //    then).
  const std::vector<Segment>& segments = t.segments;
  const std::size_t segment_count = segments.size();
  tokens.reserve(segment_count);
  analyzer_detail::AsciiTokenRun run{&tokens, storage.data(), &utf16, &t.words, &totals, 0, 0, 0};
  std::size_t read = 0;
  for (const Block& block : t.blocks) {
    t.sentence_ends.clear();
    if (icu_only ||
        !sentences.segment_fast(sentence_text, block.begin, block.end, t.sentence_ends)) {
      sentences.segment_icu(*t.current->sentences, sentence_text, block.begin, block.end,
                            t.sentence_ends);
    }
    while (read < segment_count && segments[read].begin < block.begin) ++read;
    const auto paragraph = static_cast<std::uint32_t>(out.paragraphs_.size());
    const auto first_sentence = static_cast<std::uint32_t>(out.sentences_.size());
    std::uint32_t paragraph_words = 0;
    for (const std::uint32_t end : t.sentence_ends) {
      const std::size_t first = tokens.size();
      const auto sentence = static_cast<std::uint32_t>(out.sentences_.size());
      run.sentence = sentence;
      run.paragraph = paragraph;
      run.words = 0;
      std::uint32_t words = 0;
      while (read < segment_count && segments[read].begin < end) {
        if (!normalized) {
          read = analyzer_detail::append_ascii_tokens(segments, read, end, run);
          if (read == segment_count || segments[read].begin >= end) break;
        }
        const Segment& segment = segments[read++];
        Token& token = tokens.emplace_back();
        token.kind = segment.kind;
        token.span.begin = segment.begin;
        token.span.end = segment.end;
        token.sentence = sentence;
        token.paragraph = paragraph;
        words += static_cast<std::uint32_t>(token.kind == TokenKind::kWord);
        if (!normalized) {
          finish(tokens.size() - 1, token, segment.ascii);
          add_to_totals(token);
        }
      }
      words += run.words;
      if (tokens.size() == first) continue;
      Sentence& s = out.sentences_.emplace_back();
      s.first_token = static_cast<std::uint32_t>(first);
      s.end_token = static_cast<std::uint32_t>(tokens.size());
      s.words = words;
      s.paragraph = paragraph;
      paragraph_words += words;
    }
    const auto end_sentence = static_cast<std::uint32_t>(out.sentences_.size());
    if (end_sentence == first_sentence) continue;
    Paragraph& p = out.paragraphs_.emplace_back();
    p.kind = block.kind;
    p.first_sentence = first_sentence;
    p.end_sentence = end_sentence;
    p.words = paragraph_words;
    totals.words += paragraph_words;
  }

  if (normalized) {
    // NFC changed the text (rare): fold from the normalised text, then map the spans back to
    // the caller's bytes through ICU's edit records.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& token = tokens[i];
      const std::string_view token_text =
          text.substr(token.span.begin, token.span.end - token.span.begin);
      const std::string_view folded =
          has_non_ascii(token_text) ? fold_with_icu(i, token_text)
                                    : (token.folded = std::string_view(
                                           storage.data() + token.span.begin, token_text.size()));
      if (token.kind == TokenKind::kWord) token.syllables = count_syllables(folded);
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator edits = t.edits.getFineIterator();
    Utf16Offsets::Cursor original_utf16(t.utf16);
    for (Token& token : tokens) {
      token.span.begin = static_cast<std::uint32_t>(edits.sourceIndexFromDestinationIndex(
          static_cast<std::int32_t>(token.span.begin), status));
      token.span.end = static_cast<std::uint32_t>(
          edits.sourceIndexFromDestinationIndex(static_cast<std::int32_t>(token.span.end), status));
      token.span.begin_utf16 = original_utf16.at(token.span.begin);
      token.span.end_utf16 = original_utf16.at(token.span.end);
      // Letters are counted in what the writer typed, as everywhere else.
      if (token.kind == TokenKind::kWord) {
        token.letters =
            count_letters(original.substr(token.span.begin, token.span.end - token.span.begin));
      }
    }
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot map normalised offsets");
    for (const Token& token : tokens) add_to_totals(token);
  }
  if (!t.folds.empty()) {
    // Append the ICU folds after the lower-case copy, then point their tokens at them (and the
    // others again, should the storage have moved).
    const char* old_storage = storage.data();
    storage.resize(n + t.extra_folds.size() + kFoldPadding);
    if (storage.data() != old_storage) out.rebase_folded(old_storage);
    std::memcpy(storage.data() + n, t.extra_folds.data(), t.extra_folds.size());
    std::memset(storage.data() + n + t.extra_folds.size(), 0, kFoldPadding);
    for (std::size_t k = 0; k < t.folds.size(); ++k) {
      const std::uint32_t offset = t.folds[k].offset;
      const std::uint32_t next = k + 1 < t.folds.size()
                                     ? t.folds[k + 1].offset
                                     : static_cast<std::uint32_t>(t.extra_folds.size());
      tokens[t.folds[k].token].folded =
          std::string_view(storage.data() + n + offset, next - offset);
    }
  }
  for (Sentence& s : out.sentences_) {
    s.span.begin = tokens[s.first_token].span.begin;
    s.span.begin_utf16 = tokens[s.first_token].span.begin_utf16;
    s.span.end = tokens[s.end_token - 1].span.end;
    s.span.end_utf16 = tokens[s.end_token - 1].span.end_utf16;
  }
  for (Paragraph& p : out.paragraphs_) {
    p.span.begin = out.sentences_[p.first_sentence].span.begin;
    p.span.begin_utf16 = out.sentences_[p.first_sentence].span.begin_utf16;
    p.span.end = out.sentences_[p.end_sentence - 1].span.end;
    p.span.end_utf16 = out.sentences_[p.end_sentence - 1].span.end_utf16;
  }
}

}  // namespace caretoolkit::text
