// What the PostgreSQL server (or libpq) reported when a statement failed, as an exception the
// layer above can act on: retry a serialisation failure, or turn a constraint violation into the
// caretoolkit::Error a person reads (lib/tracker/pg/pg_errors.hpp does that for the tracker).
//
// what() is the server's primary message and the SQLSTATE ("duplicate key value violates unique
// constraint \"sources_name\" (SQLSTATE 23505)"). The DETAIL line, which quotes the values of the
// row ("Key (provider_id, reference)=(1, AB-12) already exists"), is kept apart in detail() and
// must not be logged. The primary message of a data exception (class 22) may quote the one value
// refused ("invalid input syntax for type date: \"2025-13-01\""): those are the input's fault, and
// the layer above turns them into an Error before anything is logged.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace caretoolkit::pg {

// The failures the layers above treat differently, from the SQLSTATE (PostgreSQL's appendix A).
enum class Failure {
  kUniqueViolation,      // 23505: a row with the same key is already stored
  kForeignKeyViolation,  // 23503: a reference to a row that does not exist, or a row still in use
  kRuleViolation,        // 23514 check, 23502 not null, class 22: a value the schema refuses
  kSerialization,        // 40001 serialization_failure, 40P01 deadlock: run the transaction again
  kLockTimeout,          // 55P03 lock_not_available: a lock was not granted within lock_timeout
  kConnection,           // class 08, 57P01-57P03, or no answer at all: the server cannot be reached
  kOther,                // anything else: a bug or an operational problem, not the input's fault
};

// The failure a SQLSTATE stands for; kConnection for an empty one (libpq had no answer).
Failure classify(std::string_view sqlstate);

class DatabaseError : public std::runtime_error {
 public:
  struct Fields {
    std::string sqlstate;    // five characters, or empty when the server gave no answer
    std::string message;     // the primary message
    std::string detail;      // may quote stored values: never log it
    std::string constraint;  // the constraint's name, for the integrity violations
    std::string table;       // the table, when the error concerns one
  };

  explicit DatabaseError(Fields fields);

  Failure failure() const noexcept { return failure_; }
  const std::string& sqlstate() const noexcept { return fields_.sqlstate; }
  const std::string& detail() const noexcept { return fields_.detail; }
  const std::string& constraint() const noexcept { return fields_.constraint; }
  const std::string& table() const noexcept { return fields_.table; }
  // True when running the whole transaction again may succeed.
  bool retryable() const noexcept {
    return failure_ == Failure::kSerialization || failure_ == Failure::kLockTimeout;
  }

 private:
  Fields fields_;
  Failure failure_;
};

}  // namespace caretoolkit::pg
