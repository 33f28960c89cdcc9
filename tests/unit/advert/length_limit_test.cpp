// An advert's length limit in words, from the request body limit in bytes.
#include <doctest/doctest.h>

#include "advert/length_limit.hpp"

using namespace caretoolkit::advert;

TEST_CASE("The body limit is told in words rounded down") {
  CHECK(words_within(262'144) == 40'000);  // 262,144 / 6.5 = 40,329
  CHECK(words_within(1'048'576) == 161'000);
  CHECK(words_within(10'000) == 1'500);  // 1,538 words: to a hundred below 10,000
  CHECK(words_within(0) == 0);
  CHECK(too_long_to_check(262'144) ==
        "Your advert is too long to check: the limit is about 40,000 words.");
  CHECK(too_long_to_check(1'048'576) ==
        "Your advert is too long to check: the limit is about 161,000 words.");
}
