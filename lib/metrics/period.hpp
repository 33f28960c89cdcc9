// What every report is asked for (a period, an as-of date, a grouping, the replacement cost) and
// the data it is computed over (one provider's rows, as spans the caller owns).
//
// The metrics are pure functions of these two values: no store, no clock, no global state, so any
// report may run on any thread at the same time as others.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::metrics {

enum class Grouping : std::uint8_t { kNone, kSource, kChannel, kService, kVacancy, kMonth };

// "none", "source", "channel", "service", "vacancy", "month".
std::string_view to_string(Grouping by);
// The names above, exactly; nullopt for anything else.
std::optional<Grouping> parse_grouping(std::string_view text);

// Skills for Care's estimate of the average cost per hire of a care worker, about £3,600
// ("Unfair to Care 2024", section 6). JRF's 2024 figure of £7,870.38 per retained worker is the
// documented alternative.
inline constexpr Pence kDefaultReplacementCost{360'000};
// Grouping by month lists every month of the period, so the period is bounded to keep a report
// small whatever a caller asks for.
inline constexpr int kMaxMonthGroups = 120;

struct ReportOptions {
  Date from;  // first day of the period, inclusive
  Date to;    // last day of the period, inclusive
  // The day the data is seen as it stood at the end of; when empty, `to`, or `today` if that is
  // earlier. Stage dates after it are treated as not yet reached, so a report with a given as-of
  // date never changes as later events are recorded.
  std::optional<Date> as_of;
  Grouping by = Grouping::kNone;
  Pence replacement_cost = kDefaultReplacementCost;  // the benefit of one 12-month stayer
  // The day the report is run on, from the caller's one clock (the store's StoreOptions::today,
  // which tests fix). When set, as_of may not be after it, since nobody can be counted as staying
  // for time that has not passed. Empty for reports over fixed data, whose as_of is not bounded.
  std::optional<Date> today = std::nullopt;

  Date effective_as_of() const {
    if (as_of) return *as_of;
    return today && *today < to ? *today : to;
  }
  bool in_period(Date day) const { return from <= day && day <= to; }
};

// The month a day falls in as a running count (year * 12 + month - 1), so that subtracting two
// gives the number of months between them: grouping by month keys on it.
int month_index(Date day);

// Throws Error(kInvalid) naming the field ("from", "to", "as_of", "by", "replacement_cost") when
// to is before from, as_of is after today, as_of is before to (a cohort is judged only once its
// period is over; a period that ends after today is judged as it stands today), the replacement
// cost is not positive or is over kMaxAmount, or a month grouping spans more than kMaxMonthGroups
// months.
void validate(const ReportOptions& options);
// validate(), then the options with as_of filled in: what every report starts from and echoes.
ReportOptions resolve(const ReportOptions& options);

// One provider's rows. The spans are borrowed: the caller keeps the rows alive for the duration of
// the call, and no report keeps a reference after it returns. Applicants must name sources present
// in `sources`, and services and vacancies present in theirs (or none); the reports throw
// Error(kInvalid) otherwise, as they do for an applicant whose dates are out of order.
struct TrackerData {
  std::span<const tracker::Applicant> applicants;
  std::span<const tracker::Source> sources;
  std::span<const tracker::Service> services;
  std::span<const tracker::Vacancy> vacancies;
  std::span<const tracker::SpendEntry> spend;
  std::span<const tracker::HeadcountSnapshot> headcounts;
};

}  // namespace caretoolkit::metrics
