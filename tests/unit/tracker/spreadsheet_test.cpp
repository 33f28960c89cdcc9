// Importing what a UK spreadsheet saves as CSV: day-first dates, the accounting format's money,
// the empty columns Excel leaves at the end, refusals that show invisible characters, and exports
// whose formula-like cells open as text and import back to the same bytes.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

constexpr std::string_view kSpendHeader = "source,date,amount,note\n";

struct SpreadsheetFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;

  std::vector<SpendEntry> spend() const { return store.spend().list(provider).items; }
  std::vector<HeadcountSnapshot> headcounts() const {
    return store.headcounts().list(provider).items;
  }
  // The one problem of a spend file with one bad row.
  ErrorItem spend_problem(std::string_view rows) {
    const Error error = error_from(
        [&] { store.import_spend_csv(provider, std::string(kSpendHeader).append(rows)); });
    CHECK(error.code() == ErrorCode::kInvalid);
    REQUIRE(error.items().size() == 1);
    return error.items()[0];
  }
};

}  // namespace

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "day first dates in every form a UK spreadsheet writes are "
                  "read as the same day") {
  const std::string csv =
      "date,service,staff,vacancies\n"
      "2025-02-03,ISO,40,1\n"
      "03/02/2025,Padded,40,1\n"
      "3/2/2025,Short,40,1\n"
      "03/02/25,Two-digit year,40,1\n"
      "3 Feb 2025,Abbreviated month,40,1\n"
      "03-Feb-25,Excel medium date,40,1\n"
      "3 February 2025,Full month,40,1\n"
      "3 FEBRUARY 2025,Upper case,40,1\n"
      "03-feb-2025,Lower case,40,1\n";
  CHECK(store.import_headcount_csv(provider, csv).created == 9);
  for (const auto& snapshot : headcounts()) CHECK(snapshot.date == day("2025-02-03"));

  store.import_headcount_csv(provider,
                             "date,service,staff,vacancies\n"
                             "30 Sept 2025,September,40,1\n"
                             "1 Jun 25,June,40,1\n"
                             "31/12/99,Last century,40,1\n");
  const auto all = headcounts();
  REQUIRE(all.size() == 12);
  CHECK(all[9].date == day("2025-09-30"));
  CHECK(all[10].date == day("2025-06-01"));
  CHECK(all[11].date == day("1999-12-31"));  // 99 is in the past, not 2099
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "a month-first date is refused and the message says dates are read day first") {
  const ErrorItem month = spend_problem("Indeed,02/13/2025,10,\n");
  CHECK(month.line == 2);
  CHECK(month.field == "date");
  CHECK(month.detail ==
        "date '02/13/2025' is not a date: there is no month 13 (dates are read day first, so "
        "03/02/2025 is 3 February 2025)");
  const ErrorItem february = spend_problem("Indeed,30/02/2025,10,\n");
  CHECK(february.detail == "date '30/02/2025' is not a date: February 2025 has 28 days");
  const ErrorItem words = spend_problem("Indeed,3rd Feb 2025,10,\n");
  CHECK(words.detail == "date '3rd Feb 2025' is not a date; write it as 2025-02-03 or 03/02/2025");
  const ErrorItem month_name = spend_problem("Indeed,3 Fbr 2025,10,\n");
  CHECK(month_name.detail ==
        "date '3 Fbr 2025' is not a date: 'Fbr' is not a month; write it as 2025-02-03 or "
        "03/02/2025");
  CHECK(spend().empty());
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "money in the accounting format and with thousands separators is read") {
  const std::string csv = std::string(kSpendHeader) +
                          "Indeed,2025-01-01,\" £387.00 \",Accounting format\n"
                          "Indeed,2025-01-02,\"£ 1,200.00\",Pound sign and a space\n"
                          "Indeed,2025-01-03,\"£1,200\",No pence\n"
                          "Indeed,2025-01-04,\"\xC2\xA0\xC2\xA3\xE2\x80\xAF"
                          "45.50\xC2\xA0\",Non-breaking spaces\n"
                          "Indeed,2025-01-05,\" £-   \",Accounting zero\n"
                          "Indeed,2025-01-06,  12.5  ,Padded\n";
  CHECK(store.import_spend_csv(provider, csv).created == 6);
  const auto all = spend();
  REQUIRE(all.size() == 6);
  CHECK(all[0].amount == Pence{38700});
  CHECK(all[1].amount == Pence{120000});
  CHECK(all[2].amount == Pence{120000});
  CHECK(all[3].amount == Pence{4550});
  CHECK(all[4].amount == Pence{0});
  CHECK(all[5].amount == Pence{1250});
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "an amount in brackets is negative and is refused as negative") {
  const ErrorItem brackets = spend_problem("Indeed,2025-01-01,(£12.00),\n");
  CHECK(brackets.field == "amount");
  CHECK(brackets.detail == "amount '(£12.00)' is negative; spend must not be negative");
  CHECK(spend_problem("Indeed,2025-01-01,\" -£12.00 \",\n").detail ==
        "amount ' -£12.00 ' is negative; spend must not be negative");
  CHECK(spend_problem("Indeed,2025-01-01,twelve,\n").detail ==
        "amount 'twelve' is not an amount; write pounds with up to two decimals, such as "
        "1200.50 or £1,200.50");
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "a refused value shows its invisible characters in angle brackets") {
  // A tab and a non-breaking space inside the amount, a zero-width space in the date.
  const Error error = error_from([&] {
    store.import_spend_csv(provider, std::string(kSpendHeader) +
                                         "Indeed,2025-01-01,\"1\t200\",\n"
                                         "Indeed,2025-01-01,1\xC2\xA0"
                                         "200,\n"
                                         "Indeed,\xE2\x80\x8B"
                                         "2025-01-01,5,\n");
  });
  REQUIRE(error.items().size() == 3);
  CHECK(error.items()[0].detail.starts_with("amount '1<tab>200' is not an amount"));
  CHECK(error.items()[1].detail.starts_with("amount '1<U+00A0>200' is not an amount"));
  CHECK(error.items()[2].detail.starts_with("date '<U+200B>2025-01-01' is not a date"));
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "empty columns at the end of the header and empty cells at the end of a row are "
                  "ignored") {
  const std::string csv =
      "source,date,amount,note,,,\r\n"
      "Indeed,2025-01-01,10,First,,,\r\n"
      "Indeed,2025-01-02,20,Second\r\n"
      "Indeed,2025-01-03,30,,,,,,,\r\n"
      ",,,,,,\r\n";
  const ImportSummary summary = store.import_spend_csv(provider, csv);
  CHECK(summary.rows == 3);
  CHECK(summary.created == 3);
  CHECK(spend().at(2).amount == Pence{3000});
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "a value under a column with no name is refused and names the column") {
  const Error error = error_from([&] {
    store.import_spend_csv(provider,
                           "source,date,amount,note,,\n"
                           "Indeed,2025-01-01,10,,Paid by card,\n"
                           "Indeed,2025-01-02,20,,,,,x\n"
                           "Indeed,2025-01-03\n");
  });
  const auto& items = error.items();
  REQUIRE(items.size() == 3);
  CHECK(items[0].line == 2);
  CHECK(items[0].detail ==
        "column E has no name in the header but this row has 'Paid by card' in it; name the "
        "column or delete it");
  CHECK(items[1].detail ==
        "column H has no name in the header but this row has 'x' in it; name the column or "
        "delete it");
  CHECK(items[2].detail == "the row has 2 cells but the header names 4 columns");
  // The first problem concerns the row, not a column: the summary names no column for it.
  CHECK(std::string(error.what()) ==
        "nothing was imported: the spend file has 3 problems in 3 rows (first: line 2, column E "
        "has no name in the header but this row has 'Paid by card' in it; name the column or "
        "delete it)");
  CHECK(spend().empty());
}

TEST_CASE_FIXTURE(SpreadsheetFixture, "an unknown column says which names it may have") {
  const Error error = error_from([&] {
    store.import_spend_csv(provider, "source,date,amount,notes\nIndeed,2025-01-01,10,\n");
  });
  CHECK(error.code() == ErrorCode::kMalformed);
  REQUIRE(error.items().size() == 2);
  CHECK(error.items()[0].detail ==
        "unknown column 'notes'; rename it to one of source, date, amount, note, or delete the "
        "column (the tracker keeps no names or contact details)");
  CHECK(error.items()[1].detail == "column 'note' is missing");
}

TEST_CASE_FIXTURE(SpreadsheetFixture,
                  "cells that start like a formula are exported after an apostrophe and import "
                  "back to the same bytes") {
  const Id equals =
      store.sources().create(provider, {.name = "=Indeed", .channel = Channel::kJobBoard}).id;
  const Id plus =
      store.sources().create(provider, {.name = "+44 line", .channel = Channel::kOther}).id;
  const Id role = store.vacancies()
                      .create(provider, {.role = "@Senior carer", .opened_on = day("2025-01-01")})
                      .id;
  Applicant a{.reference = "=HYPERLINK(\"x\")",
              .source_id = equals,
              .vacancy_id = role,
              .applied_on = day("2025-01-06")};
  a.offered_on = day("2025-01-10");
  a.started_on = day("2025-01-20");
  a.left_on = day("2025-03-01");
  a.left_reason = "-moved away";
  store.applicants().create(provider, a);
  store.applicants().create(
      provider, {.reference = "'=kept", .source_id = plus, .applied_on = day("2025-01-07")});
  store.applicants().create(
      provider, {.reference = "'plain", .source_id = plus, .applied_on = day("2025-01-08")});
  store.spend().create(provider, {.source_id = plus,
                                  .date = day("2025-01-05"),
                                  .amount = Pence{1000},
                                  .note = "@mention, and more"});

  const std::string applicants = store.export_applicants_csv(provider);
  const std::string spend_csv = store.export_spend_csv(provider);
  CHECK(applicants ==
        "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
        "left_on,left_reason,outcome,prior_sector\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",'=Indeed,job_board,'@Senior carer,,2025-01-06,,2025-01-10,"
        "2025-01-20,2025-03-01,'-moved away,,\r\n"
        "''=kept,'+44 line,other,,,2025-01-07,,,,,,,\r\n"
        "'plain,'+44 line,other,,,2025-01-08,,,,,,,\r\n");
  CHECK(spend_csv ==
        "source,date,amount,note\r\n"
        "'+44 line,2025-01-05,10.00,\"'@mention, and more\"\r\n");

  const Id copy = store.providers().create("Old Oak Care (copy)").id;
  store.import_applicants_csv(copy, applicants);
  store.import_spend_csv(copy, spend_csv);
  CHECK(store.sources().list(copy).items.at(0).name == "=Indeed");
  CHECK(store.vacancies().list(copy).items.at(0).role == "@Senior carer");
  CHECK(store.export_applicants_csv(copy) == applicants);
  CHECK(store.export_spend_csv(copy) == spend_csv);
}

TEST_CASE("the Excel UK example files import to the same data as the ISO examples") {
  // The examples run to 31 October 2026.
  ScratchDir dir;
  Store store(dir.store_location("tracker.db"), fixed_today(day("2026-10-31")));
  const std::string examples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/";
  const Id iso = store.providers().create("Brookfield").id;
  const Id excel = store.providers().create("Brookfield as Excel saves it").id;
  for (const std::string_view form : {"applicants", "spend", "headcount"}) {
    CAPTURE(form);
    const std::string iso_text = read_file(examples + std::string(form) + ".csv");
    const std::string uk_text = read_file(examples + std::string(form) + "-excel-uk.csv");
    REQUIRE_FALSE(uk_text.empty());
    CHECK(uk_text.starts_with("\xEF\xBB\xBF"));
    CHECK(uk_text.find("\r\n") != std::string::npos);
    CHECK(uk_text.find(form == "headcount" ? "31-Jan-25" : "01/01/2025") != std::string::npos);
    const auto import = [&](Id provider, const std::string& text) {
      return form == "applicants" ? store.import_applicants_csv(provider, text)
             : form == "spend"    ? store.import_spend_csv(provider, text)
                                  : store.import_headcount_csv(provider, text);
    };
    const std::size_t rows = import(iso, iso_text).created;
    CHECK(rows > 0);
    CHECK(import(excel, uk_text).created == rows);
  }
  CHECK(store.export_applicants_csv(excel) == store.export_applicants_csv(iso));
  CHECK(store.export_spend_csv(excel) == store.export_spend_csv(iso));
  CHECK(store.export_headcount_csv(excel) == store.export_headcount_csv(iso));
  CHECK(store.export_applicants_csv(excel) == read_file(examples + "applicants.csv"));
}
