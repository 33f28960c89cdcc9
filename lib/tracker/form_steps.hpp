// The steps the CSV forms' imports and exports share: running an import (its two threads and the
// all-or-nothing rule), checking a name cell, matching rows by content, writing an export.
// Internal to lib/tracker (applicants_csv.cpp, spend_csv.cpp, headcount_csv.cpp).
//
// An import runs in one write transaction. Every row is read and checked; rows are written as
// they come while the file is clean so far, and once any row is wrong the rest are only checked,
// so that the error can name every bad row. Any problem rolls the whole transaction back.
//
// Reading and checking run on a thread of their own and hand their writes to the connection's
// thread through a WriteQueue, so that on two cores parsing and SQLite overlap. An import's
// reading side (the form's import, its name directory, the summary, the problems) belongs to the
// reading thread while it runs; the write side (write_queue.hpp, import_writer.hpp) to the
// connection's thread.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "tracker/csv.hpp"
#include "tracker/import_problems.hpp"
#include "tracker/import_writer.hpp"
#include "tracker/store.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/write_queue.hpp"

namespace caretoolkit::tracker {

// A CSV form: its name in messages ("the spend file") and its columns (csv_forms.hpp).
struct CsvForm {
  std::string_view name;
  std::span<const CsvColumn> columns;
};

// What a form's import works with besides the stored rows. It lives on run_import's frame: made
// before the reading thread starts and read again only once that thread has ended
// (WriteQueue::run joins it), so the reading thread has it to itself while it runs.
struct ImportContext {
  Id provider;
  Date today;
  ImportSummary& summary;
  ImportProblems& problems;
  WriteQueue& writes;
};

// A form's import, as run_import drives it. It is made on the connection's thread, where it reads
// the stored rows it needs; add() is then called on the reading thread with each record that fits
// the header. Optional steps: expect_rows(text) on the reading thread before the first row and
// finish() after the last; after_writes(writer) on the connection's thread once every write has
// run; refuse_history_changes() once the rows have passed their checks.
template <class Import>
concept FormImport = requires(Import import, const CsvRow& row, const CsvHeader& header) {
  import.add(row, header);
};

// Reads the header row; an empty file is malformed.
CsvHeader read_header(CsvReader& reader, CsvRow& row, const CsvForm& form);

// The next record that is not blank; false at the end. Records that do not fit the header (too
// few cells, or a value under no column) are reported and skipped; `rows` counts them all.
bool next_record(CsvReader& reader, CsvRow& row, const CsvHeader& header, ImportProblems& problems,
                 std::size_t& rows);

// The reading thread's work: every row of `text` into the import, then its finish(). What it
// refers to lives on run_import's frame, which outlives the thread.
template <FormImport Import>
struct ReadRows {
  Import& import;
  std::string_view text;
  const CsvForm& form;
  ImportContext& context;

  void operator()() const {
    if constexpr (requires { import.expect_rows(text); }) import.expect_rows(text);
    CsvReader reader(text);
    CsvRow row;
    const CsvHeader header = read_header(reader, row, form);
    while (next_record(reader, row, header, context.problems, context.summary.rows)) {
      import.add(row, header);
    }
    if constexpr (requires { import.finish(); }) import.finish();
  }
};

// Runs one import of `form` for `provider`: `make(connection, context)` makes the form's import,
// which reads and writes its rows; then the all-or-nothing check. Returns what the import did.
template <class Make>
ImportSummary run_import(StoreState& impl, Id provider, std::string_view text, const CsvForm& form,
                         Make make) {
  return impl.write([&](Connection& connection) {
    require_provider(connection, provider);
    ImportSummary summary;
    ImportProblems problems(form.name);
    WriteQueue writes(connection);
    ImportContext context{provider, impl.today(), summary, problems, writes};
    auto import = make(connection, context);
    writes.run(ReadRows<decltype(import)>{import, text, form, context});
    if constexpr (requires { import.after_writes(writes.writer()); }) {
      import.after_writes(writes.writer());
    }
    problems.throw_if_any();
    if constexpr (requires { import.refuse_history_changes(); }) import.refuse_history_changes();
    return summary;
  });
}

// Adds a problem unless the name `cell` could be stored: too long, or holding a control
// character. True when it could.
bool check_name_cell(std::string_view cell, std::string_view column, std::string_view words,
                     std::size_t line, ImportProblems& problems);

// The cell, or an empty one for a cell of white space only, which names nothing.
std::string_view unless_blank(std::string_view cell);

// A key for rows that have no key of their own: their whole content.
template <class... Parts>
std::string content_key(const Parts&... parts) {
  std::string key;
  const auto add = [&](const auto& part) {
    using Part = std::decay_t<decltype(part)>;
    if constexpr (std::is_same_v<Part, std::optional<Date>>) {
      key += part ? part->to_string() : std::string();
    } else if constexpr (std::is_same_v<Part, std::optional<NameRef>>) {
      key += part ? part->key() : std::string();
    } else if constexpr (std::is_same_v<Part, NameRef>) {
      key += part.key();
    } else if constexpr (std::is_arithmetic_v<Part>) {
      key += std::to_string(part);
    } else if constexpr (std::is_same_v<Part, Date>) {
      key += part.to_string();
    } else {
      key += part;
    }
    key += '\x1f';
  };
  (add(parts), ...);
  return key;
}

// Exports a form: its header row, then a row for each row `sql` selects for the provider (bound
// as its one parameter), written by write_row(statement, csv).
template <class WriteRow>
std::string export_form(StoreState& impl, Id provider, const CsvForm& form, const std::string& sql,
                        WriteRow write_row) {
  return impl.read([&](Connection& connection) {
    require_provider(connection, provider);
    std::string out;
    CsvWriter csv(out);
    for (const auto& column : form.columns) csv.cell(column.name);
    csv.end_row();
    auto& statement = connection.statement(sql);
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      write_row(statement, csv);
      csv.end_row();
    }
    return out;
  });
}

// Writes each column of the statement's row as a cell: its text, or empty for NULL.
void write_text_cells(Statement& statement, CsvWriter& csv);

}  // namespace caretoolkit::tracker
