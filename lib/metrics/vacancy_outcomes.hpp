// Advert to outcome: what each version of each vacancy's advert brought (views, apply clicks,
// applicants, and how far they got), the same by advert score band, and the bands across the
// team's members.
//
// Attribution: a view or click counts for the version it was counted under; an applicant of a
// vacancy counts for the version live on the day they applied (tracker::version_live_on). Only
// the period's days count: views and clicks counted on them, applicants who applied on them (the
// cohort), and each version's days open within the period and up to the as-of date. Retention
// follows the retention report's rule (judge_retention): a starter is judged at a mark only once
// started that many days before the as-of date.
//
// These figures show association, not cause: a better advert may run at a better time, for a
// better-paid post, or beside other changes, and a vacancy has few applicants. kAdvertOutcomeLimits
// says so in words every form shows.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/cohort.hpp"
#include "metrics/figure.hpp"
#include "metrics/period.hpp"
#include "metrics/retention.hpp"
#include "metrics/team_pool.hpp"

namespace caretoolkit::metrics {

// A band of advert scores, both ends included.
struct ScoreBand {
  int lowest = 0;
  int highest = 0;
  std::string_view code;   // for machines: "under_50"
  std::string_view words;  // for people: "under 50"
};

inline constexpr std::array<ScoreBand, 4> kScoreBands = {{
    {0, 49, "under_50", "under 50"},
    {50, 69, "50_to_69", "50 to 69"},
    {70, 84, "70_to_84", "70 to 84"},
    {85, 100, "85_and_over", "85 and over"},
}};

// The index in kScoreBands of the band holding `score` (0 to 100; below 0 is the first band,
// above 100 the last).
std::size_t score_band(int score);

// The category scores of an advert version ({"engaging": 72, "essentials": 90}) as people read
// them: "engaging 72, essentials 90"; the text as it is when it is not such an object.
std::string category_scores_words(std::string_view json);

// What the page and every form say about what these figures can and cannot show.
inline constexpr std::string_view kAdvertOutcomeLimits =
    "These figures show association, not proof: adverts that score better may also have run at "
    "a better time, for better-paid posts or beside other changes, so they cannot show that the "
    "advert caused the difference. Each vacancy has few applicants and starters, so one person "
    "more or less moves a figure a long way; read small numbers as a hint, not a finding.";

// What one advert version (or a band of them) brought within the period.
struct AdvertOutcome {
  std::int64_t views = 0;
  std::int64_t apply_clicks = 0;
  std::int64_t from_vacancy_page = 0;  // applicants whose source is the vacancy page
  std::int64_t days_open = 0;          // days live within the period, up to the as-of date
  CohortCounts counts;                 // the applicants attributed, their stages and retention

  AdvertOutcome& operator+=(const AdvertOutcome& other);
};

struct VersionOutcome {
  tracker::Id vacancy_id = 0;
  std::string role;
  int version = 0;
  int score = 0;
  std::string category_scores;  // JSON object, as the checker gave it
  std::string rules_version;
  Date live_from;
  std::optional<Date> live_to;
  AdvertOutcome outcome;
  std::array<RetentionAt, 3> retention{};
  Amount applicants_per_week;                // as BandOutcome's
  std::array<Amount, 3> retained_per_100{};  // as BandOutcome's
  // The vacancy's: from the day it opened to its first starter's start, by the as-of date;
  // kNoHires while nobody has started.
  Amount days_to_fill;
};

struct BandOutcome {
  std::size_t band = 0;       // index in kScoreBands
  std::int64_t versions = 0;  // advert versions in the band live within the period
  AdvertOutcome outcome;
  std::array<RetentionAt, 3> retention{};
  Amount applicants_per_week;  // applicants / (days open / 7); kNoApplicants with no days open
  // Per kRetentionDays: starters retained at that mark per 100 applicants; kNoApplicants with none.
  std::array<Amount, 3> retained_per_100{};
};

struct VacancyOutcomes {
  ReportOptions options;                 // as asked, with as_of filled in; the grouping is not used
  std::vector<VersionOutcome> versions;  // by vacancy id, then version
  std::array<BandOutcome, kScoreBands.size()> bands{};
};

// One provider's adverts: its vacancies, sources and applicants in `data`, and its advert versions
// and daily counts. Throws Error(kInvalid) for invalid options or an applicant whose dates break
// the tracker's rules.
struct AdvertData {
  std::span<const tracker::AdvertVersionRow> versions;  // by vacancy, then version
  std::span<const tracker::VacancyDayCount> counts;
};
VacancyOutcomes vacancy_outcomes(const TrackerData& data, const AdvertData& adverts,
                                 const ReportOptions& options);

struct TeamBandOutcome {
  std::size_t band = 0;
  TeamFigure<std::int64_t> views, apply_clicks, applicants, from_vacancy_page, interviewed, offered,
      started;
  TeamFigure<double> applicants_per_week;
  std::array<TeamFigure<double>, 3> retention{};  // retained / eligible
  std::array<TeamFigure<double>, 3> retained_per_100{};
};

struct TeamVacancyBands {
  ReportOptions options;
  std::int64_t providers = 0;  // members given
  std::array<TeamBandOutcome, kScoreBands.size()> bands{};
};

// The bands pooled over the members' own bands (each element one member's vacancy_outcomes):
// every figure of a band stands on the members with an advert version in it, and is withheld
// where that is 1 or 2 (team_pool.hpp).
TeamVacancyBands team_vacancy_bands(std::span<const VacancyOutcomes> members,
                                    const ReportOptions& options);

}  // namespace caretoolkit::metrics
