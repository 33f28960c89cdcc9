// Readability statistics over an analysed advert: counts of words, sentences, syllables, complex
// words and letters, the classic formulas (Flesch Reading Ease, Flesch-Kincaid grade, Gunning Fog,
// SMOG, Coleman-Liau) and sentence lengths.
//
// Definitions: a word is a kWord token; a sentence is a Document sentence with at least one word
// (so each bullet item and each heading counts as a sentence of its own); a complex word (also
// SMOG's polysyllable) has three or more syllables; letters are the alphabetic characters of
// words.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "text/document.hpp"

namespace caretoolkit::text {

struct ReadabilityCounts {
  std::uint32_t words = 0;
  std::uint32_t sentences = 0;
  std::uint32_t syllables = 0;
  std::uint32_t complex_words = 0;
  std::uint32_t letters = 0;
};

struct ReadabilityScores {
  double flesch_reading_ease = 0;   // higher is easier; 60 to 70 is plain English
  double flesch_kincaid_grade = 0;  // US school grade
  double gunning_fog = 0;
  double smog = 0;
  double coleman_liau = 0;
};

// The alphabetic characters of `word` (ASCII letters, and Unicode alphabetic code points). The
// analyser stores it in each word token, as Token::letters.
std::uint32_t count_letters(std::string_view word);

// The formulas exactly as published; nullopt when there are no words or no sentences.
std::optional<ReadabilityScores> readability_scores(const ReadabilityCounts& counts);

struct Readability {
  ReadabilityCounts counts;
  std::uint32_t paragraphs = 0;  // paragraphs, headings and list items with at least one word
  std::optional<ReadabilityScores> scores;
  double average_sentence_words = 0;  // 0 when there is no sentence
  std::uint32_t longest_sentence_words = 0;
  std::optional<std::uint32_t> longest_sentence;  // index into Document::sentences(), first of ties
  Span longest_sentence_span;                     // its span, when there is one
};

Readability readability(const Document& document);

}  // namespace caretoolkit::text
