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
       "weight": 6, "max_points": 9, "message": "Dignity.", "source": "s",
       "terms": ["dignity"]},
      {"id": "t.pay", "kind": "require", "category": "essentials", "severity": "critical",
       "weight": 25, "reward": 5, "message": "No pay.", "source": "s",
       "any_of": [{"sequence": [{"class": "money"}, {"terms": ["an hour"]}], "max_gap": 2}]},
      {"id": "t.reliable", "kind": "terms", "category": "inclusive", "severity": "info",
       "weight": 0, "message": "Information only.", "source": "s", "terms": ["reliable"]}
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
      "users. Dignity, dignity and dignity.");
  // Weight 4, cap 8: 4 + 2 + 1 + 1 (0.5 rounds up) = 8, then nothing more.
  const int expected[] = {-4, -2, -1, -1, 0, 0};
  for (int k = 0; k < 6; ++k) {
    CAPTURE(k);
    const Finding* f = find(report, "t.jargon", k);
    REQUIRE(f != nullptr);
    CHECK(f->points == expected[k]);
    CHECK(f->replacement == "the people we support");
  }
  // Weight 6, cap 9: 6 + 3, then 0 (1.5 would pass the cap).
  CHECK(find(report, "t.dignity", 0)->points == 6);
  CHECK(find(report, "t.dignity", 1)->points == 3);
  CHECK(find(report, "t.dignity", 2)->points == 0);
}

TEST_CASE("Category scores add their findings to a base and are clamped") {
  const auto set = small_pack();
  const Checker checker(set, analyzer());
  const Report report = checker.check("Service users. Dignity. Reliable staff.");
  const CategoryScore& clarity = category(report, rules::Category::kClarity);
  CHECK(clarity.base == 100);
  CHECK(clarity.lost == -4);
  CHECK(clarity.score == 96);
  const CategoryScore& values = category(report, rules::Category::kValues);
  CHECK(values.base == 20);
  CHECK(values.won == 6);
  CHECK(values.score == 26);
  const CategoryScore& essentials = category(report, rules::Category::kEssentials);
  CHECK(essentials.lost == -25);
  CHECK(essentials.score == 75);
  // "reliable" is information only: a finding, never a penalty.
  const Finding* reliable = find(report, "t.reliable");
  REQUIRE(reliable != nullptr);
  CHECK(reliable->points == 0);
  CHECK(reliable->severity == rules::Severity::kInfo);
  // Overall: (20 x 60 + 20 x 26 + 25 x 96 + 15 x 100 + 20 x 75) / 100 = 71.2, rounded to 71.
  CHECK(report.score == 71);
  CHECK(report.grade == "Good");

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
  CHECK(points == -8);                               // the rule's cap
  CHECK(report.findings.back().rule_id == "t.pay");  // the summary stays with its rule
}
