// The Store's sign-in sessions; see store.hpp and sessions.hpp.
#include "core/error.hpp"
#include "tracker/sql.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

void bind_hash(Statement& statement, int index, std::string_view hash) {
  statement.bind(index, hash.data(), static_cast<int>(hash.size()));
}

// The session row with this rowid or id hash, and its key, read in one transaction.
std::optional<SessionRecord> read_session(Connection& connection, Statement& statement) {
  if (!statement.executeStep()) return std::nullopt;
  SessionRecord session;
  session.id = statement.getColumn(0).getInt64();
  const auto hash = statement.getColumn(1);
  session.id_sha256.assign(static_cast<const char*>(hash.getBlob()),
                           static_cast<std::size_t>(hash.getBytes()));
  const Id key = statement.getColumn(2).getInt64();
  session.created_at = statement.getColumn(3).getInt64();
  session.last_used_at = statement.getColumn(4).getInt64();
  statement.reset();
  session.key = get_api_key(connection, key);
  return session;
}

constexpr std::string_view kSessionColumns =
    "SELECT id, id_sha256, api_key_id, created_at, last_used_at FROM sessions ";

}  // namespace

SessionRecord Store::create_session(Id api_key_id, std::string_view id_sha256, std::int64_t now) {
  if (id_sha256.size() != 32) {
    throw Error(ErrorCode::kInvalid, "a session's id hash must be 32 bytes", "id_sha256");
  }
  return impl_->write([&](Connection& connection) {
    get_api_key(connection, api_key_id);
    auto& insert = connection.statement(
        "INSERT INTO sessions (id_sha256, api_key_id, created_at, last_used_at) "
        "VALUES (?, ?, ?, ?) RETURNING id");
    bind_hash(insert, 1, id_sha256);
    insert.bind(2, static_cast<std::int64_t>(api_key_id));
    insert.bind(3, now);
    insert.bind(4, now);
    const Id id = sql::returned_id(insert);
    auto& select = connection.statement(std::string(kSessionColumns) + "WHERE id = ?");
    select.bind(1, static_cast<std::int64_t>(id));
    return *read_session(connection, select);
  });
}

std::optional<SessionRecord> Store::find_session(std::string_view id_sha256) const {
  return impl_->read([&](Connection& connection) {
    auto& select = connection.statement(std::string(kSessionColumns) + "WHERE id_sha256 = ?");
    bind_hash(select, 1, id_sha256);
    return read_session(connection, select);
  });
}

void Store::touch_session(Id session, std::int64_t now) {
  impl_->write([&](Connection& connection) {
    auto& statement = connection.statement(
        "UPDATE sessions SET last_used_at = max(last_used_at, ?) WHERE id = ?");
    statement.bind(1, now);
    statement.bind(2, static_cast<std::int64_t>(session));
    statement.exec();
  });
}

void Store::delete_session(Id session) {
  impl_->write([&](Connection& connection) {
    auto& statement = connection.statement("DELETE FROM sessions WHERE id = ?");
    statement.bind(1, static_cast<std::int64_t>(session));
    statement.exec();
  });
}

std::size_t Store::delete_sessions_ended(std::int64_t used_by, std::int64_t created_by) {
  return impl_->write([&](Connection& connection) {
    auto& statement =
        connection.statement("DELETE FROM sessions WHERE last_used_at <= ? OR created_at <= ?");
    statement.bind(1, used_by);
    statement.bind(2, created_by);
    return static_cast<std::size_t>(statement.exec());
  });
}

}  // namespace caretoolkit::tracker
