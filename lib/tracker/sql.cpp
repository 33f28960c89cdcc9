// Column and parameter conversions; see sql.hpp.
#include "tracker/sql.hpp"

#include <stdexcept>

namespace caretoolkit::tracker::sql {

namespace {

[[noreturn]] void damaged(const Column& column, std::string_view what) {
  throw std::runtime_error("the database holds " + std::string(what) + " '" +
                           std::string(read_text(column)) + "' in column " + column.getName() +
                           ": the file may be damaged");
}

}  // namespace

void format_date(Date date, DateText& out) {
  const std::chrono::year_month_day ymd{date.sys_days()};
  const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  out = {static_cast<char>('0' + year / 1000 % 10),
         static_cast<char>('0' + year / 100 % 10),
         static_cast<char>('0' + year / 10 % 10),
         static_cast<char>('0' + year % 10),
         '-',
         static_cast<char>('0' + month / 10),
         static_cast<char>('0' + month % 10),
         '-',
         static_cast<char>('0' + day / 10),
         static_cast<char>('0' + day % 10),
         '\0'};
}

void bind(Statement& statement, int index, Date date) {
  DateText text;
  format_date(date, text);
  statement.bind(index, text.data());  // copied by SQLite
}

void bind_no_copy(Statement& statement, int index, std::optional<Date> date, DateText& buffer) {
  if (!date) {
    statement.bind(index);
    return;
  }
  format_date(*date, buffer);
  statement.bindNoCopy(index, buffer.data());
}

void bind(Statement& statement, int index, std::optional<Date> date) {
  if (date) {
    bind(statement, index, *date);
  } else {
    statement.bind(index);
  }
}

void bind(Statement& statement, int index, std::optional<Id> id) {
  if (id) {
    statement.bind(index, static_cast<std::int64_t>(*id));
  } else {
    statement.bind(index);
  }
}

void bind(Statement& statement, int index, std::optional<int> value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind_text(Statement& statement, int index, std::string_view text, bool null_if_empty) {
  if (null_if_empty && text.empty()) {
    statement.bind(index);
  } else {
    // SQLiteCpp binds (pointer, size) as a blob; text needs its own copy as a std::string.
    statement.bind(index, std::string(text));
  }
}

Id returned_id(Statement& statement) {
  if (!statement.executeStep()) throw std::logic_error("an INSERT ... RETURNING id made no row");
  return statement.getColumn(0).getInt64();
}

std::string_view read_text(const Column& column) {
  return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

Date read_date(const Column& column) {
  if (auto date = column.getDate()) return *date;
  damaged(column, "the date");
}

std::optional<Date> read_optional_date(const Column& column) {
  if (column.isNull()) return std::nullopt;
  return read_date(column);
}

std::optional<Id> read_optional_id(const Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

std::optional<int> read_optional_int(const Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

ServiceType read_service_type(const Column& column) {
  if (auto type = parse_service_type(read_text(column))) return *type;
  damaged(column, "the service type");
}

Channel read_channel(const Column& column) {
  if (auto channel = parse_channel(read_text(column))) return *channel;
  damaged(column, "the channel");
}

Outcome read_outcome(const Column& column) {
  if (column.isNull()) return Outcome::kNone;
  // The stored names exactly (the schema allows no other); no need for parse_outcome's folding.
  const std::string_view text = read_text(column);
  if (text == to_string(Outcome::kWithdrawn)) return Outcome::kWithdrawn;
  if (text == to_string(Outcome::kRejected)) return Outcome::kRejected;
  damaged(column, "the outcome");
}

void Where::add(std::string_view condition, Value value) {
  add(condition);
  values_.push_back(std::move(value));
}

void Where::add(std::string_view condition) {
  sql_ += " AND ";
  sql_ += condition;
}

int Where::bind(Statement& statement, int first_index) const {
  int index = first_index;
  for (const Value& value : values_) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      statement.bind(index++, *number);
    } else {
      statement.bind(index++, std::get<std::string>(value));
    }
  }
  return index;
}

std::string like_containing(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

}  // namespace caretoolkit::tracker::sql
