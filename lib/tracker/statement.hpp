// A prepared statement of the store, on either back end (SQLite or PostgreSQL), and one value of
// its current row. Internal to lib/tracker.
//
// The store's SQL is written once and runs on both back ends. It is the common ground of the two
// dialects: parameters are '?' or '?N' (PostgreSQL's connection turns them into $N), and "IS ?"
// compares NULL-safely on both. The methods are the subset of SQLiteCpp's Statement and Column
// that the store uses, under the same names, so that a reader of SQLiteCpp's documentation knows
// them; each back end keeps their meaning:
//   - bind(index, ...) binds parameter `index` (from 1); a value of text is copied unless bound
//     with bindNoCopy, whose text must then stay unchanged until the statement has run;
//   - executeStep() runs the statement (on the first call) and moves to the next row, false
//     when there is none; exec() runs a statement that returns no rows and gives the rows it
//     changed;
//   - reset() makes the statement ready to run again with the same bindings; clearBindings()
//     sets every parameter to NULL.
// Errors: SQLite::Exception on SQLite, caretoolkit::pg::DatabaseError on PostgreSQL; the Store
// turns both into caretoolkit::Error where a person can act on them (storage_errors.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace caretoolkit::tracker {

class Statement;

// One value of the statement's current row, valid until the statement moves on.
class Column {
 public:
  Column(const Statement& statement, int index) : statement_(statement), index_(index) {}

  bool isNull() const;
  std::int64_t getInt64() const;  // a boolean reads as 1 or 0
  int getInt() const;
  double getDouble() const;
  const char* getText() const;  // "" for NULL; NUL-terminated, getBytes() long
  std::string getString() const;
  const void* getBlob() const;  // the bytes of a BLOB (SQLite) or bytea (PostgreSQL) value
  int getBytes() const;         // the size of getText() or getBlob()
  const char* getName() const;
  // A date column's day; empty for NULL or for text that is not a day.
  std::optional<Date> getDate() const;

 private:
  const Statement& statement_;
  int index_;
};

class Statement {
 public:
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  virtual void bind(int index, std::int64_t value) = 0;
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  virtual void bind(int index, double value) = 0;
  virtual void bind(int index, const std::string& text) = 0;
  void bind(int index, const char* text) { bind(index, std::string(text)); }
  virtual void bind(int index, const void* blob, int size) = 0;  // bytes, copied
  virtual void bind(int index) = 0;                              // NULL
  virtual void bindNoCopy(int index, const std::string& text) = 0;
  virtual void bindNoCopy(int index, const char* text) = 0;

  virtual bool executeStep() = 0;
  virtual int exec() = 0;
  virtual void reset() = 0;
  virtual void clearBindings() = 0;

  Column getColumn(int index) const { return Column(*this, index); }
  virtual int getColumnCount() const = 0;

 protected:
  Statement() = default;

 private:
  friend class Column;
  virtual bool is_null(int index) const = 0;
  virtual std::int64_t int64_at(int index) const = 0;
  virtual double double_at(int index) const = 0;
  virtual std::string_view text_at(int index) const = 0;
  virtual std::string_view blob_at(int index) const = 0;
  virtual int bytes_at(int index) const = 0;
  virtual std::optional<Date> date_at(int index) const = 0;
  virtual const char* name_at(int index) const = 0;
};

inline bool Column::isNull() const {
  return statement_.is_null(index_);
}
inline std::int64_t Column::getInt64() const {
  return statement_.int64_at(index_);
}
inline int Column::getInt() const {
  return static_cast<int>(statement_.int64_at(index_));
}
inline double Column::getDouble() const {
  return statement_.double_at(index_);
}
inline const char* Column::getText() const {
  return statement_.text_at(index_).data();
}
inline std::string Column::getString() const {
  return std::string(statement_.text_at(index_));
}
inline const void* Column::getBlob() const {
  return statement_.blob_at(index_).data();
}
inline int Column::getBytes() const {
  return statement_.bytes_at(index_);
}
inline const char* Column::getName() const {
  return statement_.name_at(index_);
}
inline std::optional<Date> Column::getDate() const {
  return statement_.date_at(index_);
}

}  // namespace caretoolkit::tracker
