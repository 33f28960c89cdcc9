// Context in the rule language: a term limited to sentences that speak to the reader, or excluded
// near words that show it describes someone else; word lists shared between packs by name; and
// every message a broken context can produce.
#include <doctest/doctest.h>

#include <boost/json/serialize.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "rule_fields.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_pack.hpp"
#include "rules/rule_set.hpp"
#include "rules/ruleset_json.hpp"
#include "text/analyzer.hpp"

using caretoolkit::Error;
using caretoolkit::ErrorCode;
using namespace caretoolkit::rules;

namespace {

std::string pack_json(const std::string& name, const std::string& lists, const std::string& rules) {
  std::string json = R"({"pack": ")" + name + R"(", "version": "1", )";
  if (!lists.empty()) json += R"("word_lists": {)" + lists + "}, ";
  return json + R"("rules": [)" + rules + "]}";
}

// A terms rule "t.rule" for `terms` with the context fields `context`.
std::string rule_with(const std::string& terms, const std::string& context) {
  return R"({"id": "t.rule", "kind": "terms", )" + kCommonRuleFields + R"(, "terms": [)" + terms +
         "], " + context + "}";
}

RuleSet set_of(const std::string& lists, const std::string& rules) {
  return RuleSet::from_packs({parse_rule_pack(pack_json("t", lists, rules), "t.json")});
}

// The texts "t.rule" finds in `text`.
std::vector<std::string> found(const RuleSet& set, const std::string& text) {
  const CompiledRules compiled(set, analyzer());
  const auto document = analyzer().analyze(text);
  EvaluationScratch scratch;
  const Evaluation evaluation = compiled.evaluate(document, MetricValues{}, {}, scratch);
  std::vector<std::string> out;
  for (const auto& o : evaluation.observations) {
    if (set.rules()[o.rule].id == "t.rule") out.emplace_back(document.text(*o.span));
  }
  return out;
}

using Texts = std::vector<std::string>;

std::string error_of(const std::string& lists, const std::string& rules) {
  try {
    set_of(lists, rules);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Only in sentences with limits a term to sentences that speak to the reader") {
  const RuleSet set =
      set_of("", rule_with(R"("young")", R"("only_in_sentences_with": ["you", "must"])"));
  CHECK(found(set, "You must be young. A young girl lives here. Young staff must apply.") ==
        Texts{"young", "Young"});
  // A word of the finding itself counts for the sentence: "must" in "must be young".
  const RuleSet phrase =
      set_of("", rule_with(R"("must be young")", R"("only_in_sentences_with": ["you", "must"])"));
  CHECK(found(phrase, "Must be young.") == Texts{"Must be young"});
}

TEST_CASE("Unless in sentences with drops a term from sentences about the employer") {
  const RuleSet set =
      set_of("", rule_with(R"("experience")", R"("unless_in_sentences_with": ["we are"])"));
  CHECK(found(set, "With years of experience, we are trusted. You need experience.") ==
        Texts{"experience"});
  CHECK(found(set, "With years of experience, we are trusted.").empty());
}

TEST_CASE("Unless near counts words either side within the sentence and skips punctuation") {
  const RuleSet set = set_of(
      "", rule_with(R"("young")", R"("unless_near": {"words": ["girl", "onset"], "within": 2})"));
  CHECK(found(set, "A young girl. Young onset dementia. Young, happy girl. Young and keen.") ==
        Texts{"Young"});  // "girl" is 2 words after "Young," (the comma is not a word)
  // 3 words away is out of reach, and so is the next sentence.
  CHECK(found(set, "Young and very happy girl.") == Texts{"Young"});
  CHECK(found(set, "We want young. Girl power.") == Texts{"young"});
}

TEST_CASE("Near words on one side only and never the finding itself") {
  const RuleSet before = set_of("", rule_with(R"("good health")", R"("unless_near":
      {"words": ["residents", "people"], "within": 3, "side": "before"})"));
  CHECK(found(before, "Keep residents in good health.").empty());
  CHECK(found(before, "You must be in good health to support residents.") == Texts{"good health"});
  const RuleSet after =
      set_of("", rule_with(R"("lady")", R"("unless_near": {"words": ["lady", "living with"],
      "within": 2, "side": "after"})"));
  // "lady" in the near list does not cancel the finding "lady" itself.
  CHECK(found(after, "We want a lady. A lady living with dementia.") == Texts{"lady"});
}

TEST_CASE("Only near keeps a term only beside one of its words") {
  const RuleSet set = set_of("", rule_with(R"("enable", "enables")", R"("only_near":
      [{"words": ["people", "residents"], "within": 2}, {"words": ["you"], "within": 1}])"));
  CHECK(found(set, "This app enables us to plan. You enable people to live well. We enable you.") ==
        Texts{"enable", "enable"});
}

TEST_CASE("A named word list is shared by rules of other packs and listed once in GET rules") {
  const RulePack lists = parse_rule_pack(
      pack_json("lists", R"("the-reader": ["you", "must"])",
                rule_with(R"("young")", R"("only_in_sentences_with": "the-reader")")),
      "lists.json");
  std::string other_rule = rule_with(R"("lively")", R"("only_in_sentences_with": "the-reader")");
  other_rule.replace(other_rule.find("t.rule"), 6, "o.rule");
  const RulePack other = parse_rule_pack(pack_json("other", "", other_rule), "other.json");
  const RuleSet set = RuleSet::from_packs({lists, other});
  CHECK(set.rules()[1].context.only_in_sentences_with.terms ==
        std::vector<std::string>{"you", "must"});
  CHECK(found(set, "A young and lively home. You are young and lively.") == Texts{"young"});
  const std::string json = boost::json::serialize(ruleset_to_json(set));
  CHECK(json.find(R"("word_lists":{"the-reader":["you","must"]})") != std::string::npos);
  CHECK(json.find(R"("only_in_sentences_with":"the-reader")") != std::string::npos);
}

TEST_CASE("A broken context is refused with a message naming the file the rule and the field") {
  CHECK(error_of("", rule_with(R"("young")", R"("only_in_sentences_with": "nowhere")")) ==
        R"(t.json: rule "t.rule": field "only_in_sentences_with": no rule pack has a word list )"
        R"(named "nowhere")");
  CHECK(error_of("", rule_with(R"("young")", R"("only_in_sentences_with": 3)")) ==
        R"(t.json: rule "t.rule": field "only_in_sentences_with": must name a word list or be )"
        R"(an array of terms)");
  CHECK(error_of("", rule_with(R"("young")", R"("unless_near": {"words": ["girl"]})")) ==
        R"(t.json: rule "t.rule": field "unless_near.within": is required)");
  CHECK(error_of(
            "", rule_with(R"("young")", R"("unless_near": [{"words": ["girl"], "within": 40}])")) ==
        R"(t.json: rule "t.rule": field "unless_near[0].within": must be a whole number )"
        R"(between 1 and 20)");
  CHECK(error_of("", rule_with(R"("young")", R"("unless_near": {"words": ["girl"],
        "within": 2, "side": "left"})")) ==
        R"(t.json: rule "t.rule": field "unless_near.side": "left" is not one of either, )"
        R"(before, after)");
  CHECK(error_of("", rule_with(R"("young")", R"("unless_near": {"words": ["girl"],
        "within": 2, "wihtin": 3})")) ==
        R"(t.json: rule "t.rule": field "unless_near.wihtin": is not a known field here)");
  CHECK(error_of(R"("Bad Name": ["x"])", rule_with(R"("young")", R"("case_sensitive": false)")) ==
        R"(t.json: field "word_lists.Bad Name": the name must be lowercase letters, digits and )"
        R"(hyphens)");
  CHECK(error_of(R"("l": ["x", "X"])", rule_with(R"("young")", R"("case_sensitive": false)")) ==
        R"(t.json: field "word_lists.l[1]": "X" is listed twice)");
  // Context belongs to rules that find terms.
  CHECK(error_of("", R"({"id": "t.rule", "kind": "require", )" + kCommonRuleFields +
                         R"(, "any_of": [{"terms": ["x"]}], "unless_near": {"words": ["y"],
                         "within": 2}})") ==
        R"(t.json: rule "t.rule": field "unless_near": is not a known field here)");
}

TEST_CASE("Two packs may not define a word list of the same name") {
  const RulePack a = parse_rule_pack(
      pack_json("a", R"("l": ["x"])", rule_with(R"("y")", R"("case_sensitive": false)")), "a.json");
  std::string rule_b = rule_with(R"("y")", R"("case_sensitive": false)");
  rule_b.replace(rule_b.find("t.rule"), 6, "b.rule");
  const RulePack b = parse_rule_pack(pack_json("b", R"("l": ["z"])", rule_b), "b.json");
  try {
    RuleSet::from_packs({a, b});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kConflict);
    CHECK(std::string(e.what()) ==
          R"(b.json: field "word_lists": the name "l" is already used by a.json)");
  }
}
