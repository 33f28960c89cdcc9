// The Store's private state, its transaction helpers and its records on either back end, shared by
// the files that implement the Store (store.cpp, store_applicants.cpp, store_data.cpp,
// store_sessions.cpp, store_settings.cpp, the forms' *_csv.cpp). Internal to lib/tracker.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "tracker/connection.hpp"
#include "tracker/resources.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::tracker {

// Called in a catch block: turns a constraint failure of either back end that got past the C++
// checks into an Error a client can act on (kConflict for duplicates and rows still in use,
// kInvalid for broken rules, kTryAgain for a write that collided with another server's) and
// rethrows anything else unchanged. The checks normally run first; this is the second line of
// defence.
[[noreturn]] void rethrow_storage_error();

// The connections and options that every part of the Store works through.
struct StoreState {
  // `location` is a SQLite file's path or a PostgreSQL connection URI (pg::is_uri).
  StoreState(const std::string& location, StoreOptions store_options);

  Backend backend;
  std::filesystem::path path;  // the SQLite file; empty on PostgreSQL
  std::string target;          // what a message names: the file, or the URI without a password
  StoreOptions options;
  ConnectionPool pool;

  Date today() const { return options.today(); }

  // Runs work(Connection&) in one write transaction on the writer and commits when it returns;
  // anything it throws rolls the whole write back. Writes of every process take turns
  // (Connection::begin).
  template <class Work>
  auto write(Work&& work) {
    auto lease = pool.write();
    try {
      Transaction transaction(*lease, Connection::Mode::kWriter);
      if constexpr (std::is_void_v<decltype(work(*lease))>) {
        work(*lease);
        transaction.commit();
      } else {
        auto result = work(*lease);
        transaction.commit();
        return result;
      }
    } catch (...) {
      rethrow_storage_error();
    }
  }

  // Runs work(Connection&) on a reader inside one read transaction, so that every query it makes
  // sees the same committed state.
  template <class Work>
  auto read(Work&& work) {
    auto lease = pool.read();
    Transaction transaction(*lease, Connection::Mode::kReader);
    auto result = work(*lease);
    transaction.commit();
    return result;
  }
};

// One resource's records in the store: the shared reads and writes of records.hpp, with the
// resource's own rules and filters (store.cpp). Instantiated in store.cpp for the five resources
// that need nothing more.
template <class T, class F>
class TableRecords final : public Records<T, F> {
 public:
  explicit TableRecords(StoreState& state) : state_(state) {}
  T create(Id provider, T record) override;
  T get(Id provider, Id id) const override;
  Page<T> list(Id provider, const F& filter, const PageRequest& page) const override;
  T update(Id provider, Id id, const Edit<T>& edit) override;
  void remove(Id provider, Id id) override;

 private:
  StoreState& state_;
};
extern template class TableRecords<Service, ServiceFilter>;
extern template class TableRecords<Source, SourceFilter>;
extern template class TableRecords<SpendEntry, SpendFilter>;
extern template class TableRecords<Vacancy, VacancyFilter>;
extern template class TableRecords<HeadcountSnapshot, HeadcountFilter>;

// The applicants (store_applicants.cpp), which keep an outcome date and reason beside
// the Applicant's fields.
class StoredApplicants final : public ApplicantRecords {
 public:
  explicit StoredApplicants(StoreState& state) : state_(state) {}
  Applicant create(Id provider, Applicant applicant) override;
  Applicant get(Id provider, Id id) const override;
  Page<Applicant> list(Id provider, const ApplicantFilter& filter,
                       const PageRequest& page) const override;
  Applicant update(Id provider, Id id, const Edit<Applicant>& edit) override;
  void remove(Id provider, Id id) override;
  StageCounts count_by_stage(Id provider, const ApplicantFilter& filter) const override;
  Applicant record_event(Id provider, Id applicant, Stage stage, Date on,
                         std::string_view reason) override;
  std::vector<StageEvent> list_events(Id provider, Id applicant) const override;

 private:
  StoreState& state_;
};

// The providers (store.cpp).
class StoredProviders final : public ProviderRecords {
 public:
  explicit StoredProviders(StoreState& state) : state_(state) {}
  Provider create(std::string_view name) override;
  Provider get(Id provider) const override;
  Page<Provider> list(const PageRequest& page) const override;
  Provider update(Id provider, const Edit<Provider>& edit) override;

 private:
  StoreState& state_;
};

struct Store::Impl : StoreState {
  using StoreState::StoreState;

  StoredProviders providers{*this};
  TableRecords<Service, ServiceFilter> services{*this};
  TableRecords<Source, SourceFilter> sources{*this};
  TableRecords<SpendEntry, SpendFilter> spend{*this};
  TableRecords<Vacancy, VacancyFilter> vacancies{*this};
  StoredApplicants applicants{*this};
  TableRecords<HeadcountSnapshot, HeadcountFilter> headcounts{*this};
};

// The columns read_provider() reads, in its order: "SELECT " + kProviderColumns + " FROM
// providers".
inline constexpr std::string_view kProviderColumns = "id, name, created_on, joined_on";
// A provider from a row of "SELECT <kProviderColumns> FROM providers ...".
Provider read_provider(Statement& row);
// The provider with this id; Error(kNotFound) when there is none.
Provider find_provider(Connection& connection, Id provider);
// Throws Error(kNotFound) unless the provider exists.
void require_provider(Connection& connection, Id provider);

// A vacancy's stored form and rules (validation.hpp, vacancy_particulars.hpp), checked before
// every write of one; Error(kInvalid) listing each problem.
void prepare_vacancy(Connection& connection, Vacancy& vacancy);

// The API key with this id; Error(kNotFound) when there is none.
ApiKeyRecord get_api_key(Connection& connection, Id id);

// The date of the last stage an applicant reached before any start: the date an unsuccessful
// applicant is taken to have dropped out when no other date is known.
Date last_stage_date(const Applicant& applicant);

}  // namespace caretoolkit::tracker
