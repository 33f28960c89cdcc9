// The rules a tracker record must follow, checked without the database: the Store runs them
// before every write and the CSV import runs them on every row, so an API call and a spreadsheet
// row get the same words for the same mistake.
//
// Each check appends one ErrorItem per problem (field = the record field or CSV column, detail in
// plain words: "started_on (2025-03-01) is before offered_on (2025-03-05)") and never throws;
// throw_if_invalid() turns a non-empty list into Error(kInvalid). Text fields are expected
// trimmed (normalise_text() does that). `today` is the day the record is written: stage dates and
// headcounts may not be after it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

inline constexpr std::size_t kMaxNameLength = 200;       // provider, service, source, role
inline constexpr std::size_t kMaxReferenceLength = 100;  // an applicant's reference
inline constexpr std::size_t kMaxNoteLength = 1000;      // spend notes and reasons
inline constexpr std::size_t kMaxPriorSectorLength = 100;
inline constexpr std::size_t kMaxAdvertLength = 100000;

using Problems = std::vector<ErrorItem>;

// Drops surrounding spaces, tabs and line breaks.
std::string normalise_text(std::string_view text);

void check_name(std::string_view name, std::string_view field, Problems& problems);
void check_applicant(const Applicant& applicant, Date today, Problems& problems);
void check_spend(const SpendEntry& entry, Problems& problems);
void check_vacancy(const Vacancy& vacancy, Problems& problems);
void check_headcount(const HeadcountSnapshot& snapshot, Date today, Problems& problems);

// Throws Error(kInvalid) listing `problems` when there are any. The message is the first
// problem's detail, followed by how many more there are.
void throw_if_invalid(Problems problems);

}  // namespace caretoolkit::tracker
