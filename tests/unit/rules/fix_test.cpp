// A substitute rule's "fix" and every rule's "guidance": loading, refusals in the pack editor's
// words, the forms a match is looked up by, and the JSON form that GET /rules returns.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>

#include "core/error.hpp"
#include "rule_fields.hpp"
#include "rules/fix.hpp"
#include "rules/rule_pack.hpp"
#include "rules/rule_set.hpp"
#include "rules/ruleset_json.hpp"

using caretoolkit::Error;
using namespace caretoolkit::rules;

namespace {

std::string substitute(const std::string& terms, const std::string& fix) {
  return R"({"pack": "test", "version": "1", "guidance": "writing-adverts#leave-out-jargon",
    "rules": [{"id": "test.rule", "kind": "substitute", )" +
         kCommonRuleFields + R"(, "terms": )" + terms + R"(, "replacement": "use")" +
         (fix.empty() ? "" : R"(, "fix": )" + fix) + "}]}";
}

Rule load(const std::string& json) {
  return parse_rule_pack(json, "rules/test.json").rules.at(0);
}

}  // namespace

TEST_CASE("A substitute rule only suggests unless it declares its fix safe") {
  CHECK_FALSE(load(substitute(R"(["utilise"])", "")).fix.safe);
  CHECK_FALSE(load(substitute(R"(["utilise"])", R"("suggest")")).fix.safe);
  const Rule safe = load(substitute(R"(["prior to"])", R"("safe")"));
  CHECK(safe.fix.safe);
  CHECK(safe.fix.forms.empty());
  CHECK(*safe_replacement(safe, "Prior to") == "use");
  CHECK(*safe_replacement(safe, "prior\n to") == "use");
}

TEST_CASE("Safe forms give each matched form its own replacement and leave the others suggested") {
  const Rule rule = load(
      substitute(R"(["utilis*", "in accordance with"])",
                 R"({"utilise": "use", "utilising": "using", "in accordance with": "following"})"));
  REQUIRE(rule.fix.forms.size() == 3);
  CHECK(*safe_replacement(rule, "utilising") == "using");
  CHECK(*safe_replacement(rule, "Utilise") == "use");
  CHECK(*safe_replacement(rule, "In Accordance\nwith") == "following");
  CHECK(safe_replacement(rule, "utilisation") == nullptr);  // not listed: only suggested
}

TEST_CASE("A match is compared as lowercase words with hyphens and line breaks as spaces") {
  CHECK(fix_form("  Prior-\r\nTO ") == "prior to");
  CHECK(term_matches_form("utilis*", "utilising"));
  CHECK_FALSE(term_matches_form("utilis*", "util"));
  CHECK(term_matches_form("# years experience", "2 years experience"));
  CHECK_FALSE(term_matches_form("# years experience", "two years experience"));
  CHECK(term_matches_form("part-time", "part time"));
  CHECK_FALSE(term_matches_form("prior to", "prior"));
}

TEST_CASE("A broken fix or guidance is refused naming the rule and the field") {
  CHECK(pack_error_of(substitute(R"(["utilis*"])", R"("safe")")) ==
        "rules/test.json: rule \"test.rule\": field \"fix\": \"utilis*\" matches words of more "
        "than one form: list the forms that can be replaced safely, such as {\"utilise\": "
        "\"use\", \"utilising\": \"using\"}");
  CHECK(pack_error_of(substitute(R"(["utilise"])", R"("always")")) ==
        "rules/test.json: rule \"test.rule\": field \"fix\": must be \"safe\", \"suggest\" or an "
        "object of forms and their replacements");
  CHECK(pack_error_of(substitute(R"(["utilis*"])", R"({"utilising": ""})")) ==
        "rules/test.json: rule \"test.rule\": field \"fix.utilising\": must be the replacement "
        "for this form, a non-empty string");
  CHECK(pack_error_of(substitute(R"(["utilis*"])", R"({"Utilising": "using"})")) ==
        "rules/test.json: rule \"test.rule\": field \"fix.Utilising\": the form must be "
        "lowercase words separated by single spaces");
  CHECK(pack_error_of(substitute(R"(["utilis*"])", R"({"employ": "use"})")) ==
        "rules/test.json: rule \"test.rule\": field \"fix.employ\": no term of the rule matches "
        "\"employ\"");
  CHECK(pack_error_of(substitute(R"(["utilis*"])", R"({})")) ==
        "rules/test.json: rule \"test.rule\": field \"fix\": must list at least one form");
  const std::string terms_with_fix =
      R"({"pack": "test", "version": "1", "rules": [{"id": "test.rule", "kind": "terms", )" +
      kCommonRuleFields + R"(, "terms": ["x"], "fix": "safe"}]})";
  CHECK(pack_error_of(terms_with_fix) ==
        "rules/test.json: rule \"test.rule\": field \"fix\": is not a known field here");
  const std::string bad_guidance = R"({"pack": "test", "version": "1",
    "guidance": "Writing Adverts.html", "rules": [{"id": "test.rule", "kind": "terms", )" +
                                   kCommonRuleFields + R"(, "terms": ["x"]}]})";
  CHECK(pack_error_of(bad_guidance) ==
        "rules/test.json: field \"guidance\": \"Writing Adverts.html\" must name a guidance "
        "article and, after \"#\", its section, such as \"writing-adverts#jargon\"");
}

TEST_CASE("A rule without guidance takes its pack's and GET rules shows the fix as written") {
  const RuleSet set = RuleSet::from_packs(
      {parse_rule_pack(substitute(R"(["utilis*"])", R"({"utilise": "use"})"), "rules/test.json")});
  CHECK(set.rules()[0].guidance == "writing-adverts#leave-out-jargon");
  const auto json = ruleset_to_json(set);
  const auto& pack = json.at("packs").at(0);
  CHECK(pack.at("guidance") == "writing-adverts#leave-out-jargon");
  const auto& rule = pack.at("rules").at(0);
  CHECK(rule.at("guidance") == "writing-adverts#leave-out-jargon");
  CHECK(rule.at("fix") == boost::json::object{{"utilise", "use"}});
  // Read back, the JSON form loads as the same rule.
  boost::json::object again{{"pack", "again"}, {"version", "1"}};
  again["rules"] = boost::json::array{rule};
  const Rule reloaded = load(boost::json::serialize(again));
  CHECK(reloaded.fix.forms == set.rules()[0].fix.forms);
}
