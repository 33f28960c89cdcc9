// Providers' checker settings between the store and the rules, for the API and the command line
// alike: reading and saving them (validated against the shared rule packs, with the history of
// who changed what), and the checker a provider's adverts are checked with.
//
// Thread safety: every member may be called from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "advert/settings_checker.hpp"
#include "rules/checker_settings.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server {

// A checker for one provider's check, and what keeps it alive: reports point into its rules, so
// hold the lease until the report is written out.
struct CheckerLease {
  std::shared_ptr<const advert::SettingsChecker> owner;  // null for the shared checker
  const advert::Checker* checker = nullptr;
  const advert::Checker& operator*() const { return *checker; }
  const advert::Checker* operator->() const { return checker; }
};

// A provider's settings as stored, read against the rules.
struct StoredSettings {
  tracker::CheckerSettingsRecord record;
  rules::CheckerSettings settings;
};

struct SavedSettings {
  StoredSettings stored;
  std::vector<std::string> changes;  // what this save changed; empty: the same as before
};

class CheckerSettingsService {
 public:
  // All four must outlive the service; `shared_checker` checks with `shared`.
  CheckerSettingsService(tracker::Store& store, const rules::RuleSet& shared,
                         const text::Analyzer& analyzer, const advert::Checker& shared_checker,
                         std::size_t cache_capacity = 64);

  // Error(kNotFound) for an unknown provider.
  StoredSettings get(tracker::Id provider) const;

  // Validates `json` (parse_checker_settings; `source` names it in messages), compiles the checker
  // it gives, and saves it with the history's sentences and `changed_by`. With `expected_version`,
  // refuses with Error(kConflict) unless that is the stored version; without, a save made by
  // someone else in between is taken into account (the changes are worked out again). Saving the
  // settings already stored writes nothing.
  SavedSettings save(tracker::Id provider, std::string_view json, const std::string& source,
                     const std::string& changed_by,
                     std::optional<std::int64_t> expected_version = std::nullopt);

  // The checker for `provider`'s adverts: the shared one while it has no settings, else its own,
  // compiled once per settings version.
  CheckerLease checker_for(tracker::Id provider);

  const rules::RuleSet& shared_rules() const { return shared_; }
  const advert::SettingsCheckerCache& cache() const { return cache_; }

 private:
  std::shared_ptr<const advert::SettingsChecker> build(tracker::Id provider, std::int64_t version,
                                                       rules::CheckerSettings settings) const;

  tracker::Store& store_;
  const rules::RuleSet& shared_;
  const text::Analyzer& analyzer_;
  const advert::Checker& shared_checker_;
  advert::SettingsCheckerCache cache_;
};

// The settings with their version and who saved them last, as the API and an export write them.
boost::json::object stored_settings_to_json(const StoredSettings& stored);

// How the history names an API key: "key 0123456789abcdef (Office PC)".
std::string describe_key(const tracker::ApiKeyRecord& key);

}  // namespace caretoolkit::server
