// Speed of text analysis on 200 generated care adverts of 200 to 900 words, on one thread:
// words per second, adverts per second, and median and p99 microseconds per advert, for the
// Analyzer (fast path), the Analyzer forced onto ICU only, and ICU's bare word and sentence
// iterators (the floor any ICU-based design starts from).
//
// Usage: bench_text [rounds] [seed]   (defaults: 20 rounds, seed 2024)
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "advert_corpus.hpp"
#include "text/analyzer.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using caretoolkit::text::Analyzer;
using caretoolkit::text::AnalyzerOptions;
using caretoolkit::text::Document;
using caretoolkit::text::TokenKind;

struct Figures {
  double words_per_second = 0;  // all words over all time
  double adverts_per_second = 0;
  double median_us = 0;  // over every timed run
  double p99_us = 0;
  double robust_words_per_second = 0;  // from each advert's median over the rounds
  double robust_p99_us = 0;
  double robust_p99_large_us = 0;  // the same over adverts of 800 words or more
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index =
      static_cast<std::size_t>(std::llround(p * static_cast<double>(values.size() - 1)));
  return values[index];
}

// Times `run` on every advert, `rounds` times, after one warm-up round. On a shared machine a
// run now and then loses the processor for milliseconds; each advert's median over the rounds
// ("robust" figures) shows the code's own speed, the plain figures what a caller saw.
Figures measure(const std::vector<std::string>& corpus, const std::vector<std::uint32_t>& words,
                int rounds, const std::function<void(const std::string&)>& run) {
  for (const std::string& advert : corpus) run(advert);
  std::vector<std::vector<double>> times(corpus.size());
  std::vector<double> all;
  double total_seconds = 0;
  std::uint64_t total_words = 0;
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      const auto start = Clock::now();
      run(corpus[i]);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      total_seconds += seconds;
      total_words += words[i];
      all.push_back(seconds * 1e6);
      times[i].push_back(seconds * 1e6);
    }
  }
  Figures f;
  f.words_per_second = static_cast<double>(total_words) / total_seconds;
  f.adverts_per_second = static_cast<double>(all.size()) / total_seconds;
  f.median_us = percentile(all, 0.5);
  f.p99_us = percentile(all, 0.99);
  std::vector<double> medians;
  std::vector<double> large;
  double median_seconds = 0;
  std::uint64_t corpus_words = 0;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const double m = percentile(times[i], 0.5);
    medians.push_back(m);
    if (words[i] >= 800) large.push_back(m);
    median_seconds += m / 1e6;
    corpus_words += words[i];
  }
  f.robust_words_per_second = static_cast<double>(corpus_words) / median_seconds;
  f.robust_p99_us = percentile(medians, 0.99);
  f.robust_p99_large_us = percentile(large, 0.99);
  return f;
}

void print(const char* name, const Figures& f) {
  std::printf("%-28s %11.2fM %9.0f %9.1f %9.1f | %11.2fM %9.1f %12.1f\n", name,
              f.words_per_second / 1e6, f.adverts_per_second, f.median_us, f.p99_us,
              f.robust_words_per_second / 1e6, f.robust_p99_us, f.robust_p99_large_us);
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one.empty() ? "unknown" : one + " " + five;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  const auto seed = static_cast<std::uint32_t>(argc > 2 ? std::atoi(argv[2]) : 2024);
  const auto corpus = caretoolkit::text::testing::generate_corpus(seed, 200);

  const Analyzer fast;
  const Analyzer icu_only(AnalyzerOptions{{}, true});
  Document document;
  std::vector<std::uint32_t> words;
  std::uint64_t corpus_words = 0;
  std::uint64_t corpus_bytes = 0;
  std::uint32_t smallest = UINT32_MAX;
  std::uint32_t largest = 0;
  for (const std::string& advert : corpus) {
    fast.analyze(advert, document);
    std::uint32_t n = 0;
    for (const auto& t : document.tokens()) n += t.kind == TokenKind::kWord ? 1 : 0;
    words.push_back(n);
    corpus_words += n;
    corpus_bytes += advert.size();
    smallest = std::min(smallest, n);
    largest = std::max(largest, n);
  }
  std::printf(
      "corpus: %zu adverts, %llu words (%u to %u per advert), %llu bytes; %d rounds; "
      "one thread; load average %s\n\n",
      corpus.size(), static_cast<unsigned long long>(corpus_words), smallest, largest,
      static_cast<unsigned long long>(corpus_bytes), rounds, load_average().c_str());
  std::printf("%-28s %-42s | %s\n", "", "every run", "each advert's median over the rounds");
  std::printf("%-28s %12s %9s %9s %9s | %12s %9s %12s\n", "", "words/s", "adverts/s", "median us",
              "p99 us", "words/s", "p99 us", "p99 >=800w");

  caretoolkit::text::AnalysisScratch scratch;
  const Figures fast_figures = measure(corpus, words, rounds, [&](const std::string& advert) {
    fast.analyze(advert, document, scratch);
  });
  print("Analyzer (fast path)", fast_figures);
  print("Analyzer (ICU only)", measure(corpus, words, rounds, [&](const std::string& advert) {
          icu_only.analyze(advert, document, scratch);
        }));

  // ICU's iterators alone: every word and sentence boundary, nothing else.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> word_iterator(
      icu::BreakIterator::createWordInstance(icu::Locale("en_GB"), status));
  std::unique_ptr<icu::BreakIterator> sentence_iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_GB"), status));
  if (U_FAILURE(status)) return 1;
  std::uint64_t sink = 0;
  const Figures icu_figures = measure(corpus, words, rounds, [&](const std::string& advert) {
    UText ut = UTEXT_INITIALIZER;
    UErrorCode s = U_ZERO_ERROR;
    utext_openUTF8(&ut, advert.data(), static_cast<std::int64_t>(advert.size()), &s);
    word_iterator->setText(&ut, s);
    sentence_iterator->setText(&ut, s);
    utext_close(&ut);
    for (auto b = word_iterator->first(); b != icu::BreakIterator::DONE;
         b = word_iterator->next()) {
      sink += static_cast<std::uint64_t>(word_iterator->getRuleStatus());
    }
    for (auto b = sentence_iterator->first(); b != icu::BreakIterator::DONE;
         b = sentence_iterator->next()) {
      sink += static_cast<std::uint64_t>(b);
    }
  });
  print("ICU word+sentence iterators", icu_figures);
  // Both run on the same machine at the same time, so their ratio holds whatever its load.
  std::printf("\nAnalyzer (fast path) / ICU's bare iterators: %.2f times the words per second\n",
              fast_figures.robust_words_per_second / icu_figures.robust_words_per_second);
  std::printf("\n(checksum %llu; load average after: %s)\n", static_cast<unsigned long long>(sink),
              load_average().c_str());
  return 0;
}
