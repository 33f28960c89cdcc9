// One connection to a PostgreSQL server through libpq, used by one thread at a time.
//
// Every statement with values goes through exec(), which sends them as bound parameters ($1,
// $2, ...) apart from the SQL text; exec_script() runs fixed SQL only (a schema migration). A
// failed statement throws pg::DatabaseError (database_error.hpp); a connection that cannot be made
// throws caretoolkit::Error, kUnavailable.
//
// The password: libpq reads it from the URI, PGPASSWORD or ~/.pgpass. No message, log line or
// exception of this layer contains it: a connection is named by describe(), which leaves it out.
#pragma once

#include <libpq-fe.h>

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pg/params.hpp"
#include "pg/result.hpp"

namespace caretoolkit::pg {

// True when `uri` looks like a PostgreSQL connection URI ("postgresql://..." or
// "postgres://...") rather than a file path.
bool is_uri(std::string_view uri);

// The connection `uri` names, for messages: "postgresql://ann@db.example:5432/caretoolkit"
// (user, hosts, port and database; never the password or other options). Throws
// caretoolkit::Error, kInvalid, when it is not a connection URI libpq can read.
std::string describe(std::string_view uri);

// True when `uri` carries a password (user:password@, or ?password=), which must not be given on a
// command line, where other users of the machine can read it.
bool has_password(std::string_view uri);

// `uri` naming the database `database` in place of its own ("postgresql://ann@host/other?x=1"
// for "postgresql://ann@host/care?x=1"): the database is the URI's path, before any "?".
std::string with_database(std::string_view uri, std::string_view database);

class Connection {
 public:
  // Connects to `uri` (any libpq connection URI), to `database` instead of the URI's when it is
  // not empty. Waits at most 10 seconds unless the URI sets connect_timeout. Sets the session's
  // client_encoding to UTF8, DateStyle to ISO and TimeZone to UTC, which the conversions rely on.
  explicit Connection(std::string_view uri, std::string_view database = {});

  // Runs one statement with its parameters bound, and returns its rows.
  Result exec(std::string_view sql, std::initializer_list<Param> params = {});
  Result exec(std::string_view sql, std::span<const Param> params);

  // Prepares `sql` (one statement, with parameters $1, $2, ...) under `name` for this session and
  // returns the description of its result (its columns' names and types, no rows); runs the
  // statement prepared under `name` with its parameters bound, its values in PostgreSQL's binary
  // form when `binary`, in text form otherwise.
  Result prepare(const std::string& name, std::string_view sql);
  Result exec_prepared(const std::string& name, std::span<const Param> params, bool binary = false);

  // One run of a statement prepared under `name`, for exec_prepared_together().
  struct PreparedRun {
    const std::string& name;
    std::span<const Param> params;
    bool binary = false;
  };
  // Runs the statements in order in one round trip to the server (libpq's pipeline mode) and
  // returns their results in the same order. When one fails, those after it do not run, and its
  // DatabaseError is thrown once every answer has been read, leaving the connection ready for the
  // next statement.
  std::vector<Result> exec_prepared_together(std::span<const PreparedRun> runs);

  // Runs fixed SQL that may hold several statements and no values (no parameters are possible).
  void exec_script(std::string_view sql);

  // `name` quoted as an SQL identifier ("my table" -> "\"my table\""), for the few statements
  // that take a name where no parameter may stand (CREATE DATABASE).
  std::string quote_identifier(std::string_view name) const;
  // `text` quoted as an SQL string literal, for the few statements that take no parameters (SET
  // TRANSACTION SNAPSHOT).
  std::string quote_literal(std::string_view text) const;

  // The connection's description (see describe()), for messages.
  const std::string& target() const { return target_; }
  // Connects again with the same parameters and session settings, after the server has gone (a
  // restart, a failover); the session's prepared statements are gone with the old one. Throws
  // caretoolkit::Error, kUnavailable, when the server still cannot be reached.
  void reconnect();
  // False once the server has gone (after a DatabaseError of kind kConnection).
  bool healthy() const { return PQstatus(handle_.get()) == CONNECTION_OK; }
  // The server's process id for this session, for pg_terminate_backend or pg_stat_activity.
  int backend_pid() const { return PQbackendPID(handle_.get()); }
  // The server's version as libpq numbers it: 150004 for 15.4, 90624 for 9.6.24.
  int server_version() const { return PQserverVersion(handle_.get()); }

  PGconn* handle() const { return handle_.get(); }

 private:
  struct Finish {
    void operator()(PGconn* connection) const { PQfinish(connection); }
  };

  // `result` when it is a success (or has status `also_expected`); throws its DatabaseError
  // otherwise, or for no result at all (the connection failed).
  Result checked(PGresult* result, ExecStatusType also_expected = PGRES_COMMAND_OK) const;

  // The parameters as libpq takes them: pointers into `params`, which must outlive them.
  struct Values {
    explicit Values(std::span<const Param> params);
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
  };

  std::string target_;
  std::unique_ptr<PGconn, Finish> handle_;
  friend class CopyIn;
};

}  // namespace caretoolkit::pg
