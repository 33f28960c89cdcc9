// Engine time per advert on the generated corpus, on one thread: the analyser alone, then the
// whole check (analysis, one matching pass, evaluation, scoring, report). Prints median and p99
// microseconds, adverts per second and words per second, and writes the corpus as JSON so that
// run.sh can time the npm peers on the same text.
//
// Usage: bench_advert [--corpus FILE] [--rules DIR] [--repeat N]
#include <algorithm>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "advert/checker.hpp"
#include "corpus.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using caretoolkit::text::TokenKind;

using caretoolkit::bench::kCorpusAdverts;
using caretoolkit::bench::kCorpusSeed;

struct Timing {
  std::vector<double> micros;  // one per advert check, all repetitions
  double total_seconds = 0;
};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index =
      static_cast<std::size_t>(std::llround(p * static_cast<double>(values.size() - 1)));
  return values[std::min(index, values.size() - 1)];
}

template <typename Work>
Timing time_each(const std::vector<std::string>& corpus, int repeat, Work work) {
  for (const auto& advert : corpus) work(advert);  // warm-up: caches and scratch space
  Timing timing;
  timing.micros.reserve(corpus.size() * static_cast<std::size_t>(repeat));
  const auto start = Clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& advert : corpus) {
      const auto t0 = Clock::now();
      work(advert);
      const auto t1 = Clock::now();
      timing.micros.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
  }
  timing.total_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return timing;
}

// Each advert's fastest run: on a shared machine this filters out time the thread was not
// running (preemption), which otherwise dominates the p99.
std::vector<double> best_per_advert(const Timing& t, std::size_t adverts) {
  std::vector<double> best(adverts, 1e300);
  for (std::size_t k = 0; k < t.micros.size(); ++k) {
    best[k % adverts] = std::min(best[k % adverts], t.micros[k]);
  }
  return best;
}

// The time of the fastest pass over all adverts, in microseconds.
double fastest_pass(const Timing& t, std::size_t adverts) {
  double fastest = 1e300;
  for (std::size_t first = 0; first + adverts <= t.micros.size(); first += adverts) {
    double pass = 0;
    for (std::size_t k = first; k < first + adverts; ++k) pass += t.micros[k];
    fastest = std::min(fastest, pass);
  }
  return fastest;
}

void print(const char* name, const Timing& t, std::size_t adverts, std::size_t words, int repeat) {
  const auto runs = static_cast<double>(repeat);
  std::printf("%-34s median %7.1f us   p99 %7.1f us   %9.0f adverts/s   %11.0f words/s\n", name,
              percentile(t.micros, 0.5), percentile(t.micros, 0.99),
              static_cast<double>(adverts) * runs / t.total_seconds,
              static_cast<double>(words) * runs / t.total_seconds);
  const auto best = best_per_advert(t, adverts);
  double sum = 0;
  for (double b : best) sum += b;
  std::printf("%-34s median %7.1f us   p99 %7.1f us   %9.0f adverts/s   %11.0f words/s\n",
              "  (fastest run of each advert)", percentile(best, 0.5), percentile(best, 0.99),
              static_cast<double>(adverts) * 1e6 / sum, static_cast<double>(words) * 1e6 / sum);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path;
  std::string rules_dir = CARETOOLKIT_SOURCE_DIR "/rules";
  int repeat = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--corpus") == 0) corpus_path = argv[i + 1];
    if (std::strcmp(argv[i], "--rules") == 0) rules_dir = argv[i + 1];
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
  }

  const auto corpus = caretoolkit::bench::generate_corpus(kCorpusAdverts, kCorpusSeed);
  const auto rule_set = caretoolkit::rules::RuleSet::load_directory(rules_dir);
  const caretoolkit::text::Analyzer analyzer;
  const caretoolkit::advert::Checker checker(rule_set, analyzer);

  // Words as the analyser counts them; the same total is used for every tool's words/s.
  std::vector<std::size_t> words(corpus.size());
  std::size_t total_words = 0;
  std::size_t min_words = SIZE_MAX;
  std::size_t max_words = 0;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const auto document = analyzer.analyze(corpus[i]);
    for (const auto& token : document.tokens()) words[i] += token.kind == TokenKind::kWord;
    total_words += words[i];
    min_words = std::min(min_words, words[i]);
    max_words = std::max(max_words, words[i]);
  }

  if (!corpus_path.empty()) {
    boost::json::array adverts;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      adverts.push_back(boost::json::object{{"text", corpus[i]}, {"words", words[i]}});
    }
    std::ofstream out(corpus_path, std::ios::binary);
    out << boost::json::serialize(boost::json::object{
        {"seed", kCorpusSeed}, {"words", total_words}, {"adverts", std::move(adverts)}});
    if (!out) {
      std::fprintf(stderr, "bench_advert: cannot write %s\n", corpus_path.c_str());
      return 1;
    }
  }

  std::printf("corpus: %zu adverts, %zu words (%zu to %zu words each), seed %llu, %d runs\n",
              corpus.size(), total_words, min_words, max_words,
              static_cast<unsigned long long>(kCorpusSeed), repeat);
  std::printf("rules: %zu rules, %zu compiled phrases (%s)\n", rule_set.rules().size(),
              checker.compiled().matcher().phrase_count(), rule_set.version().c_str());

  caretoolkit::text::Document document;
  caretoolkit::text::AnalysisScratch scratch;
  const Timing analysis = time_each(corpus, repeat, [&](const std::string& advert) {
    analyzer.analyze(advert, document, scratch);
  });
  int sink = 0;
  caretoolkit::advert::CheckContext context;
  const Timing check = time_each(corpus, repeat, [&](const std::string& advert) {
    sink += checker.check(advert, {}, context).score;
  });

  print("analyser only (text::Analyzer)", analysis, corpus.size(), total_words, repeat);
  print("checker (analyse, match, score)", check, corpus.size(), total_words, repeat);

  // The adverts of 800 words or more, for the 900-word target.
  std::vector<double> long_micros;
  std::vector<double> long_best;
  const auto best = best_per_advert(check, corpus.size());
  for (std::size_t k = 0; k < check.micros.size(); ++k) {
    if (words[k % corpus.size()] >= 800) long_micros.push_back(check.micros[k]);
  }
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (words[i] >= 800) long_best.push_back(best[i]);
  }
  if (!long_micros.empty()) {
    std::printf(
        "checker, adverts of 800+ words:    median %7.1f us   p99 %7.1f us   (%zu checks)\n",
        percentile(long_micros, 0.5), percentile(long_micros, 0.99), long_micros.size());
    std::printf(
        "  (fastest run of each)             median %7.1f us   p99 %7.1f us   (%zu adverts)\n",
        percentile(long_best, 0.5), percentile(long_best, 0.99), long_best.size());
  }
  const double added = percentile(check.micros, 0.5) - percentile(analysis.micros, 0.5);
  const double added_best =
      percentile(best, 0.5) - percentile(best_per_advert(analysis, corpus.size()), 0.5);
  std::printf("matching and scoring add %.1f us per advert at the median (%.1f us, fastest runs)\n",
              added, added_best);
  // The checker's words per second over each advert's fastest run, for run.sh.
  double best_total = 0;
  for (double b : best) best_total += b;
  // For run.sh.
  std::printf("checker_words_per_second=%.0f\n",
              static_cast<double>(total_words) * repeat / check.total_seconds);
  std::printf("checker_best_words_per_second=%.0f\n",
              static_cast<double>(total_words) * 1e6 / best_total);
  // The fastest whole pass over the corpus: the same statistic peers.mjs reports for the peers.
  std::printf("checker_best_pass_words_per_second=%.0f\n",
              static_cast<double>(total_words) * 1e6 / fastest_pass(check, corpus.size()));
  std::printf("(score checksum %d)\n", sink);
  return 0;
}
