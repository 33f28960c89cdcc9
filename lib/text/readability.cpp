// Readability counts and formulas; see readability.hpp.
#include "text/readability.hpp"

#include <unicode/uchar.h>

#include <cmath>

#include "text/utf8.hpp"

namespace caretoolkit::text {
std::uint32_t count_letters(std::string_view word) {
  std::uint32_t letters = 0;
  for (std::uint32_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      letters += static_cast<std::uint32_t>((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      ++i;
    } else {
      letters += static_cast<std::uint32_t>(u_isalpha(static_cast<UChar32>(decode_at(word, i))));
    }
  }
  return letters;
}

std::optional<ReadabilityScores> readability_scores(const ReadabilityCounts& counts) {
  if (counts.words == 0 || counts.sentences == 0) return std::nullopt;
  const double words = counts.words;
  const double sentences = counts.sentences;
  const double words_per_sentence = words / sentences;
  const double syllables_per_word = counts.syllables / words;
  ReadabilityScores s;
  s.flesch_reading_ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word;
  s.flesch_kincaid_grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;
  s.gunning_fog = 0.4 * (words_per_sentence + 100.0 * counts.complex_words / words);
  s.smog = 1.0430 * std::sqrt(counts.complex_words * 30.0 / sentences) + 3.1291;
  const double letters_per_100_words = counts.letters / words * 100.0;
  const double sentences_per_100_words = sentences / words * 100.0;
  s.coleman_liau = 0.0588 * letters_per_100_words - 0.296 * sentences_per_100_words - 15.8;
  return s;
}

Readability readability(const Document& document) {
  Readability r;
  const WordTotals& totals = document.word_totals();
  r.counts.words = totals.words;
  r.counts.syllables = totals.syllables;
  r.counts.complex_words = totals.complex_words;
  r.counts.letters = totals.letters;
  const auto sentences = document.sentences();
  for (std::uint32_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.words == 0) continue;
    ++r.counts.sentences;
    if (s.words > r.longest_sentence_words) {
      r.longest_sentence_words = s.words;
      r.longest_sentence = i;
      r.longest_sentence_span = s.span;
    }
  }
  for (const Paragraph& p : document.paragraphs()) {
    r.paragraphs += static_cast<std::uint32_t>(p.words > 0);
  }
  if (r.counts.sentences > 0) {
    r.average_sentence_words = static_cast<double>(r.counts.words) / r.counts.sentences;
  }
  r.scores = readability_scores(r.counts);
  return r;
}

}  // namespace caretoolkit::text
