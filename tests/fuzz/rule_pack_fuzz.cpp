// Fuzz target: loading a rule pack from arbitrary bytes, then, when the pack is accepted,
// combining it into a rule set, compiling it into the checker's matcher, listing it as JSON and
// checking a real advert with it.
//
// Must hold: a broken pack is refused with caretoolkit::Error naming what is wrong (never a crash
// or another exception); a pack that loads compiles and checks adverts, and its reports pass
// check_report().
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

#include "advert/checker.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "rules/rule_pack.hpp"
#include "rules/rule_set.hpp"
#include "rules/ruleset_json.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Fixture {
  text::Analyzer analyzer;
  std::string advert = read_file(fuzz::source_dir() / "examples/adverts/home-care-weak.txt");
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture fixture;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<rules::RulePack> packs;
    packs.push_back(rules::parse_rule_pack(json, "rules/fuzz.json"));
    const auto rule_set = rules::RuleSet::from_packs(std::move(packs));
    const std::string listed = boost::json::serialize(rules::ruleset_to_json(rule_set));
    fuzz::fuzz_require(!listed.empty(), "an accepted pack lists as nothing");
    const advert::Checker checker(rule_set, fixture.analyzer);
    fuzz::check_report(fixture.advert, checker.check(fixture.advert, {"", "home care"}));
  } catch (const Error& error) {
    fuzz::fuzz_require(std::string_view(error.what()).size() > 0, "an error without a message");
  }
  return 0;
}
