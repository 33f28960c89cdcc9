// The cohort of a report (the applicants whose application date lies in the period), each seen as
// its record stood at the end of the as-of date, and the counts every report sums over it in one
// pass: the funnel's stages and drop-outs, and retention at 91, 182 and 365 days.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "metrics/grouping.hpp"
#include "metrics/period.hpp"

namespace caretoolkit::metrics {

// Retention is judged at 3, 6 and 12 months, counted as these whole days.
inline constexpr std::array<std::int64_t, 3> kRetentionDays = {91, 182, 365};
// An early leaver left within this many days of starting.
inline constexpr std::int64_t kEarlyLeaverDays = 90;

// One applicant as the record stood at the end of the as-of date: a stage dated later is not yet
// reached. The outcome has no date of its own, so it is taken as recorded.
struct Journey {
  Date applied_on;
  std::optional<Date> interviewed_on;
  std::optional<Date> offered_on;
  std::optional<Date> started_on;
  std::optional<Date> left_on;
  tracker::Outcome outcome = tracker::Outcome::kNone;

  // For a starter: days in post until leaving, or until the as-of date if still in post.
  std::int64_t days_in_post(Date as_of) const {
    return days_between(*started_on, left_on ? *left_on : as_of);
  }
};

// Throws Error(kInvalid), naming the applicant and the field, when the record breaks the
// tracker's rules: dates out of order (applied <= interviewed <= offered <= started <= left), a
// start without an offer, a leaving date without a start, or an outcome for someone who started.
// The store refuses such records; the check keeps a negative time out of every figure.
Journey journey_as_of(const tracker::Applicant& applicant, Date as_of);

// Retention's rule for one starter at one mark (91, 182 or 365 days): judged (eligible) once
// started at least `days` before the as-of date, and retained when, so judged, still in post
// `days` after starting (no leaving date, or one at least `days` after the start).
struct RetentionJudgement {
  bool eligible = false;
  bool retained = false;
};
RetentionJudgement judge_retention(Date started_on, std::optional<Date> left_on, Date as_of,
                                   std::int64_t days);

struct DropOuts {
  std::int64_t withdrawn = 0;
  std::int64_t rejected = 0;
  friend bool operator==(const DropOuts&, const DropOuts&) = default;
};

// Where an applicant who did not start dropped out: the last stage reached.
enum class DropStage : std::uint8_t { kApplied, kInterviewed, kOffered };

struct CohortCounts {
  std::int64_t applicants = 0;
  std::int64_t interviewed = 0;
  std::int64_t offered = 0;
  std::int64_t started = 0;
  std::int64_t in_progress = 0;       // neither started nor withdrawn nor rejected (yet)
  std::array<DropOuts, 3> dropped{};  // indexed by DropStage
  std::int64_t leavers = 0;           // starters who have left
  std::int64_t early_leavers = 0;     // left within kEarlyLeaverDays of starting
  // Per kRetentionDays: starters in post long enough before the as-of date to be judged, and of
  // those, the ones still in post at that many days.
  std::array<std::int64_t, 3> eligible{};
  std::array<std::int64_t, 3> retained{};

  void add(const Journey& journey, Date as_of);
  CohortCounts& operator+=(const CohortCounts& other);
};

// Calls visit(journey, group) for each applicant of the cohort, in the order of the data.
template <class Visit>
void for_each_in_cohort(const TrackerData& data, const ReportOptions& options,
                        const GroupIndex& groups, Visit&& visit) {
  const Date as_of = options.effective_as_of();
  for (const tracker::Applicant& applicant : data.applicants) {
    if (!options.in_period(applicant.applied_on)) continue;
    visit(journey_as_of(applicant, as_of), groups.group_of(applicant));
  }
}

}  // namespace caretoolkit::metrics
