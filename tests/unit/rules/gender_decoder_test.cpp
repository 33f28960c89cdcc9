// Gender Decoder's verdicts, checked against counts produced by its own code (app/models.py of
// lovedaybrooke/gender-decoder run over the same texts).
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "rules/gender_decoder.hpp"
#include "rules/matcher.hpp"
#include "rules/matcher_internal.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit::rules;

namespace {

const GenderDecoder& decoder() {
  static const RuleSet set = RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  static const GenderDecoder instance = [] {
    const Rule& rule = set.rules()[static_cast<std::size_t>(set.find("gender.coding"))];
    return GenderDecoder(rule.first.prefixes, rule.second.prefixes);
  }();
  return instance;
}

// Up to `max_pieces - 1` of `pieces` glued together at random, from a fixed-seed generator whose
// state is `state`.
std::string random_text(const std::vector<std::string>& pieces, std::size_t max_pieces,
                        std::uint64_t& state) {
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  std::string text;
  const std::size_t count = next() % max_pieces;
  for (std::size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
  return text;
}

}  // namespace

TEST_CASE("Verdict thresholds follow Gender Decoder") {
  CHECK(std::string(GenderDecoder::verdict(0, 0)) == "empty");
  CHECK(std::string(GenderDecoder::verdict(2, 2)) == "neutral");
  CHECK(std::string(GenderDecoder::verdict(3, 2)) == "feminine-coded");
  CHECK(std::string(GenderDecoder::verdict(5, 2)) == "feminine-coded");
  CHECK(std::string(GenderDecoder::verdict(6, 2)) == "strongly feminine-coded");
  CHECK(std::string(GenderDecoder::verdict(0, 1)) == "masculine-coded");
  CHECK(std::string(GenderDecoder::verdict(0, 3)) == "masculine-coded");
  CHECK(std::string(GenderDecoder::verdict(0, 4)) == "strongly masculine-coded");
}

TEST_CASE("Counts agree with Gender Decoder on worked texts") {
  struct Case {
    const char* text;
    int feminine;
    int masculine;
    const char* verdict;
  };
  // Expected values come from running Gender Decoder's clean_up_word_list and
  // find_and_count_coded_words on each text.
  const Case cases[] = {
      // "dominant" starts with two masculine entries and "interpersonal" with two feminine ones.
      {"We are a dominant, interpersonal team.", 2, 2, "neutral"},
      // Hyphenated entries keep "self-confident" and "co-operative" whole; "non-competitive" is
      // split, so "competitive" counts.
      {"Non-competitive pay, self-confident co-operative staff.", 1, 2, "masculine-coded"},
      // The second word is never split (a quirk of Gender Decoder's loop).
      {"Care-giver non-competitive role", 0, 0, "empty"},
      {"Kind, caring, supportive and understanding people who trust each other.", 4, 0,
       "strongly feminine-coded"},
      // Non-ASCII characters separate words: "compétitif" becomes "comp" and "titif".
      {"Caf\xc3\xa9 comp\xc3\xa9titif: na\xc3\xafve-leader", 0, 1, "masculine-coded"},
      // A word starting with a hyphen is never split.
      {"-leader and leader-ship", 0, 1, "masculine-coded"},
      {"A leader leads; competitive, ambitious, decisive and driven.", 0, 6,
       "strongly masculine-coded"},
      {"", 0, 0, "empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const GenderCoding coding = decoder().decode(c.text);
    CHECK(coding.feminine == c.feminine);
    CHECK(coding.masculine == c.masculine);
    CHECK(coding.verdict == c.verdict);
  }
}

TEST_CASE("Coded words carry their byte spans and counts") {
  const GenderCoding coding = decoder().decode("Our dominant leader.");
  REQUIRE(coding.words.size() == 2);
  CHECK(coding.words[0].word == "dominant");
  CHECK(coding.words[0].count == 2);
  CHECK(coding.words[0].masculine);
  CHECK(coding.words[0].begin == 4);
  CHECK(coding.words[0].end == 12);
  CHECK(coding.words[1].word == "leader");
  CHECK(coding.words[1].begin == 13);
}

TEST_CASE("Words read eight bytes at a time split exactly as one byte at a time") {
  // Gender Decoder's own rule, written the plain way: split at its separators, lower-case, and
  // count one per (word, list entry) where the word starts with the entry. Without hyphens in the
  // text its de-hyphenation plays no part, so this is the whole of it.
  static const RuleSet set = RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  const Rule& rule = set.rules()[static_cast<std::size_t>(set.find("gender.coding"))];
  const auto is_separator = [](unsigned char c) {
    return c >= 0x80 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == ' ' ||
           std::string_view(".,<>*?!\"[]@':;()/&").find(static_cast<char>(c)) !=
               std::string_view::npos;
  };
  const auto plain_counts = [&](const std::string& text) {
    int feminine = 0;
    int masculine = 0;
    std::string word;
    const auto flush = [&] {
      for (const auto& entry : rule.first.prefixes) feminine += word.starts_with(entry);
      for (const auto& entry : rule.second.prefixes) masculine += word.starts_with(entry);
      word.clear();
    };
    for (const char c : text) {
      if (is_separator(static_cast<unsigned char>(c))) {
        flush();
      } else {
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
    }
    flush();
    return std::pair{feminine, masculine};
  };
  // Coded words and their neighbours, glued by every kind of byte the scan treats differently:
  // letters of both cases, digits and symbols that belong to words, separators, non-ASCII.
  const std::vector<std::string> pieces = {"leader", "Competitive", "SUPPORT", "kind",     "warm",
                                           "driven", "collaborat",  "x",       "Ambition", "trust",
                                           " ",      "  ",          ",",       "\xc3\xa9", "9",
                                           "+",      "_",           "\t",      "@",        "z",
                                           "Q",      "interperson", "~",       "{",        "`"};
  std::uint64_t state = 20251123;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(pieces, 40, state);
    const GenderCoding coding = decoder().decode(text);
    const auto [feminine, masculine] = plain_counts(text);
    INFO("text: " << text);
    REQUIRE(coding.feminine == feminine);
    REQUIRE(coding.masculine == masculine);
  }
}

// decode(document, ...) as CompiledRules calls it: with the hits of the decoder's stem terms in a
// matcher and the matcher's list of tokens that are not words of ASCII letters only.
class DocumentDecoding {
 public:
  explicit DocumentDecoding(const GenderDecoder& decoder) : decoder_(decoder) {
    Matcher::Builder builder(analyzer_);
    for (const std::string& term : decoder.stem_terms()) builder.add(term, false, 0, "stems");
    matcher_ = builder.build();
  }
  GenderCoding decode(const std::string& text) {
    const caretoolkit::text::Document document = analyzer_.analyze(text);
    matcher_.match(document, match_);
    return decoder_.decode(
        document, match_.terms,
        std::span<const std::uint32_t>(match_.others.begin(), match_.others.end()));
  }

 private:
  const GenderDecoder& decoder_;
  const caretoolkit::text::Analyzer analyzer_;
  Matcher matcher_;
  MatchResult match_;
};

TEST_CASE("Reading through a document's tokens gives exactly the byte scan's result") {
  // decode(document, ...) counts a token of ASCII letters between separators as one word when the
  // matcher found a list entry there, and scans only the bytes around the other kinds of token;
  // whatever the text, it must agree with decode(text) in full.
  DocumentDecoding with_matcher(decoder());
  // Lists with a one-letter entry and one starting with a hyphen: the words that decode(document)
  // skips (a list marker "a)", a bullet "-") may count, so it reads every token instead.
  const GenderDecoder unusual({"a", "kind", "support", "-lead"},
                              {"lead", "compet", "x", "self-confiden"});
  DocumentDecoding every_token(unusual);
  const auto same_with = [](const GenderDecoder& reference, DocumentDecoding& decoding,
                            const std::string& text) {
    const GenderCoding expected = reference.decode(text);
    const GenderCoding got = decoding.decode(text);
    INFO("text: " << text);
    REQUIRE(got.feminine == expected.feminine);
    REQUIRE(got.masculine == expected.masculine);
    REQUIRE(got.verdict == expected.verdict);
    REQUIRE(got.words.size() == expected.words.size());
    for (std::size_t i = 0; i < got.words.size(); ++i) {
      CHECK(got.words[i].begin == expected.words[i].begin);
      CHECK(got.words[i].end == expected.words[i].end);
      CHECK(got.words[i].word == expected.words[i].word);
      CHECK(got.words[i].masculine == expected.words[i].masculine);
      CHECK(got.words[i].count == expected.words[i].count);
    }
  };
  const auto same = [&](const std::string& text) {
    same_with(decoder(), with_matcher, text);
    same_with(unusual, every_token, text);
  };
  same("We are a dominant, interpersonal team.");
  same("Non-competitive pay, self-confident co-operative staff.");
  same("Care-giver non-competitive role");
  same("Caf\xc3\xa9 comp\xc3\xa9titif: na\xc3\xafve-leader");
  same("-leader and leader-ship");
  same("");
  // Pieces glued at random: list words in both cases, the characters the two splittings treat
  // differently (hyphens, apostrophes, full stops, digits, underscores, symbols), bullets and
  // line breaks that drop tokens, accents, a combining mark that NFC composes (so spans are mapped
  // back), and an emoji.
  const std::vector<std::string> pieces = {"leader",
                                           "Competitive",
                                           "SUPPORT",
                                           "kind",
                                           "warm",
                                           "driven",
                                           "collaborat",
                                           "Ambition",
                                           "trust",
                                           "self-confident",
                                           "co-operative",
                                           "non",
                                           "-",
                                           "'",
                                           "\xe2\x80\x99",
                                           ".",
                                           "9",
                                           "_",
                                           "+",
                                           " ",
                                           "  ",
                                           ",",
                                           "\n\n",
                                           "\n- ",
                                           "\na) ",
                                           "\n12. ",
                                           "\n-----\n",
                                           "=",
                                           "\xe2\x80\xa2 ",
                                           "\xc3\xa9",
                                           "e\xcc\x81",
                                           "\xf0\x9f\x98\x80",
                                           "x",
                                           "www.",
                                           "@",
                                           "&",
                                           "#",
                                           "$"};
  std::uint64_t state = 20261204;
  for (int round = 0; round < 3000; ++round) same(random_text(pieces, 30, state));
  // Longer texts, most of whose words come after the few that Gender Decoder's hyphen quirk needs.
  for (int round = 0; round < 1000; ++round) same(random_text(pieces, 200, state));
}
