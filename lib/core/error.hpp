// The one error type of the engine. Every module reports expected failures (bad input, unknown
// ids, broken rules) by throwing caretoolkit::Error; the server maps its code to an HTTP status
// and an RFC 9457 problem body in exactly one place (server/problem.cpp), and the command line
// maps it to a message and an exit status.
//
// Unexpected failures (a full disk, a SQLite I/O error) stay as their own exception types and are
// reported as internal errors without their details leaking to a client.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace caretoolkit {

enum class ErrorCode {
  kMalformed,     // input that cannot be read at all: invalid UTF-8, broken JSON or CSV syntax
  kInvalid,       // a readable value that breaks a rule: a negative amount, a start before an offer
  kNotFound,      // an id that does not exist, or belongs to another provider
  kConflict,      // a duplicate (a reference already used) or a state that forbids the change
  kUnauthorized,  // no key, or a key that is unknown or revoked
  kForbidden,     // a key whose role may not do this
  kTooLarge,      // a body or a file over its limit
  kUnsupportedType,  // a body whose media type the operation does not read
  kRateLimited,      // too many requests from one client
  kUnavailable,      // the service cannot take the request now (over capacity, shutting down)
  kTryAgain,  // a write collided with one made at the same moment and was undone: send it again
};

// Names the code for logs and problem types: "malformed", "invalid", "not-found", ...
const char* to_string(ErrorCode code);

// One problem with one field or one line, for reports that list several (a CSV import that
// names every bad row, a request body with several invalid fields).
struct ErrorItem {
  std::string field;                // a JSON pointer ("/amount") or a column name ("started_on")
  std::string detail;               // what is wrong, in words a care manager understands
  std::optional<std::size_t> line;  // 1-based line of a CSV file, when the input has lines
};

// The items of one kind in one field counted together, so that an input with hundreds of
// problems (a spreadsheet whose every date is in a form the tracker does not read) can be
// summed up in a few lines: field "applied_on", count 285, detail "285 rows are not dates (lines
// 2, 3, 4 and 282 more); write dates as 2025-02-03 or 03/02/2025".
struct ErrorGroup {
  std::string field;      // as in ErrorItem; empty for problems with whole rows
  std::size_t count = 0;  // the rows (or items) in the group
  std::string detail;     // the count, where they are and what to change, in one sentence
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& detail, std::string field = {});
  Error(ErrorCode code, const std::string& detail, std::vector<ErrorItem> items);
  Error(ErrorCode code, const std::string& detail, std::vector<ErrorItem> items,
        std::vector<ErrorGroup> groups);

  ErrorCode code() const noexcept { return code_; }
  // The field the error concerns ("/started_on"), empty when it concerns the whole input.
  const std::string& field() const noexcept { return field_; }
  const std::vector<ErrorItem>& items() const noexcept { return items_; }
  // The items summed up by field and kind; empty unless the thrower grouped them.
  const std::vector<ErrorGroup>& groups() const noexcept { return groups_; }

 private:
  ErrorCode code_;
  std::string field_;
  std::vector<ErrorItem> items_;
  std::vector<ErrorGroup> groups_;
};

}  // namespace caretoolkit
