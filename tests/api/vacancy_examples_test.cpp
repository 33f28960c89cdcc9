// The example vacancies (examples/vacancies) load as their README says, against the real advert
// checker and today's National Living Wage: examples/vacancies/publish.sh run on Brookfield Home
// Care (examples/tracker) records each vacancy's advert versions on the days they went live in
// 2025, adds the applicants who came through the vacancy pages and lists the vacancies; the
// vacancies report then sets each version and score band beside what it brought, every figure
// countable from the two applicants files and versions.csv.
#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "api_fixture.hpp"
#include "child_process.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), {}};
}

// Brookfield Home Care with examples/tracker's applicants, published by publish.sh.
struct LoadedExamples {
  ApiFixture api;
  ProviderAccount provider = api.create_provider("Brookfield Home Care");
  std::string output;

  LoadedExamples() {
    const auto imported = api.client.request(
        "POST", "/api/v1/import/applicants",
        read_file(std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/applicants.csv"),
        "text/csv", api.auth(provider.key));
    REQUIRE(imported.status == 200);
    const std::string base = "http://127.0.0.1:" + std::to_string(api.server.port());
    ChildProcess script("/bin/sh",
                        {"-c", R"(cd "$1" && bash examples/vacancies/publish.sh "$2" "$3")",
                         "publish.sh", CARETOOLKIT_SOURCE_DIR, base, provider.key});
    const int status = script.wait(std::chrono::seconds(60));
    output = script.output();
    INFO(output);
    REQUIRE(status == 0);
  }
};

// What a row of the report (a version or a band) holds, as the README's table shows it.
struct ExampleRow {
  std::int64_t applicants, from_vacancy_page, interviewed, offered, started;
  // Still in post of those old enough to judge, at 91, 182 and 365 days.
  std::array<std::pair<std::int64_t, std::int64_t>, 3> retained;
};

void check_example_row(const boost::json::value& row, const ExampleRow& expected) {
  CAPTURE(boost::json::serialize(row));
  CHECK(row.at("applicants").as_int64() == expected.applicants);
  CHECK(row.at("from_vacancy_page").as_int64() == expected.from_vacancy_page);
  CHECK(row.at("interviewed").as_int64() == expected.interviewed);
  CHECK(row.at("offered").as_int64() == expected.offered);
  CHECK(row.at("started").as_int64() == expected.started);
  CHECK(row.at("views").as_int64() == 0);
  CHECK(row.at("apply_clicks").as_int64() == 0);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& mark = row.at("retention").at(i);
    CHECK(mark.at("retained").as_int64() == expected.retained[i].first);
    CHECK(mark.at("eligible").as_int64() == expected.retained[i].second);
  }
}

}  // namespace

TEST_CASE(
    "examples/vacancies/publish.sh records the three vacancies' adverts on the days they ran") {
  LoadedExamples examples;
  const std::string& output = examples.output;
  CHECK(output.find("Care worker: advert version 1, score 63, live from 2025-01-01") !=
        std::string::npos);
  CHECK(output.find("Care worker: advert version 2, score 90, live from 2025-07-01") !=
        std::string::npos);
  CHECK(output.find("Senior care worker: advert version 1, score 47, live from 2025-01-06") !=
        std::string::npos);
  CHECK(output.find("Care coordinator: advert version 2, score 88, live from 2025-07-01") !=
        std::string::npos);
  CHECK(output.find("Applicants from the vacancy pages: 18 added") != std::string::npos);

  auto& api = examples.api;
  const auto& key = examples.provider.key;
  // Each vacancy: the days its versions went live and their scores on the shipped rules.
  std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> versions;
  const auto vacancies = api.get("/api/v1/vacancies", key);
  for (const auto& item : vacancies.at("items").as_array()) {
    const auto& vacancy = item.as_object();
    CHECK(vacancy.at("status") == "open");
    const auto id = std::to_string(vacancy.at("id").as_int64());
    const auto listed = api.get("/api/v1/vacancies/" + id + "/versions", key);
    for (const auto& version : listed.at("items").as_array()) {
      versions[std::string(vacancy.at("role").as_string())].emplace_back(
          std::string(version.at("live_from").as_string()), version.at("score").as_int64());
    }
  }
  using Versions = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(versions["Care worker"] == Versions{{"2025-01-01", 63}, {"2025-07-01", 90}});
  CHECK(versions["Senior care worker"] == Versions{{"2025-01-06", 47}, {"2025-09-01", 88}});
  CHECK(versions["Care coordinator"] == Versions{{"2025-01-05", 81}, {"2025-07-01", 88}});
  const auto listed = api.call("GET", "/vacancies", "");
  CHECK(listed.body.find("Care coordinator") != std::string::npos);
}

TEST_CASE("the vacancies report on the examples sets each advert version beside its outcomes") {
  LoadedExamples examples;
  const auto report =
      examples.api.get("/api/v1/reports/vacancies?from=2025-01-01&to=2025-12-31&as_of=2026-10-31",
                       examples.provider.key);
  const auto& versions = report.at("versions").as_array();
  REQUIRE(versions.size() == 6);
  std::map<std::pair<std::string, std::int64_t>, boost::json::value> by_version;
  for (const auto& row : versions) {
    by_version[{std::string(row.at("role").as_string()), row.at("version").as_int64()}] = row;
  }
  // Care worker: the 120 applicants of January to June answered the weak advert and 10 started;
  // the 110 of July to December and the 12 from the vacancy page answered the rewrite, and 24
  // started. The 12 of its starters from after 31 October 2025 are too recent to judge at a year.
  const auto& worker_1 = by_version.at({"Care worker", 1});
  CHECK(worker_1.at("score_band").as_string() == "50_to_69");
  CHECK(worker_1.at("live_to").as_string() == "2025-07-01");
  CHECK(worker_1.at("days_open").as_int64() == 182);
  CHECK(worker_1.at("days_to_fill").as_double() ==
        57);  // opened 1 January, first start 27 February
  check_example_row(worker_1, {120, 0, 25, 12, 10, {{{10, 10}, {8, 10}, {5, 10}}}});
  const auto& worker_2 = by_version.at({"Care worker", 2});
  CHECK(worker_2.at("score_band").as_string() == "85_and_over");
  CHECK_FALSE(worker_2.as_object().contains("live_to"));  // still live
  CHECK(worker_2.at("days_open").as_int64() == 184);
  check_example_row(worker_2, {122, 12, 42, 28, 24, {{{18, 24}, {16, 24}, {7, 12}}}});
  // Senior care worker: 24 applicants to the advert under 50 from 6 January, one starter who left
  // within the year; 9 applicants and 4 from the page to the rewrite from 1 September.
  const auto& senior_1 = by_version.at({"Senior care worker", 1});
  CHECK(senior_1.at("score_band").as_string() == "under_50");
  CHECK(senior_1.at("days_to_fill").as_double() == 130);
  check_example_row(senior_1, {24, 0, 4, 2, 1, {{{1, 1}, {1, 1}, {0, 1}}}});
  check_example_row(by_version.at({"Senior care worker", 2}),
                    {13, 4, 4, 2, 2, {{{2, 2}, {2, 2}, {1, 1}}}});
  // Care coordinator: nobody started from the first advert; the rewrite filled it on 5 August.
  const auto& coordinator_1 = by_version.at({"Care coordinator", 1});
  CHECK(coordinator_1.at("score_band").as_string() == "70_to_84");
  CHECK(coordinator_1.at("days_to_fill").as_double() == 212);
  check_example_row(coordinator_1, {8, 0, 1, 0, 0, {{{0, 0}, {0, 0}, {0, 0}}}});
  check_example_row(by_version.at({"Care coordinator", 2}),
                    {16, 2, 4, 1, 1, {{{1, 1}, {1, 1}, {1, 1}}}});

  // By band: each weak advert alone in its band, the three rewrites together at 85 and over.
  const auto& bands = report.at("bands").as_array();
  REQUIRE(bands.size() == 4);
  CHECK(bands[0].at("versions").as_int64() == 1);
  check_example_row(bands[0], {24, 0, 4, 2, 1, {{{1, 1}, {1, 1}, {0, 1}}}});
  check_example_row(bands[1], {120, 0, 25, 12, 10, {{{10, 10}, {8, 10}, {5, 10}}}});
  check_example_row(bands[2], {8, 0, 1, 0, 0, {{{0, 0}, {0, 0}, {0, 0}}}});
  CHECK(bands[3].at("versions").as_int64() == 3);
  check_example_row(bands[3], {151, 18, 50, 31, 27, {{{21, 27}, {19, 27}, {9, 14}}}});
}
