// Every tracker resource over HTTP: create, read, list with pagination, update, delete, stage
// events, tenancy (another provider's ids answer 404 and never appear in lists), and the same
// answers from every collection of the route table.
#include "api_fixture.hpp"

using namespace caretoolkit::testing;

namespace {

std::string id_path(const std::string& collection, const boost::json::object& record) {
  return "/api/v1/" + collection + "/" + std::to_string(record.at("id").as_int64());
}

}  // namespace

TEST_CASE("a provider records sources spend vacancies applicants and headcounts") {
  ApiFixture api;
  const auto provider = api.create_provider("Meadow View Care");

  const auto service = api.post("/api/v1/services", provider.key,
                                R"({"name":"Home care north","type":"Home care"})");
  CHECK(service.at("type").as_string() == "home_care");  // a typed label is accepted

  const auto source = api.post("/api/v1/sources", provider.key,
                               R"({"name":"Staff referral scheme","channel":"staff referral"})");
  CHECK(source.at("channel").as_string() == "staff_referral");
  const auto source_id = source.at("id").as_int64();

  const auto spend =
      api.post("/api/v1/spend", provider.key,
               R"({"source_id":)" + std::to_string(source_id) +
                   R"(,"date":"2025-01-10","amount_pence":50000,"note":"Referral bonuses"})");
  CHECK(spend.at("amount_pence").as_int64() == 50000);

  const auto vacancy =
      api.post("/api/v1/vacancies", provider.key,
               R"({"role":"Care worker","service_id":)" +
                   std::to_string(service.at("id").as_int64()) + R"(,"opened_on":"2025-01-02"})");
  CHECK(vacancy.at("closed_on").is_null());

  const auto applicant = api.post(
      "/api/v1/applicants", provider.key,
      R"({"reference":"A-001","source_id":)" + std::to_string(source_id) + R"(,"vacancy_id":)" +
          std::to_string(vacancy.at("id").as_int64()) + R"(,"applied_on":"2025-01-15"})");
  const std::string applicant_path = id_path("applicants", applicant);

  SUBCASE("stage events move an applicant to started") {
    api.post(applicant_path + "/events", provider.key,
             R"({"stage":"interviewed","on":"2025-01-20"})");
    api.post(applicant_path + "/events", provider.key, R"({"stage":"offered","on":"2025-01-22"})");
    const auto started = api.post(applicant_path + "/events", provider.key,
                                  R"({"stage":"started","on":"2025-02-01"})");
    CHECK(started.at("started_on").as_string() == "2025-02-01");
    CHECK(started.at("offered_on").as_string() == "2025-01-22");
    const auto events = api.get(applicant_path + "/events", provider.key);
    CHECK(events.at("items").as_array().size() == 4);  // applied, interviewed, offered, started

    SUBCASE("a leaving date before the start is refused and changes nothing") {
      const auto refused = api.call("POST", applicant_path + "/events", provider.key,
                                    R"({"stage":"left","on":"2025-01-25"})");
      CHECK(refused.status == 422);
      CHECK(parse_json(refused.body).at("type").as_string() == "/problems/invalid");
      CHECK(api.get(applicant_path, provider.key).at("left_on").is_null());
    }
  }

  SUBCASE("a start straight after the application, without an offer, is refused") {
    const auto refused = api.call("POST", applicant_path + "/events", provider.key,
                                  R"({"stage":"started","on":"2025-02-01"})");
    CHECK(refused.status == 422);
  }

  SUBCASE("records are read updated listed and deleted") {
    CHECK(api.get(applicant_path, provider.key).at("reference").as_string() == "A-001");
    const auto patched = api.call("PATCH", id_path("vacancies", vacancy), provider.key,
                                  R"({"closed_on":"2025-03-01"})");
    CHECK(patched.status == 200);
    CHECK(parse_json(patched.body).at("closed_on").as_string() == "2025-03-01");
    CHECK(parse_json(patched.body).at("role").as_string() == "Care worker");  // untouched

    const auto headcount =
        api.post("/api/v1/headcounts", provider.key,
                 R"({"date":"2025-03-31","staff":40,"vacancies":4,"leavers":12})");
    CHECK(headcount.at("staff").as_int64() == 40);
    CHECK(api.call("DELETE", id_path("headcounts", headcount), provider.key).status == 204);
    CHECK(api.call("GET", id_path("headcounts", headcount), provider.key).status == 404);

    const auto in_use = api.call("DELETE", id_path("sources", source), provider.key);
    CHECK(in_use.status == 409);  // applicants and spend use it
  }

  SUBCASE("lists page with a cursor") {
    for (int i = 2; i <= 7; ++i) {
      api.post("/api/v1/applicants", provider.key,
               R"({"reference":"A-00)" + std::to_string(i) + R"(","source_id":)" +
                   std::to_string(source_id) + R"(,"applied_on":"2025-01-16"})");
    }
    std::vector<std::string> seen;
    std::string target = "/api/v1/applicants?limit=3";
    for (int page = 0; page < 10; ++page) {
      const auto body = api.get(target, provider.key);
      for (const auto& item : body.at("items").as_array()) {
        seen.emplace_back(item.at("reference").as_string());
      }
      if (body.at("next_cursor").is_null()) break;
      target =
          "/api/v1/applicants?limit=3&cursor=" + std::string(body.at("next_cursor").as_string());
    }
    CHECK(seen.size() == 7);
    CHECK(seen.front() == "A-001");
    CHECK(seen.back() == "A-007");
    const auto filtered = api.get("/api/v1/applicants?reference=A-004", provider.key);
    CHECK(filtered.at("items").as_array().size() == 1);
  }
}

TEST_CASE("another provider's records answer 404 and never appear in its lists") {
  ApiFixture api;
  const auto a = api.create_provider("Provider A");
  const auto b = api.create_provider("Provider B");
  const auto source =
      api.post("/api/v1/sources", a.key, R"({"name":"Indeed","channel":"job_board"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  const auto service =
      api.post("/api/v1/services", a.key, R"({"name":"Rose House","type":"residential"})");
  const auto spend =
      api.post("/api/v1/spend", a.key,
               R"({"source_id":)" + sid + R"(,"date":"2025-01-05","amount_pence":120000})");
  const auto vacancy =
      api.post("/api/v1/vacancies", a.key, R"({"role":"Senior carer","opened_on":"2025-01-01"})");
  const auto applicant =
      api.post("/api/v1/applicants", a.key,
               R"({"reference":"R1","source_id":)" + sid + R"(,"applied_on":"2025-01-06"})");
  const auto headcount =
      api.post("/api/v1/headcounts", a.key, R"({"date":"2025-01-31","staff":20,"vacancies":2})");

  const std::vector<std::pair<std::string, boost::json::object>> owned = {
      {"sources", source},    {"services", service},     {"spend", spend},
      {"vacancies", vacancy}, {"applicants", applicant}, {"headcounts", headcount}};
  for (const auto& owned_record : owned) {
    const std::string& collection = owned_record.first;
    const boost::json::object& record = owned_record.second;
    CAPTURE(collection);
    const std::string path = id_path(collection, record);
    const auto missing = api.call("GET", "/api/v1/" + collection + "/999999", b.key);
    const auto foreign = api.call("GET", path, b.key);
    CHECK(foreign.status == 404);
    CHECK(missing.status == 404);
    // Exactly as an id that does not exist: the same type and title.
    CHECK(parse_json(foreign.body).at("type") == parse_json(missing.body).at("type"));
    CHECK(parse_json(foreign.body).at("title") == parse_json(missing.body).at("title"));
    CHECK(api.call("PATCH", path, b.key, "{}").status == 404);
    CHECK(api.call("DELETE", path, b.key).status == 404);
    CHECK(api.get("/api/v1/" + collection, b.key).at("items").as_array().empty());
    CHECK(api.call("GET", path, a.key).status == 200);  // still there for its owner
  }
  CHECK(api.call("POST", id_path("applicants", applicant) + "/events", b.key,
                 R"({"stage":"interviewed","on":"2025-01-10"})")
            .status == 404);
  // B cannot point its own records at A's source either.
  const auto borrowed =
      api.call("POST", "/api/v1/applicants", b.key,
               R"({"reference":"X","source_id":)" + sid + R"(,"applied_on":"2025-01-06"})");
  CHECK(borrowed.status != 201);
}

TEST_CASE("every collection answers a create with its Location and a delete with no content") {
  ApiFixture api;
  const auto provider = api.create_provider("Table Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  const std::vector<std::pair<std::string, std::string>> creates = {
      {"services", R"({"name":"Rose House","type":"residential"})"},
      {"sources", R"({"name":"Totaljobs","channel":"job_board"})"},
      {"spend", R"({"source_id":)" + sid + R"(,"date":"2025-01-05","amount_pence":120000})"},
      {"vacancies", R"({"role":"Senior carer","opened_on":"2025-01-01"})"},
      {"applicants", R"({"reference":"R1","source_id":)" + sid + R"(,"applied_on":"2025-01-06"})"},
      {"headcounts", R"({"date":"2025-01-31","staff":20,"vacancies":2})"}};
  for (const auto& create : creates) {
    const std::string& collection = create.first;
    const std::string& body = create.second;
    CAPTURE(collection);
    const auto created = api.call("POST", "/api/v1/" + collection, provider.key, body);
    REQUIRE(created.status == 201);
    const std::string location = created.header("Location");
    CHECK(location == "/api/v1/" + collection + "/" +
                          std::to_string(parse_json(created.body).at("id").as_int64()));
    CHECK(api.call("GET", location, provider.key).body == created.body);
    const auto deleted = api.call("DELETE", location, provider.key);
    CHECK(deleted.status == 204);
    CHECK(deleted.body.empty());
    CHECK(api.call("GET", location, provider.key).status == 404);
  }
  // The counts per stage are not taken for an applicant id; the applicants' routes allow the rest.
  CHECK(api.call("GET", "/api/v1/applicants/stages", provider.key).status == 200);
  const auto put = api.call("PUT", "/api/v1/applicants/stages", provider.key, "{}");
  CHECK(put.status == 405);
  CHECK(put.header("Allow") == "GET, PATCH, DELETE, HEAD");
}
