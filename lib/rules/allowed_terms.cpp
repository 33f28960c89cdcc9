// Allowed terms as rules of their own, evaluated over the advert's document after the checker's
// rules: their findings are where the terms occur (and where they are explained).
#include "rules/allowed_terms.hpp"

#include <algorithm>

namespace caretoolkit::rules {
namespace {

Rule occurrence_rule(const AllowedTerm& term, std::size_t index, std::string_view suffix = "") {
  Rule rule;
  // Written piece by piece: "literal" + std::string trips a false -Wrestrict in GCC 12.
  rule.id = "allowed.";
  rule.id.append(std::to_string(index + 1)).append(suffix);
  rule.kind = RuleKind::kTerms;
  rule.message = "An allowed term.";
  rule.source = "Your checker settings";
  rule.pack = "allowed";
  rule.terms = {term.term};
  return rule;
}

Rule explained_rule(const AllowedTerm& term, std::size_t index) {
  Rule rule = occurrence_rule(term, index, ".explained");
  NearWords near;
  near.words.terms.assign(kExplanationWords.begin(), kExplanationWords.end());
  near.within = kExplanationWithin;
  near.side = Side::kAfter;
  rule.context.only_near.push_back(std::move(near));
  return rule;
}

RuleSet allowed_rule_set(const std::vector<AllowedTerm>& terms) {
  RulePack pack{.name = "allowed",
                .version = "1",
                .description = "A provider's allowed terms.",
                .guidance = {},
                .file = "allowed terms",
                .content_hash = {},
                .word_lists = {},
                .rules = {}};
  for (std::size_t i = 0; i < terms.size(); ++i) {
    pack.rules.push_back(occurrence_rule(terms[i], i));
    if (terms[i].where == AllowedWhere::kExplained) {
      pack.rules.push_back(explained_rule(terms[i], i));
    }
  }
  for (std::size_t i = 0; i < pack.rules.size(); ++i) pack.rules[i].index_in_pack = i;
  std::vector<RulePack> packs;
  packs.push_back(std::move(pack));
  return RuleSet::from_packs(std::move(packs));
}

bool overlaps(const text::Span& a, const text::Span& b) {
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

AllowedTerms::AllowedTerms(const std::vector<AllowedTerm>& terms, const text::Analyzer& analyzer)
    : rules_(allowed_rule_set(terms)) {
  std::uint32_t index = 0;
  for (const AllowedTerm& term : terms) {
    Compiled compiled{index++, -1};
    if (term.where == AllowedWhere::kExplained) compiled.explained = index++;
    terms_.push_back(compiled);
  }
  if (!terms_.empty()) compiled_ = std::make_unique<CompiledRules>(rules_, analyzer);
}

void AllowedTerms::remove_allowed(const RuleSet& rules, const text::Document& document,
                                  Evaluation& evaluation, EvaluationScratch& scratch,
                                  Evaluation& found) const {
  if (terms_.empty()) return;
  compiled_->evaluate(document, MetricValues{}, EvaluationOptions{}, scratch, found);
  std::vector<bool> explained(rules_.rules().size(), false);
  for (const Observation& o : found.observations) explained[o.rule] = true;
  // The spans of the occurrences that count: every term allowed everywhere, and the terms
  // allowed where explained in an advert that explains them.
  std::vector<bool> counts(rules_.rules().size(), false);
  for (const Compiled& term : terms_) {
    counts[term.occurrences] =
        term.explained < 0 || explained[static_cast<std::size_t>(term.explained)];
  }
  std::vector<text::Span> covered;
  for (const Observation& o : found.observations) {
    if (counts[o.rule] && o.span) covered.push_back(*o.span);
  }
  if (covered.empty()) return;
  std::erase_if(evaluation.observations, [&](const Observation& o) {
    const Rule& rule = rules.rules()[o.rule];
    if (o.outcome != Outcome::kFound || !o.span || rule.pack == kHousePackName) return false;
    if (rule.kind != RuleKind::kTerms && rule.kind != RuleKind::kSubstitute) return false;
    return std::any_of(covered.begin(), covered.end(),
                       [&](const text::Span& span) { return overlaps(span, *o.span); });
  });
}

}  // namespace caretoolkit::rules
