// PostgreSQL failures as the tracker's errors; see pg_errors.hpp.
#include "tracker/pg/pg_errors.hpp"

#include "core/error.hpp"
#include "tracker/storage_errors.hpp"

namespace caretoolkit::tracker::pg {

void rethrow_storage_error(const caretoolkit::pg::DatabaseError& error) {
  using caretoolkit::pg::Failure;
  switch (error.failure()) {
    case Failure::kUniqueViolation:
      throw duplicate_record_error();
    case Failure::kForeignKeyViolation:
      throw missing_reference_error();
    case Failure::kRuleViolation:
      throw broken_rule_error();
    case Failure::kSerialization:
    case Failure::kLockTimeout:
      throw try_again_error();
    case Failure::kConnection:
      throw Error(ErrorCode::kUnavailable,
                  "the tracker's database cannot be reached just now, so the request may not "
                  "have been completed: try again shortly");
    case Failure::kOther:
      break;
  }
  throw error;
}

}  // namespace caretoolkit::tracker::pg
