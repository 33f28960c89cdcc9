// Moving a tracker from its SQLite file to a PostgreSQL database, for a deployment that outgrows
// one machine: every row of every table, with its id, in one transaction.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace caretoolkit::tracker {

struct StoreCopySummary {
  // Each table copied, in the order copied, with its rows: {"providers", 80}, ...
  std::vector<std::pair<std::string, std::int64_t>> tables;
  std::string target;  // the PostgreSQL database, named without its password
};

// Copies the caretoolkit SQLite file `from` into the PostgreSQL database at the connection URI
// `to`, which must exist and hold no tracker records yet (its tables are made if missing). The
// file is first brought up to this build's schema, as opening it anywhere does; apart from that
// it is only read. The copy is one transaction, holding the database's write turn (so no server
// writes meanwhile): it is stored whole or, on any failure, not at all. Ids are kept, and each
// table's id sequence is set past the largest, so that new records number on as they would have.
// Throws caretoolkit::Error:
//   kNotFound   no file at `from`;
//   kInvalid    `to` is not a PostgreSQL connection URI;
//   kConflict   `from` is not a caretoolkit file, or `to` already holds records (nothing copied);
//   kUnavailable the PostgreSQL server cannot be reached.
StoreCopySummary copy_store(const std::string& from, const std::string& to);

}  // namespace caretoolkit::tracker
