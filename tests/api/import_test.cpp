// Importing over HTTP again: a corrected spend sheet says what it replaced, a row that would
// rewrite an applicant's history is refused until ?accept_changes=true, and a source whose
// channel is not known yet takes the channel of the applicants sheet.
#include <doctest/doctest.h>

#include "api_fixture.hpp"

using namespace caretoolkit::testing;

namespace {

const std::string kHeader =
    "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
    "left_on,left_reason,outcome\n";

HttpResult import_csv(ApiFixture& api, const ProviderAccount& provider, const std::string& target,
                      const std::string& csv) {
  return api.client.request("POST", target, csv, "text/csv", api.auth(provider.key));
}

}  // namespace

TEST_CASE("a row that would rewrite history is refused until accept_changes is true") {
  ApiFixture api;
  const auto provider = api.create_provider("Old Oak Care");
  const std::string first = kHeader +
                            "A-1,Indeed,job_board,,,2025-01-06,2025-01-10,2025-01-20,"
                            "2025-03-01,,,\n";
  REQUIRE(import_csv(api, provider, "/api/v1/import/applicants", first).status == 200);
  const std::string reused = kHeader + "A-1,Indeed,job_board,,,2025-04-02,,,,,,\n";

  auto response = import_csv(api, provider, "/api/v1/import/applicants", reused);
  CHECK(response.status == 409);
  const auto problem = parse_json(response.body);
  CHECK(std::string(problem.at("detail").as_string())
            .ends_with("if the file is right, send it again to POST "
                       "/api/v1/import/applicants?accept_changes=true"));
  const auto& error = problem.at("errors").at(0);
  CHECK(error.at("line") == 2);
  CHECK(error.at("detail") ==
        "A-1: applied_on 2025-01-06 → 2025-04-02; interviewed_on 2025-01-10 would be removed; "
        "offered_on 2025-01-20 would be removed; started_on 2025-03-01 would be removed");
  auto stored = api.get("/api/v1/applicants?reference=A-1", provider.key);
  CHECK(stored.at("items").at(0).at("started_on") == "2025-03-01");

  CHECK(
      import_csv(api, provider, "/api/v1/import/applicants?accept_changes=maybe", reused).status ==
      422);
  response = import_csv(api, provider, "/api/v1/import/applicants?accept_changes=true", reused);
  REQUIRE(response.status == 200);
  const auto summary = parse_json(response.body);
  CHECK(summary.at("updated") == 1);
  CHECK(summary.at("history_changed") == 1);
  CHECK(summary.at("notes").at(0) == "1 applicant's recorded history changed, as accepted");
  stored = api.get("/api/v1/applicants?reference=A-1", provider.key);
  CHECK(stored.at("items").at(0).at("started_on").is_null());
}

TEST_CASE("a corrected spend sheet replaces its source-months and the summary says how") {
  ApiFixture api;
  const auto provider = api.create_provider("Old Oak Care");
  const std::string sheet =
      "source,date,amount,note\n"
      "Indeed,2025-03-03,187.00,\n"
      "Indeed,2025-03-17,150.00,\n"
      "Indeed,2025-03-24,150.00,\n";
  REQUIRE(import_csv(api, provider, "/api/v1/import/spend", sheet).status == 200);
  auto response = import_csv(api, provider, "/api/v1/import/spend", sheet);
  CHECK(parse_json(response.body).at("replaced").as_array().empty());
  std::string corrected = sheet;
  corrected.replace(corrected.find("187.00"), 6, "287.00");
  response = import_csv(api, provider, "/api/v1/import/spend", corrected);
  REQUIRE(response.status == 200);
  const auto summary = parse_json(response.body);
  CHECK(summary.at("created") == 1);
  CHECK(summary.at("removed") == 1);
  CHECK(summary.at("unchanged") == 2);
  const auto& replaced = summary.at("replaced").at(0);
  CHECK(replaced.at("source") == "Indeed");
  CHECK(replaced.at("month") == "2025-03");
  CHECK(replaced.at("rows_before") == 3);
  CHECK(replaced.at("amount_pence_before") == 48700);
  CHECK(replaced.at("amount_pence_after") == 58700);
  CHECK(replaced.at("description") ==
        "replaced 3 rows for Indeed in March 2025: £487.00 → £587.00");
  std::int64_t total = 0;
  const auto spend = api.get("/api/v1/spend", provider.key);
  for (const auto& entry : spend.at("items").as_array()) {
    total += entry.at("amount_pence").as_int64();
  }
  CHECK(total == 58700);
}

TEST_CASE("a source first met in a spend sheet takes its channel from the applicants sheet") {
  ApiFixture api;
  const auto provider = api.create_provider("Old Oak Care");
  REQUIRE(import_csv(api, provider, "/api/v1/import/spend",
                     "source,date,amount,note\nFacebook,2025-01-05,124.00,\n")
              .status == 200);
  auto source = api.get("/api/v1/sources", provider.key).at("items").at(0);
  CHECK(source.at("channel") == "other");
  CHECK(source.at("channel_known") == false);

  auto response = import_csv(api, provider, "/api/v1/import/applicants",
                             kHeader + "A-1,Facebook,social_media,,,2025-01-06,,,,,,\n");
  REQUIRE(response.status == 200);
  CHECK(parse_json(response.body).at("channels_learnt").at(0) == "Facebook (social_media)");
  source = api.get("/api/v1/sources", provider.key).at("items").at(0);
  CHECK(source.at("channel") == "social_media");
  CHECK(source.at("channel_known") == true);

  // Another channel now is a conflict, and the message names the request that fixes it.
  const std::string id = std::to_string(source.at("id").as_int64());
  response = import_csv(api, provider, "/api/v1/import/applicants",
                        kHeader + "A-2,Facebook,job_board,,,2025-01-07,,,,,,\n");
  CHECK(response.status == 422);
  CHECK(std::string(parse_json(response.body).at("errors").at(0).at("detail").as_string()) ==
        "source 'Facebook' is recorded as social_media, not job_board: if job_board is right, "
        "correct the source first: PATCH /api/v1/sources/" +
            id + " with {\"channel\": \"job_board\"}");
  CHECK(api.call("PATCH", "/api/v1/sources/" + id, provider.key, R"({"channel": "job_board"})")
            .status == 200);
  CHECK(import_csv(api, provider, "/api/v1/import/applicants",
                   kHeader + "A-2,Facebook,job_board,,,2025-01-07,,,,,,\n")
            .status == 200);
}
