// The rules a tracker record must follow, checked without the database: the Store runs them
// before every write and the CSV import runs them on every row, so an API call and a spreadsheet
// row get the same words for the same mistake.
//
// Each check appends one ErrorItem per problem (field = the record field or CSV column, detail in
// plain words: "started_on (2025-03-01) is before offered_on (2025-03-05)") and never throws;
// throw_if_invalid() turns a non-empty list into Error(kInvalid). Text fields are expected in
// their stored form (normalise_text() makes it). `today` is the day the record is written: stage
// dates and headcounts may not be after it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// Longest text fields, in characters (Unicode code points, as count_characters() counts them).
inline constexpr std::size_t kMaxNameLength = 200;  // provider, service, source, role, key label
inline constexpr std::size_t kMaxReferenceLength = 100;  // an applicant's reference
inline constexpr std::size_t kMaxNoteLength = 1000;      // spend notes and reasons
inline constexpr std::size_t kMaxPriorSectorLength = 100;
inline constexpr std::size_t kMaxAdvertLength = 100000;
// The most staff, vacancies or leavers one headcount may give, through every way in: far above
// any provider's, and small enough that a team's sums over every provider stay exact.
inline constexpr int kMaxHeadcount = 1'000'000;

using Problems = std::vector<ErrorItem>;

// How a text field may be written.
enum class TextKind : std::uint8_t {
  // Names, references, labels: one line. Each run of white space inside becomes one space; no
  // control character is allowed (a tab or line break inside is refused, not joined up).
  kName,
  // Notes, reasons, advert text: kept as written inside, where tabs and line breaks are allowed
  // and no other control character is.
  kNote,
};

// The stored form of a text field, which every way in (API, CSV import, command line) stores and
// looks up: Unicode NFC, with white space (Unicode White_Space: NBSP, U+2003, U+3000 and the
// ASCII ones) dropped at both ends and, for kName, each run of it inside that holds no control
// character made one ASCII space: "\u00A0Job  Centre\u3000" becomes "Job Centre". Control
// characters inside are kept for check_text() to refuse, and text that is not valid UTF-8 is only
// trimmed of ASCII white space (check_text() refuses it). ASCII text never reaches ICU and costs
// no allocation beyond the result; the second form writes into `out`, reusing its capacity
// (`text` must not view `out`).
std::string normalise_text(std::string_view text, TextKind kind = TextKind::kName);
void normalise_text(std::string_view text, TextKind kind, std::string& out);

// Text stored by an earlier version made storable, for the schema migration that brings it to
// its stored form: each control character `kind` does not allow becomes a space when it is white
// space (a tab or line break in a name; vertical tab, form feed, U+0085) and U+FFFD REPLACEMENT
// CHARACTER otherwise, as does each sequence that is not UTF-8, and the result is then
// normalise_text()'d; the result passes check_text(). One character replaces one, so the text
// does not grow; only Unicode NFC can lengthen text (a few characters it never composes
// decompose), and when the stored form would be longer than `max_length` characters the text is
// kept in its own composition instead, trimmed and, for kName, its runs of white space made one
// space.
std::string repair_text(std::string_view text, TextKind kind, std::size_t max_length);

// The number of characters (Unicode code points) in `text`, the unit of every length limit;
// each sequence that is not valid UTF-8 counts as one.
std::size_t count_characters(std::string_view text);

// `text` without the white space (as normalise_text() counts it) at either end; text that is not
// valid UTF-8 loses only its ASCII white space.
std::string_view trim_white_space(std::string_view text);
// True when `text` is nothing but white space, so that normalise_text() leaves nothing of it.
bool is_blank(std::string_view text);

// The key by which names are matched (sources and services, unique within their provider, and
// vacancy roles in an import): equal keys mean the same name. It is the name's stored form under
// Unicode's NFKC_Casefold, the caseless match Unicode recommends for identifiers: "INDEED",
// " indeed " and "Indeed\u00A0" have one key, as have "Café", "CAFÉ" and "Cafe\u0301"; so have
// "ﬁ" and "fi", full-width and ordinary letters, and a name with and without an invisible ZERO
// WIDTH SPACE. "In deed" and "Indeed" differ. Names equal under SQLite's NOCASE (ASCII letters
// only, the schema's collation) always have equal keys. `text` may be raw: it is normalised
// first. Overwrites `out`, which `text` must not view.
void name_key(std::string_view text, std::string& out);

// Adds a problem for `field` when `text` is not valid UTF-8 or holds a control character (U+0000
// to U+001F, U+007F to U+009F) that `kind` does not allow: "source name must not contain control
// characters (found U+0000 at character 7)", counting characters, not bytes, from 1 at the start
// of `text`. White space at either end, which normalise_text() drops, is not looked at, so raw
// and stored text get the same verdict. `words` names the field as the person typing it knows it.
void check_text(std::string_view text, TextKind kind, std::string_view field,
                std::string_view words, Problems& problems);

// Adds a problem for `field` when `text` has more than `max` characters, counted as
// count_characters() counts them (200 "é" are 200 characters, 400 bytes): "note is longer than
// 1000 characters".
void check_length(std::string_view text, std::size_t max, std::string_view field,
                  Problems& problems);

// A required name: present, not too long, and passing check_text() as a kName.
void check_name(std::string_view name, std::string_view field, std::string_view words,
                Problems& problems);
// A provider's name (check_name) and the day it joined the scheme, which may not be after `today`.
void check_provider(const Provider& provider, Date today, Problems& problems);
void check_applicant(const Applicant& applicant, Date today, Problems& problems);
void check_spend(const SpendEntry& entry, Problems& problems);
void check_vacancy(const Vacancy& vacancy, Problems& problems);
void check_headcount(const HeadcountSnapshot& snapshot, Date today, Problems& problems);

// Throws Error(kInvalid) listing `problems` when there are any. The message is the first
// problem's detail, followed by how many more there are.
void throw_if_invalid(Problems problems);

}  // namespace caretoolkit::tracker
