// The tracker's records, one interface per resource: providers, services, sources, spend,
// vacancies, applicants and headcounts. The Store hands out one of each (store.services(), ...),
// and the API, the command line and the tests reach every record through them; another back end
// of the store provides the same interfaces, keeping every rule stated here.
//
// Tenancy: every operation but the providers' takes the provider the caller acts for, and sees
// that provider's rows only. Another provider's id behaves exactly as an id that does not exist
// (Error kNotFound), and an id written into a record (a source_id, a service_id) must name one of
// the provider's own rows (Error kInvalid otherwise).
//
// Errors: expected failures throw caretoolkit::Error.
//   kNotFound   the provider or the record named by id does not exist (for this provider);
//   kInvalid    a value breaks a rule ("started_on (2025-03-01) is before offered_on
//               (2025-03-05)"); items list each problem with its field;
//   kConflict   a duplicate (a source name, an applicant reference, a headcount for the same day
//               and service) or a removal that other rows depend on.
// Field names are the record's field names ("started_on"); the API layer turns them into JSON
// pointers. Anything else (a full disk, a corrupt file) throws a std::exception and leaves the
// stored data as it was: every write is one transaction.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// Keyset pagination: items in ascending id order (descending, the newest first, when
// `newest_first`), `limit` at a time (1..kMaxPageSize). Pass the previous page's next_cursor, with
// the same order, to continue; an empty cursor starts at the beginning.
inline constexpr std::size_t kMaxPageSize = 1000;
struct PageRequest {
  std::size_t limit = 50;
  std::string cursor;
  bool newest_first = false;
};
template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // empty on the last page
};

// Filters for the lists; an empty member does not filter. Date bounds are inclusive.
struct ServiceFilter {
  std::optional<ServiceType> type;
};
struct SourceFilter {
  std::optional<Channel> channel;
  // The source of this name, matched as names are kept unique: trimmed, ASCII case ignored.
  std::optional<std::string> name;
};
struct SpendFilter {
  std::optional<Id> source_id;
  std::optional<Date> from, to;
};
struct VacancyFilter {
  std::optional<Id> service_id;
  std::optional<bool> open;  // true: no closed_on yet
};
struct ApplicantFilter {
  std::optional<Id> source_id, vacancy_id, service_id;
  std::optional<Date> applied_from, applied_to;
  std::optional<std::string> reference;  // the whole reference, in its stored form
  // References holding this text anywhere, ASCII letters in either case: "001" finds "MAN-001"
  // and "man-0015". '%' and '_' are matched as themselves.
  std::optional<std::string> reference_contains;
  std::optional<Stage> stage;  // the stage reached, as current_stage() says (stages.hpp)
};
struct HeadcountFilter {
  std::optional<Id> service_id;
  std::optional<Date> from, to;
};

// How many applicants a filter keeps at each stage, and how many the provider has in all.
struct StageCounts {
  std::size_t total = 0;    // every applicant of the provider, whatever the filter
  std::size_t matched = 0;  // those the filter keeps
  std::vector<std::pair<Stage, std::size_t>> by_stage;  // every stage, in all_stages() order
};

// Partial updates: the store loads the record, lets `edit` change it (ids are restored
// afterwards, so an edit cannot move a record to another provider), validates the merged result
// and writes it, all in one transaction. An edit may throw to abandon the update.
template <class T>
using Edit = std::function<void(T&)>;

// One resource's records, scoped by provider. Every write checks the record's rules (types.hpp,
// validation.hpp) on the whole record and is one transaction.
template <class T, class F>
class Records {
 public:
  using Record = T;
  using Filter = F;

  virtual ~Records() = default;
  Records(const Records&) = delete;
  Records& operator=(const Records&) = delete;

  // Stores a new record for the provider and returns it as stored: with its id, the provider's
  // id, and its text trimmed. The id and provider_id it is given are ignored.
  virtual T create(Id provider, T record) = 0;
  virtual T get(Id provider, Id id) const = 0;
  // The provider's records that the filter keeps, a page at a time (see PageRequest).
  virtual Page<T> list(Id provider, const Filter& filter = {},
                       const PageRequest& page = {}) const = 0;
  // Applies `edit` to the stored record (see Edit) and returns it as stored.
  virtual T update(Id provider, Id id, const Edit<T>& edit) = 0;
  // Deletes the record; kConflict, and nothing deleted, while other records use it.
  virtual void remove(Id provider, Id id) = 0;

 protected:
  Records() = default;
};

// Service names are unique within a provider (kConflict); a service cannot be removed while
// vacancies, applicants or headcounts use it.
using ServiceRecords = Records<Service, ServiceFilter>;
// Source names are unique within a provider (kConflict); a source cannot be removed while
// applicants or spend use it. A channel other than "other" makes the channel known.
using SourceRecords = Records<Source, SourceFilter>;
using SpendRecords = Records<SpendEntry, SpendFilter>;
// A vacancy cannot be removed while applicants use it.
using VacancyRecords = Records<Vacancy, VacancyFilter>;
// One count per day and service, or per day for the whole provider (kConflict).
using HeadcountRecords = Records<HeadcountSnapshot, HeadcountFilter>;

// Applicants: their references are unique within a provider (kConflict), their dates are
// validated together (types.hpp), and an applicant with an outcome but no recorded outcome date
// is taken to have dropped out on the last stage's date. Beyond the records, the stages they
// reach.
class ApplicantRecords : public Records<Applicant, ApplicantFilter> {
 public:
  // The counts behind a board of applicants by stage: the filter's stage, if any, is ignored.
  virtual StageCounts count_by_stage(Id provider, const ApplicantFilter& filter = {}) const = 0;

  // Records that an applicant reached `stage` on `on`: interviewed, offered, started, left (with
  // the reason), withdrawn or rejected (with the reason). Refused with kInvalid when the stage
  // cannot follow the one reached (next_stages() in stages.hpp) or the date breaks the order
  // rules, and with kConflict when the stage is already recorded (correct it with update) or the
  // applicant already withdrew or was rejected. Returns the applicant as updated.
  virtual Applicant record_event(Id provider, Id applicant, Stage stage, Date on,
                                 std::string_view reason = {}) = 0;
  // The applicant's events, in stage order, derived from its dates (one per stage reached; their
  // id is 0: a stage identifies an event within its applicant).
  virtual std::vector<StageEvent> list_events(Id provider, Id applicant) const = 0;

 protected:
  ApplicantRecords() = default;
};

// Providers (member organisations). Not scoped: the team and the command line manage them, and
// a provider is never removed.
class ProviderRecords {
 public:
  virtual ~ProviderRecords() = default;
  ProviderRecords(const ProviderRecords&) = delete;
  ProviderRecords& operator=(const ProviderRecords&) = delete;

  // A new provider of this name, created today.
  virtual Provider create(std::string_view name) = 0;
  virtual Provider get(Id provider) const = 0;
  virtual Page<Provider> list(const PageRequest& page = {}) const = 0;
  // Applies `edit` to the name and the day the provider joined the scheme (its id and created_on
  // are restored afterwards) and returns it as stored.
  virtual Provider update(Id provider, const Edit<Provider>& edit) = 0;

 protected:
  ProviderRecords() = default;
};

}  // namespace caretoolkit::tracker
