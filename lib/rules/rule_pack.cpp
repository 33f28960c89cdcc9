// Strict JSON loading of a rule pack. Every problem names the file, the rule id and the field, so
// the person editing a pack can find it without reading C++.
#include "rules/rule_pack.hpp"

#include <algorithm>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "rules/fix.hpp"

namespace caretoolkit::rules {
namespace json = boost::json;
namespace {

// Where we are in the pack, for messages: the file, the rule being read and a JSON pointer.
struct Context {
  const std::string& file;
  std::string rule_id;  // empty outside a rule

  [[noreturn]] void fail(const std::string& pointer, const std::string& field,
                         const std::string& problem) const {
    std::string message = file + ": ";
    if (!rule_id.empty()) message += "rule \"" + rule_id + "\": ";
    if (!field.empty()) message += "field \"" + field + "\": ";
    message += problem;
    throw Error(ErrorCode::kInvalid, message, pointer);
  }
};

// Reads the fields of one JSON object, remembering which were used so that unknown fields
// (usually a typo such as "sugestion") are refused rather than ignored.
class ObjectReader {
 public:
  ObjectReader(const Context& context, const json::object& object, std::string pointer,
               std::string field_prefix)
      : context_(context),
        object_(object),
        pointer_(std::move(pointer)),
        prefix_(std::move(field_prefix)) {}

  bool has(std::string_view key) const { return object_.contains(key); }

  const json::value* find(std::string_view key) {
    used_.insert(std::string(key));
    return object_.if_contains(key);
  }

  [[noreturn]] void fail(std::string_view key, const std::string& problem) const {
    context_.fail(pointer_ + "/" + std::string(key), prefix_ + std::string(key), problem);
  }

  std::string pointer(std::string_view key) const { return pointer_ + "/" + std::string(key); }
  std::string field(std::string_view key) const { return prefix_ + std::string(key); }
  const Context& context() const { return context_; }

  std::string string(std::string_view key, bool required, bool allow_empty = false) {
    const json::value* v = find(key);
    if (v == nullptr) {
      if (required) fail(key, "is required");
      return {};
    }
    const json::string* s = v->if_string();
    if (s == nullptr) fail(key, "must be a string");
    if (!allow_empty && s->empty()) fail(key, "must not be empty");
    return {s->data(), s->size()};
  }

  std::optional<double> number(std::string_view key) {
    const json::value* v = find(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number()) fail(key, "must be a number");
    return v->to_number<double>();
  }

  // A whole number in [low, high]; `absent` when the field is missing (nullopt: required).
  int integer(std::string_view key, int low, int high, std::optional<int> absent) {
    const json::value* v = find(key);
    if (v == nullptr) {
      if (!absent) fail(key, "is required");
      return *absent;
    }
    const std::string problem =
        "must be a whole number between " + std::to_string(low) + " and " + std::to_string(high);
    if (!v->is_int64() && !v->is_uint64()) fail(key, problem);
    const std::int64_t n =
        v->is_int64()
            ? v->get_int64()
            : static_cast<std::int64_t>(std::min<std::uint64_t>(v->get_uint64(), INT64_MAX));
    if (n < low || n > high) fail(key, problem);
    return static_cast<int>(n);
  }

  bool boolean(std::string_view key) {
    const json::value* v = find(key);
    if (v == nullptr) return false;
    if (!v->is_bool()) fail(key, "must be true or false");
    return v->get_bool();
  }

  // An array of non-empty strings; empty when absent unless required.
  std::vector<std::string> strings(std::string_view key, bool required) {
    const json::value* v = find(key);
    std::vector<std::string> out;
    if (v == nullptr) {
      if (required) fail(key, "is required");
      return out;
    }
    const json::array* a = v->if_array();
    if (a == nullptr) fail(key, "must be an array of strings");
    if (required && a->empty()) fail(key, "must not be empty");
    for (std::size_t i = 0; i < a->size(); ++i) {
      const json::string* s = (*a)[i].if_string();
      const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
      if (s == nullptr) fail(item, "must be a string");
      if (s->empty()) fail(item, "must not be empty");
      out.emplace_back(s->data(), s->size());
    }
    return out;
  }

  // Object-valued field.
  ObjectReader object(std::string_view key) {
    const json::value* v = find(key);
    if (v == nullptr) fail(key, "is required");
    const json::object* o = v->if_object();
    if (o == nullptr) fail(key, "must be an object");
    return {context_, *o, pointer(key), field(key) + "."};
  }

  // Refuses any field not read so far.
  void finish() const {
    for (const auto& entry : object_) {
      const std::string key(entry.key());
      if (!used_.count(key)) fail(key, "is not a known field here");
    }
  }

 private:
  const Context& context_;
  const json::object& object_;
  std::string pointer_;
  std::string prefix_;
  std::set<std::string> used_;
};

bool is_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  char previous = '.';
  for (char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool separator = c == '.' || c == '-';
    if (!alnum && !separator) return false;
    if (separator && (previous == '.' || previous == '-')) return false;
    previous = c;
  }
  return previous != '.' && previous != '-';
}

// Splits a term on single spaces; empty when the spacing is wrong.
std::vector<std::string_view> split_words(std::string_view term) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= term.size()) {
    const std::size_t end = std::min(term.find(' ', start), term.size());
    if (end == start) return {};  // leading, trailing or double space
    words.push_back(term.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Checks the syntax of each term (term_problem) and duplicates.
void check_terms(ObjectReader& reader, std::string_view key, const std::vector<std::string>& terms,
                 bool case_sensitive) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const std::string& term = terms[i];
    const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
    if (const auto problem = term_problem(term)) reader.fail(item, *problem);
    std::string key_form = term;
    if (!case_sensitive) {
      std::transform(key_form.begin(), key_form.end(), key_form.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
    if (!seen.insert(key_form).second) reader.fail(item, "\"" + term + "\" is listed twice");
  }
}

std::vector<std::string> read_terms(ObjectReader& reader, std::string_view key, bool required,
                                    bool case_sensitive) {
  auto terms = reader.strings(key, required);
  check_terms(reader, key, terms, case_sensitive);
  return terms;
}

template <typename Enum>
Enum read_enum(ObjectReader& reader, std::string_view key,
               std::optional<Enum> (*parse)(std::string_view), const char* choices,
               std::optional<Enum> absent = std::nullopt) {
  if (!reader.has(key)) {
    reader.find(key);
    if (!absent) reader.fail(key, std::string("is required (one of ") + choices + ")");
    return *absent;
  }
  const std::string name = reader.string(key, true);
  const auto value = parse(name);
  if (!value) reader.fail(key, "\"" + name + "\" is not one of " + choices);
  return *value;
}

bool is_name(std::string_view name);

// A class step's "except": the name of a pack's word list, or an array of single words.
void read_except(ObjectReader& reader, PatternStep& step) {
  if (const json::value* v = reader.find("except"); v != nullptr && v->is_string()) {
    const json::string& name = v->get_string();
    step.except_list.assign(name.data(), name.size());
    if (!is_name(step.except_list)) {
      reader.fail("except", "\"" + step.except_list +
                                "\" must name a word list (lowercase letters, digits and "
                                "hyphens) or be an array of words");
    }
    return;
  }
  step.except = read_terms(reader, "except", false, false);
  for (std::size_t w = 0; w < step.except.size(); ++w) {
    if (step.except[w].find(' ') != std::string::npos) {
      reader.fail("except[" + std::to_string(w) + "]",
                  "\"" + step.except[w] +
                      "\" must be one word: a class step's except lists words that do not "
                      "count as the class");
    }
  }
}

// An alternative's "where": "anywhere" (the default) or "title".
Where read_where(ObjectReader& reader) {
  if (!reader.has("where")) return Where::kAnywhere;
  const std::string where = reader.string("where", true);
  if (where == "anywhere") return Where::kAnywhere;
  if (where == "title") return Where::kTitle;
  reader.fail("where", "\"" + where + "\" is not one of anywhere, title");
}

Alternative read_alternative(ObjectReader& reader) {
  Alternative alternative;
  if (reader.has("terms")) {
    PatternStep step;
    step.terms = read_terms(reader, "terms", true, false);
    alternative.steps.push_back(std::move(step));
    if (reader.has("sequence")) reader.fail("sequence", R"(give either "terms" or "sequence")");
    alternative.where = read_where(reader);
    reader.finish();
    return alternative;
  }
  const json::value* v = reader.find("sequence");
  if (v == nullptr) reader.fail("sequence", "is required (or \"terms\")");
  const json::array* steps = v->if_array();
  if (steps == nullptr || steps->empty()) reader.fail("sequence", "must be a non-empty array");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const std::string key = "sequence[" + std::to_string(i) + "]";
    const json::object* o = (*steps)[i].if_object();
    if (o == nullptr) reader.fail(key, R"(must be an object with "class" or "terms")");
    ObjectReader step_reader(reader.context(), *o, reader.pointer("sequence/" + std::to_string(i)),
                             reader.field(key) + ".");
    PatternStep step;
    if (step_reader.has("class")) {
      step.token_class = read_enum<TokenClass>(
          step_reader, "class", parse_token_class,
          "money, number, time, postcode, phone, email, url, capitalised, placeholder");
      if (step_reader.has("terms")) step_reader.fail("terms", R"(give either "class" or "terms")");
      read_except(step_reader, step);
    } else {
      step.terms = read_terms(step_reader, "terms", true, false);
    }
    step_reader.finish();
    alternative.steps.push_back(std::move(step));
  }
  alternative.max_gap = static_cast<std::uint32_t>(reader.integer("max_gap", 0, 20, 0));
  alternative.where = read_where(reader);
  reader.finish();
  return alternative;
}

// An array of alternatives (each "terms" or "sequence", as require's any_of); empty when absent
// unless required.
std::vector<Alternative> read_alternatives(ObjectReader& reader, std::string_view key,
                                           bool required) {
  std::vector<Alternative> out;
  const json::value* v = reader.find(key);
  if (v == nullptr) {
    if (required) reader.fail(key, "is required");
    return out;
  }
  const json::array* a = v->if_array();
  if (a == nullptr || a->empty()) reader.fail(key, "must be a non-empty array");
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
    const json::object* o = (*a)[i].if_object();
    if (o == nullptr) reader.fail(item, R"(must be an object with "terms" or "sequence")");
    ObjectReader alternative(reader.context(), *o,
                             reader.pointer(std::string(key) + "/" + std::to_string(i)),
                             reader.field(item) + ".");
    out.push_back(read_alternative(alternative));
  }
  return out;
}

// A pay floor's table: rows {"from": "YYYY-MM-DD", "hourly": pounds}, dates increasing.
std::vector<DatedRate> read_rates(ObjectReader& reader) {
  const json::value* v = reader.find("rates");
  if (v == nullptr) reader.fail("rates", "is required");
  const json::array* a = v->if_array();
  if (a == nullptr || a->empty()) reader.fail("rates", "must be a non-empty array");
  std::vector<DatedRate> rates;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string item = "rates[" + std::to_string(i) + "]";
    const json::object* o = (*a)[i].if_object();
    if (o == nullptr) reader.fail(item, R"(must be an object with "from" and "hourly")");
    ObjectReader row(reader.context(), *o, reader.pointer("rates/" + std::to_string(i)),
                     reader.field(item) + ".");
    const std::string from = row.string("from", true);
    const auto date = Date::parse(from);
    if (!date) row.fail("from", Date::problem(from, "it"));
    const auto hourly = row.number("hourly");
    if (!hourly) row.fail("hourly", "is required");
    const auto pence = round_pence(*hourly * 100);
    if (*hourly <= 0 || !pence || pence->value > 100'000 ||
        std::abs(*hourly * 100 - static_cast<double>(pence->value)) > 1e-6) {
      row.fail("hourly", "must be pounds above 0 with at most two decimals, such as 12.21");
    }
    row.finish();
    if (!rates.empty() && *date <= rates.back().from) {
      row.fail("from",
               "must be later than the row before's (" + rates.back().from.to_string() + ")");
    }
    rates.push_back(DatedRate{*date, *pence});
  }
  return rates;
}

BalanceSide read_side(ObjectReader& parent, std::string_view key, BalanceMethod method) {
  ObjectReader reader = parent.object(key);
  BalanceSide side;
  side.label = reader.string("label", true);
  if (method == BalanceMethod::kRatio) {
    side.terms = read_terms(reader, "terms", true, false);
  } else {
    side.prefixes = reader.strings("prefixes", true);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < side.prefixes.size(); ++i) {
      const std::string& p = side.prefixes[i];
      const std::string item = "prefixes[" + std::to_string(i) + "]";
      const bool ok = std::all_of(p.begin(), p.end(),
                                  [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
      if (!ok) reader.fail(item, "\"" + p + "\" must be lowercase letters a-z and hyphens");
      if (!seen.insert(p).second) reader.fail(item, "\"" + p + "\" is listed twice");
    }
    side.message = reader.string("message", false);
    if (reader.has("message") && side.message.empty()) {
      reader.fail("message", "must not be empty (leave it out instead)");
    }
    side.penalised = reader.has("penalised") ? reader.boolean("penalised") : true;
  }
  reader.finish();
  return side;
}

// A pack's or a word list's name: lowercase letters, digits and hyphens.
bool is_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A guidance reference: an article's file name without ".html" and, after "#", a section's id,
// both lowercase letters, digits and hyphens ("writing-adverts#jargon").
bool is_guidance(std::string_view reference) {
  const std::size_t hash = reference.find('#');
  if (!is_name(reference.substr(0, hash))) return false;
  return hash == std::string_view::npos || is_name(reference.substr(hash + 1));
}

std::string read_guidance(ObjectReader& reader) {
  std::string reference = reader.string("guidance", false);
  if (reader.has("guidance") && !is_guidance(reference)) {
    reader.fail("guidance", "\"" + reference +
                                "\" must name a guidance article and, after \"#\", its section, "
                                "such as \"writing-adverts#jargon\"");
  }
  return reference;
}

// A substitute rule's "fix": "suggest" (the default), "safe", or the forms that are safe, each
// with its replacement: {"utilise": "use", "utilising": "using"}.
Fix read_fix(ObjectReader& reader, const Rule& rule) {
  Fix fix;
  const json::value* value = reader.find("fix");
  if (value == nullptr) return fix;
  if (const json::string* word = value->if_string()) {
    if (*word == "suggest") return fix;
    if (*word != "safe") {
      reader.fail("fix",
                  R"(must be "safe", "suggest" or an object of forms and their replacements)");
    }
    for (const std::string& term : rule.terms) {
      if (term.find('*') != std::string::npos || term.find('#') != std::string::npos) {
        reader.fail("fix", "\"" + term +
                               "\" matches words of more than one form: list the forms that can "
                               "be replaced safely, such as {\"utilise\": \"use\", "
                               "\"utilising\": \"using\"}");
      }
    }
    fix.safe = true;
    return fix;
  }
  ObjectReader forms = reader.object("fix");
  if (value->get_object().empty()) reader.fail("fix", "must list at least one form");
  for (const auto& entry : value->get_object()) {
    const std::string form(entry.key());
    if (form.empty() || fix_form(form) != form) {
      forms.fail(form, "the form must be lowercase words separated by single spaces");
    }
    if (std::none_of(rule.terms.begin(), rule.terms.end(),
                     [&](const std::string& term) { return term_matches_form(term, form); })) {
      forms.fail(form, "no term of the rule matches \"" + form + "\"");
    }
    const json::string* replacement = entry.value().if_string();
    if (replacement == nullptr || replacement->empty()) {
      forms.fail(form, "must be the replacement for this form, a non-empty string");
    }
    fix.forms.emplace_back(form, std::string(replacement->data(), replacement->size()));
    forms.find(form);
  }
  forms.finish();
  fix.safe = true;
  return fix;
}

// A context's words: the name of a pack's word list, or an array of terms.
WordList read_word_list(ObjectReader& reader, std::string_view key) {
  WordList list;
  const json::value* v = reader.find(key);
  if (v == nullptr) reader.fail(key, "is required");
  if (const json::string* name = v->if_string()) {
    list.name.assign(name->data(), name->size());
    if (!is_name(list.name)) {
      reader.fail(key, "\"" + list.name +
                           "\" must name a word list (lowercase letters, digits and hyphens) or "
                           "be an array of terms");
    }
    return list;
  }
  if (!v->is_array()) reader.fail(key, "must name a word list or be an array of terms");
  list.terms = read_terms(reader, key, true, false);
  return list;
}

NearWords read_near(ObjectReader& reader) {
  NearWords near;
  near.words = read_word_list(reader, "words");
  near.within = static_cast<std::uint32_t>(reader.integer("within", 1, 20, std::nullopt));
  near.side = read_enum<Side>(reader, "side", parse_side, "either, before, after", Side::kEither);
  reader.finish();
  return near;
}

// "unless_near" and "only_near": one object, or an array of them.
std::vector<NearWords> read_near_list(ObjectReader& reader, std::string_view key) {
  std::vector<NearWords> out;
  const json::value* v = reader.find(key);
  if (v == nullptr) return out;
  const std::string shape = R"(must be an object {"words", "within"} or an array of them)";
  if (const json::object* o = v->if_object()) {
    ObjectReader near(reader.context(), *o, reader.pointer(key), reader.field(key) + ".");
    out.push_back(read_near(near));
    return out;
  }
  const json::array* a = v->if_array();
  if (a == nullptr || a->empty()) reader.fail(key, shape);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
    const json::object* o = (*a)[i].if_object();
    if (o == nullptr) reader.fail(item, shape);
    ObjectReader near(reader.context(), *o, reader.pointer(key) + "/" + std::to_string(i),
                      reader.field(item) + ".");
    out.push_back(read_near(near));
  }
  return out;
}

RuleContext read_context(ObjectReader& reader) {
  RuleContext context;
  if (reader.has("only_in_sentences_with")) {
    context.only_in_sentences_with = read_word_list(reader, "only_in_sentences_with");
  }
  if (reader.has("unless_in_sentences_with")) {
    context.unless_in_sentences_with = read_word_list(reader, "unless_in_sentences_with");
  }
  context.only_near = read_near_list(reader, "only_near");
  context.unless_near = read_near_list(reader, "unless_near");
  return context;
}

void read_kind_fields(ObjectReader& reader, Rule& rule) {
  switch (rule.kind) {
    case RuleKind::kTerms:
    case RuleKind::kSubstitute:
    case RuleKind::kReward:
      rule.case_sensitive = reader.boolean("case_sensitive");
      rule.terms = read_terms(reader, "terms", true, rule.case_sensitive);
      rule.except = read_terms(reader, "except", false, rule.case_sensitive);
      if (rule.kind == RuleKind::kSubstitute) {
        rule.replacement = reader.string("replacement", true);
        rule.fix = read_fix(reader, rule);
      }
      rule.context = read_context(reader);
      rule.patterns = read_alternatives(reader, "patterns", false);
      break;
    case RuleKind::kRequire:
      rule.any_of = read_alternatives(reader, "any_of", true);
      rule.not_judged = read_alternatives(reader, "not_judged", false);
      rule.reward = reader.integer("reward", 0, 100, 0);
      break;
    case RuleKind::kPayFloor:
      rule.per_hour = read_terms(reader, "per_hour", true, false);
      rule.hourly_before = read_terms(reader, "hourly_before", false, false);
      rule.max_gap = static_cast<std::uint32_t>(reader.integer("max_gap", 0, 20, 1));
      rule.rates = read_rates(reader);
      break;
    case RuleKind::kMetric:
      rule.metric = read_enum<Metric>(reader, "metric", parse_metric,
                                      "reading_ease, grade_level, average_sentence_words, "
                                      "longest_sentence_words, words, sentence_words, "
                                      "paragraph_words");
      rule.min = reader.number("min");
      rule.max = reader.number("max");
      if (!rule.min && !rule.max) reader.fail("max", R"(give "min", "max" or both)");
      if (rule.min && rule.max && *rule.min > *rule.max) {
        reader.fail("min", "must not be greater than \"max\"");
      }
      if ((rule.metric == Metric::kSentenceWords || rule.metric == Metric::kParagraphWords) &&
          rule.min) {
        reader.fail("min",
                    "is not used by " + std::string(to_string(rule.metric)) + " (give \"max\")");
      }
      break;
    case RuleKind::kBalance:
      rule.method = read_enum<BalanceMethod>(reader, "method", parse_balance_method,
                                             "ratio, gender-decoder", BalanceMethod::kRatio);
      rule.first = read_side(reader, "first", rule.method);
      rule.second = read_side(reader, "second", rule.method);
      if (rule.method == BalanceMethod::kRatio) {
        const auto ratio = reader.number("min_ratio");
        if (!ratio || *ratio <= 0 || *ratio > 100) {
          reader.fail("min_ratio", "must be a number above 0 and at most 100");
        }
        rule.min_ratio = *ratio;
        rule.min_second = reader.integer("min_second", 0, 1000, 0);
      } else {
        rule.max_difference = reader.integer("max_difference", 0, 1000, std::nullopt);
        rule.title_words = reader.strings("title_words", false);
        for (std::size_t i = 0; i < rule.title_words.size(); ++i) {
          const std::string& w = rule.title_words[i];
          if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            reader.fail("title_words[" + std::to_string(i) + "]",
                        "\"" + w + "\" must be one lowercase word of letters a-z");
          }
        }
      }
      rule.reward = reader.integer("reward", 0, 100, 0);
      break;
    case RuleKind::kStyle:
      rule.check = read_enum<StyleCheck>(reader, "check", parse_style_check,
                                         "exclamation_marks, capitals, repeated_punctuation");
      if (rule.check == StyleCheck::kExclamationMarks) {
        rule.max_count = reader.integer("max", 0, 1000, 0);
      }
      if (rule.check == StyleCheck::kCapitals) {
        rule.min_letters = reader.integer("min_letters", 2, 50, 3);
        rule.min_words = reader.integer("min_words", 1, 50, 3);
        rule.allow = reader.strings("allow", false);
        rule.shout_words = reader.strings("shout_words", false);
      }
      break;
  }
}

Rule read_rule(const Context& pack_context, const json::value& value, std::size_t index) {
  const std::string pointer = "/rules/" + std::to_string(index);
  const json::object* object = value.if_object();
  if (object == nullptr) {
    pack_context.fail(pointer, "rules[" + std::to_string(index) + "]", "must be an object");
  }
  Context context{pack_context.file, {}};
  // The id comes first so every later message can name the rule.
  {
    ObjectReader id_reader(context, *object, pointer, "");
    context.rule_id = "#" + std::to_string(index + 1);
    const std::string id = id_reader.string("id", true);
    if (!is_id(id)) {
      id_reader.fail("id", "\"" + id +
                               "\" must be lowercase letters, digits, dots and hyphens, such as "
                               "\"jargon.service-users\"");
    }
    context.rule_id = id;
  }
  ObjectReader reader(context, *object, pointer, "");
  Rule rule;
  rule.id = reader.string("id", true);
  rule.index_in_pack = index;
  rule.kind = read_enum<RuleKind>(reader, "kind", parse_rule_kind,
                                  "terms, substitute, require, metric, balance, style, reward, "
                                  "pay_floor");
  rule.category = read_enum<Category>(reader, "category", parse_category,
                                      "engaging, values, clarity, inclusive, essentials");
  rule.severity = read_enum<Severity>(reader, "severity", parse_severity,
                                      "info, suggestion, warning, critical");
  rule.weight = reader.integer("weight", 0, 100, std::nullopt);
  rule.max_points = reader.integer("max_points", 0, 1000, 0);
  if (rule.max_points != 0 && rule.max_points < rule.weight) {
    reader.fail("max_points", "must be at least the weight (" + std::to_string(rule.weight) + ")");
  }
  rule.message = reader.string("message", true);
  rule.suggestion = reader.string("suggestion", false);
  if (reader.has("suggestion") && rule.suggestion.empty()) {
    reader.fail("suggestion", "must not be empty (leave it out instead)");
  }
  rule.source = reader.string("source", true);
  rule.services = reader.strings("services", false);
  rule.guidance = read_guidance(reader);
  read_kind_fields(reader, rule);
  if (rule.kind != RuleKind::kMetric && rule.kind != RuleKind::kBalance &&
      rule.kind != RuleKind::kStyle) {
    rule.unless = read_alternatives(reader, "unless", false);
    rule.only_with = read_alternatives(reader, "only_with", false);
  }
  reader.finish();
  return rule;
}

// The pack's "word_lists": {"name": ["term", ...], ...}.
std::vector<NamedWordList> read_word_lists(ObjectReader& pack_reader) {
  std::vector<NamedWordList> lists;
  const json::value* value = pack_reader.find("word_lists");
  if (value == nullptr) return lists;
  ObjectReader reader = pack_reader.object("word_lists");  // refuses anything but an object
  for (const auto& entry : value->get_object()) {
    const std::string name(entry.key());
    if (!is_name(name)) {
      reader.fail(name, "the name must be lowercase letters, digits and hyphens");
    }
    if (!entry.value().is_array()) reader.fail(name, "must be an array of terms");
    lists.push_back(NamedWordList{name, read_terms(reader, name, true, false)});
  }
  reader.finish();
  return lists;
}

}  // namespace

std::optional<std::string> term_problem(std::string_view term) {
  const auto words = split_words(term);
  if (words.empty())
    return "\"" + std::string(term) + "\" must be words separated by single spaces";
  bool has_plain_word = false;
  for (std::string_view word : words) {
    const std::size_t star = word.find('*');
    if (star != std::string_view::npos) {
      if (star + 1 != word.size()) {
        return "\"" + std::string(term) +
               R"(": "*" may only end a word (a stem such as "compet*"))";
      }
      if (star < 3) {
        return "\"" + std::string(term) + R"(": a stem needs at least 3 letters before "*")";
      }
    }
    if (word.find('#') != std::string_view::npos && word != "#") {
      return "\"" + std::string(term) + R"(": "#" (any number) must be a word on its own)";
    }
    if (word != "#") has_plain_word = true;
  }
  if (!has_plain_word) return "\"" + std::string(term) + R"(" needs at least one word besides "#")";
  return std::nullopt;
}

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

RulePack parse_rule_pack(std::string_view text, const std::string& file) {
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    throw Error(ErrorCode::kMalformed, file + ": not valid JSON at byte " +
                                           std::to_string(consumed) + ": " + ec.message());
  }
  const json::value root = parser.release();
  const Context context{file, {}};
  const json::object* object = root.if_object();
  if (object == nullptr) context.fail("", "", "a rule pack must be a JSON object");

  ObjectReader reader(context, *object, "", "");
  RulePack pack;
  pack.file = file;
  pack.content_hash = fnv1a_hex(text);
  pack.name = reader.string("pack", true);
  if (!is_name(pack.name)) {
    reader.fail("pack", "\"" + pack.name + "\" must be lowercase letters, digits and hyphens");
  }
  pack.version = reader.string("version", true);
  pack.description = reader.string("description", false);
  pack.guidance = read_guidance(reader);
  pack.word_lists = read_word_lists(reader);
  const json::value* rules = reader.find("rules");
  if (rules == nullptr) reader.fail("rules", "is required");
  const json::array* array = rules->if_array();
  if (array == nullptr || array->empty()) reader.fail("rules", "must be a non-empty array");
  reader.finish();

  std::set<std::string> ids;
  for (std::size_t i = 0; i < array->size(); ++i) {
    Rule rule = read_rule(context, (*array)[i], i);
    rule.pack = pack.name;
    if (rule.guidance.empty()) rule.guidance = pack.guidance;
    if (!ids.insert(rule.id).second) {
      Context{file, rule.id}.fail("/rules/" + std::to_string(i) + "/id", "id",
                                  "the id is used twice in this pack");
    }
    pack.rules.push_back(std::move(rule));
  }
  return pack;
}

RulePack load_rule_pack(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, path.string() + ": cannot read the rule pack");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kNotFound, path.string() + ": cannot read the rule pack");
  return parse_rule_pack(buffer.str(), path.string());
}

}  // namespace caretoolkit::rules
