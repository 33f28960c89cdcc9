// The team's impact on its members' workforce: turnover, vacancy rate and retention at 6 months of
// the member providers before and after they joined the scheme, and the same figures per calendar
// quarter. Pooled and withheld as every team figure is (team_pool.hpp); no provider is named.
//
// A provider counts only once the day it joined the scheme is recorded (Provider::joined_on);
// those without one are left out of every figure here and counted apart.
//
// Before and after joining, for each provider with a joining day on or before the as-of day:
//   - before: the year before joining (the 365 days ending the day before it). Turnover and
//     vacancy rate come from its latest headcount dated in that year (whose turnover counts the
//     leavers of the year to that headcount); retention from the starters who started in it.
//   - after: since joining, up to the as-of day. Turnover and vacancy rate come from its latest
//     headcount dated at least a year after joining, so that the year of leavers the turnover
//     counts lies wholly in its membership; retention from the starters who started on or after
//     the joining day.
//   Each figure pools only the providers that have it both before and after, so the two sides of
//   a figure are the same providers and a change is not a change of who is counted.
// Retention at 6 months follows the retention report's rule (judge_retention at 182 days): a
// starter counts once in post, or observed, 182 days by the as-of day.
//
// By quarter: the kTrendQuarters calendar quarters ending with the as-of day's (cut off at the
// as-of day), each over the providers that had joined by its last day: turnover and vacancy rate
// from each one's latest headcount dated in the quarter, retention of the starters who started in
// the quarter.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metrics/period.hpp"
#include "metrics/team_pool.hpp"

namespace caretoolkit::metrics {

// The year before joining, and how long after joining a headcount must be to count as after.
inline constexpr std::int64_t kImpactWindowDays = 365;
// The quarters the trend shows, the as-of day's and the ones before it.
inline constexpr int kTrendQuarters = 8;
// The retention mark the impact is judged at: 6 months.
inline constexpr std::int64_t kImpactRetentionDays = 182;

struct ImpactFigures {
  TeamFigure<double> turnover;      // pooled leavers / staff
  TeamFigure<double> vacancy_rate;  // pooled vacancies / (staff + vacancies)
  TeamFigure<double> retention;     // at 182 days: pooled retained / judged starters
};

struct ImpactQuarter {
  int year = 0;
  int quarter = 0;           // 1 to 4
  Date first;                // the quarter's first day
  Date last;                 // its last day, or the as-of day in the as-of day's quarter
  std::int64_t members = 0;  // providers that had joined by `last`
  ImpactFigures figures;

  std::string key() const;    // "2026-Q1"
  std::string label() const;  // "2026 Q1"
};

struct TeamImpact {
  Date as_of;
  std::int64_t providers = 0;            // member providers given
  std::int64_t without_joined_date = 0;  // left out: no joining day recorded
  std::int64_t joined_after_as_of = 0;   // left out of before and after: joined after as_of
  ImpactFigures before;
  ImpactFigures after;
  std::vector<ImpactQuarter> quarters;  // oldest first
};

// One member provider: its joining day and its rows (applicants are not read; see Starters).
struct ImpactMember {
  std::optional<Date> joined_on;
  TrackerData data;
};

// The starters of every provider as the store reads them, kept as the days the impact needs.
// Not thread-safe: a reader on several threads keeps one per thread and merges them at the end.
class ImpactStarters {
 public:
  explicit ImpactStarters(Date as_of);

  // Keeps an applicant who started by the as-of day (others are passed over). Throws
  // Error(kInvalid) for a record that breaks the tracker's rules (see journey_as_of).
  void add(const tracker::Applicant& applicant);
  void merge(const ImpactStarters& other);

  struct Starter {
    Date started_on;
    std::optional<Date> left_on;
  };
  // The provider's starters, in no set order; empty when it has none.
  std::span<const Starter> of(tracker::Id provider) const;

 private:
  Date as_of_;
  std::unordered_map<tracker::Id, std::vector<Starter>> starters_;
};

// What each part of the impact covers, in the words the reports and the team page print.
struct ImpactWords {
  std::string_view before;    // the year before joining
  std::string_view after;     // since joining
  std::string_view matched;   // each figure over the same providers on both sides
  std::string_view quarters;  // the trend
};
const ImpactWords& impact_words();

// `members[i]` is provider `ids[i]`, whose starters `starters` holds. Throws Error(kInvalid) for a
// headcount that names a service its provider does not hold.
TeamImpact team_impact(std::span<const ImpactMember> members, std::span<const tracker::Id> ids,
                       const ImpactStarters& starters, Date as_of);

// As above, with each member's starters read from its own data.applicants.
TeamImpact team_impact(std::span<const ImpactMember> members, Date as_of);

}  // namespace caretoolkit::metrics
