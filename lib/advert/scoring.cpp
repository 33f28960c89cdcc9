// Points per observation with diminishing returns and caps; category and overall scores.
#include "advert/scoring.hpp"

#include <algorithm>

namespace caretoolkit::advert {
namespace {

using rules::Observation;
using rules::Outcome;
using rules::Rule;
using rules::RuleKind;

// weight / 2^k rounded half up, in whole points.
int diminished(int weight, int k) {
  if (k >= 30) return 0;
  const long long divisor = 1LL << k;
  return static_cast<int>((2LL * weight + divisor) / (2 * divisor));
}

bool repeats(const Rule& rule) {
  switch (rule.kind) {
    case RuleKind::kTerms:
    case RuleKind::kSubstitute:
    case RuleKind::kReward:
    case RuleKind::kStyle:
      return true;
    case RuleKind::kMetric:
      return rule.metric == rules::Metric::kSentenceWords ||
             rule.metric == rules::Metric::kParagraphWords;
    case RuleKind::kPayFloor:
      return true;
    case RuleKind::kRequire:
    case RuleKind::kBalance:
      return false;
  }
  return false;
}

constexpr const char* kNotJudgedMessage =
    "Not judged: the advert hides this figure (\"****\", \"XX\", \"£xx.xx\"), as job boards and "
    "shared datasets do; the real advert will say it.";

std::string_view met_message(const Rule& rule) {
  if (rule.kind == RuleKind::kBalance) return "In balance.";
  return "Covered in the advert.";
}

// The findings' points are added up by category as they are made, indexed by the enum.
constexpr bool model_in_enum_order() {
  for (std::size_t c = 0; c < kCategoryModel.size(); ++c) {
    if (static_cast<std::size_t>(kCategoryModel[c].category) != c) return false;
  }
  return true;
}
static_assert(model_in_enum_order(), "kCategoryModel must list the categories in enum order");

}  // namespace

const char* grade_for(int score) {
  if (score >= 85) return "Excellent";
  if (score >= 70) return "Good";
  if (score >= 55) return "Fair";
  if (score >= 40) return "Weak";
  return "Poor";
}

void score(const rules::RuleSet& rule_set, rules::Evaluation& evaluation,
           const text::Document& document, Report& report) {
  const auto& all = rule_set.rules();
  // Occurrences so far and points so far, per rule, for diminishing returns and caps (kept per
  // thread: a check should allocate only for its report).
  thread_local std::vector<int> occurrences;
  thread_local std::vector<int> spent;
  occurrences.assign(all.size(), 0);
  spent.assign(all.size(), 0);
  // A rule's findings beyond kListedFindingsPerRule, gathered into one finding while its
  // observations (which come together) are read, and added when the next rule's begin.
  std::size_t listed_of_rule = 0;
  Finding unlisted;
  const auto add_unlisted = [&report, &unlisted] {
    if (unlisted.not_listed == 0) return;
    unlisted.detail = std::to_string(unlisted.not_listed) + " more, not listed one by one";
    report.findings.push_back(std::move(unlisted));
    unlisted = Finding{};
  };

  report.checked_text = std::make_shared<const std::string>(document.original());
  const std::string_view checked = *report.checked_text;
  report.findings.reserve(
      std::min(evaluation.observations.size(), all.size() * (kListedFindingsPerRule + 1)));
  for (std::size_t i = 0; i < evaluation.observations.size(); ++i) {
    Observation& o = evaluation.observations[i];
    const Rule& rule = all[o.rule];
    if (i == 0 || o.rule != evaluation.observations[i - 1].rule) {
      add_unlisted();
      listed_of_rule = 0;
    }
    Finding f;
    f.rule_id = rule.id;
    f.kind = rule.kind;
    f.category = rule.category;
    f.outcome = o.outcome;
    const bool settled = o.outcome == Outcome::kMet || o.outcome == Outcome::kNotJudged;
    f.severity = settled ? rules::Severity::kInfo : rule.severity;
    f.message = o.outcome == Outcome::kMet         ? met_message(rule)
                : o.outcome == Outcome::kNotJudged ? std::string_view(kNotJudgedMessage)
                                                   : std::string_view(rule.message);
    if (!settled) f.suggestion = rule.suggestion;
    f.replacement = rule.replacement;
    f.span = o.span;
    if (o.span) f.text = checked.substr(o.span->begin, o.span->end - o.span->begin);
    f.detail = std::move(o.detail);

    int points = 0;
    if (o.outcome == Outcome::kMet) {
      points = rule.reward;
    } else if (o.outcome == Outcome::kNotJudged) {
      points = 0;
    } else if (repeats(rule)) {
      const int wanted = diminished(rule.weight, occurrences[o.rule]++);
      points = std::min(wanted, rule.points_cap() - spent[o.rule]);
      spent[o.rule] += points;
      if (rule.kind != RuleKind::kReward) points = -points;
    } else {
      points = -rule.weight;
    }
    f.points = points;
    CategoryScore& category = report.categories[static_cast<std::size_t>(rule.category)];
    (points > 0 ? category.won : category.lost) += points;
    if (listed_of_rule < kListedFindingsPerRule) {
      ++listed_of_rule;
      report.findings.push_back(std::move(f));
    } else {
      if (unlisted.not_listed == 0) {  // the first one not listed gives the rule's fields
        unlisted = std::move(f);
        unlisted.span.reset();
        unlisted.text = {};
        unlisted.points = 0;
      }
      ++unlisted.not_listed;
      unlisted.points += points;
    }
  }
  add_unlisted();

  long long weighted = 0;
  for (std::size_t c = 0; c < kCategoryModel.size(); ++c) {
    CategoryScore& category = report.categories[c];
    category.category = kCategoryModel[c].category;
    category.weight = kCategoryModel[c].weight;
    category.base = kCategoryModel[c].base;
    const int raw = category.base + category.won + category.lost;
    category.score = std::clamp(raw, 0, 100);
    category.not_counted = raw - category.score;
    weighted += static_cast<long long>(category.weight) * category.score;
  }
  report.score = static_cast<int>((weighted + 50) / 100);
  report.grade = grade_for(report.score);
}

}  // namespace caretoolkit::advert
