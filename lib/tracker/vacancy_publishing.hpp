// Publishing vacancies: a vacancy's status (draft, open, closed), the versions of its advert, the
// public listing, and the counts of page views and apply clicks.
//
// A vacancy opens only by passing the checks for publishing: its particulars
// (vacancy_particulars.hpp: pay, town, how to apply, a closing date, pay at or above the National
// Living Wage on the day) and the advert checker's essentials, which the caller's AdvertJudge
// reports. On opening, the advert text becomes a new advert version with its score, category
// scores and the rules version; editing the advert of an open vacancy checks it again and starts
// the next version; the live version ends when the vacancy closes, by hand or by itself once its
// closing date has passed (close_expired). A refusal is Error(kInvalid) with one item per gap and
// nothing changes.
//
// Adverts that ran before they were recorded here: a write that starts a version may give the
// day it went live (Vacancy::advert_live_from) instead of today. That day may not be after today,
// before the vacancy opened, or before the latest version went live or stopped running, so the
// versions are recorded in the order they ran; the version before it ends on that day. The advert
// is checked as of that day (its score then, pay against the National Living Wage of then), the
// particulars as of today, as the vacancy is open from now on. A write that starts no version may
// not give the day. The first version's day is the vacancy's published_on.
//
// Views and clicks are counted per vacancy, advert version and day, and nothing else is kept: no
// address, browser, cookie or time. An applicant is attributed to the version live on the day
// they applied (the last of that day's when there were several).
//
// Tenancy: the provider-scoped members see only that provider's vacancies (another's id is
// Error(kNotFound)). The public members read any provider's open vacancies and never drafts.
//
// Thread safety: as the Store.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tracker/store.hpp"
#include "tracker/vacancy_particulars.hpp"

namespace caretoolkit::tracker {

// The built-in source of applicants who came from a vacancy's public page; its channel is
// own_website. Each provider gets it when it first publishes a vacancy.
inline constexpr std::string_view kVacancyPageSource = "Toolkit vacancy page";

// What the advert checker made of a vacancy's advert text.
struct AdvertAssessment {
  int score = 0;                // 0 to 100
  std::string category_scores;  // a JSON object: {"engaging": 72, "essentials": 90, ...}
  std::string rules_version;    // what the advert was checked against
  Problems gaps;  // the checker's essentials the advert lacks, field "advert_text", in plain words
};

// How publishing judges an advert: the checker's verdict on the text for a day, and the National
// Living Wage row in force on a day (empty when none is known). Both must be thread-safe.
struct AdvertJudge {
  std::function<AdvertAssessment(const Vacancy& vacancy, Date day)> assess;
  std::function<std::optional<PayFloor>(Date day)> pay_floor;
};

// One version of a vacancy's advert, and what it brought while it was live.
struct AdvertVersion {
  int version = 0;
  std::string advert_text;
  int score = 0;
  std::string category_scores;  // JSON object
  std::string rules_version;
  Date live_from;
  std::optional<Date> live_to;  // empty while live
  std::int64_t views = 0;
  std::int64_t apply_clicks = 0;
  std::int64_t applicants = 0;         // the vacancy's applicants who applied while it was live
  std::int64_t from_vacancy_page = 0;  // those of them whose source is kVacancyPageSource
};

// Views and clicks of one advert version on one day.
struct DailyCounts {
  int version = 0;
  Date day;
  std::int64_t views = 0;
  std::int64_t apply_clicks = 0;
};

// An open vacancy as the public pages show it.
struct PublicVacancy {
  Vacancy vacancy;
  std::string provider_name;
  std::optional<ServiceType> service_type;
  std::string service_name;
};

struct PublicVacancyFilter {
  std::optional<ServiceType> service_type;
  std::optional<std::string> town;  // compared as names are: case and spacing ignored
  std::optional<Id> provider;       // one provider's only
  std::size_t limit = 100;
  std::size_t offset = 0;
};

enum class PageEvent : std::uint8_t { kView, kApplyClick };

// The vacancies as records (resources.hpp), for the API and the command line: written through
// publishing, and read once the vacancies past their closing date have been closed.
class VacancyPublishing final : public VacancyRecords {
 public:
  // `store` must outlive this.
  VacancyPublishing(Store& store, AdvertJudge judge);

  // Create and update as the Store's, with the status rules above: a status of open publishes
  // (checked), closed closes, and draft is refused for a vacancy that was ever opened. The
  // server's fields (published_on, live_version) cannot be written; advert_score can only while
  // the vacancy is a draft.
  Vacancy create(Id provider, Vacancy vacancy) override;
  Vacancy update(Id provider, Id id, const Edit<Vacancy>& edit) override;
  // Get and list as the Store's, after close_expired_daily().
  Vacancy get(Id provider, Id id) const override;
  Page<Vacancy> list(Id provider, const VacancyFilter& filter = {},
                     const PageRequest& page = {}) const override;
  void remove(Id provider, Id id) override;
  Vacancy publish(Id provider, Id id);
  Vacancy close(Id provider, Id id);

  // The checks for publishing the vacancy as it is, without changing it: every gap, or none.
  Problems publishing_gaps(Id provider, Id id) const;

  // The vacancy's advert versions, oldest first, with what each brought.
  std::vector<AdvertVersion> versions(Id provider, Id id) const;
  std::vector<DailyCounts> daily_counts(Id provider, Id id) const;

  // Closes every open vacancy whose closing date is before today, as of the day after it; returns
  // how many. close_expired_daily() does it at most once a day per process.
  std::size_t close_expired() const;
  void close_expired_daily() const;

  // Whether the provider's open vacancies are listed on the public pages (false until chosen).
  bool listed(Id provider) const;
  void set_listed(Id provider, bool listed);

  // Open vacancies of the providers who chose to be listed, the most recently published first
  // (then the highest id), whose closing date has not passed.
  std::vector<PublicVacancy> list_public(const PublicVacancyFilter& filter) const;
  // The vacancy for its public page, whatever its provider's listing: nullopt for a draft or an
  // unknown id. A vacancy past its closing date reads as closed.
  std::optional<PublicVacancy> find_public(Id id) const;

  // Counts a view of the page or a click on its apply link, for the live version today; false
  // (nothing counted) when the vacancy is not open.
  bool count(Id vacancy, PageEvent event);

 private:
  Store& store_;
  AdvertJudge judge_;
  mutable std::atomic<std::int64_t> swept_day_{-1};
};

}  // namespace caretoolkit::tracker
