// Loading one rule pack: a JSON file of rules (format in rules/README.md), validated strictly so
// that a broken pack is refused at start-up rather than silently scoring adverts wrong.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace caretoolkit::rules {

// A named list of terms that rules of any pack can use in their context ("the-reader").
struct NamedWordList {
  std::string name;
  std::vector<std::string> terms;
};

struct RulePack {
  std::string name;     // "jargon"
  std::string version;  // "1.0.0"
  std::string description;
  std::string guidance;      // the article#section for its rules that name none (Rule::guidance)
  std::string file;          // the path it was loaded from, as given ("rules/jargon.json")
  std::string content_hash;  // FNV-1a 64 of the file's bytes, 16 hex digits (not cryptographic)
  std::vector<NamedWordList> word_lists;  // in file order; names unique across packs (RuleSet)
  std::vector<Rule> rules;
};

// Parses and validates one pack; `file` names it in messages. Throws caretoolkit::Error:
// kMalformed for JSON syntax (with the byte offset), kInvalid for anything else, with a message
// naming the file, the rule and the field, e.g.
//   rules/jargon.json: rule "jargon.service-users": field "weight": must be a whole number
//   between 0 and 100
// and Error::field() a JSON pointer to it ("/rules/3/weight"). Unknown fields are refused.
// Checks within the pack only; ids and word-list names are checked, and the lists a rule names
// are filled in, across packs by RuleSet.
RulePack parse_rule_pack(std::string_view json, const std::string& file);

// Reads `path` and parses it. An unreadable file is Error(kNotFound).
RulePack load_rule_pack(const std::filesystem::path& path);

// What is wrong with `term` as a term of a rule (words separated by single spaces, a stem "*" only
// at the end of a word of 3 letters or more, "#" only as a word of its own, and a word besides
// "#"), as a phrase that quotes it; nullopt when it is well formed. Duplicates are the caller's.
std::optional<std::string> term_problem(std::string_view term);

// 64-bit FNV-1a of `bytes` as 16 lowercase hex digits.
std::string fnv1a_hex(std::string_view bytes);

}  // namespace caretoolkit::rules
