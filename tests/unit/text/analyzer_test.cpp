// The analyser end to end: token kinds, folded forms, spans in bytes and UTF-16 on accents, emoji
// and combining marks, NFC, blocks (headings, bullets, wrapped lines), sentences, threads.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "advert_corpus.hpp"
#include "core/error.hpp"
#include "text/analyzer.hpp"

using caretoolkit::text::AnalysisScratch;
using caretoolkit::text::Analyzer;
using caretoolkit::text::BlockKind;
using caretoolkit::text::Document;
using caretoolkit::text::Span;
using caretoolkit::text::Token;
using caretoolkit::text::TokenKind;

namespace {

const Analyzer& analyzer() {
  static const Analyzer instance;
  return instance;
}

std::vector<std::string> token_texts(const Document& d) {
  std::vector<std::string> out;
  for (const Token& t : d.tokens()) out.emplace_back(d.text(t.span));
  return out;
}

std::vector<std::string> sentence_texts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sentences()) out.emplace_back(d.text(s.span));
  return out;
}

std::vector<BlockKind> paragraph_kinds(const Document& d) {
  std::vector<BlockKind> out;
  for (const auto& p : d.paragraphs()) out.push_back(p.kind);
  return out;
}

void check_span(const Span& s, std::uint32_t b, std::uint32_t e, std::uint32_t b16,
                std::uint32_t e16) {
  CHECK(s.begin == b);
  CHECK(s.end == e);
  CHECK(s.begin_utf16 == b16);
  CHECK(s.end_utf16 == e16);
}

}  // namespace

TEST_CASE("token kinds follow ICU's word rules") {
  const Document d = analyzer().analyze(
      "Pay \xC2\xA3"
      "11.50/hour, 2,500 miles & 50k!! e-mail don't people's C++ \xF0\x9F\x98\x80 \xC2\xA9");
  const std::vector<std::string> expected_text = {
      "Pay",     "\xC2\xA3", "11.50",    "/", "hour", ",", "2,500",
      "miles",   "&",        "50k",      "!", "!",    "e", "-",
      "mail",    "don't",    "people's", "C", "+",    "+", "\xF0\x9F\x98\x80",
      "\xC2\xA9"};
  const std::vector<TokenKind> expected_kind = {
      TokenKind::kWord,   TokenKind::kSymbol,      TokenKind::kNumber,      TokenKind::kSymbol,
      TokenKind::kWord,   TokenKind::kPunctuation, TokenKind::kNumber,      TokenKind::kWord,
      TokenKind::kSymbol, TokenKind::kWord,        TokenKind::kPunctuation, TokenKind::kPunctuation,
      TokenKind::kWord,   TokenKind::kPunctuation, TokenKind::kWord,        TokenKind::kWord,
      TokenKind::kWord,   TokenKind::kWord,        TokenKind::kSymbol,      TokenKind::kSymbol,
      TokenKind::kEmoji,  TokenKind::kSymbol};
  REQUIRE(token_texts(d) == expected_text);
  for (std::size_t i = 0; i < expected_kind.size(); ++i) {
    INFO("token " << i << " " << expected_text[i]);
    CHECK(d.tokens()[i].kind == expected_kind[i]);
  }
}

TEST_CASE("folded forms are lower case with full case folding") {
  const Document d = analyzer().analyze(
      "CAF\xC3\x89 Stra\xC3\x9F"
      "e Senior CARER don't");
  REQUIRE(d.tokens().size() == 5);
  CHECK(d.tokens()[0].folded == "caf\xC3\xA9");
  CHECK(d.tokens()[1].folded == "strasse");
  CHECK(d.tokens()[2].folded == "senior");
  CHECK(d.tokens()[3].folded == "carer");
  CHECK(d.tokens()[4].folded == "don't");
  CHECK(d.tokens()[3].syllables == 2);
}

TEST_CASE("word keys are equal exactly when folded forms are") {
  // Long enough that the memo's sets fill and evict: keys must stay unique all the same.
  std::string text =
      "Care care CARE, carer. Caf\xc3\xa9 caf\xc3\xa9 "
      "extraordinarilylongword extraordinarilylongword 24 24";
  for (int i = 0; i < 20000; ++i) text += " w" + std::to_string(i);
  const Document d = analyzer().analyze(text);
  const Document again = analyzer().analyze("care CARE carer");
  std::map<std::uint64_t, std::string> form_of_key;
  for (const Document* document : {&d, &again}) {
    for (const Token& t : document->tokens()) {
      if (t.word_key == 0) continue;
      const auto [it, inserted] = form_of_key.emplace(t.word_key, std::string(t.folded));
      CHECK(it->second == t.folded);
    }
  }
  const auto tokens = d.tokens();
  CHECK(tokens[0].word_key != 0);
  CHECK(tokens[0].word_key == tokens[1].word_key);  // Care, care
  CHECK(tokens[0].word_key == tokens[2].word_key);  // CARE
  CHECK(tokens[0].word_key != tokens[4].word_key);  // carer
  CHECK(tokens[3].word_key != 0);                   // ","
  CHECK(tokens[6].word_key == 0);                   // Café: not plain ASCII
  CHECK(tokens[8].word_key == 0);                   // over 16 bytes
  CHECK(tokens[10].word_key != 0);                  // 24
  CHECK(tokens[10].word_key == tokens[11].word_key);
  CHECK(again.tokens()[0].word_key == again.tokens()[1].word_key);
}

TEST_CASE("spans count bytes and UTF-16 units on accents and emoji") {
  // "a£😀b café": £ is 2 bytes and 1 unit, 😀 4 bytes and 2 units, é 2 bytes and 1 unit.
  const Document d = analyzer().analyze(
      "a\xC2\xA3\xF0\x9F\x98\x80"
      "b caf\xC3\xA9");
  REQUIRE(d.tokens().size() == 5);
  check_span(d.tokens()[0].span, 0, 1, 0, 1);
  check_span(d.tokens()[1].span, 1, 3, 1, 2);
  check_span(d.tokens()[2].span, 3, 7, 2, 4);
  check_span(d.tokens()[3].span, 7, 8, 4, 5);
  check_span(d.tokens()[4].span, 9, 14, 6, 10);
  CHECK(d.tokens()[2].kind == TokenKind::kEmoji);
  CHECK(d.tokens()[4].kind == TokenKind::kWord);
}

TEST_CASE("emoji sequences are one token with both span units") {
  // Woman health worker (U+1F469 ZWJ U+2695 U+FE0F) and the UK flag, then a word.
  const std::string worker = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F";
  const std::string flag = "\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7";
  const Document d = analyzer().analyze(worker + " " + flag + " carer");
  REQUIRE(d.tokens().size() == 3);
  CHECK(d.tokens()[0].kind == TokenKind::kEmoji);
  check_span(d.tokens()[0].span, 0, 13, 0, 5);
  CHECK(d.tokens()[1].kind == TokenKind::kEmoji);
  check_span(d.tokens()[1].span, 14, 22, 6, 10);
  check_span(d.tokens()[2].span, 23, 28, 11, 16);
}

TEST_CASE("combining marks stay with their letter") {
  // "x́y ok": U+0301 has no precomposed form with x, so NFC keeps it and it joins the word.
  const Document d = analyzer().analyze("x\xCC\x81y ok");
  REQUIRE(d.tokens().size() == 2);
  CHECK(d.text(d.tokens()[0].span) == "x\xCC\x81y");
  check_span(d.tokens()[0].span, 0, 4, 0, 3);
  check_span(d.tokens()[1].span, 5, 7, 4, 6);
}

TEST_CASE("decomposed input is analysed as NFC with spans on the original bytes") {
  // "Cafe\u0301 crème" with both accents decomposed: NFC composes them for analysis.
  const std::string text = "Cafe\xCC\x81 cre\xCC\x80me \xF0\x9F\x98\x80 ok";
  const Document d = analyzer().analyze(text);
  REQUIRE(d.tokens().size() == 4);
  CHECK(d.original() == text);
  CHECK(d.tokens()[0].folded == "caf\xC3\xA9");         // composed é
  CHECK(d.tokens()[1].folded == "cr\xC3\xA8me");        // composed è
  CHECK(d.text(d.tokens()[0].span) == "Cafe\xCC\x81");  // the caller's own bytes
  check_span(d.tokens()[0].span, 0, 6, 0, 5);
  check_span(d.tokens()[1].span, 7, 14, 6, 12);
  check_span(d.tokens()[2].span, 15, 19, 13, 15);
  check_span(d.tokens()[3].span, 20, 22, 16, 18);
  CHECK(d.tokens()[0].syllables == 2);
}

TEST_CASE("headings and bullet lists are blocks of their own") {
  const Document d = analyzer().analyze(
      "About you\n"
      "You are kind and patient. You listen.\n"
      "\n"
      "What we offer:\n"
      "- Free uniform\n"
      "\xE2\x80\xA2 Paid DBS check\n"
      "* 28 days holiday\n"
      "\xE2\x80\x93 Weekly pay\n"
      "\xC2\xB7 Free parking\n"
      "1. Paid training\n"
      "2) Career progression\n"
      "\n"
      "-----\n"
      "Apply today.");
  const std::vector<BlockKind> kinds = {
      BlockKind::kHeading,  BlockKind::kParagraph, BlockKind::kHeading,  BlockKind::kListItem,
      BlockKind::kListItem, BlockKind::kListItem,  BlockKind::kListItem, BlockKind::kListItem,
      BlockKind::kListItem, BlockKind::kListItem,  BlockKind::kParagraph};
  CHECK(paragraph_kinds(d) == kinds);
  const std::vector<std::string> sentences = {"About you",          "You are kind and patient.",
                                              "You listen.",        "What we offer:",
                                              "Free uniform",       "Paid DBS check",
                                              "28 days holiday",    "Weekly pay",
                                              "Free parking",       "Paid training",
                                              "Career progression", "Apply today."};
  CHECK(sentence_texts(d) == sentences);
  // Bullets and the rule line are not tokens.
  for (const Token& t : d.tokens()) CHECK(d.text(t.span) != "-");
  const auto paragraphs = d.paragraphs();
  CHECK(paragraphs[1].words == 7);
  CHECK(d.text(paragraphs[3].span) == "Free uniform");
  CHECK(d.sentences()[1].words == 5);
  CHECK(d.sentences()[1].paragraph == 1);
}

TEST_CASE("a long bulleted list is many sentences not one") {
  std::string text = "Benefits:\n";
  for (int i = 0; i < 20; ++i) text += "- paid holiday and a pension and free parking on site\n";
  const Document d = analyzer().analyze(text);
  CHECK(d.sentences().size() == 21);
  CHECK(d.paragraphs().size() == 21);
  for (std::size_t i = 1; i < d.sentences().size(); ++i) CHECK(d.sentences()[i].words == 10);
}

TEST_CASE("lines without bullets after a heading are list items") {
  const Document d = analyzer().analyze(
      "Benefits\nFree uniform\nPaid DBS\n28 days holiday\n\nThank you for reading. Apply now.");
  const std::vector<BlockKind> kinds = {BlockKind::kHeading, BlockKind::kListItem,
                                        BlockKind::kListItem, BlockKind::kListItem,
                                        BlockKind::kParagraph};
  CHECK(paragraph_kinds(d) == kinds);
  CHECK(d.sentences().size() == 6);
}

TEST_CASE("a wrapped line continues its sentence") {
  const Document d = analyzer().analyze(
      "We are looking for a carer\nwho loves people, and who is\nkind. Apply now.");
  CHECK(paragraph_kinds(d) == std::vector<BlockKind>{BlockKind::kParagraph});
  const std::vector<std::string> sentences = {
      "We are looking for a carer\nwho loves people, and who is\nkind.", "Apply now."};
  CHECK(sentence_texts(d) == sentences);
  CHECK(d.sentences()[0].words == 13);
}

TEST_CASE("Windows line endings and no-break spaces are read like plain ones") {
  const Document d = analyzer().analyze(
      "About you\r\nYou are kind.\xC2\xA0You listen.\r\n\r\n- Free uniform\r\n- Paid DBS\r\n");
  const std::vector<BlockKind> kinds = {BlockKind::kHeading, BlockKind::kParagraph,
                                        BlockKind::kListItem, BlockKind::kListItem};
  CHECK(paragraph_kinds(d) == kinds);
  const std::vector<std::string> sentences = {"About you", "You are kind.", "You listen.",
                                              "Free uniform", "Paid DBS"};
  CHECK(sentence_texts(d) == sentences);
  // The no-break space is 2 bytes and 1 UTF-16 unit: "You listen." starts at byte 26, unit 25.
  check_span(d.sentences()[2].span, 26, 37, 25, 36);
}

TEST_CASE("abbreviations do not end sentences") {
  const Document d = analyzer().analyze(
      "Dr. Smith and Mrs. Jones run the home. We pay for uniform, training etc. and more. "
      "It is approx. 5 miles from St. Albans. Bright Care Ltd. is hiring!");
  const std::vector<std::string> sentences = {
      "Dr. Smith and Mrs. Jones run the home.", "We pay for uniform, training etc. and more.",
      "It is approx. 5 miles from St. Albans.", "Bright Care Ltd. is hiring!"};
  CHECK(sentence_texts(d) == sentences);
}

TEST_CASE("company names and etc end sentences before a capital") {
  const Document d = analyzer().analyze(
      "Thank you for applying to Bright Care Ltd. We will reply soon. We pay for uniform, DBS "
      "etc. The rota is fair.");
  const std::vector<std::string> sentences = {"Thank you for applying to Bright Care Ltd.",
                                              "We will reply soon.", "We pay for uniform, DBS etc.",
                                              "The rota is fair."};
  CHECK(sentence_texts(d) == sentences);
}

TEST_CASE("sentences end at terminators and keep numbers and initials whole") {
  const Document d = analyzer().analyze(
      "Pay is \u00A311.50. Is that fair? Yes! The U.K. rate rose 3.5%. \"Great,\" she said.");
  const std::vector<std::string> sentences = {"Pay is \u00A311.50.", "Is that fair?", "Yes!",
                                              "The U.K. rate rose 3.5%.", "\"Great,\" she said."};
  CHECK(sentence_texts(d) == sentences);
}

TEST_CASE("every token belongs to its sentence and paragraph") {
  const std::string advert = caretoolkit::text::testing::generate_advert(7, 600);
  const Document d = analyzer().analyze(advert);
  REQUIRE_FALSE(d.tokens().empty());
  std::uint32_t words = 0;
  for (std::uint32_t s = 0; s < d.sentences().size(); ++s) {
    const auto& sentence = d.sentences()[s];
    REQUIRE(sentence.first_token < sentence.end_token);
    std::uint32_t counted = 0;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      CHECK(d.tokens()[t].sentence == s);
      CHECK(d.tokens()[t].paragraph == sentence.paragraph);
      counted += d.tokens()[t].kind == TokenKind::kWord ? 1 : 0;
      CHECK((d.tokens()[t].kind == TokenKind::kWord) == (d.tokens()[t].syllables > 0));
    }
    CHECK(counted == sentence.words);
    words += counted;
  }
  std::uint32_t paragraph_words = 0;
  for (const auto& p : d.paragraphs()) paragraph_words += p.words;
  CHECK(paragraph_words == words);
  CHECK(words > 500);
}

TEST_CASE("empty and blank text give an empty document") {
  for (const char* text : {"", "   \n\n\t  ", "-----\n"}) {
    const Document d = analyzer().analyze(text);
    CHECK(d.tokens().empty());
    CHECK(d.sentences().empty());
    CHECK(d.paragraphs().empty());
  }
}

TEST_CASE("a reused document is replaced and copies own their folded forms") {
  Document d;
  analyzer().analyze("A LONG FIRST TEXT ABOUT CARING FOR PEOPLE AT HOME", d);
  analyzer().analyze("Kind Carers", d);
  REQUIRE(d.tokens().size() == 2);
  CHECK(d.tokens()[1].folded == "carers");

  Document copy;
  {
    Document source = analyzer().analyze("Tiny TEXT");
    copy = source;
    Document moved = std::move(source);
    CHECK(moved.tokens()[1].folded == "text");
  }
  // The source is gone: the copy's views must point into its own storage.
  CHECK(copy.tokens()[0].folded == "tiny");
  CHECK(copy.tokens()[1].folded == "text");
}

TEST_CASE("oversized text is refused") {
  const std::string text(Analyzer::kMaxBytes + 1, 'a');
  try {
    analyzer().analyze(text);
    FAIL("no error");
  } catch (const caretoolkit::Error& e) {
    CHECK(e.code() == caretoolkit::ErrorCode::kTooLarge);
  }
}

TEST_CASE("bad abbreviations are refused at construction") {
  caretoolkit::text::AnalyzerOptions options;
  options.abbreviations = {"Dr.", "e. g."};
  CHECK_THROWS_AS(Analyzer{options}, caretoolkit::Error);
}

TEST_CASE("threads share one analyser and get the same documents") {
  const auto corpus = caretoolkit::text::testing::generate_corpus(11, 12);
  std::vector<std::size_t> expected;
  expected.reserve(corpus.size());
  for (const auto& advert : corpus) expected.push_back(analyzer().analyze(advert).tokens().size());
  std::vector<std::size_t> seen[2];
  std::vector<std::thread> threads;
  for (auto& out : seen) {
    threads.emplace_back([&corpus, &out] {
      Document d;
      AnalysisScratch scratch;
      for (int round = 0; round < 5; ++round) {
        out.clear();
        for (const auto& advert : corpus) {
          analyzer().analyze(advert, d, scratch);
          out.push_back(d.tokens().size());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(seen[0] == expected);
  CHECK(seen[1] == expected);
}

TEST_CASE("one scratch serves several analysers in turn and gives what a fresh one gives") {
  // Five analysers, one more than a scratch keeps iterators for, the first two with different
  // abbreviations: "Dr. Patel" is one sentence for the first and two for the second.
  caretoolkit::text::AnalyzerOptions no_titles;
  no_titles.abbreviations = {"etc."};
  const Analyzer with_titles;
  const Analyzer without_titles(no_titles);
  const Analyzer icu_only(caretoolkit::text::AnalyzerOptions{{}, true});
  const Analyzer fourth;
  const Analyzer fifth;
  const std::vector<const Analyzer*> analysers = {&with_titles, &without_titles, &icu_only, &fourth,
                                                  &fifth};
  const std::string text =
      "Ask Dr. Patel about the role. Caf\xc3\xa9 staff and cafe\xcc\x81 staff earn \xc2\xa3"
      "12.50 an hour.";
  const auto summary = [](const Document& d) {
    std::vector<std::string> out;
    for (const Token& t : d.tokens()) {
      out.push_back(std::string(t.folded) + "@" + std::to_string(t.span.begin) + "-" +
                    std::to_string(t.span.end_utf16) + "/" + std::to_string(t.sentence) + "/" +
                    std::to_string(t.syllables));
    }
    out.push_back(std::to_string(d.sentences().size()) + " sentences");
    return out;
  };
  AnalysisScratch scratch;
  Document reused;
  for (int round = 0; round < 3; ++round) {
    for (const Analyzer* a : analysers) {
      a->analyze(text, reused, scratch);
      CHECK(summary(reused) == summary(a->analyze(text)));
    }
  }
  with_titles.analyze(text, reused, scratch);
  CHECK(reused.sentences().size() == 2);
  without_titles.analyze(text, reused, scratch);
  CHECK(reused.sentences().size() == 3);
}
