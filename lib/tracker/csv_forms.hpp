// The three CSV forms the tracker imports and exports: the columns of the spreadsheet tracker
// providers keep today. Files are RFC 4180 CSV in UTF-8 (a byte order mark is accepted), with a
// header row naming the columns in any order and any case, dates as YYYY-MM-DD and money as pounds
// with up to two decimals ("1200", "1,200.50", "£1,200.50"). Export writes the columns in the order
// below, amounts as "1200.50", channels and outcomes by their canonical names.
//
// applicants  reference, source, channel, vacancy, service, applied_on, interviewed_on,
//             offered_on, started_on, left_on, left_reason, outcome[, prior_sector]
//   One row per applicant; empty cells for stages not reached; outcome is empty, "withdrawn" or
//   "rejected". A source, service or vacancy (a role within a service) met for the first time is
//   created: a source with the row's channel ("other" when empty), a service with the type its
//   name spells ("Home care") or "other". The reference identifies the applicant within the
//   provider, so importing a row again updates that applicant. A row without a reference is an
//   applicant whose reference was purged: it must not have started, and it is matched by its
//   whole content.
// spend       source, date, amount, note
//   A row already stored with the same source, date, amount and note is not added again (the
//   rows have no other key); an unknown source is created with the channel "other".
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
