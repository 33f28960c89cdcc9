// The readable form of the reports: every missing figure marked with its reason in words, no
// codes or true/false for the reader, the return of sources with too few hires held back, the
// replacement cost behind the return, and where the next pound goes.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "metrics/report_text.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
using caretoolkit::Pence;

namespace {

// What a reader should never see: snake_case codes, benchmark ids and flags.
void check_plain(const std::string& text) {
  INFO(text);
  CHECK(text.find('_') == std::string::npos);
  CHECK(text.find("true") == std::string::npos);
  CHECK(text.find("false") == std::string::npos);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The cells of the table row named `name`, split at spaces.
std::vector<std::string> row_cells(const std::string& text, const std::string& name) {
  const std::size_t start = text.find("\n" + name + " ");
  if (start == std::string::npos) return {};
  const std::size_t cells_start = start + 1 + name.size();
  std::istringstream row(text.substr(cells_start, text.find('\n', cells_start) - cells_start));
  std::vector<std::string> cells;
  for (std::string cell; row >> cell;) cells.push_back(cell);
  return cells;
}

}  // namespace

TEST_CASE("every reason a figure can be missing reads as plain words") {
  int reasons = 0;
  for (int i = 1; !to_string(static_cast<Reason>(i)).empty(); ++i) {
    const auto reason = static_cast<Reason>(i);
    CAPTURE(to_string(reason));
    const std::string words = reason_words(reason, 365);
    CHECK_FALSE(words.empty());
    CHECK(words.find('_') == std::string::npos);
    CHECK(words != to_string(reason));
    ++reasons;
  }
  CHECK(reasons == 19);
  CHECK(reason_words(Reason::kNoHires) == "no starters");
  CHECK(reason_words(Reason::kNoStarters) == "no starters");
  CHECK(reason_words(Reason::kTooFewHires) ==
        "too few hires to judge: fewer than 5 starters in the period");
  CHECK(reason_words(Reason::kTooEarly, 365) == "not known yet: nobody has been in post 365 days");
  CHECK(reason_words(Reason::kNoSpend) == "no spend recorded");
  CHECK(reason_words(Reason::kWithheld) == "withheld: fewer than 3 providers stand behind it");
  CHECK(reason_words(Reason::kImplausible) ==
        "turnover above 995%, so the headcount must be wrong");
}

TEST_CASE("each kind of missing figure has its own mark and a note in words") {
  const Dataset data = worked_example();
  ReportOptions options = worked_options();
  options.as_of = day("2025-05-31");  // Referral's first starter has been in post 119 days
  const std::string text = to_text(roi_report(data.view(), options), "Brookfield: return");
  check_plain(text);
  INFO(text);
  CHECK(text.starts_with(
      "Brookfield: return, 2025-01-01 to 2025-03-31 (as of 2025-05-31), by source\n\n"));
  // Nobody in post 182 days: the cost per hire still in post at 182 days waits on that mark.
  CHECK(has(text, "\nWhere a figure is missing:\n"));
  CHECK(has(text, ") not known yet: nobody has been in post 182 days\n"));
  CHECK(has(text, ") not known yet: nobody has been in post 365 days\n"));
  // Job board's two starters had both left by 91 days' judging: none stayed.
  CHECK(has(text, ") none of the starters old enough to judge stayed 91 days\n"));
  // Three notes at least, each with a different mark.
  CHECK(has(text, "\n(a) "));
  CHECK(has(text, "\n(b) "));
  CHECK(has(text, "\n(c) "));
  CHECK_FALSE(has(text, " - "));
}

TEST_CASE("the readable ROI holds back the return of sources with too few hires") {
  const Dataset data = worked_example();
  // Referral: 3 starters, ROI 13.4 (1340 %); Job board: 2 starters, ROI -1. Both too few.
  const std::string text = to_text(roi_report(data.view(), worked_options()), "Brookfield");
  check_plain(text);
  INFO(text);
  CHECK_FALSE(has(text, "1340.0%"));
  CHECK_FALSE(has(text, "-100.0%"));
  CHECK(has(text, ") too few hires to judge: fewer than 5 starters in the period\n"));
  CHECK(has(text,
            "\nThe return on spend counts each hire expected to stay a year as saving a "
            "replacement cost of £3,600.00 (the default: Skills for Care's estimate of the cost "
            "of a care worker's hire).\n"));
  CHECK(
      text.ends_with("\nNo source has enough hires yet to say where the next pound goes: each "
                     "needs at least 5 starters in the period.\n"));
}

TEST_CASE("the readable ROI ends with where the next pound goes") {
  Dataset data;
  data.sources = {source(1, "Agency", Channel::kAgency),
                  source(2, "Facebook", Channel::kSocialMedia),
                  source(3, "Referral", Channel::kStaffReferral)};
  data.spend = {spend(1, "2025-01-01", 500'000), spend(2, "2025-01-01", 100'000),
                spend(3, "2025-01-01", 20'000)};
  add_starters(data, 1, 10, 5);  // 5 expected stayers: £1,000.00 each
  add_starters(data, 2, 5, 1);   // 4 expected stayers: £250.00 each
  add_starters(data, 3, 4, 0);   // 4 starters: too few to judge, however cheap
  ReportOptions options = worked_options();
  options.replacement_cost = Pence{500'000};
  const std::string text = to_text(roi_report(data.view(), options), "Brookfield");
  check_plain(text);
  INFO(text);
  // Facebook: benefit 4 x £5,000 = £20,000 against £1,000 spent: ROI 19 = 1900 %.
  CHECK(has(text, "1900.0%"));
  // Referral: 4 x £5,000 against £200 would read 9900 %, but 4 starters are too few.
  CHECK_FALSE(has(text, "9900.0%"));
  CHECK(has(text, "replacement cost of £5,000.00 (as given for this report).\n"));
  CHECK(
      text.ends_with("\nThe next pound goes furthest on Facebook: £250.00 per hire expected to "
                     "stay a year, a return on spend of 1900.0%.\n"));
}

TEST_CASE(
    "the readable ROI ranks only the sources whose cost per hire expected to stay a year is "
    "known") {
  Dataset data;
  data.sources = {source(1, "Agency", Channel::kAgency),
                  source(2, "Facebook", Channel::kSocialMedia)};
  data.spend = {spend(1, "2025-01-01", 500'000), spend(2, "2025-01-01", 100'000)};
  add_starters(data, 1, 6, 0);  // started 2025-02-01: nobody in post 365 days by 2025-12-31
  add_starters(data, 2, 5, 0);
  ReportOptions options = worked_options();
  options.as_of = day("2025-12-31");
  const std::string rank_row = "where the next pound goes (1 = first)";
  SUBCASE("a source whose year is not known yet has the mark of why and no position") {
    // Facebook's own curve reaches a year through a starter of 2023, before the period: its
    // 5 starters are all expected to stay, at £200.00 each.
    data.applicants.push_back(person(2, "2023-01-10", "2023-01-12", "2023-01-15", "2023-02-01"));
    const std::string text = to_text(roi_report(data.view(), options), "Brookfield");
    check_plain(text);
    INFO(text);
    CHECK(has(text, "\n(a) not known yet: nobody has been in post 365 days\n"));
    CHECK(row_cells(text, rank_row) == std::vector<std::string>{"(a)", "1"});
    CHECK(
        text.ends_with("\nThe next pound goes furthest on Facebook: £200.00 per hire expected "
                       "to stay a year, a return on spend of 1700.0%.\n"));
  }
  SUBCASE("no source has a position when none has the figure the ranking needs") {
    const std::string text = to_text(roi_report(data.view(), options), "Brookfield");
    INFO(text);
    CHECK(has(text, "\n(a) not known yet: nobody has been in post 365 days\n"));
    CHECK(row_cells(text, rank_row) == std::vector<std::string>{"(a)", "(a)"});
    CHECK(
        text.ends_with("\nWhere the next pound goes is not known yet: no source with at least "
                       "5 starters has a hire expected to stay a year.\n"));
  }
}

TEST_CASE("the readable workforce report names benchmarks and service types in words") {
  Dataset data;
  Service home;
  home.id = 1;
  home.provider_id = 1;
  home.name = "Riverside";
  home.type = ServiceType::kHomeCare;
  Service day_centre = home;
  day_centre.id = 2;
  day_centre.name = "Day centre";
  day_centre.type = ServiceType::kDayServices;
  data.services = {home, day_centre};
  HeadcountSnapshot snapshot;
  snapshot.id = 1;
  snapshot.provider_id = 1;
  snapshot.service_id = 1;
  snapshot.date = day("2025-03-31");
  snapshot.staff = 40;
  snapshot.vacancies = 4;
  snapshot.leavers = 12;
  data.headcounts = {snapshot};
  const std::string text =
      to_text(workforce_report(data.view(), worked_options(Grouping::kNone)), "Brookfield");
  check_plain(text);
  INFO(text);
  CHECK(has(text, "Home care, Leicestershire"));
  CHECK(has(text, "Day services"));
  CHECK_FALSE(has(text, "home care,"));
  CHECK(has(text, "30.0%"));  // 12 leavers / 40 staff
  CHECK(has(text, ") no headcount recorded on or before the as-of date\n"));
}
