// Loading rule packs: a valid pack of every kind, and every message a broken pack can produce.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "rule_fields.hpp"
#include "rules/rule_pack.hpp"
#include "rules/rule_set.hpp"
#include "rules/ruleset_json.hpp"

using caretoolkit::Error;
using caretoolkit::ErrorCode;
using namespace caretoolkit::rules;

namespace {

// A pack with one rule, whose fields after the common ones are `rest`.
std::string pack_with(const std::string& rule) {
  return R"({"pack": "test", "version": "1.0.0", "rules": [)" + rule + "]}";
}

std::string terms_rule(const std::string& extra, const std::string& id = "test.rule") {
  return R"({"id": ")" + id + R"(", "kind": "terms", )" + kCommonRuleFields + ", " + extra + "}";
}

}  // namespace

TEST_CASE("A pack with one rule of every kind loads with every field") {
  const std::string json = R"({"pack": "all-kinds", "version": "2.1.0", "description": "d",
    "rules": [
      {"id": "a.terms", "kind": "terms", )" +
                           kCommonRuleFields + R"(, "suggestion": "x",
       "terms": ["young", "compet*", "# years experience"], "except": ["young people"],
       "max_points": 10, "services": ["home care"]},
      {"id": "a.substitute", "kind": "substitute", )" +
                           kCommonRuleFields + R"(, "terms": ["NVQ"],
       "case_sensitive": true, "replacement": "a care qualification"},
      {"id": "a.require", "kind": "require", )" +
                           kCommonRuleFields + R"(, "reward": 2, "any_of": [
        {"terms": ["per hour"]},
        {"sequence": [{"class": "money"}, {"terms": ["an hour"]}], "max_gap": 3}]},
      {"id": "a.metric", "kind": "metric", )" +
                           kCommonRuleFields + R"(, "metric": "reading_ease", "min": 60},
      {"id": "a.balance", "kind": "balance", )" +
                           kCommonRuleFields + R"(, "first": {"label": "you",
       "terms": ["you"]}, "second": {"label": "we", "terms": ["we"]}, "min_ratio": 1.5},
      {"id": "a.gender", "kind": "balance", )" +
                           kCommonRuleFields + R"(, "method": "gender-decoder",
       "first": {"label": "feminine", "prefixes": ["kind", "co-operat"], "penalised": false,
                 "message": "For information."},
       "second": {"label": "masculine", "prefixes": ["lead"]}, "max_difference": 3,
       "title_words": ["worker", "leader"]},
      {"id": "a.style", "kind": "style", )" +
                           kCommonRuleFields + R"(, "check": "capitals",
       "min_letters": 4, "allow": ["NHS"]},
      {"id": "a.reward", "kind": "reward", )" +
                           kCommonRuleFields + R"(, "terms": ["dignity"]}
    ]})";
  const RulePack pack = parse_rule_pack(json, "rules/all.json");
  CHECK(pack.name == "all-kinds");
  CHECK(pack.version == "2.1.0");
  CHECK(pack.content_hash.size() == 16);
  REQUIRE(pack.rules.size() == 8);
  const Rule& terms = pack.rules[0];
  CHECK(terms.kind == RuleKind::kTerms);
  CHECK(terms.category == Category::kClarity);
  CHECK(terms.severity == Severity::kWarning);
  CHECK(terms.weight == 4);
  CHECK(terms.points_cap() == 10);
  CHECK(terms.suggestion == "x");
  CHECK(terms.terms.size() == 3);
  CHECK(terms.except == std::vector<std::string>{"young people"});
  CHECK(terms.services == std::vector<std::string>{"home care"});
  CHECK(pack.rules[1].case_sensitive);
  CHECK(pack.rules[1].replacement == "a care qualification");
  CHECK(pack.rules[1].points_cap() == 8);  // 2 x weight when absent
  const Rule& require = pack.rules[2];
  REQUIRE(require.any_of.size() == 2);
  CHECK(require.reward == 2);
  CHECK(require.any_of[1].steps.size() == 2);
  CHECK(require.any_of[1].steps[0].token_class == TokenClass::kMoney);
  CHECK(require.any_of[1].max_gap == 3);
  CHECK(pack.rules[3].metric == Metric::kReadingEase);
  CHECK(pack.rules[3].min == 60.0);
  CHECK_FALSE(pack.rules[3].max.has_value());
  CHECK(pack.rules[4].min_ratio == 1.5);
  CHECK(pack.rules[5].method == BalanceMethod::kGenderDecoder);
  CHECK(pack.rules[5].first.prefixes.size() == 2);
  CHECK_FALSE(pack.rules[5].first.penalised);
  CHECK(pack.rules[5].first.message == "For information.");
  CHECK(pack.rules[5].second.penalised);  // the default
  CHECK(pack.rules[5].second.message.empty());
  CHECK(pack.rules[5].title_words == std::vector<std::string>{"worker", "leader"});
  CHECK(pack.rules[6].check == StyleCheck::kCapitals);
  CHECK(pack.rules[6].min_letters == 4);
  CHECK(pack.rules[7].kind == RuleKind::kReward);

  // The JSON form for GET /rules has the same rules back.
  const auto set = RuleSet::from_packs({pack});
  const auto json_out = ruleset_to_json(set);
  CHECK(json_out.at("version").as_string() == "all-kinds@2.1.0");
  CHECK(json_out.at("packs").as_array()[0].at("rules").as_array().size() == 8);
  CHECK(json_out.at("packs")
            .as_array()[0]
            .at("rules")
            .as_array()[2]
            .at("any_of")
            .as_array()[1]
            .at("sequence")
            .as_array()[0]
            .at("class")
            .as_string() == "money");
}

TEST_CASE("Every broken pack is refused with a message naming the file the rule and the field") {
  struct Case {
    std::string json;
    std::string message;
  };
  const Case cases[] = {
      {R"({"pack": "test", )", "rules/test.json: not valid JSON at byte 17: incomplete JSON"},
      {R"([1, 2])", "rules/test.json: a rule pack must be a JSON object"},
      {R"({"version": "1", "rules": []})", "rules/test.json: field \"pack\": is required"},
      {R"({"pack": "Test Pack", "version": "1", "rules": []})",
       "rules/test.json: field \"pack\": \"Test Pack\" must be lowercase letters, digits and "
       "hyphens"},
      {R"({"pack": "test", "rules": []})", "rules/test.json: field \"version\": is required"},
      {R"({"pack": "test", "version": "1"})", "rules/test.json: field \"rules\": is required"},
      {R"({"pack": "test", "version": "1", "rules": []})",
       "rules/test.json: field \"rules\": must be a non-empty array"},
      {R"({"pack": "test", "version": "1", "rules": [{}], "colour": "red"})",
       "rules/test.json: field \"colour\": is not a known field here"},
      {pack_with("3"), "rules/test.json: field \"rules[0]\": must be an object"},
      {pack_with(R"({"kind": "terms"})"), R"(rules/test.json: rule "#1": field "id": is required)"},
      {pack_with(R"({"id": "Jargon Service Users"})"),
       "rules/test.json: rule \"#1\": field \"id\": \"Jargon Service Users\" must be lowercase "
       "letters, digits, dots and hyphens, such as \"jargon.service-users\""},
      {pack_with(R"({"id": "test.rule", "kind": "shout", )" + kCommonRuleFields + "}"),
       "rules/test.json: rule \"test.rule\": field \"kind\": \"shout\" is not one of terms, "
       "substitute, require, metric, balance, style, reward, pay_floor"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "terms": ["x"]})"),
       "rules/test.json: rule \"test.rule\": field \"category\": is required (one of engaging, "
       "values, clarity, inclusive, essentials)"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "tone"})"),
       "rules/test.json: rule \"test.rule\": field \"category\": \"tone\" is not one of "
       "engaging, values, clarity, inclusive, essentials"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "fatal"})"),
       "rules/test.json: rule \"test.rule\": field \"severity\": \"fatal\" is not one of info, "
       "suggestion, warning, critical"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "info", "weight": 101})"),
       "rules/test.json: rule \"test.rule\": field \"weight\": must be a whole number between 0 "
       "and 100"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "info", "weight": "high"})"),
       "rules/test.json: rule \"test.rule\": field \"weight\": must be a whole number between 0 "
       "and 100"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "info", "weight": 2.5})"),
       "rules/test.json: rule \"test.rule\": field \"weight\": must be a whole number between 0 "
       "and 100"},
      {pack_with(terms_rule(R"("terms": ["x"], "max_points": 2)")),
       "rules/test.json: rule \"test.rule\": field \"max_points\": must be at least the weight "
       "(4)"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "info", "weight": 1, "message": "", "source": "s"})"),
       R"(rules/test.json: rule "test.rule": field "message": must not be empty)"},
      {pack_with(R"({"id": "test.rule", "kind": "terms", "category": "clarity",
                     "severity": "info", "weight": 1, "message": "m", "terms": ["x"]})"),
       R"(rules/test.json: rule "test.rule": field "source": is required)"},
      {pack_with(terms_rule(R"("terms": ["x"], "sugestion": "typo")")),
       R"(rules/test.json: rule "test.rule": field "sugestion": is not a known field here)"},
      {pack_with(terms_rule(R"("terms": [])")),
       R"(rules/test.json: rule "test.rule": field "terms": must not be empty)"},
      {pack_with(terms_rule(R"("message2": 1)")),
       R"(rules/test.json: rule "test.rule": field "terms": is required)"},
      {pack_with(terms_rule(R"("terms": ["ok", ""])")),
       R"(rules/test.json: rule "test.rule": field "terms[1]": must not be empty)"},
      {pack_with(terms_rule(R"("terms": ["ok", 7])")),
       R"(rules/test.json: rule "test.rule": field "terms[1]": must be a string)"},
      {pack_with(terms_rule(R"("terms": ["service  users"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \"service  users\" must be "
       "words separated by single spaces"},
      {pack_with(terms_rule(R"("terms": [" young"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \" young\" must be words "
       "separated by single spaces"},
      {pack_with(terms_rule(R"("terms": ["com*pet"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \"com*pet\": \"*\" may only end "
       "a word (a stem such as \"compet*\")"},
      {pack_with(terms_rule(R"("terms": ["co*"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \"co*\": a stem needs at least "
       "3 letters before \"*\""},
      {pack_with(terms_rule(R"("terms": ["#years"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \"#years\": \"#\" (any number) "
       "must be a word on its own"},
      {pack_with(terms_rule(R"("terms": ["#"])")),
       "rules/test.json: rule \"test.rule\": field \"terms[0]\": \"#\" needs at least one word "
       "besides \"#\""},
      {pack_with(terms_rule(R"("terms": ["Young", "young"])")),
       R"(rules/test.json: rule "test.rule": field "terms[1]": "young" is listed twice)"},
      {pack_with(terms_rule(R"("terms": ["x"], "except": ["x y", "x  y"])")),
       "rules/test.json: rule \"test.rule\": field \"except[1]\": \"x  y\" must be words "
       "separated by single spaces"},
      {pack_with(terms_rule(R"("terms": ["x"], "case_sensitive": "yes")")),
       R"(rules/test.json: rule "test.rule": field "case_sensitive": must be true or false)"},
      {pack_with(R"({"id": "test.rule", "kind": "substitute", )" + kCommonRuleFields +
                 R"(, "terms": ["x"]})"),
       R"(rules/test.json: rule "test.rule": field "replacement": is required)"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields + "}"),
       R"(rules/test.json: rule "test.rule": field "any_of": is required)"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields +
                 R"(, "any_of": []})"),
       R"(rules/test.json: rule "test.rule": field "any_of": must be a non-empty array)"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields +
                 R"(, "any_of": [{"sequence": []}]})"),
       "rules/test.json: rule \"test.rule\": field \"any_of[0].sequence\": must be a non-empty "
       "array"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields +
                 R"(, "any_of": [{"sequence": [{"class": "salary"}]}]})"),
       "rules/test.json: rule \"test.rule\": field \"any_of[0].sequence[0].class\": \"salary\" "
       "is not one of money, number, time, postcode, phone, email, url, capitalised, placeholder"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields +
                 R"(, "any_of": [{"sequence": [{"class": "money"}], "max_gap": 50}]})"),
       "rules/test.json: rule \"test.rule\": field \"any_of[0].max_gap\": must be a whole number "
       "between 0 and 20"},
      {pack_with(R"({"id": "test.rule", "kind": "require", )" + kCommonRuleFields +
                 R"(, "any_of": [{"words": ["pay"]}]})"),
       "rules/test.json: rule \"test.rule\": field \"any_of[0].sequence\": is required (or "
       "\"terms\")"},
      {pack_with(R"({"id": "test.rule", "kind": "metric", )" + kCommonRuleFields +
                 R"(, "metric": "fog", "max": 3})"),
       "rules/test.json: rule \"test.rule\": field \"metric\": \"fog\" is not one of "
       "reading_ease, grade_level, average_sentence_words, longest_sentence_words, words, "
       "sentence_words, paragraph_words"},
      {pack_with(R"({"id": "test.rule", "kind": "metric", )" + kCommonRuleFields +
                 R"(, "metric": "words"})"),
       R"(rules/test.json: rule "test.rule": field "max": give "min", "max" or both)"},
      {pack_with(R"({"id": "test.rule", "kind": "metric", )" + kCommonRuleFields +
                 R"(, "metric": "words", "min": 700, "max": 150})"),
       R"(rules/test.json: rule "test.rule": field "min": must not be greater than "max")"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "first": {"label": "you", "terms": ["you"]},
                     "second": {"label": "we", "terms": ["we"]}})"),
       "rules/test.json: rule \"test.rule\": field \"min_ratio\": must be a number above 0 and at "
       "most 100"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "first": {"label": "you"}, "second": {"label": "we", "terms": ["we"]},
                     "min_ratio": 1})"),
       R"(rules/test.json: rule "test.rule": field "first.terms": is required)"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "method": "gender-decoder", "first": {"label": "f", "prefixes": ["Kind"]},
                     "second": {"label": "m", "prefixes": ["lead"]}, "max_difference": 3})"),
       "rules/test.json: rule \"test.rule\": field \"first.prefixes[0]\": \"Kind\" must be "
       "lowercase letters a-z and hyphens"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "method": "gender-decoder", "first": {"label": "f", "prefixes": ["kind"],
                     "penalised": "no"}, "second": {"label": "m", "prefixes": ["lead"]},
                     "max_difference": 3})"),
       R"(rules/test.json: rule "test.rule": field "first.penalised": must be true or false)"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "method": "gender-decoder", "first": {"label": "f", "prefixes": ["kind"]},
                     "second": {"label": "m", "prefixes": ["lead"]}, "max_difference": 3,
                     "title_words": ["Support Worker"]})"),
       "rules/test.json: rule \"test.rule\": field \"title_words[0]\": \"Support Worker\" must "
       "be one lowercase word of letters a-z"},
      {pack_with(R"({"id": "test.rule", "kind": "balance", )" + kCommonRuleFields +
                 R"(, "first": {"label": "you", "terms": ["you"], "penalised": false},
                     "second": {"label": "we", "terms": ["we"]}, "min_ratio": 1})"),
       R"(rules/test.json: rule "test.rule": field "first.penalised": is not a known field here)"},
      {pack_with(R"({"id": "test.rule", "kind": "style", )" + kCommonRuleFields +
                 R"(, "check": "emoji"})"),
       "rules/test.json: rule \"test.rule\": field \"check\": \"emoji\" is not one of "
       "exclamation_marks, capitals, repeated_punctuation"},
      {pack_with(R"({"id": "test.rule", "kind": "style", )" + kCommonRuleFields +
                 R"(, "check": "repeated_punctuation", "max": 1})"),
       R"(rules/test.json: rule "test.rule": field "max": is not a known field here)"},
      {pack_with(terms_rule(R"("terms": ["x"])") + ", " + terms_rule(R"("terms": ["y"])")),
       R"(rules/test.json: rule "test.rule": field "id": the id is used twice in this pack)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    CHECK(pack_error_of(c.json) == c.message);
  }
}

TEST_CASE("Broken packs report the JSON pointer of the field and the right error code") {
  try {
    parse_rule_pack(pack_with(terms_rule(R"("terms": ["x"], "weight2": 1)")), "t.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalid);
    CHECK(e.field() == "/rules/0/weight2");
  }
  try {
    parse_rule_pack("{", "t.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kMalformed);
  }
}

TEST_CASE("A rule set refuses a rule id or a pack name used by two packs") {
  const RulePack a = parse_rule_pack(pack_with(terms_rule(R"("terms": ["x"])")), "rules/a.json");
  const RulePack b = parse_rule_pack(pack_with(terms_rule(R"("terms": ["y"])")), "rules/b.json");
  try {
    RuleSet::from_packs({a, b});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kConflict);
    CHECK(std::string(e.what()) ==
          "rules/b.json: field \"pack\": the name \"test\" is already used by rules/a.json");
  }
  const RulePack c = parse_rule_pack(
      R"({"pack": "other", "version": "1", "rules": [)" + terms_rule(R"("terms": ["y"])") + "]}",
      "rules/c.json");
  try {
    RuleSet::from_packs({a, c});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kConflict);
    CHECK(std::string(e.what()) ==
          "rules/c.json: rule \"test.rule\": field \"id\": already used in rules/a.json");
  }
}

TEST_CASE("A rules directory loads in file-name order with a combined version") {
  const auto dir = std::filesystem::path(CARETOOLKIT_BINARY_DIR) / "rule_pack_test_dir";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("b.json", R"({"pack": "bee", "version": "2", "rules": [)" +
                      terms_rule(R"("terms": ["b"])", "bee.rule1") + "]}");
  write("a.json", R"({"pack": "ant", "version": "1", "rules": [)" +
                      terms_rule(R"("terms": ["a"])", "ant.rule1") + "]}");
  write("notes.txt", "not a pack");
  const RuleSet set = RuleSet::load_directory(dir);
  CHECK(set.version() == "ant@1+bee@2");
  CHECK(set.rules().size() == 2);
  CHECK(set.rules()[0].id == "ant.rule1");
  CHECK(set.find("bee.rule1") == 1);
  CHECK(set.find("nope") == -1);
  const std::string& hash = set.content_hash();
  CHECK(RuleSet::load_directory(dir).content_hash() == hash);

  write("c.json", "{ broken");
  try {
    RuleSet::load_directory(dir);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("c.json: not valid JSON at byte") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  try {
    RuleSet::load_directory(dir);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
    CHECK(std::string(e.what()).find("no rule packs (*.json) found") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(RuleSet::load_directory(dir), Error);
}
