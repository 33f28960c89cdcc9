// The Store's private state and its transaction helpers, shared by the files that implement the
// Store (store.cpp, store_applicants.cpp, store_csv.cpp, store_data.cpp). Internal to lib/tracker.
#pragma once

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <type_traits>
#include <utility>

#include "tracker/connection.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::tracker {

// Turns a constraint failure that got past the C++ checks into an Error a client can act on
// (kConflict for duplicates and rows still in use, kInvalid for broken rules) and rethrows
// anything else unchanged. The checks normally run first; this is the second line of defence.
[[noreturn]] void rethrow_storage_error(const SQLite::Exception& error);

struct Store::Impl {
  Impl(const std::filesystem::path& file, StoreOptions store_options);

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

// The columns read_provider() reads, in its order: "SELECT " + kProviderColumns + " FROM
// providers".
inline constexpr std::string_view kProviderColumns = "id, name, created_on, joined_on";
// A provider from a row of "SELECT <kProviderColumns> FROM providers ...".
Provider read_provider(SQLite::Statement& row);
// The provider with this id; Error(kNotFound) when there is none.
Provider find_provider(Connection& connection, Id provider);
// Throws Error(kNotFound) unless the provider exists.
void require_provider(Connection& connection, Id provider);

// The API key with this id; Error(kNotFound) when there is none.
ApiKeyRecord get_api_key(Connection& connection, Id id);

// The date of the last stage an applicant reached before any start: the date an unsuccessful
// applicant is taken to have dropped out when no other date is known.
Date last_stage_date(const Applicant& applicant);

}  // namespace caretoolkit::tracker
