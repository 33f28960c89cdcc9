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

TEST_CASE("a home care agency's turnover is set beside home care's own figure and costed") {
  // Two home care branches: (10 + 13) leavers over (30 + 24) staff = 42.6 %, beside home care in
  // Leicestershire (50.4 %) first, 7.8 points below it; 23 leavers at the default £3,600 cost
  // £82,800.
  ApiFixture api;
  const auto provider = api.create_provider("Ashby Home Care");
  const auto headcount = [&](const char* service, int staff, int vacancies, int leavers) {
    const auto created =
        api.post("/api/v1/services", provider.key,
                 std::string(R"({"name":")") + service + R"(","type":"home_care"})");
    api.post("/api/v1/headcounts", provider.key,
             R"({"service_id":)" + std::to_string(created.at("id").as_int64()) +
                 R"(,"date":"2025-03-01","staff":)" + std::to_string(staff) + R"(,"vacancies":)" +
                 std::to_string(vacancies) + R"(,"leavers":)" + std::to_string(leavers) + "}");
  };
  headcount("North branch", 30, 3, 10);
  headcount("South branch", 24, 3, 13);
  const auto report = api.get(
      "/api/v1/reports/workforce?from=2024-04-01&to=2025-03-31&as_of=2025-03-31", provider.key);
  const auto first_benchmark = [](const boost::json::value& row, const char* field) {
    return std::string(row.at(field).at(0).at("benchmark").as_string());
  };
  for (const auto& service : report.at("services").as_array()) {
    CHECK(first_benchmark(service, "turnover_benchmarks") == "turnover_home_care_leicestershire");
    CHECK(first_benchmark(service, "vacancy_rate_benchmarks") ==
          "vacancy_home_care_england_2024_25");
  }
  const auto& total = report.at("total");
  CHECK(total.at("turnover").as_double() == doctest::Approx(23.0 / 54.0));
  CHECK(first_benchmark(total, "turnover_benchmarks") == "turnover_home_care_leicestershire");
  CHECK(total.at("turnover_benchmarks").at(0).at("value").as_double() == 0.504);
  CHECK(total.at("turnover_benchmarks").at(0).at("difference").as_double() ==
        doctest::Approx(23.0 / 54.0 - 0.504));
  CHECK(total.at("turnover_cost_pence").as_int64() == 8'280'000);
}

TEST_CASE("the funnel report names each count's stage and label for the dashboard") {
  ApiFixture api;
  const auto provider = api.create_provider("Stage Names Care");
  const auto funnel = api.get(
      "/api/v1/reports/funnel?from=2025-01-01&to=2025-12-31&as_of=2025-12-31", provider.key);
  const auto& stages = funnel.at("stages").as_array();
  REQUIRE(stages.size() == 4);
  CHECK(stages[0].at("count") == "applicants");
  CHECK(stages[0].at("stage") == "applied");
  CHECK(stages[0].at("label") == "Applied");
  CHECK(stages[2].at("count") == "offered");
  CHECK(stages[2].at("label") == "Offered a job");
  CHECK(stages[3].at("count") == "started");
  CHECK(stages[3].at("label") == "Started work");
  // Each names a count the total row carries: nobody has applied yet.
  for (const auto& stage : stages) {
    CHECK(funnel.at("total").at(stage.at("count").as_string()) == 0);
  }
}

TEST_CASE("the funnel report times each step with the applicants who made it") {
  ApiFixture api;
  const auto provider = api.create_provider("Step Care");
  const auto source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})");
  const std::string sid = std::to_string(source.at("id").as_int64());
  // Interviews 4 and 10 days after applying (median 7); one offer 6 days after its interview;
  // nobody has started.
  for (const char* dates :
       {R"("applied_on":"2025-03-01","interviewed_on":"2025-03-05","offered_on":"2025-03-11")",
        R"("applied_on":"2025-03-02","interviewed_on":"2025-03-12")",
        R"("applied_on":"2025-03-03")"}) {
    static int n = 0;
    api.post("/api/v1/applicants", provider.key,
             R"({"reference":"S-)" + std::to_string(++n) + R"(","source_id":)" + sid + "," + dates +
                 "}");
  }
  const auto funnel = api.get(
      "/api/v1/reports/funnel?from=2025-01-01&to=2025-12-31&as_of=2025-12-31", provider.key);
  const auto& steps = funnel.at("steps").as_array();
  REQUIRE(steps.size() == 3);
  CHECK(steps[1].at("step") == "interviewed_to_offered");
  CHECK(steps[1].at("label") == "from interview to offer");
  const auto& durations = funnel.at("total").at("stage_durations");
  CHECK(durations.at("applied_to_interviewed").at("median_days").as_double() == 7.0);
  CHECK(durations.at("applied_to_interviewed").at("count") == 2);
  CHECK(durations.at("interviewed_to_offered").at("median_days").as_double() == 6.0);
  CHECK(durations.at("interviewed_to_offered").at("count") == 1);
  CHECK(durations.at("offered_to_started").at("median_days").is_null());
  CHECK(durations.at("offered_to_started").at("median_days_reason") == "no_hires");
  CHECK(durations.at("offered_to_started").at("median_days_reason_text") == "no starters");
  CHECK(durations.at("offered_to_started").at("count") == 0);
}
