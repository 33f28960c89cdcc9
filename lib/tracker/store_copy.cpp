// Copying a SQLite store into PostgreSQL; see store_copy.hpp.
#include "tracker/store_copy.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <charconv>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "pg/copy_in.hpp"
#include "pg/transaction.hpp"
#include "tracker/pg/pg_connection.hpp"
#include "tracker/pg/pg_errors.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::tracker {

namespace {

// The tracker's tables in the file, in the order they were made, which is an order their
// references allow; SQLite's own tables left out.
std::vector<std::string> tables_of(SQLite::Database& file) {
  SQLite::Statement query(file,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
  std::vector<std::string> tables;
  while (query.executeStep()) tables.push_back(query.getColumn(0).getString());
  return tables;
}

std::vector<std::string> columns_of(SQLite::Database& file, const std::string& table) {
  SQLite::Statement query(file, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  query.bind(1, table);
  std::vector<std::string> columns;
  while (query.executeStep()) columns.push_back(query.getColumn(0).getString());
  return columns;
}

std::string joined(const std::vector<std::string>& names, caretoolkit::pg::Connection& target) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += target.quote_identifier(name);
  }
  return out;
}

// One value of the file as a COPY field: integers and text as they are, blobs as bytea.
caretoolkit::pg::Param field(const SQLite::Column& value) {
  switch (value.getType()) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_INTEGER:
      return value.getInt64();
    case SQLITE_FLOAT: {
      char text[32];
      const auto end = std::to_chars(text, text + sizeof text, value.getDouble()).ptr;
      return std::string(text, end);
    }
    case SQLITE_BLOB:
      return caretoolkit::pg::Bytes{std::string(static_cast<const char*>(value.getBlob()),
                                                static_cast<std::size_t>(value.getBytes()))};
    default:
      return std::string(value.getText(), static_cast<std::size_t>(value.getBytes()));
  }
}

// Refuses a database that already holds any tracker record.
void require_empty(caretoolkit::pg::Connection& target, const std::vector<std::string>& tables,
                   const std::string& name) {
  for (const std::string& table : tables) {
    const auto rows =
        target.exec("SELECT count(*) FROM " + target.quote_identifier(table)).single();
    if (rows.get<std::int64_t>(0) != 0) {
      throw Error(ErrorCode::kConflict, "the PostgreSQL database " + name +
                                            " already holds records (" + table +
                                            "), so nothing was copied: give an empty database");
    }
  }
}

std::int64_t copy_table(SQLite::Database& file, caretoolkit::pg::Connection& target,
                        const std::string& table) {
  const std::vector<std::string> columns = columns_of(file, table);
  std::string select = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    select += (i == 0 ? "\"" : ", \"") + columns[i] + "\"";
  }
  SQLite::Statement rows(file, select + " FROM \"" + table + "\"");
  caretoolkit::pg::CopyIn copy(target, "COPY " + target.quote_identifier(table) + " (" +
                                           joined(columns, target) + ") FROM STDIN");
  std::vector<caretoolkit::pg::Param> values;
  while (rows.executeStep()) {
    values.clear();
    for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
      values.push_back(field(rows.getColumn(i)));
    }
    copy.row(values);
  }
  const std::int64_t copied = copy.finish();
  // New records number on from the largest id copied, as they would have in the file.
  if (columns.front() == "id") {
    target.exec("SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) FROM " +
                    target.quote_identifier(table) + " HAVING max(id) IS NOT NULL",
                {table});
  }
  return copied;
}

}  // namespace

StoreCopySummary copy_store(const std::string& from, const std::string& to) {
  if (!caretoolkit::pg::is_uri(to)) {
    throw Error(ErrorCode::kInvalid,
                "the copy goes to a PostgreSQL database, given as postgresql://USER@HOST/DBNAME",
                "--to");
  }
  StoreCopySummary summary;
  summary.target = caretoolkit::pg::describe(to);
  {
    // Both ends at this build's schema: the file checked and migrated, the database's tables
    // made. Neither Store is kept: the copy goes table by table below.
    StoreOptions must_exist;
    must_exist.create = false;
    const Store file(from, must_exist);
    const Store database(to);
  }
  SQLite::Database file(from, SQLite::OPEN_READONLY);
  caretoolkit::pg::Connection target(to);
  const std::vector<std::string> tables = tables_of(file);
  return pg::with_storage_errors([&] {
    caretoolkit::pg::Transaction transaction(target);
    caretoolkit::pg::lock_for_transaction(transaction, pg::kWriteLock);
    require_empty(target, tables, summary.target);
    for (const std::string& table : tables) {
      summary.tables.emplace_back(table, copy_table(file, target, table));
    }
    transaction.commit();
    return summary;
  });
}

}  // namespace caretoolkit::tracker
