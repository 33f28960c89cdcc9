// SQLSTATE classes; see database_error.hpp.
#include "pg/database_error.hpp"

#include <utility>

namespace caretoolkit::pg {

Failure classify(std::string_view sqlstate) {
  if (sqlstate.empty()) return Failure::kConnection;
  if (sqlstate == "23505") return Failure::kUniqueViolation;
  if (sqlstate == "23503") return Failure::kForeignKeyViolation;
  if (sqlstate == "23514" || sqlstate == "23502" || sqlstate.starts_with("22")) {
    return Failure::kRuleViolation;
  }
  if (sqlstate == "40001" || sqlstate == "40P01") return Failure::kSerialization;
  if (sqlstate == "55P03") return Failure::kLockTimeout;
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return Failure::kConnection;
  }
  return Failure::kOther;
}

DatabaseError::DatabaseError(Fields fields)
    : std::runtime_error(fields.sqlstate.empty()
                             ? fields.message
                             : fields.message + " (SQLSTATE " + fields.sqlstate + ")"),
      fields_(std::move(fields)),
      failure_(classify(fields_.sqlstate)) {}

}  // namespace caretoolkit::pg
