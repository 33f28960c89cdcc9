// Sentence segmentation (internal to lib/text): ICU's en_GB sentence break rules wrapped by
// icu::FilteredBreakIteratorBuilder with an abbreviation list, computed by a hand-written
// segmenter when a block holds only supported code points (see char_class.hpp) and by ICU's own
// filtered iterator otherwise.
//
// The hand-written segmenter implements UAX #29's sentence rules SB3 to SB11 and the filter's
// exact behaviour: at each break the filter steps back over one U+0020 space, finds the longest
// listed abbreviation ending there (case-sensitive, with no check of what precedes it, so "St."
// also suppresses the break after "1St."), and an abbreviation with an inner full stop ("e.g.")
// only suppresses through ICU's two-step partial match (which in practice means a break after
// "e.g. " followed by a capital is kept). A differential test holds both paths to identical
// breaks.
//
// Thread safety: a SentenceSegmenter is immutable after construction and may be shared; the ICU
// iterators it creates must not be shared between threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN  // ICU's versioned namespace, aliased as icu
    class BreakIterator;
U_NAMESPACE_END

namespace caretoolkit::text {

class SentenceSegmenter {
 public:
  // Throws caretoolkit::Error(kInvalid) for an empty abbreviation or one holding white space.
  explicit SentenceSegmenter(std::vector<std::string> abbreviations);

  // A new ICU iterator implementing the same segmentation (the prototype of the clones that each
  // AnalysisScratch makes).
  std::unique_ptr<icu::BreakIterator> make_icu_iterator() const;

  // Appends the end offset of every sentence in [begin, end) of `text` (the last one is `end`).
  // Returns false, having appended nothing, when the range holds an unsupported code point.
  bool segment_fast(std::string_view text, std::uint32_t begin, std::uint32_t end,
                    std::vector<std::uint32_t>& ends) const;

  // The same through `iterator`, which must come from make_icu_iterator().
  void segment_icu(icu::BreakIterator& iterator, std::string_view text, std::uint32_t begin,
                   std::uint32_t end, std::vector<std::uint32_t>& ends) const;

 private:
  struct Entry {
    std::string text;
    bool partial = false;  // an abbreviation's prefix up to its inner full stop ("e.")
  };
  // Would the filter suppress the underlying break at `at` in [begin, end)?
  bool suppressed(std::string_view text, std::uint32_t begin, std::uint32_t end,
                  std::uint32_t at) const;
  bool forward_match(std::string_view text, std::uint32_t from, std::uint32_t end) const;

  std::vector<std::string> abbreviations_;
  // ASCII bytes that never start, end or split a sentence (bytes from 0x80 up are all false).
  std::array<bool, 256> plain_ascii_{};
  bool swar_skip_ = false;  // plain_ascii_ is false exactly for . ! ? LF CR: skip 8 bytes at once
  // ". " "! " "? " before an ASCII capital is always an (unfiltered) break: ICU's classes for these
  // characters are the usual ones.
  bool capital_after_space_breaks_ = false;
  // Entries the filter matches backwards from a break, bucketed by their next-to-last byte
  // (almost all end in '.'); one-byte entries apart.
  std::array<std::vector<Entry>, 256> backward_;
  std::vector<Entry> backward_short_;
  // Whole abbreviations with an inner full stop, matched forwards after a partial match.
  std::vector<std::string> forward_;
};

}  // namespace caretoolkit::text
