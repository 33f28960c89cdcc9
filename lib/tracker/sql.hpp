// Small helpers between the tracker's C++ values and the store's columns and parameters, on either
// back end. Internal to lib/tracker.
//
// Dates are stored as ISO 8601 text, money as integer pence, enumerations by canonical name, and an
// empty optional as NULL. Reading a value the schema's CHECK constraints should have made
// impossible throws std::runtime_error: it means a damaged file, not bad input.
#pragma once

#include "tracker/statement.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker::sql {

// "YYYY-MM-DD" and a terminating NUL, without going through snprintf and a std::string.
using DateText = std::array<char, 11>;
void format_date(Date date, DateText& out);

void bind(Statement& statement, int index, Date date);
// Binds `date` through `buffer`, which must stay unchanged until the statement has run: for the
// hot loop of an import, which saves SQLite a copy of each date.
void bind_no_copy(Statement& statement, int index, std::optional<Date> date, DateText& buffer);
void bind(Statement& statement, int index, std::optional<Date> date);
void bind(Statement& statement, int index, std::optional<Id> id);
void bind(Statement& statement, int index, std::optional<int> value);
// Runs an INSERT that ends "RETURNING id" and gives the id of the row it made.
Id returned_id(Statement& statement);
// Text from a view; an empty `null_if_empty` text binds NULL.
void bind_text(Statement& statement, int index, std::string_view text, bool null_if_empty = false);

Date read_date(const Column& column);
std::optional<Date> read_optional_date(const Column& column);
std::optional<Id> read_optional_id(const Column& column);
std::optional<int> read_optional_int(const Column& column);
std::string_view read_text(const Column& column);  // valid until the next step
ServiceType read_service_type(const Column& column);
Channel read_channel(const Column& column);
Outcome read_outcome(const Column& column);  // NULL -> kNone

// A LIKE pattern, for "x COLLATE NOCASE LIKE ? COLLATE NOCASE ESCAPE '\'" (ASCII letters in
// either case on both back ends), matching text that holds `text` anywhere: "%50\%%"
// for "50%", so that '%', '_' and '\' in what a person typed match only themselves.
std::string like_containing(std::string_view text);

// A WHERE clause assembled from optional filters, with its parameters in order.
class Where {
 public:
  using Value = std::variant<std::int64_t, std::string>;

  // Adds "AND <condition>" where the condition holds one '?' for `value`.
  void add(std::string_view condition, Value value);
  // Adds a condition without parameters.
  void add(std::string_view condition);

  const std::string& sql() const { return sql_; }  // " AND a = ? AND b >= ?" or ""
  // Binds the values from `first_index` on; returns the next free index.
  int bind(Statement& statement, int first_index) const;

 private:
  std::string sql_;
  std::vector<Value> values_;
};

}  // namespace caretoolkit::tracker::sql
