// The day an advert is checked for, through the API's "date" field and check's --date: hourly pay
// is compared with the National Living Wage in force that day, and a day that is not a date is
// refused with a message naming it.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "child_process.hpp"

using namespace caretoolkit::testing;

namespace {

// The details of the pay floor's findings in a report.
std::vector<std::string> floor_details(const boost::json::value& report) {
  std::vector<std::string> out;
  for (const auto& finding : report.at("findings").as_array()) {
    if (finding.at("rule").as_string() == "pay-and-hours.below-minimum-wage") {
      out.emplace_back(finding.at("detail").as_string());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("POST adverts check compares hourly pay with the rate in force on the date given") {
  ApiFixture api;
  const std::string text = R"("text":"Care assistant in Stamford. We pay £12.21 an hour.")";
  const auto april =
      api.call("POST", "/api/v1/adverts/check", "", "{" + text + R"(,"date":"2026-04-01"})");
  REQUIRE(april.status == 200);
  CHECK(floor_details(parse_json(april.body)) ==
        std::vector<std::string>{"£12.21 an hour is below £12.71, the rate from 1 April 2026 "
                                 "(checked for 1 April 2026)"});
  const auto march =
      api.call("POST", "/api/v1/adverts/check", "", "{" + text + R"(,"date":"2026-03-31"})");
  REQUIRE(march.status == 200);
  CHECK(floor_details(parse_json(march.body)).empty());
  CHECK(parse_json(march.body).at("schema_version").as_int64() == 4);

  const auto bad =
      api.call("POST", "/api/v1/adverts/check", "", "{" + text + R"(,"date":"2026-02-30"})");
  CHECK(bad.status == 422);
  CHECK(bad.body.find("date") != std::string::npos);
  CHECK(bad.body.find("February 2026 has 28 days") != std::string::npos);
}

TEST_CASE("check --date judges pay by that day's rate and refuses a day that is not a date") {
  TempDir dir;
  const std::string advert = (dir.path() / "advert.txt").string();
  std::ofstream(advert, std::ios::binary) << "Care assistant in Stamford. We pay £12.21 an hour.\n";

  const auto april = run_caretoolkit({"check", "--date", "2026-04-01", advert});
  INFO(april.second);
  CHECK(april.first == 0);
  CHECK(april.second.find("pay-and-hours.below-minimum-wage") != std::string::npos);
  CHECK(april.second.find("the rate from 1 April 2026 (checked for 1 April 2026)") !=
        std::string::npos);

  const auto march = run_caretoolkit({"check", "--date", "2026-03-31", advert});
  CHECK(march.first == 0);
  CHECK(march.second.find("pay-and-hours.below-minimum-wage") == std::string::npos);

  const auto bad = run_caretoolkit({"check", "--date", "31/03/2026", advert});
  INFO(bad.second);
  CHECK(bad.first == 2);
  CHECK(bad.second.find("--date must be a date written YYYY-MM-DD, not '31/03/2026'") !=
        std::string::npos);
}
