// The Store's checker settings: one document per provider and the history of its changes.
#include <boost/json.hpp>

#include "core/error.hpp"
#include "tracker/records.hpp"
#include "tracker/sessions.hpp"
#include "tracker/sql.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {
namespace {

CheckerSettingsRecord read_settings_record(Connection& connection, Id provider) {
  require_provider(connection, provider);
  auto& statement = connection.statement(
      "SELECT version, document, updated_at, updated_by FROM checker_settings "
      "WHERE provider_id = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  CheckerSettingsRecord record;
  record.provider_id = provider;
  if (statement.executeStep()) {
    record.version = statement.getColumn(0).getInt64();
    record.document = std::string(sql::read_text(statement.getColumn(1)));
    record.updated_at = std::string(sql::read_text(statement.getColumn(2)));
    record.updated_by = std::string(sql::read_text(statement.getColumn(3)));
  }
  statement.reset();
  return record;
}

CheckerSettingsChange read_change(Statement& row) {
  CheckerSettingsChange change;
  change.id = row.getColumn(0).getInt64();
  change.version = row.getColumn(1).getInt64();
  change.changed_at = std::string(sql::read_text(row.getColumn(2)));
  change.changed_by = std::string(sql::read_text(row.getColumn(3)));
  const boost::json::value changes = boost::json::parse(sql::read_text(row.getColumn(4)));
  for (const auto& sentence : changes.as_array()) {
    change.changes.emplace_back(sentence.as_string());
  }
  return change;
}

std::string changes_json(const std::vector<std::string>& changes) {
  boost::json::array array;
  for (const std::string& sentence : changes) array.emplace_back(sentence);
  return boost::json::serialize(array);
}

void check_save(const CheckerSettingsSave& save, const std::string& changed_by) {
  Problems problems;
  check_length(changed_by, kMaxNameLength, "changed_by", problems);
  check_text(changed_by, TextKind::kName, "changed_by", "who changed the settings", problems);
  if (changed_by.empty())
    problems.push_back({"changed_by", "who changed the settings must be named", std::nullopt});
  if (save.changes.empty()) {
    problems.push_back(
        {"document", "the settings are the same as those stored: nothing to save", std::nullopt});
  }
  throw_if_invalid(std::move(problems));
}

[[noreturn]] void throw_changed_since(const CheckerSettingsRecord& stored, std::int64_t expected) {
  const std::string now = stored.version == 0
                              ? "no checker settings are saved yet"
                              : "the checker settings were changed by " + stored.updated_by +
                                    " at " + stored.updated_at + " (now version " +
                                    std::to_string(stored.version) + ")";
  throw Error(ErrorCode::kConflict,
              now + ", not version " + std::to_string(expected) +
                  " as expected: load them again and make the change again",
              "version");
}

}  // namespace

CheckerSettingsRecord Store::get_checker_settings(Id provider) const {
  return impl_->read(
      [&](Connection& connection) { return read_settings_record(connection, provider); });
}

CheckerSettingsRecord Store::save_checker_settings(Id provider, const CheckerSettingsSave& save) {
  const std::string changed_by = normalise_text(save.changed_by);
  check_save(save, changed_by);
  return impl_->write([&](Connection& connection) {
    const CheckerSettingsRecord stored = read_settings_record(connection, provider);
    if (stored.version != save.expected_version) throw_changed_since(stored, save.expected_version);
    const std::int64_t version = stored.version + 1;
    auto& upsert = connection.statement(
        "INSERT INTO checker_settings (provider_id, version, document, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (provider_id) DO UPDATE SET "
        "version = excluded.version, document = excluded.document, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    upsert.bind(1, static_cast<std::int64_t>(provider));
    upsert.bind(2, version);
    sql::bind_text(upsert, 3, save.document);
    upsert.bind(4, utc_timestamp(now()));
    sql::bind_text(upsert, 5, changed_by);
    upsert.exec();
    auto& history = connection.statement(
        "INSERT INTO checker_settings_changes (provider_id, version, changed_at, changed_by, "
        "changes, document) SELECT provider_id, version, updated_at, updated_by, ?, document "
        "FROM checker_settings WHERE provider_id = ?");
    sql::bind_text(history, 1, changes_json(save.changes));
    history.bind(2, static_cast<std::int64_t>(provider));
    history.exec();
    return read_settings_record(connection, provider);
  });
}

Page<CheckerSettingsChange> Store::list_checker_settings_changes(Id provider,
                                                                 const PageRequest& request) const {
  const auto window = records::page_window(request);
  return impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    auto& statement = connection.statement(
        "SELECT id, version, changed_at, changed_by, changes FROM checker_settings_changes "
        "WHERE provider_id = ? AND id > ? ORDER BY id LIMIT ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    statement.bind(2, static_cast<std::int64_t>(window.after));
    statement.bind(3, window.fetch);
    return records::read_page<CheckerSettingsChange>(statement, request, read_change);
  });
}

}  // namespace caretoolkit::tracker
