// The reports over HTTP: the as-of date is held to today, and a source's return says why it has
// none.
#include "api_fixture.hpp"
#include "core/date.hpp"

using namespace caretoolkit::testing;
using caretoolkit::Date;

TEST_CASE("an as_of after today is refused with 422 naming as_of and saying why") {
  ApiFixture api;
  const auto provider = api.create_provider("Future Care");
  const std::string tomorrow = Date::today().plus_days(1).to_string();
  const std::string query = "?from=2025-01-01&to=2025-12-31&as_of=" + tomorrow;
  for (const auto& call : {std::pair{"/api/v1/reports/roi" + query, provider.key},
                           std::pair{"/api/v1/reports/retention" + query, provider.key},
                           std::pair{"/api/v1/reports/workforce" + query, provider.key},
                           std::pair{"/api/v1/kpis" + query, api.team_key}}) {
    const std::string& target = call.first;
    const std::string& key = call.second;
    CAPTURE(target);
    const auto response = api.call("GET", target, key);
    INFO(response.body);
    CHECK(response.status == 422);
    CHECK(response.header("Content-Type") == "application/problem+json");
    const auto problem = parse_json(response.body).as_object();
    CHECK(problem.at("type") == "/problems/invalid");
    CHECK(problem.at("status") == 422);
    CHECK(problem.at("field") == "as_of");
    const std::string detail(problem.at("detail").as_string());
    CHECK(detail.starts_with("The as-of date (" + tomorrow + ") cannot be after today ("));
    CHECK(detail.ends_with("): nobody can be counted as staying for time that has not passed."));
  }
  // Today itself is allowed.
  api.get("/api/v1/reports/roi?from=2025-01-01&to=2025-12-31&as_of=" + Date::today().to_string(),
          provider.key);
}

TEST_CASE("a period that ends after today is reported as of today") {
  ApiFixture api;
  const auto provider = api.create_provider("Open Year Care");
  const Date today = Date::today();
  const auto funnel = api.get("/api/v1/reports/funnel?from=" + today.plus_days(-30).to_string() +
                                  "&to=" + today.plus_days(30).to_string(),
                              provider.key);
  CHECK(funnel.at("period").at("as_of").as_string() == today.to_string());
  CHECK(funnel.at("period").at("to").as_string() == today.plus_days(30).to_string());
}

TEST_CASE("a source with spend and no starters has no return with the reason no_starters") {
  ApiFixture api;
  const auto provider = api.create_provider("Radio Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Local radio","channel":"other"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  api.post("/api/v1/spend", provider.key,
           R"({"source_id":)" + sid + R"(,"date":"2025-02-01","amount_pence":40000})");
  api.post("/api/v1/applicants", provider.key,
           R"({"reference":"R-1","source_id":)" + sid + R"(,"applied_on":"2025-02-03"})");
  const auto roi =
      api.get("/api/v1/reports/roi?from=2025-01-01&to=2025-12-31&as_of=2026-06-30", provider.key);
  const auto& radio = roi.at("sources").at(0).as_object();
  CHECK(radio.at("spend_pence") == 40000);
  CHECK(radio.at("starters") == 0);
  CHECK(radio.at("roi").is_null());
  CHECK(radio.at("roi_reason") == "no_starters");
}
