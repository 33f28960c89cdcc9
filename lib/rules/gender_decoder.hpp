// Gender-coded wording, decided exactly as Kat Matfield's Gender Decoder does (repository
// lovedaybrooke/gender-decoder, app/models.py) with the Gaucher, Friesen and Kay (2011) lists.
//
// Gender Decoder splits words its own way (every non-ASCII character and the punctuation
// . , < > * ? ! " [ ] @ ' : ; ( ) / & separate words; hyphens split a word unless it begins with
// a hyphenated list entry), and the verdict must agree with it word for word. decode(text) reads
// the bytes that way. decode(document, ...) gives the same result from an analysed advert while
// reading few of its words: a token of ASCII letters with a separator (or the text's edge) on
// each side is exactly one of Gender Decoder's words, and counts only if the matcher found one of
// stem_terms() there; only the bytes around the other kinds of token are read one by one.
//
// Thread safety: immutable after construction; decode() may run on many threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/matcher.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

struct CodedWord {
  std::uint32_t begin = 0;  // byte span in the text
  std::uint32_t end = 0;
  std::string word;  // lowercased, as Gender Decoder lists it
  bool masculine = false;
  int count = 0;  // list entries it starts with (Gender Decoder counts each: "dominant" is 2)
};

struct GenderCoding {
  int feminine = 0;     // Gender Decoder's feminine_word_count
  int masculine = 0;    // masculine_word_count
  std::string verdict;  // "empty", "neutral", "feminine-coded", "strongly feminine-coded", ...
  std::vector<CodedWord> words;  // in text order
};

class GenderDecoder {
 public:
  // Prefix lists as in the rule pack: lowercase ASCII, hyphens allowed.
  GenderDecoder(const std::vector<std::string>& feminine,
                const std::vector<std::string>& masculine);

  GenderCoding decode(std::string_view text) const;

  // The lists' entries without a hyphen as Matcher stems ("compet*"): a word of letters only
  // counts exactly when its folded form matches one of them.
  std::vector<std::string> stem_terms() const;
  // The same as decode(document.original()), from the document's tokens. `candidates` are the
  // matcher's hits of stem_terms() and `irregular` every token that is not a word of ASCII letters
  // only (MatchResult::others), both in text order; every other token is a word that starts with
  // no entry, which is read only near the start of the text (where Gender Decoder's hyphen quirk
  // below needs every word counted).
  GenderCoding decode(const text::Document& document, std::span<const TermHit> candidates,
                      std::span<const std::uint32_t> irregular) const;

  // feminine - masculine: 0 is "neutral" when any coded word was found, else "empty"; 1 to 3
  // "feminine-coded"; above 3 "strongly feminine-coded"; and the masculine mirror.
  static const char* verdict(int feminine, int masculine);

 private:
  // A link to a child: its index, with kEndsFlag set when entries end there. Most steps of a walk
  // pass no entry's end, and the flag spares them the load of the child's counts.
  static constexpr std::uint32_t kEndsFlag = 1U << 31;
  struct Node {
    std::uint32_t child[27];  // a-z and '-', 0 = none
    std::uint16_t feminine_ends = 0;
    std::uint16_t masculine_ends = 0;
  };
  // One decoding under way: what it found, and what its de-hyphenation quirk needs to know.
  struct Scan {
    GenderCoding result;
    std::size_t word_index = 0;            // Gender Decoder's words so far
    std::size_t unsplit_index = SIZE_MAX;  // the word its loop skips, once known
  };
  void insert(std::string_view prefix, bool masculine);
  // The step of decode(document, ...) for one token while every word is counted: a word of ASCII
  // letters between separators is taken whole (after scanning the bytes since `scanned`), other
  // tokens wait for the scan before the next such word. Returns whether `token` was taken.
  bool take_separated_word(std::string_view text, const text::Token& token, std::size_t& scanned,
                           Scan& scan) const;
  void count(std::string_view word, int& feminine, int& masculine) const;
  bool starts_with_hyphenated_entry(std::string_view word) const;
  // Counts text[begin, end) as one word for the lists.
  void emit(std::string_view text, std::size_t begin, std::size_t end, Scan& scan) const;
  // Notes one more word without a hyphen.
  static void note_plain_word(Scan& scan);
  // Splits text[from, end) into words and takes each; text[end - 1] is a separator, or end is
  // the end of the text.
  void scan_bytes(std::string_view text, std::size_t from, std::size_t end, Scan& scan) const;
  static GenderCoding finish(Scan& scan);

  std::vector<Node> nodes_;
  std::vector<std::string> hyphenated_;  // entries containing '-'
  std::vector<std::string> stems_;       // entries without '-'
  // Whether every word that decode(document, ...) skips counts zero: no entry is a single letter
  // (a list marker "a)" is dropped from the tokens, not from Gender Decoder's words) or starts
  // with a hyphen (a bullet "- " or a rule line "---").
  bool skipped_words_count_zero_ = true;
};

}  // namespace caretoolkit::rules
