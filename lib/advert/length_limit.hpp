// An advert's length limit told in words, as a care manager counts an advert. The limit itself is
// set in one place, the largest request body the server reads (ServerConfig::body_limit, `serve
// --body-limit-kib`); this only says it in words.
#pragma once

#include <cstddef>
#include <string>

namespace caretoolkit::advert {

// Bytes a word of advert takes in a check request, with its spaces, punctuation and JSON escapes:
// 6.53 over the 99 adverts of tests/bench/validity and examples/adverts.
inline constexpr double kRequestBytesPerWord = 6.5;

// The words that fit in `bytes` of request, rounded down to a thousand (to a hundred below
// 10,000 words): 262,144 bytes are about 40,000 words.
std::size_t words_within(std::size_t bytes);

// "Your advert is too long to check: the limit is about 40,000 words."
std::string too_long_to_check(std::size_t limit_bytes);

}  // namespace caretoolkit::advert
