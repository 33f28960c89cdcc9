// Reading, writing and comparing a provider's checker settings, and the rules they give.
#include "rules/checker_settings.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <map>
#include <set>

#include "core/error.hpp"
#include "rules/rule_pack.hpp"

namespace caretoolkit::rules {
namespace json = boost::json;
namespace {

// The fields a document may carry besides the settings (an export's metadata): read-only.
constexpr std::string_view kReadOnlyFields[] = {"version", "updated_at", "updated_by"};

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// One entry of a list, for messages: its name in the page's words ("house term 2 (\"clients\")")
// and its JSON pointer.
class EntryReader {
 public:
  EntryReader(const std::string& source, std::string name, std::string pointer)
      : source_(source), name_(std::move(name)), pointer_(std::move(pointer)) {}

  void name_term(std::string_view term) { name_ += " (" + in_quotes(term) + ")"; }

  [[noreturn]] void fail(std::string_view field, const std::string& problem) const {
    std::string message = source_ + ": " + name_ + ": ";
    if (!field.empty()) message += "field " + in_quotes(field) + ": ";
    throw Error(ErrorCode::kInvalid, message + problem,
                field.empty() ? pointer_ : pointer_ + "/" + std::string(field));
  }

  // A string field: required or "" when absent; never empty when given, at most `limit`
  // characters, no control characters.
  std::string text(const json::object& object, std::string_view key, bool required,
                   std::size_t limit) const {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
      if (required) fail(key, "is required");
      return {};
    }
    const json::string* string = value->if_string();
    if (string == nullptr) fail(key, "must be a string");
    const std::string_view view(string->data(), string->size());
    if (view.empty()) fail(key, "must not be empty");
    if (characters(view) > limit) {
      fail(key, "is " + std::to_string(characters(view)) + " characters long; the most is " +
                    std::to_string(limit));
    }
    for (std::size_t i = 0; i < view.size(); ++i) {
      const auto c = static_cast<unsigned char>(view[i]);
      if (c < 0x20 || c == 0x7F) fail(key, "must not contain control characters or line breaks");
    }
    return std::string(view);
  }

  template <typename Enum>
  Enum choice(const json::object& object, std::string_view key,
              std::optional<Enum> (*parse)(std::string_view), const char* choices,
              Enum absent) const {
    if (!object.contains(key)) return absent;
    const std::string name = text(object, key, true, 64);
    const auto value = parse(name);
    if (!value) fail(key, in_quotes(name) + " is not one of " + choices);
    return *value;
  }

  void refuse_unknown(const json::object& object,
                      std::initializer_list<std::string_view> known) const {
    for (const auto& entry : object) {
      if (std::find(known.begin(), known.end(), entry.key()) == known.end()) {
        fail(entry.key(), "is not a known field here (known: " + join(known) + ")");
      }
    }
  }

 private:
  static std::string join(std::initializer_list<std::string_view> names) {
    std::string out;
    for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
  }

  const std::string& source_;
  std::string name_;
  std::string pointer_;
};

std::optional<AllowedWhere> parse_where(std::string_view name) {
  if (name == "everywhere") return AllowedWhere::kEverywhere;
  if (name == "explained") return AllowedWhere::kExplained;
  return std::nullopt;
}

// The array at `key` of the document (empty when absent), at most kMaxSettingsEntries long.
const json::array* list(const json::object& root, std::string_view key, const std::string& source) {
  const json::value* value = root.if_contains(key);
  if (value == nullptr) return nullptr;
  const EntryReader document(source, "field " + in_quotes(key), "/" + std::string(key));
  const json::array* array = value->if_array();
  if (array == nullptr) document.fail({}, "must be an array");
  if (array->size() > kMaxSettingsEntries) {
    document.fail({}, "has " + std::to_string(array->size()) + " entries; the most is " +
                          std::to_string(kMaxSettingsEntries));
  }
  return array;
}

EntryReader entry_reader(const std::string& source, std::string_view what, std::string_view key,
                         std::size_t index) {
  return EntryReader(source, std::string(what) + " " + std::to_string(index + 1),
                     "/" + std::string(key) + "/" + std::to_string(index));
}

// A term of an allowed or house term: term syntax, and not listed before (ASCII case ignored).
std::string read_term(const EntryReader& entry, const json::object& object,
                      std::set<std::string>& seen, const std::string& duplicate_of) {
  std::string term = entry.text(object, "term", true, kMaxSettingsTermLength);
  if (const auto problem = term_problem(term)) entry.fail("term", *problem);
  if (std::none_of(term.begin(), term.end(),
                   [](unsigned char c) { return std::isalnum(c) || c >= 0x80; })) {
    entry.fail("term", in_quotes(term) + " needs a letter or a digit to match");
  }
  if (!seen.insert(lowercase(term)).second) entry.fail("term", in_quotes(term) + duplicate_of);
  return term;
}

std::vector<std::string> read_disabled_rules(const json::object& root, const RuleSet& shared,
                                             const std::string& source, SettingsSource kind) {
  std::vector<std::string> out;
  const json::array* array = list(root, "disabled_rules", source);
  if (array == nullptr) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const EntryReader entry = entry_reader(source, "switched-off rule", "disabled_rules", i);
    const json::string* id = (*array)[i].if_string();
    if (id == nullptr) entry.fail({}, "must be a rule's id, such as \"jargon.service-users\"");
    const std::string rule(id->data(), id->size());
    if (shared.find(rule) < 0) {
      if (kind == SettingsSource::kStored) continue;
      entry.fail({}, in_quotes(rule) +
                         " is not a rule of the checker; the rules and their ids are listed by "
                         "GET /api/v1/rules and on the checker page");
    }
    if (!seen.insert(rule).second) entry.fail({}, in_quotes(rule) + " is listed twice");
    out.push_back(rule);
  }
  return out;
}

std::vector<AllowedTerm> read_allowed_terms(const json::object& root, const std::string& source,
                                            std::set<std::string>& allowed) {
  std::vector<AllowedTerm> out;
  const json::array* array = list(root, "allowed_terms", source);
  if (array == nullptr) return out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    EntryReader entry = entry_reader(source, "allowed term", "allowed_terms", i);
    const json::object* object = (*array)[i].if_object();
    if (object == nullptr) entry.fail({}, R"(must be an object such as {"term": "bank"})");
    AllowedTerm term;
    term.term = read_term(entry, *object, allowed, " is allowed twice");
    entry.name_term(term.term);
    term.where = entry.choice<AllowedWhere>(*object, "where", parse_where, "everywhere, explained",
                                            AllowedWhere::kEverywhere);
    entry.refuse_unknown(*object, {"term", "where"});
    out.push_back(std::move(term));
  }
  return out;
}

std::vector<HouseTerm> read_house_terms(const json::object& root, const std::string& source,
                                        const std::set<std::string>& allowed) {
  std::vector<HouseTerm> out;
  const json::array* array = list(root, "house_terms", source);
  if (array == nullptr) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < array->size(); ++i) {
    EntryReader entry = entry_reader(source, "house term", "house_terms", i);
    const json::object* object = (*array)[i].if_object();
    if (object == nullptr) {
      entry.fail({}, R"(must be an object with "term", "replacement" and "message")");
    }
    HouseTerm term;
    term.term = read_term(entry, *object, seen, " is a house term twice");
    if (allowed.count(lowercase(term.term))) {
      entry.fail("term", in_quotes(term.term) +
                             " is also an allowed term: a term is either allowed or flagged");
    }
    entry.name_term(term.term);
    term.replacement = entry.text(*object, "replacement", true, kMaxReplacementLength);
    term.message = entry.text(*object, "message", true, kMaxHouseMessageLength);
    term.category =
        entry.choice<Category>(*object, "category", parse_category,
                               "engaging, values, clarity, inclusive, essentials", term.category);
    term.severity = entry.choice<Severity>(*object, "severity", parse_severity,
                                           "info, suggestion, warning, critical", term.severity);
    if (const json::value* weight = object->if_contains("weight")) {
      const std::string problem =
          "must be a whole number between 0 and " + std::to_string(kMaxHouseTermWeight);
      if (!weight->is_int64() && !weight->is_uint64()) entry.fail("weight", problem);
      const auto n = weight->is_int64() ? weight->get_int64() : kMaxHouseTermWeight + 1;
      if (n < 0 || n > kMaxHouseTermWeight) entry.fail("weight", problem);
      term.weight = static_cast<int>(n);
    }
    entry.refuse_unknown(*object,
                         {"term", "replacement", "message", "category", "severity", "weight"});
    out.push_back(std::move(term));
  }
  return out;
}

json::value parse_document(std::string_view text, const std::string& source) {
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    throw Error(ErrorCode::kMalformed, source + ": not valid JSON at byte " +
                                           std::to_string(consumed) + ": " + ec.message());
  }
  return parser.release();
}

// "house." and the term's ASCII letters and digits, other characters as hyphens; a number is
// added when two terms give the same id.
std::string house_rule_id(std::string_view term, std::set<std::string>& taken) {
  std::string slug;
  for (unsigned char c : term) {
    if (std::isalnum(c) && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 60) slug.resize(60);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "term";
  const std::string base = std::string(kHousePackName) + "." + slug;
  std::string id = base;
  for (int n = 2; !taken.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

Rule house_rule(const HouseTerm& term, std::string id, std::size_t index) {
  Rule rule;
  rule.id = std::move(id);
  rule.kind = RuleKind::kSubstitute;
  rule.category = term.category;
  rule.severity = term.severity;
  rule.weight = term.weight;
  rule.message = term.message;
  rule.suggestion = "Write " + in_quotes(term.replacement) + " instead.";
  rule.source = "Your checker settings";
  rule.pack = std::string(kHousePackName);
  rule.index_in_pack = index;
  rule.terms = {term.term};
  rule.replacement = term.replacement;
  return rule;
}

std::string describe_where(AllowedWhere where) {
  return where == AllowedWhere::kEverywhere ? "everywhere" : "where the advert explains it";
}

void describe_house_change(const HouseTerm& a, const HouseTerm& b, std::vector<std::string>& out) {
  std::string parts;
  const auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : ", ") + part; };
  if (a.term != b.term) add("written " + in_quotes(b.term));
  if (a.replacement != b.replacement) {
    add("replacement " + in_quotes(a.replacement) + " → " + in_quotes(b.replacement));
  }
  if (a.message != b.message) add("message " + in_quotes(a.message) + " → " + in_quotes(b.message));
  if (a.category != b.category) {
    add(std::string("category ") + to_string(a.category) + " → " + to_string(b.category));
  }
  if (a.severity != b.severity) {
    add(std::string("severity ") + to_string(a.severity) + " → " + to_string(b.severity));
  }
  if (a.weight != b.weight) {
    add("weight " + std::to_string(a.weight) + " → " + std::to_string(b.weight));
  }
  if (!parts.empty()) out.push_back("house term " + in_quotes(a.term) + ": " + parts);
}

}  // namespace

const char* to_string(AllowedWhere where) {
  return where == AllowedWhere::kEverywhere ? "everywhere" : "explained";
}

CheckerSettings parse_checker_settings(std::string_view text, const RuleSet& shared,
                                       const std::string& source, SettingsSource kind) {
  const json::value root = parse_document(text, source);
  const json::object* object = root.if_object();
  const EntryReader document(source, "the settings", "");
  if (object == nullptr) document.fail({}, "must be a JSON object");
  for (const auto& entry : *object) {
    const std::string_view key = entry.key();
    const bool read_only = std::find(std::begin(kReadOnlyFields), std::end(kReadOnlyFields), key) !=
                           std::end(kReadOnlyFields);
    if (!read_only && key != "disabled_rules" && key != "allowed_terms" && key != "house_terms") {
      throw Error(ErrorCode::kInvalid,
                  source + ": field " + in_quotes(key) +
                      " is not a known field (known: disabled_rules, allowed_terms, house_terms)",
                  "/" + std::string(key));
    }
  }
  CheckerSettings settings;
  settings.disabled_rules = read_disabled_rules(*object, shared, source, kind);
  std::set<std::string> allowed;
  settings.allowed_terms = read_allowed_terms(*object, source, allowed);
  settings.house_terms = read_house_terms(*object, source, allowed);
  return settings;
}

json::object checker_settings_to_json(const CheckerSettings& settings) {
  json::array disabled;
  for (const std::string& id : settings.disabled_rules) disabled.emplace_back(id);
  json::array allowed;
  for (const AllowedTerm& term : settings.allowed_terms) {
    allowed.push_back(json::object{{"term", term.term}, {"where", to_string(term.where)}});
  }
  json::array house;
  for (const HouseTerm& term : settings.house_terms) {
    house.push_back(json::object{{"term", term.term},
                                 {"replacement", term.replacement},
                                 {"message", term.message},
                                 {"category", to_string(term.category)},
                                 {"severity", to_string(term.severity)},
                                 {"weight", term.weight}});
  }
  return json::object{{"disabled_rules", std::move(disabled)},
                      {"allowed_terms", std::move(allowed)},
                      {"house_terms", std::move(house)}};
}

std::vector<std::string> describe_changes(const CheckerSettings& before,
                                          const CheckerSettings& after) {
  std::vector<std::string> out;
  const std::set<std::string> was(before.disabled_rules.begin(), before.disabled_rules.end());
  const std::set<std::string> is(after.disabled_rules.begin(), after.disabled_rules.end());
  for (const std::string& id : after.disabled_rules) {
    if (!was.count(id)) out.push_back("switched off rule " + id);
  }
  for (const std::string& id : before.disabled_rules) {
    if (!is.count(id)) out.push_back("switched rule " + id + " back on");
  }

  std::map<std::string, const AllowedTerm*> allowed_before;
  for (const AllowedTerm& term : before.allowed_terms) allowed_before[lowercase(term.term)] = &term;
  std::set<std::string> allowed_after;
  for (const AllowedTerm& term : after.allowed_terms) {
    allowed_after.insert(lowercase(term.term));
    const auto it = allowed_before.find(lowercase(term.term));
    if (it == allowed_before.end()) {
      out.push_back("allowed " + in_quotes(term.term) + " " + describe_where(term.where));
    } else if (it->second->where != term.where) {
      out.push_back("allowed " + in_quotes(term.term) + " " + describe_where(term.where) +
                    " (was " + describe_where(it->second->where) + ")");
    }
  }
  for (const AllowedTerm& term : before.allowed_terms) {
    if (!allowed_after.count(lowercase(term.term))) {
      out.push_back("no longer allows " + in_quotes(term.term));
    }
  }

  std::map<std::string, const HouseTerm*> house_before;
  for (const HouseTerm& term : before.house_terms) house_before[lowercase(term.term)] = &term;
  std::set<std::string> house_after;
  for (const HouseTerm& term : after.house_terms) {
    house_after.insert(lowercase(term.term));
    const auto it = house_before.find(lowercase(term.term));
    if (it == house_before.end()) {
      out.push_back("added house term " + in_quotes(term.term) + " → " +
                    in_quotes(term.replacement));
    } else {
      describe_house_change(*it->second, term, out);
    }
  }
  for (const HouseTerm& term : before.house_terms) {
    if (!house_after.count(lowercase(term.term))) {
      out.push_back("removed house term " + in_quotes(term.term));
    }
  }
  return out;
}

RuleSet settings_rule_set(const RuleSet& shared, const CheckerSettings& settings,
                          const std::string& label) {
  const std::set<std::string> disabled(settings.disabled_rules.begin(),
                                       settings.disabled_rules.end());
  std::vector<RulePack> packs = shared.packs();
  for (RulePack& pack : packs) {
    std::erase_if(pack.rules, [&](const Rule& rule) { return disabled.count(rule.id) > 0; });
  }
  RulePack house;
  house.name = std::string(kHousePackName);
  house.version = label;
  house.description = "A provider's house terms and settings.";
  house.file = "checker settings";
  house.content_hash = fnv1a_hex(json::serialize(checker_settings_to_json(settings)));
  std::set<std::string> ids;
  for (const Rule& rule : shared.rules()) ids.insert(rule.id);
  for (std::size_t i = 0; i < settings.house_terms.size(); ++i) {
    const HouseTerm& term = settings.house_terms[i];
    house.rules.push_back(house_rule(term, house_rule_id(term.term, ids), i));
  }
  packs.push_back(std::move(house));
  return RuleSet::from_packs(std::move(packs));
}

}  // namespace caretoolkit::rules
