// What the server refuses in a request's head before any handler sees it, so that every handler
// reads one unambiguous request and no bytes are read as a request that a proxy in front framed
// differently (RFC 9112 sections 3.2, 6.1 and 6.3).
//
// Refused:
// - a method outside kMethods (501, without echoing more than its first 20 characters);
// - Transfer-Encoding on HTTP/1.0, together with Content-Length, or whose last coding is not
//   chunked (400); a coding other than chunked before it (501: only chunked is implemented);
// - Content-Length that is not one plain number of bytes (400);
// - HTTP/1.1 without Host, and more than one Host, Authorization or Content-Type (400);
// - a path with an encoded slash (%2F): a path's slashes are the route's, never data (400).
//
// A header folded onto a second line (RFC 9112 section 5.2) is refused the same way by the server
// itself (http_server.cpp), the one place that still sees the header's raw bytes.
//
// The server answers a refusal and closes the connection: the body, if any, is never read, so
// nothing after the head can be trusted to start a request.
#pragma once

#include <optional>

#include "http_types.hpp"

namespace caretoolkit::server {

// The problem response for a request whose head is refused, or nullopt when it may be handled.
// `request` holds the method, the target as sent and the header fields; `version` is 10 for
// HTTP/1.0 and 11 for HTTP/1.1.
std::optional<Response> refuse_head(const Request& request, unsigned version);

}  // namespace caretoolkit::server
