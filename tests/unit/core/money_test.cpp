// Money parsing and rounding: the forms a spreadsheet writes, and half-up rounding at the end.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "core/error.hpp"
#include "core/money.hpp"

using caretoolkit::parse_pounds;
using caretoolkit::Pence;

TEST_CASE("parse_pounds reads spreadsheet amounts") {
  CHECK(parse_pounds("1200")->value == 120000);
  CHECK(parse_pounds("1200.5")->value == 120050);
  CHECK(parse_pounds("1,200.50")->value == 120050);
  CHECK(parse_pounds("\xC2\xA3"
                     "1,200.05")
            ->value == 120005);
  CHECK(parse_pounds("0.99")->value == 99);
  CHECK(parse_pounds("0")->value == 0);
}

TEST_CASE("parse_pounds refuses what is not an amount") {
  for (const char* bad :
       {"", "-5", "12.345", "1e3", "abc", "12.", ".5", "1,20", "12 00", "£", "+5", "99999999999"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_pounds(bad).has_value());
  }
}

TEST_CASE("parse_pounds takes amounts up to 10 billion pounds and no more") {
  CHECK(parse_pounds("10,000,000,000") == caretoolkit::kMaxAmount);
  CHECK(parse_pounds("10000000000.00") == caretoolkit::kMaxAmount);
  CHECK(parse_pounds("9999999999.99")->value == 999'999'999'999);
  CHECK_FALSE(parse_pounds("10000000000.01").has_value());
  CHECK_FALSE(parse_pounds("10000000001").has_value());
}

TEST_CASE("pounds over the bound are told apart from text that is not pounds") {
  using caretoolkit::read_pounds;
  for (const char* over :
       {"10000000000.01", "10,000,000,001", "20000000000", "99999999999999999999999999",
        "\xC2\xA3"
        "12,000,000,000.50"}) {
    CAPTURE(over);
    CHECK_FALSE(read_pounds(over).amount.has_value());
    CHECK(read_pounds(over).over_max);
  }
  for (const char* bad : {"abc", "-5", "99999999999999999999999999.999", "1e13", "12,0000"}) {
    CAPTURE(bad);
    CHECK_FALSE(read_pounds(bad).amount.has_value());
    CHECK_FALSE(read_pounds(bad).over_max);
  }
  CHECK(read_pounds("10000000000").amount == caretoolkit::kMaxAmount);
  CHECK_FALSE(read_pounds("10000000000").over_max);
}

TEST_CASE("the message for too much money names the bound itself") {
  const std::string rule(caretoolkit::kMaxAmountRule);
  CHECK(rule.ends_with("\xC2\xA3" + caretoolkit::format_pounds(caretoolkit::kMaxAmount)));
}

TEST_CASE("Pence sums past what pence can hold throw instead of wrapping") {
  const Pence most{INT64_MAX};
  CHECK_THROWS_AS(most + Pence{1}, caretoolkit::Error);
  CHECK_THROWS_AS(Pence{INT64_MIN} - Pence{1}, caretoolkit::Error);
  Pence total{INT64_MAX - 1};
  CHECK_THROWS_AS(total += Pence{2}, caretoolkit::Error);
  CHECK(total.value == INT64_MAX - 1);  // left as it was
  CHECK((caretoolkit::kMaxAmount + caretoolkit::kMaxAmount).value == 2'000'000'000'000);
}

TEST_CASE("round_pence rounds half up and refuses what pence cannot hold") {
  CHECK(caretoolkit::round_pence(2.5)->value == 3);
  CHECK(caretoolkit::round_pence(-2.5)->value == -3);
  CHECK(caretoolkit::round_pence(5e12)->value == 5'000'000'000'000);
  CHECK(caretoolkit::round_pence(9e18)->value == 9'000'000'000'000'000'000);
  CHECK_FALSE(caretoolkit::round_pence(9.95e18).has_value());
  CHECK_FALSE(caretoolkit::round_pence(-9.95e18).has_value());
  CHECK_FALSE(caretoolkit::round_pence(std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(caretoolkit::round_pence(std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK(caretoolkit::format_pounds(Pence{INT64_MIN}) == "-92233720368547758.08");
}

TEST_CASE("pounds read with a pound sign and thousands separators") {
  CHECK(caretoolkit::readable_pounds(Pence{1'209'750}) == "£12,097.50");
  CHECK(caretoolkit::readable_pounds(Pence{0}) == "£0.00");
  CHECK(caretoolkit::readable_pounds(Pence{99'999}) == "£999.99");
  CHECK(caretoolkit::readable_pounds(Pence{-123'456'789}) == "-£1,234,567.89");
}

TEST_CASE("format_pounds and divide_rounded") {
  CHECK(caretoolkit::format_pounds(Pence{120050}) == "1200.50");
  CHECK(caretoolkit::format_pounds(Pence{5}) == "0.05");
  CHECK(caretoolkit::divide_rounded(Pence{50000}, 3)->value == 16667);
  CHECK(caretoolkit::divide_rounded(Pence{150000}, 2)->value == 75000);
  CHECK(caretoolkit::divide_rounded(Pence{5}, 2)->value == 3);  // half up
  CHECK_FALSE(caretoolkit::divide_rounded(Pence{5}, 0).has_value());
}
