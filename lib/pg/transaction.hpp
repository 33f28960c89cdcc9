// Transactions and advisory locks as scoped objects.
//
// A Transaction begins in its constructor and rolls back in its destructor unless commit() ran:
// an exception anywhere in between undoes everything the transaction wrote. Constraints declared
// DEFERRABLE INITIALLY DEFERRED are checked at commit(), which then throws their DatabaseError.
// Under kRepeatableRead and kSerializable, a write that collides with a concurrent transaction
// throws a DatabaseError whose retryable() is true: roll back (let the Transaction go) and run the
// whole transaction again.
//
// Advisory locks take a 64-bit key that the application chooses; two sessions that take the same
// key wait for each other. Waits are bounded by the session's lock_timeout, which
// set_lock_timeout() sets for one transaction: past it, a DatabaseError of kind kLockTimeout.
#pragma once

#include <chrono>
#include <cstdint>

#include "pg/connection.hpp"

namespace caretoolkit::pg {

enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };
enum class Access { kReadWrite, kReadOnly };

class Transaction {
 public:
  explicit Transaction(Connection& connection, Isolation isolation = Isolation::kReadCommitted,
                       Access access = Access::kReadWrite);
  ~Transaction();  // ROLLBACK unless committed; never throws
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  Connection& connection() const { return connection_; }

 private:
  Connection& connection_;
  bool open_ = true;
};

// Limits every lock wait of `transaction` (row locks and advisory locks alike) to `timeout`.
void set_lock_timeout(Transaction& transaction, std::chrono::milliseconds timeout);

// Takes the transaction-level advisory lock `key`, waiting for any session that holds it; it is
// released when the transaction commits or rolls back (pg_advisory_xact_lock).
void lock_for_transaction(Transaction& transaction, std::int64_t key);

// Holds the session-level advisory lock `key` from construction to destruction
// (pg_advisory_lock and pg_advisory_unlock), across transactions.
class AdvisoryLock {
 public:
  AdvisoryLock(Connection& connection, std::int64_t key);
  ~AdvisoryLock();  // releases the lock; never throws (a lost connection released it already)
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

 private:
  Connection& connection_;
  std::int64_t key_;
};

}  // namespace caretoolkit::pg
