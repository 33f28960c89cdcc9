// The reports as tables whose columns say what they hold: every cell fits its column's kind, and
// the CSV, the readable table and the JSON write a figure as its column's kind says, whatever the
// column is called.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "metrics/report_csv.hpp"
#include "metrics/report_json.hpp"
#include "metrics/report_table.hpp"
#include "metrics/report_text.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
namespace json = boost::json;

namespace {

HeadcountSnapshot headcount(Id service_id, std::string_view date, int staff, int vacancies,
                            std::optional<int> leavers) {
  HeadcountSnapshot h;
  h.provider_id = 1;
  h.service_id = service_id;
  h.date = day(date);
  h.staff = staff;
  h.vacancies = vacancies;
  h.leavers = leavers;
  return h;
}

// The worked example with a source nobody applied through and two services, one with a
// headcount whose leavers are not known.
Dataset varied_example() {
  Dataset data = worked_example();
  data.sources.push_back(source(3, "Careers fair", Channel::kCareersEvent));
  Service home;
  home.id = 4;
  home.name = "Community team";
  home.type = ServiceType::kHomeCare;
  Service house;
  house.id = 5;
  house.name = "Oak House";
  house.type = ServiceType::kResidential;
  data.services = {home, house};
  data.applicants[0].service_id = 4;
  data.headcounts = {headcount(4, "2025-03-01", 40, 4, 12),
                     headcount(5, "2025-02-01", 20, 0, std::nullopt)};
  return data;
}

// Every table the reports make of `data`: each report by each grouping, as of three days (so
// that some figures are not known yet), and the team's KPIs behind two and three providers.
std::vector<ReportTable> every_table(const Dataset& data) {
  std::vector<ReportTable> tables;
  for (const char* as_of : {"2025-04-10", "2025-06-30", "2026-03-31"}) {
    for (const Grouping by : {Grouping::kNone, Grouping::kSource, Grouping::kChannel,
                              Grouping::kService, Grouping::kVacancy, Grouping::kMonth}) {
      ReportOptions options = worked_options(by);
      options.as_of = day(as_of);
      tables.push_back(table_of(funnel_report(data.view(), options)));
      tables.push_back(table_of(retention_report(data.view(), options)));
      tables.push_back(table_of(roi_report(data.view(), options)));
    }
  }
  tables.push_back(table_of(workforce_report(data.view(), worked_options())));
  tables.push_back(table_of(workforce_report(Dataset().view(), worked_options())));
  for (const std::size_t providers : {2, 3}) {
    const std::vector<TrackerData> views(providers, data.view());
    tables.push_back(table_of(team_kpis(views, worked_options())));
  }
  return tables;
}

const Column& column_named(const ReportTable& table, const std::string& name) {
  for (const Column& column : table.columns) {
    if (column.name == name) return column;
  }
  FAIL("no column ", name);
  return table.columns.front();
}

// A table of one row with a column of each kind, named so that no name hints at its kind.
ReportTable one_of_each_kind() {
  using enum ColumnKind;
  const auto column = [](std::string name, ColumnKind kind) {
    std::vector<JsonStep> json{{name, std::nullopt}};
    // The label column, which names the row, is no line of the readable table.
    std::string heading = kind == kText ? "" : name;
    return Column{name, kind, std::move(heading), 0, true, std::move(json)};
  };
  ReportTable table;
  table.columns = {column("label", kText), column("alpha", kCount), column("beta", kMoney),
                   column("gamma", kRate), column("delta", kDays),  column("epsilon", kNumber),
                   column("zeta", kDate),  column("eta", kFlag),    column("theta", kRate)};
  table.rows = {{Cell::text("code", "Words"), Cell::whole(7), Cell::whole(123'450),
                 Cell::fraction(0.25), Cell::fraction(28.5), Cell::fraction(2.4),
                 Cell::date(day("2025-03-01")), Cell::flag(true),
                 Cell::missing(Reason::kNoOffers)}};
  return table;
}

}  // namespace

TEST_CASE("every cell of every report fits the kind of its column") {
  const Dataset data = varied_example();
  for (const ReportTable& table : every_table(data)) {
    for (const auto& row : table.rows) {
      REQUIRE(row.size() == table.columns.size());
      for (std::size_t c = 0; c < row.size(); ++c) {
        CAPTURE(table.columns[c].name);
        CHECK(fits(row[c], table.columns[c].kind));
      }
    }
  }
}

TEST_CASE("a cell of another kind does not fit and a missing figure fits any column") {
  CHECK(fits(Cell::whole(3), ColumnKind::kCount));
  CHECK(fits(Cell::whole(3), ColumnKind::kDays));
  CHECK(fits(Cell::fraction(28.5), ColumnKind::kDays));
  CHECK_FALSE(fits(Cell::fraction(0.25), ColumnKind::kCount));
  CHECK_FALSE(fits(Cell::whole(25), ColumnKind::kRate));
  CHECK_FALSE(fits(Cell::fraction(12.5), ColumnKind::kMoney));
  CHECK_FALSE(fits(Cell::text("2025-03-01"), ColumnKind::kDate));
  CHECK_FALSE(fits(Cell::text("true"), ColumnKind::kFlag));
  CHECK(fits(Cell::missing(Reason::kNoHires), ColumnKind::kMoney));
  CHECK(fits(Cell::blank(), ColumnKind::kDate));
  Cell held = Cell::missing(Reason::kNoHires);
  held.held_back = Reason::kTooFewHires;
  CHECK_FALSE(fits(held, ColumnKind::kMoney));
}

TEST_CASE("each report names the kind of its columns: days dates money rates counts and text") {
  const Dataset data = varied_example();
  const ReportTable funnel = table_of(funnel_report(data.view(), worked_options()));
  CHECK(column_named(funnel, "applicants").kind == ColumnKind::kCount);
  CHECK(column_named(funnel, "applied_to_started").kind == ColumnKind::kRate);
  CHECK(column_named(funnel, "median_days_to_start").kind == ColumnKind::kDays);
  CHECK(column_named(funnel, "group_label").kind == ColumnKind::kText);
  const ReportTable roi = table_of(roi_report(data.view(), worked_options()));
  CHECK(column_named(roi, "spend").kind == ColumnKind::kMoney);
  CHECK(column_named(roi, "cost_per_retained_hire_365").kind == ColumnKind::kMoney);
  CHECK(column_named(roi, "expected_stayers_12").kind == ColumnKind::kNumber);
  CHECK(column_named(roi, "too_few_hires").kind == ColumnKind::kFlag);
  const ReportTable workforce = table_of(workforce_report(data.view(), worked_options()));
  CHECK(column_named(workforce, "snapshot_date").kind == ColumnKind::kDate);
  CHECK(column_named(workforce, "turnover").kind == ColumnKind::kRate);
  CHECK(column_named(workforce, "turnover_cost").kind == ColumnKind::kMoney);
}

TEST_CASE("the readable table writes each figure as its column's kind whatever its name") {
  CHECK(readable_table(one_of_each_kind()) ==
        "              Words\n"
        "alpha             7\n"
        "beta      £1,234.50\n"
        "gamma         25.0%\n"
        "delta          28.5\n"
        "epsilon         2.4\n"
        "zeta     2025-03-01\n"
        "eta             yes\n"
        "theta           (a)\n"
        "\n"
        "Where a figure is missing:\n"
        "(a) no offers made\n");
}

TEST_CASE("the CSV writes each figure as its column's kind whatever its name") {
  CHECK(to_csv(one_of_each_kind()) ==
        "label,alpha,beta_pounds,gamma,delta,epsilon,zeta,eta,theta\r\n"
        "code,7,1234.50,0.25,28.5,2.4,2025-03-01,true,\r\n");
}

TEST_CASE("the JSON writes each figure as its column's kind whatever its name") {
  const json::object figures = json_figures(one_of_each_kind(), 0);
  CHECK(json::serialize(figures) ==
        R"({"label":"code","alpha":7,"beta_pence":123450,"gamma":2.5E-1,"delta":2.85E1,)"
        R"("epsilon":2.4E0,"zeta":"2025-03-01","eta":true,"theta":null,)"
        R"("theta_reason":"no_offers","theta_reason_text":"no offers made"})");
}

TEST_CASE("a column only the JSON carries is in neither the CSV nor the readable table") {
  const Dataset data = worked_example();
  const ReportTable roi = table_of(roi_report(data.view(), worked_options()));
  const Column& eligible = column_named(roi, "eligible_365");
  CHECK_FALSE(eligible.in_csv);
  CHECK(eligible.heading.empty());
  REQUIRE(eligible.json.size() == 2);
  CHECK(eligible.json[0].field == "retention");
  CHECK(eligible.json[0].item == 2);
  CHECK(eligible.json[1].field == "eligible");
  const std::string csv = to_csv(roi);
  CHECK(csv.find("eligible") == std::string::npos);
  // Referral, grouped by source: 3 starters, all old enough to judge at a year, 2 still in post.
  const json::object referral = json_figures(roi, 1);
  const json::value& year = referral.at("retention").as_array()[2];
  CHECK(year.at("days") == 365);
  CHECK(year.at("eligible") == 3);
  CHECK(year.at("retained") == 2);
  CHECK(year.at("cost_per_retained_hire_pence") == 25000);
}
