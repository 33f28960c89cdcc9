// One-click rewrites with the default packs: which findings carry an edit, its ranges and case,
// overlapping edits, applying them, and that the rewritten advert checks again without them.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "advert/fixes.hpp"
#include "advert/report_json.hpp"
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using caretoolkit::advert::testing::check;
using caretoolkit::advert::testing::checker;
using caretoolkit::advert::testing::first;
using caretoolkit::advert::testing::kCheckDay;
using caretoolkit::advert::testing::sample_weak_advert;

namespace {

Edit edit(std::uint32_t begin, std::uint32_t end, std::string replacement) {
  return Edit{"t.rule", text::Span{begin, end, begin, end}, std::move(replacement)};
}

}  // namespace

TEST_CASE("A safe replacement is an edit with byte and UTF-16 ranges in the case of the text") {
  // The emoji is 4 bytes and 2 UTF-16 units; "é" is 2 bytes and 1 unit.
  const std::string text = "😀 Café work. Utilise your skills and call prior to visits.";
  const Report report = check(text);
  const Finding* utilise = first(report, "jargon.utilise");
  REQUIRE(utilise != nullptr);
  REQUIRE(utilise->edit.has_value());
  CHECK(utilise->edit->replacement == "Use");  // sentence-initial: capital kept
  CHECK(utilise->edit->span.begin == 17);      // 4 + 1 + 5 + 6 + 1 bytes before it
  CHECK(utilise->edit->span.end == 24);
  CHECK(utilise->edit->span.begin_utf16 == 14);  // 2 + 1 + 4 + 6 + 1 units before it
  CHECK(utilise->edit->span.end_utf16 == 21);
  const Finding* prior = first(report, "jargon.prior-to");
  REQUIRE(prior != nullptr);
  REQUIRE(prior->edit.has_value());
  CHECK(prior->edit->replacement == "before");

  const auto json = report_to_json(report).as_object();
  const auto& edits = json.at("edits").as_array();
  REQUIRE(edits.size() == 2);
  CHECK(edits[0].at("rule") == "jargon.utilise");
  CHECK(edits[0].at("begin") == 17);
  CHECK(edits[0].at("end_utf16") == 21);
  CHECK(edits[0].at("replacement") == "Use");
  CHECK(edits[1].at("replacement") == "before");
}

TEST_CASE("A replacement that needs a person is only suggested") {
  const Report report = check("Our clients value utilisation of your skills.");
  const Finding* clients = first(report, "jargon.clients");
  REQUIRE(clients != nullptr);
  CHECK(clients->replacement == "the people we support");
  CHECK_FALSE(clients->edit.has_value());  // "Our the people we support" is not English
  const Finding* utilisation = first(report, "jargon.utilise");
  REQUIRE(utilisation != nullptr);
  CHECK_FALSE(utilisation->edit.has_value());  // a form the rule does not list
  CHECK(compatible_edits(report.findings).empty());
  const auto json = report_to_json(report).as_object();
  for (const auto& f : json.at("findings").as_array()) CHECK(f.at("edit").is_null());
}

TEST_CASE("Case follows the text replaced") {
  CHECK(match_case("use", "utilise") == "use");
  CHECK(match_case("use", "Utilise") == "Use");
  CHECK(match_case("use", "UTILISE") == "USE");
  CHECK(match_case("make sure", "Ensure") == "Make sure");
  CHECK(match_case("the National Living Wage", "nlw") == "the National Living Wage");
  CHECK(match_case("before", "P") == "Before");  // one capital letter is not shouting
}

TEST_CASE("Of two overlapping edits the one that starts first is applied") {
  Finding a;
  a.edit = edit(10, 20, "x");
  Finding b;
  b.edit = edit(4, 12, "y");
  Finding c;
  c.edit = edit(20, 24, "z");
  Finding none;
  const auto chosen = compatible_edits({a, b, none, c});
  REQUIRE(chosen.size() == 2);
  CHECK(chosen[0].replacement == "y");
  CHECK(chosen[1].replacement == "z");  // starts where a ends, a is left out: no overlap with y
  CHECK(apply_edits("0123456789abcdefghijklmnop", chosen) == "0123ycdefghijzop");
}

TEST_CASE("The sample advert rewritten with its safe edits checks again without them") {
  const std::string text = sample_weak_advert();
  const Report before = check(text);
  const std::vector<Edit> edits = compatible_edits(before.findings);
  REQUIRE(edits.size() == 5);
  const std::string fixed = apply_edits(text, edits);
  CHECK(fixed.find("liaise with nursing staff on time while following all policies") ==
        std::string::npos);
  CHECK(fixed.find("work with nursing staff on time while following all policies") !=
        std::string::npos);
  CHECK(fixed.find("- Helping clients with ADLs") != std::string::npos);
  const Report after = check(fixed);
  CHECK(compatible_edits(after.findings).empty());
  for (const char* id :
       {"jargon.liaise", "jargon.timely", "jargon.whilst", "jargon.adhere", "jargon.assist"}) {
    CAPTURE(id);
    CHECK(first(after, id) == nullptr);
  }
  CHECK(after.score >= before.score);
  // What needs a person is still there.
  CHECK(first(after, "jargon.clients") != nullptr);
  CHECK(first(after, "essentials.pay") != nullptr);
}

TEST_CASE("Fixing an advert repeats until no safe edit is left") {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "We utilise tools. ";
  CheckContext context;
  const FixResult result = fix_advert(checker(), text, {"", "", kCheckDay}, context);
  // 50 edits are listed per check (kListedFindingsPerRule): 50, 50 and 20.
  CHECK(result.applied == 120);
  CHECK(result.rounds == 3);
  CHECK(result.text.find("utilise") == std::string::npos);
  CHECK(result.text.starts_with("We use tools. We use tools. "));
  CHECK(compatible_edits(check(result.text).findings).empty());
}
