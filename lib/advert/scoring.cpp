// Points per observation with diminishing returns, caps, a per-sentence limit on values words and
// metric penalties that grow with the distance; category scores, the overall score and its cap.
#include "advert/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "advert/fixes.hpp"
#include "advert/priority.hpp"

namespace caretoolkit::advert {
namespace {

using rules::Observation;
using rules::Outcome;
using rules::Rule;
using rules::RuleKind;

// weight / 2^k rounded half up, in whole points (weight >= 0: a shift does the division).
int diminished(int weight, int k) {
  if (k >= 30) return 0;
  return static_cast<int>(((2LL * weight) + (1LL << k)) >> (k + 1));
}

bool repeats(const Rule& rule) {
  switch (rule.kind) {
    case RuleKind::kTerms:
    case RuleKind::kSubstitute:
    case RuleKind::kReward:
    case RuleKind::kStyle:
    case RuleKind::kPayFloor:  // each amount below the floor is a finding
      return true;
    case RuleKind::kMetric:
      return rule.metric == rules::Metric::kSentenceWords ||
             rule.metric == rules::Metric::kParagraphWords;
    case RuleKind::kRequire:
    case RuleKind::kBalance:
      return false;
  }
  return false;
}

constexpr const char* kNotJudgedMessage =
    "Not judged: the advert hides this figure (\"****\", \"XX\", \"£xx.xx\"), as job boards and "
    "shared datasets do; the real advert will say it.";

constexpr const char* kTooFewMessage =
    "Not judged: the advert is too short to weigh one set of words against the other.";

std::string_view not_judged_message(RuleKind kind) {
  return kind == RuleKind::kBalance ? kTooFewMessage : kNotJudgedMessage;
}

std::string_view met_message(RuleKind kind) {
  if (kind == RuleKind::kBalance) return "In balance.";
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

// The index of the sentence holding byte `offset`, or sentences.size() when none does.
std::size_t sentence_at(std::span<const text::Sentence> sentences, std::size_t offset) {
  const auto after =
      std::upper_bound(sentences.begin(), sentences.end(), offset,
                       [](std::size_t o, const text::Sentence& s) { return o < s.span.begin; });
  if (after == sentences.begin()) return sentences.size();
  const auto index = static_cast<std::size_t>(after - sentences.begin()) - 1;
  return offset < sentences[index].span.end ? index : sentences.size();
}

// The points of one observation, signed (won positive, lost negative), with the ledger updated.
// Sets `limited` when the values limit of the sentence took some of them.
int points_of(const ScoringRules::Card& rule, const Observation& o, const text::Document& document,
              ScoringLedger& ledger, bool& limited) {
  limited = false;
  if (o.outcome == Outcome::kMet) return rule.reward;
  if (o.outcome == Outcome::kNotJudged) return 0;
  if (!rule.repeats) {
    return -(rule.kind == RuleKind::kMetric ? std::min(metric_points(*rule.rule, o.value), rule.cap)
                                            : rule.weight);
  }
  const int base =
      rule.kind == RuleKind::kMetric ? metric_points(*rule.rule, o.value) : rule.weight;
  const int wanted = diminished(base, ledger.occurrences[o.rule]++);
  int points = std::min(wanted, rule.cap - ledger.spent[o.rule]);
  if (rule.kind == RuleKind::kReward && rule.category == rules::Category::kValues && o.span) {
    const std::size_t sentence = sentence_at(document.sentences(), o.span->begin);
    if (sentence < ledger.values_won.size()) {
      const int room = kValuePointsPerSentence - ledger.values_won[sentence];
      limited = points > room;
      points = std::min(points, room);
      ledger.values_won[sentence] += points;
    }
  }
  ledger.spent[o.rule] += points;
  return rule.kind == RuleKind::kReward ? points : -points;
}

// The detail of a finding whose points the sentence's values limit reduced.
std::string values_limit_detail() {
  return "at most " + std::to_string(kValuePointsPerSentence) +
         " points for values words in one sentence";
}

// Fills `f` from its rule, its observation and the points it was given.
void fill_finding(const ScoringRules::Card& rule, Observation& o, std::string_view checked,
                  int points, bool limited, Finding& f) {
  f.rule_id = rule.id;
  f.kind = rule.kind;
  f.category = rule.category;
  f.outcome = o.outcome;
  // Met and not judged are settled: information, with nothing to suggest. So is a metric finding
  // worth nothing (just past its threshold).
  const bool settled = o.outcome == Outcome::kMet || o.outcome == Outcome::kNotJudged;
  const bool worthless_metric = rule.kind == RuleKind::kMetric && points == 0;
  f.severity = settled || worthless_metric ? rules::Severity::kInfo : rule.severity;
  f.message = o.message != nullptr               ? std::string_view(*o.message)
              : o.outcome == Outcome::kMet       ? met_message(rule.kind)
              : o.outcome == Outcome::kNotJudged ? not_judged_message(rule.kind)
                                                 : rule.message;
  if (!settled) f.suggestion = rule.suggestion;
  f.replacement = rule.replacement;
  f.guidance = rule.guidance;
  f.span = o.span;
  if (o.span) f.text = checked.substr(o.span->begin, o.span->end - o.span->begin);
  if (rule.kind == RuleKind::kSubstitute)
    f.edit = safe_edit(*rule.rule, f);  // only they have edits
  f.detail = limited ? values_limit_detail() : std::move(o.detail);
  f.points = points;
}

// Lists findings, each built in place in the report, gathering each rule's findings after its
// first kListedFindingsPerRule into one that stands for them. Observations come grouped by rule.
class FindingList {
 public:
  FindingList(std::vector<Finding>& out, std::string_view checked) : out_(out), checked_(checked) {}

  void add(const ScoringRules::Card& rule, Observation& o, int points, bool limited) {
    if (!started_ || o.rule != rule_) {
      flush();
      started_ = true;
      rule_ = o.rule;
      listed_ = 0;
    }
    if (listed_ < kListedFindingsPerRule) {
      ++listed_;
      Finding& f = out_.emplace_back();
      fill_finding(rule, o, checked_, points, limited, f);
      f.priority = priority_of(f);
      return;
    }
    if (unlisted_.not_listed == 0) {  // the first one not listed gives the rule's fields
      fill_finding(rule, o, checked_, points, false, unlisted_);
      unlisted_.span.reset();
      unlisted_.edit.reset();
      unlisted_.text = {};
      unlisted_.points = 0;
    }
    unlisted_.points += points;
    ++unlisted_.not_listed;
  }

  void flush() {
    if (unlisted_.not_listed == 0) return;
    unlisted_.detail = std::to_string(unlisted_.not_listed) + " more, not listed one by one";
    unlisted_.priority = priority_of(unlisted_);
    out_.push_back(std::move(unlisted_));
    unlisted_ = Finding{};
  }

 private:
  std::vector<Finding>& out_;
  std::string_view checked_;
  bool started_ = false;
  std::uint32_t rule_ = 0;
  std::size_t listed_ = 0;
  Finding unlisted_;
};

// Category scores from their findings' points, then the overall score, its cap and the grade.
void total(Report& report) {
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
  for (const Finding& f : report.findings) {
    if (f.severity == rules::Severity::kCritical && f.points < 0) {
      report.cap = ScoreCap{f.rule_id, kCriticalScoreCap, report.score};
      report.score = std::min(report.score, kCriticalScoreCap);
      break;
    }
  }
  report.grade = grade_for(report.score);
}

}  // namespace

const char* grade_for(int score) {
  if (score >= 85) return "Excellent";
  if (score >= 70) return "Good";
  if (score >= 55) return "Fair";
  if (score >= 40) return "Weak";
  return "Poor";
}

int metric_points(const rules::Rule& rule, double value) {
  double distance = 0;
  double threshold = 0;
  if (rule.min && value < *rule.min) {
    distance = *rule.min - value;
    threshold = *rule.min;
  } else if (rule.max && value > *rule.max) {
    distance = value - *rule.max;
    threshold = *rule.max;
  } else {
    return 0;
  }
  const double band = std::max(1.0, std::abs(threshold) * kMetricBandPercent / 100.0);
  const double points = std::floor(rule.weight * distance / band + 0.5);
  return points >= 1000.0 ? 1000 : static_cast<int>(points);
}

void ScoringLedger::reset(std::size_t rules, std::size_t sentences) {
  occurrences.assign(rules, 0);
  spent.assign(rules, 0);
  values_won.assign(sentences, 0);
}

ScoringRules::ScoringRules(const rules::RuleSet& rules) {
  cards_.reserve(rules.rules().size());
  for (const Rule& rule : rules.rules()) {
    Card& card = cards_.emplace_back();
    card.id = rule.id;
    card.message = rule.message;
    card.suggestion = rule.suggestion;
    card.replacement = rule.replacement;
    card.guidance = rule.guidance;
    card.rule = &rule;
    card.weight = rule.weight;
    card.cap = rule.points_cap();
    card.reward = rule.reward;
    card.kind = rule.kind;
    card.category = rule.category;
    card.severity = rule.severity;
    card.repeats = repeats(rule);
  }
}

void score(const ScoringRules& all, rules::Evaluation& evaluation, const text::Document& document,
           ScoringLedger& ledger, Report& report) {
  ledger.reset(all.size(), document.sentences().size());

  report.checked_text = std::make_shared<const std::string>(document.original());
  const std::string_view checked = *report.checked_text;
  report.findings.reserve(
      std::min(evaluation.observations.size(), all.size() * (kListedFindingsPerRule + 1)));
  FindingList list(report.findings, checked);
  for (Observation& o : evaluation.observations) {
    const ScoringRules::Card& rule = all[o.rule];
    bool limited = false;
    const int points = points_of(rule, o, document, ledger, limited);
    CategoryScore& category = report.categories[static_cast<std::size_t>(rule.category)];
    (points > 0 ? category.won : category.lost) += points;
    list.add(rule, o, points, limited);
  }
  list.flush();
  total(report);
}

}  // namespace caretoolkit::advert
