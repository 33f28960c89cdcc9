// The caretoolkit::Error a person reads when PostgreSQL refuses a tracker write: the twin of
// rethrow_storage_error() for SQLite (store_impl.hpp), in the same words (storage_errors.hpp).
// Internal to the PostgreSQL store.
//
//   unique violation              -> kConflict  (this would duplicate a stored record)
//   foreign key violation         -> kConflict  (a record that does not exist, or still in use)
//   check, not null, data errors  -> kInvalid   (this record breaks one of the tracker's rules)
//   serialisation failure,
//   deadlock, lock timeout        -> kTryAgain  (nothing changed: send it again; HTTP 503)
//   the server cannot be reached  -> kUnavailable
//   anything else                 -> the DatabaseError itself: an internal error, logged
#pragma once

#include <type_traits>

#include "pg/database_error.hpp"

namespace caretoolkit::tracker::pg {

[[noreturn]] void rethrow_storage_error(const caretoolkit::pg::DatabaseError& error);

// Runs `work` and returns what it returns, with any DatabaseError turned into its Error.
template <class Work>
auto with_storage_errors(Work&& work) -> std::invoke_result_t<Work> {
  try {
    return work();
  } catch (const caretoolkit::pg::DatabaseError& error) {
    rethrow_storage_error(error);
  }
}

}  // namespace caretoolkit::tracker::pg
