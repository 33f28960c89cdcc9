// A RuleSet compiled for checking adverts: every term-like rule (terms, substitute, reward, the
// term sets of require and balance rules) in one Matcher, the Gender Decoder lists in their own
// trie (and as stems in the Matcher, which finds the words they must count), and per-rule tables
// so that evaluating an advert is one matching pass plus a walk over what it found.
//
// Evaluation reports observations: what each rule saw (a term found, an essential met or not, a
// threshold crossed), with spans. It assigns no points; lib/advert does the scoring.
//
// Thread safety: immutable after construction; evaluate() may run on many threads at once, each
// with its own EvaluationScratch.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "rules/gender_decoder.hpp"
#include "rules/matcher.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

enum class Outcome : std::uint8_t {
  kFound,      // a term, style problem or metric over its threshold was found at `span`
  kMet,        // a require or balance rule is satisfied (span: the evidence, when there is one)
  kUnmet,      // a require or balance rule is not satisfied
  kNotJudged,  // a require rule is not met, but the figure it needs is hidden (span: where)
};

struct Observation {
  std::uint32_t rule = 0;  // index into RuleSet::rules()
  Outcome outcome = Outcome::kFound;
  std::optional<text::Span> span;
  double value = 0;    // metric: the value; balance: the ratio or the difference
  std::string detail;  // a short fact for the reader: "31 words", "you 4, we 12"
  // What to tell the reader instead of the rule's message (a gender-coding verdict's own words),
  // or null. Points into the RuleSet, or to a string with static storage.
  const std::string* message = nullptr;
};

// Whole-advert statistics the metric rules compare with their thresholds.
struct MetricValues {
  double words = 0;
  double reading_ease = 0;
  double grade_level = 0;
  double average_sentence_words = 0;
  double longest_sentence_words = 0;
};

struct BalanceCount {
  std::uint32_t rule = 0;
  int first = 0;
  int second = 0;
};

struct Evaluation {
  std::vector<Observation> observations;  // by rule index, then by position in the text
  std::vector<BalanceCount> balances;     // one per ratio balance rule, in rule order
  std::optional<GenderCoding> gender;     // from the first gender-decoder balance rule, without
                                          // the words inside job titles
};

struct EvaluationWork;  // rules/evaluation_work.hpp

// The working memory of CompiledRules::evaluate, reused from one call to the next (with any
// CompiledRules) so that evaluation allocates only for its results once it has grown. It keeps a
// cache of the symbols of the words it has seen, for the CompiledRules it served last: switching
// to another empties it (about 256 KiB written again).
//
// Thread safety: none; use each from one thread at a time (a worker keeps its own).
class EvaluationScratch {
 public:
  EvaluationScratch();
  ~EvaluationScratch();
  EvaluationScratch(EvaluationScratch&&) noexcept;
  EvaluationScratch& operator=(EvaluationScratch&&) noexcept;

 private:
  friend class CompiledRules;
  std::unique_ptr<EvaluationWork> work_;
};

struct EvaluationOptions {
  std::string service;  // "home care", "residential"...: rules with `services` apply only then
  // The day the advert is checked for: pay floors take the rate in force then. The default,
  // 1970-01-01, comes before every table, so pay floors judge nothing.
  Date date = Date{};
};

class CompiledRules {
 public:
  // `rules` must outlive this object. Throws Error(kInvalid) when a term has nothing to match.
  CompiledRules(const RuleSet& rules, const text::Analyzer& analyzer);

  const RuleSet& rule_set() const { return rules_; }
  const Matcher& matcher() const { return matcher_; }

  Evaluation evaluate(const text::Document& document, const MetricValues& metrics,
                      const EvaluationOptions& options, EvaluationScratch& scratch) const;
  // The same into `out`, whose previous content is replaced and whose memory is reused.
  void evaluate(const text::Document& document, const MetricValues& metrics,
                const EvaluationOptions& options, EvaluationScratch& scratch,
                Evaluation& out) const;

 private:
  static constexpr std::uint32_t kNoTarget = UINT32_MAX;
  // A pattern's steps as matcher targets: per step, its terms' target (kNoTarget for a class
  // step, with its class) and its except words, folded and sorted (a class step's words that do
  // not count); with the pattern's gap and place, so that finding it reads nothing of the Rule.
  struct CompiledStep {
    std::uint32_t target = kNoTarget;
    std::optional<TokenClass> token_class;
  };
  struct CompiledAlternative {
    std::vector<CompiledStep> steps;
    std::vector<std::vector<std::string>> excluded_words;
    std::uint32_t max_gap = 0;
    Where where = Where::kAnywhere;
  };
  // The matcher targets of one rule's term sets (kNoTarget when the rule has none).
  struct RuleTargets {
    std::uint32_t terms = kNoTarget;
    std::uint32_t except = kNoTarget;
    std::uint32_t first = kNoTarget;  // balance: the first set, or a decoder's stem_terms()
    std::uint32_t second = kNoTarget;
    // The context's word lists (Rule::context), as targets; a named list has one target
    // whichever rules use it.
    std::uint32_t only_in_sentence = kNoTarget;
    std::uint32_t unless_in_sentence = kNoTarget;
    std::vector<std::uint32_t> only_near;  // parallel to RuleContext::only_near
    std::vector<std::uint32_t> unless_near;
    std::uint32_t per_hour = kNoTarget;  // pay floor
    std::uint32_t hourly_before = kNoTarget;
    std::vector<std::string> glued_units;     // pay floor: per_hour as written against an amount
    std::vector<CompiledAlternative> any_of;  // require
    std::vector<CompiledAlternative> not_judged;  // require
    std::vector<CompiledAlternative> patterns;    // terms, substitute, reward
    std::vector<CompiledAlternative> unless;
    std::vector<CompiledAlternative> only_with;
  };
  // The hits of one target, in text order.
  struct Hits {
    const TermHit* begin = nullptr;
    const TermHit* end = nullptr;
  };
  static Hits hits_of(std::uint32_t target, const EvaluationWork& scratch);
  // Fills scratch.by_target and scratch.target_begin from the matcher's hits.
  void group_by_target(EvaluationWork& scratch) const;
  // Whether `alternative` may occur: a term step found nowhere rules it out before any walk over
  // the text.
  static bool may_occur(const CompiledAlternative& alternative, const EvaluationWork& scratch);
  // Calls visit(first, end) for each occurrence of `alternative` in text order (one per start of
  // its first step, chained to the earliest next steps within its gap; with `one_sentence`, only
  // those within one sentence) until visit returns true; returns whether it did.
  template <typename Visit>
  bool for_each_occurrence(const CompiledAlternative& alternative, const EvaluationWork& scratch,
                           const text::Document& document, bool one_sentence, Visit visit) const;
  // The first occurrence of any of `alternatives`, as a token range.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> first_of(
      const std::vector<CompiledAlternative>& alternatives, const EvaluationWork& scratch,
      const text::Document& document) const;
  // What the evaluation's pass over the rules reads of each rule before the rule itself, kept
  // in one dense array: most rules find nothing in a given advert, and that pass then touches
  // neither the Rule nor its RuleTargets.
  struct RuleGate {
    std::uint32_t terms = kNoTarget;  // terms, substitute, reward: the terms' target
    // Their patterns' first steps, as [heads_begin, heads_end) of pattern_heads_.
    std::uint32_t heads_begin = 0;
    std::uint32_t heads_end = 0;
    RuleKind kind = RuleKind::kTerms;
    bool term_like = false;       // a terms, substitute or reward rule
    bool for_services = false;    // the rule names the services it applies to
    bool has_conditions = false;  // the rule lists `unless` or `only_with` alternatives
    bool has_context = false;     // the rule declares a context (RuleContext::declared)
  };
  // Whether a terms, substitute or reward rule can find anything: a term or a pattern's first
  // step was found.
  bool may_find(const RuleGate& gate, const EvaluationWork& scratch) const;
  void build_gates();  // from rules_ and targets_
  // Whether the rule's `unless` and `only_with` let it apply to this advert.
  bool applies(std::uint32_t rule, const EvaluationWork& scratch,
               const text::Document& document) const;

  // Whether the finding at tokens [first, end) of a rule that declares a context counts there.
  bool in_context(std::uint32_t rule, std::uint32_t first, std::uint32_t end,
                  const EvaluationWork& scratch, const text::Document& document) const;
  void evaluate_terms(std::uint32_t rule, bool has_context, EvaluationWork& scratch,
                      const text::Document& document, Evaluation& out) const;
  void evaluate_require(std::uint32_t rule, const EvaluationWork& scratch,
                        const text::Document& document, Evaluation& out) const;
  void evaluate_metric(std::uint32_t rule, const text::Document& document,
                       const MetricValues& metrics, Evaluation& out) const;
  void evaluate_balance(std::uint32_t rule, EvaluationWork& scratch, const text::Document& document,
                        Evaluation& out) const;
  void evaluate_gender(std::uint32_t rule, EvaluationWork& scratch, const text::Document& document,
                       Evaluation& out) const;
  void evaluate_style(std::uint32_t rule, EvaluationWork& scratch, const text::Document& document,
                      Evaluation& out) const;
  void evaluate_pay_floor(std::uint32_t rule, EvaluationWork& scratch,
                          const text::Document& document, Date date, Evaluation& out) const;

  const RuleSet& rules_;
  Matcher matcher_;
  std::vector<RuleTargets> targets_;  // per rule
  std::vector<RuleGate> gates_;       // per rule
  // The first step of each pattern of the term-like rules, as a target (kNoTarget for a class
  // step, which may be found anywhere).
  std::vector<std::uint32_t> pattern_heads_;
  std::uint32_t target_count_ = 0;
  std::vector<GenderDecoder> decoders_;         // one per gender-decoder rule, in rule order
  std::vector<std::uint32_t> decoder_of_rule_;  // per rule: index into decoders_ (or kNoTarget)
};

// The span covering tokens [first, end) of `document`.
text::Span span_of(const text::Document& document, std::uint32_t first, std::uint32_t end);

}  // namespace caretoolkit::rules
