// The example adverts: each strong rewrite scores at least 20 points above its weak original, and
// none pays below the National Living Wage (checked for 6 December 2026: £12.71 an hour).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "advert/checker.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(CARETOOLKIT_SOURCE_DIR "/examples/adverts/") + name,
                   std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE(
    "Each strong example scores at least 20 points above its weak original and pays the NLW") {
  const rules::RuleSet set = rules::RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  const text::Analyzer analyzer;
  const advert::Checker checker(set, analyzer);
  struct Pair {
    const char* name;
    const char* service;
  };
  for (const Pair& pair : {Pair{"home-care", "home care"}, Pair{"care-home", "residential"},
                           Pair{"supported-living", "supported living"}}) {
    CAPTURE(pair.name);
    const advert::CheckOptions options{"", pair.service, Date::parse("2026-12-06")};
    const auto weak = checker.check(read(std::string(pair.name) + "-weak.txt"), options);
    const auto strong = checker.check(read(std::string(pair.name) + "-strong.txt"), options);
    CHECK(strong.score >= weak.score + 20);
    CHECK(weak.score < 55);     // Weak or Poor
    CHECK(strong.score >= 70);  // Good or Excellent
    for (const auto* report : {&weak, &strong}) {
      for (const auto& finding : report->findings) {
        CHECK_MESSAGE(finding.rule_id != "pay-and-hours.below-minimum-wage", finding.detail);
      }
    }
  }
}
