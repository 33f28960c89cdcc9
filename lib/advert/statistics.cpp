// Report statistics from text::readability().
#include "advert/statistics.hpp"

#include "text/readability.hpp"

namespace caretoolkit::advert {

Statistics compute_statistics(const text::Document& document) {
  const text::Readability r = text::readability(document);
  Statistics s;
  s.words = static_cast<int>(r.counts.words);
  s.sentences = static_cast<int>(r.counts.sentences);
  s.paragraphs = static_cast<int>(r.paragraphs);
  s.syllables = static_cast<int>(r.counts.syllables);
  s.complex_words = static_cast<int>(r.counts.complex_words);
  s.average_sentence_words = r.average_sentence_words;
  s.longest_sentence_words = static_cast<int>(r.longest_sentence_words);
  if (r.scores) {
    s.reading_ease = r.scores->flesch_reading_ease;
    s.grade_level = r.scores->flesch_kincaid_grade;
  }
  return s;
}

rules::MetricValues metric_values(const Statistics& statistics) {
  rules::MetricValues metrics;
  metrics.words = statistics.words;
  metrics.reading_ease = statistics.reading_ease;
  metrics.grade_level = statistics.grade_level;
  metrics.average_sentence_words = statistics.average_sentence_words;
  metrics.longest_sentence_words = statistics.longest_sentence_words;
  return metrics;
}

}  // namespace caretoolkit::advert
