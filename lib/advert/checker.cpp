// Analyse, evaluate, score, and say how much each finding needs a change.
#include "advert/checker.hpp"

#include "advert/scoring.hpp"
#include "advert/statistics.hpp"

namespace caretoolkit::advert {

Checker::Checker(const rules::RuleSet& rules, const text::Analyzer& analyzer,
                 const rules::AllowedTerms* allowed)
    : rules_(rules),
      analyzer_(analyzer),
      compiled_(rules, analyzer),
      scoring_(rules),
      allowed_(allowed) {}

struct CheckContext::State {
  text::Document document;
  text::AnalysisScratch analysis;
  rules::EvaluationScratch scratch;
  rules::Evaluation evaluation;
  // A provider's allowed terms are evaluated with a scratch of their own, so that the two
  // evaluations do not empty each other's word caches.
  rules::EvaluationScratch allowed_scratch;
  rules::Evaluation allowed_found;
  ScoringLedger ledger;
};

CheckContext::CheckContext() : state_(std::make_unique<State>()) {}
CheckContext::~CheckContext() = default;
CheckContext::CheckContext(CheckContext&&) noexcept = default;
CheckContext& CheckContext::operator=(CheckContext&&) noexcept = default;

Report Checker::check(std::string_view text, const CheckOptions& options) const {
  CheckContext context;
  return check(text, options, context);
}

Report Checker::check(std::string_view text, const CheckOptions& options,
                      CheckContext& context) const {
  CheckContext::State& state = *context.state_;
  text::Document& document = state.document;
  analyzer_.analyze(text, document, state.analysis);
  Report report;
  report.statistics = compute_statistics(document);
  const rules::MetricValues metrics = metric_values(report.statistics);

  rules::Evaluation& evaluation = state.evaluation;
  compiled_.evaluate(
      document, metrics,
      rules::EvaluationOptions{options.service, options.date.value_or(Date::today())},
      state.scratch, evaluation);
  if (allowed_ != nullptr) {
    allowed_->remove_allowed(rules_, document, evaluation, state.allowed_scratch,
                             state.allowed_found);
  }

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
  score(scoring_, evaluation, document, state.ledger, report);
  return report;
}

}  // namespace caretoolkit::advert
