// Date, money and count cells as spreadsheets write them, values shown with their invisible
// characters, and the grouped summary of an import's problems.
#include <doctest/doctest.h>

#include "support.hpp"
#include "tracker/cells.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

const Date kIn2026 = day("2026-06-30");

std::optional<Date> sheet_date(std::string_view text) {
  return parse_sheet_date(text, kIn2026);
}

std::string refused_date(std::string_view text) {
  CHECK_FALSE(sheet_date(text).has_value());
  return date_problem(text, "applied_on", kIn2026).detail;
}

}  // namespace

TEST_CASE("every date form of a UK spreadsheet reads as the same day") {
  const Date third_of_february = day("2025-02-03");
  for (const std::string_view text :
       {"2025-02-03",  "2025-2-3",   "2025/02/03",      "03/02/2025",
        "3/2/2025",    "03/02/25",   "3/2/25",          "03-02-2025",
        "03.02.2025",  "3 Feb 2025", "3 feb 2025",      "3 FEB 25",
        "03-Feb-25",   "3-Feb-2025", "3 February 2025", "03 february 2025",
        "3 Feb. 2025", "3/Feb/2025", "  3 Feb 2025  ",  "\u00A003/02/2025\u202F"}) {
    CAPTURE(text);
    CHECK(sheet_date(text) == third_of_february);
  }
  CHECK(sheet_date("30 Sept 2025") == day("2025-09-30"));
  CHECK(sheet_date("30 Sep 2025") == day("2025-09-30"));
  CHECK(sheet_date("30 September 2025") == day("2025-09-30"));
  CHECK(sheet_date("1 May 25") == day("2025-05-01"));
  CHECK(sheet_date("29/02/2024") == day("2024-02-29"));  // a leap year
  CHECK(sheet_date("31-Dec-1999") == day("1999-12-31"));
}

TEST_CASE("a two-digit year is the one from ninety years back to nine years ahead") {
  // In 2026: 00 to 35 are this century, 36 to 99 the last.
  CHECK(sheet_date("01/01/00") == day("2000-01-01"));
  CHECK(sheet_date("01/01/26") == day("2026-01-01"));
  CHECK(sheet_date("01/01/35") == day("2035-01-01"));
  CHECK(sheet_date("01/01/36") == day("1936-01-01"));
  CHECK(sheet_date("01/01/99") == day("1999-01-01"));
  // The window moves with today.
  CHECK(parse_sheet_date("01/01/36", day("2027-01-01")) == day("2036-01-01"));
  CHECK(parse_sheet_date("01/01/30", day("2020-05-05")) == day("1930-01-01"));
}

TEST_CASE("a date that is not one is refused with what is wrong and how to write it") {
  CHECK(refused_date("02/13/2025") ==
        "applied_on '02/13/2025' is not a date: there is no month 13 (dates are read day first, "
        "so 03/02/2025 is 3 February 2025)");
  CHECK(refused_date("12/31/25") ==
        "applied_on '12/31/25' is not a date: there is no month 31 (dates are read day first, so "
        "03/02/2025 is 3 February 2025)");
  CHECK(refused_date("2025-13-01") ==
        "applied_on '2025-13-01' is not a date: there is no month 13");
  CHECK(refused_date("29/02/2025") ==
        "applied_on '29/02/2025' is not a date: February 2025 has 28 days");
  CHECK(refused_date("31 Apr 2025") ==
        "applied_on '31 Apr 2025' is not a date: April 2025 has 30 days");
  CHECK(refused_date("00/01/2025") == "applied_on '00/01/2025' is not a date: there is no day 0");
  CHECK(refused_date("03/02/1850") ==
        "applied_on '03/02/1850' is not a date: the year must be 1900 or later");
  CHECK(refused_date("3 Febr 2025") ==
        "applied_on '3 Febr 2025' is not a date: 'Febr' is not a month; write it as 2025-02-03 "
        "or 03/02/2025");
  for (const std::string_view text :
       {"3rd Feb 2025", "Feb 3 2025", "03/02/2025 09:00", "3/2", "03/02/202", "03/02-2025",
        "2025-02-03T10:00", "tomorrow", "45691", "3 Feb", "03//02/2025"}) {
    CAPTURE(text);
    CHECK(refused_date(text) == "applied_on " + quote_cell(text) +
                                    " is not a date; write it as 2025-02-03 or 03/02/2025");
  }
  CHECK(date_problem("tomorrow", "applied_on").kind == &kNotADate);
  CHECK(date_problem("02/13/2025", "applied_on").kind == &kNoSuchDay);
}

TEST_CASE("money reads in the forms Excel writes") {
  const auto pence = [](std::string_view text) { return parse_sheet_amount(text); };
  CHECK(pence("1200") == Pence{120000});
  CHECK(pence("1200.5") == Pence{120050});
  CHECK(pence("1,200.50") == Pence{120050});
  CHECK(pence("£1,200") == Pence{120000});
  CHECK(pence("£ 1,200.00") == Pence{120000});
  CHECK(pence(" £387.00 ") == Pence{38700});
  CHECK(pence("\xC2\xA0£\xC2\xA0"
              "387.00\xC2\xA0") == Pence{38700});                // no-break spaces
  CHECK(pence("\xE2\x80\xAF£387\xE2\x80\xAF") == Pence{38700});  // narrow ones
  CHECK(pence(" £-   ") == Pence{0});                            // the accounting format's zero
  CHECK(pence("-") == Pence{0});
  CHECK(pence("0.00") == Pence{0});
  // Negative forms read as negative, for the reader to refuse.
  CHECK(pence("(£12.00)") == Pence{-1200});
  CHECK(pence("( £12.00 )") == Pence{-1200});
  CHECK(pence("-£12.00") == Pence{-1200});
  CHECK(pence(" £-12.00 ") == Pence{-1200});
  CHECK(pence("-5") == Pence{-500});
  for (const std::string_view text : {"twelve", "12.345", "1,20.00", "£", "()", "--5", "(-£5)",
                                      "££5", "5£", "1.2.3", "£1 200", "12,", "€12", "1e3"}) {
    CAPTURE(text);
    CHECK_FALSE(pence(text).has_value());
  }
}

TEST_CASE("a count reads with spaces thousands separators and zero decimals") {
  CHECK(parse_sheet_count("42") == 42);
  CHECK(parse_sheet_count("-1") == -1);
  CHECK(parse_sheet_count(" 42 ") == 42);
  CHECK(parse_sheet_count("1,200") == 1200);
  CHECK(parse_sheet_count("42.00") == 42);
  CHECK(parse_sheet_count("\xC2\xA0"
                          "7") == 7);
  for (const std::string_view text : {"forty", "42.5", "£42", "4 2", "", "99999999999", "+5"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_sheet_count(text).has_value());
  }
}

TEST_CASE("the readers report an empty required cell a bad cell and a negative amount") {
  ImportProblems problems("spend");
  CHECK_FALSE(read_date("", "date", false, 2, problems).has_value());
  CHECK_FALSE(problems.any());  // an optional empty cell is no problem
  CHECK_FALSE(read_date("\xC2\xA0", "date", true, 2, problems).has_value());
  CHECK_FALSE(read_amount("(£5.00)", "amount", 3, problems).has_value());
  CHECK_FALSE(read_count("4.5", "staff", true, 4, problems).has_value());
  CHECK(read_amount(" £5.00 ", "amount", 5, problems) == Pence{500});
  CHECK(read_count("1,000", "staff", true, 5, problems) == 1000);
  const Error error = error_from([&] { problems.throw_if_any(); });
  const auto& items = error.items();
  REQUIRE(items.size() == 3);
  CHECK(items[0].detail == "date is required");
  CHECK(items[1].detail == "amount '(£5.00)' is negative; spend must not be negative");
  CHECK(items[2].detail == "staff '4.5' is not a whole number; write it as a number such as 42");
}

TEST_CASE("an amount over 10 billion pounds is refused as over the limit not as unreadable") {
  ImportProblems problems("spend");
  CHECK_FALSE(read_amount("20,000,000,000", "amount", 2, problems).has_value());
  CHECK_FALSE(read_amount("£10000000000.01", "amount", 3, problems).has_value());
  CHECK_FALSE(read_amount("(£99999999999999999999)", "amount", 4, problems).has_value());
  CHECK(read_amount("£10,000,000,000.00", "amount", 5, problems) == Pence{1'000'000'000'000});
  const Error error = error_from([&] { problems.throw_if_any(); });
  const auto& items = error.items();
  REQUIRE(items.size() == 3);
  CHECK(items[0].detail ==
        "amount '20,000,000,000' is over the limit; the largest amount the toolkit takes is "
        "£10000000000.00");
  CHECK(items[1].line == 3);
  CHECK(items[2].line == 4);
  REQUIRE(error.groups().size() == 1);
  CHECK(error.groups()[0].detail ==
        "3 rows are over the limit (lines 2, 3 and 4); the largest amount the toolkit takes is "
        "£10000000000.00");
}

TEST_CASE("a value in a message shows its invisible characters and is cut at 40 characters") {
  CHECK(quote_cell("plain £5") == "'plain £5'");
  CHECK(quote_cell(" padded ") == "' padded '");
  CHECK(quote_cell("a\tb\r\nc") == "'a<tab>b<CR><LF>c'");
  CHECK(quote_cell("1\xC2\xA0"
                   "200") == "'1<U+00A0>200'");
  CHECK(quote_cell("1\xE2\x80\xAF"
                   "200") == "'1<U+202F>200'");
  CHECK(quote_cell("\xE2\x80\x8B"
                   "x\xEF\xBB\xBF") == "'<U+200B>x<U+FEFF>'");
  CHECK(quote_cell("bell\x07") == "'bell<U+0007>'");
  CHECK(quote_cell(std::string(45, 'x')) == "'" + std::string(40, 'x') + "…'");
  CHECK(quote_cell(std::string(40, 'x')) == "'" + std::string(40, 'x') + "'");
}

TEST_CASE("columns are named by their spreadsheet letters") {
  CHECK(column_letter(0) == "A");
  CHECK(column_letter(4) == "E");
  CHECK(column_letter(25) == "Z");
  CHECK(column_letter(26) == "AA");
  CHECK(column_letter(27) == "AB");
  CHECK(column_letter(701) == "ZZ");
  CHECK(column_letter(702) == "AAA");
}

TEST_CASE("blanks are spaces tabs and no-break spaces at either end") {
  CHECK(trim_white_space(" \t\xC2\xA0"
                         "x y\xE2\x80\xAF ") == "x y");
  CHECK(is_blank(""));
  CHECK(is_blank(" \xC2\xA0\t"));
  CHECK_FALSE(is_blank("\xE2\x80\x8B"));  // a zero-width space is not a space
}

TEST_CASE("many bad rows are summed up in one line per column and kind of fault") {
  // 285 rows whose applied_on is "3rd Feb 2025", 150 of them also with a bad interviewed_on,
  // 2 with an empty source and 3 whose start is before their offer.
  ImportProblems problems("applicants");
  for (std::size_t line = 2; line <= 286; ++line) {
    read_date("3rd Feb 2025", "applied_on", true, line, problems);
    if (line % 2 == 0) read_date("13/13/2025", "interviewed_on", false, line, problems);
    if (line == 10 || line == 20) problems.add(line, "source", "source is required");
    if (line == 30 || line == 31 || line == 40) {
      problems.add(line, "started_on",
                   "started_on (2025-0" + std::to_string(line % 9) +
                       "-10) is before offered_on (2025-03-12)");
    }
  }
  const Error error = error_from([&] { problems.throw_if_any(); });
  CHECK(error.code() == ErrorCode::kInvalid);
  CHECK(std::string(error.what()) ==
        "nothing was imported: the applicants file has 433 problems in 285 rows (first: line 2, "
        "applied_on: applied_on '3rd Feb 2025' is not a date; write it as 2025-02-03 or "
        "03/02/2025)");
  CHECK(error.items().size() == 433);  // every one is listed, up to 1000
  const auto& groups = error.groups();
  REQUIRE(groups.size() == 4);
  CHECK(groups[0].field == "applied_on");
  CHECK(groups[0].count == 285);
  CHECK(groups[0].detail ==
        "285 rows are not dates (lines 2, 3, 4 and 282 more); write dates as 2025-02-03 or "
        "03/02/2025");
  CHECK(groups[1].field == "interviewed_on");
  CHECK(groups[1].count == 143);
  CHECK(groups[1].detail ==
        "143 rows are not real days (lines 2, 4, 6 and 140 more); dates are read day first, so "
        "03/02/2025 is 3 February 2025");
  CHECK(groups[2].field == "source");
  CHECK(groups[2].detail == "2 rows (lines 10 and 20), such as line 10: source is required");
  CHECK(groups[3].field == "started_on");
  CHECK(groups[3].count == 3);
  CHECK(groups[3].detail ==
        "3 rows (lines 30, 31 and 40), such as line 30: started_on (2025-03-10) is before "
        "offered_on (2025-03-12)");
}

TEST_CASE("a single problem is summed up as one row") {
  ImportProblems problems("spend");
  read_amount("twelve", "amount", 7, problems);
  const Error error = error_from([&] { problems.throw_if_any(); });
  REQUIRE(error.groups().size() == 1);
  CHECK(error.groups()[0].detail ==
        "1 row is not an amount (line 7); write pounds with up to two decimals, such as 1200.50 "
        "or £1,200.50");
  CHECK(std::string(error.what())
            .starts_with("nothing was imported: the spend file has 1 problem "
                         "in 1 row (first: line 7, amount: "));
}

TEST_CASE("past a thousand problems the items stop but the groups count every one") {
  ImportProblems problems("headcount");
  for (std::size_t line = 2; line < 1502; ++line) read_count("x", "staff", true, line, problems);
  const Error error = error_from([&] { problems.throw_if_any(); });
  REQUIRE(error.items().size() == 1001);
  CHECK(error.items().back().detail == "and 500 more problems not listed");
  REQUIRE(error.groups().size() == 1);
  CHECK(error.groups()[0].count == 1500);
  CHECK(
      error.groups()[0].detail.starts_with("1500 rows are not whole numbers (lines 2, 3, 4 and "
                                           "1497 more)"));
}
