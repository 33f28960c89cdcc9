// Fuzz target: the advert checker (text analysis, rule matching, scoring, the report's JSON) on
// arbitrary bytes, with the default rule packs. The first byte picks the service the advert is
// for (which switches service-specific rules on); the rest is the advert.
//
// Must hold: invalid UTF-8 and oversized text are refused with caretoolkit::Error and nothing
// else; every report passes check_report(); the same text gives the same report twice.
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <string_view>

#include "advert/checker.hpp"
#include "advert/report_json.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;

namespace {

struct Checking {
  rules::RuleSet rules = rules::RuleSet::load_directory(fuzz::source_dir() / "rules");
  text::Analyzer analyzer;
  advert::Checker checker{rules, analyzer};
};

constexpr std::string_view kServices[] = {"", "home care", "residential", "supported living"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Checking checking;
  static advert::CheckContext context;  // reused, as a server worker reuses its own
  if (size == 0) return 0;
  const advert::CheckOptions options{"care assistant", std::string(kServices[data[0] % 4])};
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  advert::Report report;
  try {
    report = checking.checker.check(text, options, context);
  } catch (const Error& error) {
    fuzz::fuzz_require(
        error.code() == ErrorCode::kMalformed || error.code() == ErrorCode::kTooLarge,
        "the checker refused text with an unexpected error", error.what());
    return 0;
  }
  fuzz::check_report(text, report);
  const std::string first = boost::json::serialize(advert::report_to_json(report));
  const std::string second = boost::json::serialize(
      advert::report_to_json(checking.checker.check(text, options, context)));
  fuzz::fuzz_require(first == second, "the same advert gave two different reports");
  return 0;
}
