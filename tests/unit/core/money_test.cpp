// Money parsing and rounding: the forms a spreadsheet writes, and half-up rounding at the end.
#include <doctest/doctest.h>

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

TEST_CASE("format_pounds and divide_rounded") {
  CHECK(caretoolkit::format_pounds(Pence{120050}) == "1200.50");
  CHECK(caretoolkit::format_pounds(Pence{5}) == "0.05");
  CHECK(caretoolkit::divide_rounded(Pence{50000}, 3)->value == 16667);
  CHECK(caretoolkit::divide_rounded(Pence{150000}, 2)->value == 75000);
  CHECK(caretoolkit::divide_rounded(Pence{5}, 2)->value == 3);  // half up
  CHECK_FALSE(caretoolkit::divide_rounded(Pence{5}, 0).has_value());
}
