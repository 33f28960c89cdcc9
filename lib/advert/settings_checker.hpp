// A provider's checker: the shared rules adjusted by its settings (rules/checker_settings.hpp),
// compiled once, and a cache that keeps one per provider for the settings version it was built
// from, so that checking with settings costs what checking without them costs.
//
// Thread safety: a SettingsChecker is immutable; SettingsCheckerCache is safe to use from many
// threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "advert/checker.hpp"
#include "rules/allowed_terms.hpp"
#include "rules/checker_settings.hpp"

namespace caretoolkit::advert {

class SettingsChecker {
 public:
  // `shared` and `analyzer` must outlive it. `label` versions the settings in the reports'
  // rules_version ("provider-3-v7"). Throws Error(kInvalid) when a term has nothing to match.
  SettingsChecker(const rules::RuleSet& shared, rules::CheckerSettings settings,
                  const text::Analyzer& analyzer, const std::string& label);
  SettingsChecker(const SettingsChecker&) = delete;
  SettingsChecker& operator=(const SettingsChecker&) = delete;

  const Checker& checker() const { return checker_; }
  const rules::CheckerSettings& settings() const { return settings_; }

 private:
  rules::CheckerSettings settings_;
  rules::RuleSet rules_;
  rules::AllowedTerms allowed_;
  Checker checker_;  // reads rules_ and allowed_
};

// At most `capacity` providers' checkers, the least recently used dropped first.
class SettingsCheckerCache {
 public:
  using Build = std::function<std::shared_ptr<const SettingsChecker>()>;

  explicit SettingsCheckerCache(std::size_t capacity = 64) : capacity_(capacity) {}

  // The checker of `provider` at settings `version`: the cached one, or the one `build` makes
  // (outside the lock, so that other providers' checks do not wait for it), which replaces a
  // cached checker of an older version. An exception from `build` leaves the cache as it was.
  std::shared_ptr<const SettingsChecker> get(std::int64_t provider, std::int64_t version,
                                             const Build& build);

  // How many checkers the cache has built, for tests and metrics.
  std::size_t builds() const;

 private:
  struct Entry {
    std::int64_t version = 0;
    std::shared_ptr<const SettingsChecker> checker;
    std::list<std::int64_t>::iterator recent;  // its place in recent_
  };
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::size_t builds_ = 0;
  std::unordered_map<std::int64_t, Entry> entries_;
  std::list<std::int64_t> recent_;  // providers, the most recently used first
};

}  // namespace caretoolkit::advert
