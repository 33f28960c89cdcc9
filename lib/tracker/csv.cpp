// CSV reading, header matching and writing; see csv.hpp.
#include "tracker/csv.hpp"

#include <csv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "tracker/cells.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// libcsv's parser state before the first byte of a record (ROW_NOT_BEGUN in libcsv.c).
constexpr int kRowNotBegun = 0;
// The first characters that make a spreadsheet read a cell as a formula.
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

// True for text that is apostrophes (`apostrophes` or more) followed by a formula start.
bool formula_like(std::string_view text, std::size_t apostrophes) {
  const auto first = text.find_first_not_of('\'');
  return first != std::string_view::npos && first >= apostrophes &&
         kFormulaStarts.find(text[first]) != std::string_view::npos;
}

[[noreturn]] void malformed(std::size_t line, std::string detail) {
  std::string message = "line " + std::to_string(line) + ": " + detail;
  throw Error(ErrorCode::kMalformed, message,
              std::vector<ErrorItem>{ErrorItem{{}, std::move(detail), line}});
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Refuses text that a spreadsheet saving "CSV UTF-8" could not have written.
void check_utf8(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw Error(ErrorCode::kTooLarge, "the file is too large to import in one go");
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      malformed(line_of(text, static_cast<std::size_t>(start)),
                "the text is not valid UTF-8; save the file as \"CSV UTF-8\"");
    }
    if (c == 0)
      malformed(line_of(text, static_cast<std::size_t>(start)), "the text holds a NUL byte");
  }
}

// Refuses a header row that is one cell of names joined by semicolons or tabs: a file saved with
// another separator, whose amounts may use the decimal comma too, so that it is not read at all.
void check_separator(const CsvRow& header) {
  if (header.size == 0 ||
      std::any_of(header.cells.begin() + 1,
                  header.cells.begin() + static_cast<std::ptrdiff_t>(header.size),
                  [](const std::string& cell) { return !is_blank(cell); })) {
    return;
  }
  const std::string_view names = header[0];
  const char* separator = names.find(';') != std::string_view::npos    ? "semicolons"
                          : names.find('\t') != std::string_view::npos ? "tabs"
                                                                       : nullptr;
  if (separator == nullptr) return;
  malformed(header.line, std::string("the columns are separated by ") + separator +
                             ", not commas; save the file as \"CSV UTF-8 (Comma delimited)\"");
}

}  // namespace

bool CsvRow::blank() const {
  return std::all_of(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(size),
                     [](const std::string& cell) { return is_blank(cell); });
}

struct CsvReader::Impl {
  csv_parser parser{};
  std::string_view text;
  std::size_t offset = 0;     // bytes fed to the parser so far
  std::size_t line = 0;       // the line last fed
  std::size_t row_start = 0;  // the line the record being parsed started on
  bool finished = false;

  CsvRow building;
  // Records completed by the last feed (usually one; several only with bare CR line ends).
  std::vector<CsvRow> ready;
  std::size_t ready_count = 0;
  std::size_t ready_next = 0;

  static void on_cell(void* data, std::size_t size, void* self) {
    auto& row = static_cast<Impl*>(self)->building;
    if (row.size == row.cells.size()) row.cells.emplace_back();
    std::string_view text(static_cast<const char*>(data), size);
    if (text.starts_with('\'') && formula_like(text, 1)) text.remove_prefix(1);
    row.cells[row.size++].assign(text);
  }

  static void on_row_end(int, void* self) {
    auto& impl = *static_cast<Impl*>(self);
    impl.building.line = impl.row_start;
    if (impl.ready_count == impl.ready.size()) impl.ready.emplace_back();
    // Swapping hands the finished cells over and takes back storage to reuse.
    std::swap(impl.ready[impl.ready_count++], impl.building);
    impl.building.size = 0;
  }

  // Feeds the next physical line (or finishes the parse at the end of the text).
  void feed() {
    ready_count = ready_next = 0;
    if (offset == text.size()) {
      finished = true;
      if (csv_fini(&parser, on_cell, on_row_end, this) != 0) {
        malformed(row_start, "a quoted cell that starts on this line is never closed");
      }
      return;
    }
    const auto newline = text.find('\n', offset);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    ++line;
    if (parser.pstate == kRowNotBegun) row_start = line;
    const std::size_t length = end - offset;
    if (csv_parse(&parser, text.data() + offset, length, on_cell, on_row_end, this) != length) {
      malformed(line,
                "the quoting is broken: a cell with a quote in it must be quoted as a whole and "
                "its quotes doubled (\"like \"\"this\"\"\")");
    }
    offset = end;
  }
};

CsvReader::CsvReader(std::string_view text) : impl_(std::make_unique<Impl>()) {
  check_utf8(text);
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  impl_->text = text;
  if (csv_init(&impl_->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
}

CsvReader::~CsvReader() {
  csv_free(&impl_->parser);
}

bool CsvReader::next(CsvRow& row) {
  Impl& impl = *impl_;
  while (impl.ready_next == impl.ready_count) {
    if (impl.finished) return false;
    impl.feed();
  }
  std::swap(row, impl.ready[impl.ready_next++]);
  return true;
}

CsvHeader::CsvHeader(const CsvRow& header, std::span<const CsvColumn> columns)
    : positions_(columns.size()) {
  check_separator(header);
  std::vector<ErrorItem> problems;
  for (std::size_t i = 0; i < header.size; ++i) {
    const std::string name = fold_spelling(trim_white_space(header[i]));
    if (name.empty()) {
      unnamed_.push_back(i);
      continue;
    }
    width_ = i + 1;
    const auto match = std::find_if(columns.begin(), columns.end(),
                                    [&](const CsvColumn& column) { return column.name == name; });
    if (match == columns.end()) {
      problems.push_back({std::string(header[i]), unknown_column(header[i], columns), header.line});
      continue;
    }
    auto& position = positions_[static_cast<std::size_t>(match - columns.begin())];
    if (position) {
      problems.push_back({std::string(match->name),
                          "column '" + std::string(match->name) + "' appears twice", header.line});
    }
    position = i;
  }
  std::erase_if(unnamed_, [&](std::size_t i) { return i >= width_; });
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].required && !positions_[i]) {
      problems.push_back({std::string(columns[i].name),
                          "column '" + std::string(columns[i].name) + "' is missing", header.line});
    }
  }
  if (!problems.empty()) {
    std::string message = "the header row is not the expected one: " + problems.front().detail;
    if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more)";
    throw Error(ErrorCode::kMalformed, message, std::move(problems));
  }
}

std::string CsvHeader::unknown_column(std::string_view name, std::span<const CsvColumn> columns) {
  std::string detail = "unknown column " + quote_cell(name) + "; rename it to one of ";
  for (const CsvColumn& column : columns) {
    detail += column.name;
    detail += ", ";
  }
  return detail + "or delete the column (the tracker keeps no names or contact details)";
}

std::string_view CsvHeader::cell(const CsvRow& row, std::size_t column) const {
  const auto& position = positions_[column];
  return position ? row[*position] : std::string_view();
}

std::optional<ErrorItem> CsvHeader::misfit(const CsvRow& row) const {
  if (row.size < width_) {
    return ErrorItem{{},
                     "the row has " + std::to_string(row.size) + " cells but the header names " +
                         std::to_string(width_) + " columns",
                     row.line};
  }
  const auto unnamed_value = [&](std::size_t i) -> std::optional<ErrorItem> {
    if (is_blank(row[i])) return std::nullopt;
    return ErrorItem{{},
                     "column " + column_letter(i) + " has no name in the header but this row has " +
                         quote_cell(row[i]) + " in it; name the column or delete it",
                     row.line};
  };
  for (const std::size_t i : unnamed_) {
    if (auto problem = unnamed_value(i)) return problem;
  }
  for (std::size_t i = width_; i < row.size; ++i) {
    if (auto problem = unnamed_value(i)) return problem;
  }
  return std::nullopt;
}

void CsvWriter::cell(std::string_view text) {
  if (row_started_) out_ += ',';
  row_started_ = true;
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t'));
  const bool apostrophe = formula_like(text, 0);
  if (!quote) {
    if (apostrophe) out_ += '\'';
    out_ += text;
    return;
  }
  out_ += '"';
  if (apostrophe) out_ += '\'';
  for (const char c : text) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace caretoolkit::tracker
