// A bulk load with COPY ... FROM STDIN: rows stream to the server in PostgreSQL's text format and
// are checked (types, constraints) as they arrive, far faster than one INSERT a row. Either every
// row is stored or, on any failure, none: the COPY is one statement.
//
//   pg::CopyIn copy(connection, "COPY spend (provider_id, source_id, spent_on, amount_pence) "
//                               "FROM STDIN");
//   copy.row({provider, source, date, pence});
//   std::int64_t stored = copy.finish();
//
// The values are Params (params.hpp), escaped for the text format here, so any text (tabs, new
// lines, backslashes) arrives as it was. A row with the wrong number of values, or a value the
// column refuses, fails the COPY: finish() throws its DatabaseError. A CopyIn destroyed before
// finish() cancels the COPY and nothing is stored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "pg/connection.hpp"

namespace caretoolkit::pg {

class CopyIn {
 public:
  // Starts `copy_sql`, a "COPY table (columns) FROM STDIN" with the default text format.
  CopyIn(Connection& connection, std::string_view copy_sql);
  ~CopyIn();  // cancels an unfinished COPY; never throws
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  void row(std::initializer_list<Param> values);
  void row(std::span<const Param> values);

  // Ends the COPY and returns the number of rows stored; throws the COPY's DatabaseError.
  std::int64_t finish();

 private:
  void flush();
  // Reads the COPY's outcome once the data has ended; throws its DatabaseError.
  Result end_result();

  Connection& connection_;
  std::string buffer_;
  bool open_ = true;
};

}  // namespace caretoolkit::pg
