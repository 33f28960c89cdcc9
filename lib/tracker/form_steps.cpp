// The steps the CSV forms share; see form_steps.hpp.
#include "tracker/form_steps.hpp"

#include "tracker/sql.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

CsvHeader read_header(CsvReader& reader, CsvRow& row, const CsvForm& form) {
  if (!reader.next(row)) {
    throw Error(ErrorCode::kMalformed,
                "the " + std::string(form.name) + " file is empty: it needs a header row first");
  }
  return {row, form.columns};
}

bool next_record(CsvReader& reader, CsvRow& row, const CsvHeader& header, ImportProblems& problems,
                 std::size_t& rows) {
  while (reader.next(row)) {
    if (row.blank()) continue;
    ++rows;
    if (auto misfit = header.misfit(row)) {
      problems.add(row.line, misfit->field, std::move(misfit->detail));
      continue;
    }
    return true;
  }
  return false;
}

bool check_name_cell(std::string_view cell, std::string_view column, std::string_view words,
                     std::size_t line, ImportProblems& problems) {
  Problems found;
  check_length(trim_white_space(cell), kMaxNameLength, column, found);
  if (!found.empty()) {
    problems.add_all(line, found);
    return false;
  }
  check_text(cell, TextKind::kName, column, words, found);
  const bool storable = found.empty();
  problems.add_all(line, found);
  return storable;
}

std::string_view unless_blank(std::string_view cell) {
  return is_blank(cell) ? std::string_view() : cell;
}

void write_text_cells(Statement& statement, CsvWriter& csv) {
  for (int i = 0; i < statement.getColumnCount(); ++i) {
    const Column column = statement.getColumn(i);
    csv.cell(column.isNull() ? std::string_view() : sql::read_text(column));
  }
}

}  // namespace caretoolkit::tracker
