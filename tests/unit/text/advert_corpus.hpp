// A seeded generator of realistic care job adverts, shared by the differential tests and the text
// benchmark: titles, headings, paragraphs, bulleted and numbered lists, pay in pounds, typographic
// apostrophes and dashes, abbreviations, e-mail addresses, the odd accented word and emoji.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace caretoolkit::text::testing {

// One advert of roughly `target_words` words (within a sentence or a list item of it).
std::string generate_advert(std::uint32_t seed, std::uint32_t target_words);

// `count` adverts of 200 to 900 words each, the same for the same seed.
std::vector<std::string> generate_corpus(std::uint32_t seed, std::size_t count);

}  // namespace caretoolkit::text::testing
