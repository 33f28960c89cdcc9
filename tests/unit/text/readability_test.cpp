// Readability formulas on the reference's worked checks and on small hand-counted texts.
#include <doctest/doctest.h>

#include "text/analyzer.hpp"
#include "text/readability.hpp"

using caretoolkit::text::Analyzer;
using caretoolkit::text::readability;
using caretoolkit::text::readability_scores;
using caretoolkit::text::ReadabilityCounts;

TEST_CASE("Flesch formulas give the reference worked checks") {
  ReadabilityCounts a;
  a.words = 100;
  a.sentences = 5;
  a.syllables = 130;
  const auto sa = readability_scores(a);
  REQUIRE(sa.has_value());
  CHECK(sa->flesch_reading_ease == doctest::Approx(76.555).epsilon(1e-9));
  CHECK(sa->flesch_kincaid_grade == doctest::Approx(7.55).epsilon(1e-9));

  ReadabilityCounts b;
  b.words = 120;
  b.sentences = 4;
  b.syllables = 204;
  const auto sb = readability_scores(b);
  REQUIRE(sb.has_value());
  CHECK(sb->flesch_reading_ease == doctest::Approx(32.565).epsilon(1e-9));
  CHECK(sb->flesch_kincaid_grade == doctest::Approx(16.17).epsilon(1e-9));
}

TEST_CASE("Fog SMOG and Coleman-Liau follow their published formulas") {
  // 100 words, 5 sentences, 10 complex words, 450 letters:
  // Fog = 0.4 x (20 + 10) = 12; SMOG = 1.043 x sqrt(60) + 3.1291 = 11.20814...;
  // Coleman-Liau = 0.0588 x 450 - 0.296 x 5 - 15.8 = 9.18.
  ReadabilityCounts c;
  c.words = 100;
  c.sentences = 5;
  c.syllables = 130;
  c.complex_words = 10;
  c.letters = 450;
  const auto s = readability_scores(c);
  REQUIRE(s.has_value());
  CHECK(s->gunning_fog == doctest::Approx(12.0).epsilon(1e-9));
  CHECK(s->smog == doctest::Approx(11.2081435).epsilon(1e-7));
  CHECK(s->coleman_liau == doctest::Approx(9.18).epsilon(1e-9));
}

TEST_CASE("no words or no sentences give no scores") {
  CHECK_FALSE(readability_scores(ReadabilityCounts{}).has_value());
  ReadabilityCounts c;
  c.words = 3;
  CHECK_FALSE(readability_scores(c).has_value());
}

TEST_CASE("readability of a small hand-counted text") {
  // Words: 6 + 6 = 12. Syllables: the cat sat on the mat = 6; we care for you every day =
  // 1+1+1+1+2+1 = 7; 13 in all. Letters: 17 + 20 = 37. "Every" is not complex (2 syllables),
  // "wonderful" is (3) in the third sentence below.
  const Analyzer analyzer;
  const auto r =
      readability(analyzer.analyze("The cat sat on the mat. We care for you every day."));
  CHECK(r.counts.words == 12);
  CHECK(r.counts.sentences == 2);
  CHECK(r.counts.syllables == 13);
  CHECK(r.counts.complex_words == 0);
  CHECK(r.counts.letters == 37);
  CHECK(r.paragraphs == 1);
  CHECK(r.average_sentence_words == doctest::Approx(6.0));
  REQUIRE(r.scores.has_value());
  // 206.835 - 1.015 x 6 - 84.6 x 13/12 = 109.095
  CHECK(r.scores->flesch_reading_ease == doctest::Approx(109.095).epsilon(1e-9));
  CHECK(r.longest_sentence_words == 6);
  CHECK(r.longest_sentence == 0u);

  const auto longer = readability(analyzer.analyze(
      "Hello. We have a wonderful team of carers who support people at home every day."));
  CHECK(longer.counts.words == 15);
  CHECK(longer.counts.sentences == 2);
  CHECK(longer.counts.complex_words == 1);  // wonderful
  CHECK(longer.longest_sentence_words == 14);
  CHECK(longer.longest_sentence == 1u);
  CHECK(longer.longest_sentence_span.begin == 7);
  CHECK(longer.longest_sentence_span.end == 79);
}

TEST_CASE("bullet items and headings count as sentences") {
  const Analyzer analyzer;
  const auto r = readability(
      analyzer.analyze("What we offer:\n- Free uniform\n- Paid training and a pension\n"));
  CHECK(r.counts.sentences == 3);
  CHECK(r.counts.words == 3 + 2 + 5);
  CHECK(r.paragraphs == 3);
  CHECK(r.longest_sentence_words == 5);
}

TEST_CASE("letters are the alphabetic characters the writer typed, whatever the encoding") {
  const Analyzer analyzer;
  // Each word: its letters. "Care2Work" has 8 (the digit is not a letter); "naïve" has 5 whether
  // the ï is one code point or i and a combining diaeresis (which is not alphabetic); "Straße"
  // has 6 (case folding would make it "strasse", 7); "£12" is a number, not a word.
  const auto letters = [&](const std::string& text) {
    return readability(analyzer.analyze(text)).counts.letters;
  };
  CHECK(letters("Care2Work pays \xc2\xa3"
                "12.") == 12);
  CHECK(letters("na\xc3\xafve") == 5);
  CHECK(letters("nai\xcc\x88ve") == 5);  // not NFC: analysed through the normaliser
  CHECK(letters("Stra\xc3\x9f"
                "e") == 6);
  CHECK(letters("A longcompoundwordoverkeylength here") == 1 + 29 + 4);  // 29: past the memo
  // The same word twice (the second from the analysis scratch's word memo) counts the same.
  CHECK(letters("caring caring") == 12);
  // A word longer than a 16-bit count (pasted junk) is counted in full, not modulo 65,536.
  CHECK(letters(std::string(70000, 'a') + " end.") == 70000 + 3);
}
