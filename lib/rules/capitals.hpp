// Shouting in capitals, as the "capitals" style check finds it (rules/README.md): runs of words in
// capitals long enough to shout, or whole sentences in capitals; not acronyms, not headings (a
// title such as "SENIOR CARE ASSISTANT" or "JOB DESCRIPTION:"), and not a name that the advert
// also writes in mixed case ("BRIGHT DAYS CARE" beside "Bright Days Care").
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "rules/index_list.hpp"
#include "rules/rule.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

struct ShoutRun {
  std::uint32_t first = 0;  // tokens [first, end) of the document
  std::uint32_t end = 0;
  int counted = 0;              // its words that count towards shouting (Rule::min_words)
  bool whole_sentence = false;  // the run is all the words of its sentence
  bool pressing = false;        // it holds one of Rule::shout_words
};

// Appends to `out` the shouting runs of `document` under `rule` (its min_letters, min_words and
// allow), in text order. `capitalised` lists the words that start with an ASCII capital
// (MatchResult::capitalised), the only ones that can be in capitals.
void find_shouting(const text::Document& document, const IndexList& capitalised, const Rule& rule,
                   std::vector<ShoutRun>& out);

}  // namespace caretoolkit::rules
