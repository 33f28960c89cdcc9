// All the rule packs in use: loaded from one directory in file-name order, so the same directory
// always gives the same rules in the same order, and identified by a version string that every
// report carries.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rules/rule_pack.hpp"

namespace caretoolkit::rules {

class RuleSet {
 public:
  // Loads every "*.json" file directly in `directory`, sorted by file name. Throws
  // caretoolkit::Error: kNotFound when the directory cannot be read or has no pack, and the
  // errors of parse_rule_pack(); kConflict when two packs share a rule id, a pack name or a word
  // list's name; kInvalid when a rule names a word list that no pack defines.
  static RuleSet load_directory(const std::filesystem::path& directory);

  // Combines packs already parsed (in the order given), with the same cross-pack checks.
  static RuleSet from_packs(std::vector<RulePack> packs);

  const std::vector<RulePack>& packs() const { return packs_; }
  // Every rule of every pack, in pack order then file order. Rule indices used elsewhere
  // (matcher targets, observations) index this vector.
  const std::vector<Rule>& rules() const { return rules_; }

  // "engaging@1.0.0+essentials@1.0.0+..." : what a report says it was checked against.
  const std::string& version() const { return version_; }
  // FNV-1a 64 over the packs' names and content hashes: changes when any pack's bytes change.
  const std::string& content_hash() const { return content_hash_; }

  // Index of the rule with this id, or -1.
  long find(std::string_view id) const;

 private:
  std::vector<RulePack> packs_;
  std::vector<Rule> rules_;
  std::string version_;
  std::string content_hash_;
};

}  // namespace caretoolkit::rules
