// Publishing a vacancy over the API with the real advert checker, and its public pages: the
// refusal naming each gap, the JobPosting parsed out of the page and checked property by
// property, counted views and apply clicks, the listing, the sitemap, 404 and 410, escaping, and
// tenancy between providers.
#include <doctest/doctest.h>

#include "api_fixture.hpp"
#include "core/date.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

// An advert that states pay, place and how to apply, with a line that tries to end the page's
// JSON-LD script and a tag that must stay text.
const std::string kAdvert =
    "Care assistant in Hinckley (LE10)\n\nYou will help people live the life they choose. We pay "
    "£12.90 an hour, with paid training. </script><b>bold</b>\n\nTo apply, call Sam on 0116 496 "
    "0000 or apply online.";

std::string vacancy_json(const std::string& extra = {}) {
  boost::json::object body{
      {"role", "Care assistant"},      {"opened_on", "2026-12-01"},
      {"advert_text", kAdvert},        {"town", "Hinckley"},
      {"postcode_district", "le10"},   {"pay_min_pence", 1290},
      {"pay_max_pence", 1350},         {"pay_period", "hour"},
      {"hours_per_week", 37.5},        {"employment_type", "full_time"},
      {"closing_on", "2099-01-31"},    {"apply_url", "https://jobs.example.org/care-assistant"},
      {"apply_phone", "0116 496 0000"}};
  std::string json = boost::json::serialize(body);
  if (!extra.empty()) json.insert(json.size() - 1, "," + extra);
  return json;
}

// The JSON of the page's one <script type="application/ld+json">.
boost::json::object json_ld(const std::string& page) {
  const std::string open = "<script type=\"application/ld+json\">";
  const auto start = page.find(open);
  REQUIRE(start != std::string::npos);
  CHECK(page.find(open, start + 1) == std::string::npos);
  const auto end = page.find("</script>", start);
  REQUIRE(end != std::string::npos);
  return parse_json(page.substr(start + open.size(), end - start - open.size())).as_object();
}

}  // namespace

TEST_CASE("publishing over the API names each gap in the manager's words and changes nothing") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto draft = api.post("/api/v1/vacancies", provider.key,
                              R"({"role": "Care assistant", "opened_on": "2026-12-01",
                                  "advert_text": "Join our friendly team.",
                                  "pay_min_pence": 1100, "pay_period": "hour"})");
  CHECK(draft.at("status") == "draft");
  const std::string id = std::to_string(draft.at("id").as_int64());
  const auto refused = api.call("POST", "/api/v1/vacancies/" + id + "/publish", provider.key);
  REQUIRE(refused.status == 422);
  const auto problem = parse_json(refused.body).as_object();
  std::vector<std::string> details;
  for (const auto& item : problem.at("errors").as_array()) {
    details.emplace_back(item.at("detail").as_string());
  }
  INFO(refused.body);
  // The checker's three essentials, then the particulars: town, how to apply, closing date and
  // £11.00 under the National Living Wage.
  REQUIRE(details.size() == 7);
  CHECK(details[0].starts_with("The advert does not give the pay as an amount"));
  CHECK(details[1].starts_with("The advert does not say where the job is"));
  CHECK(details[2].starts_with("The advert does not say how to apply"));
  CHECK(details[3] == "Town is missing: say where the job is");
  CHECK(details[4] ==
        "How to apply is missing: give a web address, a phone number or an email address");
  CHECK(details[5] == "Closing date is missing: give the last day to apply");
  CHECK(
      details[6].starts_with("Lowest pay (£11.00 an hour) is below the National Living Wage of "
                             "£12.71 an hour"));
  CHECK(api.get("/api/v1/vacancies/" + id, provider.key).at("status") == "draft");
  CHECK(api.call("GET", "/vacancies/" + id, "").status == 404);  // a draft has no public page
}

TEST_CASE("a published vacancy's page carries a complete JobPosting and counts views and clicks") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto created =
      api.post("/api/v1/vacancies", provider.key, vacancy_json(R"("status": "open")"));
  CHECK(created.at("status") == "open");
  CHECK(created.at("postcode_district") == "LE10");
  CHECK(created.at("live_version") == 1);
  const std::string id = std::to_string(created.at("id").as_int64());

  const auto page = api.call("GET", "/vacancies/" + id, "");
  REQUIRE(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  // The advert is text, never markup: its tags are escaped on the page and in the JSON-LD.
  CHECK(page.body.find("<b>bold</b>") == std::string::npos);
  CHECK(page.body.find("&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
  const auto posting = json_ld(page.body);
  CHECK(posting.at("@context") == "https://schema.org");
  CHECK(posting.at("@type") == "JobPosting");
  CHECK(posting.at("title") == "Care assistant");
  CHECK(std::string(posting.at("description").as_string()).starts_with("<p>Care assistant in"));
  CHECK(posting.at("datePosted").as_string().size() == 10);
  CHECK(posting.at("validThrough") == "2099-01-31T23:59:59");
  CHECK(posting.at("hiringOrganization").at("@type") == "Organization");
  CHECK(posting.at("hiringOrganization").at("name") == "Brookfield Home Care");
  const auto& place = posting.at("jobLocation").as_object();
  CHECK(place.at("@type") == "Place");
  CHECK(place.at("address").at("@type") == "PostalAddress");
  CHECK(place.at("address").at("addressLocality") == "Hinckley");
  CHECK(place.at("address").at("postalCode") == "LE10");
  CHECK(place.at("address").at("addressCountry") == "GB");
  const auto& salary = posting.at("baseSalary").as_object();
  CHECK(salary.at("@type") == "MonetaryAmount");
  CHECK(salary.at("currency") == "GBP");
  CHECK(salary.at("value").at("@type") == "QuantitativeValue");
  CHECK(salary.at("value").at("minValue").to_number<double>() == doctest::Approx(12.90));
  CHECK(salary.at("value").at("maxValue").to_number<double>() == doctest::Approx(13.50));
  CHECK(salary.at("value").at("unitText") == "HOUR");
  CHECK(posting.at("employmentType") == "FULL_TIME");
  CHECK(posting.at("directApply") == false);
  CHECK(posting.at("identifier").at("value").as_string() == id);
  CHECK(posting.at("workHours") == "37.5 hours a week");

  // Two views, then the apply link: 303 to the provider's own page, a tel: link for the phone.
  api.call("GET", "/vacancies/" + id, "");
  const auto apply = api.call("GET", "/vacancies/" + id + "/apply", "");
  CHECK(apply.status == 303);
  CHECK(apply.header("Location") == "https://jobs.example.org/care-assistant");
  const auto phone = api.call("GET", "/vacancies/" + id + "/apply?by=phone", "");
  CHECK(phone.status == 303);
  CHECK(phone.header("Location") == "tel:01164960000");
  CHECK(api.call("GET", "/vacancies/" + id + "/apply?by=email", "").status == 404);
  const auto versions = api.get("/api/v1/vacancies/" + id + "/versions", provider.key);
  const auto& first = versions.at("items").as_array().at(0).as_object();
  CHECK(first.at("views") == 2);
  CHECK(first.at("apply_clicks") == 2);
  CHECK(first.at("score").as_int64() == created.at("advert_score").as_int64());
  CHECK(first.at("category_scores").as_object().contains("essentials"));
  CHECK_FALSE(first.at("rules_version").as_string().empty());

  // Closed: 410 and no JobPosting.
  api.post("/api/v1/vacancies/" + id + "/close", provider.key, "", 200);
  const auto gone = api.call("GET", "/vacancies/" + id, "");
  CHECK(gone.status == 410);
  CHECK(gone.body.find("application/ld+json") == std::string::npos);
  CHECK(api.call("GET", "/vacancies/999999", "").status == 404);
}

TEST_CASE("the public list and sitemap hold listed providers' open vacancies only") {
  ApiFixture api;
  const auto listed = api.create_provider("Brookfield Home Care");
  const auto unlisted = api.create_provider("Riverside Homes");
  const auto a = api.post("/api/v1/vacancies", listed.key, vacancy_json(R"("status": "open")"));
  api.post("/api/v1/vacancies", unlisted.key, vacancy_json(R"("status": "open")"));
  CHECK(api.get("/api/v1/settings/listing", listed.key).at("listed") == false);
  const auto before = api.call("GET", "/vacancies", "");
  CHECK(before.body.find("No jobs match") != std::string::npos);
  const auto put = api.client.request("PUT", "/api/v1/settings/listing", R"({"listed": true})",
                                      "application/json", api.auth(listed.key));
  REQUIRE(put.status == 200);
  const std::string link = "/vacancies/" + std::to_string(a.at("id").as_int64());
  const auto list = api.call("GET", "/vacancies", "");
  CHECK(list.body.find("href=\"" + link + "\"") != std::string::npos);
  CHECK(list.body.find("Riverside") == std::string::npos);
  CHECK(api.call("GET", "/vacancies?town=hinckley", "").body.find(link) != std::string::npos);
  CHECK(api.call("GET", "/vacancies?town=Leicester", "").body.find(link) == std::string::npos);
  CHECK(api.call("GET", "/vacancies?service_type=nursing", "").body.find(link) ==
        std::string::npos);
  const auto sitemap = api.call("GET", "/sitemap.xml", "");
  CHECK(sitemap.status == 200);
  INFO(sitemap.body);
  CHECK(sitemap.body.find("<loc>http://127.0.0.1") != std::string::npos);
  CHECK(sitemap.body.find(link + "</loc>") != std::string::npos);
  // The employers' page and one vacancy only.
  CHECK(sitemap.body.find("/vacancies/") == sitemap.body.rfind("/vacancies/"));
  CHECK(sitemap.body.find("/employers</loc>") != std::string::npos);
}

TEST_CASE("one provider can never publish edit or read another's vacancy drafts") {
  ApiFixture api;
  const auto owner = api.create_provider("Brookfield Home Care");
  const auto other = api.create_provider("Riverside Homes");
  const auto draft = api.post("/api/v1/vacancies", owner.key, vacancy_json());
  const std::string base = "/api/v1/vacancies/" + std::to_string(draft.at("id").as_int64());
  CHECK(api.call("POST", base + "/publish", other.key).status == 404);
  CHECK(api.call("POST", base + "/close", other.key).status == 404);
  CHECK(api.call("GET", base + "/versions", other.key).status == 404);
  CHECK(api.call("GET", base + "/counts", other.key).status == 404);
  CHECK(api.call("GET", base, other.key).status == 404);
  CHECK(api.call("PATCH", base, other.key, R"({"status": "open"})").status == 404);
  CHECK(api.call("POST", base + "/publish", "").status == 401);
  CHECK(api.get(base, owner.key).at("status") == "draft");
}

TEST_CASE("a home care vacancy's advert is checked with the rules for home care") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto service =
      api.post("/api/v1/services", provider.key, R"({"name": "Community", "type": "home_care"})");
  // The advert says nothing of travel time, which only home care adverts are asked for.
  const auto plain =
      api.post("/api/v1/vacancies", provider.key, vacancy_json(R"("status": "open")"));
  const auto home_care = api.post("/api/v1/vacancies", provider.key,
                                  vacancy_json(R"("status": "open", "service_id": )" +
                                               std::to_string(service.at("id").as_int64())));
  CHECK(home_care.at("advert_score").as_int64() < plain.at("advert_score").as_int64());
  // A service that is not the provider's is refused by name, not looked up.
  const auto refused = api.call("POST", "/api/v1/vacancies", provider.key,
                                vacancy_json(R"("status": "open", "service_id": 999999)"));
  CHECK(refused.status == 422);
  CHECK(refused.body.find("service_id 999999 is not one of this provider's services") !=
        std::string::npos);
}

TEST_CASE("an advert that ran before it was recorded goes live on its own day over the API") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  std::string body = vacancy_json();
  body.replace(body.find("2026-12-01"), 10, "2025-03-01");
  const auto draft = api.post("/api/v1/vacancies", provider.key, body);
  const std::string base = "/api/v1/vacancies/" + std::to_string(draft.at("id").as_int64());
  const auto refused = [&](const std::string& patch) {
    const auto response = api.call("PATCH", base, provider.key, patch);
    CHECK(response.status == 422);
    const auto problem = parse_json(response.body).as_object();
    CHECK(problem.at("field") == "advert_live_from");
    return std::string(problem.at("detail").as_string());
  };
  const std::string tomorrow = Date::today().plus_days(1).to_string();
  CHECK(refused(R"({"status": "open", "advert_live_from": ")" + tomorrow + R"("})")
            .starts_with("Date the advert went live (" + tomorrow + ") is after today"));
  CHECK(refused(R"({"status": "open", "advert_live_from": "2025-02-28"})")
            .starts_with("Date the advert went live (2025-02-28) is before the date the vacancy "
                         "opened (2025-03-01)"));
  CHECK(api.get(base, provider.key).at("status") == "draft");

  const auto opened = api.call("PATCH", base, provider.key,
                               R"({"status": "open", "advert_live_from": "2025-03-03"})");
  REQUIRE(opened.status == 200);
  const auto vacancy = parse_json(opened.body).as_object();
  CHECK(vacancy.at("published_on") == "2025-03-03");
  CHECK_FALSE(vacancy.contains("advert_live_from"));  // taken on writes, never written out
  const auto edited = api.call(
      "PATCH", base, provider.key,
      R"({"advert_text": "Care assistant in Hinckley (LE10). We pay £13.10 an hour. To apply, call Sam on 0116 496 0000.", "advert_live_from": "2025-06-02"})");
  REQUIRE(edited.status == 200);
  const auto versions = api.get(base + "/versions", provider.key).at("items").as_array();
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].at("live_from") == "2025-03-03");
  CHECK(versions[0].at("live_to") == "2025-06-02");
  CHECK(versions[1].at("live_from") == "2025-06-02");
  CHECK(versions[1].at("live_to").is_null());
  CHECK(
      refused(
          R"({"advert_text": "Care assistant in Hinckley, £13.20 an hour. Call 0116 496 0000.", "advert_live_from": "2025-05-01"})")
          .starts_with("Date the advert went live (2025-05-01) is before advert version 2 went "
                       "live (2025-06-02)"));
}
