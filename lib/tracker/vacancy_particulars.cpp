// Advert particulars: stored form, rules and what publishing needs; see vacancy_particulars.hpp.
#include "tracker/vacancy_particulars.hpp"

#include <algorithm>
#include <cmath>

#include "tracker/field_labels.hpp"

namespace caretoolkit::tracker {

namespace {

void add_particular_problem(Problems& problems, std::string_view field, std::string detail) {
  problems.push_back(ErrorItem{std::string(field), std::move(detail), std::nullopt});
}

bool is_capital_letter(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_decimal_digit(char c) {
  return c >= '0' && c <= '9';
}

// "£12.71 an hour", "£24,500.00 a year".
std::string pay_text(Pence amount, PayPeriod period) {
  return readable_pounds(amount) + (period == PayPeriod::kHour ? " an hour" : " a year");
}

// A full postcode written where the district belongs ("LE101AB" once its space is gone): the
// district followed by a digit and two letters.
bool is_full_postcode(std::string_view text) {
  if (text.size() < 5) return false;
  const std::string_view inward = text.substr(text.size() - 3);
  return is_decimal_digit(inward[0]) && is_capital_letter(inward[1]) &&
         is_capital_letter(inward[2]) && is_postcode_district(text.substr(0, text.size() - 3));
}

// A web address a browser can open: http or https, a host, no spaces.
bool is_web_address(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || rest.front() == '.') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

// name@domain.tld, with nothing a mail program would read as a second address or a header.
bool is_email_address(std::string_view email) {
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' ||
           c == '"' || c == '?' || c == '&';
  });
}

// Digits, spaces and the marks people write in phone numbers, with 7 to 15 digits (E.164's most).
bool is_phone_number(std::string_view phone) {
  int digits = 0;
  for (const char c : phone) {
    if (is_decimal_digit(c)) {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15 && phone.find('+', 1) == std::string_view::npos;
}

void check_how_to_apply(const Vacancy& v, Problems& problems) {
  check_length(v.apply_url, kMaxApplyUrlLength, "apply_url", problems);
  if (!v.apply_url.empty() && !is_web_address(v.apply_url)) {
    add_particular_problem(problems, "apply_url",
                           std::string(field_label("apply_url")) +
                               ": write the whole web address, starting https://, such as "
                               "https://www.example.org/jobs");
  }
  check_length(v.apply_phone, kMaxApplyPhoneLength, "apply_phone", problems);
  if (!v.apply_phone.empty() && !is_phone_number(v.apply_phone)) {
    add_particular_problem(
        problems, "apply_phone",
        std::string(field_label("apply_phone")) + ": '" + v.apply_phone.substr(0, 40) +
            "' is not a phone number; write it as 0116 496 0000 or +44 116 496 0000");
  }
  check_length(v.apply_email, kMaxApplyEmailLength, "apply_email", problems);
  if (!v.apply_email.empty() && !is_email_address(v.apply_email)) {
    add_particular_problem(problems, "apply_email",
                           std::string(field_label("apply_email")) + ": '" +
                               v.apply_email.substr(0, 60) +
                               "' is not an email address; write it as jobs@example.org");
  }
}

void check_pay(const Vacancy& v, Problems& problems) {
  for (const auto& [amount, field] :
       {std::pair{v.pay_min, "pay_min_pence"}, std::pair{v.pay_max, "pay_max_pence"}}) {
    if (!amount) continue;
    if (amount->value <= 0) {
      add_particular_problem(problems, field,
                             std::string(field_label(field)) + " must be more than £0");
    } else if (*amount > kMaxAmount) {
      add_particular_problem(
          problems, field,
          std::string(field_label(field)) + " must be at most " + readable_pounds(kMaxAmount));
    }
  }
  if (v.pay_max && !v.pay_min) {
    add_particular_problem(
        problems, "pay_min_pence",
        "Lowest pay is missing: give it too (the same as the highest when the pay is one rate)");
  }
  if (v.pay_min && v.pay_max && *v.pay_max < *v.pay_min) {
    add_particular_problem(problems, "pay_max_pence",
                           "Highest pay (" + pay_text(*v.pay_max, v.pay_period) +
                               ") is below the lowest pay (" + pay_text(*v.pay_min, v.pay_period) +
                               "); correct one of them");
  }
  if (v.hours_per_week && !(*v.hours_per_week > 0 && *v.hours_per_week <= kMaxHoursPerWeek)) {
    add_particular_problem(problems, "hours_per_week",
                           "Hours a week must be more than 0 and at most 100");
  }
}

void check_status(const Vacancy& v, Problems& problems) {
  if (v.status != VacancyStatus::kOpen) return;
  if (!v.live_version) {
    add_particular_problem(problems, "status",
                           "A vacancy is opened by publishing it, which checks its advert first");
  }
  if (v.closed_on) {
    add_particular_problem(
        problems, "closed_on",
        "An open vacancy has no date closed: set its status to closed to close it");
  }
}

}  // namespace

bool is_postcode_district(std::string_view d) {
  // A9, A99, A9A, AA9, AA99, AA9A.
  const std::size_t letters = (d.size() >= 2 && is_capital_letter(d[0]) && is_capital_letter(d[1]))
                                  ? 2
                              : (!d.empty() && is_capital_letter(d[0])) ? 1
                                                                        : 0;
  if (letters == 0 || d.size() <= letters || !is_decimal_digit(d[letters])) return false;
  const std::string_view tail = d.substr(letters + 1);
  return tail.empty() ||
         (tail.size() == 1 && (is_decimal_digit(tail[0]) || is_capital_letter(tail[0])));
}

std::string normalise_postcode_district(std::string_view district) {
  std::string out;
  for (const char c : normalise_text(district)) {
    if (c != ' ') out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

void check_postcode_district(std::string_view district, Problems& problems) {
  if (district.empty() || is_postcode_district(district)) return;
  if (is_full_postcode(district)) {
    add_particular_problem(problems, "postcode_district",
                           "Postcode district: give only the first part of the postcode, such as " +
                               std::string(district.substr(0, district.size() - 3)) +
                               ", not the full postcode, which can point to one street or home");
    return;
  }
  add_particular_problem(problems, "postcode_district",
                         "Postcode district: '" + std::string(district.substr(0, 20)) +
                             "' is not the first part of a postcode; write it as LE10 or PE9");
}

void normalise_particulars(Vacancy& vacancy) {
  vacancy.town = normalise_text(vacancy.town);
  vacancy.postcode_district = normalise_postcode_district(vacancy.postcode_district);
  vacancy.apply_url = normalise_text(vacancy.apply_url);
  vacancy.apply_phone = normalise_text(vacancy.apply_phone);
  vacancy.apply_email = normalise_text(vacancy.apply_email);
}

void check_particulars(const Vacancy& v, Problems& problems) {
  check_length(v.town, kMaxNameLength, "town", problems);
  check_text(v.town, TextKind::kName, "town", "town", problems);
  check_postcode_district(v.postcode_district, problems);
  check_pay(v, problems);
  if (v.closing_on && *v.closing_on < v.opened_on) {
    add_particular_problem(problems, "closing_on",
                           "Closing date (" + v.closing_on->to_string() +
                               ") is before the date opened (" + v.opened_on.to_string() +
                               "); correct one of them");
  }
  check_how_to_apply(v, problems);
  check_status(v, problems);
}

std::optional<Pence> lowest_hourly_pay(const Vacancy& v) {
  if (!v.pay_min) return std::nullopt;
  if (v.pay_period == PayPeriod::kHour) return v.pay_min;
  if (!v.hours_per_week || *v.hours_per_week <= 0) return std::nullopt;
  const double hourly = static_cast<double>(v.pay_min->value) / (*v.hours_per_week * kWeeksPerYear);
  return Pence{static_cast<std::int64_t>(std::floor(hourly))};
}

void check_publishable(const Vacancy& v, Date today, std::optional<PayFloor> floor,
                       Problems& problems) {
  if (!v.pay_min) {
    add_particular_problem(problems, "pay_min_pence",
                           "Pay is missing: give the lowest pay and what it is per");
  }
  if (v.town.empty())
    add_particular_problem(problems, "town", "Town is missing: say where the job is");
  if (v.apply_url.empty() && v.apply_phone.empty() && v.apply_email.empty()) {
    add_particular_problem(
        problems, "apply_url",
        "How to apply is missing: give a web address, a phone number or an email address");
  }
  if (!v.closing_on) {
    add_particular_problem(problems, "closing_on",
                           "Closing date is missing: give the last day to apply");
  } else if (*v.closing_on < today) {
    add_particular_problem(problems, "closing_on",
                           "Closing date (" + v.closing_on->to_string() +
                               ") has passed: give a day from today (" + today.to_string() +
                               ") on");
  }
  if (!v.pay_min || !floor) return;
  const auto hourly = lowest_hourly_pay(v);
  if (!hourly) {
    add_particular_problem(
        problems, "hours_per_week",
        "Hours a week are missing: yearly pay is checked against the National Living Wage an "
        "hour, which needs the hours");
  } else if (*hourly < floor->hourly) {
    add_particular_problem(
        problems, "pay_min_pence",
        "Lowest pay (" + pay_text(*v.pay_min, v.pay_period) +
            (v.pay_period == PayPeriod::kYear ? ", " + pay_text(*hourly, PayPeriod::kHour) : "") +
            ") is below the National Living Wage of " + pay_text(floor->hourly, PayPeriod::kHour) +
            " in force from " + long_date(floor->from) +
            ": it is unlawful to pay a worker aged 21 or over less");
  }
}

}  // namespace caretoolkit::tracker
