// Gender coding follows the evidence (Gaucher, Friesen and Kay 2011): masculine-coded wording put
// women off, feminine-coded wording did not put men off. So a feminine-coded advert is told so
// for information, a masculine-coded one loses points, words inside job titles do not count, and
// the finding always says what the verdict says.
#include <doctest/doctest.h>

#include <string>

#include "advert/checker.hpp"
#include "pack_check.hpp"
#include "rules/gender_decoder.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using caretoolkit::advert::testing::checker;
using rules::Outcome;

namespace {

const Finding& gender_finding(const Report& report) {
  for (const Finding& f : report.findings) {
    if (f.rule_id == "gender.coding") return f;
  }
  FAIL("no gender.coding finding");
  throw;
}

int inclusive_score(const Report& report) {
  return report.categories[static_cast<std::size_t>(rules::Category::kInclusive)].score;
}

}  // namespace

TEST_CASE("A feminine-coded advert is told so for information and loses nothing") {
  const Report report = checker().check(
      "You are kind, compassionate, supportive, understanding and warm, and you trust people.");
  CHECK(report.gender->verdict == "strongly feminine-coded");
  const Finding& f = gender_finding(report);
  CHECK(f.outcome == Outcome::kMet);
  CHECK(f.points == 0);
  CHECK(f.severity == rules::Severity::kInfo);
  CHECK(f.message.starts_with("Your advert is feminine-coded"));
  CHECK(f.message.find("not a fault") != std::string_view::npos);
  CHECK(f.detail == "strongly feminine-coded: feminine 6, masculine 0");
  CHECK(inclusive_score(report) == 100);
}

TEST_CASE("A masculine-coded advert loses the rule's weight and is told why") {
  const Report report = checker().check("You are confident, competitive and driven.");
  CHECK(report.gender->verdict == "masculine-coded");
  const Finding& f = gender_finding(report);
  CHECK(f.outcome == Outcome::kUnmet);
  CHECK(f.points == -4);
  CHECK(f.message.starts_with("Your advert is masculine-coded"));
  CHECK_FALSE(f.suggestion.empty());
  CHECK(inclusive_score(report) == 96);
}

TEST_CASE("Words inside a job title do not count") {
  // The first line is the title; "Support Worker" and "Team Leader" are capitalised titles.
  const Report report = checker().check(
      "Senior Support Worker\n\n"
      "As a Support Worker you will join a small team. Our Team Leader will support you.");
  REQUIRE(report.gender.has_value());
  CHECK(report.gender->feminine == 1);  // "support you" in the last sentence
  CHECK(report.gender->masculine == 0);
  CHECK(report.gender->verdict == "feminine-coded");
  REQUIRE(report.gender->words.size() == 1);
  CHECK(report.gender->words[0].word == "support");
  CHECK(gender_finding(report).detail ==
        "feminine-coded: feminine 1, masculine 0 (3 in job titles not counted)");
  // In ordinary case the same words describe the work, and count.
  const Report prose =
      checker().check("You will lead the team and support people. You will be a great leader.");
  CHECK(prose.gender->feminine == 1);
  CHECK(prose.gender->masculine == 2);
}

TEST_CASE("The verdict and the finding never disagree and the verdict is Gender Decoder's") {
  const char* const feminine[] = {"kind", "warm", "gentle", "honest", "polite"};
  const char* const masculine[] = {"confident", "driven", "decisive", "fearless", "logical"};
  for (int f = 0; f <= 5; ++f) {
    for (int m = 0; m <= 5; ++m) {
      std::string text = "You are";
      for (int i = 0; i < f; ++i) text += std::string(" ") + feminine[i] + ",";
      for (int i = 0; i < m; ++i) text += std::string(" ") + masculine[i] + ",";
      text += " and calm.";
      CAPTURE(text);
      const Report report = checker().check(text);
      const std::string verdict = rules::GenderDecoder::verdict(f, m);
      CHECK(report.gender->verdict == verdict);
      const Finding& finding = gender_finding(report);
      CHECK(finding.detail.starts_with(verdict + ":"));
      if (f == m) {
        CHECK(finding.message == (f == 0 ? "No gender-coded words." : "In balance."));
        CHECK(finding.points == 0);
      } else if (f > m) {
        CHECK(finding.message.starts_with("Your advert is feminine-coded"));
        CHECK(finding.points == 0);
      } else {
        CHECK(finding.message.starts_with("Your advert is masculine-coded"));
        // One masculine word more than feminine is a lean to tell, two or more cost points.
        CHECK(finding.points == (m - f > 1 ? -4 : 0));
      }
    }
  }
}
