// Schema migration 4: text stored by earlier versions brought to the one stored form that every
// way in now writes (normalise_text(), see validation.hpp). Internal to lib/tracker: schema.cpp
// runs it inside the migration's transaction.
//
// Every text field is rewritten through repair_text() with its kind, and only rows whose text
// changes are written: provider, source and service names, vacancy roles, applicants'
// references, reasons and prior sectors, spend notes, advert texts and API key labels. A control
// character a field may not hold becomes a space when it is white space (a line break pasted into
// a name) and U+FFFD REPLACEMENT CHARACTER otherwise, so the migration never fails on old text and
// the mark stays visible where something was. A required name or reference that was nothing but
// white space becomes "(blank)".
//
// Where two of a provider's names or references then collide, no row is lost:
// - Sources and services are one per name_key() within a provider, and the oldest (lowest id)
//   keeps the name. A later one is merged into it (its applicants, spend, vacancies and
//   headcounts now point at the oldest, and it is deleted) when the two agree: sources on their
//   channel, or either's channel is not known yet (the merged source takes the known one);
//   services on their type, with no headcount on the same day. Differences in case, accents or
//   invisible spaces made these rows look like one source to everyone reading a report, and a
//   sheet naming it is matched to one source: merging is what the names always meant. When they
//   disagree, merging would move applicants to another channel or lose a headcount, so the later
//   one is renamed with the lowest free " (2)", " (3)"... instead, for someone to look at.
// - An applicant's reference is unique as stored. Two applicants are never merged (they may be
//   two people, and their histories differ): the oldest keeps the reference and a later one gets
//   the lowest free " (2)", " (3)"..., so that a sheet imported again matches the oldest and
//   adds nobody.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace caretoolkit::tracker {

// What a required name or reference that was only white space is stored as.
inline constexpr std::string_view kBlankText = "(blank)";

// Rewrites every stored text field as described above. Runs inside the caller's transaction.
void rewrite_stored_text(SQLite::Database& db);

// `name` followed by " (number)", the name cut short (by characters, and then of the white space
// at its new end) so that the whole is at most `max_length` characters: numbered_name("Indeed",
// 2, 200) is "Indeed (2)".
std::string numbered_name(std::string_view name, int number, std::size_t max_length);

}  // namespace caretoolkit::tracker
