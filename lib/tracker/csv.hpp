// CSV as spreadsheets save it (RFC 4180): a reader built on libcsv in strict mode that knows which
// line each record starts on, the header check shared by the import forms, and a writer that
// quotes exactly what needs quoting so that what it writes reads back identically.
//
// A cell that a spreadsheet would open as a formula (one starting with =, +, -, @, a tab or a
// carriage return) is written after an apostrophe, as OWASP advises against CSV injection, and
// the reader takes that apostrophe off again. So that every text reads back as it was written, a
// text of apostrophes followed by one of those six gets one apostrophe more when written, and a
// cell of that shape loses one when read: "=A1" is written "'=A1", "'=A1" is written "''=A1".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace caretoolkit::tracker {

// One record. `cells` is reused from record to record to avoid allocating per row: only the
// first `size` entries belong to this record.
struct CsvRow {
  std::size_t line = 0;  // the physical line (1-based) the record starts on
  std::vector<std::string> cells;
  std::size_t size = 0;

  std::string_view operator[](std::size_t i) const { return cells[i]; }
  // True for a record whose cells are all empty or spaces, as spreadsheets write for blank rows
  // (",,,").
  bool blank() const;
};

class CsvReader {
 public:
  // Reads `text`, which must outlive the reader. A UTF-8 byte order mark is skipped. Throws
  // Error(kMalformed) naming the line when the text is not valid UTF-8 or holds a NUL byte.
  explicit CsvReader(std::string_view text);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `row`; false at the end. Empty lines are skipped; spaces around
  // unquoted cells are dropped (quote a cell to keep them); the apostrophe before a formula-like
  // text is taken off. Throws Error(kMalformed) naming the line when the quoting is broken.
  bool next(CsvRow& row);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The columns of an import form and where a file's header row put them.
struct CsvColumn {
  std::string_view name;
  bool required = true;
};

class CsvHeader {
 public:
  // Matches the header row against the form's columns, in any order and any case, with spaces
  // around the names ignored and spaces or hyphens inside read as underscores ("Applied On" is
  // applied_on; see fold_spelling). Header cells left empty (as Excel leaves them after the last
  // column, ",,,") name no column: the cells below them must be empty too. Throws
  // Error(kMalformed) listing each missing required column, unknown column and repeated column,
  // or saying that the names are separated by semicolons or tabs instead of commas.
  CsvHeader(const CsvRow& header, std::span<const CsvColumn> columns);

  // The cell of the form's column `column` (an index into the columns given) in `row`; empty
  // when the file has no such optional column. Only for rows misfit() accepts.
  std::string_view cell(const CsvRow& row, std::size_t column) const;
  // Why `row` does not fit the header, as an item on its line: fewer cells than the header
  // names, or a value under a column the header leaves unnamed (or past the header's end).
  // nullopt when it fits.
  std::optional<ErrorItem> misfit(const CsvRow& row) const;

 private:
  static std::string unknown_column(std::string_view name, std::span<const CsvColumn> columns);

  std::vector<std::optional<std::size_t>> positions_;
  std::size_t width_ = 0;             // cells up to the last named column
  std::vector<std::size_t> unnamed_;  // the empty header cells before the last named one
};

// Appends CSV to a string: cells separated by commas, records ended by CRLF (RFC 4180). A cell
// is quoted when it holds a comma, a quote, a line break, or space at either end; a formula-like
// one gets an apostrophe first (see above).
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}
  void cell(std::string_view text);
  void end_row();

 private:
  std::string& out_;
  bool row_started_ = false;
};

}  // namespace caretoolkit::tracker
