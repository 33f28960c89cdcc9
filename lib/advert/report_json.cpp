// Report -> JSON.
#include "advert/report_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <string>

#include "advert/advice.hpp"
#include "advert/fixes.hpp"
#include "advert/priority.hpp"
#include "advert/scoring.hpp"

namespace caretoolkit::advert {
namespace json = boost::json;
namespace {

// Two decimals are plenty for readability figures and keep reports stable across platforms.
double rounded(double value) {
  return std::round(value * 100.0) / 100.0;
}

const char* to_string(rules::Outcome outcome) {
  switch (outcome) {
    case rules::Outcome::kFound:
      return "found";
    case rules::Outcome::kMet:
      return "met";
    case rules::Outcome::kUnmet:
      return "unmet";
    case rules::Outcome::kNotJudged:
      return "not_judged";
  }
  return "found";
}

json::value span_to_json(const std::optional<text::Span>& span) {
  if (!span) return nullptr;
  return json::object{{"begin", span->begin},
                      {"end", span->end},
                      {"begin_utf16", span->begin_utf16},
                      {"end_utf16", span->end_utf16}};
}

// An edit's ranges (as a span's) and its replacement.
json::object edit_to_json(const Edit& edit) {
  json::object o = span_to_json(edit.span).as_object();
  o["replacement"] = edit.replacement;
  return o;
}

json::value category_to_json(const CategoryScore& c) {
  json::object o{{"category", rules::to_string(c.category)},
                 {"weight", c.weight},
                 {"base", c.base},
                 {"won", c.won},
                 {"lost", c.lost},
                 {"not_counted", c.not_counted},
                 {"score", c.score},
                 {"low", is_low(c)}};
  if (is_low(c)) {
    const CategoryAdvice& advice = advice_for(c.category);
    o["to_raise"] = json::object{{"advice", advice.to_raise},
                                 {"example", advice.example},
                                 {"guidance", guidance_link(advice.guidance)}};
  } else {
    o["to_raise"] = nullptr;
  }
  return o;
}

json::value finding_to_json(const Finding& f) {
  json::object o{{"rule", f.rule_id},
                 {"kind", rules::to_string(f.kind)},
                 {"category", rules::to_string(f.category)},
                 {"severity", rules::to_string(f.severity)},
                 {"outcome", to_string(f.outcome)},
                 {"message", f.message},
                 {"points", f.points}};
  const auto priority = to_string(f.priority);
  o["priority"] = priority ? json::value(*priority) : json::value(nullptr);
  if (!f.suggestion.empty()) o["suggestion"] = f.suggestion;
  if (!f.replacement.empty()) o["replacement"] = f.replacement;
  o["edit"] = f.edit ? json::value(edit_to_json(*f.edit)) : json::value(nullptr);
  o["text"] = f.text;
  o["span"] = span_to_json(f.span);
  if (!f.detail.empty()) o["detail"] = f.detail;
  if (f.not_listed != 0) o["not_listed"] = f.not_listed;
  o["guidance"] = guidance_link(guidance_of(f));
  return o;
}

json::value balance_to_json(const BalanceStatistic& b) {
  json::object o{{"rule", b.rule_id},
                 {"first_label", b.first_label},
                 {"first", b.first},
                 {"second_label", b.second_label},
                 {"second", b.second}};
  o["ratio"] = b.ratio ? json::value(rounded(*b.ratio)) : json::value(nullptr);
  return o;
}

// The scoring model in a paragraph, with the model's own numbers.
std::string scoring_summary() {
  return "Each category starts at its base, adds the points of its findings and is kept between "
         "0 and 100 (not_counted shows what that removed). The score is the categories' "
         "weighted mean, rounded, and at most " +
         std::to_string(kCriticalScoreCap) +
         " while a critical finding loses points (score_cap). A rule's repeats are worth half "
         "the previous one, up to its cap; values words earn at most " +
         std::to_string(kValuePointsPerSentence) +
         " points in one sentence; readability and length lose more the further past their "
         "threshold. After a rule's first " +
         std::to_string(kListedFindingsPerRule) +
         " findings, one more finding stands for the rest (not_listed).";
}

}  // namespace

json::value report_to_json(const Report& report) {
  json::object root;
  root["schema_version"] = kReportSchemaVersion;
  root["rules_version"] = report.rules_version;
  root["rules_hash"] = report.rules_hash;
  if (!report.role.empty()) root["role"] = report.role;
  if (!report.service.empty()) root["service"] = report.service;
  root["score"] = report.score;
  root["grade"] = report.grade;
  if (report.cap) {
    root["score_cap"] = json::object{{"rule", report.cap->rule_id},
                                     {"cap", report.cap->cap},
                                     {"uncapped", report.cap->uncapped}};
  } else {
    root["score_cap"] = nullptr;
  }

  json::array categories;
  for (const auto& c : report.categories) categories.push_back(category_to_json(c));
  root["categories"] = std::move(categories);
  root["scoring"] = scoring_summary();

  const Statistics& s = report.statistics;
  json::object stats{{"words", s.words},
                     {"sentences", s.sentences},
                     {"paragraphs", s.paragraphs},
                     {"syllables", s.syllables},
                     {"complex_words", s.complex_words},
                     {"reading_ease", rounded(s.reading_ease)},
                     {"grade_level", rounded(s.grade_level)},
                     {"average_sentence_words", rounded(s.average_sentence_words)},
                     {"longest_sentence_words", s.longest_sentence_words}};
  stats["you_we"] = s.you_we ? balance_to_json(*s.you_we) : json::value(nullptr);
  json::array balances;
  for (const auto& b : s.balances) balances.push_back(balance_to_json(b));
  stats["balances"] = std::move(balances);
  root["statistics"] = std::move(stats);

  if (report.gender) {
    const auto& g = *report.gender;
    json::array feminine;
    json::array masculine;
    for (const auto& w : g.words) {
      (w.masculine ? masculine : feminine)
          .push_back(json::object{
              {"word", w.word}, {"count", w.count}, {"begin", w.begin}, {"end", w.end}});
    }
    root["gender_coding"] = json::object{{"verdict", g.verdict},
                                         {"feminine_count", g.feminine},
                                         {"masculine_count", g.masculine},
                                         {"feminine_words", std::move(feminine)},
                                         {"masculine_words", std::move(masculine)}};
  } else {
    root["gender_coding"] = nullptr;
  }

  json::array findings;
  for (const Finding* f : by_impact(report.findings)) findings.push_back(finding_to_json(*f));
  root["findings"] = std::move(findings);
  json::array edits;
  for (const auto& e : compatible_edits(report.findings)) {
    json::object o = edit_to_json(e);
    o["rule"] = e.rule_id;
    edits.push_back(std::move(o));
  }
  root["edits"] = std::move(edits);
  return root;
}

}  // namespace caretoolkit::advert
