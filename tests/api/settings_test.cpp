// A provider's own checker settings over HTTP: they apply to that provider's checks and to nobody
// else's, they are saved with who changed what, and bad settings are refused with the field named
// and nothing stored changed.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "api_fixture.hpp"

using namespace caretoolkit::testing;

namespace {

const std::string kSettings = R"({"disabled_rules": ["jargon.bank-staff"],
  "allowed_terms": [{"term": "NVQ", "where": "explained"}],
  "house_terms": [{"term": "residents", "replacement": "the people who live here",
                   "message": "At Brookfield we say the people who live here.", "weight": 5}]})";

const std::string kAdvert =
    R"({"text": "We need bank staff to support residents. An NVQ is welcome.", "date": "2026-12-06"})";

// The rule ids of a check's findings that were found in the text.
std::vector<std::string> found_rules(ApiFixture& api, const std::string& key) {
  const auto response = api.call("POST", "/api/v1/adverts/check", key, kAdvert);
  REQUIRE(response.status == 200);
  std::vector<std::string> rules;
  const boost::json::value report = parse_json(response.body);
  for (const auto& f : report.at("findings").as_array()) {
    if (f.at("outcome") == "found") rules.emplace_back(f.at("rule").as_string());
  }
  return rules;
}

}  // namespace

TEST_CASE("a provider's checker settings apply to its own checks and to nobody else's") {
  ApiFixture api;
  const auto brookfield = api.create_provider("Brookfield Care");
  const auto other = api.create_provider("Other Care");
  const auto public_before = api.call("POST", "/api/v1/adverts/check", "", kAdvert).body;
  CHECK(lists(found_rules(api, brookfield.key), "jargon.bank-staff"));

  const auto saved = api.call("PUT", "/api/v1/settings/checker", brookfield.key, kSettings);
  INFO(saved.body);
  REQUIRE(saved.status == 200);

  const auto own = found_rules(api, brookfield.key);
  CHECK_FALSE(lists(own, "jargon.bank-staff"));
  CHECK(lists(own, "house.residents"));
  CHECK(lists(own, "jargon.nvq"));  // allowed only where explained, and this advert does not
  const auto report =
      parse_json(api.call("POST", "/api/v1/adverts/check", brookfield.key, kAdvert).body)
          .as_object();
  CHECK(std::string(report.at("rules_version").as_string())
            .ends_with("+house@provider-" + std::to_string(brookfield.id) + "-v1"));

  // Another provider, the team and the public checker keep the shared packs.
  for (const std::string& key : {other.key, api.team_key}) {
    const auto theirs = found_rules(api, key);
    CHECK(lists(theirs, "jargon.bank-staff"));
    CHECK_FALSE(lists(theirs, "house.residents"));
  }
  CHECK(api.call("POST", "/api/v1/adverts/check", "", kAdvert).body == public_before);
  CHECK(api.get("/api/v1/settings/checker", other.key).at("version") == 0);
}

TEST_CASE("checker settings are saved with who changed what and when") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Care");
  const auto empty = api.get("/api/v1/settings/checker", provider.key);
  CHECK(empty.at("version") == 0);
  CHECK(empty.at("updated_by").is_null());
  CHECK(empty.at("disabled_rules").as_array().empty());

  const auto saved = api.call("PUT", "/api/v1/settings/checker", provider.key, kSettings);
  REQUIRE(saved.status == 200);
  const auto body = parse_json(saved.body).as_object();
  CHECK(body.at("version") == 1);
  CHECK(body.at("changes") ==
        boost::json::array{"switched off rule jargon.bank-staff",
                           "allowed \"NVQ\" where the advert explains it",
                           "added house term \"residents\" → \"the people who live here\""});
  const std::string who = std::string(body.at("updated_by").as_string());
  CHECK(who.starts_with("key "));
  CHECK(provider.key.find(who.substr(4, 16)) != std::string::npos);  // the key's public id

  // The same settings again change nothing and make no version.
  const auto again =
      parse_json(api.call("PUT", "/api/v1/settings/checker", provider.key, kSettings).body)
          .as_object();
  CHECK(again.at("version") == 1);
  CHECK(again.at("changes").as_array().empty());

  // A change made from version 1 saves version 2; one still made from version 1 is refused.
  const auto next = api.call("PUT", "/api/v1/settings/checker", provider.key,
                             R"({"version": 1, "allowed_terms": [{"term": "NVQ"}]})");
  REQUIRE(next.status == 200);
  const auto stale = api.call("PUT", "/api/v1/settings/checker", provider.key,
                              R"({"version": 1, "disabled_rules": []})");
  CHECK(stale.status == 409);
  CHECK(stale.body.find("now version 2") != std::string::npos);
  const auto stored = api.get("/api/v1/settings/checker", provider.key);
  CHECK(stored.at("version") == 2);
  CHECK(stored.at("allowed_terms") ==
        boost::json::array{boost::json::object{{"term", "NVQ"}, {"where", "everywhere"}}});

  const auto history = api.get("/api/v1/settings/checker/history", provider.key);
  const auto& items = history.at("items").as_array();
  REQUIRE(items.size() == 2);
  CHECK(items[1].at("version") == 2);
  CHECK(items[1].at("changed_by").as_string() == who);
  CHECK(items[1].at("changes") ==
        boost::json::array{"switched rule jargon.bank-staff back on",
                           "allowed \"NVQ\" everywhere (was where the advert explains it)",
                           "removed house term \"residents\""});
  CHECK(std::string(items[1].at("changed_at").as_string()).size() == 20);
}

TEST_CASE("bad checker settings are refused naming the field and nothing stored changes") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Care");
  REQUIRE(api.call("PUT", "/api/v1/settings/checker", provider.key, kSettings).status == 200);
  const auto before = api.call("GET", "/api/v1/settings/checker", provider.key).body;

  const auto unknown = api.call("PUT", "/api/v1/settings/checker", provider.key,
                                R"({"disabled_rules": ["jargon.servce-users"]})");
  CHECK(unknown.status == 422);
  const auto problem = parse_json(unknown.body).as_object();
  CHECK(problem.at("field") == "/disabled_rules/0");
  CHECK(std::string(problem.at("detail").as_string()) ==
        "the settings: switched-off rule 1: \"jargon.servce-users\" is not a rule of the checker; "
        "the rules and their ids are listed by GET /api/v1/rules and on the checker page");

  const auto empty_term =
      api.call("PUT", "/api/v1/settings/checker", provider.key,
               R"({"house_terms": [{"term": "", "replacement": "x", "message": "y"}]})");
  CHECK(empty_term.status == 422);
  CHECK(parse_json(empty_term.body).at("field") == "/house_terms/0/term");

  CHECK(api.call("PUT", "/api/v1/settings/checker", provider.key, R"({"house_terms": [)").status ==
        400);
  CHECK(api.call("PUT", "/api/v1/settings/checker", provider.key, R"({"version": "one"})").status ==
        422);
  CHECK(api.call("GET", "/api/v1/settings/checker", provider.key).body == before);
  CHECK(api.get("/api/v1/settings/checker/history", provider.key).at("items").as_array().size() ==
        1);

  // The settings are a provider's own: a team key and no key are refused.
  CHECK(api.call("GET", "/api/v1/settings/checker", api.team_key).status == 403);
  CHECK(api.call("PUT", "/api/v1/settings/checker", "", kSettings).status == 401);
}
