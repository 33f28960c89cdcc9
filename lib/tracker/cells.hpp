// The cells of the import forms as a UK spreadsheet writes them: dates day first or ISO, money in
// Excel's accounting format, whole numbers, with spaces around them (non-breaking ones too)
// dropped; and a cell's value shown in a message with its invisible characters made visible.
//
// Dates: YYYY-MM-DD, and day first as DD/MM/YYYY, D/M/YYYY, DD/MM/YY, D Mon YYYY, DD-Mon-YY (any
// of / - . between numbers, space or - around a month name; month names in English, full or
// abbreviated to three letters or "Sept", in any case). Month first is never guessed: 02/13/2025
// is refused as having no month 13. A two-digit year is the year ending in those digits from 90
// years before today's year to 9 years after it (in 2026: 36..99 are 1936..1999 and 00..35 are
// 2000..2035).
//
// Money: pounds with up to two decimals, with or without "£" (and a space after it), thousands
// separators, and Excel's negative forms "-£12.00", "£-12.00" and "(£12.00)"; the accounting
// format's "£ -" is zero.
//
// Values in messages are quoted 'like this', with a tab shown as <tab>, a carriage return as
// <CR>, a line feed as <LF> and every other invisible character (a non-breaking space, a
// zero-width space, a control character) as <U+XXXX>; values over 40 characters are cut with "…".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "tracker/import_problems.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

// The kinds of fault a cell can have, for the summary of an import's problems.
inline constexpr ProblemKind kEmptyCell{"is empty", "are empty", "every row needs one"};
inline constexpr ProblemKind kNotADate{"is not a date", "are not dates",
                                       "write dates as 2025-02-03 or 03/02/2025"};
inline constexpr ProblemKind kNoSuchDay{"is not a real day", "are not real days",
                                        "dates are read day first, so 03/02/2025 is 3 February "
                                        "2025"};
inline constexpr ProblemKind kNotAnAmount{
    "is not an amount", "are not amounts",
    "write pounds with up to two decimals, such as 1200.50 or £1,200.50"};
inline constexpr ProblemKind kAmountOverMax{"is over the limit", "are over the limit",
                                            kMaxAmountRule};
inline constexpr ProblemKind kNegativeAmount{"is negative", "are negative",
                                             "spend must not be negative"};
inline constexpr ProblemKind kNotACount{"is not a whole number", "are not whole numbers",
                                        "write whole numbers, such as 42"};

// 'text' for a message, as described above.
std::string quote_cell(std::string_view text);
// A spreadsheet's name for the 0-based column `index`: "A", "Z", "AA".
std::string column_letter(std::size_t index);

// The date a cell holds, in the forms above; nullopt for anything else. Two-digit years are read
// relative to `today` (the clock's today when not given).
std::optional<Date> parse_sheet_date(std::string_view text,
                                     std::optional<Date> today = std::nullopt);
// The amount a cell holds, negative ones included; none when it is not an amount, and then
// over_max when it is one but more than kMaxAmount either way.
PoundsReading read_sheet_amount(std::string_view text);
// read_sheet_amount(text).amount.
std::optional<Pence> parse_sheet_amount(std::string_view text);
// The whole number a cell holds ("42", "-1", "1,200", "42.00"); nullopt otherwise.
std::optional<int> parse_sheet_count(std::string_view text);

// Why a cell is refused, in a sentence naming `column` and quoting the cell, and its kind.
struct CellProblem {
  std::string detail;
  const ProblemKind* kind = nullptr;
};
// For a cell parse_sheet_date() refuses: "applied_on '02/13/2025' is not a date: there is no
// month 13 (dates are read day first, so 03/02/2025 is 3 February 2025)".
CellProblem date_problem(std::string_view cell, std::string_view column,
                         std::optional<Date> today = std::nullopt);

// Read one cell of `column` on `line`, reporting what is wrong with it to `problems` and
// returning nullopt then (or for an empty cell that is not required).
std::optional<Date> read_date(std::string_view cell, std::string_view column, bool required,
                              std::size_t line, ImportProblems& problems);
std::optional<int> read_count(std::string_view cell, std::string_view column, bool required,
                              std::size_t line, ImportProblems& problems);
// An amount of spend: required, and not negative.
std::optional<Pence> read_amount(std::string_view cell, std::string_view column, std::size_t line,
                                 ImportProblems& problems);

}  // namespace caretoolkit::tracker
