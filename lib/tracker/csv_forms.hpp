// The three CSV forms the tracker imports and exports: the columns of the spreadsheet tracker
// providers keep today. Files are RFC 4180 CSV in UTF-8 (a byte order mark is accepted), with a
// header row naming the columns in any order and any case, with spaces or hyphens for the
// underscores ("Applied On"); empty header cells (Excel's ",,," after the last column) name no
// column and the cells under them must be empty. Cells are read as a UK spreadsheet writes them
// (cells.hpp has the details):
//   dates  YYYY-MM-DD, or day first: DD/MM/YYYY, D/M/YYYY, DD/MM/YY, D Mon YYYY, DD-Mon-YY,
//          D Month YYYY (English names, any case, "Sept" too). Month first is never guessed:
//          02/13/2025 is refused as having no month 13. A two-digit year is the year ending in
//          those digits from 90 years before today's year to 9 years after it (in 2026, 00..35
//          are 2000..2035 and 36..99 are 1936..1999).
//   money  pounds with up to two decimals, with or without "£" and thousands separators, in
//          Excel's accounting format too (" £1,200.00 "; "(£12.00)" and "-£12.00" are negative
//          and refused; "£ -" is zero).
//   counts whole numbers ("42", "1,200", "42.00").
// Spaces around a cell, non-breaking ones (U+00A0, U+202F) included, are dropped. Export writes
// the columns in the order below, dates as YYYY-MM-DD, amounts as "1200.50", channels and outcomes
// by their canonical names (an empty channel for a source whose channel is not known yet), and
// puts an apostrophe before a cell that a spreadsheet would run as a formula (csv.hpp), which
// import takes off.
//
// applicants  reference, source, channel, vacancy, service, applied_on, interviewed_on,
//             offered_on, started_on, left_on, left_reason, outcome[, prior_sector]
//   One row per applicant; empty cells for stages not reached; outcome is empty, "withdrawn" or
//   "rejected". A source, service or vacancy (a role within a service) met for the first time is
//   created: a service with the type its name spells ("Home care") or "other"; a source with the
//   row's channel, or, when the cell is empty, with its channel not known yet. A source whose
//   channel is not known takes the channel of the first row that names one; a row naming another
//   channel than a source's known one is refused (correct the source first).
//   The reference identifies the applicant within the provider. Importing a row again updates
//   that applicant: recording a later stage (interviewed, offered, started, left, an outcome) is
//   progress. A row that would give a stored applicant another source or applied_on, or change or
//   remove a stage date or outcome already recorded, refuses the whole file, listing each such row
//   and what it would change, unless the import is told to accept the changes. A row whose
//   reference a purge removed (matched whatever its case) is skipped and counted, never added
//   again. A row without a reference is an applicant whose reference was purged, as an export
//   writes them: it must not have started, and it is matched by its whole content.
// spend       source, date, amount, note
//   The sheet is the truth for each source and calendar month it holds rows for: the stored rows
//   of those source-months become the sheet's rows (rows stored already are kept, the others
//   removed, the new ones added), and the rows of other source-months are left alone. So a sheet
//   imported twice changes nothing, a corrected sheet replaces what it corrects, and a sheet of
//   March alone leaves February as it was; spend entered otherwise for a source and month the
//   sheet covers is replaced too. Identical rows are separate payments. The summary lists each
//   source-month it changed with its total before and after. An unknown source is created with
//   its channel not known yet.
// headcount   date, service, staff, vacancies[, leavers]
//   One row per day and service (an empty service means the whole provider); importing a day
//   again replaces its figures. staff counts directly employed permanent and temporary staff;
//   leavers is the provider's own count of leavers in the 12 months to the date.
#pragma once

#include <array>

#include "tracker/csv.hpp"

namespace caretoolkit::tracker::csv_forms {

namespace applicants {
enum Column : std::size_t {
  kReference,
  kSource,
  kChannel,
  kVacancy,
  kService,
  kAppliedOn,
  kInterviewedOn,
  kOfferedOn,
  kStartedOn,
  kLeftOn,
  kLeftReason,
  kOutcome,
  kPriorSector,
};
inline constexpr std::array<CsvColumn, 13> kColumns{{
    {"reference"},
    {"source"},
    {"channel"},
    {"vacancy"},
    {"service"},
    {"applied_on"},
    {"interviewed_on"},
    {"offered_on"},
    {"started_on"},
    {"left_on"},
    {"left_reason"},
    {"outcome"},
    {"prior_sector", false},
}};
}  // namespace applicants

namespace spend {
enum Column : std::size_t { kSource, kDate, kAmount, kNote };
inline constexpr std::array<CsvColumn, 4> kColumns{{
    {"source"},
    {"date"},
    {"amount"},
    {"note"},
}};
}  // namespace spend

namespace headcount {
enum Column : std::size_t { kDate, kService, kStaff, kVacancies, kLeavers };
inline constexpr std::array<CsvColumn, 5> kColumns{{
    {"date"},
    {"service"},
    {"staff"},
    {"vacancies"},
    {"leavers", false},
}};
}  // namespace headcount

}  // namespace caretoolkit::tracker::csv_forms
