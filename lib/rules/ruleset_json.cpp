// Serialising a RuleSet back to the pack format.
#include "rules/ruleset_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <filesystem>

namespace caretoolkit::rules {
namespace json = boost::json;
namespace {

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

json::value step_to_json(const PatternStep& step) {
  json::object o;
  if (step.token_class) {
    o["class"] = to_string(*step.token_class);
    if (!step.except_list.empty()) {
      o["except"] = step.except_list;
    } else if (!step.except.empty()) {
      o["except"] = strings(step.except);
    }
  } else {
    o["terms"] = strings(step.terms);
  }
  return o;
}

json::array alternatives_to_json(const std::vector<Alternative>& alternatives) {
  json::array out;
  for (const auto& alternative : alternatives) {
    json::object a;
    if (alternative.steps.size() == 1 && !alternative.steps[0].token_class) {
      a["terms"] = strings(alternative.steps[0].terms);
    } else {
      json::array steps;
      for (const auto& step : alternative.steps) steps.push_back(step_to_json(step));
      a["sequence"] = std::move(steps);
      a["max_gap"] = alternative.max_gap;
    }
    if (alternative.where == Where::kTitle) a["where"] = "title";
    out.push_back(std::move(a));
  }
  return out;
}

json::value side_to_json(const BalanceSide& side) {
  json::object o;
  o["label"] = side.label;
  if (!side.terms.empty()) o["terms"] = strings(side.terms);
  if (!side.prefixes.empty()) o["prefixes"] = strings(side.prefixes);
  if (!side.message.empty()) o["message"] = side.message;
  if (!side.prefixes.empty()) o["penalised"] = side.penalised;
  return o;
}

// A named list by its name (the pack that defines it lists its terms), an inline one by its terms.
json::value word_list_to_json(const WordList& list) {
  if (!list.name.empty()) return json::value(list.name);
  return strings(list.terms);
}

json::value near_to_json(const std::vector<NearWords>& near) {
  json::array out;
  for (const NearWords& n : near) {
    json::object o;
    o["words"] = word_list_to_json(n.words);
    o["within"] = n.within;
    if (n.side != Side::kEither) o["side"] = to_string(n.side);
    out.push_back(std::move(o));
  }
  return out;
}

void context_to_json(const RuleContext& context, json::object& o) {
  if (!context.only_in_sentences_with.empty()) {
    o["only_in_sentences_with"] = word_list_to_json(context.only_in_sentences_with);
  }
  if (!context.unless_in_sentences_with.empty()) {
    o["unless_in_sentences_with"] = word_list_to_json(context.unless_in_sentences_with);
  }
  if (!context.only_near.empty()) o["only_near"] = near_to_json(context.only_near);
  if (!context.unless_near.empty()) o["unless_near"] = near_to_json(context.unless_near);
}

// "suggest", "safe", or the safe forms with their replacements: the form a pack writes.
json::value fix_to_json(const Fix& fix) {
  if (!fix.safe) return "suggest";
  if (fix.forms.empty()) return "safe";
  json::object forms;
  for (const auto& [form, replacement] : fix.forms) forms[form] = replacement;
  return forms;
}

json::value rule_to_json(const Rule& rule) {
  json::object o;
  o["id"] = rule.id;
  o["kind"] = to_string(rule.kind);
  o["category"] = to_string(rule.category);
  o["severity"] = to_string(rule.severity);
  o["weight"] = rule.weight;
  o["max_points"] = rule.points_cap();
  o["message"] = rule.message;
  if (!rule.suggestion.empty()) o["suggestion"] = rule.suggestion;
  o["source"] = rule.source;
  if (!rule.services.empty()) o["services"] = strings(rule.services);
  if (!rule.guidance.empty()) o["guidance"] = rule.guidance;
  switch (rule.kind) {
    case RuleKind::kTerms:
    case RuleKind::kSubstitute:
    case RuleKind::kReward:
      o["terms"] = strings(rule.terms);
      if (!rule.except.empty()) o["except"] = strings(rule.except);
      if (rule.case_sensitive) o["case_sensitive"] = true;
      if (rule.kind == RuleKind::kSubstitute) {
        o["replacement"] = rule.replacement;
        o["fix"] = fix_to_json(rule.fix);
      }
      context_to_json(rule.context, o);
      if (!rule.patterns.empty()) o["patterns"] = alternatives_to_json(rule.patterns);
      break;
    case RuleKind::kRequire:
      o["any_of"] = alternatives_to_json(rule.any_of);
      if (!rule.not_judged.empty()) o["not_judged"] = alternatives_to_json(rule.not_judged);
      if (rule.reward) o["reward"] = rule.reward;
      break;
    case RuleKind::kPayFloor: {
      o["per_hour"] = strings(rule.per_hour);
      if (!rule.hourly_before.empty()) o["hourly_before"] = strings(rule.hourly_before);
      o["max_gap"] = rule.max_gap;
      json::array rates;
      for (const DatedRate& rate : rule.rates) {
        rates.push_back(json::object{{"from", rate.from.to_string()},
                                     {"hourly", static_cast<double>(rate.hourly.value) / 100}});
      }
      o["rates"] = std::move(rates);
      break;
    }
    case RuleKind::kMetric:
      o["metric"] = to_string(rule.metric);
      if (rule.min) o["min"] = *rule.min;
      if (rule.max) o["max"] = *rule.max;
      break;
    case RuleKind::kBalance:
      o["method"] = to_string(rule.method);
      o["first"] = side_to_json(rule.first);
      o["second"] = side_to_json(rule.second);
      if (rule.method == BalanceMethod::kRatio) {
        o["min_ratio"] = rule.min_ratio;
        if (rule.min_second) o["min_second"] = rule.min_second;
      } else {
        o["max_difference"] = rule.max_difference;
        if (!rule.title_words.empty()) o["title_words"] = strings(rule.title_words);
      }
      if (rule.reward) o["reward"] = rule.reward;
      break;
    case RuleKind::kStyle:
      o["check"] = to_string(rule.check);
      if (rule.check == StyleCheck::kExclamationMarks) o["max"] = rule.max_count;
      if (rule.check == StyleCheck::kCapitals) {
        o["min_letters"] = rule.min_letters;
        o["min_words"] = rule.min_words;
        o["allow"] = strings(rule.allow);
        if (!rule.shout_words.empty()) o["shout_words"] = strings(rule.shout_words);
      }
      break;
  }
  if (!rule.unless.empty()) o["unless"] = alternatives_to_json(rule.unless);
  if (!rule.only_with.empty()) o["only_with"] = alternatives_to_json(rule.only_with);
  return o;
}

}  // namespace

json::value ruleset_to_json(const RuleSet& rules) {
  json::object root;
  root["version"] = rules.version();
  root["content_hash"] = rules.content_hash();
  json::array packs;
  for (const auto& pack : rules.packs()) {
    json::object p;
    p["pack"] = pack.name;
    p["version"] = pack.version;
    p["description"] = pack.description;
    if (!pack.guidance.empty()) p["guidance"] = pack.guidance;
    // Only the file name: the server's directory layout is not the client's business.
    p["file"] = std::filesystem::path(pack.file).filename().string();
    if (!pack.word_lists.empty()) {
      json::object lists;
      for (const auto& list : pack.word_lists) lists[list.name] = strings(list.terms);
      p["word_lists"] = std::move(lists);
    }
    json::array list;
    for (const auto& rule : pack.rules) list.push_back(rule_to_json(rule));
    p["rules"] = std::move(list);
    packs.push_back(std::move(p));
  }
  root["packs"] = std::move(packs);
  return root;
}

}  // namespace caretoolkit::rules
