// The Store's private state, its transaction helpers and its records on SQLite, shared by the
// files that implement the Store (store.cpp, store_applicants.cpp, store_data.cpp,
// store_sessions.cpp, store_settings.cpp, the forms' *_csv.cpp). Internal to lib/tracker.
#pragma once

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <type_traits>
#include <utility>

#include "tracker/connection.hpp"
#include "tracker/resources.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::tracker {

// Turns a constraint failure that got past the C++ checks into an Error a client can act on
// (kConflict for duplicates and rows still in use, kInvalid for broken rules) and rethrows
// anything else unchanged. The checks normally run first; this is the second line of defence.
[[noreturn]] void rethrow_storage_error(const SQLite::Exception& error);

// The connections and options that every part of the Store works through.
struct StoreState {
  StoreState(const std::filesystem::path& file, StoreOptions store_options);

  std::filesystem::path path;
  StoreOptions options;
  ConnectionPool pool;

  Date today() const { return options.today(); }

  // Runs work(Connection&) in one BEGIN IMMEDIATE transaction on the writer and commits when it
  // returns; anything it throws rolls the whole write back.
  template <class Work>
  auto write(Work&& work) {
    auto lease = pool.write();
    try {
      SQLite::Transaction transaction(lease->db(), SQLite::TransactionBehavior::IMMEDIATE);
      if constexpr (std::is_void_v<decltype(work(*lease))>) {
        work(*lease);
        commit(*lease, transaction);
      } else {
        auto result = work(*lease);
        commit(*lease, transaction);
        return result;
      }
    } catch (const SQLite::Exception& error) {
      rethrow_storage_error(error);
    }
  }

  // Runs work(Connection&) on a reader inside one read transaction, so that every query it makes
  // sees the same committed state.
  template <class Work>
  auto read(Work&& work) {
    auto lease = pool.read();
    SQLite::Transaction transaction(lease->db(), SQLite::TransactionBehavior::DEFERRED);
    auto result = work(*lease);
    transaction.commit();
    return result;
  }

 private:
  // COMMIT is where SQLite checkpoints the log once it is long enough, and it refuses to while the
  // writer is still in a read transaction, which any statement not yet reset keeps it in (one that
  // stopped at its first row, say): so the statements are reset first.
  static void commit(Connection& writer, SQLite::Transaction& transaction) {
    writer.reset_statements();
    transaction.commit();
  }
};

// One resource's records on SQLite: the shared reads and writes of records.hpp, with the
// resource's own rules and filters (store.cpp). Instantiated in store.cpp for the five resources
// that need nothing more.
template <class T, class F>
class SqliteRecords final : public Records<T, F> {
 public:
  explicit SqliteRecords(StoreState& state) : state_(state) {}
  T create(Id provider, T record) override;
  T get(Id provider, Id id) const override;
  Page<T> list(Id provider, const F& filter, const PageRequest& page) const override;
  T update(Id provider, Id id, const Edit<T>& edit) override;
  void remove(Id provider, Id id) override;

 private:
  StoreState& state_;
};
extern template class SqliteRecords<Service, ServiceFilter>;
extern template class SqliteRecords<Source, SourceFilter>;
extern template class SqliteRecords<SpendEntry, SpendFilter>;
extern template class SqliteRecords<Vacancy, VacancyFilter>;
extern template class SqliteRecords<HeadcountSnapshot, HeadcountFilter>;

// The applicants on SQLite (store_applicants.cpp), which keep an outcome date and reason beside
// the Applicant's fields.
class SqliteApplicants final : public ApplicantRecords {
 public:
  explicit SqliteApplicants(StoreState& state) : state_(state) {}
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

// The providers on SQLite (store.cpp).
class SqliteProviders final : public ProviderRecords {
 public:
  explicit SqliteProviders(StoreState& state) : state_(state) {}
  Provider create(std::string_view name) override;
  Provider get(Id provider) const override;
  Page<Provider> list(const PageRequest& page) const override;
  Provider update(Id provider, const Edit<Provider>& edit) override;

 private:
  StoreState& state_;
};

struct Store::Impl : StoreState {
  using StoreState::StoreState;

  SqliteProviders providers{*this};
  SqliteRecords<Service, ServiceFilter> services{*this};
  SqliteRecords<Source, SourceFilter> sources{*this};
  SqliteRecords<SpendEntry, SpendFilter> spend{*this};
  SqliteRecords<Vacancy, VacancyFilter> vacancies{*this};
  SqliteApplicants applicants{*this};
  SqliteRecords<HeadcountSnapshot, HeadcountFilter> headcounts{*this};
};

// The columns read_provider() reads, in its order: "SELECT " + kProviderColumns + " FROM
// providers".
inline constexpr std::string_view kProviderColumns = "id, name, created_on, joined_on";
// A provider from a row of "SELECT <kProviderColumns> FROM providers ...".
Provider read_provider(SQLite::Statement& row);
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
