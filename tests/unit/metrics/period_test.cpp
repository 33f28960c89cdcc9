// Report options: names, defaults and validation errors that name the field.
#include <doctest/doctest.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "metrics/period.hpp"

using namespace caretoolkit::metrics;
using namespace caretoolkit::metrics::testing;
using caretoolkit::Error;
using caretoolkit::ErrorCode;

namespace {

// The field named by the Error that `options` raises, or "" when valid.
std::string refused_field(const ReportOptions& options) {
  try {
    validate(options);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalid);
    return e.field();
  }
  return "";
}

}  // namespace

TEST_CASE("groupings have stable names") {
  for (const Grouping by : {Grouping::kNone, Grouping::kSource, Grouping::kChannel,
                            Grouping::kService, Grouping::kVacancy, Grouping::kMonth}) {
    CHECK(parse_grouping(to_string(by)) == by);
  }
  CHECK(to_string(Grouping::kChannel) == "channel");
  CHECK_FALSE(parse_grouping("Source").has_value());
  CHECK_FALSE(parse_grouping("").has_value());
}

TEST_CASE("as_of defaults to the end of the period") {
  ReportOptions options;
  options.from = day("2025-01-01");
  options.to = day("2025-03-31");
  CHECK(options.effective_as_of() == day("2025-03-31"));
  CHECK(resolve(options).as_of == day("2025-03-31"));
  CHECK(options.replacement_cost.value == 360'000);
}

TEST_CASE("validation names the field at fault") {
  ReportOptions options = worked_options();
  CHECK(refused_field(options) == "");

  ReportOptions backwards = options;
  backwards.to = day("2024-12-31");
  CHECK(refused_field(backwards) == "to");

  ReportOptions early = options;
  early.as_of = day("2025-03-30");
  CHECK(refused_field(early) == "as_of");

  ReportOptions free = options;
  free.replacement_cost = caretoolkit::Pence{0};
  CHECK(refused_field(free) == "replacement_cost");

  ReportOptions dearest = options;
  dearest.replacement_cost = caretoolkit::kMaxAmount;
  CHECK(refused_field(dearest) == "");
  dearest.replacement_cost = caretoolkit::Pence{caretoolkit::kMaxAmount.value + 1};
  CHECK(refused_field(dearest) == "replacement_cost");

  ReportOptions one_day = options;
  one_day.to = one_day.from;
  one_day.as_of.reset();
  CHECK(refused_field(one_day) == "");
}

TEST_CASE("grouping by month is bounded to 120 months") {
  ReportOptions options = worked_options(Grouping::kMonth);
  options.from = day("2016-01-01");
  options.to = day("2025-12-31");  // exactly 120 months
  CHECK(refused_field(options) == "");
  options.to = day("2026-01-01");  // 121
  options.as_of.reset();
  CHECK(refused_field(options) == "by");
  options.by = Grouping::kSource;
  CHECK(refused_field(options) == "");
}

TEST_CASE("month_index counts months across years") {
  CHECK(month_index(day("2025-01-31")) - month_index(day("2024-12-01")) == 1);
  CHECK(month_index(day("2025-03-01")) - month_index(day("2025-01-31")) == 2);
}

namespace {

// The message of the Error that `options` raises, or "" when valid.
std::string refusal(const ReportOptions& options) {
  try {
    validate(options);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("as_of after today is refused because time that has not passed cannot count") {
  ReportOptions options = worked_options();  // 2025-01-01 to 2025-03-31, as of 2026-03-31
  options.today = day("2026-03-30");
  CHECK(refused_field(options) == "as_of");
  CHECK(refusal(options) ==
        "The as-of date (2026-03-31) cannot be after today (2026-03-30): nobody can be counted as "
        "staying for time that has not passed.");
  options.today = day("2026-03-31");
  CHECK(refused_field(options) == "");
}

TEST_CASE("as_of defaults to the earlier of the period's end and today") {
  ReportOptions options;
  options.from = day("2026-01-01");
  options.to = day("2026-12-31");
  options.today = day("2026-12-06");
  CHECK(resolve(options).as_of == day("2026-12-06"));
  options.today = day("2027-02-01");
  CHECK(resolve(options).as_of == day("2026-12-31"));
}

TEST_CASE("a period that ends after today is seen as it stands today and no earlier") {
  ReportOptions options;
  options.from = day("2026-01-01");
  options.to = day("2026-12-31");
  options.today = day("2026-12-06");
  options.as_of = day("2026-12-06");
  CHECK(refused_field(options) == "");
  options.as_of = day("2026-12-05");
  CHECK(refused_field(options) == "as_of");
  options.as_of = day("2026-12-07");
  CHECK(refused_field(options) == "as_of");
}
