// RFC 9457 problem details: the one place where errors become HTTP responses.
//
// Every error response of the server is built here, from a caretoolkit::Error (its code decides the
// status and the problem type), from a status the HTTP layer decides itself (404 unknown route,
// 405, 413, 431, 501, 503), or from an unexpected exception (500, with an opaque detail: the real
// message goes to the log, never to the client).
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http_types.hpp"

namespace caretoolkit::server {

// The HTTP status for an engine error code.
unsigned status_for(ErrorCode code);

// A problem+json response. `type` is the problem type's slug, published as "/problems/<slug>".
// `field` names the invalid field as a JSON pointer or column name; empty when none.
Response problem(unsigned status, std::string_view slug, std::string_view detail,
                 std::string_view field = {});

// The 413 answer to a request whose body is over `limit` bytes: for an advert sent to be checked,
// in words ("Your advert is too long to check: the limit is about 40,000 words."); for any other
// request, in bytes. `path` is the request's path, without its query.
Response body_too_large(std::string_view path, std::size_t limit);

// Maps the exception currently being handled (call from a catch block) to a problem response.
// Engine errors keep their message and field, their items as "errors" and their summary as
// "groups" (one entry per field and kind of problem, with its count); anything else becomes an
// opaque 500 whose message is returned in `log_detail` for the access log.
Response problem_from_current_exception(std::string& log_detail);

}  // namespace caretoolkit::server
