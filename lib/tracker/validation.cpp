// Record rules; see validation.hpp.
#include "tracker/validation.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "core/money.hpp"
#include "tracker/field_labels.hpp"
#include "tracker/vacancy_particulars.hpp"

namespace caretoolkit::tracker {

namespace {

void add(Problems& problems, std::string_view field, std::string detail) {
  problems.push_back(ErrorItem{std::string(field), std::move(detail), std::nullopt});
}

// "Date started work (2025-03-01)". Dates stay in ISO form so that an import's problems of one
// kind, which differ only in their figures, are summed up together (import_problems.hpp).
std::string dated(std::string_view field, Date date) {
  return std::string(field_label(field)) + " (" + date.to_string() + ")";
}

// A label inside a sentence: "the date offered a job".
std::string label_in_sentence(std::string_view field) {
  std::string text = "the ";
  text += field_label(field);
  if (text[4] >= 'A' && text[4] <= 'Z') text[4] = static_cast<char>(text[4] - 'A' + 'a');
  return text;
}

// A headcount's figure: from 0 to kMaxHeadcount.
void check_count(int count, std::string_view field, Problems& problems) {
  if (count < 0) {
    add(problems, field, std::string(field) + " must not be negative");
  } else if (count > kMaxHeadcount) {
    add(problems, field,
        std::string(field) + " must be at most " + std::to_string(kMaxHeadcount) + ", not " +
            std::to_string(count));
  }
}

void check_not_future(std::optional<Date> date, std::string_view field, Date today,
                      Problems& problems) {
  if (date && *date > today) {
    add(problems, field,
        dated(field, *date) + " is in the future: today is " + today.to_string() +
            "; enter the date it happened");
  }
}

// `later` must not be before `earlier` when both are present.
void check_order(std::optional<Date> later, std::string_view later_field,
                 std::optional<Date> earlier, std::string_view earlier_field, Problems& problems) {
  if (later && earlier && *later < *earlier) {
    add(problems, later_field,
        dated(later_field, *later) + " is before " + label_in_sentence(earlier_field) + " (" +
            earlier->to_string() + "); correct one of them");
  }
}

// Text -------------------------------------------------------------------------------------------

// These two read every byte, without stopping early, so that the compiler can vectorise them:
// the CSV import asks them of every cell, and most cells are short.
bool is_ascii(std::string_view text) {
  unsigned high = 0;
  for (const char c : text) high |= static_cast<unsigned char>(c);
  return high < 0x80;
}

// ASCII without control characters: nothing check_text() could refuse.
bool is_plain(std::string_view text) {
  bool outside = false;
  for (const char c : text) {
    outside |= static_cast<unsigned char>(static_cast<unsigned char>(c) - 0x20) >= 0x5F;
  }
  return !outside;
}

// The code point at `i`, moving `i` past it; negative for an ill-formed sequence.
UChar32 next(std::string_view text, std::size_t& i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t length = text.size();
  UChar32 c = 0;
  U8_NEXT(bytes, i, length, c);
  return c;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (next(text, i) < 0) return false;
  }
  return true;
}

bool is_control(UChar32 c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// The control characters `kind` allows inside: tabs and line breaks in free text.
bool allowed_inside(UChar32 c, TextKind kind) {
  return kind == TextKind::kNote && (c == '\t' || c == '\n' || c == '\r');
}

bool is_ascii_white_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_white_space(UChar32 c) {
  return c < 0x80 ? is_ascii_white_space(static_cast<char>(c)) : u_isUWhiteSpace(c) != 0;
}

// White space that a name's runs of it are made of: not the control characters among it (tab,
// line breaks), which a name may not hold at all.
bool is_collapsible(UChar32 c) {
  return is_white_space(c) && !is_control(c);
}

// The byte range of valid UTF-8 `text` without the white space at either end.
std::pair<std::size_t, std::size_t> trimmed(std::string_view text) {
  std::size_t begin = text.size();
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (!is_white_space(next(text, i))) {
      begin = std::min(begin, start);
      end = i;
    }
  }
  return begin < end ? std::pair{begin, end} : std::pair<std::size_t, std::size_t>{0, 0};
}

// normalise_text() for ASCII, where the only white space a name collapses is the space itself;
// with `fold`, also in ASCII lower case (which is NFKC_Casefold for ASCII). One pass, into `out`'s
// own buffer.
void arrange_ascii(std::string_view text, TextKind kind, bool fold, std::string& out) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_ascii_white_space(text[begin])) ++begin;
  while (end > begin && is_ascii_white_space(text[end - 1])) --end;
  const bool collapse = kind == TextKind::kName;
  if (!fold && (!collapse || text.substr(begin, end - begin).find("  ") == text.npos)) {
    out.assign(text, begin, end - begin);
    return;
  }
  out.resize(end - begin);
  char* to = out.data();
  char before = 0;
  for (std::size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (collapse && c == ' ' && before == ' ') continue;
    before = c;
    if (fold && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    *to++ = c;
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
}

// normalise_text() for valid UTF-8 already in NFC.
void arrange(std::string_view text, TextKind kind, std::string& out) {
  const auto [begin, end] = trimmed(text);
  text = text.substr(begin, end - begin);
  if (kind == TextKind::kNote) {
    out.assign(text);
    return;
  }
  out.clear();
  bool in_run = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (is_collapsible(next(text, i))) {
      if (!in_run) out += ' ';
      in_run = true;
    } else {
      out.append(text, start, i - start);
      in_run = false;
    }
  }
}

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& instance = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* found = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: the NFC data is missing");
    return *found;
  }();
  return instance;
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2& instance = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* found = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: the NFKC_Casefold data is missing");
    return *found;
  }();
  return instance;
}

// Writes `normalizer`'s form of valid UTF-8 `text` to `out`.
void apply(const icu::Normalizer2& normalizer, std::string_view text, std::string& out) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw Error(ErrorCode::kTooLarge, "a text field is longer than 2 GiB");
  }
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())),
                           sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: normalisation failed");
}

}  // namespace

void normalise_text(std::string_view text, TextKind kind, std::string& out) {
  if (is_ascii(text)) {
    arrange_ascii(text, kind, false, out);
  } else if (!is_valid_utf8(text)) {
    arrange_ascii(text, TextKind::kNote, false, out);
  } else {
    std::string composed;
    apply(nfc(), text, composed);
    arrange(composed, kind, out);
  }
}

std::string normalise_text(std::string_view text, TextKind kind) {
  std::string out;
  normalise_text(text, kind, out);
  return out;
}

namespace {

// What repair_text() puts in place of a character a field may not hold.
void append_replacement(UChar32 c, std::string& out) {
  if (c >= 0 && is_white_space(c)) {
    out += ' ';
  } else {
    out += "\uFFFD";
  }
}

// `text` with each control character `kind` does not allow, and each sequence that is not UTF-8,
// replaced by append_replacement(): valid UTF-8 that check_text() accepts, before normalisation.
std::string replace_refused(std::string_view text, TextKind kind) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const UChar32 c = next(text, i);
    if (c < 0 || (is_control(c) && !allowed_inside(c, kind))) {
      append_replacement(c, out);
    } else {
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace

std::string repair_text(std::string_view text, TextKind kind, std::size_t max_length) {
  if (is_plain(text)) return normalise_text(text, kind);
  const std::string replaced = replace_refused(text, kind);
  std::string out = normalise_text(replaced, kind);
  if (count_characters(out) > max_length) arrange(replaced, kind, out);
  return out;
}

std::size_t count_characters(std::string_view text) {
  if (is_ascii(text)) return text.size();
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++characters) next(text, i);
  return characters;
}

std::string_view trim_white_space(std::string_view text) {
  if (is_ascii(text) || !is_valid_utf8(text)) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_ascii_white_space(text[begin])) ++begin;
    while (end > begin && is_ascii_white_space(text[end - 1])) --end;
    return text.substr(begin, end - begin);
  }
  const auto [begin, end] = trimmed(text);
  return text.substr(begin, end - begin);
}

bool is_blank(std::string_view text) {
  if (is_ascii(text)) {
    return std::all_of(text.begin(), text.end(), is_ascii_white_space);
  }
  return is_valid_utf8(text) && trimmed(text).second == 0;
}

void name_key(std::string_view text, std::string& out) {
  if (is_ascii(text)) {
    arrange_ascii(text, TextKind::kName, true, out);
    return;
  }
  normalise_text(text, TextKind::kName, out);
  if (!is_valid_utf8(out)) {
    arrange_ascii(std::string(out), TextKind::kNote, true, out);
    return;
  }
  std::string folded;
  apply(nfkc_casefold(), out, folded);
  out.swap(folded);
}

void check_text(std::string_view text, TextKind kind, std::string_view field,
                std::string_view words, Problems& problems) {
  if (is_plain(text)) return;
  if (!is_valid_utf8(text)) {
    add(problems, field, std::string(words) + " is not valid UTF-8 text");
    return;
  }
  const auto [begin, end] = trimmed(text);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < end;) {
    const std::size_t start = i;
    const UChar32 c = next(text, i);
    ++characters;
    if (start >= begin && is_control(c) && !allowed_inside(c, kind)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      add(problems, field,
          std::string(words) + " must not contain control characters (found " + code +
              " at character " + std::to_string(characters) + ")");
      return;
    }
  }
}

void check_length(std::string_view text, std::size_t max, std::string_view field,
                  Problems& problems) {
  if (text.size() > max && count_characters(text) > max) {
    add(problems, field,
        std::string(field_label(field)) + " is longer than " + std::to_string(max) +
            " characters: shorten it to " + std::to_string(max) + " or fewer");
  }
}

void check_name(std::string_view name, std::string_view field, std::string_view words,
                Problems& problems) {
  if (name.empty()) {
    add(problems, field, std::string(field) + " is required");
    return;
  }
  check_length(name, kMaxNameLength, field, problems);
  check_text(name, TextKind::kName, field, words, problems);
}

void check_applicant(const Applicant& a, Date today, Problems& problems) {
  if (a.reference.empty()) {
    add(problems, "reference", "Reference: enter the applicant's reference");
  } else {
    check_length(a.reference, kMaxReferenceLength, "reference", problems);
    check_text(a.reference, TextKind::kName, "reference", "reference", problems);
  }
  check_not_future(a.applied_on, "applied_on", today, problems);
  check_not_future(a.interviewed_on, "interviewed_on", today, problems);
  check_not_future(a.offered_on, "offered_on", today, problems);
  check_not_future(a.started_on, "started_on", today, problems);
  check_not_future(a.left_on, "left_on", today, problems);

  check_order(a.interviewed_on, "interviewed_on", a.applied_on, "applied_on", problems);
  if (a.interviewed_on) {
    check_order(a.offered_on, "offered_on", a.interviewed_on, "interviewed_on", problems);
  } else {
    check_order(a.offered_on, "offered_on", a.applied_on, "applied_on", problems);
  }
  if (a.started_on && !a.offered_on) {
    add(problems, "started_on",
        dated("started_on", *a.started_on) + " is given but " + label_in_sentence("offered_on") +
            " is not: a start needs an offer, so record the offer too");
  }
  check_order(a.started_on, "started_on", a.offered_on, "offered_on", problems);
  if (a.left_on && !a.started_on) {
    add(problems, "left_on",
        dated("left_on", *a.left_on) + " is given but " + label_in_sentence("started_on") +
            " is not: only someone who started can leave, so record the start too");
  }
  check_order(a.left_on, "left_on", a.started_on, "started_on", problems);
  if (!a.left_reason.empty() && !a.left_on) {
    add(problems, "left_reason",
        "A reason for leaving is given but " + label_in_sentence("left_on") +
            " is not: enter the date too");
  }
  check_length(a.left_reason, kMaxNoteLength, "left_reason", problems);
  check_text(a.left_reason, TextKind::kNote, "left_reason", "left_reason", problems);
  if (a.outcome != Outcome::kNone && a.started_on) {
    add(problems, "outcome",
        "Outcome is " + std::string(label(a.outcome)) + " but " + label_in_sentence("started_on") +
            " is " + a.started_on->to_string() +
            ": someone who started did not withdraw or get rejected");
  }
  check_length(a.prior_sector, kMaxPriorSectorLength, "prior_sector", problems);
  check_text(a.prior_sector, TextKind::kName, "prior_sector", "prior_sector", problems);
}

void check_spend(const SpendEntry& entry, Problems& problems) {
  if (entry.amount.value < 0) add(problems, "amount", "amount must not be negative");
  if (entry.amount > kMaxAmount) {
    add(problems, "amount", "amount must be at most £" + format_pounds(kMaxAmount));
  }
  check_length(entry.note, kMaxNoteLength, "note", problems);
  check_text(entry.note, TextKind::kNote, "note", "note", problems);
}

void check_vacancy(const Vacancy& v, Problems& problems) {
  check_name(v.role, "role", "vacancy role", problems);
  check_order(v.closed_on, "closed_on", v.opened_on, "opened_on", problems);
  if (v.advert_text) {
    check_length(*v.advert_text, kMaxAdvertLength, "advert_text", problems);
    check_text(*v.advert_text, TextKind::kNote, "advert_text", "advert_text", problems);
  }
  if (v.advert_score && (*v.advert_score < 0 || *v.advert_score > 100)) {
    add(problems, "advert_score",
        "advert_score must be between 0 and 100, not " + std::to_string(*v.advert_score));
  }
  check_particulars(v, problems);
}

void check_provider(const Provider& p, Date today, Problems& problems) {
  check_name(p.name, "name", "provider name", problems);
  check_not_future(p.joined_on, "joined_on", today, problems);
}

void check_headcount(const HeadcountSnapshot& s, Date today, Problems& problems) {
  check_not_future(s.date, "date", today, problems);
  check_count(s.staff, "staff", problems);
  check_count(s.vacancies, "vacancies", problems);
  if (s.leavers) check_count(*s.leavers, "leavers", problems);
}

void throw_if_invalid(Problems problems) {
  if (problems.empty()) return;
  std::string message = problems.front().detail;
  if (problems.size() > 1) {
    message += " (and " + std::to_string(problems.size() - 1) + " more " +
               (problems.size() == 2 ? "problem)" : "problems)");
  }
  throw Error(ErrorCode::kInvalid, message, std::move(problems));
}

}  // namespace caretoolkit::tracker
