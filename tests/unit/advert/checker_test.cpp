// The checker with the default packs: a worked example for every rule kind and metric, spans on
// text with accents, emoji and combining marks, invalid UTF-8, determinism and the JSON form.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <string>

#include "advert/checker.hpp"
#include "advert/report_json.hpp"
#include "advert/scoring.hpp"
#include "core/error.hpp"
#include "pack_check.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using caretoolkit::advert::testing::checker;
using rules::Outcome;

namespace {

std::vector<const Finding*> findings(const Report& report, const std::string& id) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.rule_id == id) out.push_back(&f);
  }
  return out;
}

const Finding& only(const Report& report, const std::string& id) {
  const auto all = findings(report, id);
  REQUIRE_MESSAGE(all.size() == 1, id);
  return *all[0];
}

// A text of `n` short sentences of five words each.
std::string sentences(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "You will help people daily. ";
  return text;
}

}  // namespace

TEST_CASE("Terms rule: words that may put off older applicants") {
  const Report report = checker().check("Join our young team. We support young people.");
  const Finding& f = only(report, "inclusive.age-youth");
  CHECK(f.text == "young team");  // "young people" is an exception
  CHECK(f.kind == rules::RuleKind::kTerms);
  CHECK(f.category == rules::Category::kInclusive);
  CHECK(f.points == -5);
  CHECK(f.span->begin == 9);
  CHECK(f.span->end == 19);
  CHECK_FALSE(f.suggestion.empty());
}

TEST_CASE("Substitute rule: jargon with its plain replacement") {
  const Report report = checker().check("You will support service users at home.");
  const Finding& f = only(report, "jargon.service-users");
  CHECK(f.text == "service users");
  CHECK(f.replacement == "the people we support");
  CHECK(f.points == -4);
}

TEST_CASE("Require rule: pay with an amount and a period") {
  const Report with_pay = checker().check("You earn £12.60 an hour, or £24,500 a year.");
  const Finding& met = only(with_pay, "essentials.pay");
  CHECK(met.outcome == Outcome::kMet);
  CHECK(met.text == "£12.60 an hour");
  CHECK(met.points == 0);
  const Report vague = checker().check("Competitive salary paid monthly.");
  const Finding& unmet = only(vague, "essentials.pay");
  CHECK(unmet.outcome == Outcome::kUnmet);
  CHECK(unmet.points == -30);
  CHECK(unmet.severity == rules::Severity::kCritical);
  CHECK_FALSE(unmet.span.has_value());
  // Missing pay caps the score at the top of Weak, whatever the categories give.
  REQUIRE(vague.cap.has_value());
  CHECK(vague.cap->rule_id == "essentials.pay");
  CHECK(vague.score <= kCriticalScoreCap);
  // With the pay stated, the first critical finding (if any) is another rule's.
  if (with_pay.cap) CHECK(with_pay.cap->rule_id != "essentials.pay");
  CHECK(only(vague, "jargon.vague-pay").text == "Competitive salary");
}

TEST_CASE("Require rule: location how to apply and travel time for home care") {
  const Report report = checker().check(
      "The job is based in Sleaford (NG34). Call Priya on 01632 960418.", {"", "home care"});
  CHECK(only(report, "essentials.location").outcome == Outcome::kMet);
  CHECK(only(report, "essentials.how-to-apply").outcome == Outcome::kMet);
  CHECK(only(report, "essentials.travel-time").outcome == Outcome::kUnmet);
  // Travel time is not asked of other services.
  CHECK(findings(checker().check("Based in Sleaford."), "essentials.travel-time").empty());
}

TEST_CASE("Metric rules: each threshold with a worked example") {
  // 4 sentences of 5 words: 20 words, too short. 30 words under 50, band 10 (20 % of 50):
  // 6 x 30 / 10 = 18, kept to the rule's cap of 12.
  const Report short_text = checker().check(sentences(4));
  CHECK(only(short_text, "readability.too-short").detail == "20 words (at least 50)");
  CHECK(only(short_text, "readability.too-short").points == -12);
  // 9 sentences: 45 words, 5 under 50: 6 x 5 / 10 = 3.
  CHECK(only(checker().check(sentences(9)), "readability.too-short").points == -3);
  CHECK(findings(short_text, "readability.too-long").empty());
  CHECK(findings(short_text, "readability.average-sentence").empty());

  // 150 sentences of 5 words: 750 words, too long.
  CHECK(only(checker().check(sentences(150)), "readability.too-long").detail ==
        "750 words (at most 700)");

  // One sentence of 45 words: long sentence, longest sentence, average sentence length.
  std::string long_sentence = "You";
  for (int i = 0; i < 44; ++i) long_sentence += " help";
  long_sentence += ".";
  const Report long_report = checker().check(long_sentence);
  CHECK(only(long_report, "readability.long-sentence").detail == "45 words (at most 40)");
  // 5 words over 40, band 8: 3 x 5 / 8 = 1.9, rounded to 2.
  CHECK(only(long_report, "readability.long-sentence").points == -2);
  CHECK(only(long_report, "readability.long-sentence").text == long_sentence);
  CHECK(only(long_report, "readability.longest-sentence").detail == "45 words (at most 40)");
  CHECK(only(long_report, "readability.average-sentence").detail ==
        "45 words a sentence (at most 20)");

  // A paragraph of 90 words in short sentences.
  const Report paragraph = checker().check(sentences(18));
  CHECK(only(paragraph, "readability.long-paragraph").detail == "90 words (at most 80)");

  // Long words: hard reading and a high grade.
  const Report hard = checker().check(
      "Comprehensive organisational responsibilities necessitate extraordinary "
      "administrative capabilities. Multidisciplinary communication facilitates "
      "interdepartmental coordination.");
  // Far past the threshold: reading ease loses its cap, twice its weight. The grade level says
  // the same thing in other units, so it is information only.
  CHECK(only(hard, "readability.reading-ease").points == -20);
  CHECK(only(hard, "readability.grade-level").points == 0);
  CHECK(only(hard, "readability.grade-level").severity == rules::Severity::kInfo);
  CHECK(hard.statistics.reading_ease < 0);
}

TEST_CASE("Balance rule: you against we") {
  const Report we = checker().check(
      "We are looking for a carer. Our home is in Leeds. The successful candidate will drive.");
  const Finding& unmet = only(we, "engaging.you-and-we");
  CHECK(unmet.outcome == Outcome::kUnmet);
  CHECK(unmet.points == -12);
  CHECK(unmet.detail == "you 0, we 3");
  REQUIRE(we.statistics.you_we.has_value());
  CHECK(we.statistics.you_we->second == 3);
  CHECK(we.statistics.you_we->ratio == 0.0);

  // Two "we" words are too few to call an advert we-focused: not judged, no points.
  const Report short_we =
      checker().check("We are looking for a carer. The successful candidate will drive.");
  CHECK(only(short_we, "engaging.you-and-we").outcome == Outcome::kNotJudged);
  CHECK(only(short_we, "engaging.you-and-we").points == 0);

  // In balance is the norm, so it wins nothing: only an advert out of balance loses points.
  const Report you = checker().check(
      "You will help people. Your team will support you. We train you, our team welcomes you and "
      "we pay weekly.");
  CHECK(only(you, "engaging.you-and-we").outcome == Outcome::kMet);
  CHECK(only(you, "engaging.you-and-we").points == 0);
  CHECK(you.statistics.you_we->ratio == 5.0 / 3.0);
  const Report no_we = checker().check("You will help people. Your team will support you.");
  CHECK_FALSE(no_we.statistics.you_we->ratio.has_value());  // no "we": no ratio
}

TEST_CASE("Balance rule: gender coding as Gender Decoder decides") {
  const Report report = checker().check(
      "You are kind, compassionate, supportive, understanding and warm, and you trust people.");
  REQUIRE(report.gender.has_value());
  CHECK(report.gender->verdict == "strongly feminine-coded");
  CHECK(report.gender->feminine == 6);
  CHECK(report.gender->masculine == 0);
  const Finding& f = only(report, "gender.coding");
  CHECK(f.outcome == Outcome::kMet);  // feminine coding is information, not a penalty
  CHECK(f.points == 0);
  // Values words keep their own rewards (the gender balance is one separate finding), but one
  // sentence earns at most 4 points: compassion (the earlier rule) takes them all.
  CHECK(only(report, "values.compassion").points == 4);
  CHECK(only(report, "values.kindness").points == 0);
  CHECK(only(report, "values.kindness").detail ==
        "at most 4 points for values words in one sentence");

  const Report balanced = checker().check("You are kind and you lead a small team.");
  CHECK(balanced.gender->verdict == "neutral");
  CHECK(only(balanced, "gender.coding").points == 0);
}

TEST_CASE("Style rules: exclamation marks capitals and repeated punctuation") {
  const Report report =
      checker().check("Apply now! URGENT VACANCY IN LINCOLN! Great team!! Call the NHS.");
  const auto bangs = findings(report, "hard-sell.exclamation-marks");
  REQUIRE(bangs.size() == 3);  // four marks, one allowed
  CHECK(bangs[0]->points == -3);
  CHECK(bangs[1]->points == -2);
  CHECK(bangs[2]->points == -1);
  CHECK(only(report, "hard-sell.capitals").text == "URGENT VACANCY IN LINCOLN");  // not the NHS
  CHECK(only(report, "hard-sell.repeated-punctuation").text == "!!");
}

TEST_CASE("Reward rule: values words earn once with diminishing returns") {
  const Report report =
      checker().check("You treat people with dignity. Dignity matters. Dignity always.");
  const auto dignity = findings(report, "values.dignity");
  REQUIRE(dignity.size() == 3);
  // 6, 3 and 2 (1.5 rounded up) by repeats; the first sentence allows only 4, which leaves
  // room under the rule's cap of 9 for the third: 4 + 3 + 2 = 9.
  CHECK(dignity[0]->points == 4);
  CHECK(dignity[1]->points == 3);
  CHECK(dignity[2]->points == 2);
  CHECK(dignity[0]->category == rules::Category::kValues);
}

TEST_CASE("Reliable and loyal are information only") {
  const Report report = checker().check("You are reliable and loyal.");
  const auto info = findings(report, "inclusive.age-reliable");
  REQUIRE(info.size() == 2);
  for (const Finding* f : info) {
    CHECK(f->points == 0);
    CHECK(f->severity == rules::Severity::kInfo);
  }
}

TEST_CASE("Spans count bytes and UTF-16 units on text with accents emoji and combining marks") {
  // "Cafe" + combining acute (2 bytes, 1 unit), a space, an emoji (4 bytes, 2 units), " - ".
  const std::string text = "Cafe\xcc\x81 \xf0\x9f\x98\x80 - service users and the \xc3\xa9lderly";
  const Report report = checker().check(text);
  const Finding& f = only(report, "jargon.service-users");
  CHECK(f.text == "service users");
  CHECK(f.span->begin == 14);
  CHECK(f.span->end == 27);
  CHECK(f.span->begin_utf16 == 11);
  CHECK(f.span->end_utf16 == 24);
}

TEST_CASE("Invalid UTF-8 is refused with the byte offset") {
  try {
    checker().check("Care assistant \xff\xfe wanted");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kMalformed);
    CHECK(std::string(e.what()).find("15") != std::string::npos);
  }
}

TEST_CASE("An empty advert gives a report with every essential missing") {
  const Report report = checker().check("");
  CHECK(report.statistics.words == 0);
  CHECK(only(report, "essentials.pay").outcome == Outcome::kUnmet);
  CHECK(findings(report, "readability.reading-ease").empty());
  CHECK(report.score >= 0);
}

TEST_CASE("The same text and rules always give the same report") {
  const std::string text =
      "URGENT!! Domiciliary carers wanted in Lincoln. £12 an hour. You will support service users.";
  const std::string first = boost::json::serialize(report_to_json(checker().check(text)));
  const rules::RuleSet set = rules::RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  const text::Analyzer analyzer;
  const Checker another(set, analyzer);
  CHECK(boost::json::serialize(report_to_json(another.check(text))) == first);
  CHECK(boost::json::serialize(report_to_json(checker().check(text))) == first);
}

TEST_CASE("The JSON report carries its schema and rules versions and explains the score") {
  const Report report = checker().check("You will support service users in Lincoln.",
                                        {"care assistant", "residential"});
  const boost::json::value json = report_to_json(report);
  const auto& o = json.as_object();
  CHECK(o.at("schema_version").as_int64() == kReportSchemaVersion);
  CHECK(o.at("rules_version").as_string() == checker().rule_set().version());
  CHECK(o.at("rules_hash").as_string().size() == 16);
  CHECK(o.at("role").as_string() == "care assistant");
  CHECK(o.at("score").as_int64() == report.score);
  CHECK(o.at("categories").as_array().size() == 5);
  long long weighted = 0;
  for (const auto& c : o.at("categories").as_array()) {
    const auto& category = c.as_object();
    const long long raw = category.at("base").as_int64() + category.at("won").as_int64() +
                          category.at("lost").as_int64();
    CHECK(category.at("score").as_int64() == raw - category.at("not_counted").as_int64());
    weighted += category.at("weight").as_int64() * category.at("score").as_int64();
  }
  // No pay: the weighted mean is kept, and the score is at most the cap.
  const auto& cap = o.at("score_cap").as_object();
  CHECK(cap.at("rule").as_string() == "essentials.pay");
  CHECK(cap.at("cap").as_int64() == kCriticalScoreCap);
  CHECK(cap.at("uncapped").as_int64() == (weighted + 50) / 100);
  CHECK(o.at("score").as_int64() == std::min<long long>((weighted + 50) / 100, kCriticalScoreCap));
  // Every point is a finding: the findings' points add up to the categories' won and lost.
  long long points = 0;
  for (const auto& f : o.at("findings").as_array()) points += f.at("points").as_int64();
  long long won_and_lost = 0;
  for (const auto& c : o.at("categories").as_array()) {
    won_and_lost += c.at("won").as_int64() + c.at("lost").as_int64();
  }
  CHECK(points == won_and_lost);
  bool found = false;
  for (const auto& f : o.at("findings").as_array()) {
    if (f.at("rule").as_string() != "jargon.service-users") continue;
    found = true;
    CHECK(f.at("text").as_string() == "service users");
    CHECK(f.at("span").at("begin").to_number<int>() == 17);
    CHECK(f.at("span").at("end_utf16").to_number<int>() == 30);
    CHECK(f.at("replacement").as_string() == "the people we support");
  }
  CHECK(found);
  CHECK(o.at("statistics").at("words").as_int64() == 7);
  CHECK(o.at("gender_coding").at("verdict").as_string() == "feminine-coded");
}
