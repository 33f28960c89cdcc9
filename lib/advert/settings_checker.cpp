// A provider's compiled checker and the cache of them.
#include "advert/settings_checker.hpp"

namespace caretoolkit::advert {

SettingsChecker::SettingsChecker(const rules::RuleSet& shared, rules::CheckerSettings settings,
                                 const text::Analyzer& analyzer, const std::string& label)
    : settings_(std::move(settings)),
      rules_(rules::settings_rule_set(shared, settings_, label)),
      allowed_(settings_.allowed_terms, analyzer),
      checker_(rules_, analyzer, allowed_.empty() ? nullptr : &allowed_) {}

std::shared_ptr<const SettingsChecker> SettingsCheckerCache::get(std::int64_t provider,
                                                                 std::int64_t version,
                                                                 const Build& build) {
  {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(provider);
    if (it != entries_.end() && it->second.version == version) {
      recent_.splice(recent_.begin(), recent_, it->second.recent);
      return it->second.checker;
    }
  }
  std::shared_ptr<const SettingsChecker> built = build();
  const std::lock_guard lock(mutex_);
  ++builds_;
  auto it = entries_.find(provider);
  if (it != entries_.end()) {
    // Another thread may have cached a newer version meanwhile: keep the newest.
    if (it->second.version > version) return built;
    it->second.version = version;
    it->second.checker = built;
    recent_.splice(recent_.begin(), recent_, it->second.recent);
    return built;
  }
  recent_.push_front(provider);
  entries_.emplace(provider, Entry{version, built, recent_.begin()});
  while (entries_.size() > capacity_) {
    entries_.erase(recent_.back());
    recent_.pop_back();
  }
  return built;
}

std::size_t SettingsCheckerCache::builds() const {
  const std::lock_guard lock(mutex_);
  return builds_;
}

}  // namespace caretoolkit::advert
