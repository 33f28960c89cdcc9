// The rows a statement returned, read by column name or position. Values arrive in PostgreSQL's
// text form and are converted on reading: get<T> for T in std::int64_t, int, bool, double,
// std::string, std::string_view (valid while the Result or a Row of it lives), Date, Bytes, and
// std::optional of any of these (empty for NULL). Reading NULL as a non-optional type, or a value
// that is not of the type asked for, throws std::runtime_error: the schema should have made it
// impossible, so it means a damaged database or a mistaken query, not bad input.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/date.hpp"
#include "pg/params.hpp"

namespace caretoolkit::pg {

class Row;

// The rows of one statement. Copies, and the Rows taken from it, share them, so a Row stays valid
// on its own: `pg::Row row = connection.exec(...).single();` is safe.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  int columns() const { return PQnfields(result_.get()); }
  bool empty() const { return rows() == 0; }
  // The position of the column named `name`; throws std::logic_error when there is none.
  int column(std::string_view name) const;
  std::string column_name(int column) const { return PQfname(result_.get(), column); }
  // libpq's result, for what this class does not wrap (PQftype).
  PGresult* handle() const { return result_.get(); }
  // The rows an INSERT, UPDATE, DELETE or COPY changed (0 for other statements).
  std::int64_t affected_rows() const;
  // The command tag: "INSERT 0 1", "COMMIT", "ROLLBACK", ...
  std::string_view command_tag() const { return PQcmdStatus(result_.get()); }

  Row operator[](int row) const;
  // The one row of a query that returns exactly one; throws std::logic_error otherwise.
  Row single() const;

  // The raw text of a value; empty for NULL.
  std::string_view text(int row, int column) const;
  bool is_null(int row, int column) const;

  // Iteration over the rows: for (const pg::Row& row : result).
  class Iterator {
   public:
    Iterator(const Result& result, int row) : result_(&result), row_(row) {}
    Row operator*() const;
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return row_ == other.row_; }

   private:
    const Result* result_;
    int row_;
  };
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, rows()}; }

 private:
  std::shared_ptr<PGresult> result_;
};

namespace detail {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// The value of a non-NULL text form as T; throws std::runtime_error naming the column of
// `result` otherwise.
template <class T>
T convert(std::string_view text, const Result& result, int column);

[[noreturn]] void throw_null(const Result& result, int column);

}  // namespace detail

// One row of a Result.
class Row {
 public:
  Row(Result result, int row) : result_(std::move(result)), row_(row) {}

  bool is_null(int column) const { return result_.is_null(row_, column); }
  bool is_null(std::string_view column) const { return is_null(result_.column(column)); }

  template <class T>
  T get(int column) const {
    if constexpr (detail::IsOptional<T>::value) {
      if (is_null(column)) return std::nullopt;
      return get<typename T::value_type>(column);
    } else {
      if (is_null(column)) detail::throw_null(result_, column);
      return detail::convert<T>(result_.text(row_, column), result_, column);
    }
  }

  template <class T>
  T get(std::string_view column) const {
    return get<T>(result_.column(column));
  }

 private:
  Result result_;
  int row_;
};

inline Row Result::operator[](int row) const {
  return {*this, row};
}

inline Row Result::Iterator::operator*() const {
  return {*result_, row_};
}

}  // namespace caretoolkit::pg
