// Calendar days as a type. The tracker stores and compares days, never times of day, so a Date is a
// count of days since 1970-01-01 with ISO 8601 (YYYY-MM-DD) as its only text form.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caretoolkit {

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}

  // Parses exactly "YYYY-MM-DD" (a real calendar day, years 1900 to 9999). Returns nullopt for
  // anything else: "2025-2-1", "2025-02-30", "2025-02-01T10:00", " 2025-02-01".
  static std::optional<Date> parse(std::string_view text);
  // As parse(), but throws Error(kInvalid) with problem()'s message.
  static Date parse_or_throw(std::string_view text, std::string_view field);
  // Why parse() refuses `text`, for a message about `field`: a day the month does not have
  // ("February 2025 has 28 days"), a month past 12, a year before 1900, or another form.
  static std::string problem(std::string_view text, std::string_view field);
  // The same in words for a person filling in the field labelled `label`, saying what to do:
  // "Date applied: 31 February 2025 is not a date: February 2025 has 28 days", "Date applied:
  // enter a date, such as 2025-02-03" for empty text.
  static std::string plain_problem(std::string_view text, std::string_view label);
  // Today in UTC.
  static Date today();

  // The calendar day with these numbers, or nullopt when there is none (a 13th month, 30
  // February) or its year is outside 1900 to 9999: what parse() accepts, for readers of other
  // written forms.
  static std::optional<Date> from_fields(int year, int month, int day);
  // The days of a month (1 to 12) in a year: 28 to 31.
  static int days_in_month(int year, int month);
  // "January" .. "December" for 1 .. 12.
  static std::string_view month_name(int month);
  int year() const;  // the calendar year of this day

  std::string to_string() const;  // "YYYY-MM-DD"
  constexpr std::chrono::sys_days sys_days() const { return days_; }
  constexpr std::int64_t days_since_epoch() const { return days_.time_since_epoch().count(); }

  constexpr Date plus_days(std::int64_t days) const {
    return Date(days_ + std::chrono::days(days));
  }
  // Whole calendar days from `from` to `to` (negative when `to` is earlier).
  friend constexpr std::int64_t days_between(Date from, Date to) {
    return (to.days_ - from.days_).count();
  }
  // The first day of this date's month, for grouping by month.
  Date first_of_month() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 false positive (llvm-project#53961)
  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr bool operator==(Date, Date) = default;

 private:
  std::chrono::sys_days days_{};
};

// "1 April 2026": a day as people write it, for messages and pages.
std::string long_date(Date date);

}  // namespace caretoolkit
