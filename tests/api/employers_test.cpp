// The employers' directory over HTTP: a provider's profile through GET|PUT
// /api/v1/settings/profile (its own only), and the public page /employers: listed providers only,
// in alphabetical order, by town and kind of service, each with links to its open vacancies, and
// every text from a provider escaped.
#include <doctest/doctest.h>

#include "api_fixture.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

const std::string kProfile = "/api/v1/settings/profile";

HttpResult put(ApiFixture& api, const std::string& target, const std::string& key,
               const std::string& body) {
  return api.call("PUT", target, key, body);
}

// An open vacancy in Hinckley that passes the advert checker's essentials; returns its id.
std::int64_t open_vacancy(ApiFixture& api, const std::string& key, const std::string& role) {
  boost::json::object body{
      {"role", role},
      {"opened_on", "2026-12-01"},
      {"advert_text",
       "Care assistant in Hinckley (LE10)\n\nWe pay £12.90 an hour, with paid training.\n\nTo "
       "apply, call Sam on 0116 496 0000 or apply online."},
      {"town", "Hinckley"},
      {"postcode_district", "LE10"},
      {"pay_min_pence", 1290},
      {"pay_period", "hour"},
      {"closing_on", "2099-01-31"},
      {"apply_url", "https://jobs.example.org/care"},
      {"status", "open"}};
  return api.post("/api/v1/vacancies", key, boost::json::serialize(body)).at("id").as_int64();
}

void add_service(ApiFixture& api, const std::string& key, const std::string& name,
                 const std::string& type) {
  api.post("/api/v1/services", key,
           boost::json::serialize(boost::json::object{{"name", name}, {"type", type}}));
}

void list(ApiFixture& api, const std::string& key) {
  REQUIRE(put(api, "/api/v1/settings/listing", key, R"({"listed": true})").status == 200);
}

}  // namespace

TEST_CASE("a provider reads and writes its own profile and never another's") {
  ApiFixture api;
  const auto brookfield = api.create_provider("Brookfield Home Care");
  const auto riverside = api.create_provider("Riverside Homes");
  add_service(api, brookfield.key, "Hinckley visits", "home_care");
  const auto empty = api.get(kProfile, brookfield.key);
  CHECK(empty.at("town") == "");
  CHECK(empty.at("postcode_district") == "");
  CHECK(empty.at("description") == "");
  CHECK(empty.at("service_types") == boost::json::array{"home_care"});

  const auto saved = put(api, kProfile, brookfield.key,
                         R"({"town": " Hinckley ", "postcode_district": "le10",
                             "description": "We help people live at home."})");
  REQUIRE(saved.status == 200);
  const auto body = parse_json(saved.body).as_object();
  CHECK(body.at("town") == "Hinckley");
  CHECK(body.at("postcode_district") == "LE10");
  // A PUT keeps the fields it leaves out.
  REQUIRE(put(api, kProfile, brookfield.key, R"({"town": "Hinckley"})").status == 200);
  CHECK(api.get(kProfile, brookfield.key).at("description") == "We help people live at home.");

  // The other provider's key reads and writes only its own profile.
  CHECK(api.get(kProfile, riverside.key).at("town") == "");
  CHECK(api.get(kProfile, riverside.key).at("service_types") == boost::json::array{});
  REQUIRE(put(api, kProfile, riverside.key, R"({"town": "Leicester"})").status == 200);
  CHECK(api.get(kProfile, brookfield.key).at("town") == "Hinckley");
  CHECK(api.call("GET", kProfile, "").status == 401);
  CHECK(put(api, kProfile, "", R"({"town": "Leicester"})").status == 401);
  CHECK(api.get(kProfile, brookfield.key).at("town") == "Hinckley");
}

TEST_CASE("a profile with a full postcode or written kinds of service is refused unchanged") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  REQUIRE(put(api, kProfile, provider.key, R"({"postcode_district": "LE10"})").status == 200);
  const auto full = put(api, kProfile, provider.key, R"({"postcode_district": "LE10 1AB"})");
  CHECK(full.status == 422);
  INFO(full.body);
  CHECK(full.body.find("give only the first part of the postcode, such as LE10") !=
        std::string::npos);
  const auto types = put(api, kProfile, provider.key, R"({"service_types": ["nursing"]})");
  CHECK(types.status == 422);
  CHECK(types.body.find("Kinds of service come from the provider's services") != std::string::npos);
  const auto long_text =
      put(api, kProfile, provider.key,
          boost::json::serialize(boost::json::object{{"description", std::string(601, 'a')}}));
  CHECK(long_text.status == 422);
  CHECK(long_text.body.find("About us is longer than 600 characters") != std::string::npos);
  CHECK(api.get(kProfile, provider.key).at("postcode_district") == "LE10");
}

TEST_CASE("the employers page lists listed providers alphabetically with their open vacancies") {
  ApiFixture api;
  const auto zetland = api.create_provider("Zetland Nursing");
  const auto abbey = api.create_provider("Abbey Homes");
  const auto hidden = api.create_provider("Aardvark Care");
  add_service(api, zetland.key, "Zetland House", "nursing");
  add_service(api, abbey.key, "Abbey House", "residential");
  add_service(api, hidden.key, "Aardvark House", "nursing");
  put(api, kProfile, zetland.key, R"({"town": "Hinckley", "postcode_district": "LE10"})");
  put(api, kProfile, abbey.key, R"({"town": "Market Harborough", "postcode_district": "LE16"})");
  put(api, kProfile, hidden.key, R"({"town": "Hinckley"})");
  const auto job = open_vacancy(api, abbey.key, "Senior carer");
  open_vacancy(api, hidden.key, "Cook");

  CHECK(api.call("GET", "/employers", "").body.find("No employers match") != std::string::npos);
  list(api, zetland.key);
  list(api, abbey.key);
  const auto page = api.call("GET", "/employers", "");
  REQUIRE(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  INFO(page.body);
  const auto a = page.body.find("<h2>Abbey Homes</h2>");
  const auto z = page.body.find("<h2>Zetland Nursing</h2>");
  REQUIRE(a != std::string::npos);
  REQUIRE(z != std::string::npos);
  CHECK(a < z);
  CHECK(page.body.find("Aardvark") == std::string::npos);  // not listed
  CHECK(page.body.find("Market Harborough (LE16)") != std::string::npos);
  CHECK(page.body.find("Runs: Residential") != std::string::npos);
  CHECK(page.body.find("<a href=\"/vacancies/" + std::to_string(job) + "\">Senior carer</a>") !=
        std::string::npos);
  CHECK(page.body.find("2 employers, in alphabetical order.") != std::string::npos);

  // Filters: the town as typed, case and spacing ignored, and the kind of service.
  const auto by_town = api.call("GET", "/employers?town=%20market%20%20harborough", "").body;
  CHECK(by_town.find("Abbey Homes") != std::string::npos);
  CHECK(by_town.find("Zetland Nursing") == std::string::npos);
  const auto nursing = api.call("GET", "/employers?service_type=nursing", "").body;
  CHECK(nursing.find("Zetland Nursing") != std::string::npos);
  CHECK(nursing.find("Abbey Homes") == std::string::npos);
  CHECK(nursing.find("<option value=\"nursing\" selected>") != std::string::npos);
  CHECK(api.call("GET", "/employers?service_type=nursing&town=Leicester", "")
            .body.find("No employers match") != std::string::npos);

  // Linked from the jobs page and listed in the sitemap.
  CHECK(api.call("GET", "/vacancies", "").body.find("href=\"/employers\"") != std::string::npos);
  CHECK(api.call("GET", "/sitemap.xml", "").body.find("/employers</loc>") != std::string::npos);
}

TEST_CASE("a description holding a script tag shows as text on the employers page") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield <b>Care</b>");
  REQUIRE(put(api, kProfile, provider.key,
              R"({"town": "Hinckley", "description": "<script>alert(1)</script> & friends"})")
              .status == 200);
  list(api, provider.key);
  const auto page = api.call("GET", "/employers?town=%3Cscript%3E", "").body;
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("value=\"&lt;script&gt;\"") != std::string::npos);
  const auto all = api.call("GET", "/employers", "").body;
  INFO(all);
  CHECK(all.find("<script>alert") == std::string::npos);
  CHECK(all.find("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends</p>") !=
        std::string::npos);
  CHECK(all.find("<h2>Brookfield &lt;b&gt;Care&lt;/b&gt;</h2>") != std::string::npos);
}
