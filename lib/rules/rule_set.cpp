// Loading a directory of packs and checking what one pack cannot check alone: unique ids and
// word-list names, and the lists that rules name.
#include "rules/rule_set.hpp"

#include <algorithm>
#include <map>
#include <system_error>

#include "core/error.hpp"

namespace caretoolkit::rules {

RuleSet RuleSet::load_directory(const std::filesystem::path& directory) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(directory, ec);
  if (ec) {
    throw Error(ErrorCode::kNotFound,
                directory.string() + ": cannot read the rules directory: " + ec.message());
  }
  for (const auto& entry : it) {
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
      files.push_back(entry.path());
    }
  }
  if (files.empty()) {
    throw Error(ErrorCode::kNotFound, directory.string() + ": no rule packs (*.json) found");
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.filename().string() < b.filename().string();
  });
  std::vector<RulePack> packs;
  packs.reserve(files.size());
  for (const auto& file : files) packs.push_back(load_rule_pack(file));
  return from_packs(std::move(packs));
}

namespace {

struct ListOwner {
  const std::vector<std::string>* terms;
  std::string file;
};

// Fills in the terms of a word list that a rule names; `field` and `pointer` place it for the
// message when no pack defines the name.
void resolve(WordList& list, const std::map<std::string, ListOwner>& lists, const RulePack& pack,
             const Rule& rule, const std::string& field) {
  if (list.name.empty()) return;
  const auto it = lists.find(list.name);
  if (it == lists.end()) {
    throw Error(ErrorCode::kInvalid,
                pack.file + ": rule \"" + rule.id + "\": field \"" + field +
                    "\": no rule pack has a word list named \"" + list.name + "\"",
                "/rules/" + std::to_string(rule.index_in_pack) + "/" + field);
  }
  list.terms = *it->second.terms;
}

// Fills in the except words of class steps that name a word list.
void resolve_excepts(std::vector<Alternative>& alternatives,
                     const std::map<std::string, ListOwner>& lists, const RulePack& pack,
                     const Rule& rule, const std::string& field) {
  for (Alternative& alternative : alternatives) {
    for (PatternStep& step : alternative.steps) {
      if (step.except_list.empty()) continue;
      WordList list{step.except_list, {}};
      resolve(list, lists, pack, rule, field);
      step.except = std::move(list.terms);
    }
  }
}

void resolve_lists(Rule& rule, const std::map<std::string, ListOwner>& lists,
                   const RulePack& pack) {
  resolve_excepts(rule.any_of, lists, pack, rule, "any_of");
  resolve_excepts(rule.unless, lists, pack, rule, "unless");
  resolve_excepts(rule.only_with, lists, pack, rule, "only_with");
  resolve_excepts(rule.not_judged, lists, pack, rule, "not_judged");
  RuleContext& context = rule.context;
  resolve(context.only_in_sentences_with, lists, pack, rule, "only_in_sentences_with");
  resolve(context.unless_in_sentences_with, lists, pack, rule, "unless_in_sentences_with");
  for (NearWords& near : context.only_near) resolve(near.words, lists, pack, rule, "only_near");
  for (NearWords& near : context.unless_near) resolve(near.words, lists, pack, rule, "unless_near");
}

}  // namespace

RuleSet RuleSet::from_packs(std::vector<RulePack> packs) {
  RuleSet set;
  std::map<std::string, std::string> id_owner;    // rule id -> file
  std::map<std::string, std::string> pack_owner;  // pack name -> file
  std::map<std::string, ListOwner> lists;         // word-list name -> its terms and file
  for (const RulePack& pack : packs) {
    for (const NamedWordList& list : pack.word_lists) {
      if (auto [at, inserted] = lists.emplace(list.name, ListOwner{&list.terms, pack.file});
          !inserted) {
        throw Error(ErrorCode::kConflict,
                    pack.file + R"(: field "word_lists": the name ")" + list.name +
                        "\" is already used by " + at->second.file,
                    "/word_lists/" + list.name);
      }
    }
  }
  std::string hash_input;
  for (const RulePack& pack : packs) {
    if (auto [at, inserted] = pack_owner.emplace(pack.name, pack.file); !inserted) {
      throw Error(ErrorCode::kConflict,
                  pack.file + R"(: field "pack": the name ")" + pack.name +
                      "\" is already used by " + at->second,
                  "/pack");
    }
    for (const Rule& rule : pack.rules) {
      if (auto [at, inserted] = id_owner.emplace(rule.id, pack.file); !inserted) {
        throw Error(
            ErrorCode::kConflict,
            pack.file + ": rule \"" + rule.id + R"(": field "id": already used in )" + at->second,
            "/rules/" + std::to_string(rule.index_in_pack) + "/id");
      }
      resolve_lists(set.rules_.emplace_back(rule), lists, pack);
    }
    if (!set.version_.empty()) set.version_ += '+';
    set.version_ += pack.name + "@" + pack.version;
    hash_input += pack.name + ":" + pack.content_hash + ";";
  }
  set.content_hash_ = fnv1a_hex(hash_input);
  set.packs_ = std::move(packs);
  return set;
}

long RuleSet::find(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<long>(i);
  }
  return -1;
}

}  // namespace caretoolkit::rules
