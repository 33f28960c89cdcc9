// A provider's checker settings with the default packs: a switched-off rule, allowed terms
// (everywhere and where explained), house terms, their validation, their history's wording and
// the cache of compiled checkers.
#include <doctest/doctest.h>

#include <boost/json/serialize.hpp>

#include "advert/check_context_pool.hpp"
#include "advert/report_json.hpp"
#include "advert/settings_checker.hpp"
#include "core/error.hpp"
#include "pack_check.hpp"

namespace caretoolkit::advert::testing {
namespace {

const rules::RuleSet& shared_rules() {
  static const rules::RuleSet set = rules::RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  return set;
}

const text::Analyzer& analyzer() {
  static const text::Analyzer instance;
  return instance;
}

rules::CheckerSettings parse(const std::string& json) {
  return rules::parse_checker_settings(json, shared_rules(), "settings.json");
}

std::unique_ptr<SettingsChecker> provider_checker(const std::string& json) {
  return std::make_unique<SettingsChecker>(shared_rules(), parse(json), analyzer(),
                                           "provider-1-v1");
}

Report check_with(const SettingsChecker& settings, const std::string& text) {
  return settings.checker().check(text, {"", "", kCheckDay});
}

Texts texts_of(const Report& report, const std::string& id) {
  Texts out;
  for (const Finding& f : report.findings) {
    if (f.rule_id == id && f.outcome == Outcome::kFound) out.emplace_back(f.text);
  }
  return out;
}

int category_score(const Report& report, rules::Category category) {
  for (const auto& c : report.categories) {
    if (c.category == category) return c.score;
  }
  return -1;
}

// The message and JSON pointer of the error parsing `json` throws.
std::pair<std::string, std::string> refusal(const std::string& json) {
  try {
    parse(json);
  } catch (const Error& e) {
    return {e.what(), e.field()};
  }
  FAIL("the settings were accepted: " << json);
  return {};
}

const std::string kBankAdvert = "We need bank staff for weekends. Bank staff are paid weekly.";

}  // namespace

TEST_CASE("a switched off rule finds nothing and its points come back") {
  const Report shared = check(kBankAdvert);
  CHECK(texts_of(shared, "jargon.bank-staff") == Texts{"bank staff", "Bank staff"});
  const auto settings = provider_checker(R"({"disabled_rules": ["jargon.bank-staff"]})");
  const Report own = check_with(*settings, kBankAdvert);
  CHECK(texts_of(own, "jargon.bank-staff").empty());
  // weight 2, then 1 for the repeat: clarity gains 3 points.
  CHECK(category_score(own, rules::Category::kClarity) ==
        category_score(shared, rules::Category::kClarity) + 3);
}

TEST_CASE("a term allowed everywhere clears every finding whose words overlap it") {
  const auto settings = provider_checker(R"({"allowed_terms": [{"term": "bank"}]})");
  const Report own = check_with(*settings, kBankAdvert);
  CHECK(texts_of(own, "jargon.bank-staff").empty());
  // Other findings stay: "domiciliary" is not allowed.
  const Report other = check_with(*settings, "We need bank staff for domiciliary care.");
  CHECK(texts_of(other, "jargon.bank-staff").empty());
  CHECK(texts_of(other, "jargon.domiciliary") == Texts{"domiciliary care"});
}

TEST_CASE("a term allowed where explained is cleared only in an advert that explains it") {
  const auto settings =
      provider_checker(R"({"allowed_terms": [{"term": "bank", "where": "explained"}]})");
  // Not explained: both findings stay.
  CHECK(texts_of(check_with(*settings, kBankAdvert), "jargon.bank-staff").size() == 2);
  // "who" two words after "bank" explains it, and every use in the advert is then allowed.
  const std::string who =
      "Bank staff, who choose their own shifts, are paid weekly. We need bank staff now.";
  CHECK(texts_of(check(who), "jargon.bank-staff").size() == 2);
  CHECK(texts_of(check_with(*settings, who), "jargon.bank-staff").empty());
  // A bracket after the term explains it too.
  const std::string bracket = "Join us as bank staff (you choose the shifts you want).";
  CHECK(texts_of(check_with(*settings, bracket), "jargon.bank-staff").empty());
  // "who" more than three words after the term does not.
  const std::string far = "We need bank staff for our homes, and people who drive.";
  CHECK(texts_of(check_with(*settings, far), "jargon.bank-staff") == Texts{"bank staff"});
}

TEST_CASE("a house term is found with its replacement and message and loses its weight") {
  const auto settings = provider_checker(R"({"house_terms": [{"term": "residents",
      "replacement": "the people who live here", "message": "At Brookfield we say the people who live here.",
      "weight": 5}]})");
  const std::string advert = "You will support residents with their meals.";
  const Report shared = check(advert);
  const Report own = check_with(*settings, advert);
  const Finding* finding = first(own, "house.residents");
  REQUIRE(finding != nullptr);
  CHECK(finding->text == "residents");
  CHECK(finding->replacement == "the people who live here");
  CHECK(finding->message == "At Brookfield we say the people who live here.");
  CHECK(finding->points == -5);
  CHECK(finding->category == rules::Category::kClarity);
  CHECK(category_score(own, rules::Category::kClarity) ==
        category_score(shared, rules::Category::kClarity) - 5);
  CHECK(own.rules_version == std::string(shared.rules_version) + "+house@provider-1-v1");
  CHECK(own.rules_hash != shared.rules_hash);
}

TEST_CASE("checking with settings leaves the shared checker as it was") {
  const Report before = check(kBankAdvert);
  const auto settings = provider_checker(
      R"({"disabled_rules": ["jargon.bank-staff"], "house_terms": [{"term": "weekends",
          "replacement": "Saturdays and Sundays", "message": "Name the days."}]})");
  CHECK(texts_of(check_with(*settings, kBankAdvert), "house.weekends") == Texts{"weekends"});
  const Report after = check(kBankAdvert);
  CHECK(after.score == before.score);
  CHECK(texts_of(after, "jargon.bank-staff").size() == 2);
  CHECK(first(after, "house.weekends") == nullptr);
  CHECK(after.rules_version == before.rules_version);
}

TEST_CASE("settings are refused with the entry and the field named as the page names them") {
  CHECK(refusal(R"({"disabled_rules": ["jargon.servce-users"]})") ==
        std::pair<std::string, std::string>{
            "settings.json: switched-off rule 1: \"jargon.servce-users\" is not a rule of the "
            "checker; the rules and their ids are listed by GET /api/v1/rules and on the checker "
            "page",
            "/disabled_rules/0"});
  CHECK(refusal(R"({"allowed_terms": [{"term": "bank"}, {"term": ""}]})") ==
        std::pair<std::string, std::string>{
            "settings.json: allowed term 2: field \"term\": must not be empty",
            "/allowed_terms/1/term"});
  CHECK(refusal(R"({"house_terms": [{"term": "clients", "message": "Say it."}]})") ==
        std::pair<std::string, std::string>{
            "settings.json: house term 1 (\"clients\"): field \"replacement\": is required",
            "/house_terms/0/replacement"});
  CHECK(refusal(R"({"house_terms": [{"term": "clients", "replacement": "people",
      "message": "m", "weight": 11}]})")
            .first ==
        "settings.json: house term 1 (\"clients\"): field \"weight\": must be a "
        "whole number between 0 and 10");
  CHECK(refusal(R"({"allowed_terms": [{"term": "bank", "where": "sometimes"}]})").first ==
        "settings.json: allowed term 1 (\"bank\"): field \"where\": \"sometimes\" is not one of "
        "everywhere, explained");
  CHECK(refusal(R"({"allowed_terms": [{"term": "Bank"}], "house_terms": [{"term": "bank",
      "replacement": "relief", "message": "m"}]})")
            .first ==
        "settings.json: house term 1: field \"term\": \"bank\" is also an allowed "
        "term: a term is either allowed or flagged");
  CHECK(refusal(R"({"allowed_terms": [{"term": "bank  staff"}]})").first ==
        "settings.json: allowed term 1: field \"term\": \"bank  staff\" must be words separated "
        "by single spaces");
  CHECK(refusal(R"({"alowed_terms": []})") ==
        std::pair<std::string, std::string>{
            "settings.json: field \"alowed_terms\" is not a known field (known: disabled_rules, "
            "allowed_terms, house_terms)",
            "/alowed_terms"});
  CHECK(refusal(R"({"allowed_terms": [{"term": "bank", "were": "explained"}]})").first ==
        "settings.json: allowed term 1 (\"bank\"): field \"were\": is not a known field here "
        "(known: term, where)");
  CHECK_THROWS_WITH_AS(parse(R"({"disabled_rules": [)"),
                       "settings.json: not valid JSON at byte 20: incomplete JSON", Error);
}

TEST_CASE("settings written as JSON read back the same and an export's metadata is ignored") {
  const std::string json = R"({"version": 4, "updated_at": "2026-12-06T10:00:00Z",
      "updated_by": "key 0123456789abcdef", "disabled_rules": ["hard-sell.exclamation-marks"],
      "allowed_terms": [{"term": "NVQ", "where": "explained"}],
      "house_terms": [{"term": "clients", "replacement": "the people we support",
                       "message": "We say the people we support.", "severity": "warning"}]})";
  const auto settings = parse(json);
  const auto written = boost::json::serialize(rules::checker_settings_to_json(settings));
  CHECK(
      written ==
      R"({"disabled_rules":["hard-sell.exclamation-marks"],"allowed_terms":[{"term":"NVQ","where":"explained"}],)"
      R"("house_terms":[{"term":"clients","replacement":"the people we support","message":"We say the people we support.",)"
      R"("category":"clarity","severity":"warning","weight":3}]})");
  CHECK(boost::json::serialize(rules::checker_settings_to_json(parse(written))) == written);
  CHECK(parse("{}").empty());
}

TEST_CASE("what changed between two settings is one sentence per change") {
  const auto before = parse(R"({"disabled_rules": ["jargon.bank-staff"],
      "allowed_terms": [{"term": "NVQ"}, {"term": "CQC"}],
      "house_terms": [{"term": "clients", "replacement": "people", "message": "m"}]})");
  const auto after = parse(R"({"disabled_rules": ["hard-sell.exclamation-marks"],
      "allowed_terms": [{"term": "NVQ", "where": "explained"}, {"term": "bank"}],
      "house_terms": [{"term": "clients", "replacement": "the people we support", "message": "m",
                       "weight": 5}]})");
  CHECK(rules::describe_changes(before, after) ==
        std::vector<std::string>{"switched off rule hard-sell.exclamation-marks",
                                 "switched rule jargon.bank-staff back on",
                                 "allowed \"NVQ\" where the advert explains it (was everywhere)",
                                 "allowed \"bank\" everywhere", "no longer allows \"CQC\"",
                                 "house term \"clients\": replacement \"people\" → \"the people we "
                                 "support\", weight 3 → 5"});
  CHECK(rules::describe_changes(after, after).empty());
}

TEST_CASE("the cache builds a provider's checker once per settings version") {
  SettingsCheckerCache cache(2);
  const auto build = [] { return std::shared_ptr<const SettingsChecker>(provider_checker("{}")); };
  const auto first_checker = cache.get(1, 1, build);
  CHECK(cache.get(1, 1, build) == first_checker);
  CHECK(cache.builds() == 1);
  const auto second_version = cache.get(1, 2, build);
  CHECK(second_version != first_checker);
  CHECK(cache.builds() == 2);
  cache.get(2, 1, build);
  cache.get(3, 1, build);  // three providers in a cache of two: provider 1 is dropped
  CHECK(cache.builds() == 4);
  cache.get(1, 2, build);
  CHECK(cache.builds() == 5);
  CHECK_THROWS(cache.get(4, 1, []() -> std::shared_ptr<const SettingsChecker> {
    throw Error(ErrorCode::kInvalid, "no");
  }));
  CHECK(cache.builds() == 5);
}

TEST_CASE("one check context serves the shared and a provider's checker in turn") {
  // The provider allows "bank"; the shared checker flags "bank staff" twice. A context that has
  // just served one checker must give the other's reports exactly as a fresh context does.
  const auto settings = provider_checker(R"({"allowed_terms": [{"term": "bank"}]})");
  const Checker& own = settings->checker();
  const Checker& shared = checker();
  const std::string other = "Domiciliary care workers wanted. You will support service users.";
  const auto json = [](const Report& report) {
    return boost::json::serialize(report_to_json(report));
  };
  CheckContext reused;
  for (int round = 0; round < 3; ++round) {
    for (const std::string* text : {&kBankAdvert, &other}) {
      const CheckOptions options{"", "", kCheckDay};
      CheckContext fresh_shared;
      CheckContext fresh_own;
      CHECK(json(shared.check(*text, options, reused)) ==
            json(shared.check(*text, options, fresh_shared)));
      CHECK(json(own.check(*text, options, reused)) == json(own.check(*text, options, fresh_own)));
    }
  }
  CHECK(texts_of(shared.check(kBankAdvert, {"", "", kCheckDay}, reused), "jargon.bank-staff") ==
        Texts{"bank staff", "Bank staff"});
  CHECK(texts_of(own.check(kBankAdvert, {"", "", kCheckDay}, reused), "jargon.bank-staff").empty());
}

TEST_CASE("a context pool makes one context per check at once and hands them out again") {
  CheckContextPool pool;
  const CheckContext* first = nullptr;
  const CheckContext* second = nullptr;
  {
    const CheckContextPool::Lease a = pool.lease();
    const CheckContextPool::Lease b = pool.lease();
    first = &*a;
    second = &*b;
    CHECK(first != second);
    CHECK(pool.made() == 2);
  }
  // Both are back: the last given back (the first lease, destroyed after the second) comes first.
  {
    const CheckContextPool::Lease again = pool.lease();
    CHECK(&*again == first);
    const Report report = checker().check(kBankAdvert, {"", "", kCheckDay}, *again);
    CHECK(texts_of(report, "jargon.bank-staff") == Texts{"bank staff", "Bank staff"});
  }
  const CheckContextPool::Lease a = pool.lease();
  const CheckContextPool::Lease b = pool.lease();
  const CheckContextPool::Lease c = pool.lease();
  CHECK(&*b == second);
  CHECK(pool.made() == 3);
}

}  // namespace caretoolkit::advert::testing
