// A vacancy's advert particulars (town, postcode district, pay, hours, contract, closing date and
// how to apply): their stored form and the rules each one follows on every write, and the gaps
// that keep a vacancy from being published (vacancy_publishing.hpp).
//
// Problems name the record field ("postcode_district") and say in the words of the tracker page
// what is wrong and what to write instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "tracker/types.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

// Longest how-to-apply entries, in characters: a web address, a phone number, an email address
// (RFC 5321's limit on a path).
inline constexpr std::size_t kMaxApplyUrlLength = 2000;
inline constexpr std::size_t kMaxApplyPhoneLength = 40;
inline constexpr std::size_t kMaxApplyEmailLength = 254;
// The most hours a week a vacancy may give: more than any working week, to catch a slip.
inline constexpr double kMaxHoursPerWeek = 100;
// The weeks in a year, for an hourly equivalent of yearly pay: 52.
inline constexpr int kWeeksPerYear = 52;

// The stored form: the town and how-to-apply entries as names (normalise_text), the postcode
// district as normalise_postcode_district() makes it.
void normalise_particulars(Vacancy& vacancy);

// The rules every stored vacancy follows, whatever its status: lengths and forms, lowest pay not
// above the highest, the closing date not before the opening date, and an open vacancy having
// a live advert version and no date closed.
void check_particulars(const Vacancy& vacancy, Problems& problems);

// Whether `district` is the outward part of a UK postcode: A9, A99, A9A, AA9, AA99 or AA9A.
bool is_postcode_district(std::string_view district);
// A postcode district's stored form: capitals without spaces ("le10 " -> "LE10").
std::string normalise_postcode_district(std::string_view district);
// A stored postcode district is empty or a district; a full postcode is refused as pointing to
// one street or home. The problem names the field "postcode_district".
void check_postcode_district(std::string_view district, Problems& problems);

// The hourly minimum in force on a day: the row of the pay floor rule's table
// (rules/pay-and-hours.json) that applies to it. The rules module owns the table; the tracker
// only compares against the row it is given.
struct PayFloor {
  Date from;
  Pence hourly;
};

// The vacancy's lowest pay an hour: pay_min itself for hourly pay, and for yearly pay
// pay_min / (hours_per_week x 52), rounded down to whole pence. Empty without a lowest pay, and
// for yearly pay without hours a week.
std::optional<Pence> lowest_hourly_pay(const Vacancy& vacancy);

// What keeps the particulars from being published on `today`, one problem each: no pay, no town,
// no way to apply, no closing date or one already past, and lowest pay below `floor` (or yearly
// pay that cannot be compared with it, for want of the hours). `floor` empty: no rate is known
// for the day, so pay is not compared.
void check_publishable(const Vacancy& vacancy, Date today, std::optional<PayFloor> floor,
                       Problems& problems);

}  // namespace caretoolkit::tracker
