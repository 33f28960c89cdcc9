// Advert to outcome; see vacancy_outcomes.hpp.
#include "metrics/vacancy_outcomes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::metrics {

std::size_t score_band(int score) {
  for (std::size_t i = 0; i + 1 < kScoreBands.size(); ++i) {
    if (score <= kScoreBands[i].highest) return i;
  }
  return kScoreBands.size() - 1;
}

std::string category_scores_words(std::string_view json) {
  boost::system::error_code failed;
  const boost::json::value parsed = boost::json::parse(json, failed);
  if (failed || !parsed.is_object()) return std::string(json);
  std::string words;
  for (const auto& [name, score] : parsed.as_object()) {
    if (!words.empty()) words += ", ";
    words += std::string(name) + " " + boost::json::serialize(score);
  }
  return words;
}

AdvertOutcome& AdvertOutcome::operator+=(const AdvertOutcome& other) {
  views += other.views;
  apply_clicks += other.apply_clicks;
  from_vacancy_page += other.from_vacancy_page;
  days_open += other.days_open;
  counts += other.counts;
  return *this;
}

namespace {

// The days `version` was live within the period and up to the as-of date, both ends included.
std::int64_t days_open(const tracker::AdvertVersionRow& version, const ReportOptions& options) {
  const Date as_of = options.effective_as_of();
  const Date first = std::max(version.live_from, options.from);
  const Date last = std::min({version.live_to.value_or(as_of), options.to, as_of});
  return last < first ? 0 : days_between(first, last) + 1;
}

// The id of the provider's vacancy page source, when it has one.
std::optional<tracker::Id> vacancy_page_source(const TrackerData& data) {
  for (const tracker::Source& source : data.sources) {
    if (source.name == tracker::kVacancyPageSource) return source.id;
  }
  return std::nullopt;
}

// One vacancy's versions as they are gathered: the rows of its versions and the day of its first
// start by the as-of date.
struct VacancyRun {
  std::span<VersionOutcome> versions;
  std::optional<Date> first_start;
};

// A row per advert version, the vacancy's role beside it.
std::vector<VersionOutcome> version_rows(const TrackerData& data, const AdvertData& adverts,
                                         const ReportOptions& options) {
  std::unordered_map<tracker::Id, std::string_view> roles;
  for (const tracker::Vacancy& vacancy : data.vacancies) roles.emplace(vacancy.id, vacancy.role);
  std::vector<VersionOutcome> rows;
  rows.reserve(adverts.versions.size());
  for (const tracker::AdvertVersionRow& v : adverts.versions) {
    VersionOutcome& row = rows.emplace_back();
    row.vacancy_id = v.vacancy_id;
    if (const auto role = roles.find(v.vacancy_id); role != roles.end()) row.role = role->second;
    row.version = v.version;
    row.score = v.score;
    row.category_scores = v.category_scores;
    row.rules_version = v.rules_version;
    row.live_from = v.live_from;
    row.live_to = v.live_to;
    row.outcome.days_open = days_open(v, options);
  }
  return rows;
}

// Each vacancy's run of `rows` (which are by vacancy, then version).
std::unordered_map<tracker::Id, VacancyRun> runs_of(std::vector<VersionOutcome>& rows) {
  std::unordered_map<tracker::Id, VacancyRun> runs;
  for (std::size_t first = 0; first < rows.size();) {
    std::size_t last = first;
    while (last < rows.size() && rows[last].vacancy_id == rows[first].vacancy_id) ++last;
    runs[rows[first].vacancy_id].versions = std::span(rows).subspan(first, last - first);
    first = last;
  }
  return runs;
}

// Counts each applicant of a vacancy with versions: its first start for the vacancy, and, for the
// period's applicants, their stages for the version live on the day they applied.
void attribute_applicants(const TrackerData& data, const ReportOptions& options,
                          std::unordered_map<tracker::Id, VacancyRun>& runs) {
  const Date as_of = options.effective_as_of();
  const std::optional<tracker::Id> page = vacancy_page_source(data);
  for (const tracker::Applicant& applicant : data.applicants) {
    if (!applicant.vacancy_id) continue;
    const auto run = runs.find(*applicant.vacancy_id);
    if (run == runs.end()) continue;
    const Journey journey = journey_as_of(applicant, as_of);
    if (journey.started_on &&
        (!run->second.first_start || *journey.started_on < *run->second.first_start)) {
      run->second.first_start = journey.started_on;
    }
    if (!options.in_period(applicant.applied_on)) continue;
    const auto live = tracker::version_live_on(run->second.versions, applicant.applied_on);
    if (live == run->second.versions.end()) continue;  // before the first version went live
    live->outcome.counts.add(journey, as_of);
    if (page && applicant.source_id == *page) ++live->outcome.from_vacancy_page;
  }
}

// Adds the period's views and clicks to their versions.
void add_page_counts(const AdvertData& adverts, const ReportOptions& options,
                     std::unordered_map<tracker::Id, VacancyRun>& runs) {
  const Date as_of = options.effective_as_of();
  for (const tracker::VacancyDayCount& day : adverts.counts) {
    if (!options.in_period(day.day) || as_of < day.day) continue;
    const auto run = runs.find(day.vacancy_id);
    if (run == runs.end()) continue;
    for (VersionOutcome& version : run->second.versions) {
      if (version.version != day.version) continue;
      version.outcome.views += day.views;
      version.outcome.apply_clicks += day.apply_clicks;
    }
  }
}

// Whether the version belongs in the report: live on a day of the period by the as-of date, or
// bringing something counted in it.
bool in_report(const VersionOutcome& row) {
  const AdvertOutcome& o = row.outcome;
  return o.days_open > 0 || o.views > 0 || o.apply_clicks > 0 || o.counts.applicants > 0;
}

// Starters retained at each mark per 100 applicants: no value without applicants, and not known
// yet where starters were recorded but none is old enough to judge.
std::array<Amount, 3> retained_per_100(const CohortCounts& counts) {
  std::array<Amount, 3> per_100{};
  for (std::size_t i = 0; i < per_100.size(); ++i) {
    if (counts.applicants == 0) {
      per_100[i] = Amount::none(Reason::kNoApplicants);
    } else if (counts.started > 0 && counts.eligible[i] == 0) {
      per_100[i] = Amount::none(Reason::kTooEarly);
    } else {
      per_100[i] = Amount::of(100.0 * static_cast<double>(counts.retained[i]) /
                              static_cast<double>(counts.applicants));
    }
  }
  return per_100;
}

Amount applicants_per_week(const AdvertOutcome& outcome) {
  if (outcome.days_open == 0) return Amount::none(Reason::kNoApplicants);
  return Amount::of(7.0 * static_cast<double>(outcome.counts.applicants) /
                    static_cast<double>(outcome.days_open));
}

}  // namespace

VacancyOutcomes vacancy_outcomes(const TrackerData& data, const AdvertData& adverts,
                                 const ReportOptions& asked) {
  VacancyOutcomes report;
  report.options = resolve(asked);
  std::vector<VersionOutcome> rows = version_rows(data, adverts, report.options);
  auto runs = runs_of(rows);
  attribute_applicants(data, report.options, runs);
  add_page_counts(adverts, report.options, runs);

  std::unordered_map<tracker::Id, Date> opened;
  for (const tracker::Vacancy& vacancy : data.vacancies)
    opened.emplace(vacancy.id, vacancy.opened_on);
  for (std::size_t b = 0; b < report.bands.size(); ++b) report.bands[b].band = b;
  for (VersionOutcome& row : rows) {
    if (!in_report(row)) continue;
    const VacancyRun& run = runs.at(row.vacancy_id);
    const auto opened_on = opened.find(row.vacancy_id);
    row.days_to_fill = run.first_start && opened_on != opened.end()
                           ? Amount::of(static_cast<double>(std::max<std::int64_t>(
                                 0, days_between(opened_on->second, *run.first_start))))
                           : Amount::none(Reason::kNoHires);
    row.retention = retention_at(row.outcome.counts);
    row.applicants_per_week = applicants_per_week(row.outcome);
    row.retained_per_100 = retained_per_100(row.outcome.counts);
    BandOutcome& band = report.bands[score_band(row.score)];
    ++band.versions;
    band.outcome += row.outcome;
    report.versions.push_back(std::move(row));
  }
  for (BandOutcome& band : report.bands) {
    band.retention = retention_at(band.outcome.counts);
    band.applicants_per_week = applicants_per_week(band.outcome);
    band.retained_per_100 = retained_per_100(band.outcome.counts);
  }
  return report;
}

TeamVacancyBands team_vacancy_bands(std::span<const VacancyOutcomes> members,
                                    const ReportOptions& options) {
  TeamVacancyBands team;
  team.options = resolve(options);
  team.providers = static_cast<std::int64_t>(members.size());
  for (std::size_t b = 0; b < team.bands.size(); ++b) {
    std::int64_t providers = 0;
    AdvertOutcome pooled;
    for (const VacancyOutcomes& member : members) {
      const BandOutcome& own = member.bands[b];
      if (own.versions == 0) continue;
      ++providers;
      pooled += own.outcome;
    }
    const CohortCounts& c = pooled.counts;
    TeamBandOutcome& band = team.bands[b];
    band.band = b;
    band.views = count_figure(pooled.views, providers);
    band.apply_clicks = count_figure(pooled.apply_clicks, providers);
    band.applicants = count_figure(c.applicants, providers);
    band.from_vacancy_page = count_figure(pooled.from_vacancy_page, providers);
    band.interviewed = count_figure(c.interviewed, providers);
    band.offered = count_figure(c.offered, providers);
    band.started = count_figure(c.started, providers);
    band.applicants_per_week = withheld_or(applicants_per_week(pooled), providers);
    const auto per_100 = retained_per_100(c);
    for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
      band.retention[i] = rate_figure(c.retained[i], c.eligible[i], providers,
                                      c.started == 0 ? Reason::kNoHires : Reason::kTooEarly);
      band.retained_per_100[i] = withheld_or(per_100[i], providers);
    }
  }
  return team;
}

}  // namespace caretoolkit::metrics
