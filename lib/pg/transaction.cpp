// Scoped transactions and advisory locks; see transaction.hpp.
#include "pg/transaction.hpp"

#include <string>

#include "pg/database_error.hpp"

namespace caretoolkit::pg {

namespace {

std::string_view begin_statement(Isolation isolation, Access access) {
  const bool read_only = access == Access::kReadOnly;
  switch (isolation) {
    case Isolation::kReadCommitted:
      return read_only ? "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"
                       : "BEGIN ISOLATION LEVEL READ COMMITTED";
    case Isolation::kRepeatableRead:
      return read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                       : "BEGIN ISOLATION LEVEL REPEATABLE READ";
    case Isolation::kSerializable:
      return read_only ? "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"
                       : "BEGIN ISOLATION LEVEL SERIALIZABLE";
  }
  return "BEGIN";
}

}  // namespace

Transaction::Transaction(Connection& connection, Isolation isolation, Access access)
    : connection_(connection) {
  connection_.exec(begin_statement(isolation, access));
}

Transaction::~Transaction() {
  if (!open_) return;
  // PQexec rather than exec(): a failure here must not throw, and on a lost connection there is
  // nothing to roll back.
  if (connection_.healthy()) PQclear(PQexec(connection_.handle(), "ROLLBACK"));
}

void Transaction::commit() {
  // Whatever COMMIT answers, the transaction is over: a failed COMMIT has rolled back.
  open_ = false;
  const Result result = connection_.exec("COMMIT");
  // A transaction in which a statement failed (and its exception was caught) ends with a ROLLBACK
  // that PostgreSQL reports without an error: nothing was committed.
  if (result.command_tag() == "ROLLBACK") {
    throw DatabaseError({.sqlstate = "25P02",
                         .message = "the transaction was rolled back because a statement in it "
                                    "failed",
                         .detail = {},
                         .constraint = {},
                         .table = {}});
  }
}

void set_lock_timeout(Transaction& transaction, std::chrono::milliseconds timeout) {
  transaction.connection().exec("SELECT set_config('lock_timeout', $1, true)",
                                {std::to_string(timeout.count()) + "ms"});
}

void lock_for_transaction(Transaction& transaction, std::int64_t key) {
  transaction.connection().exec("SELECT pg_advisory_xact_lock($1)", {key});
}

AdvisoryLock::AdvisoryLock(Connection& connection, std::int64_t key)
    : connection_(connection), key_(key) {
  connection_.exec("SELECT pg_advisory_lock($1)", {key_});
}

AdvisoryLock::~AdvisoryLock() {
  if (!connection_.healthy()) return;
  try {
    connection_.exec("SELECT pg_advisory_unlock($1)", {key_});
  } catch (...) {  // NOLINT(bugprone-empty-catch): the session ends its locks when it closes
  }
}

}  // namespace caretoolkit::pg
