// The text analyser: turns an advert's UTF-8 text into a Document (tokens, sentences, paragraphs,
// folded forms, syllables, byte and UTF-16 spans).
//
// What analyze() does, in order:
// 1. Refuses invalid UTF-8 with Error(kMalformed) naming the byte offset of the first bad
//    sequence, and text over kMaxBytes with Error(kTooLarge).
// 2. Normalises to NFC for analysis. Spans still index the caller's original bytes: when
//    normalisation changed the text, spans are mapped back through ICU's edit records.
// 3. Finds blocks (paragraphs, headings, list items; see blocks.hpp) and segments words and
//    sentences with ICU's en_GB rules, the sentence iterator filtered by an abbreviation list.
//    A hand-written fast path gives exactly ICU's boundaries for the common characters and is
//    used wherever it can be (see word_segmenter.hpp, sentence_segmenter.hpp).
// 4. Fills every field of document.hpp: token kind, folded form (NFC + full case folding),
//    sentence, paragraph and syllables, and word counts per sentence and paragraph.
//
// Thread safety: an Analyzer is immutable after construction; analyze() may be called from any
// number of threads at once, each with its own AnalysisScratch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.hpp"

namespace caretoolkit::text {

// Abbreviations after which a full stop does not end a sentence ("Dr.", "St.", "No."), used
// when AnalyzerOptions gives none.
const std::vector<std::string>& default_abbreviations();

struct AnalyzerOptions {
  // Abbreviations (printable ASCII, no spaces, usually ending in "."); empty means the defaults.
  std::vector<std::string> abbreviations;
  // Segment with ICU's iterators only, never the hand-written fast path. The output is identical
  // and slower; the differential tests compare the two.
  bool icu_only = false;
};

class Analyzer;

// What an analysis needs besides the Analyzer, kept from one call to the next: clones of the ICU
// iterators (made on first use with an Analyzer and kept for the last four Analyzers used), scratch
// buffers, and a memo of the words seen (for Token::word_key and syllable counts). With one reused
// and its buffers grown, analysis allocates nothing but the Document, and nothing at all into a
// reused Document. A new one allocates about 300 KiB.
//
// Thread safety: none; use each from one thread at a time (a worker keeps its own).
class AnalysisScratch {
 public:
  AnalysisScratch();
  ~AnalysisScratch();
  AnalysisScratch(AnalysisScratch&&) noexcept;
  AnalysisScratch& operator=(AnalysisScratch&&) noexcept;

 private:
  friend class Analyzer;
  struct State;
  std::unique_ptr<State> state_;
};

class Analyzer {
 public:
  static constexpr std::size_t kMaxBytes = 16U << 20;

  // Builds the ICU prototypes once. Throws Error(kInvalid) for a bad abbreviation and
  // std::runtime_error if ICU's data is missing.
  explicit Analyzer(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyses `utf8` into `out`, reusing its memory (its previous content is replaced) and
  // `scratch`'s. Text that is not valid UTF-8 or is over kMaxBytes leaves `out` unchanged.
  void analyze(std::string_view utf8, Document& out, AnalysisScratch& scratch) const;
  // The same with an AnalysisScratch made for the call and dropped after it, which costs its
  // allocation and the ICU clones each time: for one-off analyses, not for a loop.
  void analyze(std::string_view utf8, Document& out) const;
  Document analyze(std::string_view utf8) const;

 private:
  struct Shared;  // the ICU prototypes and sentence rules, built once
  class Run;      // one call of analyze(): its steps

  std::unique_ptr<const Shared> shared_;
};

}  // namespace caretoolkit::text
