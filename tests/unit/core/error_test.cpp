// The shared error type keeps its code, field and itemised problems.
#include <doctest/doctest.h>

#include "core/error.hpp"

using caretoolkit::Error;
using caretoolkit::ErrorCode;

TEST_CASE("Error carries code field and items") {
  const Error single(ErrorCode::kInvalid, "amount must not be negative", "/amount");
  CHECK(single.code() == ErrorCode::kInvalid);
  CHECK(single.field() == "/amount");
  CHECK(std::string(single.what()) == "amount must not be negative");

  const Error listed(ErrorCode::kInvalid, "2 rows are invalid",
                     std::vector<caretoolkit::ErrorItem>{{"applied_on", "not a date", 3},
                                                         {"amount", "negative", 7}});
  REQUIRE(listed.items().size() == 2);
  CHECK(listed.items()[1].line == 7);
  CHECK(std::string(caretoolkit::to_string(ErrorCode::kNotFound)) == "not-found");
  CHECK(std::string(caretoolkit::to_string(ErrorCode::kTryAgain)) == "try-again");
}
