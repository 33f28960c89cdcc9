// Job titles in an advert, so that the words inside them are not read as wording about the
// candidate: "Support Worker" names the job, it does not describe who should apply.
//
// A job title is the advert's first line when it is a heading ("Senior Support Worker - Nights"),
// or two or more capitalised words in a row ending in a title word ("Care Team Leader" when
// "leader" is a title word).
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/index_list.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

// Half-open byte range of the document's text.
struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool contains(std::uint32_t b, std::uint32_t e) const { return begin <= b && e <= end; }
};

// The advert's title: the headings it opens with (up to three lines: "Care Assistant", then
// "Beech Grove, Stoke-on-Trent"); {0, 0} when its first line is not a heading.
ByteRange title_of(const text::Document& document);

// Appends to `out` the byte ranges of the job titles in `document`, in text order (ranges may
// overlap). `capitalised` lists the words that start with an ASCII capital
// (MatchResult::capitalised); `title_words` are lowercase ("worker", "assistant", "leader").
void find_job_titles(const text::Document& document, const IndexList& capitalised,
                     const std::vector<std::string>& title_words, std::vector<ByteRange>& out);

}  // namespace caretoolkit::rules
