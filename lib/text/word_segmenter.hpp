// Word segmentation (internal to lib/text): ICU's en_GB word break rules, computed by a
// hand-written segmenter wherever it implements them exactly, and by ICU's own iterator for the
// stretches it does not.
//
// The fast path covers the code points CharClasses supports (see char_class.hpp): letters, digits,
// apostrophes and full stops inside words and numbers ("don't", "people's", "2,500", "11.50"),
// underscores, spaces, punctuation, symbols and lone pictographs. When it meets anything else it
// stops; the caller hands ICU the stretch from the last safe point before it (a break that no
// rule can look across: white space followed by a printable ASCII character) to the first safe
// point after it, and resumes the fast path there. A differential test holds both paths to
// identical boundaries and kinds.
//
// Output: Segments appended in text order (offsets into the segmented text); white space is not
// a token and makes none. The analyser turns them into Tokens.
//
// Thread safety: the functions are reentrant; an icu::BreakIterator must not be shared between
// threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "text/document.hpp"

U_NAMESPACE_BEGIN  // ICU's versioned namespace, aliased as icu
    class BreakIterator;
U_NAMESPACE_END

namespace caretoolkit::text {

// One token as segmentation finds it: its kind and its byte offsets [begin, end).
struct Segment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kOther;
  // Known to hold only ASCII: the 64-byte fast path knows it; the rest say false, which is safe.
  bool ascii = false;
};

// Segments `text` completely. With `icu_only`, ICU's iterator segments the whole text in one pass
// (the reference the fast path is tested against). `words` must be an ICU word break iterator.
void segment_words(icu::BreakIterator& words, std::string_view text, bool icu_only,
                   std::vector<Segment>& out);

// The fast path over [begin, end): appends tokens and returns `end`, or stops at the first code
// point it does not support and returns that code point's offset (tokens already appended up to
// there are correct only before the last safe point; segment_words() takes care of that).
std::uint32_t segment_words_fast(std::string_view text, std::uint32_t begin, std::uint32_t end,
                                 std::vector<Segment>& out);

// ICU's iterator over [begin, end), which must start and end at safe points (or the text's ends).
void segment_words_icu(icu::BreakIterator& words, std::string_view text, std::uint32_t begin,
                       std::uint32_t end, std::vector<Segment>& out);

}  // namespace caretoolkit::text
