// Providers' checker settings: reading, saving, and the checker they give.
#include "checker_settings_service.hpp"

#include <boost/json/serialize.hpp>

#include "core/error.hpp"

namespace caretoolkit::server {
namespace {

constexpr int kSaveAttempts = 3;

std::string label_for(tracker::Id provider, std::int64_t version) {
  return "provider-" + std::to_string(provider) + "-v" + std::to_string(version);
}

}  // namespace

CheckerSettingsService::CheckerSettingsService(tracker::Store& store, const rules::RuleSet& shared,
                                               const text::Analyzer& analyzer,
                                               const advert::Checker& shared_checker,
                                               std::size_t cache_capacity)
    : store_(store),
      shared_(shared),
      analyzer_(analyzer),
      shared_checker_(shared_checker),
      cache_(cache_capacity) {}

StoredSettings CheckerSettingsService::get(tracker::Id provider) const {
  StoredSettings stored{store_.get_checker_settings(provider), {}};
  stored.settings = rules::parse_checker_settings(
      stored.record.document, shared_, "stored checker settings", rules::SettingsSource::kStored);
  return stored;
}

std::shared_ptr<const advert::SettingsChecker> CheckerSettingsService::build(
    tracker::Id provider, std::int64_t version, rules::CheckerSettings settings) const {
  return std::make_shared<const advert::SettingsChecker>(shared_, std::move(settings), analyzer_,
                                                         label_for(provider, version));
}

SavedSettings CheckerSettingsService::save(tracker::Id provider, std::string_view json,
                                           const std::string& source, const std::string& changed_by,
                                           std::optional<std::int64_t> expected_version) {
  const rules::CheckerSettings settings = rules::parse_checker_settings(json, shared_, source);
  const std::string document = boost::json::serialize(rules::checker_settings_to_json(settings));
  for (int attempt = 1;; ++attempt) {
    StoredSettings current = get(provider);
    std::vector<std::string> changes = rules::describe_changes(current.settings, settings);
    if (changes.empty()) return SavedSettings{std::move(current), {}};
    // The store refuses the save when the stored version is not the expected one. Compiled
    // before saving, so that settings the checker cannot use are never stored.
    auto checker = build(provider, current.record.version + 1, settings);
    try {
      tracker::CheckerSettingsRecord record = store_.save_checker_settings(
          provider,
          {document, changes, changed_by, expected_version.value_or(current.record.version)});
      cache_.get(provider, record.version, [&] { return checker; });
      return SavedSettings{StoredSettings{std::move(record), settings}, std::move(changes)};
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kConflict || expected_version || attempt == kSaveAttempts) throw;
    }
  }
}

CheckerLease CheckerSettingsService::checker_for(tracker::Id provider) {
  const tracker::CheckerSettingsRecord record = store_.get_checker_settings(provider);
  if (record.version == 0 || record.document == "{}") return {nullptr, &shared_checker_};
  auto owner = cache_.get(provider, record.version, [&] {
    return build(provider, record.version,
                 rules::parse_checker_settings(record.document, shared_, "stored checker settings",
                                               rules::SettingsSource::kStored));
  });
  if (owner->settings().empty()) return {nullptr, &shared_checker_};
  return {owner, &owner->checker()};
}

boost::json::object stored_settings_to_json(const StoredSettings& stored) {
  boost::json::object out{{"version", stored.record.version}};
  out["updated_at"] = stored.record.updated_at.empty()
                          ? boost::json::value(nullptr)
                          : boost::json::value(stored.record.updated_at);
  out["updated_by"] = stored.record.updated_by.empty()
                          ? boost::json::value(nullptr)
                          : boost::json::value(stored.record.updated_by);
  for (auto& field : rules::checker_settings_to_json(stored.settings)) {
    out.emplace(field.key(), field.value());
  }
  return out;
}

std::string describe_key(const tracker::ApiKeyRecord& key) {
  std::string out = "key " + key.public_id;
  if (!key.label.empty()) out += " (" + key.label + ")";
  return out;
}

}  // namespace caretoolkit::server
