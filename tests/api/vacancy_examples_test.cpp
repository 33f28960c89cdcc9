// The example vacancies (examples/vacancies) publish as their README says, against the real
// advert checker and today's National Living Wage: examples/vacancies/publish.sh run on Brookfield
// Home Care (examples/tracker) gives each vacancy its advert versions, the later one scoring
// higher.
#include <doctest/doctest.h>

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

}  // namespace

TEST_CASE(
    "examples/vacancies/publish.sh publishes the three example vacancies with their versions") {
  ApiFixture api;
  const auto provider = api.create_provider("Brookfield Home Care");
  const auto imported = api.client.request(
      "POST", "/api/v1/import/applicants",
      read_file(std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/applicants.csv"),
      "text/csv", api.auth(provider.key));
  REQUIRE(imported.status == 200);

  const std::string base = "http://127.0.0.1:" + std::to_string(api.server.port());
  ChildProcess script(
      "/bin/sh", {"-c", R"(cd "$1" && bash examples/vacancies/publish.sh "$2" "$3")", "publish.sh",
                  CARETOOLKIT_SOURCE_DIR, base, provider.key});
  const int status = script.wait(std::chrono::seconds(60));
  const std::string& output = script.output();
  INFO(output);
  REQUIRE(status == 0);
  CHECK(output.find("Care worker: advert version 2") != std::string::npos);
  CHECK(output.find("Senior care worker: advert version 2") != std::string::npos);
  CHECK(output.find("Care coordinator: advert version 1") != std::string::npos);

  std::map<std::string, std::vector<std::int64_t>> scores;
  const auto vacancies = api.get("/api/v1/vacancies", provider.key);
  for (const auto& item : vacancies.at("items").as_array()) {
    const auto& vacancy = item.as_object();
    CHECK(vacancy.at("status") == "open");
    const auto versions =
        api.get("/api/v1/vacancies/" + std::to_string(vacancy.at("id").as_int64()) + "/versions",
                provider.key);
    for (const auto& version : versions.at("items").as_array()) {
      scores[std::string(vacancy.at("role").as_string())].push_back(version.at("score").as_int64());
    }
  }
  REQUIRE(scores["Care worker"].size() == 2);
  CHECK(scores["Care worker"][1] > scores["Care worker"][0]);
  REQUIRE(scores["Senior care worker"].size() == 2);
  CHECK(scores["Senior care worker"][1] > scores["Senior care worker"][0]);
  CHECK(scores["Care coordinator"].size() == 1);
  const auto listed = api.call("GET", "/vacancies", "");
  CHECK(listed.body.find("Care coordinator") != std::string::npos);
}
