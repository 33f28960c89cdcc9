// What a person reads when the database refuses a write or a file, the same words whichever store
// (SQLite or PostgreSQL) refused it. Internal to lib/tracker.
//
// These are the last line of defence: the engine checks each record and names the field before
// the database sees it, so these messages appear only when two writes race, or the engine lets
// through what the schema forbids.
#pragma once

#include <string>

#include "core/error.hpp"

namespace caretoolkit::tracker {

// A unique key (a name, a reference, a public id) already in use.
inline Error duplicate_record_error() {
  return {ErrorCode::kConflict, "this would duplicate a record that is already stored"};
}

// A reference to a record that does not exist or belongs to another provider, or the removal of
// one still in use.
inline Error missing_reference_error() {
  return {ErrorCode::kConflict,
          "this refers to a record that does not exist, or removes one still in use"};
}

// A CHECK or NOT NULL constraint, or a value of the wrong type.
inline Error broken_rule_error() {
  return {ErrorCode::kInvalid, "this record breaks one of the tracker's rules"};
}

// A write undone because another, made at the same moment, changed what it read.
inline Error try_again_error() {
  return {ErrorCode::kTryAgain,
          "another change to the same records was being saved at the same moment, so "
          "nothing was changed: send the request again"};
}

// A database whose schema is newer than this build's.
inline Error newer_schema_error(int version, int known) {
  return {ErrorCode::kConflict,
          "this database was written by a newer caretoolkit (schema version " +
              std::to_string(version) + "; this build knows up to " + std::to_string(known) +
              "); it was left unchanged: upgrade caretoolkit to use it"};
}

}  // namespace caretoolkit::tracker
