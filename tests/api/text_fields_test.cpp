// Text fields over HTTP: a control character in a JSON string is refused with a 422 naming the
// field's JSON pointer and stores nothing; a name that differs only in white space or case is
// the same source; and what the API accepted exports and imports again.
#include "api_fixture.hpp"
#include "tracker/validation.hpp"

using namespace caretoolkit::testing;

namespace {

// POSTs `body` and returns the problem, checking it is a 422 naming `pointer`.
boost::json::object refused(ApiFixture& api, const std::string& target, const std::string& key,
                            const std::string& body, const std::string& pointer) {
  const auto response = api.call("POST", target, key, body);
  INFO(target << " " << body << " -> " << response.status << " " << response.body);
  CHECK(response.status == 422);
  CHECK(response.header("Content-Type") == "application/problem+json");
  auto problem = parse_json(response.body).as_object();
  CHECK(problem.at("type").as_string() == "/problems/invalid");
  REQUIRE(problem.contains("field"));
  CHECK(problem.at("field").as_string() == pointer);
  return problem;
}

}  // namespace

TEST_CASE("a NUL or other control character in a JSON string is refused naming its field") {
  ApiFixture api;
  const auto provider = api.create_provider("Text Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  const auto started = api.post("/api/v1/applicants", provider.key,
                                R"({"reference":"T-1","source_id":)" + sid +
                                    R"(,"applied_on":"2025-01-06","offered_on":"2025-01-08",)"
                                    R"("started_on":"2025-01-20"})");
  const std::string events =
      "/api/v1/applicants/" + std::to_string(started.at("id").as_int64()) + "/events";
  const std::string before = api.stored(provider.key);

  const auto name = refused(api, "/api/v1/sources", provider.key,
                            R"({"name":"Ind\u0000eed","channel":"other"})", "/name");
  CHECK(name.at("detail").as_string() ==
        "name must not contain control characters (found U+0000 at character 4)");
  refused(api, "/api/v1/services", provider.key, R"({"name":"Town\u0007","type":"other"})",
          "/name");
  refused(api, "/api/v1/vacancies", provider.key,
          R"({"role":"Care\nworker","opened_on":"2025-01-01"})", "/role");
  refused(api, "/api/v1/vacancies", provider.key,
          R"({"role":"Care worker","opened_on":"2025-01-01","advert_text":"Join\u0000us"})",
          "/advert_text");
  refused(api, "/api/v1/applicants", provider.key,
          R"({"reference":"T\u00002","source_id":)" + sid + R"(,"applied_on":"2025-01-06"})",
          "/reference");
  const auto left_reason = refused(
      api, "/api/v1/applicants", provider.key,
      R"({"reference":"T-2","source_id":)" + sid +
          R"(,"applied_on":"2025-01-06","offered_on":"2025-01-08","started_on":"2025-01-20",)"
          R"("left_on":"2025-03-01","left_reason":"Moved\u0000away"})",
      "/left_reason");
  CHECK(left_reason.at("detail").as_string() ==
        "left_reason must not contain control characters (found U+0000 at character 6)");
  refused(api, "/api/v1/applicants", provider.key,
          R"({"reference":"T-3","source_id":)" + sid +
              R"(,"applied_on":"2025-01-06","prior_sector":"re\u001Btail"})",
          "/prior_sector");
  refused(api, events, provider.key, R"({"stage":"left","on":"2025-03-01","reason":"a\u0000b"})",
          "/reason");
  refused(api, "/api/v1/spend", provider.key,
          R"({"source_id":)" + sid + R"(,"date":"2025-01-05","amount_pence":100,"note":"x\u007F"})",
          "/note");
  refused(api, "/api/v1/providers", api.team_key, R"({"name":"Sneaky\u0000Care"})", "/name");
  refused(api, "/api/v1/providers/" + std::to_string(provider.id) + "/keys", api.team_key,
          R"({"label":"laptop\u0000"})", "/label");
  CHECK(api.stored(provider.key) == before);

  // A name that differs only in its white space or case is the source already stored.
  const auto again = api.call("POST", "/api/v1/sources", provider.key,
                              R"({"name":"INDEED\u00a0","channel":"job_board"})");
  CHECK(again.status == 409);
  CHECK(parse_json(again.body).at("detail").as_string() ==
        "A source named 'INDEED' already exists: choose another name, or use that source");
}

TEST_CASE("text the API accepted exports and imports again into another provider") {
  ApiFixture api;
  const auto provider = api.create_provider("Export Care");
  const auto source = api.post("/api/v1/sources", provider.key,
                               R"({"name":"\u00a0Caf\u00e9\u2003jobs ","channel":"job_board"})");
  CHECK(source.at("name").as_string() == "Caf\u00E9 jobs");
  const std::string sid = std::to_string(source.at("id").as_int64());
  const auto applicant = api.post("/api/v1/applicants", provider.key,
                                  R"({"reference":"E-1","source_id":)" + sid +
                                      R"(,"applied_on":"2025-01-06","offered_on":"2025-01-08",)"
                                      R"("started_on":"2025-01-20","left_on":"2025-03-01",)"
                                      R"("left_reason":"Moved away\tto Leeds\r\nfor family"})");
  CHECK(applicant.at("left_reason").as_string() == "Moved away\tto Leeds\r\nfor family");
  api.post("/api/v1/spend", provider.key,
           R"({"source_id":)" + sid +
               R"(,"date":"2025-01-05","amount_pence":100,)"
               R"("note":"line one\nline two"})");
  const auto applicants = api.call("GET", "/api/v1/export/applicants.csv", provider.key);
  const auto spend = api.call("GET", "/api/v1/export/spend.csv", provider.key);
  REQUIRE(applicants.status == 200);
  REQUIRE(spend.status == 200);

  const auto copy = api.create_provider("Copy Care");
  const auto headers = api.auth(copy.key);
  HttpClient client("127.0.0.1", api.server.port());
  CHECK(client.request("POST", "/api/v1/import/applicants", applicants.body, "text/csv", headers)
            .status == 200);
  CHECK(client.request("POST", "/api/v1/import/spend", spend.body, "text/csv", headers).status ==
        200);
  CHECK(api.call("GET", "/api/v1/export/applicants.csv", copy.key).body == applicants.body);
  CHECK(api.call("GET", "/api/v1/export/spend.csv", copy.key).body == spend.body);
}

TEST_CASE("the API takes its text limits from the tracker and counts characters") {
  ApiFixture api;
  const auto provider = api.create_provider("Limits Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  std::string thousand;  // 1,000 characters, 2,000 bytes: the note and reason limit
  for (int i = 0; i < 1000; ++i) thousand += "\u00E9";

  const auto spend =
      api.post("/api/v1/spend", provider.key,
               R"({"source_id":)" + sid + R"(,"date":"2025-01-01","amount_pence":100,"note":")" +
                   thousand + R"("})");
  CHECK(spend.at("note").as_string() == thousand);
  CHECK(refused(api, "/api/v1/spend", provider.key,
                R"({"source_id":)" + sid + R"(,"date":"2025-01-01","amount_pence":100,"note":"x)" +
                    thousand + R"("})",
                "/note")
            .at("detail")
            .as_string() == "Note is longer than 1,000 characters");

  const std::string started = R"({"reference":"L-1","source_id":)" + sid +
                              R"(,"applied_on":"2025-01-06","offered_on":"2025-01-08",)"
                              R"("started_on":"2025-01-20","left_on":"2025-03-01","left_reason":")";
  const auto applicant = api.post("/api/v1/applicants", provider.key, started + thousand + "\"}");
  CHECK(applicant.at("left_reason").as_string() == thousand);
  refused(api, "/api/v1/applicants", provider.key, started + "x" + thousand + "\"}",
          "/left_reason");

  const auto withdrawn =
      api.post("/api/v1/applicants", provider.key,
               R"({"reference":"L-2","source_id":)" + sid + R"(,"applied_on":"2025-01-06"})");
  const std::string events =
      "/api/v1/applicants/" + std::to_string(withdrawn.at("id").as_int64()) + "/events";
  refused(api, events, provider.key,
          R"({"stage":"withdrawn","on":"2025-01-07","reason":"x)" + thousand + R"("})", "/reason");
  const auto recorded =
      api.call("POST", events, provider.key,
               R"({"stage":"withdrawn","on":"2025-01-07","reason":")" + thousand + R"("})");
  CHECK(recorded.status == 201);
}

TEST_CASE("the OpenAPI document states the tracker's text limits") {
  ApiFixture api;
  const auto served = api.call("GET", "/api/v1/openapi.json", "");
  REQUIRE(served.status == 200);
  const auto document = parse_json(served.body).as_object();
  const auto& schemas = document.at("components").as_object().at("schemas").as_object();
  const auto limit = [&](const char* schema, const char* property) {
    CAPTURE(schema);
    CAPTURE(property);
    return schemas.at(schema)
        .as_object()
        .at("properties")
        .as_object()
        .at(property)
        .as_object()
        .at("maxLength")
        .to_number<std::size_t>();
  };
  namespace tr = caretoolkit::tracker;
  CHECK(limit("Provider", "name") == tr::kMaxNameLength);
  CHECK(limit("Service", "name") == tr::kMaxNameLength);
  CHECK(limit("Source", "name") == tr::kMaxNameLength);
  CHECK(limit("Vacancy", "role") == tr::kMaxNameLength);
  CHECK(limit("ApiKey", "label") == tr::kMaxNameLength);
  CHECK(limit("SpendEntry", "note") == tr::kMaxNoteLength);
  CHECK(limit("Applicant", "left_reason") == tr::kMaxNoteLength);
  CHECK(limit("Applicant", "reference") == tr::kMaxReferenceLength);
  CHECK(limit("Applicant", "prior_sector") == tr::kMaxPriorSectorLength);
  CHECK(limit("Vacancy", "advert_text") == tr::kMaxAdvertLength);
  const auto& events = document.at("paths")
                           .as_object()
                           .at("/api/v1/applicants/{id}/events")
                           .as_object()
                           .at("post")
                           .as_object()
                           .at("requestBody")
                           .at_pointer("/content/application~1json/schema/properties/reason");
  CHECK(events.as_object().at("maxLength").to_number<std::size_t>() == tr::kMaxNoteLength);
  const auto& headcount = schemas.at("HeadcountSnapshot").as_object().at("properties").as_object();
  for (const char* figure : {"staff", "vacancies", "leavers"}) {
    CAPTURE(figure);
    CHECK(headcount.at(figure).as_object().at("maximum").to_number<int>() == tr::kMaxHeadcount);
  }
}
