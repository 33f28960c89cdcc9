// Gender-coded wording, decided exactly as Kat Matfield's Gender Decoder does (repository
// lovedaybrooke/gender-decoder, app/models.py) with the Gaucher, Friesen and Kay (2011) lists.
//
// It deliberately does not use the advert's ICU tokens: Gender Decoder splits words its own way
// (every non-ASCII character and the punctuation . , < > * ? ! " [ ] @ ' : ; ( ) / & separate
// words; hyphens split a word unless it begins with a hyphenated list entry), and the verdict
// must agree with it word for word. The scan is one cheap pass over the bytes.
//
// Thread safety: immutable after construction; decode() may run on many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  void insert(std::string_view prefix, bool masculine);
  void count(std::string_view word, int& feminine, int& masculine) const;
  bool starts_with_hyphenated_entry(std::string_view word) const;

  std::vector<Node> nodes_;
  std::vector<std::string> hyphenated_;  // entries containing '-'
};

}  // namespace caretoolkit::rules
