// Where an advert check's time goes, stage by stage, on the benchmark's seeded corpus: analysis,
// the matching pass alone, evaluation (matching plus every rule), and the whole check (with
// statistics, scoring and the report). Each figure is the fastest of several passes over the 200
// adverts, as the mean per advert, so that stages can be compared with each other and between
// builds without the machine's noise. Also the evaluation's fixed cost (a one-word text: every
// rule visited, nothing found). Prints figures; not a test.
//
// Usage: bench_stages [--rules DIR] [--passes N]   (defaults: the project's rules, 40 passes)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "advert/checker.hpp"
#include "advert/statistics.hpp"
#include "corpus.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/matcher_internal.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace rules = caretoolkit::rules;
namespace text = caretoolkit::text;

using caretoolkit::bench::kCorpusAdverts;
using caretoolkit::bench::kCorpusSeed;

// The fastest of `passes` passes over i in [0, count) of prepare(i) then work(i), timing work(i)
// only, as microseconds per call. The stages after analysis are timed on the advert's document
// analysed just before, as in a check, so that each works from the caches a check leaves it.
template <typename Prepare, typename Work>
double fastest_mean(std::size_t count, int passes, Prepare prepare, Work work) {
  for (std::size_t i = 0; i < count; ++i) {  // warm-up: caches and scratch space
    prepare(i);
    work(i);
  }
  double fastest = 1e300;
  for (int pass = 0; pass < passes; ++pass) {
    double micros = 0;
    for (std::size_t i = 0; i < count; ++i) {
      prepare(i);
      const auto start = Clock::now();
      work(i);
      micros += std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    }
    fastest = std::min(fastest, micros / static_cast<double>(count));
  }
  return fastest;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = CARETOOLKIT_SOURCE_DIR "/rules";
  int passes = 40;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--rules") == 0) rules_dir = argv[i + 1];
    if (std::strcmp(argv[i], "--passes") == 0) passes = std::max(1, std::atoi(argv[i + 1]));
  }
  const auto corpus = caretoolkit::bench::generate_corpus(kCorpusAdverts, kCorpusSeed);
  const auto rule_set = rules::RuleSet::load_directory(rules_dir);
  const text::Analyzer analyzer;
  const caretoolkit::advert::Checker checker(rule_set, analyzer);
  const rules::CompiledRules compiled(rule_set, analyzer);

  // The figures each advert's metric rules read, for the evaluation stage.
  std::vector<rules::MetricValues> metrics;
  std::size_t tokens = 0;
  text::Document document;
  text::AnalysisScratch analysis_scratch;
  for (const auto& advert : corpus) {
    analyzer.analyze(advert, document, analysis_scratch);
    metrics.push_back(metric_values(caretoolkit::advert::compute_statistics(document)));
    tokens += document.tokens().size();
  }
  std::printf("corpus: %zu adverts, %.0f tokens each on average; fastest of %d passes\n",
              corpus.size(), static_cast<double>(tokens) / static_cast<double>(corpus.size()),
              passes);

  rules::MatchResult match;
  rules::EvaluationScratch scratch;
  rules::Evaluation evaluation;
  caretoolkit::advert::CheckContext context;
  long long sink = 0;  // results are summed so that no stage can be left out
  const auto nothing = [](std::size_t) {};
  const auto analyse = [&](std::size_t i) {
    analyzer.analyze(corpus[i], document, analysis_scratch);
  };
  const double analysis = fastest_mean(corpus.size(), passes, nothing, [&](std::size_t i) {
    analyse(i);
    sink += static_cast<long long>(document.tokens().size());
  });
  const double matching = fastest_mean(corpus.size(), passes, analyse, [&](std::size_t) {
    compiled.matcher().match(document, match);
    sink += static_cast<long long>(match.terms.size());
  });
  const double evaluating = fastest_mean(corpus.size(), passes, analyse, [&](std::size_t i) {
    compiled.evaluate(document, metrics[i], {}, scratch, evaluation);
    sink += static_cast<long long>(evaluation.observations.size());
  });
  const double checking = fastest_mean(corpus.size(), passes, nothing, [&](std::size_t i) {
    sink += checker.check(corpus[i], {}, context).score;
  });
  const text::Document one_word = analyzer.analyze("Carer");
  const rules::MetricValues one_word_metrics =
      metric_values(caretoolkit::advert::compute_statistics(one_word));
  const double fixed = fastest_mean(kCorpusAdverts, passes, nothing, [&](std::size_t) {
    compiled.evaluate(one_word, one_word_metrics, {}, scratch, evaluation);
    sink += static_cast<long long>(evaluation.observations.size());
  });

  std::printf("%-46s %7.2f us\n", "analysis", analysis);
  std::printf("%-46s %7.2f us\n", "matching pass alone", matching);
  std::printf("%-46s %7.2f us\n", "evaluation (matching and every rule)", evaluating);
  std::printf("%-46s %7.2f us\n", "  rules after matching", evaluating - matching);
  std::printf("%-46s %7.2f us\n", "whole check", checking);
  std::printf("%-46s %7.2f us\n", "  statistics, scoring and the report",
              checking - analysis - evaluating);
  std::printf("%-46s %7.2f us\n", "evaluation of a one-word text (fixed cost)", fixed);
  std::printf("(checksum %lld)\n", sink);
}
