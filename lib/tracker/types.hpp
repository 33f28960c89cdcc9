// The tracker's domain types: what a provider records about its recruitment. Shared by the store
// (lib/tracker), the metrics (lib/metrics, pure functions over these values) and the API.
//
// Every entity belongs to one provider. Ids are SQLite row ids, unique across providers; a lookup
// is always scoped by provider so that another provider's id behaves as an id that does not exist.
// No type here holds an applicant's name or contact details: a provider-chosen reference is enough.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"

namespace caretoolkit::tracker {

using Id = std::int64_t;

enum class ServiceType : std::uint8_t {
  kHomeCare,
  kResidential,
  kNursing,
  kSupportedLiving,
  kDayServices,
  kOther,
};

enum class Channel : std::uint8_t {
  kJobBoard,
  kSocialMedia,
  kStaffReferral,
  kJobcentrePlus,
  kCareersEvent,
  kOwnWebsite,
  kAgency,
  kOther,
};

// How an unsuccessful applicant's journey ended; kNone while in progress or once started.
enum class Outcome : std::uint8_t { kNone, kWithdrawn, kRejected };

// The stages an applicant's dated events record.
enum class Stage : std::uint8_t {
  kApplied,
  kInterviewed,
  kOffered,
  kStarted,
  kLeft,
  kWithdrawn,
  kRejected,
};

// Where a vacancy's advert stands: a draft only its provider sees, open (published on the public
// vacancy page) or closed.
enum class VacancyStatus : std::uint8_t { kDraft, kOpen, kClosed };

// What the pay figures of a vacancy are per.
enum class PayPeriod : std::uint8_t { kHour, kYear };

// The kind of contract a vacancy offers; bank staff work shifts as they are offered.
enum class EmploymentType : std::uint8_t { kFullTime, kPartTime, kTemporary, kBank };

// Canonical names ("home_care", "job_board", "withdrawn", "interviewed").
std::string_view to_string(ServiceType type);
std::string_view to_string(Channel channel);
std::string_view to_string(Outcome outcome);
std::string_view to_string(Stage stage);
std::string_view to_string(VacancyStatus status);  // "draft", "open", "closed"
std::string_view to_string(PayPeriod period);      // "hour", "year"
std::string_view to_string(EmploymentType type);   // "full_time", "part_time", ...

// Parsing accepts the canonical name or the label a person types, in any case and with spaces or
// hyphens for underscores: "home_care", "Home care", "home-care"; "Jobcentre Plus", "job board".
// nullopt for anything else.
std::optional<ServiceType> parse_service_type(std::string_view text);
std::optional<Channel> parse_channel(std::string_view text);
std::optional<Outcome> parse_outcome(std::string_view text);  // "" -> kNone
std::optional<Stage> parse_stage(std::string_view text);
std::optional<VacancyStatus> parse_vacancy_status(std::string_view text);
std::optional<PayPeriod> parse_pay_period(std::string_view text);
std::optional<EmploymentType> parse_employment_type(std::string_view text);

// Every canonical name in order, for messages and help that list the choices:
// "job_board, social_media, ..., agency, other" and "home_care, residential, ..., other".
std::string_view channel_names();
std::string_view service_type_names();
// "withdrawn, rejected (or empty)" and "applied, interviewed, ..., rejected".
std::string_view outcome_names();
std::string_view stage_names();
// "draft, open, closed", "hour, year" and "full_time, part_time, temporary, bank".
std::string_view vacancy_status_names();
std::string_view pay_period_names();
std::string_view employment_type_names();
// Every channel's label in order: "Job board, Social media, ..., Agency, Other".
std::string_view channel_labels();

// What a person types folded onto the canonical spelling that the parsers above and the CSV
// header compare: ASCII letters lowered, and each run of spaces, tabs, hyphens or underscores
// made one underscore, those at either end dropped. "  Job-board " -> "job_board", "Applied On"
// -> "applied_on".
std::string fold_spelling(std::string_view text);

// Human labels for pages and readable reports: "Home care", "Staff referral", "Offered a job",
// "Not taken forward". These are the only labels: the API serves them (GET /api/v1/vocabulary)
// and the pages show what it serves. label(Outcome::kNone) is empty.
std::string_view label(ServiceType type);
std::string_view label(Channel channel);
std::string_view label(Outcome outcome);
std::string_view label(Stage stage);
std::string_view label(VacancyStatus status);  // "Draft", "Open", "Closed"
std::string_view label(PayPeriod period);      // "Per hour", "Per year"
std::string_view label(EmploymentType type);   // "Full time", "Part time", "Temporary", "Bank"

// Every enumerator in its canonical order, for lists that offer the choices. all_outcomes()
// leaves out kNone, which is no outcome.
std::span<const ServiceType> all_service_types();
std::span<const Channel> all_channels();
std::span<const Outcome> all_outcomes();
std::span<const Stage> all_stages();
std::span<const VacancyStatus> all_vacancy_statuses();
std::span<const PayPeriod> all_pay_periods();
std::span<const EmploymentType> all_employment_types();

struct Provider {
  Id id = 0;
  std::string name;
  Date created_on;
  // The day it joined the scheme the team runs: the team's figures before and after joining
  // are counted from it. Empty while not recorded.
  std::optional<Date> joined_on;
};

struct Service {
  Id id = 0;
  Id provider_id = 0;
  std::string name;
  ServiceType type = ServiceType::kOther;
};

struct Source {
  Id id = 0;
  Id provider_id = 0;
  std::string name;
  Channel channel = Channel::kOther;
  // False for a source first met without a channel (in a spend sheet): its channel reads kOther
  // until an applicant row, the API or the command line names one. Storing any other channel
  // makes it known; to confirm "other", set this too.
  bool channel_known = true;
};

struct SpendEntry {
  Id id = 0;
  Id provider_id = 0;
  Id source_id = 0;
  Date date;
  Pence amount;
  std::string note;
};

struct Vacancy {
  Id id = 0;
  Id provider_id = 0;
  std::string role;
  std::optional<Id> service_id;
  Date opened_on;
  std::optional<Date> closed_on;
  std::optional<std::string> advert_text;
  std::optional<int> advert_score;  // last score from the advert checker, 0..100
  // The advert's particulars, which the public vacancy page shows (vacancy_publishing.hpp says
  // which a published vacancy must have). Pay is in pence per pay_period; postcode_district is
  // the outward part of a postcode ("LE10"), never a full postcode.
  VacancyStatus status = VacancyStatus::kDraft;
  std::string town;
  std::string postcode_district;
  std::optional<Pence> pay_min, pay_max;
  PayPeriod pay_period = PayPeriod::kHour;
  std::optional<double> hours_per_week;
  std::optional<EmploymentType> employment_type;
  std::optional<Date> closing_on;  // the last day applications are taken
  std::string apply_url, apply_phone, apply_email;
  // Set by publishing: the first day the vacancy was open, and the number of the advert version
  // live now (advert_versions), which advert_score is the score of.
  std::optional<Date> published_on;
  std::optional<int> live_version;
  // Written, never stored or read back: on a write that starts an advert version, the day that
  // version went live when it ran before it was recorded here (an advert the provider ran before
  // using the tracker); empty for today. Publishing checks it (vacancy_publishing.hpp).
  std::optional<Date> advert_live_from;
};

// An applicant with the dates of the stages reached. Invariants (enforced by the store):
// applied_on <= interviewed_on <= offered_on <= started_on <= left_on where present; a start needs
// an offer; left_on needs started_on; outcome is kNone for anyone who started.
struct Applicant {
  Id id = 0;
  Id provider_id = 0;
  std::string reference;  // provider-chosen, unique within the provider; empty once purged
  Id source_id = 0;
  std::optional<Id> vacancy_id;
  std::optional<Id> service_id;
  Date applied_on;
  std::optional<Date> interviewed_on;
  std::optional<Date> offered_on;
  std::optional<Date> started_on;
  std::optional<Date> left_on;
  std::string left_reason;
  Outcome outcome = Outcome::kNone;
  std::string prior_sector;  // ASC-WDS "recruited from" category, optional
};

// A dated stage event, the history behind an applicant's dates.
struct StageEvent {
  Id id = 0;
  Id applicant_id = 0;
  Stage stage = Stage::kApplied;
  Date on;
  std::string reason;  // why they left, withdrew or were rejected; may be empty
};

// Staff in post and vacancies at one date, for one service or (service_id empty) the whole
// provider. Staff means directly employed permanent and temporary staff, zero-hours included;
// bank, pool and agency workers are not counted (the Skills for Care definition).
struct HeadcountSnapshot {
  Id id = 0;
  Id provider_id = 0;
  Date date;
  std::optional<Id> service_id;
  int staff = 0;
  int vacancies = 0;
  std::optional<int> leavers;  // the provider's own count of leavers in the 12 months to `date`
};

// One version of a vacancy's advert as the reports read it (the text stays behind): live from
// live_from to live_to, or still live when live_to is empty.
struct AdvertVersionRow {
  Id provider_id = 0;
  Id vacancy_id = 0;
  int version = 0;
  int score = 0;                // 0 to 100
  std::string category_scores;  // a JSON object: {"engaging": 72, ...}
  std::string rules_version;
  Date live_from;
  std::optional<Date> live_to;
};

// Views of a vacancy's page and clicks on its apply link on one day, under one advert version.
struct VacancyDayCount {
  Id provider_id = 0;
  Id vacancy_id = 0;
  int version = 0;
  Date day;
  std::int64_t views = 0;
  std::int64_t apply_clicks = 0;
};

// The version of `versions` (one vacancy's, oldest first) live on `day`: the last to go live on
// or before it, so the last of that day's when there were several, and the last one after the
// vacancy closed. versions.end() when the day is before the first went live.
template <class Versions>
auto version_live_on(Versions& versions, Date day) {
  auto after = std::upper_bound(versions.begin(), versions.end(), day,
                                [](Date d, const auto& v) { return d < v.live_from; });
  return after == versions.begin() ? versions.end() : after - 1;
}

// The rows the metrics need, as plain values: one provider's (Store::load_tracker_data), each
// table in id order, or every provider's (Store::load_team_data), each table grouped by provider.
struct TrackerData {
  std::vector<Provider> providers;
  std::vector<Service> services;
  std::vector<Source> sources;
  std::vector<Vacancy> vacancies;  // advert_text left empty
  std::vector<SpendEntry> spend;
  std::vector<Applicant> applicants;
  std::vector<HeadcountSnapshot> headcounts;
  // By vacancy, then version (counts then by day); filled by load_tracker_data only, empty from
  // load_team_data.
  std::vector<AdvertVersionRow> advert_versions;
  std::vector<VacancyDayCount> vacancy_counts;
};

}  // namespace caretoolkit::tracker
