// The commands that mend one record at a time, run as an operator runs them: build/caretoolkit on
// a database holding examples/tracker (Brookfield Home Care, provider 1) and an empty provider 2.
// Each change is checked in what the other commands then show: the ROI report's spend total, the
// CSV export (whose lines end in CRLF), the lists. Each refusal exits 2 with the Store's words and
// leaves the export as it was.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;

namespace {

const std::string kExamples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/";

std::string read_example(const std::string& name) {
  std::ifstream file(kExamples + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), {}};
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A fresh database with the example provider loaded.
class Brookfield {
 public:
  Brookfield() : database_(store_.location()) {
    ok({"provider", "add", "Brookfield Home Care"});
    for (const std::string form : {"applicants", "spend", "headcount"}) {
      ok({"import", form, "--provider", "1", kExamples + form + ".csv"});
    }
    ok({"provider", "add", "Riverside Homes"});
  }

  // Runs caretoolkit with --db added; the output is stdout and stderr together.
  std::pair<int, std::string> run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.end(), {"--db", database_});
    return run_caretoolkit(arguments);
  }

  std::string ok(const std::vector<std::string>& arguments) const {
    const auto result = run(arguments);
    INFO(arguments.front(), " ", arguments.at(1), ": ", result.second);
    REQUIRE(result.first == 0);
    return result.second;
  }

  // Runs a command that must be refused: exit 2, with nothing exported changed.
  std::string refused(const std::vector<std::string>& arguments) const {
    const std::string before = exports();
    const auto result = run(arguments);
    INFO(arguments.front(), " ", arguments.at(1), ": ", result.second);
    CHECK(result.first == 2);
    CHECK(!contains(result.second, "internal error"));
    CHECK(exports() == before);
    return result.second;
  }

  std::string exported(const std::string& form) const {
    return ok({"export", form, "--provider", "1"});
  }

  std::string exports() const {
    return exported("applicants") + exported("spend") + exported("headcount");
  }

  // The ROI report's total spend for 2025, in pence.
  std::int64_t roi_spend_pence() const {
    const auto report =
        boost::json::parse(ok({"report", "roi", "--provider", "1", "--from", "2025-01-01", "--to",
                               "2025-12-31", "--as-of", "2026-10-31", "--json"}));
    return report.at("total").at("spend_pence").as_int64();
  }

 private:
  TempDir dir_;
  TestStoreLocation store_{dir_.path() / "tracker.db"};
  std::string database_;
};

}  // namespace

TEST_CASE("spend list shows every row and spend delete takes exactly that row off the ROI spend") {
  const Brookfield b;
  const std::string list = b.ok({"spend", "list", "--provider", "1"});
  CHECK(count_lines(list) == 1 + 57 + 1);  // heading, rows, total
  CHECK(contains(list, " 9  2025-03-01  Indeed          £410.00  Sponsored job posts\n"));
  CHECK(contains(list, "57 spend rows, £12,097.00 in all.\n"));
  CHECK(b.roi_spend_pence() == 1'209'700);

  CHECK(b.ok({"spend", "delete", "--provider", "1", "9"}) ==
        "Spend 9 (Indeed, 2025-03-01, £410.00) deleted.\n");
  CHECK(b.roi_spend_pence() == 1'209'700 - 41'000);
  CHECK(contains(b.ok({"spend", "list", "--provider", "1"}), "56 spend rows, £11,687.00 in all."));

  const std::string indeed_march = b.ok({"spend", "list", "--provider", "1", "--source", "indeed",
                                         "--from", "2025-03-01", "--to", "2025-04-30"});
  CHECK(contains(indeed_march, "14  2025-04-01  Indeed  £437.00  Sponsored job posts\n"));
  CHECK(contains(indeed_march, "1 spend row, £437.00 in all."));
  CHECK(contains(b.refused({"spend", "delete", "--provider", "1", "9"}),
                 "spend entry 9 was not found"));
}

TEST_CASE("spend correct moves the ROI spend by the change and says what it changed") {
  const Brookfield b;
  CHECK(b.ok({"spend", "correct", "--provider", "1", "10", "--amount", "£1,045.50", "--date",
              "2025-03-02", "--note", "Careers page redesign"}) ==
        "Spend 10 (Own website, 2025-03-01, £45.00) corrected: amount £45.00 to £1,045.50, date "
        "2025-03-01 to 2025-03-02, note 'Careers page hosting and ads' to 'Careers page "
        "redesign'.\n");
  CHECK(b.roi_spend_pence() == 1'209'700 + 100'050);
  CHECK(contains(b.exported("spend"), "Own website,2025-03-02,1045.50,Careers page redesign\r\n"));

  CHECK(b.ok({"spend", "correct", "--provider", "1", "10", "--source", "FACEBOOK"}) ==
        "Spend 10 (Own website, 2025-03-02, £1,045.50) corrected: source Own website to "
        "Facebook.\n");
  CHECK(contains(b.exported("spend"), "Facebook,2025-03-02,1045.50,Careers page redesign\r\n"));
  CHECK(b.ok({"spend", "correct", "--provider", "1", "10", "--amount", "1045.5"}) ==
        "Spend 10 (Facebook, 2025-03-02, £1,045.50) unchanged: it already had these values.\n");
}

TEST_CASE("spend correct refuses a bad amount date or source and changes nothing") {
  const Brookfield b;
  const auto correct = [&](std::vector<std::string> options) {
    options.insert(options.begin(), {"spend", "correct", "--provider", "1", "10"});
    return b.refused(options);
  };
  CHECK(contains(correct({"--amount", "-5"}),
                 "--amount must be pounds such as 487 or 487.50, not '-5'"));
  CHECK(contains(correct({"--date", "2025-02-30"}),
                 "--date must be a real date, not '2025-02-30' (February 2025 has 28 days)"));
  CHECK(contains(correct({"--date", "01/03/2025"}), "--date must be a date written YYYY-MM-DD"));
  CHECK(contains(correct({"--source", "Indeeed"}),
                 "provider 1 has no source named 'Indeeed'; its sources are Facebook, Jobcentre "
                 "Plus, Own website, Indeed, Refer a friend, Careers fair, Totaljobs"));
  CHECK(contains(correct({"--amount", "50", "--source", "Indeeed"}), "no source named"));
  CHECK(contains(correct({}), "nothing to correct: give --amount, --date, --source or --note"));
  CHECK(b.roi_spend_pence() == 1'209'700);
}

TEST_CASE("an amount or replacement cost over 10 billion pounds is refused naming the limit") {
  const Brookfield b;
  CHECK(contains(
      b.refused({"spend", "correct", "--provider", "1", "10", "--amount", "10,000,000,000.01"}),
      "--amount '10,000,000,000.01' is over the limit; the largest amount the toolkit "
      "takes is £10000000000.00"));
  CHECK(contains(b.refused({"report", "roi", "--provider", "1", "--from", "2025-01-01", "--to",
                            "2025-12-31", "--replacement-cost", "20000000000"}),
                 "--replacement-cost '20000000000' is over the limit; the largest amount the "
                 "toolkit takes is £10000000000.00"));
  CHECK(b.roi_spend_pence() == 1'209'700);
}

TEST_CASE("source set-channel shows in the export and source rename keeps the source's rows") {
  const Brookfield b;
  const std::string list = b.ok({"source", "list", "--provider", "1"});
  CHECK(contains(list, "id  name            channel         applicants      spend\n"));
  CHECK(contains(list, " 4  Indeed          Job board              116  £4,889.00\n"));
  CHECK(contains(list, " 5  Refer a friend  Staff referral          24  £1,750.00\n"));

  CHECK(b.ok({"source", "set-channel", "--provider", "1", "refer a friend", "Social media"}) ==
        "Source 5 (Refer a friend) moved from Staff referral to Social media.\n");
  const std::string applicants = b.exported("applicants");
  CHECK(contains(applicants, ",Refer a friend,social_media,"));
  CHECK(!contains(applicants, ",Refer a friend,staff_referral,"));
  CHECK(b.ok({"source", "set-channel", "--provider", "1", "Refer a friend", "social_media"}) ==
        "Source 5 (Refer a friend) unchanged: its channel is already Social media.\n");

  CHECK(b.ok({"source", "rename", "--provider", "1", "  indeed ", "Indeed UK"}) ==
        "Source 4 (Indeed) renamed to Indeed UK.\n");
  CHECK(contains(b.ok({"source", "list", "--provider", "1"}),
                 " 4  Indeed UK       Job board              116  £4,889.00\n"));
  const std::string spend = b.exported("spend");
  std::size_t renamed = 0;
  for (std::size_t at = spend.find("\nIndeed UK,"); at != std::string::npos;
       at = spend.find("\nIndeed UK,", at + 1)) {
    ++renamed;
  }
  CHECK(renamed == 12);
  CHECK(contains(spend, "Indeed UK,2025-03-01,410.00,"));
  CHECK(!contains(spend, "\nIndeed,"));
  CHECK(b.roi_spend_pence() == 1'209'700);
}

TEST_CASE("source commands refuse a clash an unknown channel and a source still in use") {
  const Brookfield b;
  CHECK(contains(b.refused({"source", "rename", "--provider", "1", "Indeed", "facebook"}),
                 "A source named 'facebook' already exists: choose another name, or use "
                 "that source"));
  CHECK(contains(b.refused({"source", "rename", "--provider", "1", "Indeed", "  "}),
                 "name is required"));
  CHECK(contains(b.refused({"source", "set-channel", "--provider", "1", "Indeed", "Radio"}),
                 "'Radio' is not a channel; use one of job_board (Job board), social_media "
                 "(Social media)"));
  CHECK(contains(b.refused({"source", "delete", "--provider", "1", "Facebook"}),
                 "this source is used by 62 applicants and 12 spend entries, so it cannot be "
                 "deleted"));
  CHECK(contains(b.refused({"source", "rename", "--provider", "2", "Indeed", "Indeed UK"}),
                 "provider 2 has no source named 'Indeed' (it has no sources yet)"));
}

TEST_CASE("a source emptied by corrections can be deleted") {
  const Brookfield b;
  // Jobcentre Plus has 18 applicants and no spend: move them, then delete it.
  const std::string jobcentre = b.exported("applicants");
  std::vector<std::string> references;
  for (std::size_t at = jobcentre.find(",Jobcentre Plus,"); at != std::string::npos;
       at = jobcentre.find(",Jobcentre Plus,", at + 1)) {
    const std::size_t start = jobcentre.rfind('\n', at) + 1;
    references.push_back(jobcentre.substr(start, at - start));
  }
  REQUIRE(references.size() == 18);
  for (const auto& reference : references) {
    b.ok({"applicant", "correct", "--provider", "1", reference, "--source", "Own website"});
  }
  CHECK(b.ok({"source", "delete", "--provider", "1", "jobcentre plus"}) ==
        "Source 2 (Jobcentre Plus) deleted.\n");
  CHECK(contains(b.ok({"source", "list", "--provider", "1"}),
                 " 3  Own website     Own website             38    £540.00\n"));
}

TEST_CASE("applicant correct refuses a change that breaks the stage order and changes nothing") {
  const Brookfield b;
  // BHC-0042 started on 2025-03-29 and left on 2025-11-21: a leaving needs a start.
  const std::string refusal =
      b.refused({"applicant", "correct", "--provider", "1", "BHC-0042", "--started-on", "none"});
  // Said once, not repeated as a list of one.
  CHECK(refusal ==
        "caretoolkit: Date left (2025-11-21) is given but the date started work is not: only "
        "someone who started can leave, so record the start too\n");
  CHECK(contains(b.refused({"applicant", "correct", "--provider", "1", "BHC-0042", "--offered-on",
                            "2025-03-30"}),
                 "Date started work (2025-03-29) is before the date offered a job (2025-03-30); "
                 "correct one of them"));
  CHECK(contains(
      b.refused({"applicant", "correct", "--provider", "1", "BHC-0042", "--outcome", "withdrawn"}),
      "someone who started did not withdraw or get rejected"));
  CHECK(contains(b.refused({"applicant", "correct", "--provider", "1", "BHC-0042",
                            "--new-reference", "BHC-0043"}),
                 "The reference BHC-0043 is already used by another applicant: choose another or "
                 "edit that applicant"));
  CHECK(contains(
      b.refused({"applicant", "correct", "--provider", "1", "BHC-0042", "--outcome", "maybe"}),
      "--outcome must be withdrawn, rejected or none, not 'maybe'"));
  CHECK(b.exported("applicants") == read_example("applicants.csv"));

  // Taking back the start and the leaving together is allowed; the leaving's reason goes too.
  CHECK(b.ok({"applicant", "correct", "--provider", "1", "BHC-0042", "--started-on", "none",
              "--left-on", "none"}) ==
        "Applicant 42 (BHC-0042) corrected: started on 2025-03-29 to none, left on 2025-11-21 to "
        "none, left reason 'Travel time between calls' to ''.\n");
  CHECK(contains(b.exported("applicants"),
                 "BHC-0042,Own website,own_website,Care worker,Home care,2025-02-28,2025-03-05,"
                 "2025-03-10,,,,,health\r\n"));
}

TEST_CASE("applicant correct changes the dates outcome and reference it is given") {
  const Brookfield b;
  // BHC-0043 was interviewed on 2025-03-06 and rejected.
  CHECK(b.ok({"applicant", "correct", "--provider", "1", "BHC-0043", "--outcome", "none",
              "--offered-on", "2025-03-10", "--started-on", "2025-04-01", "--new-reference",
              "BHC-0043A"}) ==
        "Applicant 43 (BHC-0043) corrected: reference BHC-0043 to BHC-0043A, offered on none to "
        "2025-03-10, started on none to 2025-04-01, outcome rejected to none.\n");
  CHECK(contains(b.exported("applicants"),
                 "BHC-0043A,Totaljobs,job_board,Care worker,Home care,2025-03-01,2025-03-06,"
                 "2025-03-10,2025-04-01,,,,\r\n"));
  CHECK(contains(b.refused({"applicant", "show", "--provider", "1", "BHC-0043"}),
                 "provider 1 has no applicant with reference 'BHC-0043'"));
  CHECK(b.ok({"applicant", "delete", "--provider", "1", "BHC-0043A"}) ==
        "Applicant 43 (BHC-0043A) deleted.\n");
  CHECK(!contains(b.exported("applicants"), "BHC-0043"));
}

TEST_CASE("applicant show prints every field and the stage dates") {
  const Brookfield b;
  CHECK(b.ok({"applicant", "show", "--provider", "1", "BHC-0042"}) ==
        "Applicant 42\n"
        "  reference       BHC-0042\n"
        "  source          Own website (Own website)\n"
        "  vacancy         Care worker (vacancy 1)\n"
        "  service         Home care\n"
        "  prior sector    health\n"
        "  applied on      2025-02-28\n"
        "  interviewed on  2025-03-05\n"
        "  offered on      2025-03-10\n"
        "  started on      2025-03-29\n"
        "  left on         2025-11-21\n"
        "  left reason     Travel time between calls\n"
        "  outcome         -\n");
  CHECK(contains(b.ok({"applicant", "show", "--provider", "1", "BHC-0043"}),
                 "  outcome         rejected on 2025-03-06\n"));
}

TEST_CASE("headcount correct and delete change one headcount") {
  const Brookfield b;
  const std::string list = b.ok({"headcount", "list", "--provider", "1"});
  CHECK(contains(list, "id  date        service    staff  vacancies  leavers\n"));
  CHECK(contains(list, " 3  2025-03-31  Home care     49          3       22\n"));
  CHECK(contains(list, "12 headcounts.\n"));

  CHECK(b.ok({"headcount", "correct", "--provider", "1", "3", "--staff", "48", "--vacancies", "4",
              "--leavers", "21", "--date", "2025-03-30"}) ==
        "Headcount 3 (Home care, 2025-03-31) corrected: staff 49 to 48, vacancies 3 to 4, leavers "
        "22 to 21, date 2025-03-31 to 2025-03-30.\n");
  CHECK(contains(b.exported("headcount"), "\n2025-03-30,Home care,48,4,21\r\n"));
  CHECK(b.ok({"headcount", "correct", "--provider", "1", "3", "--leavers", "None"}) ==
        "Headcount 3 (Home care, 2025-03-30) corrected: leavers 21 to none.\n");

  CHECK(
      contains(b.refused({"headcount", "correct", "--provider", "1", "3", "--date", "2025-02-28"}),
               "A count for 2025-02-28 and this service is already recorded: edit that count "
               "instead"));
  CHECK(contains(b.refused({"headcount", "correct", "--provider", "1", "3", "--staff", "-1"}),
                 "staff must not be negative"));
  CHECK(contains(b.refused({"headcount", "correct", "--provider", "1", "3", "--leavers", "many"}),
                 "--leavers must be a whole number or none, not 'many'"));

  CHECK(b.ok({"headcount", "delete", "--provider", "1", "12"}) ==
        "Headcount 12 (Home care, 2025-12-31) deleted.\n");
  CHECK(!contains(b.exported("headcount"), "2025-12-31"));
  CHECK(contains(b.ok({"headcount", "list", "--provider", "1", "--from", "2025-06-01"}),
                 "6 headcounts.\n"));
}

TEST_CASE("another provider's ids and references are not found and an unknown provider is named") {
  const Brookfield b;
  // Provider 2 exists but has no records: provider 1's ids are not found for it.
  CHECK(contains(b.refused({"spend", "delete", "--provider", "2", "9"}),
                 "spend entry 9 was not found"));
  CHECK(contains(b.refused({"spend", "correct", "--provider", "2", "9", "--amount", "1"}),
                 "spend entry 9 was not found"));
  CHECK(contains(b.refused({"headcount", "delete", "--provider", "2", "3"}),
                 "headcount snapshot 3 was not found"));
  CHECK(contains(b.refused({"headcount", "correct", "--provider", "2", "3", "--staff", "1"}),
                 "headcount snapshot 3 was not found"));
  CHECK(contains(b.refused({"applicant", "delete", "--provider", "2", "BHC-0042"}),
                 "provider 2 has no applicant with reference 'BHC-0042'"));
  CHECK(contains(b.refused({"spend", "delete", "--provider", "1", "999"}),
                 "spend entry 999 was not found"));
  CHECK(contains(b.refused({"spend", "list", "--provider", "9"}), "provider 9 was not found"));
  CHECK(contains(b.refused({"source", "list", "--provider", "9"}), "provider 9 was not found"));
  CHECK(contains(b.refused({"spend", "delete", "--provider", "1", "nine"}), "SPEND_ID"));
}

TEST_CASE("each record command explains itself with --help") {
  for (const std::string group : {"source", "spend", "headcount", "applicant"}) {
    const auto help = run_caretoolkit({group, "--help"});
    INFO(help.second);
    CHECK(help.first == 0);
    CHECK(contains(help.second, "Examples:\n  caretoolkit " + group));
  }
  const auto correct = run_caretoolkit({"applicant", "correct", "--help"});
  CHECK(correct.first == 0);
  CHECK(contains(correct.second, "--started-on"));
  CHECK(contains(correct.second, "or none"));
}
