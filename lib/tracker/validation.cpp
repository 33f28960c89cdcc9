// Record rules; see validation.hpp.
#include "tracker/validation.hpp"

#include <utility>

#include "core/money.hpp"

namespace caretoolkit::tracker {

namespace {

void add(Problems& problems, std::string_view field, std::string detail) {
  problems.push_back(ErrorItem{std::string(field), std::move(detail), std::nullopt});
}

std::string dated(std::string_view field, Date date) {
  return std::string(field) + " (" + date.to_string() + ")";
}

void check_length(std::string_view text, std::size_t max, std::string_view field,
                  Problems& problems) {
  if (text.size() > max) {
    add(problems, field,
        std::string(field) + " is longer than " + std::to_string(max) + " characters");
  }
}

void check_not_future(std::optional<Date> date, std::string_view field, Date today,
                      Problems& problems) {
  if (date && *date > today) {
    add(problems, field, dated(field, *date) + " is in the future; today is " + today.to_string());
  }
}

// `later` must not be before `earlier` when both are present.
void check_order(std::optional<Date> later, std::string_view later_field,
                 std::optional<Date> earlier, std::string_view earlier_field, Problems& problems) {
  if (later && earlier && *later < *earlier) {
    add(problems, later_field,
        dated(later_field, *later) + " is before " + dated(earlier_field, *earlier));
  }
}

}  // namespace

std::string normalise_text(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlank);
  return std::string(text.substr(first, last - first + 1));
}

void check_name(std::string_view name, std::string_view field, Problems& problems) {
  if (name.empty()) {
    add(problems, field, std::string(field) + " is required");
  } else {
    check_length(name, kMaxNameLength, field, problems);
  }
}

void check_applicant(const Applicant& a, Date today, Problems& problems) {
  if (a.reference.empty()) {
    add(problems, "reference", "reference is required");
  } else {
    check_length(a.reference, kMaxReferenceLength, "reference", problems);
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
        dated("started_on", *a.started_on) +
            " is given but offered_on is empty: a start needs an offer");
  }
  check_order(a.started_on, "started_on", a.offered_on, "offered_on", problems);
  if (a.left_on && !a.started_on) {
    add(problems, "left_on",
        dated("left_on", *a.left_on) +
            " is given but started_on is empty: only someone who started can leave");
  }
  check_order(a.left_on, "left_on", a.started_on, "started_on", problems);
  if (!a.left_reason.empty() && !a.left_on) {
    add(problems, "left_reason", "left_reason is given but left_on is empty");
  }
  check_length(a.left_reason, kMaxNoteLength, "left_reason", problems);
  if (a.outcome != Outcome::kNone && a.started_on) {
    add(problems, "outcome",
        "outcome is " + std::string(to_string(a.outcome)) + " but started_on is " +
            a.started_on->to_string() + ": someone who started did not withdraw or get rejected");
  }
  check_length(a.prior_sector, kMaxPriorSectorLength, "prior_sector", problems);
}

void check_spend(const SpendEntry& entry, Problems& problems) {
  if (entry.amount.value < 0) add(problems, "amount", "amount must not be negative");
  if (entry.amount > kMaxAmount) {
    add(problems, "amount", "amount must be at most £" + format_pounds(kMaxAmount));
  }
  check_length(entry.note, kMaxNoteLength, "note", problems);
}

void check_vacancy(const Vacancy& v, Problems& problems) {
  check_name(v.role, "role", problems);
  check_order(v.closed_on, "closed_on", v.opened_on, "opened_on", problems);
  if (v.advert_text) check_length(*v.advert_text, kMaxAdvertLength, "advert_text", problems);
  if (v.advert_score && (*v.advert_score < 0 || *v.advert_score > 100)) {
    add(problems, "advert_score",
        "advert_score must be between 0 and 100, not " + std::to_string(*v.advert_score));
  }
}

void check_headcount(const HeadcountSnapshot& s, Date today, Problems& problems) {
  check_not_future(s.date, "date", today, problems);
  if (s.staff < 0) add(problems, "staff", "staff must not be negative");
  if (s.vacancies < 0) add(problems, "vacancies", "vacancies must not be negative");
  if (s.leavers && *s.leavers < 0) add(problems, "leavers", "leavers must not be negative");
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
