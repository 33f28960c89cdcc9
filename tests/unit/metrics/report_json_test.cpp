// The JSON and CSV forms of the reports: field names, money in pence, null with a reason, and no
// provider or source named in the team's figures.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>

#include "fixtures.hpp"
#include "metrics/report_csv.hpp"
#include "metrics/report_json.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
namespace json = boost::json;

namespace {

// Serialises and parses again, so the tests see exactly what a client reads.
json::value round_trip(const json::value& value) {
  return json::parse(json::serialize(value));
}

const json::value& at(const json::value& v, std::string_view key) {
  return v.as_object().at(key);
}

}  // namespace

TEST_CASE("roi JSON of the worked example") {
  const Dataset data = worked_example();
  const json::value doc = round_trip(to_json(roi_report(data.view(), worked_options())));
  CHECK(at(doc, "report") == "roi");
  CHECK(at(doc, "by") == "source");
  CHECK(at(at(doc, "period"), "from") == "2025-01-01");
  CHECK(at(at(doc, "period"), "as_of") == "2026-03-31");
  CHECK(at(doc, "replacement_cost_pence") == 360000);
  CHECK(at(doc, "min_hires_to_judge") == 5);

  const json::value& referral = at(doc, "groups").as_array()[1];
  CHECK(at(at(referral, "group"), "by") == "source");
  CHECK(at(at(referral, "group"), "key") == "1");
  CHECK(at(at(referral, "group"), "label") == "Referral");
  CHECK(at(at(referral, "group"), "source_id") == 1);
  CHECK(at(at(referral, "group"), "channel") == "staff_referral");
  CHECK(at(referral, "spend_pence") == 50000);
  CHECK(at(referral, "cost_per_hire_pence") == 16667);
  const json::value& twelve = at(referral, "retention").as_array()[2];
  CHECK(at(twelve, "days") == 365);
  CHECK(at(twelve, "eligible") == 3);
  CHECK(at(twelve, "retained") == 2);
  CHECK(at(twelve, "cost_per_retained_hire_pence") == 25000);
  CHECK_FALSE(twelve.as_object().contains("cost_per_retained_hire_pence_reason"));

  const json::value& job_board = at(doc, "groups").as_array()[0];
  CHECK(at(job_board, "cost_per_hire_pence") == 75000);
  const json::value& job_board_twelve = at(job_board, "retention").as_array()[2];
  CHECK(at(job_board_twelve, "cost_per_retained_hire_pence").is_null());
  CHECK(at(job_board_twelve, "cost_per_retained_hire_pence_reason") == "no_retained_hires");

  CHECK(at(at(doc, "total"), "group").as_object().at("by") == "total");
  CHECK(at(at(doc, "total"), "cost_per_hire_pence") == 40000);

  const json::value& referral_return = at(doc, "sources").as_array()[1];
  CHECK(at(referral_return, "benefit_pence") == 720000);
  CHECK(at(referral_return, "roi").as_double() == doctest::Approx(13.4));
  CHECK(at(referral_return, "expected_stayers_12").as_double() == doctest::Approx(2.0));
  CHECK(at(referral_return, "too_few_hires") == true);
  CHECK(at(at(doc, "next_pound"), "ranked").as_array().empty());
  const json::array& too_few = at(at(doc, "next_pound"), "too_few_hires").as_array();
  REQUIRE(too_few.size() == 2);
  CHECK(at(too_few[0], "source_id") == 2);
  CHECK(at(too_few[0], "label") == "Job board");
  CHECK(at(too_few[0], "cost_per_expected_stayer_pence_reason") == "no_expected_stayers");
  CHECK(at(too_few[1], "source_id") == 1);
  CHECK(at(too_few[1], "cost_per_expected_stayer_pence") == 25000);
  CHECK(at(too_few[1], "warning") ==
        "Too few hires to judge: 3 starters in the period, and at least 5 are needed.");
}

TEST_CASE("funnel JSON carries null with a reason and the drop-outs by stage") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Careers fair", Channel::kCareersEvent));
  const json::value doc = round_trip(to_json(funnel_report(data.view(), worked_options())));
  const json::value& fair = at(doc, "groups").as_array()[0];
  CHECK(at(at(fair, "group"), "label") == "Careers fair");
  CHECK(at(fair, "applied_to_interviewed").is_null());
  CHECK(at(fair, "applied_to_interviewed_reason") == "no_applicants");
  CHECK(at(fair, "median_days_to_start_reason") == "no_hires");
  const json::value& job_board = at(doc, "groups").as_array()[1];
  CHECK(at(job_board, "applied_to_interviewed").as_double() == 0.4);
  CHECK(at(at(at(job_board, "drop_outs"), "applied"), "rejected") == 4);
  CHECK(at(at(at(job_board, "drop_outs"), "interviewed"), "withdrawn") == 1);
  CHECK(at(job_board, "median_days_to_offer").as_double() == 28.5);
}

TEST_CASE("funnel JSON gives each step's median days with its count and names the steps") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Careers fair", Channel::kCareersEvent));
  const json::value doc = round_trip(to_json(funnel_report(data.view(), worked_options())));
  const json::array& steps = at(doc, "steps").as_array();
  REQUIRE(steps.size() == 3);
  CHECK(at(steps[0], "step") == "applied_to_interviewed");
  CHECK(at(steps[0], "from") == "applied");
  CHECK(at(steps[0], "to") == "interviewed");
  CHECK(at(steps[0], "label") == "from applying to interview");
  CHECK(at(steps[2], "step") == "offered_to_started");
  CHECK(at(steps[2], "label") == "from offer to starting work");

  const json::value& fair = at(at(doc, "groups").as_array()[0], "stage_durations");
  CHECK(at(at(fair, "applied_to_interviewed"), "median_days").is_null());
  CHECK(at(at(fair, "applied_to_interviewed"), "median_days_reason") == "no_interviews");
  CHECK(at(at(fair, "applied_to_interviewed"), "median_days_reason_text") == "nobody interviewed");
  CHECK(at(at(fair, "applied_to_interviewed"), "count") == 0);
  CHECK(at(at(fair, "offered_to_started"), "median_days_reason") == "no_hires");

  const json::value& job_board = at(at(doc, "groups").as_array()[1], "stage_durations");
  CHECK(at(at(job_board, "applied_to_interviewed"), "median_days").as_double() == 15.0);
  CHECK(at(at(job_board, "applied_to_interviewed"), "count") == 4);
  CHECK(at(at(job_board, "offered_to_started"), "median_days").as_double() == 25.5);
  CHECK(at(at(job_board, "offered_to_started"), "count") == 2);
  const json::value& total = at(at(doc, "total"), "stage_durations");
  CHECK(at(at(total, "interviewed_to_offered"), "median_days").as_double() == 7.0);
}

TEST_CASE("funnel JSON by month and by service names its groups") {
  Dataset data = worked_example();
  json::value doc =
      round_trip(to_json(funnel_report(data.view(), worked_options(Grouping::kMonth))));
  const json::value& january = at(doc, "groups").as_array()[0];
  CHECK(at(at(january, "group"), "month") == "2025-01");
  CHECK(at(at(january, "group"), "key") == "2025-01");

  doc = round_trip(to_json(funnel_report(data.view(), worked_options(Grouping::kService))));
  const json::value& unassigned = at(doc, "groups").as_array()[0];
  CHECK(at(at(unassigned, "group"), "key") == "unassigned");
  CHECK(at(at(unassigned, "group"), "label") == "No service recorded");
  CHECK(at(at(unassigned, "group"), "service_id").is_null());
}

TEST_CASE("retention JSON has the curve and survival with reasons") {
  const Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  const json::value doc = round_trip(to_json(retention_report(data.view(), options)));
  const json::value& referral = at(doc, "groups").as_array()[1];
  CHECK(at(referral, "survival_91").as_double() == doctest::Approx(2.0 / 3.0));
  CHECK(at(referral, "survival_182").is_null());
  CHECK(at(referral, "survival_182_reason") == "too_early_to_judge");
  CHECK(at(referral, "longest_observed_days") == 149);
  const json::value& step = at(referral, "curve").as_array()[0];
  CHECK(at(step, "day") == 45);
  CHECK(at(step, "at_risk") == 3);
  CHECK(at(step, "left") == 1);
  const json::value& mark = at(referral, "retention").as_array()[1];
  CHECK(at(mark, "too_recent") == 3);
  CHECK(at(mark, "rate_reason") == "too_early_to_judge");
}

TEST_CASE("each missing figure carries its reason in the words of the readable reports") {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Careers fair", Channel::kCareersEvent));
  json::value doc = round_trip(to_json(funnel_report(data.view(), worked_options())));
  const json::value& fair = at(doc, "groups").as_array()[0];
  CHECK(at(fair, "applied_to_interviewed_reason_text") == "no applicants in the period");
  CHECK(at(fair, "median_days_to_start_reason_text") == "no starters");
  CHECK_FALSE(
      at(doc, "groups").as_array()[1].as_object().contains("applied_to_interviewed_reason_text"));

  // A retention mark's words name its days.
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  doc = round_trip(to_json(retention_report(data.view(), options)));
  const json::value& referral = at(doc, "groups").as_array()[1];
  CHECK(at(referral, "survival_182_reason_text") ==
        "not known yet: nobody has been in post 182 days");
  CHECK(at(at(referral, "retention").as_array()[1], "rate_reason_text") ==
        "not known yet: nobody has been in post 182 days");

  const std::vector<TrackerData> two = {data.view(), data.view()};
  doc = round_trip(to_json(team_kpis(two, worked_options())));
  CHECK(at(at(doc, "applicants"), "reason_text") ==
        "withheld: fewer than 3 providers stand behind it");
}

TEST_CASE("workforce JSON sets each rate beside benchmarks with their sources") {
  Dataset data;
  data.sources = {source(1, "Referral", Channel::kStaffReferral)};
  Service home;
  home.id = 4;
  home.name = "Community team";
  home.type = ServiceType::kHomeCare;
  data.services = {home};
  HeadcountSnapshot h;
  h.service_id = 4;
  h.date = day("2025-03-01");
  h.staff = 40;
  h.vacancies = 4;
  h.leavers = 12;
  data.headcounts = {h};
  const json::value doc = round_trip(to_json(workforce_report(data.view(), worked_options())));
  CHECK(at(doc, "as_of") == "2026-03-31");
  CHECK(at(doc, "total_basis") == "pooled_services");
  const json::value& row = at(doc, "services").as_array()[0];
  CHECK(at(at(row, "group"), "service_type") == "home_care");
  CHECK(at(row, "turnover").as_double() == 0.3);
  CHECK(at(row, "leavers_from") == "snapshot");
  const json::value& first = at(row, "turnover_benchmarks").as_array()[0];
  CHECK(at(first, "benchmark") == "turnover_home_care_leicestershire");
  CHECK(at(first, "value").as_double() == 0.504);
  CHECK(at(first, "difference").as_double() == doctest::Approx(0.3 - 0.504));
  bool found = false;
  for (const json::value& b : at(doc, "benchmarks").as_array()) {
    if (at(b, "id") == "turnover_uk_2018_19") {
      found = true;
      CHECK(at(b, "value").as_double() == 0.308);
      CHECK(at(b, "service_type").is_null());
      CHECK_FALSE(at(b, "source").as_string().empty());
    }
  }
  CHECK(found);
}

TEST_CASE("team JSON shows withheld figures and names no provider or source") {
  Dataset a = worked_example();
  a.sources[1].name = "Totaljobs Leicester";
  const std::vector<TrackerData> three = {a.view(), a.view(), a.view()};
  const json::value doc = round_trip(to_json(team_kpis(three, worked_options())));
  CHECK(at(doc, "providers") == 3);
  CHECK(at(doc, "min_providers") == 3);
  CHECK(at(at(doc, "applicants"), "value") == 42);
  CHECK(at(at(doc, "applicants"), "providers") == 3);
  CHECK(at(at(doc, "cost_per_hire_pence"), "value") == 40000);
  // A rate gives the counts it divides: 6 of 15 starters still in post at 12 months.
  const json::value& year = at(at(doc, "retention").as_array()[2], "rate");
  CHECK(at(year, "numerator") == 6);
  CHECK(at(year, "denominator") == 15);
  // Nobody used an agency: no provider stands behind it, so its own reason is given.
  const json::value& agency = at(doc, "channels").as_array()[6];
  CHECK(at(agency, "channel") == "agency");
  CHECK(at(at(agency, "applicants"), "value") == 0);
  CHECK(at(at(agency, "cost_per_hire_pence"), "reason") == "no_hires");

  // Two providers: withheld, with no counts.
  const std::vector<TrackerData> two = {a.view(), a.view()};
  const json::value withheld = round_trip(to_json(team_kpis(two, worked_options())));
  const json::value& held = at(at(withheld, "retention").as_array()[2], "rate");
  CHECK(at(held, "reason") == "withheld");
  CHECK_FALSE(held.as_object().contains("numerator"));

  const std::string text = json::serialize(doc);
  for (const char* leak : {"Referral\"", "Totaljobs", "source_id", "provider_id", "\"A1\""}) {
    CAPTURE(leak);
    CHECK(text.find(leak) == std::string::npos);
  }
}

TEST_CASE("team JSON says nobody has been in post long enough rather than withheld") {
  const Dataset a = worked_example();
  const std::vector<TrackerData> three = {a.view(), a.view(), a.view()};
  ReportOptions options = worked_options();
  options.as_of = day("2025-06-30");
  const json::value doc = round_trip(to_json(team_kpis(three, options)));
  const json::value& half_year = at(at(doc, "retention").as_array()[1], "rate");
  CHECK(at(half_year, "value").is_null());
  CHECK(at(half_year, "providers") == 0);
  CHECK(at(half_year, "reason") == "too_early_to_judge");
  CHECK(at(half_year, "reason_text") == "not known yet: nobody has been in post 182 days");
}

TEST_CASE("CSV of the funnel by channel, exactly") {
  const Dataset data = worked_example();
  const std::string csv = to_csv(funnel_report(data.view(), worked_options(Grouping::kChannel)));
  const std::string expected =
      "group_key,group_label,applicants,interviewed,offered,started,in_progress,"
      "applied_to_interviewed,interviewed_to_offered,offered_to_started,applied_to_started,"
      "withdrawn_at_applied,rejected_at_applied,withdrawn_at_interviewed,"
      "rejected_at_interviewed,withdrawn_at_offered,rejected_at_offered,median_days_to_offer,"
      "median_days_to_start,median_days_applied_to_interviewed,count_applied_to_interviewed,"
      "median_days_interviewed_to_offered,count_interviewed_to_offered,"
      "median_days_offered_to_started,count_offered_to_started\r\n"
      "job_board,Job board,10,4,2,2,1,0.4,0.5,1,0.2,1,4,1,1,0,0,28.5,54,15,4,13,2,25.5,2\r\n"
      "staff_referral,Staff referral,4,3,3,3,0,0.75,1,1,0.75,1,0,0,0,0,0,10,27,5,3,5,3,17,3\r\n"
      "total,Total,14,7,5,5,1,0.5,0.7143,1,0.3571,2,4,1,1,0,0,12,28,9,7,7,5,19,5\r\n";
  CHECK(csv == expected);
}

TEST_CASE("CSV quotes names with commas and quotes and writes money in pounds") {
  Dataset data = worked_example();
  data.sources[0].name = "Referral, \"Bring a friend\"";
  const std::string csv = to_csv(roi_report(data.view(), worked_options()));
  CHECK(
      csv.starts_with("group_key,group_label,spend_pounds,applicants,starters,"
                      "cost_per_applicant_pounds,cost_per_hire_pounds,"
                      "cost_per_retained_hire_91_pounds,cost_per_retained_hire_182_pounds,"
                      "cost_per_retained_hire_365_pounds,expected_stayers_12,roi,"
                      "cost_per_expected_stayer_pounds,rank,too_few_hires\r\n"));
  // Referral: £500 over 4 applicants, 3 starters (£166.666... rounded to pence), 2 stayers.
  CHECK(csv.find("1,\"Referral, \"\"Bring a friend\"\"\",500.00,4,3,125.00,166.67,250.00,"
                 "250.00,250.00,2,13.4,250.00,,true\r\n") != std::string::npos);
  // Job board: no cost per retained hire at 12 months, no cost per expected stayer, no rank.
  CHECK(csv.find("2,Job board,1500.00,10,2,150.00,750.00,1500.00,1500.00,,0,-1,,,true\r\n") !=
        std::string::npos);
  CHECK(csv.find("total,Total,2000.00,14,5,142.86,400.00,") != std::string::npos);
}

TEST_CASE("CSV of team KPIs writes withheld where a figure is withheld") {
  const Dataset a = worked_example();
  const std::vector<TrackerData> two = {a.view(), a.view()};
  const std::string csv = to_csv(team_kpis(two, worked_options()));
  // Neither has a headcount, so turnover and vacancy rate are empty rather than withheld; a
  // channel neither used stands on no provider, so its zeros are shown.
  CHECK(csv.find("total,withheld,withheld,withheld,withheld,withheld,withheld,withheld,,\r\n") !=
        std::string::npos);
  CHECK(csv.find("channel:job_board,withheld,withheld,withheld,withheld,,,,,\r\n") !=
        std::string::npos);
  CHECK(csv.find("channel:agency,0,0,0.00,,,,,,\r\n") != std::string::npos);
}

TEST_CASE("CSV decimals have at most four places and no trailing zeros") {
  CHECK(csv_decimal(0.35714285714285715) == "0.3571");
  CHECK(csv_decimal(0.71428571428571430) == "0.7143");
  CHECK(csv_decimal(0.5) == "0.5");
  CHECK(csv_decimal(1.0) == "1");
  CHECK(csv_decimal(-1.0) == "-1");
  CHECK(csv_decimal(17.0) == "17");
  CHECK(csv_decimal(5.2363636363636363) == "5.2364");
  CHECK(csv_decimal(0.00004) == "0");
  CHECK(csv_decimal(-0.00004) == "0");
  CHECK(csv_decimal(0.00005) == "0.0001");
}

TEST_CASE("CSV of the retention report writes fractions with at most four decimals") {
  const Dataset data = worked_example();
  const std::string csv = to_csv(retention_report(data.view(), worked_options()));
  INFO(csv);
  // Referral: 3 starters, one left after 45 days, so 2 of 3 (0.6667) stayed at every mark.
  CHECK(csv.find("1,Referral,3,1,1,3,2,0,0.6667,3,2,0,0.6667,3,2,0,0.6667,0.6667,0.6667,0.6667"
                 "\r\n") != std::string::npos);
  // The total: 5 starters, 3 left; 3 of 5 stayed at 91 and 182 days, 2 of 5 at 365.
  CHECK(csv.find("total,Total,5,3,2,5,3,0,0.6,5,3,0,0.6,5,2,0,0.4,0.6,0.6,0.4\r\n") !=
        std::string::npos);
  CHECK(csv.find("0.66666") == std::string::npos);
}

TEST_CASE("funnel JSON names the stage each count counts with the tracker's label") {
  const Dataset data = worked_example();
  const json::value doc = round_trip(to_json(funnel_report(data.view(), worked_options())));
  const json::array& stages = at(doc, "stages").as_array();
  REQUIRE(stages.size() == 4);
  const char* expected[][3] = {{"applied", "Applied", "applicants"},
                               {"interviewed", "Interviewed", "interviewed"},
                               {"offered", "Offered a job", "offered"},
                               {"started", "Started work", "started"}};
  for (std::size_t i = 0; i < stages.size(); ++i) {
    CAPTURE(i);
    CHECK(at(stages[i], "stage") == expected[i][0]);
    CHECK(at(stages[i], "label") == expected[i][1]);
    CHECK(at(stages[i], "count") == expected[i][2]);
  }
  // Each names a count of every row: the total's 14 applicants and 5 starters.
  CHECK(at(at(doc, "total"), at(stages[0], "count").as_string()) == 14);
  CHECK(at(at(doc, "total"), at(stages[3], "count").as_string()) == 5);
}
