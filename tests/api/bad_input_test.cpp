// A table of bad requests, each with the status and problem type it must get, followed by a check
// that none of them changed what was stored.
#include <filesystem>

#include "api_fixture.hpp"

using namespace caretoolkit::testing;

namespace {

struct BadRequest {
  const char* name;
  std::string method;
  std::string target;
  std::string body;
  std::string content_type;
  enum class Key { kProvider, kTeam, kNone, kWrong } key;
  unsigned status;
  const char* type;             // problem type slug
  const char* field = nullptr;  // expected "field" member, when one
};

}  // namespace

TEST_CASE("bad requests get the right problem and change nothing") {
  ApiFixture api;
  const auto provider = api.create_provider("Bad Input Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Facebook","channel":"social_media"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  const auto applicant =
      api.post("/api/v1/applicants", provider.key,
               R"({"reference":"B-1","source_id":)" + sid + R"(,"applied_on":"2025-02-01"})");
  const std::string events =
      "/api/v1/applicants/" + std::to_string(applicant.at("id").as_int64()) + "/events";
  api.post(events, provider.key, R"({"stage":"interviewed","on":"2025-02-05"})");
  api.post("/api/v1/spend", provider.key,
           R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":9900})");
  const std::string before = api.stored(provider.key);

  using Key = BadRequest::Key;
  const std::string json = "application/json";
  const std::string oversized =
      R"({"text":")" + std::string(std::size_t{300} * 1024, 'a') + R"("})";
  const std::vector<BadRequest> table = {
      {"malformed JSON", "POST", "/api/v1/sources", R"({"name": "x",, })", json, Key::kProvider,
       400, "malformed"},
      {"truncated JSON", "POST", "/api/v1/sources", R"({"name": "x")", json, Key::kProvider, 400,
       "malformed"},
      {"JSON that is not an object", "POST", "/api/v1/sources", "[1,2]", json, Key::kProvider, 400,
       "malformed"},
      {"invalid UTF-8", "POST", "/api/v1/sources", "{\"name\":\"\xC3\x28\",\"channel\":\"other\"}",
       json, Key::kProvider, 400, "malformed"},
      {"too deep", "POST", "/api/v1/sources", std::string(40, '[') + std::string(40, ']'), json,
       Key::kProvider, 400, "malformed"},
      {"wrong type", "POST", "/api/v1/sources", R"({"name":42,"channel":"other"})", json,
       Key::kProvider, 422, "invalid", "/name"},
      {"unknown field", "POST", "/api/v1/sources",
       R"({"name":"X","channel":"other","colour":"red"})", json, Key::kProvider, 422, "invalid",
       "/colour"},
      {"unknown channel", "POST", "/api/v1/sources", R"({"name":"X","channel":"carrier pigeon"})",
       json, Key::kProvider, 422, "invalid", "/channel"},
      {"missing field", "POST", "/api/v1/sources", R"({"name":"X"})", json, Key::kProvider, 422,
       "invalid", "/channel"},
      {"negative money", "POST", "/api/v1/spend",
       R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":-5})", json,
       Key::kProvider, 422, "invalid", "/amount_pence"},
      {"money as text", "POST", "/api/v1/spend",
       R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":"£5"})", json,
       Key::kProvider, 422, "invalid", "/amount_pence"},
      {"money as a fraction", "POST", "/api/v1/spend",
       R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":5.5})", json,
       Key::kProvider, 422, "invalid", "/amount_pence"},
      {"impossible date", "POST", "/api/v1/spend",
       R"({"source_id":)" + sid + R"(,"date":"2025-02-30","amount_pence":5})", json, Key::kProvider,
       422, "invalid", "/date"},
      {"not an ISO date", "POST", "/api/v1/applicants",
       R"({"reference":"Z","source_id":)" + sid + R"(,"applied_on":"01/02/2025"})", json,
       Key::kProvider, 422, "invalid", "/applied_on"},
      {"unknown source", "POST", "/api/v1/applicants",
       R"({"reference":"Z","source_id":999999,"applied_on":"2025-02-01"})", json, Key::kProvider,
       422, "invalid"},
      {"stage before application", "POST", events, R"({"stage":"offered","on":"2025-01-01"})", json,
       Key::kProvider, 422, "invalid"},
      {"start before offer", "POST", events, R"({"stage":"started","on":"2025-02-06"})", json,
       Key::kProvider, 422, "invalid"},
      {"duplicate reference", "POST", "/api/v1/applicants",
       R"({"reference":"B-1","source_id":)" + sid + R"(,"applied_on":"2025-02-01"})", json,
       Key::kProvider, 409, "conflict"},
      {"oversized body", "POST", "/api/v1/adverts/check", oversized, json, Key::kNone, 413,
       "too-large"},
      {"wrong content type", "POST", "/api/v1/sources", R"({"name":"X","channel":"other"})",
       "text/plain", Key::kProvider, 415, "unsupported-media-type"},
      {"CSV sent as JSON", "POST", "/api/v1/import/spend", "source,date,amount,note\n", json,
       Key::kProvider, 415, "unsupported-media-type"},
      {"missing key", "GET", "/api/v1/sources", "", "", Key::kNone, 401, "unauthorized"},
      {"wrong key", "GET", "/api/v1/sources", "", "", Key::kWrong, 401, "unauthorized"},
      {"team key on a provider's data", "GET", "/api/v1/sources", "", "", Key::kTeam, 403,
       "forbidden"},
      {"provider key on team data", "GET", "/api/v1/providers", "", "", Key::kProvider, 403,
       "forbidden"},
      {"provider key creating a provider", "POST", "/api/v1/providers", R"({"name":"Sneaky"})",
       json, Key::kProvider, 403, "forbidden"},
      {"unknown route", "GET", "/api/v1/sauces", "", "", Key::kProvider, 404, "not-found"},
      {"non-numeric id", "GET", "/api/v1/sources/abc", "", "", Key::kProvider, 404, "not-found"},
      {"method not allowed", "PUT", "/api/v1/sources", "{}", json, Key::kProvider, 405,
       "method-not-allowed"},
      {"bad limit", "GET", "/api/v1/applicants?limit=0", "", "", Key::kProvider, 422, "invalid",
       "limit"},
      {"replacement cost far over £10 billion", "GET",
       "/api/v1/reports/roi?from=2025-01-01&to=2025-03-31&"
       "replacement_cost_pence=4000000000000000000",
       "", "", Key::kProvider, 422, "invalid", "replacement_cost_pence"},
      {"replacement cost a penny over £10 billion", "GET",
       "/api/v1/reports/roi?from=2025-01-01&to=2025-03-31&replacement_cost_pence=1000000000001", "",
       "", Key::kProvider, 422, "invalid", "replacement_cost_pence"},
      {"replacement cost past what a number holds", "GET",
       "/api/v1/reports/roi?from=2025-01-01&to=2025-03-31&"
       "replacement_cost_pence=99999999999999999999",
       "", "", Key::kProvider, 422, "invalid", "replacement_cost_pence"},
      {"spend a penny over £10 billion", "POST", "/api/v1/spend",
       R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":1000000000001})", json,
       Key::kProvider, 422, "invalid", "/amount_pence"},
      {"CSV with a bad row", "POST", "/api/v1/import/spend",
       "source,date,amount,note\nFacebook,2025-02-01,-3,\n", "text/csv", Key::kProvider, 422,
       "invalid"},
  };

  for (const auto& bad : table) {
    CAPTURE(bad.name);
    std::vector<std::pair<std::string, std::string>> headers;
    switch (bad.key) {
      case Key::kProvider:
        headers = api.auth(provider.key);
        break;
      case Key::kTeam:
        headers = api.auth(api.team_key);
        break;
      case Key::kWrong:
        headers = api.auth("ctk_AAAAAAAAAAAA_notarealsecret");
        break;
      case Key::kNone:
        break;
    }
    HttpClient client("127.0.0.1", api.server.port());
    const auto response =
        client.request(bad.method, bad.target, bad.body, bad.content_type, headers);
    CHECK(response.status == bad.status);
    CHECK(response.header("Content-Type") == "application/problem+json");
    const auto problem = parse_json(response.body).as_object();
    CHECK(problem.at("type").as_string() == std::string("/problems/") + bad.type);
    CHECK(problem.at("status").as_int64() == bad.status);
    CHECK_FALSE(problem.at("title").as_string().empty());
    CHECK_FALSE(problem.at("detail").as_string().empty());
    if (bad.field != nullptr) {
      REQUIRE(problem.contains("field"));
      CHECK(problem.at("field").as_string() == bad.field);
    }
    if (bad.status == 405) CHECK_FALSE(response.header("Allow").empty());
    if (bad.status == 401) CHECK(response.header("WWW-Authenticate") == "Bearer");
  }
  CHECK(api.stored(provider.key) == before);
}

TEST_CASE("a CSV import names every bad row by line and stores nothing") {
  ApiFixture api;
  const auto provider = api.create_provider("Import Care");
  const std::string csv =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n"
      "R1,Indeed,job board,,,2025-01-05,,,,,,\n"
      "R2,Indeed,job board,,,2025-01-06,2025-01-01,,,,,\n"
      "R3,Indeed,job board,,,not-a-date,,,,,,\n"
      "R4,Referral,staff referral,,,2025-01-07,2025-01-08,2025-01-09,2025-01-20,,,\n";
  const auto response = api.client.request("POST", "/api/v1/import/applicants", csv, "text/csv",
                                           api.auth(provider.key));
  CHECK(response.status == 422);
  const auto problem = parse_json(response.body).as_object();
  REQUIRE(problem.contains("errors"));
  std::vector<std::int64_t> lines;
  for (const auto& error : problem.at("errors").as_array()) {
    lines.push_back(error.at("line").as_int64());
  }
  CHECK(std::find(lines.begin(), lines.end(), 3) != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), 4) != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), 2) == lines.end());
  CHECK(api.get("/api/v1/applicants", provider.key).at("items").as_array().empty());
  CHECK(api.get("/api/v1/sources", provider.key).at("items").as_array().empty());
}

TEST_CASE("money at the 10 billion pound bound is stored and reported to the penny") {
  ApiFixture api;
  const auto provider = api.create_provider("Bound Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Agency","channel":"agency"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  for (int i = 1; i <= 5; ++i) {
    api.post("/api/v1/applicants", provider.key,
             R"({"reference":"M-)" + std::to_string(i) + R"(","source_id":)" + sid +
                 R"(,"applied_on":"2024-01-02","offered_on":"2024-01-05",)"
                 R"("started_on":"2024-01-10"})");
    api.post("/api/v1/spend", provider.key,
             R"({"source_id":)" + sid + R"(,"date":"2024-01-05","amount_pence":1000000000000})");
  }
  const auto report = api.get(
      "/api/v1/reports/roi?from=2024-01-01&to=2024-01-31&as_of=2025-06-30&"
      "replacement_cost_pence=1000000000000",
      provider.key);
  CHECK(report.at("replacement_cost_pence").as_int64() == 1'000'000'000'000);
  CHECK(report.at("total").at("spend_pence").as_int64() == 5'000'000'000'000);
  CHECK(report.at("total").at("cost_per_hire_pence").as_int64() == 1'000'000'000'000);
  const auto& agency = report.at("sources").as_array().at(0).as_object();
  // 5 starters all still in post after a year, at £10 billion each: £50 billion of benefit
  // against £50 billion of spend.
  CHECK(agency.at("spend_pence").as_int64() == 5'000'000'000'000);
  CHECK(agency.at("benefit_pence").as_int64() == 5'000'000'000'000);
  CHECK(agency.at("roi").as_double() == 0.0);
  CHECK(agency.at("cost_per_expected_stayer_pence").as_int64() == 1'000'000'000'000);
}

TEST_CASE("a refused CSV import lists every bad row and sums them up by column and kind") {
  ApiFixture api;
  const auto provider = api.create_provider("Import Care");
  std::string csv = "source,date,amount,note\n";
  for (int row = 0; row < 285; ++row) csv += "Indeed,Feb 3rd 2025,\"(£12.00)\",\n";
  const auto response =
      api.client.request("POST", "/api/v1/import/spend", csv, "text/csv", api.auth(provider.key));
  CHECK(response.status == 422);
  const auto problem = parse_json(response.body).as_object();
  CHECK(problem.at("errors").as_array().size() == 570);
  const auto& groups = problem.at("groups").as_array();
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].at("field").as_string() == "date");
  CHECK(groups[0].at("count").as_int64() == 285);
  CHECK(groups[0].at("detail").as_string() ==
        "285 rows are not dates (lines 2, 3, 4 and 282 more); write dates as 2025-02-03 or "
        "03/02/2025");
  CHECK(groups[1].at("field").as_string() == "amount");
  CHECK(groups[1].at("detail").as_string() ==
        "285 rows are negative (lines 2, 3, 4 and 282 more); spend must not be negative");
  CHECK(api.get("/api/v1/spend", provider.key).at("items").as_array().empty());
}

TEST_CASE("money over the bound is refused naming the bound on every way in") {
  ApiFixture api;
  const auto provider = api.create_provider("Over Care");
  api.post("/api/v1/sources", provider.key, R"({"name":"Agency","channel":"agency"})");
  for (const char* amount :
       {"1000000000001", "18446744073709551615", "99999999999999999999999", "1e13"}) {
    CAPTURE(amount);
    const auto response = api.call(
        "POST", "/api/v1/spend", provider.key,
        std::string(R"({"source_id":1,"date":"2025-01-01","amount_pence":)") + amount + "}");
    CHECK(response.status == 422);
    CHECK(response.body.find("Amount must be a whole number from 0 to 1,000,000,000,000, not ") !=
          std::string::npos);
  }
  // A whole number written with an exponent is still a whole number.
  const auto exponent = api.post("/api/v1/spend", provider.key,
                                 R"({"source_id":1,"date":"2025-01-01","amount_pence":1e12})");
  CHECK(exponent.at("amount_pence").as_int64() == 1'000'000'000'000);
  const auto fraction = api.call("POST", "/api/v1/spend", provider.key,
                                 R"({"source_id":1,"date":"2025-01-01","amount_pence":12.5})");
  CHECK(fraction.status == 422);
  CHECK(fraction.body.find("must be a whole number") != std::string::npos);

  const auto sheet =
      api.client.request("POST", "/api/v1/import/spend",
                         "source,date,amount,note\nAgency,2025-02-01,\"20,000,000,000\",\n",
                         "text/csv", api.auth(provider.key));
  CHECK(sheet.status == 422);
  CHECK(sheet.body.find("amount '20,000,000,000' is over the limit; the largest amount the "
                        "toolkit takes is £10000000000.00") != std::string::npos);
  CHECK(api.get("/api/v1/spend", provider.key).at("items").as_array().size() == 1);
}

TEST_CASE("a path that is not UTF-8 is quoted back as valid UTF-8") {
  ApiFixture api;
  const auto response = api.call("GET", "/api/v1/no%c0%afthing", "");
  CHECK(response.status == 404);
  CHECK(response.body.find("/api/v1/no\xEF\xBF\xBD\xEF\xBF\xBDthing") != std::string::npos);
  CHECK(response.body.find("\xC0") == std::string::npos);
  CHECK_NOTHROW(parse_json(response.body));
}
