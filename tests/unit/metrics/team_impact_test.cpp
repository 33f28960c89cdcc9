// The team's impact on its members: figures before and after joining the scheme and by quarter,
// on three members whose numbers can be checked by hand.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "metrics/report_csv.hpp"
#include "metrics/report_json.hpp"
#include "metrics/report_text.hpp"
#include "metrics/team_impact.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;

namespace {

HeadcountSnapshot headcount(std::string_view date, int staff, int vacancies, int leavers) {
  HeadcountSnapshot h;
  h.date = day(date);
  h.staff = staff;
  h.vacancies = vacancies;
  h.leavers = leavers;
  return h;
}

// A starter (applied, interviewed and offered on the day they started) who left on `left`.
Applicant starter(std::string_view started, std::string_view left = "") {
  return person(kReferral, started, started, started, started, left);
}

// As of 2026-09-30:
//   A joined 2025-01-01. Year before: headcount of 2024-12-01, 16 leavers of 40 staff, 5
//     vacancies; starters 2024-03-01 (left after 61 days), 2024-06-01 (stayed), 2024-09-01 (left
//     after 212 days): 2 of 3 stayed 182 days. Since: headcount of 2026-09-15, 10 leavers of 50
//     staff, 2 vacancies; starters 2025-02-01 (stayed) and 2026-05-01 (too recent): 1 of 1.
//   B joined 2025-03-01. Year before: 2025-01-31, 10 of 20, 4 vacancies; starter 2024-10-01 (left
//     after 31 days): 0 of 1. Since: 2026-06-30, 5 of 25, 1 vacancy; starters 2025-04-01
//     (stayed) and 2025-05-01 (left after 92 days): 1 of 2.
//   C joined 2025-06-01. Year before: 2025-05-31, 12 of 30, 6 vacancies; starter 2025-01-10
//     (stayed): 1 of 1. Since: 2026-09-01, 6 of 30, 3 vacancies; starter 2025-07-01 (left after
//     243 days): 1 of 1.
//   D has no joining day: its figures would change every pooled one.
//   E joined 2026-03-01, under a year ago: no headcount a year after joining yet.
struct Members {
  std::vector<Dataset> sets = std::vector<Dataset>(5);
  std::vector<ImpactMember> members;

  Members() {
    Dataset& a = sets[0];
    a.headcounts = {headcount("2024-12-01", 40, 5, 16), headcount("2026-09-15", 50, 2, 10)};
    a.applicants = {starter("2024-03-01", "2024-05-01"), starter("2024-06-01"),
                    starter("2024-09-01", "2025-04-01"), starter("2025-02-01"),
                    starter("2026-05-01")};
    Dataset& b = sets[1];
    b.headcounts = {headcount("2025-01-31", 20, 4, 10), headcount("2026-06-30", 25, 1, 5)};
    b.applicants = {starter("2024-10-01", "2024-11-01"), starter("2025-04-01"),
                    starter("2025-05-01", "2025-08-01")};
    Dataset& c = sets[2];
    c.headcounts = {headcount("2025-05-31", 30, 6, 12), headcount("2026-09-01", 30, 3, 6)};
    c.applicants = {starter("2025-01-10"), starter("2025-07-01", "2026-03-01")};
    Dataset& d = sets[3];
    d.headcounts = {headcount("2024-06-01", 100, 50, 90), headcount("2026-09-01", 100, 0, 0)};
    d.applicants = {starter("2024-06-01", "2024-06-02"), starter("2026-01-01")};
    Dataset& e = sets[4];
    e.headcounts = {headcount("2026-01-15", 10, 0, 9), headcount("2026-08-01", 10, 1, 2)};
    const char* joined[] = {"2025-01-01", "2025-03-01", "2025-06-01", "", "2026-03-01"};
    for (std::size_t i = 0; i < sets.size(); ++i) {
      members.push_back(ImpactMember{maybe_day(joined[i]), sets[i].view()});
    }
  }
};

const caretoolkit::Date kAsOf = day("2026-09-30");

}  // namespace

TEST_CASE("members' turnover vacancy rate and retention before and after joining are pooled") {
  const Members m;
  const TeamImpact impact = team_impact(m.members, kAsOf);
  CHECK(impact.providers == 5);
  CHECK(impact.without_joined_date == 1);
  CHECK(impact.joined_after_as_of == 0);

  // Turnover: (16 + 10 + 12) / (40 + 20 + 30) = 38 / 90 before, (10 + 5 + 6) / (50 + 25 + 30)
  // = 21 / 105 = 20 % since. E has no headcount a year after joining, so it is on neither side.
  CHECK(impact.before.turnover.providers == 3);
  CHECK(impact.before.turnover.numerator == 38);
  CHECK(impact.before.turnover.denominator == 90);
  CHECK(impact.before.turnover.figure.value == doctest::Approx(38.0 / 90.0));
  CHECK(impact.after.turnover.providers == 3);
  CHECK(impact.after.turnover.numerator == 21);
  CHECK(impact.after.turnover.denominator == 105);
  CHECK(impact.after.turnover.figure.value == doctest::Approx(0.2));

  // Vacancy rate: 15 / (90 + 15) before, 6 / (105 + 6) since.
  CHECK(impact.before.vacancy_rate.numerator == 15);
  CHECK(impact.before.vacancy_rate.denominator == 105);
  CHECK(impact.after.vacancy_rate.numerator == 6);
  CHECK(impact.after.vacancy_rate.denominator == 111);

  // Retention at 182 days: 2 + 0 + 1 of 3 + 1 + 1 before, 1 + 1 + 1 of 1 + 2 + 1 since; A's
  // starter of 2026-05-01 is too recent to judge.
  CHECK(impact.before.retention.providers == 3);
  CHECK(impact.before.retention.numerator == 3);
  CHECK(impact.before.retention.denominator == 5);
  CHECK(impact.before.retention.figure.value == doctest::Approx(0.6));
  CHECK(impact.after.retention.numerator == 3);
  CHECK(impact.after.retention.denominator == 4);
  CHECK(impact.after.retention.figure.value == doctest::Approx(0.75));
}

TEST_CASE("a figure with fewer than three members on both sides is withheld on both") {
  Members m;
  m.members[2].joined_on.reset();  // C left out: A and B remain
  const TeamImpact impact = team_impact(m.members, kAsOf);
  CHECK(impact.without_joined_date == 2);
  for (const ImpactFigures* side : {&impact.before, &impact.after}) {
    for (const TeamFigure<double>* figure :
         {&side->turnover, &side->vacancy_rate, &side->retention}) {
      CHECK(figure->providers == 2);
      CHECK(figure->figure.reason == Reason::kWithheld);
      CHECK_FALSE(figure->numerator.has_value());
    }
  }
}

TEST_CASE("a member without a figure on one side is left out of that figure on both") {
  Members m;
  m.sets[1].headcounts.pop_back();  // B has no headcount since joining
  m.members[1].data = m.sets[1].view();
  const TeamImpact impact = team_impact(m.members, kAsOf);
  CHECK(impact.before.turnover.providers == 2);
  CHECK(impact.before.turnover.figure.reason == Reason::kWithheld);
  CHECK(impact.after.turnover.figure.reason == Reason::kWithheld);
  // B's retention still counts on both sides.
  CHECK(impact.before.retention.providers == 3);
}

TEST_CASE("no member with a joining day gives figures that say why") {
  Members m;
  for (ImpactMember& member : m.members) member.joined_on.reset();
  const TeamImpact impact = team_impact(m.members, kAsOf);
  CHECK(impact.without_joined_date == 5);
  CHECK(impact.before.turnover.providers == 0);
  CHECK(impact.before.turnover.figure.reason == Reason::kNotComparable);
  CHECK(impact.after.retention.figure.reason == Reason::kNotComparable);
  CHECK(impact.quarters.back().members == 0);
  CHECK(impact.quarters.back().figures.turnover.figure.reason == Reason::kNoHeadcountInWindow);
}

TEST_CASE("the trend has eight calendar quarters ending with the as-of day's") {
  const Members m;
  const TeamImpact impact = team_impact(m.members, kAsOf);
  REQUIRE(impact.quarters.size() == 8);
  CHECK(impact.quarters.front().key() == "2024-Q4");
  CHECK(impact.quarters.front().first == day("2024-10-01"));
  CHECK(impact.quarters.front().last == day("2024-12-31"));
  CHECK(impact.quarters.back().label() == "2026 Q3");
  CHECK(impact.quarters.back().first == day("2026-07-01"));
  CHECK(impact.quarters.back().last == day("2026-09-30"));

  // 2024 Q4: nobody had joined yet.
  CHECK(impact.quarters[0].members == 0);
  CHECK(impact.quarters[0].figures.retention.figure.reason == Reason::kNoHires);

  // 2026 Q3: A, B, C and E had joined. Headcounts in the quarter: A 10 of 50 (2 vacancies),
  // C 6 of 30 (3), E 2 of 10 (1): 18 / 90 = 20 %, 6 / 96.
  const ImpactQuarter& q3 = impact.quarters[7];
  CHECK(q3.members == 4);
  CHECK(q3.figures.turnover.providers == 3);
  CHECK(q3.figures.turnover.numerator == 18);
  CHECK(q3.figures.turnover.denominator == 90);
  CHECK(q3.figures.vacancy_rate.numerator == 6);
  CHECK(q3.figures.vacancy_rate.denominator == 96);
  // Nobody started in the quarter.
  CHECK(q3.figures.retention.figure.reason == Reason::kNoHires);

  // 2026 Q2: only B has a headcount in it (withheld); A's starter of 2026-05-01 is too recent.
  const ImpactQuarter& q2 = impact.quarters[6];
  CHECK(q2.figures.turnover.providers == 1);
  CHECK(q2.figures.turnover.figure.reason == Reason::kWithheld);
  CHECK(q2.figures.retention.figure.reason == Reason::kTooEarly);

  // 2025 Q1: A and B had joined; A's starter of 2025-02-01 stands alone (C's of 2025-01-10 is
  // before C joined).
  const ImpactQuarter& early = impact.quarters[1];
  CHECK(early.key() == "2025-Q1");
  CHECK(early.members == 2);
  CHECK(early.figures.retention.providers == 1);
  CHECK(early.figures.retention.figure.reason == Reason::kWithheld);
}

TEST_CASE("a quarter in progress ends on the as-of day") {
  const Members m;
  const TeamImpact impact = team_impact(m.members, day("2026-08-31"));
  CHECK(impact.quarters.back().last == day("2026-08-31"));
  // A's headcount of 2026-09-15 and C's of 2026-09-01 are after the as-of day: E's stands alone.
  CHECK(impact.quarters.back().figures.turnover.providers == 1);
}

TEST_CASE("a trend as of a day in 1900 reaches back into the years before it") {
  const TeamImpact impact = team_impact({}, day("1900-06-30"));
  CHECK(impact.quarters.front().key() == "1898-Q3");
  CHECK(impact.quarters.front().first.to_string() == "1898-07-01");
  CHECK(impact.quarters.back().last == day("1900-06-30"));
}

TEST_CASE("the impact reads the same in its table JSON CSV and words") {
  const Members m;
  const TeamImpact impact = team_impact(m.members, kAsOf);
  const std::string csv = to_csv(impact);
  CHECK(
      csv.starts_with("window,from,to,members,turnover,turnover_providers,leavers,staff,"
                      "vacancy_rate,vacancy_providers,vacancies,posts,retention_182,"
                      "retention_providers,retained_182,judged_182\r\n"));
  CHECK(csv.find("\r\nbefore,Before joining,") == std::string::npos);  // one column per name
  CHECK(csv.find("\r\nbefore,,,,0.4222,3,38,90,0.1429,3,15,105,0.6,3,3,5\r\n") !=
        std::string::npos);
  CHECK(csv.find("\r\nafter,,,,0.2,3,21,105,0.0541,3,6,111,0.75,3,3,4\r\n") != std::string::npos);
  CHECK(csv.find("\r\n2026-Q2,2026-04-01,2026-06-30,4,withheld,1,withheld,withheld,") !=
        std::string::npos);

  const boost::json::value json = to_json(impact);
  CHECK(json.at("report") == "team_impact");
  CHECK(json.at("without_joined_date") == 1);
  CHECK(json.at("before").at("turnover").at("numerator") == 38);
  CHECK(json.at("after").at("retention_182").at("value").as_double() == doctest::Approx(0.75));
  CHECK(json.at("quarters").as_array().size() == 8);
  CHECK(json.at("quarters").at(6).at("turnover").at("reason") == "withheld");
  CHECK(json.at("windows").at("before").as_string().starts_with("Before joining"));

  const std::string text = to_text(impact, "Team impact");
  CHECK(text.starts_with("Team impact, as of 2026-09-30\n"));
  CHECK(text.find("1 of 5 providers has no joining day recorded and is left out.") !=
        std::string::npos);
  CHECK(text.find("42.2%") != std::string::npos);
  CHECK(text.find("withheld: fewer than 3 providers stand behind it") != std::string::npos);
}
