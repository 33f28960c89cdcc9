// libpq connections and statements; see connection.hpp.
#include "pg/connection.hpp"

#include <array>
#include <exception>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "pg/database_error.hpp"

namespace caretoolkit::pg {

namespace {

// libpq's parse of a connection string, freed with it.
struct ConnInfo {
  struct Free {
    void operator()(PQconninfoOption* parsed) const { PQconninfoFree(parsed); }
  };
  std::unique_ptr<PQconninfoOption, Free> options;

  explicit ConnInfo(std::string_view uri) {
    char* error = nullptr;
    options.reset(PQconninfoParse(std::string(uri).c_str(), &error));
    // libpq's message may quote a piece of the URI, which may be the password: it is not repeated.
    if (error != nullptr) PQfreemem(error);
    if (!options) {
      throw Error(ErrorCode::kInvalid,
                  "the database address is not a PostgreSQL connection URI libpq can read; write "
                  "it as postgresql://user@host/database");
    }
  }

  std::string_view operator[](std::string_view keyword) const {
    for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
      if (keyword == option->keyword && option->val != nullptr) return option->val;
    }
    return {};
  }
};

// libpq's messages end with a newline and may span lines: one line for an Error.
std::string one_line(std::string_view message) {
  std::string line;
  for (const char c : message) {
    if (c == '\n') {
      line += "; ";
    } else {
      line += c;
    }
  }
  while (line.ends_with(';') || line.ends_with(' ')) line.pop_back();
  return line;
}

// Why `connection` failed to open, in words an operator can act on.
std::string connection_failure(PGconn* connection) {
  if (PQconnectionNeedsPassword(connection) != 0) {
    return "the server asks for a password and none was given; set PGPASSWORD, or add a line "
           "for this database to ~/.pgpass";
  }
  return one_line(PQerrorMessage(connection));
}

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value == nullptr ? std::string() : std::string(value);
}

// The session settings the conversions rely on, whatever the server's defaults.
constexpr std::string_view kSessionSettings =
    "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; "
    "SET bytea_output = 'hex'";

}  // namespace

bool is_uri(std::string_view uri) {
  return uri.starts_with("postgresql://") || uri.starts_with("postgres://");
}

namespace {

std::string describe(const ConnInfo& info, std::string_view database) {
  const std::string_view host = info["host"].empty() ? info["hostaddr"] : info["host"];
  // A host that is a socket directory cannot stand in the authority part.
  const bool socket = host.starts_with('/');
  std::string text = "postgresql://";
  if (!info["user"].empty()) text.append(info["user"]).append("@");
  if (!socket) text.append(host);
  if (!socket && !info["port"].empty()) text.append(":").append(info["port"]);
  text.append("/").append(database.empty() ? info["dbname"] : database);
  if (socket) text.append("?host=").append(host);
  return text;
}

}  // namespace

std::string describe(std::string_view uri) {
  return describe(ConnInfo(uri), {});
}

std::string with_database(std::string_view uri, std::string_view database) {
  const auto query = uri.find('?');
  const auto path = uri.rfind('/', query);
  std::string out(uri.substr(0, path + 1));
  out += database;
  if (query != std::string_view::npos) out += uri.substr(query);
  return out;
}

bool has_password(std::string_view uri) {
  return !ConnInfo(uri)["password"].empty();
}

Connection::Connection(std::string_view uri, std::string_view database)
    : target_(describe(ConnInfo(uri), database)) {
  const std::string uri_text(uri);
  const std::string database_text(database);
  // Processed in order, a later value overriding an earlier: the URI's connect_timeout overrides
  // the default, and `database` the URI's database.
  const std::array<const char*, 6> keywords{
      "connect_timeout",           "dbname", "dbname", "client_encoding",
      "fallback_application_name", nullptr};
  const std::array<const char*, 6> values{
      "10",   uri_text.c_str(), database.empty() ? nullptr : database_text.c_str(),
      "UTF8", "caretoolkit",    nullptr};
  handle_.reset(PQconnectdbParams(keywords.data(), values.data(), 1));
  if (!handle_) throw std::bad_alloc();
  if (PQstatus(handle_.get()) != CONNECTION_OK) {
    throw Error(ErrorCode::kUnavailable, "could not connect to the PostgreSQL database " + target_ +
                                             ": " + connection_failure(handle_.get()));
  }
  // Notices ("relation already exists, skipping") are for the server's log, not our stderr.
  PQsetNoticeProcessor(
      handle_.get(), [](void*, const char*) {}, nullptr);
  exec_script(kSessionSettings);
}

void Connection::reconnect() {
  PQreset(handle_.get());
  if (PQstatus(handle_.get()) != CONNECTION_OK) {
    throw Error(ErrorCode::kUnavailable, "could not connect again to the PostgreSQL database " +
                                             target_ + ": " + connection_failure(handle_.get()));
  }
  exec_script(kSessionSettings);
}

Result Connection::checked(PGresult* raw, ExecStatusType also_expected) const {
  Result result(raw);  // freed whatever happens
  const ExecStatusType status = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == also_expected) {
    return result;
  }
  DatabaseError::Fields fields;
  if (raw != nullptr) {
    fields.sqlstate = field(raw, PG_DIAG_SQLSTATE);
    fields.message = field(raw, PG_DIAG_MESSAGE_PRIMARY);
    fields.detail = field(raw, PG_DIAG_MESSAGE_DETAIL);
    fields.constraint = field(raw, PG_DIAG_CONSTRAINT_NAME);
    fields.table = field(raw, PG_DIAG_TABLE_NAME);
  }
  if (fields.message.empty()) fields.message = one_line(PQerrorMessage(handle_.get()));
  if (fields.message.empty())
    fields.message = "the statement returned " + std::string(PQresStatus(status));
  throw DatabaseError(std::move(fields));
}

Result Connection::exec(std::string_view sql, std::initializer_list<Param> params) {
  return exec(sql, std::span<const Param>(params.begin(), params.size()));
}

Connection::Values::Values(std::span<const Param> params) {
  values.reserve(params.size());
  lengths.reserve(params.size());
  formats.reserve(params.size());
  for (const Param& param : params) {
    values.push_back(param.is_null() ? nullptr : param.value().c_str());
    lengths.push_back(static_cast<int>(param.value().size()));
    formats.push_back(param.is_binary() ? 1 : 0);
  }
}

Result Connection::exec(std::string_view sql, std::span<const Param> params) {
  const Values values(params);
  return checked(PQexecParams(handle_.get(), std::string(sql).c_str(),
                              static_cast<int>(params.size()), nullptr, values.values.data(),
                              values.lengths.data(), values.formats.data(), 0));
}

Result Connection::prepare(const std::string& name, std::string_view sql) {
  checked(PQprepare(handle_.get(), name.c_str(), std::string(sql).c_str(), 0, nullptr));
  return checked(PQdescribePrepared(handle_.get(), name.c_str()));
}

Result Connection::exec_prepared(const std::string& name, std::span<const Param> params,
                                 bool binary) {
  const Values values(params);
  return checked(PQexecPrepared(handle_.get(), name.c_str(), static_cast<int>(params.size()),
                                values.values.data(), values.lengths.data(), values.formats.data(),
                                binary ? 1 : 0));
}

std::vector<Result> Connection::exec_prepared_together(std::span<const PreparedRun> runs) {
  PGconn* const connection = handle_.get();
  if (PQenterPipelineMode(connection) != 1) checked(nullptr);  // throws libpq's reason
  bool sent = true;
  for (const PreparedRun& run : runs) {
    const Values values(run.params);  // libpq copies them into its buffer as it sends
    sent = sent &&
           PQsendQueryPrepared(connection, run.name.c_str(), static_cast<int>(run.params.size()),
                               values.values.data(), values.lengths.data(), values.formats.data(),
                               run.binary ? 1 : 0) == 1;
  }
  sent = sent && PQpipelineSync(connection) == 1;
  // Each statement is answered by one result and a null; statements after a failed one by
  // PGRES_PIPELINE_ABORTED; the batch ends with PGRES_PIPELINE_SYNC. Every answer is read
  // before anything is thrown, since pipeline mode ends only once all are in.
  std::vector<Result> results;
  std::exception_ptr failure;
  while (sent) {
    PGresult* const raw = PQgetResult(connection);
    if (raw == nullptr) break;  // the connection failed part-way
    if (PQresultStatus(raw) == PGRES_PIPELINE_SYNC) {
      PQclear(raw);
      break;
    }
    if (failure) {
      PQclear(raw);
    } else {
      try {
        results.push_back(checked(raw));
      } catch (const DatabaseError&) {
        failure = std::current_exception();
      }
    }
    if (PGresult* end = PQgetResult(connection)) PQclear(end);  // the null after each answer
  }
  PQexitPipelineMode(connection);  // fails only on a connection that has failed
  if (failure) std::rethrow_exception(failure);
  if (results.size() != runs.size()) checked(nullptr);  // throws why the connection failed
  return results;
}

void Connection::exec_script(std::string_view sql) {
  // PQexec runs the statements in turn, stops at the first that fails and returns its result.
  checked(PQexec(handle_.get(), std::string(sql).c_str()));
}

std::string Connection::quote_identifier(std::string_view name) const {
  char* quoted = PQescapeIdentifier(handle_.get(), name.data(), name.size());
  if (quoted == nullptr) throw std::runtime_error(one_line(PQerrorMessage(handle_.get())));
  std::string text(quoted);
  PQfreemem(quoted);
  return text;
}

std::string Connection::quote_literal(std::string_view text) const {
  char* quoted = PQescapeLiteral(handle_.get(), text.data(), text.size());
  if (quoted == nullptr) throw std::runtime_error(one_line(PQerrorMessage(handle_.get())));
  std::string literal(quoted);
  PQfreemem(quoted);
  return literal;
}

}  // namespace caretoolkit::pg
