// The advert-to-outcome report: over HTTP for a provider and for the team, and from the command
// line on a database holding one published vacancy with counted views, clicks and an applicant.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "child_process.hpp"
#include "tracker/store.hpp"
#include "tracker/vacancy_publishing.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

const std::string kReportAdvert =
    "Care assistant in Hinckley (LE10)\n\nYou will help people live the life they choose. We pay "
    "£12.90 an hour, with paid training.\n\nTo apply, call Sam on 0116 496 0000 or apply online.";

// Opened at the start of 2026 and published today.
std::string report_vacancy_json() {
  return boost::json::serialize(boost::json::object{{"role", "Care assistant"},
                                                    {"opened_on", "2026-01-01"},
                                                    {"advert_text", kReportAdvert},
                                                    {"town", "Hinckley"},
                                                    {"pay_min_pence", 1290},
                                                    {"pay_period", "hour"},
                                                    {"closing_on", "2099-01-31"},
                                                    {"apply_phone", "0116 496 0000"},
                                                    {"status", "open"}});
}

// The id of the provider's source named `name`.
std::int64_t report_source_id(ApiFixture& api, const std::string& key, const std::string& name) {
  const auto sources = api.get("/api/v1/sources?limit=1000", key);
  for (const auto& item : sources.at("items").as_array()) {
    if (item.at("name").as_string() == name) return item.at("id").as_int64();
  }
  FAIL("no source named " << name);
  return 0;
}

}  // namespace

TEST_CASE("the vacancies report over HTTP gives each version its views and clicks and applicants") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto created = api.post("/api/v1/vacancies", provider.key, report_vacancy_json());
  const std::string today(created.at("published_on").as_string());
  const std::string id = std::to_string(created.at("id").as_int64());
  for (int i = 0; i < 3; ++i) REQUIRE(api.call("GET", "/vacancies/" + id, "").status == 200);
  REQUIRE(api.call("GET", "/vacancies/" + id + "/apply?by=phone", "").status == 303);
  const auto page = report_source_id(api, provider.key, std::string(tracker::kVacancyPageSource));
  api.post("/api/v1/applicants", provider.key,
           R"({"reference":"P-1","source_id":)" + std::to_string(page) + R"(,"vacancy_id":)" + id +
               R"(,"applied_on":")" + today + R"("})");

  const auto report =
      api.get("/api/v1/reports/vacancies?from=" + today + "&to=" + today, provider.key);
  CHECK(report.at("report") == "vacancies");
  CHECK_FALSE(report.at("limits").as_string().empty());
  const auto& versions = report.at("versions").as_array();
  REQUIRE(versions.size() == 1);
  const auto& version = versions[0].as_object();
  CHECK(version.at("vacancy_id").as_int64() == created.at("id").as_int64());
  CHECK(version.at("version") == 1);
  CHECK(version.at("score").as_int64() == created.at("advert_score").as_int64());
  CHECK(version.at("views") == 3);
  CHECK(version.at("apply_clicks") == 1);
  CHECK(version.at("applicants") == 1);
  CHECK(version.at("from_vacancy_page") == 1);
  CHECK(version.at("days_open") == 1);
  CHECK(version.at("applicants_per_week").to_number<double>() == doctest::Approx(7.0));
  CHECK(version.at("days_to_fill").is_null());
  CHECK(version.at("days_to_fill_reason") == "no_hires");
  // The version's band holds it and the others are empty.
  const auto& bands = report.at("bands").as_array();
  REQUIRE(bands.size() == 4);
  std::int64_t versions_in_bands = 0;
  for (const auto& band : bands) {
    versions_in_bands += band.at("versions").as_int64();
    if (band.at("score_band") == version.at("score_band")) CHECK(band.at("views") == 3);
  }
  CHECK(versions_in_bands == 1);

  // Another provider's key sees none of it; a period without its end is refused in words.
  const auto other = api.create_provider("Other Care");
  CHECK(api.get("/api/v1/reports/vacancies?from=" + today + "&to=" + today, other.key)
            .at("versions")
            .as_array()
            .empty());
  const auto refused = api.call("GET", "/api/v1/reports/vacancies?from=" + today, provider.key);
  CHECK(refused.status == 422);
  CHECK(refused.body.find("to (the last day of the period) is required") != std::string::npos);
}

TEST_CASE("the team's vacancy bands over HTTP withhold a band behind one provider") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto created = api.post("/api/v1/vacancies", provider.key, report_vacancy_json());
  const std::string today(created.at("published_on").as_string());
  REQUIRE(api.call("GET", "/vacancies/" + std::to_string(created.at("id").as_int64()), "").status ==
          200);
  const auto team = api.get("/api/v1/kpis/vacancies?from=" + today + "&to=" + today, api.team_key);
  CHECK(team.at("report") == "team_vacancy_bands");
  CHECK(team.at("min_providers") == 3);
  bool withheld = false;
  for (const auto& band : team.at("bands").as_array()) {
    if (band.at("views").at("providers") == 1) {
      CHECK(band.at("views").at("value").is_null());
      CHECK(band.at("views").at("reason") == "withheld");
      withheld = true;
    }
  }
  CHECK(withheld);
  // A provider's key may not read the team's figures.
  CHECK(api.call("GET", "/api/v1/kpis/vacancies?from=" + today + "&to=" + today, provider.key)
            .status == 403);
}

namespace {

// A database with provider 1 and its vacancy 1, published with a score of 80, viewed three times
// and clicked once today, and one applicant through the vacancy page today.
class PublishedVacancy {
 public:
  PublishedVacancy() : database_(store_.location()) {
    tracker::Store store(database_);
    const tracker::Id provider = store.providers().create("Brookfield Home Care").id;
    tracker::AdvertJudge judge{
        [](const tracker::Vacancy&, Date) {
          return tracker::AdvertAssessment{80, R"({"engaging": 75, "essentials": 90})", "test", {}};
        },
        [](Date) { return std::optional<tracker::PayFloor>(); }};
    tracker::VacancyPublishing publishing(store, judge);
    tracker::Vacancy v;
    v.role = "Care assistant";
    v.opened_on = store.today();
    v.advert_text = kReportAdvert;
    v.town = "Hinckley";
    v.pay_min = Pence{1310};
    v.closing_on = store.today().plus_days(30);
    v.apply_phone = "0116 496 0000";
    const tracker::Id id = publishing.create(provider, v).id;
    publishing.publish(provider, id);
    for (int i = 0; i < 3; ++i) publishing.count(id, tracker::PageEvent::kView);
    publishing.count(id, tracker::PageEvent::kApplyClick);
    tracker::Applicant a;
    a.reference = "P-1";
    for (const auto& s : store.sources().list(provider).items) {
      if (s.name == tracker::kVacancyPageSource) a.source_id = s.id;
    }
    a.vacancy_id = id;
    a.applied_on = store.today();
    store.applicants().create(provider, a);
    today_ = store.today().to_string();
  }

  std::pair<int, std::string> run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.end(), {"--from", today_, "--to", today_, "--db", database_});
    return run_caretoolkit(arguments);
  }

 private:
  TempDir dir_;
  TestStoreLocation store_{dir_.path() / "tracker.db"};
  std::string database_;
  std::string today_;
};

}  // namespace

TEST_CASE("report vacancies prints each version and the bands with the limits in words") {
  const PublishedVacancy db;
  const auto [status, text] = db.run({"report", "vacancies", "--provider", "1"});
  INFO(text);
  CHECK(status == 0);
  CHECK(text.find("Brookfield Home Care: advert to outcome") != std::string::npos);
  CHECK(text.find("Care assistant, version 1") != std::string::npos);
  CHECK(text.find("engaging 75, essentials 90") != std::string::npos);
  CHECK(text.find("association, not proof") != std::string::npos);

  const auto [csv_status, csv] = db.run({"report", "vacancies", "--provider", "1", "--csv"});
  CHECK(csv_status == 0);
  // The version's row: views 3, clicks 1, one applicant through the page, in the 70 to 84 band.
  CHECK(csv.find("version,vacancy:1:version:1,1,Care assistant,1,70_to_84,80,") !=
        std::string::npos);
  CHECK(csv.find(",3,1,1,1,0,0,0,1,7,") != std::string::npos);

  const auto [json_status, json] = db.run({"report", "vacancies", "--provider", "1", "--json"});
  CHECK(json_status == 0);
  const auto report = boost::json::parse(json).as_object();
  CHECK(report.at("versions").as_array().at(0).at("views") == 3);
  CHECK(report.at("bands").as_array().at(2).at("versions") == 1);

  const auto [team_status, team] = db.run({"report", "team-vacancies", "--json"});
  CHECK(team_status == 0);
  const auto bands = boost::json::parse(team).at("bands").as_array();
  CHECK(bands.at(2).at("views").at("reason") == "withheld");
}
