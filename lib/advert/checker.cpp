// Analyse, evaluate, score, and say how much each finding needs a change.
#include "advert/checker.hpp"

#include "advert/priority.hpp"
#include "advert/scoring.hpp"
#include "advert/statistics.hpp"

namespace caretoolkit::advert {

Checker::Checker(const rules::RuleSet& rules, const text::Analyzer& analyzer,
                 const rules::AllowedTerms* allowed)
    : rules_(rules), analyzer_(analyzer), compiled_(rules, analyzer), allowed_(allowed) {}

Report Checker::check(std::string_view text, const CheckOptions& options) const {
  // The document and the matching scratch space are reused per thread, so a steady caller
  // allocates per advert only for the report itself.
  thread_local text::Document document;
  analyzer_.analyze(text, document);
  Report report;
  report.statistics = compute_statistics(document);
  const rules::MetricValues metrics = metric_values(report.statistics);

  thread_local rules::EvaluationScratch scratch;
  thread_local rules::Evaluation evaluation;
  compiled_.evaluate(
      document, metrics,
      rules::EvaluationOptions{options.service, options.date.value_or(Date::today())}, scratch,
      evaluation);
  if (allowed_ != nullptr) allowed_->remove_allowed(rules_, document, evaluation);

  for (const auto& count : evaluation.balances) {
    const rules::Rule& rule = rules_.rules()[count.rule];
    BalanceStatistic b{rule.id,           rule.first.label, count.first,
                       rule.second.label, count.second,     std::nullopt};
    if (count.second > 0) b.ratio = static_cast<double>(count.first) / count.second;
    if (!report.statistics.you_we && rule.first.label == "you") report.statistics.you_we = b;
    report.statistics.balances.push_back(std::move(b));
  }
  report.gender = std::move(evaluation.gender);
  report.rules_version = rules_.version();
  report.rules_hash = rules_.content_hash();
  report.role = options.role;
  report.service = options.service;
  score(rules_, evaluation, document, report);
  assign_priorities(report.findings);
  return report;
}

}  // namespace caretoolkit::advert
