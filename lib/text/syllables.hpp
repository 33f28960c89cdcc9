// Syllable counts for English words, for the readability formulas.
//
// A heuristic in the tradition of the npm package `syllable`: vowel groups, corrected by rules for
// silent endings ("care", "cared", "cares"), syllabic endings ("people", "centre", "wanted",
// "boxes"), vowel pairs that are two syllables ("idea", "medium", "various", "create"), common
// prefixes and suffixes ("everyone", "carefully", "management"), and an exception list for words
// the rules get wrong ("business", "wednesday", "science"). British spellings are counted as
// British readers say them ("centre", "behaviour").
//
// Thread safety: pure functions over immutable tables.
#pragma once

#include <cstdint>
#include <string_view>

namespace caretoolkit::text {

// Syllables in one word given in folded (lower-case) form, UTF-8. Apostrophes are ignored
// ("you're" counts as "youre"), so are digits and other non-letters; a word without vowels
// ("dbs", "nvq") or shorter than three letters counts as one syllable, and so does an empty one.
std::uint16_t count_syllables(std::string_view folded_word) noexcept;

}  // namespace caretoolkit::text
