// The default packs in rules/: they load, they are large enough, and every rule is sourced.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "rules/rule_set.hpp"

using namespace caretoolkit::rules;

namespace {

std::size_t count_terms(const Rule& rule) {
  std::size_t n = rule.terms.size() + rule.first.terms.size() + rule.second.terms.size() +
                  rule.first.prefixes.size() + rule.second.prefixes.size();
  for (const auto& alternative : rule.any_of) {
    for (const auto& step : alternative.steps) n += step.terms.size();
  }
  return n;
}

}  // namespace

TEST_CASE("The default packs load and hold at least 300 sourced terms") {
  const RuleSet set = RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  std::size_t terms = 0;
  std::size_t substitutes = 0;
  std::set<RuleKind> kinds;
  std::set<Category> categories;
  for (const Rule& rule : set.rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.source.empty());
    CHECK_FALSE(rule.message.empty());
    CHECK(rule.id.rfind(rule.pack + ".", 0) == 0);  // ids are prefixed by their pack
    terms += count_terms(rule);
    if (rule.kind == RuleKind::kSubstitute && rule.category == Category::kClarity) ++substitutes;
    kinds.insert(rule.kind);
    categories.insert(rule.category);
  }
  CHECK(terms >= 300);
  CHECK(substitutes >= 60);  // sector jargon with plain replacements
  CHECK(kinds.size() == 8);  // every rule kind, the pay floor included
  CHECK(categories.size() == kCategoryCount);
  CHECK(set.version().find("values@") != std::string::npos);
}

TEST_CASE("The gender pack holds the complete Gaucher Friesen and Kay lists") {
  const RuleSet set = RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  const long index = set.find("gender.coding");
  REQUIRE(index >= 0);
  const Rule& rule = set.rules()[static_cast<std::size_t>(index)];
  CHECK(rule.method == BalanceMethod::kGenderDecoder);
  CHECK(rule.first.prefixes.size() == 50);   // feminine-coded
  CHECK(rule.second.prefixes.size() == 52);  // masculine-coded
  // Feminine coding is information; a masculine lean of two words or more loses points.
  CHECK_FALSE(rule.first.penalised);
  CHECK(rule.second.penalised);
  CHECK(rule.max_difference == 1);
  CHECK(std::find(rule.title_words.begin(), rule.title_words.end(), "worker") !=
        rule.title_words.end());
}
