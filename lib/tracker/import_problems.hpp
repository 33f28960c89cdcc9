// The problems a CSV import finds, each with its line and column, and their summary: one line per
// column and kind of fault with its count, where it is and what to change, so that a sheet whose
// 285 dates are all in an unread form is refused in a few lines rather than hundreds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace caretoolkit::tracker {

// A kind of fault a cell can have, worded for the summary of many rows: "applied_on: 285 rows
// are not dates (lines 2, 3, 4 and 282 more); write dates as 2025-02-03 or 03/02/2025".
struct ProblemKind {
  std::string_view one;   // "is not a date"
  std::string_view many;  // "are not dates"
  std::string_view fix;   // "write dates as 2025-02-03 or 03/02/2025"
};

class ImportProblems {
 public:
  // `form` names the file in the message: "the applicants file has ...".
  explicit ImportProblems(std::string_view form) : form_(form) {}

  // A problem on `line` with `column` (empty for the row as a whole). The first
  // kMaxImportProblems are kept as items; every one is counted in its group. Problems of a named
  // kind are grouped by column and kind; the others by column and wording, with the wording's
  // figures and quoted values left out.
  void add(std::size_t line, std::string_view column, std::string detail,
           const ProblemKind* kind = nullptr);
  // Adds the record-level problems found by validation.hpp's checks, on `line`, and empties
  // `found`.
  void add_all(std::size_t line, std::vector<ErrorItem>& found);
  bool any() const { return count_ > 0; }

  // Throws Error(kInvalid) when there are problems: the message counts them and their rows and
  // quotes the first; the items list them (up to kMaxImportProblems, then one saying how many
  // more); the groups sum them up in the order their kinds were first met.
  void throw_if_any();

 private:
  struct Group {
    std::string column;
    const ProblemKind* kind = nullptr;
    std::string example;             // the first problem's detail, for a group of no named kind
    std::vector<std::size_t> lines;  // the first few rows
    std::size_t rows = 0;
    std::size_t last_line = 0;
  };
  static std::string group_key(std::string_view column, std::string_view detail,
                               const ProblemKind* kind);
  static std::string describe(const Group& group);

  std::string_view form_;
  std::vector<ErrorItem> items_;
  std::size_t count_ = 0;
  std::size_t rows_ = 0;
  std::size_t last_line_ = 0;
  std::vector<Group> groups_;
  std::unordered_map<std::string, std::size_t> group_index_;
};

}  // namespace caretoolkit::tracker
