// Fix-first reports: findings by impact, must, should and could change, what raises a low category
// and the guidance section behind every finding, with the default packs.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "advert/advice.hpp"
#include "advert/priority.hpp"
#include "advert/report_json.hpp"
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using caretoolkit::advert::testing::check;
using caretoolkit::advert::testing::checker;
using caretoolkit::advert::testing::sample_weak_advert;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::filesystem::path kGuidance = CARETOOLKIT_SOURCE_DIR "/toolkit-content/guidance";

Finding finding(rules::Severity severity, int points) {
  Finding f;
  f.severity = severity;
  f.points = points;
  return f;
}

}  // namespace

TEST_CASE("Findings come by impact with the critical ones first then by points lost") {
  const Report report = check(sample_weak_advert());
  const std::vector<const Finding*> ordered = by_impact(report.findings);
  REQUIRE(ordered.size() == report.findings.size());
  REQUIRE(ordered.size() > 10);
  // The pay (critical, 30), how to apply (critical, 15) and the native speaker demand (critical,
  // 8) come before the hours (warning, 20) and the 12-point "you" against "we".
  CHECK(ordered[0]->rule_id == "essentials.pay");
  CHECK(ordered[1]->rule_id == "essentials.how-to-apply");
  CHECK(ordered[2]->rule_id == "inclusive.native-speaker");
  CHECK(ordered[3]->rule_id == "essentials.hours");
  bool critical = true;
  int lost = 1000;
  for (const Finding* finding : ordered) {
    const Finding& f = *finding;
    CAPTURE(f.rule_id);
    const bool is_critical = f.severity == rules::Severity::kCritical;
    CHECK((critical || !is_critical));  // no critical finding after a non-critical one
    if (critical && !is_critical) lost = 1000;
    critical = is_critical;
    CHECK(std::max(0, -f.points) <= lost);
    lost = std::max(0, -f.points);
  }
}

TEST_CASE("Findings of equal impact keep rule order and then their place in the text") {
  // jargon.utilise comes before jargon.liaise in the pack and both lose 2 points at first; the
  // second "utilise" loses 1 (half the weight).
  const Report report = check("Liaise with the nurse, utilise the hoist and utilise the lift.");
  std::vector<std::string> order;
  for (const Finding* f : by_impact(report.findings)) {
    if (f->rule_id.starts_with("jargon.")) order.emplace_back(f->text);
  }
  CHECK(order == std::vector<std::string>{"utilise", "Liaise with", "utilise"});
}

TEST_CASE("Must should and could change follow severity and points lost") {
  using rules::Severity;
  CHECK(priority_of(finding(Severity::kCritical, -8)) == Priority::kMust);
  CHECK(priority_of(finding(Severity::kCritical, 0)) == Priority::kMust);  // cap already spent
  CHECK(priority_of(finding(Severity::kSuggestion, -12)) == Priority::kMust);
  CHECK(priority_of(finding(Severity::kSuggestion, -10)) == Priority::kMust);
  CHECK(priority_of(finding(Severity::kWarning, -4)) == Priority::kShould);
  CHECK(priority_of(finding(Severity::kSuggestion, -5)) == Priority::kShould);
  CHECK(priority_of(finding(Severity::kSuggestion, -4)) == Priority::kCould);
  CHECK(priority_of(finding(Severity::kSuggestion, 0)) == Priority::kCould);
  CHECK(priority_of(finding(Severity::kInfo, 0)) == Priority::kNone);
  CHECK(priority_of(finding(Severity::kInfo, 4)) == Priority::kNone);  // a reward
  Finding with_edit = finding(Severity::kInfo, 0);
  with_edit.edit = Edit{"jargon.whilst", {}, "while"};
  CHECK(priority_of(with_edit) == Priority::kCould);  // one click away

  const auto json = report_to_json(check(sample_weak_advert())).as_object();
  const auto& first = json.at("findings").as_array().at(0).as_object();
  CHECK(first.at("priority") == "must");
  for (const auto& f : json.at("findings").as_array()) {
    if (f.at("rule") == "essentials.closing-date") CHECK(f.at("priority").is_null());
    if (f.at("rule") == "jargon.assist") CHECK(f.at("priority") == "could");
  }
}

TEST_CASE("A low category says what would raise it with an example sentence that works") {
  const auto json = report_to_json(check(sample_weak_advert())).as_object();
  int low = 0;
  for (const auto& value : json.at("categories").as_array()) {
    const auto& c = value.as_object();
    CAPTURE(c.at("category"));
    CHECK(c.at("low") == (c.at("score").as_int64() < kLowCategoryScore));
    if (c.at("low") != true) {
      CHECK(c.at("to_raise").is_null());
      continue;
    }
    ++low;
    const auto& raise = c.at("to_raise").as_object();
    CHECK_FALSE(raise.at("advice").as_string().empty());
    CHECK_FALSE(raise.at("example").as_string().empty());
    CHECK(raise.at("guidance").as_string().starts_with("/guidance/"));
  }
  CHECK(low >= 3);  // the weak advert is low in most categories
  const Report strong =
      check(read_file(CARETOOLKIT_SOURCE_DIR "/examples/adverts/care-home-strong.txt"));
  const auto strong_json = report_to_json(strong).as_object();
  const auto& inclusive = strong_json.at("categories").as_array().at(3).as_object();
  REQUIRE(inclusive.at("category") == "inclusive");
  CHECK(inclusive.at("score").as_int64() >= kLowCategoryScore);
  CHECK(inclusive.at("low") == false);
  CHECK(inclusive.at("to_raise").is_null());

  // Each example, checked on its own, loses nothing in its category; the values example earns
  // points and the essentials example states the pay, the hours, the place and how to apply.
  for (std::size_t c = 0; c < rules::kCategoryCount; ++c) {
    const auto category = static_cast<rules::Category>(c);
    const Report report = check(std::string(advice_for(category).example));
    CAPTURE(rules::to_string(category));
    const CategoryScore& score = report.categories[c];
    if (category == rules::Category::kValues) CHECK(score.won >= 4);
    if (category != rules::Category::kEssentials && category != rules::Category::kClarity) {
      CHECK(score.lost == 0);
    }
  }
  const Report essentials = check(std::string(advice_for(rules::Category::kEssentials).example));
  for (const char* id :
       {"essentials.pay", "essentials.hours", "essentials.location", "essentials.how-to-apply"}) {
    CAPTURE(id);
    const Finding* f = testing::first(essentials, id);
    REQUIRE(f != nullptr);
    CHECK(f->outcome == rules::Outcome::kMet);
  }
}

TEST_CASE("Every rule and category links to a guidance section that exists") {
  const auto section_exists = [](std::string_view reference) {
    const std::size_t hash = reference.find('#');
    REQUIRE(hash != std::string_view::npos);
    const std::string article =
        read_file(kGuidance / (std::string(reference.substr(0, hash)) + ".html"));
    return article.find("id=\"" + std::string(reference.substr(hash + 1)) + "\"") !=
           std::string::npos;
  };
  for (const rules::Rule& rule : checker().rule_set().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.guidance.empty());
    CHECK(section_exists(rule.guidance));
  }
  for (std::size_t c = 0; c < rules::kCategoryCount; ++c) {
    CHECK(section_exists(advice_for(static_cast<rules::Category>(c)).guidance));
  }
  const auto json = report_to_json(check("You will support our service users.")).as_object();
  for (const auto& f : json.at("findings").as_array()) {
    if (f.at("rule") == "jargon.service-users") {
      CHECK(f.at("guidance") == "/guidance/writing-adverts#leave-out-jargon");
    }
  }
}

TEST_CASE("Every guidance article links to the advert checker") {
  int articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kGuidance)) {
    if (entry.path().extension() != ".html") continue;
    CAPTURE(entry.path().filename().string());
    CHECK(read_file(entry.path()).find("href=\"/checker\"") != std::string::npos);
    ++articles;
  }
  CHECK(articles == 7);  // the index and six articles
}
