// ISO 8601 calendar days; see date.hpp.
#include "core/date.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace caretoolkit {

namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// The numbers of a text in the form YYYY-MM-DD, whether or not they make a calendar day.
bool read_fields(std::string_view text, int& year, int& month, int& day) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && read_digits(text, 0, 4, year) &&
         read_digits(text, 5, 2, month) && read_digits(text, 8, 2, day);
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!read_fields(text, year, month, day)) return std::nullopt;
  return from_fields(year, month, day);
}

std::optional<Date> Date::from_fields(int year, int month, int day) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
}

int Date::days_in_month(int year, int month) {
  const std::chrono::year_month_day_last last{
      std::chrono::year{year},
      std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::string_view Date::month_name(int month) {
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  return kMonths[month - 1];
}

int Date::year() const {
  return static_cast<int>(std::chrono::year_month_day{days_}.year());
}

Date Date::parse_or_throw(std::string_view text, std::string_view field) {
  if (auto date = parse(text)) return *date;
  throw Error(ErrorCode::kInvalid, problem(text, field), std::string(field));
}

std::string Date::problem(std::string_view text, std::string_view field) {
  std::string quoted = "'";
  quoted.append(text.substr(0, 40)).push_back('\'');
  int year = 0, month = 0, day = 0;
  if (!read_fields(text, year, month, day)) {
    return std::string(field) + " must be a date written YYYY-MM-DD, not " + quoted;
  }
  if (year < 1900) return std::string(field) + " must be a date from 1900 on, not " + quoted;
  if (month < 1 || month > 12) {
    return std::string(field) + " must be a real date, not " + quoted +
           " (months go from 01 to 12)";
  }
  return std::string(field) + " must be a real date, not " + quoted + " (" +
         std::string(month_name(month)) + " " + std::to_string(year) + " has " +
         std::to_string(days_in_month(year, month)) + " days)";
}

std::string Date::plain_problem(std::string_view text, std::string_view label) {
  const std::string lead = std::string(label) + ": ";
  if (text.empty()) return lead + "enter a date, such as 2025-02-03";
  std::string quoted = "'";
  quoted.append(text.substr(0, 40)).push_back('\'');
  int year = 0, month = 0, day = 0;
  if (!read_fields(text, year, month, day)) {
    return lead + "write the date as year, month and day, such as 2025-02-03, not " + quoted;
  }
  if (year < 1900) return lead + "enter a date from 1900 on, not " + quoted;
  if (month < 1 || month > 12) return lead + quoted + " is not a date: months go from 01 to 12";
  if (day < 1) return lead + quoted + " is not a date: days start at 01";
  return lead + std::to_string(day) + " " + std::string(month_name(month)) + " " +
         std::to_string(year) + " is not a date: " + std::string(month_name(month)) + " " +
         std::to_string(year) + " has " + std::to_string(days_in_month(year, month)) + " days";
}

Date Date::today() {
  return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string Date::to_string() const {
  const std::chrono::year_month_day ymd{days_};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

Date Date::first_of_month() const {
  const std::chrono::year_month_day ymd{days_};
  return Date(std::chrono::sys_days{ymd.year() / ymd.month() / std::chrono::day{1}});
}

std::string long_date(Date date) {
  const std::chrono::year_month_day ymd{date.sys_days()};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(Date::month_name(static_cast<int>(static_cast<unsigned>(ymd.month())))) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace caretoolkit
