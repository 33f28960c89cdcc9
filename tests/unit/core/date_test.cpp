// Calendar days: parsing is strict ISO 8601, arithmetic counts whole days.
#include <doctest/doctest.h>

#include "core/date.hpp"
#include "core/error.hpp"

using caretoolkit::Date;

TEST_CASE("Date parses real ISO 8601 days and nothing else") {
  CHECK(Date::parse("2025-02-01")->to_string() == "2025-02-01");
  CHECK(Date::parse("2024-02-29").has_value());  // leap year
  CHECK_FALSE(Date::parse("2025-02-29").has_value());
  CHECK_FALSE(Date::parse("2025-02-30").has_value());
  CHECK_FALSE(Date::parse("2025-2-1").has_value());
  CHECK_FALSE(Date::parse("01/02/2025").has_value());
  CHECK_FALSE(Date::parse("2025-02-01T10:00").has_value());
  CHECK_FALSE(Date::parse(" 2025-02-01").has_value());
  CHECK_FALSE(Date::parse("2025-13-01").has_value());
  CHECK_FALSE(Date::parse("").has_value());
}

TEST_CASE("Date arithmetic counts calendar days") {
  const Date start = *Date::parse("2025-03-01");
  const Date left = *Date::parse("2025-04-15");
  CHECK(days_between(start, left) == 45);
  CHECK(days_between(left, start) == -45);
  CHECK(start.plus_days(365).to_string() == "2026-03-01");
  CHECK(left.first_of_month().to_string() == "2025-04-01");
  CHECK(start < left);
}

TEST_CASE("Date parse_or_throw names the field") {
  try {
    (void)Date::parse_or_throw("2025-02-30", "started_on");
    FAIL("expected an error");
  } catch (const caretoolkit::Error& e) {
    CHECK(e.code() == caretoolkit::ErrorCode::kInvalid);
    CHECK(e.field() == "started_on");
    CHECK(std::string(e.what()).find("2025-02-30") != std::string::npos);
  }
}

TEST_CASE("Date problem says what is wrong with a refused date") {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"2025-02-30", "must be a real date, not '2025-02-30' (February 2025 has 28 days)"},
      {"2024-02-30", "must be a real date, not '2024-02-30' (February 2024 has 29 days)"},
      {"2025-04-31", "must be a real date, not '2025-04-31' (April 2025 has 30 days)"},
      {"2025-00-10", "must be a real date, not '2025-00-10' (months go from 01 to 12)"},
      {"1850-01-01", "must be a date from 1900 on, not '1850-01-01'"},
      {"06/01/2025", "must be a date written YYYY-MM-DD, not '06/01/2025'"},
      {"2025-01-1", "must be a date written YYYY-MM-DD, not '2025-01-1'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK_FALSE(Date::parse(c.text).has_value());
    CHECK(Date::problem(c.text, "started_on") == std::string("started_on ") + c.message);
  }
}

TEST_CASE("Date plain_problem names the field by its label and says what to write") {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"2025-02-31", "Date started: 31 February 2025 is not a date: February 2025 has 28 days"},
      {"2024-02-30", "Date started: 30 February 2024 is not a date: February 2024 has 29 days"},
      {"2025-13-01", "Date started: '2025-13-01' is not a date: months go from 01 to 12"},
      {"2025-01-00", "Date started: '2025-01-00' is not a date: days start at 01"},
      {"1850-01-01", "Date started: enter a date from 1900 on, not '1850-01-01'"},
      {"06/01/2025",
       "Date started: write the date as year, month and day, such as 2025-02-03, not "
       "'06/01/2025'"},
      {"", "Date started: enter a date, such as 2025-02-03"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK_FALSE(Date::parse(c.text).has_value());
    CHECK(Date::plain_problem(c.text, "Date started") == c.message);
  }
}
