// The team's side and the operational routes: providers, key rotation and revocation, CSV round
// trips, the rate limit on the public checker, /metrics, and the OpenAPI document's completeness.
#include <filesystem>
#include <set>

#include "api_fixture.hpp"
#include "openapi_document.hpp"

using namespace caretoolkit::testing;

TEST_CASE("the team creates providers and rotates and revokes their keys") {
  ApiFixture api;
  const auto provider = api.create_provider("Oak Lodge");
  CHECK(provider.key.starts_with("ctk_"));
  CHECK(provider.key.size() > 50);  // 256-bit secret in base64url plus the public id

  const auto listed = api.get("/api/v1/providers", api.team_key);
  REQUIRE(listed.at("items").as_array().size() == 1);
  CHECK(listed.at("items").as_array()[0].at("name").as_string() == "Oak Lodge");

  const std::string keys_path = "/api/v1/providers/" + std::to_string(provider.id) + "/keys";
  const auto rotated = api.post(keys_path, api.team_key, R"({"label":"office PC"})");
  const std::string new_key(rotated.at("key").as_string());
  CHECK(api.call("GET", "/api/v1/sources", new_key).status == 200);

  const auto keys = api.get(keys_path, api.team_key);
  REQUIRE(keys.at("items").as_array().size() == 2);
  const auto old_id = keys.at("items").as_array()[0].at("id").as_int64();
  for (const auto& key : keys.at("items").as_array()) {
    CHECK_FALSE(key.as_object().contains("key"));  // secrets are never shown again
  }
  CHECK(api.call("DELETE", "/api/v1/keys/" + std::to_string(old_id), api.team_key).status == 200);
  CHECK(api.call("GET", "/api/v1/sources", provider.key).status == 401);
  CHECK(api.call("GET", "/api/v1/sources", new_key).status == 200);
  CHECK(api.call("GET", "/api/v1/providers/999999", api.team_key).status == 404);
  CHECK(api.call("POST", "/api/v1/providers/999999/keys", api.team_key).status == 404);
}

TEST_CASE("export then import round-trips the CSV forms") {
  ApiFixture api;
  const auto a = api.create_provider("Exporter");
  const auto b = api.create_provider("Importer");
  const std::string applicants =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n"
      "R1,Indeed,job_board,,,2025-01-05,2025-01-08,2025-01-10,2025-02-01,,,\n"
      "R2,\"Referral, staff\",staff_referral,,,2025-01-06,,,,,,withdrawn\n";
  auto response = api.client.request("POST", "/api/v1/import/applicants", applicants, "text/csv",
                                     api.auth(a.key));
  REQUIRE(response.status == 200);
  CHECK(parse_json(response.body).at("created").as_int64() == 2);
  // Importing the same file again does not duplicate anyone.
  response = api.client.request("POST", "/api/v1/import/applicants", applicants, "text/csv",
                                api.auth(a.key));
  REQUIRE(response.status == 200);
  CHECK(parse_json(response.body).at("created").as_int64() == 0);

  const auto exported = api.call("GET", "/api/v1/export/applicants.csv", a.key);
  REQUIRE(exported.status == 200);
  CHECK(exported.header("Content-Type").starts_with("text/csv"));
  response = api.client.request("POST", "/api/v1/import/applicants", exported.body, "text/csv",
                                api.auth(b.key));
  REQUIRE(response.status == 200);
  CHECK(api.call("GET", "/api/v1/export/applicants.csv", b.key).body == exported.body);
}

TEST_CASE("the public advert checker is rate-limited per client address") {
  TestServerOptions options;
  options.advert_checks_per_minute = 60;
  options.advert_check_burst = 3;
  ApiFixture api(options);
  const std::string body = R"({"text":"Care worker wanted. You will support people at home."})";
  for (int i = 0; i < 3; ++i)
    CHECK(api.call("POST", "/api/v1/adverts/check", "", body).status == 200);
  const auto limited = api.call("POST", "/api/v1/adverts/check", "", body);
  CHECK(limited.status == 429);
  CHECK(limited.header("Content-Type") == "application/problem+json");
  CHECK(std::stoi(limited.header("Retry-After")) >= 1);
}

TEST_CASE("GET /metrics reports requests connections and adverts checked") {
  ApiFixture api;
  CHECK(api.call("POST", "/api/v1/adverts/check", "", R"({"text":"Join our team as a carer."})")
            .status == 200);
  api.call("GET", "/healthz", "");
  const auto metrics = api.call("GET", "/metrics", "");
  REQUIRE(metrics.status == 200);
  CHECK(metrics.header("Content-Type").starts_with("text/plain"));
  const std::string& text = metrics.body;
  CHECK(text.find(
            R"(caretoolkit_http_requests_total{route="/healthz",method="GET",status="200"} 1)") !=
        std::string::npos);
  CHECK(
      text.find(
          R"(caretoolkit_http_requests_total{route="/api/v1/adverts/check",method="POST",status="200"} 1)") !=
      std::string::npos);
  CHECK(text.find("caretoolkit_adverts_checked_total 1") != std::string::npos);
  CHECK(text.find("caretoolkit_http_open_connections 1") != std::string::npos);
  CHECK(text.find(
            R"(caretoolkit_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 1)") !=
        std::string::npos);
}

TEST_CASE("GET /metrics reports the size of the write-ahead log as the file has it" *
          doctest::test_suite("sqlite-only")) {
  ApiFixture api;
  const ProviderAccount provider = api.create_provider("Willow Home Care");
  for (const char* source : {"Indeed", "Staff referrals", "Jobcentre"}) {
    api.post("/api/v1/sources", provider.key,
             boost::json::serialize(boost::json::object{{"channel", "other"}, {"name", source}}));
  }
  const auto metrics = api.call("GET", "/metrics", "");
  REQUIRE(metrics.status == 200);
  const std::string& text = metrics.body;
  CHECK(text.find("# TYPE caretoolkit_database_wal_bytes gauge\n") != std::string::npos);
  const std::string gauge = "\ncaretoolkit_database_wal_bytes ";
  const std::size_t at = text.find(gauge);
  REQUIRE(at != std::string::npos);
  const double reported = std::stod(text.substr(at + gauge.size()));
  // Nothing was written since: the gauge is the file's size, which holds the schema, the key, the
  // provider and the three sources (a few 4 KiB pages each), far short of a checkpoint's 4 MiB.
  const auto wal = api.server.database() + "-wal";
  CHECK(reported == static_cast<double>(std::filesystem::file_size(wal)));
  CHECK(reported > 4096);
  CHECK(reported < 4 << 20);
}

TEST_CASE("the OpenAPI document lists exactly the routes the server has") {
  ApiFixture api;
  const auto served = api.call("GET", "/api/v1/openapi.json", "");
  REQUIRE(served.status == 200);
  const auto document = parse_json(served.body).as_object();
  CHECK(document.at("openapi").as_string() == "3.1.0");

  std::set<std::string> documented;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + std::string(path));
    }
  }
  std::set<std::string> routed;
  for (const auto& route : api.server.app().router().routes()) {
    routed.insert(route.method + " " + route.pattern);
  }
  for (const auto& route : routed) {
    CAPTURE(route);
    CHECK(documented.count(route) == 1);
  }
  for (const auto& route : documented) {
    CAPTURE(route);
    CHECK(routed.count(route) == 1);
  }
}

TEST_CASE("GET /kpis pools every provider and withholds figures behind fewer than 3") {
  ApiFixture api;
  // Each provider: three applicants in the first quarter (two starters, one of them an early
  // leaver) and one after it, with £700 of spend in the quarter.
  const std::string applicants =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n"
      "R1,Indeed,job_board,,,2025-01-05,2025-01-08,2025-01-10,2025-02-01,,,\n"
      "R2,Indeed,job_board,,,2025-01-06,2025-01-09,,,,,rejected\n"
      "R3,Refer a friend,staff_referral,,,2025-02-01,2025-02-03,2025-02-05,2025-02-20,"
      "2025-04-01,Pay,\n"
      "R4,Refer a friend,staff_referral,,,2025-05-01,,,,,,withdrawn\n";
  const std::string spend =
      "source,date,amount,note\nIndeed,2025-01-01,600.00,\nRefer a friend,2025-02-01,100.00,\n";
  const auto add_provider = [&](const std::string& name) {
    const auto provider = api.create_provider(name);
    for (const auto& [form, csv] : {std::pair{"applicants", applicants}, {"spend", spend}}) {
      const auto response = api.client.request("POST", std::string("/api/v1/import/") + form, csv,
                                               "text/csv", api.auth(provider.key));
      REQUIRE(response.status == 200);
    }
  };
  const std::string kpis = "/api/v1/kpis?from=2025-01-01&to=2025-03-31&as_of=2026-06-30";
  const auto value = [](const boost::json::object& report, const char* field) {
    return report.at(field).at("value");
  };

  add_provider("Oak Lodge");
  add_provider("Elm House");
  const auto two = api.get(kpis, api.team_key);
  CHECK(two.at("providers").as_int64() == 2);
  CHECK(value(two, "applicants").is_null());
  CHECK(two.at("applicants").at("reason").as_string() == "withheld");
  CHECK(two.at("applicants").at("providers").as_int64() == 2);

  add_provider("Ash Court");
  const auto three = api.get(kpis, api.team_key);
  CHECK(three.at("providers").as_int64() == 3);
  CHECK(value(three, "applicants").as_int64() == 9);
  CHECK(value(three, "interviewed").as_int64() == 9);
  CHECK(value(three, "offered").as_int64() == 6);
  CHECK(value(three, "starters").as_int64() == 6);
  CHECK(value(three, "early_leavers").as_int64() == 3);
  CHECK(value(three, "spend_pence").as_int64() == 210'000);
  CHECK(value(three, "cost_per_hire_pence").as_int64() == 35'000);
  // At 91 days one starter of each two is still in post: 3 of 6, and the page can say so.
  const auto& quarter = three.at("retention").at(0).at("rate");
  CHECK(quarter.at("value").as_double() == 0.5);
  CHECK(quarter.at("numerator").as_int64() == 3);
  CHECK(quarter.at("denominator").as_int64() == 6);
  CHECK(three.at("applied_to_started").at("numerator").as_int64() == 6);
  CHECK(three.at("applied_to_started").at("denominator").as_int64() == 9);
  for (const auto& row : three.at("channels").as_array()) {
    const auto& channel = row.as_object();
    if (channel.at("channel") == "job_board") {
      CHECK(value(channel, "applicants").as_int64() == 6);
      CHECK(value(channel, "starters").as_int64() == 3);
      CHECK(value(channel, "cost_per_hire_pence").as_int64() == 60'000);
    } else if (channel.at("channel") == "staff_referral") {
      CHECK(value(channel, "applicants").as_int64() == 3);
      CHECK(value(channel, "cost_per_hire_pence").as_int64() == 10'000);
    }
  }
  // No applicant and no provider is named.
  const std::string body = boost::json::serialize(three);
  for (const char* leak : {"R1", "Oak Lodge", "Indeed"})
    CHECK(body.find(leak) == std::string::npos);
  // A provider's key cannot read the team's figures.
  CHECK(api.call("GET", kpis, api.create_provider("Nosy").key).status == 403);
}

TEST_CASE("GET /kpis says nobody has been in post long enough rather than withheld") {
  // Three providers, each with a starter of 1 February 2025; as of 30 June 2025 nobody has been
  // in post 182 days, so the 6-month figure stands on no provider and says why.
  ApiFixture api;
  for (const char* name : {"Oak Lodge", "Elm House", "Ash Court"}) {
    const auto provider = api.create_provider(name);
    const auto source =
        api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})");
    api.post("/api/v1/applicants", provider.key,
             R"({"reference":"R-1","source_id":)" + std::to_string(source.at("id").as_int64()) +
                 R"(,"applied_on":"2025-01-05","interviewed_on":"2025-01-08",)"
                 R"("offered_on":"2025-01-10","started_on":"2025-02-01"})");
  }
  const auto kpis =
      api.get("/api/v1/kpis?from=2025-01-01&to=2025-03-31&as_of=2025-06-30", api.team_key);
  const auto& quarter = kpis.at("retention").at(0).at("rate");
  CHECK(quarter.at("value").as_double() == 1.0);
  CHECK(quarter.at("numerator").as_int64() == 3);
  CHECK(quarter.at("denominator").as_int64() == 3);
  const auto& half_year = kpis.at("retention").at(1).at("rate");
  CHECK(half_year.at("value").is_null());
  CHECK(half_year.at("providers").as_int64() == 0);
  CHECK(half_year.at("reason").as_string() == "too_early_to_judge");
  CHECK(half_year.at("reason_text").as_string() ==
        "not known yet: nobody has been in post 182 days");
  CHECK_FALSE(half_year.as_object().contains("numerator"));
  // Nobody recorded a headcount: that is why there is no turnover.
  CHECK(kpis.at("workforce").at("turnover").at("reason").as_string() == "no_snapshot");
}

TEST_CASE("PATCH providers records the day a provider joined the scheme and refuses a bad one") {
  ApiFixture api;
  const auto oak = api.create_provider("Oak Lodge");
  const std::string target = "/api/v1/providers/" + std::to_string(oak.id);
  CHECK(api.get(target, api.team_key).at("joined_on").is_null());

  const auto patched = api.call("PATCH", target, api.team_key, R"({"joined_on": "2025-04-01"})");
  REQUIRE(patched.status == 200);
  CHECK(parse_json(patched.body).at("joined_on") == "2025-04-01");
  CHECK(parse_json(patched.body).at("name") == "Oak Lodge");
  CHECK(api.get(target, api.team_key).at("joined_on") == "2025-04-01");

  const auto refused = [&](const std::string& body, unsigned status, const std::string& detail) {
    const auto response = api.call("PATCH", target, api.team_key, body);
    INFO(response.body);
    CHECK(response.status == status);
    CHECK(parse_json(response.body).at("detail").as_string().starts_with(detail));
    CHECK(api.get(target, api.team_key).at("joined_on") == "2025-04-01");
  };
  refused(R"({"joined_on": "2099-01-01"})", 422,
          "Date joined the scheme (2099-01-01) is in the future: today is ");
  refused(R"({"joined_on": "2025-02-30"})", 422,
          "Date joined the scheme: 30 February 2025 is not a date: February 2025 has 28 days");
  refused(R"({"joined_on": 2025})", 422, "Date joined the scheme");
  // A provider's own key may not change it.
  CHECK(api.call("PATCH", target, oak.key, R"({"joined_on": "2025-05-01"})").status == 403);
  CHECK(api.call("PATCH", "/api/v1/providers/999", api.team_key, R"({"joined_on": null})").status ==
        404);

  const auto cleared = api.call("PATCH", target, api.team_key, R"({"joined_on": null})");
  REQUIRE(cleared.status == 200);
  CHECK(parse_json(cleared.body).at("joined_on").is_null());
}

TEST_CASE("GET kpis impact pools members before and since joining and withholds below 3") {
  ApiFixture api;
  // Each member: a headcount in the year before it joined and one over a year after.
  struct Member {
    const char* name;
    const char* joined;
    const char* before;
    int staff, vacancies, leavers;
    const char* after;
    int staff_after, vacancies_after, leavers_after;
  };
  const Member members[] = {
      {"Oak Lodge", "2025-01-01", "2024-12-01", 40, 5, 16, "2026-09-15", 50, 2, 10},
      {"Elm House", "2025-03-01", "2025-01-31", 20, 4, 10, "2026-06-30", 25, 1, 5},
      {"Ash Court", "2025-06-01", "2025-05-31", 30, 6, 12, "2026-09-01", 30, 3, 6},
  };
  const std::string impact = "/api/v1/kpis/impact?as_of=2026-09-30";
  const auto add = [&](const Member& m) {
    const auto provider = api.create_provider(m.name);
    const auto headcount = [&](const char* date, int staff, int vacancies, int leavers) {
      api.post(
          "/api/v1/headcounts", provider.key,
          boost::json::serialize(boost::json::object{
              {"date", date}, {"staff", staff}, {"vacancies", vacancies}, {"leavers", leavers}}));
    };
    headcount(m.before, m.staff, m.vacancies, m.leavers);
    headcount(m.after, m.staff_after, m.vacancies_after, m.leavers_after);
    REQUIRE(api.call("PATCH", "/api/v1/providers/" + std::to_string(provider.id), api.team_key,
                     std::string(R"({"joined_on": ")") + m.joined + "\"}")
                .status == 200);
  };
  // A provider with no joining day is left out, however its figures read.
  const auto unknown = api.create_provider("Yew Tree");
  api.post("/api/v1/headcounts", unknown.key,
           R"({"date": "2026-09-01", "staff": 10, "vacancies": 9, "leavers": 9})");

  add(members[0]);
  add(members[1]);
  const auto two = api.get(impact, api.team_key);
  CHECK(two.at("report") == "team_impact");
  CHECK(two.at("without_joined_date").as_int64() == 1);
  CHECK(two.at("before").at("turnover").at("reason") == "withheld");
  CHECK(two.at("before").at("turnover").at("providers").as_int64() == 2);
  CHECK(two.at("after").at("turnover").at("value").is_null());
  CHECK_FALSE(two.at("after").at("turnover").as_object().contains("numerator"));

  add(members[2]);
  const auto three = api.get(impact, api.team_key);
  CHECK(three.at("providers").as_int64() == 4);
  CHECK(three.at("min_providers").as_int64() == 3);
  // Turnover (16 + 10 + 12) / (40 + 20 + 30) before, (10 + 5 + 6) / (50 + 25 + 30) since.
  const auto& before = three.at("before").at("turnover");
  CHECK(before.at("numerator").as_int64() == 38);
  CHECK(before.at("denominator").as_int64() == 90);
  CHECK(before.at("providers").as_int64() == 3);
  const auto& after = three.at("after").at("turnover");
  CHECK(after.at("value").as_double() == doctest::Approx(0.2));
  CHECK(after.at("numerator").as_int64() == 21);
  // Vacancy rate 15 / 105 before, 6 / 111 since.
  CHECK(three.at("before").at("vacancy_rate").at("denominator").as_int64() == 105);
  CHECK(three.at("after").at("vacancy_rate").at("numerator").as_int64() == 6);
  // Nobody started: no retention on either side, and why.
  CHECK(three.at("after").at("retention_182").at("reason") == "not_comparable");

  const auto& quarters = three.at("quarters").as_array();
  REQUIRE(quarters.size() == 8);
  CHECK(quarters.back().at("quarter") == "2026-Q3");
  CHECK(quarters.back().at("members").as_int64() == 3);
  // 2026 Q3: Oak Lodge 10 of 50 and Ash Court 6 of 30 only: withheld.
  CHECK(quarters.back().at("turnover").at("reason") == "withheld");
  CHECK(three.at("windows").at("before").as_string().starts_with("Before joining"));
  // No provider is named.
  const std::string body = boost::json::serialize(three);
  for (const char* name : {"Oak Lodge", "Elm House", "Ash Court", "Yew Tree"}) {
    CHECK(body.find(name) == std::string::npos);
  }

  // Only a team key sees it, and never as of a day after today.
  CHECK(api.call("GET", impact, members[0].name).status == 401);
  const auto provider_key = api.create_provider("Birch Farm").key;
  CHECK(api.call("GET", impact, provider_key).status == 403);
  CHECK(api.call("GET", "/api/v1/kpis/impact?as_of=2099-01-01", api.team_key).status == 422);
}

TEST_CASE("POST providers takes the joining day and refuses a future one without adding anyone") {
  ApiFixture api;
  const auto created = api.post("/api/v1/providers", api.team_key,
                                R"({"name": "Oak Lodge", "joined_on": "2025-04-01"})");
  CHECK(created.at("provider").at("joined_on") == "2025-04-01");
  const auto response = api.call("POST", "/api/v1/providers", api.team_key,
                                 R"({"name": "Elm House", "joined_on": "2099-01-01"})");
  CHECK(response.status == 422);
  CHECK(parse_json(response.body)
            .at("detail")
            .as_string()
            .starts_with("Date joined the scheme (2099-01-01) is in the future"));
  const auto listed = api.get("/api/v1/providers", api.team_key);
  CHECK(listed.at("items").as_array().size() == 1);
}
