// Compiling a RuleSet into one matcher, and evaluating every rule over one analysed advert.
#include "rules/compiled_rules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "rules/capitals.hpp"
#include "rules/evaluation_work.hpp"
#include "rules/job_titles.hpp"
#include "rules/pay_floor.hpp"

namespace caretoolkit::rules {
namespace {

using text::Document;
using text::Token;
using text::TokenKind;

std::string format_number(double value) {
  if (std::isinf(value)) return "no limit";
  // One decimal, as printf's "%.1f" rounds it (to_chars with a precision is specified so).
  char buffer[400];  // the largest double takes 309 digits
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
  std::string s(buffer, error == std::errc{} ? end : buffer);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

bool overlaps(std::uint32_t a_first, std::uint32_t a_end, std::uint32_t b_first,
              std::uint32_t b_end) {
  return a_first < b_end && b_first < a_end;
}

// Leftmost-longest, non-overlapping selection over hits in text order (hits with the same first
// token come shortest first, as the matcher emits them). Calls keep(first, end) for each choice.
template <typename Keep>
void select_longest(const TermHit* begin, const TermHit* end, Keep keep) {
  std::uint32_t covered_until = 0;
  bool any = false;
  for (const TermHit* hit = begin; hit != end;) {
    const std::uint32_t first = hit->first;
    std::uint32_t longest = hit->end;
    for (++hit; hit != end && hit->first == first; ++hit) longest = std::max(longest, hit->end);
    if (any && first < covered_until) continue;
    keep(first, longest);
    covered_until = longest;
    any = true;
  }
}

// The order of a class step's except words, for binary search: by length first, so that most
// comparisons need not read the words' bytes.
bool shorter_first(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Calls visit(t) in text order for each token that may be of TokenClass::kCapitalised, until it
// returns true; returns whether it did. Such a word starts with an ASCII capital (the matching
// pass lists these words) or with a character beyond ASCII (the pass lists such tokens among
// those that are not words of ASCII letters).
template <typename Visit>
bool for_each_capitalised_candidate(const MatchResult& match, Visit visit) {
  const std::uint32_t* capital = match.capitalised.begin();
  const std::uint32_t* const capitals_end = match.capitalised.end();
  const std::uint32_t* other = match.others.begin();
  const std::uint32_t* const others_end = match.others.end();
  while (capital != capitals_end || other != others_end) {
    std::uint32_t token = 0;
    if (other == others_end || (capital != capitals_end && *capital <= *other)) {
      token = *capital++;
      if (other != others_end && *other == token) ++other;  // on both lists
    } else {
      token = *other++;
    }
    if (visit(token)) return true;
  }
  return false;
}

// Appends an observation of `rule` to `out` and returns it, to be completed in place (a local
// moved in would be built, moved and destroyed for nothing).
Observation& observe(Evaluation& out, std::uint32_t rule, Outcome outcome) {
  Observation& o = out.observations.emplace_back();
  o.rule = rule;
  o.outcome = outcome;
  return o;
}

}  // namespace

text::Span span_of(const Document& document, std::uint32_t first, std::uint32_t end) {
  const auto tokens = document.tokens();
  return text::Span{tokens[first].span.begin, tokens[end - 1].span.end,
                    tokens[first].span.begin_utf16, tokens[end - 1].span.end_utf16};
}

CompiledRules::CompiledRules(const RuleSet& rules, const text::Analyzer& analyzer) : rules_(rules) {
  Matcher::Builder builder(analyzer);
  decoder_of_rule_.assign(rules.rules().size(), kNoTarget);
  targets_.resize(rules.rules().size());
  // Targets are numbered in rule order, so grouping hits by target also groups them by rule.
  const auto add_terms = [&](const std::vector<std::string>& terms, bool case_sensitive,
                             const std::string& where) {
    const std::uint32_t target = target_count_++;
    for (const auto& term : terms) builder.add(term, case_sensitive, target, where);
    return target;
  };
  std::map<std::string, std::uint32_t> named_lists;  // a word list's name -> its target
  const auto add_list = [&](const WordList& list, const std::string& where) {
    if (list.empty()) return kNoTarget;
    if (list.name.empty()) return add_terms(list.terms, false, where);
    const auto [at, inserted] = named_lists.emplace(list.name, target_count_);
    if (inserted) add_terms(list.terms, false, "word list \"" + list.name + "\"");
    return at->second;
  };
  // Steps that list the same terms share one target: a term found once serves them all.
  std::map<std::vector<std::string>, std::uint32_t> step_targets;
  const auto step_target = [&](const std::vector<std::string>& terms, const std::string& where) {
    const auto [it, added] = step_targets.try_emplace(terms, kNoTarget);
    if (added) it->second = add_terms(terms, false, where);
    return it->second;
  };
  // A class step's except words, folded as the words they are compared with.
  text::AnalysisScratch analysis;
  text::Document document;
  const auto folded_words = [&](const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& word : words) {
      analyzer.analyze(word, document, analysis);
      if (!document.tokens().empty()) out.emplace_back(document.tokens()[0].folded);
    }
    std::sort(out.begin(), out.end(), shorter_first);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const auto add_alternatives = [&](const std::vector<Alternative>& alternatives,
                                    const std::string& where) {
    std::vector<CompiledAlternative> out;
    for (const Alternative& alternative : alternatives) {
      CompiledAlternative& compiled = out.emplace_back();
      compiled.max_gap = alternative.max_gap;
      compiled.where = alternative.where;
      for (const PatternStep& step : alternative.steps) {
        if (step.token_class) {
          builder.need(*step.token_class);
          compiled.steps.push_back(CompiledStep{kNoTarget, step.token_class});
        } else {
          compiled.steps.push_back(CompiledStep{step_target(step.terms, where), std::nullopt});
        }
        compiled.excluded_words.push_back(folded_words(step.except));
      }
    }
    return out;
  };
  for (std::uint32_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    RuleTargets& targets = targets_[r];
    const std::string where = rule.pack + ": rule \"" + rule.id + "\"";
    targets.unless = add_alternatives(rule.unless, where);
    targets.only_with = add_alternatives(rule.only_with, where);
    switch (rule.kind) {
      case RuleKind::kTerms:
      case RuleKind::kSubstitute:
      case RuleKind::kReward:
        targets.terms = add_terms(rule.terms, rule.case_sensitive, where);
        if (!rule.except.empty())
          targets.except = add_terms(rule.except, rule.case_sensitive, where);
        targets.only_in_sentence = add_list(rule.context.only_in_sentences_with, where);
        targets.unless_in_sentence = add_list(rule.context.unless_in_sentences_with, where);
        for (const NearWords& near : rule.context.only_near) {
          targets.only_near.push_back(add_list(near.words, where));
        }
        for (const NearWords& near : rule.context.unless_near) {
          targets.unless_near.push_back(add_list(near.words, where));
        }
        targets.patterns = add_alternatives(rule.patterns, where);
        break;
      case RuleKind::kRequire:
        targets.any_of = add_alternatives(rule.any_of, where);
        targets.not_judged = add_alternatives(rule.not_judged, where);
        break;
      case RuleKind::kPayFloor:
        builder.need(TokenClass::kMoney);
        targets.per_hour = add_terms(rule.per_hour, false, where);
        if (!rule.hourly_before.empty())
          targets.hourly_before = add_terms(rule.hourly_before, false, where);
        targets.glued_units = glued_unit_forms(rule.per_hour);
        break;
      case RuleKind::kBalance:
        if (rule.method == BalanceMethod::kRatio) {
          targets.first = add_terms(rule.first.terms, false, where);
          targets.second = add_terms(rule.second.terms, false, where);
        } else {
          decoder_of_rule_[r] = static_cast<std::uint32_t>(decoders_.size());
          const GenderDecoder& decoder =
              decoders_.emplace_back(rule.first.prefixes, rule.second.prefixes);
          // The words the decoder must count, found in the same matching pass as the rest.
          targets.first = add_terms(decoder.stem_terms(), false, where);
        }
        break;
      case RuleKind::kMetric:
      case RuleKind::kStyle:
        break;
    }
  }
  matcher_ = builder.build();
  build_gates();
}

void CompiledRules::build_gates() {
  const auto& all = rules_.rules();
  gates_.resize(all.size());
  for (std::uint32_t r = 0; r < all.size(); ++r) {
    const Rule& rule = all[r];
    RuleGate& gate = gates_[r];
    gate.kind = rule.kind;
    gate.for_services = !rule.services.empty();
    gate.has_conditions = !rule.unless.empty() || !rule.only_with.empty();
    gate.has_context = rule.context.declared();
    gate.term_like = rule.kind == RuleKind::kTerms || rule.kind == RuleKind::kSubstitute ||
                     rule.kind == RuleKind::kReward;
    if (!gate.term_like) continue;
    gate.terms = targets_[r].terms;
    gate.heads_begin = static_cast<std::uint32_t>(pattern_heads_.size());
    for (const CompiledAlternative& pattern : targets_[r].patterns) {
      pattern_heads_.push_back(pattern.steps[0].target);
    }
    gate.heads_end = static_cast<std::uint32_t>(pattern_heads_.size());
  }
}

EvaluationScratch::EvaluationScratch() : work_(std::make_unique<EvaluationWork>()) {}
EvaluationScratch::~EvaluationScratch() = default;
EvaluationScratch::EvaluationScratch(EvaluationScratch&&) noexcept = default;
EvaluationScratch& EvaluationScratch::operator=(EvaluationScratch&&) noexcept = default;

inline CompiledRules::Hits CompiledRules::hits_of(std::uint32_t target,
                                                  const EvaluationWork& scratch) {
  if (target == kNoTarget) return {};
  const TermHit* base = scratch.by_target.data();
  return {base + scratch.target_begin[target], base + scratch.target_begin[target + 1]};
}

Evaluation CompiledRules::evaluate(const Document& document, const MetricValues& metrics,
                                   const EvaluationOptions& options,
                                   EvaluationScratch& scratch) const {
  Evaluation out;
  evaluate(document, metrics, options, scratch, out);
  return out;
}

// Inlined into evaluate(), which asks it of every term-like rule.
[[gnu::always_inline]] inline bool CompiledRules::may_find(const RuleGate& gate,
                                                           const EvaluationWork& scratch) const {
  const Hits terms = hits_of(gate.terms, scratch);
  if (terms.begin != terms.end) return true;
  // A pattern is found only where its first step is: a term step with no hits rules it out.
  for (std::uint32_t h = gate.heads_begin; h < gate.heads_end; ++h) {
    if (pattern_heads_[h] == kNoTarget) return true;
    const Hits first = hits_of(pattern_heads_[h], scratch);
    if (first.begin != first.end) return true;
  }
  return false;
}

// A counting sort on the matcher's counts, keeping text order within each target: target_begin[t]
// is set to where t's hits start, and placing them moves target_begin[t + 1] from there to where
// they end, which is where t + 1's start.
void CompiledRules::group_by_target(EvaluationWork& scratch) const {
  const std::vector<TermHit>& terms = scratch.match.terms;
  const std::uint32_t* const counts = scratch.match.target_hits.data();
  const std::uint32_t counted = matcher_.target_count();  // later targets have no terms
  scratch.target_begin.resize(target_count_ + 1);
  std::uint32_t* const begin = scratch.target_begin.data();
  std::uint32_t sum = 0;
  begin[0] = 0;
  for (std::uint32_t t = 0; t < counted; ++t) {
    begin[t + 1] = sum;
    sum += counts[t];
  }
  for (std::uint32_t t = counted; t < target_count_; ++t) begin[t + 1] = sum;
  scratch.by_target.resize(terms.size());
  TermHit* const grouped = scratch.by_target.data();
  std::uint32_t* const cursor = begin + 1;
  for (const TermHit& hit : terms) grouped[cursor[hit.target]++] = hit;
}

void CompiledRules::evaluate(const Document& document, const MetricValues& metrics,
                             const EvaluationOptions& options, EvaluationScratch& scratch_memory,
                             Evaluation& out) const {
  EvaluationWork& scratch = *scratch_memory.work_;
  out.observations.clear();
  out.balances.clear();
  out.gender.reset();
  matcher_.match(document, scratch.match);
  group_by_target(scratch);

  const auto& all = rules_.rules();
  for (std::uint32_t r = 0; r < all.size(); ++r) {
    // Most terms rules find nothing in a given advert: that is settled first, from the gate.
    const RuleGate& gate = gates_[r];
    if (gate.term_like && !may_find(gate, scratch)) continue;
    if (gate.for_services) {
      const std::vector<std::string>& services = all[r].services;
      if (std::find(services.begin(), services.end(), options.service) == services.end()) continue;
    }
    if (gate.has_conditions && !applies(r, scratch, document)) continue;
    switch (gate.kind) {
      case RuleKind::kTerms:
      case RuleKind::kSubstitute:
      case RuleKind::kReward:
        evaluate_terms(r, gate.has_context, scratch, document, out);
        break;
      case RuleKind::kPayFloor:
        evaluate_pay_floor(r, scratch, document, options.date, out);
        break;
      case RuleKind::kRequire:
        evaluate_require(r, scratch, document, out);
        break;
      case RuleKind::kMetric:
        evaluate_metric(r, document, metrics, out);
        break;
      case RuleKind::kBalance:
        evaluate_balance(r, scratch, document, out);
        break;
      case RuleKind::kStyle:
        evaluate_style(r, scratch, document, out);
        break;
    }
  }
}

bool CompiledRules::in_context(std::uint32_t rule_index, std::uint32_t first, std::uint32_t end,
                               const EvaluationWork& scratch, const Document& document) const {
  const RuleContext& context = rules_.rules()[rule_index].context;
  const RuleTargets& targets = targets_[rule_index];
  const auto tokens = document.tokens();
  const text::Sentence& sentence = document.sentences()[tokens[first].sentence];
  // Whether `target` has a hit starting in [from, to) that ends within the sentence and, when
  // `outside` is set, does not overlap the finding.
  const auto has_hit = [&](std::uint32_t target, std::uint32_t from, std::uint32_t to,
                           bool outside) {
    const Hits hits = hits_of(target, scratch);
    const TermHit* h =
        std::lower_bound(hits.begin, hits.end, from,
                         [](const TermHit& hit, std::uint32_t at) { return hit.first < at; });
    for (; h != hits.end && h->first < to; ++h) {
      if (h->end <= sentence.end_token && !(outside && overlaps(first, end, h->first, h->end))) {
        return true;
      }
    }
    return false;
  };
  const auto is_word = [&](std::uint32_t t) {
    return tokens[t].kind == TokenKind::kWord || tokens[t].kind == TokenKind::kNumber;
  };
  // Whether `target` has a hit within near.within words of the finding, on near.side.
  const auto near_hit = [&](const NearWords& near, std::uint32_t target) {
    if (near.side != Side::kAfter) {
      std::uint32_t from = first;
      for (std::uint32_t words = 0; from > sentence.first_token && words < near.within;) {
        if (is_word(--from)) ++words;
      }
      if (has_hit(target, from, first, true)) return true;
    }
    if (near.side != Side::kBefore) {
      std::uint32_t to = end;
      for (std::uint32_t words = 0; to < sentence.end_token && words < near.within; ++to) {
        if (is_word(to)) ++words;
      }
      if (has_hit(target, end, to, true)) return true;
    }
    return false;
  };
  if (targets.only_in_sentence != kNoTarget &&
      !has_hit(targets.only_in_sentence, sentence.first_token, sentence.end_token, false)) {
    return false;
  }
  if (targets.unless_in_sentence != kNoTarget &&
      has_hit(targets.unless_in_sentence, sentence.first_token, sentence.end_token, false)) {
    return false;
  }
  for (std::size_t n = 0; n < context.unless_near.size(); ++n) {
    if (near_hit(context.unless_near[n], targets.unless_near[n])) return false;
  }
  if (context.only_near.empty()) return true;
  for (std::size_t n = 0; n < context.only_near.size(); ++n) {
    if (near_hit(context.only_near[n], targets.only_near[n])) return true;
  }
  return false;
}

inline bool CompiledRules::may_occur(const CompiledAlternative& alternative,
                                     const EvaluationWork& scratch) {
  for (const CompiledStep& step : alternative.steps) {
    if (step.target == kNoTarget) continue;
    const Hits hits = hits_of(step.target, scratch);
    if (hits.begin == hits.end) return false;
  }
  return true;
}

template <typename Visit>
bool CompiledRules::for_each_occurrence(const CompiledAlternative& alternative,
                                        const EvaluationWork& scratch, const Document& document,
                                        bool one_sentence, Visit visit) const {
  if (!may_occur(alternative, scratch)) return false;
  const auto& classes = scratch.match.classes;
  const auto token_count = static_cast<std::uint32_t>(document.tokens().size());
  // Whether a class step's except words rule out the word at `token`.
  const auto excluded = [&](std::size_t s, std::uint32_t token) {
    const auto& words = alternative.excluded_words[s];
    return !words.empty() && std::binary_search(words.begin(), words.end(),
                                                document.tokens()[token].folded, shorter_first);
  };
  struct Found {
    std::uint32_t first, end;
  };
  // The first occurrence of step `s` starting in [from, from + gap], or nullopt.
  const auto next_step = [&](std::size_t s, std::uint32_t from,
                             std::uint32_t gap) -> std::optional<Found> {
    // Both lists are in text order: start at the first hit at or after `from`.
    const CompiledStep& step = alternative.steps[s];
    if (step.token_class == TokenClass::kCapitalised) {
      for (std::uint32_t t = from; t < token_count && t - from <= gap; ++t) {
        if (is_capitalised_word(document, t) && !excluded(s, t)) return Found{t, t + 1};
      }
      return std::nullopt;
    }
    if (step.token_class) {
      auto c =
          std::lower_bound(classes.begin(), classes.end(), from,
                           [](const ClassHit& hit, std::uint32_t at) { return hit.first < at; });
      for (; c != classes.end() && c->first - from <= gap; ++c) {
        if (c->token_class == *step.token_class && !excluded(s, c->first)) {
          return Found{c->first, c->end};
        }
      }
      return std::nullopt;
    }
    const Hits hits = hits_of(step.target, scratch);
    const TermHit* h =
        std::lower_bound(hits.begin, hits.end, from,
                         [](const TermHit& hit, std::uint32_t at) { return hit.first < at; });
    if (h != hits.end && h->first - from <= gap) return Found{h->first, h->end};
    return std::nullopt;
  };
  // Chains the earliest next steps from an occurrence of the first step.
  const auto tokens = document.tokens();
  const Where where = alternative.where;
  const ByteRange title = where == Where::kTitle ? title_of(document) : ByteRange{0, 0};
  const auto try_from = [&](std::uint32_t first, std::uint32_t end) {
    if (where == Where::kTitle &&
        !(tokens[first].span.begin >= title.begin && tokens[first].span.end <= title.end)) {
      return false;
    }
    std::uint32_t last_end = end;
    for (std::size_t s = 1; s < alternative.steps.size(); ++s) {
      const auto next = next_step(s, last_end, alternative.max_gap);
      if (!next) return false;
      last_end = next->end;
    }
    if (one_sentence && tokens[last_end - 1].sentence != tokens[first].sentence) return false;
    if (where == Where::kTitle && tokens[last_end - 1].span.end > title.end) return false;
    return static_cast<bool>(visit(first, last_end));
  };
  const CompiledStep& head = alternative.steps[0];
  if (head.token_class == TokenClass::kCapitalised) {
    return for_each_capitalised_candidate(scratch.match, [&](std::uint32_t t) {
      return is_capitalised_word(document, t) && !excluded(0, t) && try_from(t, t + 1);
    });
  } else if (head.token_class) {
    for (const ClassHit& c : classes) {
      if (c.token_class == *head.token_class && !excluded(0, c.first) && try_from(c.first, c.end)) {
        return true;
      }
    }
  } else {
    const Hits hits = hits_of(head.target, scratch);
    for (const TermHit* h = hits.begin; h != hits.end; ++h) {
      if (try_from(h->first, h->end)) return true;
    }
  }
  return false;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> CompiledRules::first_of(
    const std::vector<CompiledAlternative>& alternatives, const EvaluationWork& scratch,
    const Document& document) const {
  std::optional<std::pair<std::uint32_t, std::uint32_t>> found;
  for (const CompiledAlternative& alternative : alternatives) {
    if (!may_occur(alternative, scratch)) continue;  // settled without a walk, as most are
    const bool any = for_each_occurrence(alternative, scratch, document, false,
                                         [&](std::uint32_t first, std::uint32_t end) {
                                           found.emplace(first, end);
                                           return true;
                                         });
    if (any) return found;
  }
  return std::nullopt;
}

bool CompiledRules::applies(std::uint32_t rule, const EvaluationWork& scratch,
                            const Document& document) const {
  const RuleTargets& targets = targets_[rule];
  if (!targets.unless.empty() && first_of(targets.unless, scratch, document)) return false;
  return targets.only_with.empty() || first_of(targets.only_with, scratch, document);
}

void CompiledRules::evaluate_terms(std::uint32_t rule, bool has_context, EvaluationWork& scratch,
                                   const Document& document, Evaluation& out) const {
  Hits terms = hits_of(targets_[rule].terms, scratch);
  const Hits except = hits_of(targets_[rule].except, scratch);
  if (!targets_[rule].patterns.empty()) {
    // The patterns' occurrences join the term hits, in the order select_longest reads them.
    auto& candidates = scratch.candidates;
    candidates.assign(terms.begin, terms.end);
    for (const CompiledAlternative& pattern : targets_[rule].patterns) {
      for_each_occurrence(pattern, scratch, document, true,
                          [&](std::uint32_t first, std::uint32_t end) {
                            candidates.push_back(TermHit{0, first, end});
                            return false;
                          });
    }
    std::sort(candidates.begin(), candidates.end(), [](const TermHit& a, const TermHit& b) {
      return a.first != b.first ? a.first < b.first : a.end < b.end;
    });
    terms = Hits{candidates.data(), candidates.data() + candidates.size()};
  }
  select_longest(terms.begin, terms.end, [&](std::uint32_t first, std::uint32_t end) {
    for (const TermHit* e = except.begin; e != except.end; ++e) {
      if (overlaps(first, end, e->first, e->end)) return;
    }
    if (has_context && !in_context(rule, first, end, scratch, document)) return;
    observe(out, rule, Outcome::kFound).span = span_of(document, first, end);
  });
}

void CompiledRules::evaluate_require(std::uint32_t rule_index, const EvaluationWork& scratch,
                                     const Document& document, Evaluation& out) const {
  const RuleTargets& targets = targets_[rule_index];
  if (const auto met = first_of(targets.any_of, scratch, document)) {
    observe(out, rule_index, Outcome::kMet).span = span_of(document, met->first, met->second);
    return;
  }
  if (const auto hidden = first_of(targets.not_judged, scratch, document)) {
    Observation& o = observe(out, rule_index, Outcome::kNotJudged);
    o.span = span_of(document, hidden->first, hidden->second);
    o.detail = "the figure is hidden";
    return;
  }
  observe(out, rule_index, Outcome::kUnmet);
}

void CompiledRules::evaluate_metric(std::uint32_t rule_index, const Document& document,
                                    const MetricValues& metrics, Evaluation& out) const {
  const Rule& rule = rules_.rules()[rule_index];
  const double low = rule.min.value_or(-std::numeric_limits<double>::infinity());
  const double high = rule.max.value_or(std::numeric_limits<double>::infinity());
  const auto report = [&](double value, std::optional<text::Span> span, std::string_view unit) {
    if (value >= low && value <= high) return;
    Observation& o = observe(out, rule_index, Outcome::kFound);
    o.span = span;
    o.value = value;
    o.detail = format_number(value);
    o.detail += unit;
    o.detail +=
        value < low ? " (at least " + format_number(low) : " (at most " + format_number(high);
    o.detail += ")";
  };
  // Readability formulas say nothing about an empty text.
  if (metrics.words == 0 && rule.metric != Metric::kWords) return;
  switch (rule.metric) {
    case Metric::kReadingEase:
      report(metrics.reading_ease, std::nullopt, "");
      break;
    case Metric::kGradeLevel:
      report(metrics.grade_level, std::nullopt, "");
      break;
    case Metric::kAverageSentenceWords:
      report(metrics.average_sentence_words, std::nullopt, " words a sentence");
      break;
    case Metric::kLongestSentenceWords:
      report(metrics.longest_sentence_words, std::nullopt, " words");
      break;
    case Metric::kWords:
      report(metrics.words, std::nullopt, " words");
      break;
    case Metric::kSentenceWords:
      for (const auto& sentence : document.sentences()) {
        report(sentence.words, sentence.span, " words");
      }
      break;
    case Metric::kParagraphWords:
      for (const auto& paragraph : document.paragraphs()) {
        report(paragraph.words, paragraph.span, " words");
      }
      break;
  }
}

void CompiledRules::evaluate_balance(std::uint32_t rule_index, EvaluationWork& scratch,
                                     const Document& document, Evaluation& out) const {
  const Rule& rule = rules_.rules()[rule_index];
  if (rule.method == BalanceMethod::kGenderDecoder) {
    evaluate_gender(rule_index, scratch, document, out);
    return;
  }
  BalanceCount count{rule_index, 0, 0};
  const Hits first = hits_of(targets_[rule_index].first, scratch);
  const Hits second = hits_of(targets_[rule_index].second, scratch);
  select_longest(first.begin, first.end, [&](std::uint32_t, std::uint32_t) { ++count.first; });
  select_longest(second.begin, second.end, [&](std::uint32_t, std::uint32_t) { ++count.second; });
  const double ratio = count.second == 0
                           ? (count.first > 0 ? std::numeric_limits<double>::infinity() : 0.0)
                           : static_cast<double>(count.first) / count.second;
  const Outcome outcome = std::cmp_less(count.second, rule.min_second)
                              ? Outcome::kNotJudged
                              : (ratio >= rule.min_ratio ? Outcome::kMet : Outcome::kUnmet);
  Observation& o = observe(out, rule_index, outcome);
  o.value = ratio;
  o.detail = rule.first.label + " " + std::to_string(count.first) + ", " + rule.second.label + " " +
             std::to_string(count.second);
  out.balances.push_back(count);
}

namespace {

// Removes from `coding` the words inside job titles (found into `titles`, scratch space) and
// recounts its verdict; returns how many word counts it removed.
int drop_title_words(GenderCoding& coding, const text::Document& document,
                     const IndexList& capitalised, const std::vector<std::string>& title_words,
                     std::vector<ByteRange>& titles) {
  titles.clear();
  find_job_titles(document, capitalised, title_words, titles);
  if (titles.empty()) return 0;
  int dropped = 0;
  std::erase_if(coding.words, [&](const CodedWord& word) {
    const bool in_title = std::any_of(titles.begin(), titles.end(), [&](const ByteRange& title) {
      return title.contains(word.begin, word.end);
    });
    if (!in_title) return false;
    (word.masculine ? coding.masculine : coding.feminine) -= word.count;
    dropped += word.count;
    return true;
  });
  coding.verdict = GenderDecoder::verdict(coding.feminine, coding.masculine);
  return dropped;
}

const std::string kNoCodedWords = "No gender-coded words.";

}  // namespace

void CompiledRules::evaluate_gender(std::uint32_t rule_index, EvaluationWork& scratch,
                                    const Document& document, Evaluation& out) const {
  const Rule& rule = rules_.rules()[rule_index];
  const Hits candidates = hits_of(targets_[rule_index].first, scratch);
  GenderCoding coding = decoders_[decoder_of_rule_[rule_index]].decode(
      document, std::span<const TermHit>(candidates.begin, candidates.end),
      std::span<const std::uint32_t>(scratch.match.others.begin(), scratch.match.others.end()));
  const int in_titles = drop_title_words(coding, document, scratch.match.capitalised,
                                         rule.title_words, scratch.titles);
  // The verdict decides the finding: balanced is met; a lean towards a side is met with that
  // side's words, unless the side is penalised and the lean exceeds max_difference.
  const int difference = coding.feminine - coding.masculine;
  const BalanceSide& side = difference > 0 ? rule.first : rule.second;
  const bool penalised =
      difference != 0 && side.penalised && std::abs(difference) > rule.max_difference;
  Observation& o = observe(out, rule_index, penalised ? Outcome::kUnmet : Outcome::kMet);
  o.value = difference;
  if (difference != 0) {
    o.message = side.message.empty() ? &rule.message : &side.message;
  } else if (coding.feminine == 0) {
    o.message = &kNoCodedWords;
  }
  o.detail = coding.verdict + ": " + rule.first.label + " " + std::to_string(coding.feminine) +
             ", " + rule.second.label + " " + std::to_string(coding.masculine);
  if (in_titles > 0) o.detail += " (" + std::to_string(in_titles) + " in job titles not counted)";
  if (!out.gender) out.gender = std::move(coding);
}

void CompiledRules::evaluate_style(std::uint32_t rule_index, EvaluationWork& scratch,
                                   const Document& document, Evaluation& out) const {
  const Rule& rule = rules_.rules()[rule_index];
  const auto tokens = document.tokens();
  const auto found = [&](std::uint32_t first, std::uint32_t end, std::string detail) {
    Observation& o = observe(out, rule_index, Outcome::kFound);
    o.span = span_of(document, first, end);
    o.detail = std::move(detail);
  };
  // Each check reads only the candidates the matching pass listed; a run is consecutive tokens
  // that all qualify.
  switch (rule.check) {
    case StyleCheck::kExclamationMarks: {
      int seen = 0;
      for (const std::uint32_t i : scratch.match.punctuation) {
        const auto text = document.text(tokens[i].span);
        const auto marks = static_cast<int>(std::count(text.begin(), text.end(), '!'));
        if (marks == 0) continue;
        seen += marks;
        if (seen > rule.max_count) found(i, i + 1, std::to_string(seen) + " so far");
      }
      break;
    }
    case StyleCheck::kCapitals: {
      std::vector<ShoutRun>& runs = scratch.shout_runs;
      runs.clear();
      find_shouting(document, scratch.match.capitalised, rule, runs);
      for (const ShoutRun& run : runs) {
        found(run.first, run.end,
              run.whole_sentence ? "a whole sentence in capitals"
              : run.counted >= rule.min_words
                  ? std::to_string(run.counted) + " words in capitals in a row"
                  : "a word written in capitals to press");
      }
      break;
    }
    case StyleCheck::kRepeatedPunctuation: {
      const auto& marks = scratch.match.punctuation;
      std::size_t c = 0;
      while (c < marks.size()) {
        const std::uint32_t first = marks[c++];
        std::uint32_t end = first + 1;
        while (c < marks.size() && marks[c] == end &&
               tokens[end].span.begin == tokens[end - 1].span.end) {
          ++end;
          ++c;
        }
        const auto run = document.text(span_of(document, first, end));
        const bool bangs = run.size() >= 2 && run.find_first_not_of("!?") == std::string_view::npos;
        const bool same =
            run.size() >= 2 && run.find_first_not_of(run[0]) == std::string_view::npos &&
            (run[0] == ',' || run[0] == ';' || run[0] == ':' || (run[0] == '.' && run.size() >= 4));
        if (bangs || same) found(first, end, std::string(run));
      }
      break;
    }
  }
}

void CompiledRules::evaluate_pay_floor(std::uint32_t rule_index, EvaluationWork& scratch,
                                       const Document& document, Date date, Evaluation& out) const {
  const Rule& rule = rules_.rules()[rule_index];
  const DatedRate* in_force = rate_in_force(rule, date);
  if (in_force == nullptr) return;  // the table starts after the check date
  const DatedRate& floor = *in_force;
  const RuleTargets& targets = targets_[rule_index];
  find_amounts(document, scratch.match, targets.glued_units, scratch.amounts, scratch.ranges);
  const Hits per_hour = hits_of(targets.per_hour, scratch);
  const Hits before = hits_of(targets.hourly_before, scratch);
  const auto unit_follows = [&](std::uint32_t end) {
    const TermHit* h =
        std::lower_bound(per_hour.begin, per_hour.end, end,
                         [](const TermHit& hit, std::uint32_t at) { return hit.first < at; });
    return h != per_hour.end && h->first - end <= rule.max_gap;
  };
  const auto rate_word_precedes = [&](std::uint32_t first) {
    for (const TermHit* h = before.begin; h != before.end && h->first < first; ++h) {
      if (h->end <= first && first - h->end <= rule.max_gap) return true;
    }
    return false;
  };
  for (const AmountRange& range : scratch.ranges) {
    const Amount& head = scratch.amounts[range.begin];
    const Amount& last = scratch.amounts[range.end - 1];
    if (!last.glued_unit && !unit_follows(last.end) && !rate_word_precedes(head.first)) continue;
    for (std::size_t k = range.begin; k < range.end; ++k) {
      const Amount& amount = scratch.amounts[k];
      // Far below the floor is an addition to pay ("£1 an hour more at weekends"), not a rate.
      if (amount.value >= floor.hourly || 2 * amount.value.value < floor.hourly.value) continue;
      Observation& o = observe(out, rule_index, Outcome::kFound);
      o.span = span_of(document, amount.first, amount.end);
      o.value = static_cast<double>(amount.value.value) / 100;
      o.detail = pounds_text(amount.value) + " an hour is below " + pounds_text(floor.hourly) +
                 ", the rate from " + long_date(floor.from) + " (checked for " + long_date(date) +
                 ")";
    }
  }
}

}  // namespace caretoolkit::rules
