// The database engines a Store can keep its records in.
#pragma once

#include <cstdint>

namespace caretoolkit::tracker {

// SQLite: one file, the embedded default. PostgreSQL: a shared database that several servers
// may use at once.
enum class Backend : std::uint8_t { kSqlite, kPostgresql };

}  // namespace caretoolkit::tracker
