// Reading date, money and count cells as spreadsheets write them; see cells.hpp.
#include "tracker/cells.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <limits>
#include "core/ascii.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::string_view kPound = "\xC2\xA3";  // £
constexpr std::string_view kWriteDateAs = "write it as 2025-02-03 or 03/02/2025";
constexpr std::string_view kDayFirst = "dates are read day first, so 03/02/2025 is 3 February 2025";
constexpr std::size_t kQuotedLength = 40;  // characters of a value shown in a message

// The bytes of the blank character `text` starts (or, for suffix, ends) with; 0 for none.
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The month a name or abbreviation ("feb", "February", "SEPT") stands for; 0 for none.
int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3 || word.size() > 9) return 0;
  std::array<char, 9> folded{};
  for (std::size_t i = 0; i < word.size(); ++i) folded[i] = ascii_lower(word[i]);
  const std::string_view name(folded.data(), word.size());
  for (std::size_t m = 0; m < kNames.size(); ++m) {
    if (name == kNames[m] || name == kNames[m].substr(0, 3)) return static_cast<int>(m) + 1;
  }
  return name == "sept" ? 9 : 0;
}

// The year a two-digit year stands for: the one ending in those digits from 90 years before
// today's year to 9 years after it.
int full_year(int two_digits, std::optional<Date> today) {
  const int latest = (today ? *today : Date::today()).year() + 9;
  return latest - ((latest - two_digits) % 100 + 100) % 100;
}

// What a cell's text says as a date, before the calendar is asked whether that day exists.
struct DateText {
  enum class Shape { kNone, kFields, kUnknownMonth };
  Shape shape = Shape::kNone;
  int year = 0, month = 0, day = 0;
  bool day_first_numbers = false;  // D/M/Y: where a month past 12 may be a month-first date
  std::string_view month_word;     // for kUnknownMonth
};

// Reads the forms of cells.hpp from trimmed text, one field at a time.
class DateScanner {
 public:
  DateScanner(std::string_view text, std::optional<Date> today) : text_(text), today_(today) {}

  DateText scan() {
    int first = 0;
    const std::size_t first_digits = number(first);
    if (first_digits == 4) return year_first(first);
    if (first_digits == 0 || first_digits > 2 || at_end()) return {};
    if (is_digit_after_separator()) return day_month_year_numbers(first);
    return day_month_name_year(first);
  }

 private:
  // YYYY-MM-DD, YYYY-M-D or YYYY/MM/DD.
  DateText year_first(int year) {
    const char separator = at_end() ? '\0' : text_[pos_];
    if (separator != '-' && separator != '/') return {};
    ++pos_;
    int month = 0, day = 0;
    if (!field(month, 1, 2) || !consume(separator) || !field(day, 1, 2) || !at_end()) return {};
    return fields(year, month, day, false);
  }

  // D/M/YY, DD/MM/YYYY, also with - or . between the numbers.
  DateText day_month_year_numbers(int day) {
    const char separator = text_[pos_++];
    int month = 0, year = 0;
    if (!field(month, 1, 2) || !consume(separator)) return {};
    const std::size_t start = pos_;
    if (!field(year, 2, 4) || pos_ - start == 3 || !at_end()) return {};
    return fields(pos_ - start == 2 ? full_year(year, today_) : year, month, day, true);
  }

  // D Mon YYYY, DD-Mon-YY, D February YYYY.
  DateText day_month_name_year(int day) {
    if (!name_separator()) return {};
    const std::size_t start = pos_;
    while (!at_end() && is_letter(text_[pos_])) ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    if (word.empty()) return {};
    consume('.');  // "3 Feb. 2025"
    if (!name_separator()) return {};
    int year = 0;
    const std::size_t year_start = pos_;
    if (!field(year, 2, 4) || pos_ - year_start == 3 || !at_end()) return {};
    const int month = month_from_name(word);
    if (month == 0) {
      DateText unknown;
      unknown.shape = DateText::Shape::kUnknownMonth;
      unknown.month_word = word;
      return unknown;
    }
    return fields(pos_ - year_start == 2 ? full_year(year, today_) : year, month, day, false);
  }

  static DateText fields(int year, int month, int day, bool day_first_numbers) {
    DateText out;
    out.shape = DateText::Shape::kFields;
    out.year = year;
    out.month = month;
    out.day = day;
    out.day_first_numbers = day_first_numbers;
    return out;
  }

  static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  bool at_end() const { return pos_ == text_.size(); }

  bool consume(char c) {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Digits up to 5, as a number; how many were read.
  std::size_t number(int& value) {
    const std::size_t start = pos_;
    value = 0;
    while (!at_end() && is_digit(text_[pos_]) && pos_ - start < 5) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    return pos_ - start;
  }

  bool field(int& value, std::size_t fewest, std::size_t most) {
    const std::size_t digits = number(value);
    return digits >= fewest && digits <= most;
  }

  bool is_digit_after_separator() const {
    const char c = text_[pos_];
    return (c == '/' || c == '-' || c == '.') && pos_ + 1 < text_.size() &&
           is_digit(text_[pos_ + 1]);
  }

  // Spaces, or one - or /, around a month name.
  bool name_separator() {
    if (consume('-') || consume('/')) return true;
    if (!consume(' ')) return false;
    while (!at_end() && text_[pos_] == ' ') ++pos_;
    return true;
  }

  std::string_view text_;
  std::optional<Date> today_;
  std::size_t pos_ = 0;
};

bool iso_shaped(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-';
}

// Appends how a character shows in a quoted value: itself, or a name in angle brackets.
void append_shown(std::string& out, UChar32 c, std::string_view bytes) {
  if (c == '\t') {
    out += "<tab>";
    return;
  }
  if (c == '\r') {
    out += "<CR>";
    return;
  }
  if (c == '\n') {
    out += "<LF>";
    return;
  }
  if (c < 0) {  // not UTF-8: the reader refuses such files, but show it rather than pass it on
    out += "<U+FFFD>";
    return;
  }
  const auto type = static_cast<UCharCategory>(u_charType(c));
  const bool invisible = type == U_CONTROL_CHAR || type == U_FORMAT_CHAR ||
                         type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
                         type == U_UNASSIGNED || (type == U_SPACE_SEPARATOR && c != ' ');
  if (!invisible) {
    out += bytes;
    return;
  }
  char name[16];
  std::snprintf(name, sizeof name, "<U+%04X>", static_cast<unsigned>(c));
  out += name;
}

}  // namespace

std::string quote_cell(std::string_view text) {
  std::string out = "'";
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), 1 << 20));
  std::int32_t i = 0;
  std::size_t shown = 0;
  while (i < length) {
    if (shown == kQuotedLength) {
      out += "…";
      break;
    }
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    append_shown(out, c,
                 text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    ++shown;
  }
  out += '\'';
  return out;
}

std::string column_letter(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::optional<Date> parse_sheet_date(std::string_view text, std::optional<Date> today) {
  if (iso_shaped(text)) return Date::parse(text);  // what exports write: checked first
  const DateText date = DateScanner(trim_white_space(text), today).scan();
  if (date.shape != DateText::Shape::kFields) return std::nullopt;
  return Date::from_fields(date.year, date.month, date.day);
}

PoundsReading read_sheet_amount(std::string_view text) {
  text = trim_white_space(text);
  bool negative = false;
  bool dash = false;  // a minus sign that stands alone in the accounting format's zero, "£ -"
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    negative = true;
    text = trim_white_space(text.substr(1, text.size() - 2));
  }
  const auto minus = [&] {
    if (!text.starts_with('-')) return true;
    if (negative) return false;  // a sign twice over
    negative = dash = true;
    text = trim_white_space(text.substr(1));
    return true;
  };
  if (!minus()) return {};
  if (text.starts_with(kPound)) text = trim_white_space(text.substr(kPound.size()));
  if (!minus()) return {};
  if (text.empty()) return dash ? PoundsReading{Pence{0}} : PoundsReading{};
  if (text.starts_with(kPound)) return {};  // read_pounds would take a second one
  PoundsReading pounds = read_pounds(text);
  if (pounds.amount && negative) pounds.amount = Pence{-pounds.amount->value};
  return pounds;
}

std::optional<Pence> parse_sheet_amount(std::string_view text) {
  return read_sheet_amount(text).amount;
}

std::optional<int> parse_sheet_count(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) return value;
  // Spreadsheet forms: spaces around, thousands separators, or decimals that are all zero.
  text = trim_white_space(text);
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  if (text.empty() || !is_digit(text.front())) return std::nullopt;
  const auto hundredths = parse_pounds(text);
  if (!hundredths || hundredths->value % 100 != 0) return std::nullopt;
  const std::int64_t whole = hundredths->value / 100;
  if (whole > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(negative ? -whole : whole);
}

CellProblem date_problem(std::string_view cell, std::string_view column,
                         std::optional<Date> today) {
  const std::string not_a_date = std::string(column) + " " + quote_cell(cell) + " is not a date";
  const DateText date = DateScanner(trim_white_space(cell), today).scan();
  switch (date.shape) {
    case DateText::Shape::kNone:
      return {not_a_date + "; " + std::string(kWriteDateAs), &kNotADate};
    case DateText::Shape::kUnknownMonth:
      return {not_a_date + ": " + quote_cell(date.month_word) + " is not a month; " +
                  std::string(kWriteDateAs),
              &kNotADate};
    case DateText::Shape::kFields:
      break;
  }
  std::string why;
  if (date.year < 1900) {
    why = "the year must be 1900 or later";
  } else if (date.month < 1 || date.month > 12) {
    why = "there is no month " + std::to_string(date.month);
    if (date.day_first_numbers) why += " (" + std::string(kDayFirst) + ")";
  } else if (date.day < 1) {
    why = "there is no day 0";
  } else {
    why = std::string(Date::month_name(date.month)) + " " + std::to_string(date.year) + " has " +
          std::to_string(Date::days_in_month(date.year, date.month)) + " days";
  }
  return {not_a_date + ": " + why, &kNoSuchDay};
}

std::optional<Date> read_date(std::string_view cell, std::string_view column, bool required,
                              std::size_t line, ImportProblems& problems) {
  if (is_blank(cell)) {
    if (required) problems.add(line, column, std::string(column) + " is required", &kEmptyCell);
    return std::nullopt;
  }
  if (auto date = parse_sheet_date(cell)) return date;
  CellProblem problem = date_problem(cell, column);
  problems.add(line, column, std::move(problem.detail), problem.kind);
  return std::nullopt;
}

std::optional<int> read_count(std::string_view cell, std::string_view column, bool required,
                              std::size_t line, ImportProblems& problems) {
  if (is_blank(cell)) {
    if (required) problems.add(line, column, std::string(column) + " is required", &kEmptyCell);
    return std::nullopt;
  }
  if (auto count = parse_sheet_count(cell)) return count;
  problems.add(line, column,
               std::string(column) + " " + quote_cell(cell) +
                   " is not a whole number; write it as a number such as 42",
               &kNotACount);
  return std::nullopt;
}

std::optional<Pence> read_amount(std::string_view cell, std::string_view column, std::size_t line,
                                 ImportProblems& problems) {
  if (is_blank(cell)) {
    problems.add(line, column, std::string(column) + " is required", &kEmptyCell);
    return std::nullopt;
  }
  const PoundsReading reading = read_sheet_amount(cell);
  const auto& amount = reading.amount;
  if (reading.over_max) {
    problems.add(line, column,
                 std::string(column) + " " + quote_cell(cell) + " is over the limit; " +
                     std::string(kAmountOverMax.fix),
                 &kAmountOverMax);
    return std::nullopt;
  }
  if (!amount) {
    problems.add(line, column,
                 std::string(column) + " " + quote_cell(cell) + " is not an amount; " +
                     std::string(kNotAnAmount.fix),
                 &kNotAnAmount);
    return std::nullopt;
  }
  if (amount->value < 0) {
    problems.add(line, column,
                 std::string(column) + " " + quote_cell(cell) + " is negative; " +
                     std::string(kNegativeAmount.fix),
                 &kNegativeAmount);
    return std::nullopt;
  }
  return amount;
}

}  // namespace caretoolkit::tracker
