// The scoring model with a small pack whose arithmetic can be followed by hand.
#include <doctest/doctest.h>

#include <string>

#include "advert/checker.hpp"
#include "advert/scoring.hpp"
#include "rules/rule_pack.hpp"
#include "text/analyzer.hpp"
#include "text/readability.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;

namespace {

const text::Analyzer& analyzer() {
  static const text::Analyzer instance;
  return instance;
}

rules::RuleSet small_pack() {
  return rules::RuleSet::from_packs({rules::parse_rule_pack(R"({"pack": "t", "version": "3",
    "rules": [
      {"id": "t.jargon", "kind": "substitute", "category": "clarity", "severity": "suggestion",
       "weight": 4, "message": "Jargon.", "suggestion": "Say it plainly.", "source": "s",
       "terms": ["service users"], "replacement": "the people we support"},
      {"id": "t.dignity", "kind": "reward", "category": "values", "severity": "info",
       "weight": 4, "max_points": 7, "message": "Dignity.", "source": "s",
       "terms": ["dignity"]},
      {"id": "t.respect", "kind": "reward", "category": "values", "severity": "info",
       "weight": 4, "message": "Respect.", "source": "s", "terms": ["respect"]},
      {"id": "t.pay", "kind": "require", "category": "essentials", "severity": "critical",
       "weight": 25, "reward": 5, "message": "No pay.", "source": "s",
       "any_of": [{"sequence": [{"class": "money"}, {"terms": ["an hour"]}], "max_gap": 2}]},
      {"id": "t.reliable", "kind": "terms", "category": "inclusive", "severity": "info",
       "weight": 0, "message": "Information only.", "source": "s", "terms": ["reliable"]},
      {"id": "t.short", "kind": "metric", "category": "clarity", "severity": "warning",
       "weight": 10, "message": "Too short.", "source": "s", "metric": "words", "min": 20},
      {"id": "t.long-sentence", "kind": "metric", "category": "clarity",
       "severity": "suggestion", "weight": 3, "max_points": 12, "message": "Long.",
       "source": "s", "metric": "sentence_words", "max": 25}
    ]})",
                                                            "t.json")});
}

const Finding* find(const Report& report, const std::string& id, int nth = 0) {
  for (const Finding& f : report.findings) {
    if (f.rule_id == id && nth-- == 0) return &f;
  }
  return nullptr;
}

const CategoryScore& category(const Report& report, rules::Category c) {
  return report.categories[static_cast<std::size_t>(c)];
}

}  // namespace

TEST_CASE("Repeats are worth half the previous one up to the rule's cap") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  const Report report = checker.check(
      "Service users, service users, service users, service users, service users and service "
      "users. Dignity first. Dignity always. Dignity again.");
  // Weight 4, cap 8: 4 + 2 + 1 + 1 (0.5 rounds up) = 8, then nothing more.
  const int expected[] = {-4, -2, -1, -1, 0, 0};
  for (int k = 0; k < 6; ++k) {
    CAPTURE(k);
    const Finding* f = find(report, "t.jargon", k);
    REQUIRE(f != nullptr);
    CHECK(f->points == expected[k]);
    CHECK(f->replacement == "the people we support");
  }
  // Weight 4, cap 7, one a sentence: 4, 2, then 1 (a quarter of 4), which the cap still allows.
  CHECK(find(report, "t.dignity", 0)->points == 4);
  CHECK(find(report, "t.dignity", 1)->points == 2);
  CHECK(find(report, "t.dignity", 2)->points == 1);
}

TEST_CASE("Values words earn at most four points in one sentence") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  // A line of values words: dignity takes the sentence's 4 points, so respect's first two uses
  // get none; in the next sentence its third use earns a quarter of its weight, 1.
  const Report report = checker.check(
      "You treat every person with dignity and respect and respect. Respect matters here.");
  CHECK(find(report, "t.dignity", 0)->points == 4);
  CHECK(find(report, "t.respect", 0)->points == 0);
  CHECK(find(report, "t.respect", 0)->detail ==
        "at most 4 points for values words in one sentence");
  CHECK(find(report, "t.respect", 1)->points == 0);
  CHECK(find(report, "t.respect", 2)->points == 1);
  CHECK(category(report, rules::Category::kValues).won == 5);
  CHECK(kValuePointsPerSentence == 4);
}

TEST_CASE("Metric penalties grow with the distance from the threshold") {
  const auto set = small_pack();
  const rules::Rule& too_short = set.rules()[5];
  const rules::Rule& long_sentence = set.rules()[6];
  REQUIRE(too_short.id == "t.short");
  REQUIRE(long_sentence.id == "t.long-sentence");
  // At least 20 words, weight 10, band 4 words (20 % of 20): 10 x distance / 4.
  CHECK(metric_points(too_short, 20) == 0);
  CHECK(metric_points(too_short, 19) == 3);   // 2.5 rounds up
  CHECK(metric_points(too_short, 16) == 10);  // a fifth short: the weight
  CHECK(metric_points(too_short, 8) == 30);   // the finding keeps to the cap, 20
  // At most 25 words a sentence, weight 3, band 5 words.
  CHECK(metric_points(long_sentence, 25) == 0);
  CHECK(metric_points(long_sentence, 26) == 1);  // 0.6
  CHECK(metric_points(long_sentence, 30) == 3);
  CHECK(metric_points(long_sentence, 35) == 6);

  const Checker checker(set, analyzer());
  // 7 words: 13 short, 10 x 13 / 4 = 32.5, kept to the cap of 20.
  const Report few = checker.check("You will help people at home daily.");
  CHECK(find(few, "t.short")->points == -20);
  // 19 words: 3 points.
  const Report nearly = checker.check(
      "You will help people at home. You will help people at home. You will help people in "
      "town today.");
  CHECK(find(nearly, "t.short")->detail == "19 words (at least 20)");
  CHECK(find(nearly, "t.short")->points == -3);
}

TEST_CASE("A metric finding worth no points is information") {
  const auto set = rules::RuleSet::from_packs({rules::parse_rule_pack(R"({"pack": "m",
    "version": "1", "rules": [
      {"id": "m.long", "kind": "metric", "category": "clarity", "severity": "warning",
       "weight": 1, "message": "Long.", "source": "s", "metric": "words", "max": 100}]})",
                                                                      "m.json")});
  const Checker checker(set, analyzer());
  std::string text;
  for (int i = 0; i < 21; ++i) text += "You will help people daily. ";
  // 105 words, 5 over 100, band 20: 1 x 5 / 20 = 0.25, rounded to 0.
  const Report report = checker.check(text);
  const Finding* f = find(report, "m.long");
  REQUIRE(f != nullptr);
  CHECK(f->detail == "105 words (at most 100)");
  CHECK(f->points == 0);
  CHECK(f->severity == rules::Severity::kInfo);
}

TEST_CASE("A critical finding caps the score at the top of Weak") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  // Everything else is full: engaging 60, values 20, clarity 100, inclusive 100; the pay rule
  // loses 25 of essentials: (15 x 60 + 10 x 20 + 15 x 100 + 20 x 100 + 40 x 75) / 100 = 76.
  const Report report = checker.check(
      "You will help people at home and in town every day of the week with care and a smile for "
      "all.");
  REQUIRE(report.cap.has_value());
  CHECK(report.cap->rule_id == "t.pay");
  CHECK(report.cap->uncapped == 76);
  CHECK(report.cap->cap == kCriticalScoreCap);
  CHECK(report.score == 54);
  CHECK(report.grade == "Weak");
  // With the pay: essentials 100 (the reward of 5 is not counted past 100), no cap:
  // (900 + 200 + 1500 + 2000 + 4000) / 100 = 86.
  const Report paid = checker.check(
      "You will help people at home and in town every day for £12.80 an hour with care and a "
      "smile for all.");
  CHECK_FALSE(paid.cap.has_value());
  CHECK(paid.score == 86);
  CHECK(paid.grade == "Excellent");
}

TEST_CASE("Category scores add their findings to a base and are clamped") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  const Report report = checker.check("Service users. Dignity. Reliable staff.");
  const CategoryScore& clarity = category(report, rules::Category::kClarity);
  CHECK(clarity.base == 100);
  // The jargon (4) and the text's 5 words, 15 short of 20: 10 x 15 / 4 = 37.5, kept to 20.
  CHECK(clarity.lost == -24);
  CHECK(clarity.score == 76);
  const CategoryScore& values = category(report, rules::Category::kValues);
  CHECK(values.base == 20);
  CHECK(values.won == 4);
  CHECK(values.score == 24);
  const CategoryScore& essentials = category(report, rules::Category::kEssentials);
  CHECK(essentials.lost == -25);
  CHECK(essentials.score == 75);
  // "reliable" is information only: a finding, never a penalty.
  const Finding* reliable = find(report, "t.reliable");
  REQUIRE(reliable != nullptr);
  CHECK(reliable->points == 0);
  CHECK(reliable->severity == rules::Severity::kInfo);
  // Overall: (15 x 60 + 10 x 24 + 15 x 76 + 20 x 100 + 40 x 75) / 100 = 72.8, rounded to 73,
  // then capped at 54 while the pay (a critical rule) is missing.
  REQUIRE(report.cap.has_value());
  CHECK(report.cap->uncapped == 73);
  CHECK(report.score == 54);
  CHECK(report.grade == "Weak");

  // A met essential wins its reward.
  const Report paid = checker.check("You earn £12.60 an hour.");
  const Finding* pay = find(paid, "t.pay");
  REQUIRE(pay != nullptr);
  CHECK(pay->outcome == rules::Outcome::kMet);
  CHECK(pay->points == 5);
  CHECK(pay->text == "£12.60 an hour");
  CHECK(category(paid, rules::Category::kEssentials).score == 100);
  CHECK(category(paid, rules::Category::kEssentials).not_counted == 5);
}

TEST_CASE("Grades follow the score bands") {
  CHECK(std::string(grade_for(100)) == "Excellent");
  CHECK(std::string(grade_for(85)) == "Excellent");
  CHECK(std::string(grade_for(84)) == "Good");
  CHECK(std::string(grade_for(70)) == "Good");
  CHECK(std::string(grade_for(69)) == "Fair");
  CHECK(std::string(grade_for(55)) == "Fair");
  CHECK(std::string(grade_for(54)) == "Weak");
  CHECK(std::string(grade_for(40)) == "Weak");
  CHECK(std::string(grade_for(39)) == "Poor");
  CHECK(std::string(grade_for(0)) == "Poor");
}

TEST_CASE("Category weights add up to 100") {
  int total = 0;
  for (const auto& c : kCategoryModel) total += c.weight;
  CHECK(total == 100);
}

TEST_CASE("Readability formulas give the reference's worked values") {
  text::ReadabilityCounts counts;
  counts.words = 100;
  counts.sentences = 5;
  counts.syllables = 130;
  auto scores = text::readability_scores(counts);
  REQUIRE(scores.has_value());
  CHECK(scores->flesch_reading_ease == doctest::Approx(76.555));
  CHECK(scores->flesch_kincaid_grade == doctest::Approx(7.55));
  counts.words = 120;
  counts.sentences = 4;
  counts.syllables = 204;
  scores = text::readability_scores(counts);
  REQUIRE(scores.has_value());
  CHECK(scores->flesch_reading_ease == doctest::Approx(32.565));
  CHECK(scores->flesch_kincaid_grade == doctest::Approx(16.17));
}

TEST_CASE("Report statistics count syllables as the reference package does") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  // Syllables per the npm package "syllable": the 1, care 1, support 2, people 2, compassion 3,
  // dignity 3, independence 4, communication 5: 21 in 8 words, one sentence.
  const Report report =
      checker.check("The care support people compassion dignity independence communication.");
  const Statistics& s = report.statistics;
  CHECK(s.words == 8);
  CHECK(s.sentences == 1);
  CHECK(s.syllables == 21);
  CHECK(s.complex_words == 4);
  CHECK(s.reading_ease == doctest::Approx(206.835 - 1.015 * 8 - 84.6 * 21.0 / 8));
  CHECK(s.grade_level == doctest::Approx(0.39 * 8 + 11.8 * 21.0 / 8 - 15.59));
  CHECK(s.longest_sentence_words == 8);
}

TEST_CASE("A rule's findings beyond the listed number are scored and stood for by one finding") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  std::string text;
  const int occurrences = kListedFindingsPerRule + 70;
  for (int i = 0; i < occurrences; ++i) text += "Our service users. ";
  const Report report = checker.check(text);

  int listed = 0;
  int points = 0;
  for (const Finding& f : report.findings) {
    if (f.rule_id != "t.jargon") continue;
    points += f.points;
    if (f.not_listed == 0) {
      ++listed;
      CHECK(f.span.has_value());
    }
  }
  CHECK(listed == kListedFindingsPerRule);
  const Finding* rest = find(report, "t.jargon", kListedFindingsPerRule);
  REQUIRE(rest != nullptr);
  CHECK(rest->not_listed == 70);
  CHECK_FALSE(rest->span.has_value());
  CHECK(rest->text.empty());
  CHECK(rest->detail == "70 more, not listed one by one");
  CHECK(rest->message == "Jargon.");
  CHECK(find(report, "t.jargon", kListedFindingsPerRule + 1) == nullptr);
  // Nothing is lost from the arithmetic: the category's points are the findings' points.
  const CategoryScore& clarity = category(report, rules::Category::kClarity);
  CHECK(clarity.lost == points);
  CHECK(points == -8);  // the rule's cap
  // The summary stays with its rule: right after the rule's last listed finding.
  REQUIRE(rest != &report.findings.front());
  CHECK((rest - 1)->rule_id == "t.jargon");
  CHECK((rest - 1)->not_listed == 0);
}
