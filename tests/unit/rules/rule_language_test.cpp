// The parts of the rule language that look beyond one term: patterns found like terms, rules that
// apply only with (or without) other content, class steps with exceptions, hidden figures that are
// not judged, and pay floors from a dated table.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "rule_fields.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_pack.hpp"
#include "rules/ruleset_json.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;
using namespace caretoolkit::rules;

namespace {

RuleSet language_set_of(const std::string& rules_json) {
  return RuleSet::from_packs({parse_rule_pack(
      R"({"pack": "t", "version": "1", "rules": [)" + rules_json + "]}", "t.json")});
}

struct Seen {
  std::string text;
  std::string detail;
};

// The observations of rule `id` with `outcome` when `text` is checked for `date`.
std::vector<Seen> seen(const RuleSet& set, const std::string& text, const std::string& id,
                       Outcome outcome = Outcome::kFound, const std::string& date = "2026-12-06") {
  const CompiledRules compiled(set, analyzer());
  const text::Document document = analyzer().analyze(text);
  EvaluationScratch scratch;
  const Evaluation evaluation =
      compiled.evaluate(document, MetricValues{}, {"", *Date::parse(date)}, scratch);
  std::vector<Seen> out;
  for (const auto& o : evaluation.observations) {
    if (set.rules()[o.rule].id != id || o.outcome != outcome) continue;
    out.push_back({o.span ? std::string(document.text(*o.span)) : std::string(), o.detail});
  }
  return out;
}

std::vector<std::string> texts(const std::vector<Seen>& all) {
  std::vector<std::string> out;
  for (const auto& s : all) out.push_back(s.text);
  return out;
}

using Texts = std::vector<std::string>;

std::string language_error_of(const std::string& rules_json) {
  try {
    language_set_of(rules_json);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const std::string kFloor = R"({"id": "t.floor", "kind": "pay_floor", )" + kCommonRuleFields + R"(,
  "per_hour": ["per hour", "an hour", "ph", "p/h", "p / h"],
  "hourly_before": ["hourly rate", "hourly rate of"],
  "rates": [{"from": "2024-04-01", "hourly": 11.44}, {"from": "2025-04-01", "hourly": 12.21},
            {"from": "2026-04-01", "hourly": 12.71}]})";

}  // namespace

TEST_CASE("A pattern in a terms rule is found at each of its occurrences") {
  const RuleSet set =
      language_set_of(R"({"id": "t.visit", "kind": "terms", )" + kCommonRuleFields + R"(,
    "terms": ["paid per visit"],
    "patterns": [{"sequence": [{"class": "money"}, {"terms": ["per visit", "a call"]}],
                  "max_gap": 1}],
    "except": ["per visit average"]})");
  CHECK(texts(seen(set, "We pay £9 per visit, or £4.50 a call. Paid per visit.", "t.visit")) ==
        Texts{"£9 per visit", "£4.50 a call", "Paid per visit"});
  // The except phrase cancels an overlapping pattern occurrence, as it cancels a term.
  CHECK(seen(set, "£9 per visit average over the week.", "t.visit").empty());
  CHECK(seen(set, "£12.71 an hour for every visit.", "t.visit").empty());
  // A pattern's occurrence lies within one sentence.
  CHECK(seen(set, "The bonus is £9. Per visit you get time to talk.", "t.visit").empty());
}

TEST_CASE("A rule with unless finds nothing when the advert also says what cancels it") {
  const RuleSet set =
      language_set_of(R"({"id": "t.drive", "kind": "terms", )" + kCommonRuleFields + R"(,
    "terms": ["own car"],
    "unless": [{"terms": ["mileage"]},
               {"sequence": [{"class": "money"}, {"terms": ["a mile"]}], "max_gap": 0}]})");
  CHECK(texts(seen(set, "You need your own car.", "t.drive")) == Texts{"own car"});
  CHECK(seen(set, "You need your own car. We pay mileage.", "t.drive").empty());
  CHECK(seen(set, "We pay £0.45 a mile. You need your own car.", "t.drive").empty());
}

TEST_CASE("A rule with only_with applies only when the advert says one of them") {
  const RuleSet set =
      language_set_of(R"({"id": "t.alt", "kind": "terms", )" + kCommonRuleFields + R"(,
    "terms": ["own car"], "only_with": [{"terms": ["mileage"]}],
    "unless": [{"terms": ["walking rounds"]}]})");
  CHECK(seen(set, "You need your own car.", "t.alt").empty());
  CHECK(texts(seen(set, "Own car needed; mileage paid.", "t.alt")) == Texts{"Own car"});
  CHECK(seen(set, "Own car needed; mileage paid; walking rounds too.", "t.alt").empty());
}

TEST_CASE("A require rule with unless is not asked of the adverts it names") {
  const RuleSet set =
      language_set_of(R"({"id": "t.extra", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"terms": ["time and a half"]}],
    "unless": [{"sequence": [{"class": "money"}, {"terms": ["a year"]}]}]})");
  CHECK(seen(set, "£12.71 an hour.", "t.extra", Outcome::kUnmet).size() == 1);
  CHECK(seen(set, "£42,000 a year.", "t.extra", Outcome::kUnmet).empty());
  CHECK(seen(set, "£42,000 a year.", "t.extra", Outcome::kMet).empty());
}

TEST_CASE("A capitalised step skips the words its except lists") {
  const RuleSet set =
      language_set_of(R"({"id": "t.place", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"sequence": [{"terms": ["based in"]},
                             {"class": "capitalised", "except": ["Health", "Nursing"]}]}]})");
  CHECK(texts(seen(set, "A home based in Oakham.", "t.place", Outcome::kMet)) ==
        Texts{"based in Oakham"});
  CHECK(seen(set, "Experience based in Health or Nursing.", "t.place", Outcome::kUnmet).size() ==
        1);
}

TEST_CASE("A pattern that opens with a capitalised word tries such words in text order") {
  const RuleSet set =
      language_set_of(R"({"id": "t.home", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"sequence": [{"class": "capitalised", "except": ["The"]},
                             {"terms": ["care home"]}]}]})");
  // A word that starts with a letter beyond ASCII comes before the one that starts with "O".
  CHECK(texts(seen(set,
                   "We visit the \xc3\x89"
                   "b\xc3\xa8ne care home and the Oak care home.",
                   "t.home", Outcome::kMet)) == Texts{"\xc3\x89"
                                                      "b\xc3\xa8ne care home"});
  // An ASCII capital followed by letters beyond ASCII.
  CHECK(texts(seen(set, "We visit Zo\xc3\xab care home.", "t.home", Outcome::kMet)) ==
        Texts{"Zo\xc3\xab care home"});
  CHECK(seen(set, "We visit The care home.", "t.home", Outcome::kUnmet).size() == 1);
}

TEST_CASE("An alternative found only in the title reads the opening lines and nothing after") {
  const RuleSet set =
      language_set_of(R"({"id": "t.place", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"sequence": [{"terms": ["-", ","]},
                             {"class": "capitalised", "except": ["Nights", "Care"]}],
                "where": "title"}]})");
  CHECK(texts(seen(set, "Care Assistant - Ludlow\n\nYou will help people.", "t.place",
                   Outcome::kMet)) == Texts{"- Ludlow"});
  // The second heading line is still the title; a sentence in the body is not.
  CHECK(texts(seen(set, "Care Assistant\n\nBeech Grove, Stoke\n\nYou will help.", "t.place",
                   Outcome::kMet)) == Texts{", Stoke"});
  CHECK(seen(set, "Care Assistant - Nights\n\nYou will help Sam, Tom and Ann.", "t.place",
             Outcome::kUnmet)
            .size() == 1);
  // A first line that ends as a sentence is not a title.
  CHECK(
      seen(set, "We help people at home - Ludlow and nearby.", "t.place", Outcome::kUnmet).size() ==
      1);
  // Acronyms and words in capitals are not capitalised words: they name no place.
  CHECK(seen(set, "Support Worker - SL\n\nYou will help.", "t.place", Outcome::kUnmet).size() == 1);
}

TEST_CASE("A class step may take its except words from a word list of any pack") {
  const std::string rule = R"({"id": "t.place", "kind": "require", )" + kCommonRuleFields +
                           R"(, "any_of": [{"sequence": [{"terms": ["based in"]},
                              {"class": "capitalised", "except": "not-places"}]}]})";
  const RuleSet set = RuleSet::from_packs(
      {parse_rule_pack(R"({"pack": "t", "version": "1", "rules": [)" + rule + "]}", "t.json"),
       parse_rule_pack(
           std::string(
               R"({"pack": "w", "version": "1", "word_lists": {"not-places": ["Health"]},)") +
               R"( "rules": [{"id": "w.any", "kind": "terms", )" + kCommonRuleFields +
               R"(, "terms": ["x"]}]})",
           "w.json")});
  CHECK(texts(seen(set, "A home based in Oakham.", "t.place", Outcome::kMet)) ==
        Texts{"based in Oakham"});
  CHECK(seen(set, "Experience based in Health.", "t.place", Outcome::kUnmet).size() == 1);
  CHECK(
      language_error_of(rule) ==
      R"(t.json: rule "t.place": field "any_of": no rule pack has a word list named "not-places")");
  CHECK(
      language_error_of(R"({"id": "t.where", "kind": "require", )" + kCommonRuleFields +
                        R"(, "any_of": [{"terms": ["x"], "where": "heading"}]})") ==
      R"(t.json: rule "t.where": field "any_of[0].where": "heading" is not one of anywhere, title)");
}

TEST_CASE("A require rule whose figure is hidden is not judged") {
  const RuleSet set =
      language_set_of(R"({"id": "t.pay", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"sequence": [{"class": "money"}, {"terms": ["per hour"]}]}],
    "not_judged": [{"sequence": [{"class": "placeholder"}, {"terms": ["per hour", "per annum"]}],
                    "max_gap": 1}]})");
  for (const char* text :
       {"Pay: £xx.xx per hour.", "Pay £XX per hour", "£**** per annum", "Pay xx.xx per hour"}) {
    CAPTURE(text);
    const auto hidden = seen(set, text, "t.pay", Outcome::kNotJudged);
    REQUIRE(hidden.size() == 1);
    CHECK(hidden[0].detail == "the figure is hidden");
  }
  CHECK(texts(seen(set, "Pay: £xx.xx per hour.", "t.pay", Outcome::kNotJudged)) ==
        Texts{"£xx.xx per hour"});
  // Markdown's bold is two stars, not a figure; a real amount is met.
  CHECK(seen(set, "**Pay** per hour to be agreed", "t.pay", Outcome::kUnmet).size() == 1);
  CHECK(seen(set, "£12.71 per hour, not £xx.xx per hour", "t.pay", Outcome::kMet).size() == 1);
}

TEST_CASE("A pay floor finds hourly pay below the rate in force on the check date") {
  const RuleSet set = language_set_of(kFloor);
  const auto below = seen(set, "You earn £12.21 an hour.", "t.floor");
  REQUIRE(below.size() == 1);
  CHECK(below[0].text == "£12.21");
  CHECK(below[0].detail ==
        "£12.21 an hour is below £12.71, the rate from 1 April 2026 (checked for 6 December "
        "2026)");
  // The same advert checked for a day before April 2026 meets the rate then in force.
  CHECK(seen(set, "You earn £12.21 an hour.", "t.floor", Outcome::kFound, "2026-03-31").empty());
  CHECK(texts(seen(set, "You earn £12.20 an hour.", "t.floor", Outcome::kFound, "2025-04-01")) ==
        Texts{"£12.20"});
  // Before the table starts nothing is judged.
  CHECK(seen(set, "You earn £5.00 an hour.", "t.floor", Outcome::kFound, "2024-03-31").empty());
  CHECK(seen(set, "You earn £12.71 an hour.", "t.floor").empty());
}

TEST_CASE("A pay floor reads ranges glued units and rate words but not other amounts") {
  const RuleSet set = language_set_of(kFloor);
  CHECK(texts(seen(set, "£11.90 - £13.00 per hour depending on experience.", "t.floor")) ==
        Texts{"£11.90"});
  CHECK(texts(seen(set, "From £12 to 12.50 an hour.", "t.floor")) == Texts{"£12", "12.50"});
  CHECK(texts(seen(set, "£12.00ph weekdays, £12.50p/h weekends.", "t.floor")) ==
        Texts{"£12.00ph", "£12.50p/h"});
  CHECK(texts(seen(set, "Hourly rate of £11.95.", "t.floor")) == Texts{"£11.95"});
  // Not hourly: a sleep-in, a salary, a bonus; an addition to pay far below the floor.
  CHECK(seen(set, "Sleep-ins pay £95 a night; £250 bonus; £26,000 a year.", "t.floor").empty());
  CHECK(seen(set, "An extra £1.50 an hour at weekends.", "t.floor").empty());
  CHECK(seen(set, "£12.00 bonus, then £13 per hour", "t.floor").empty());
}

TEST_CASE("Pay floor tables and the new fields are checked when a pack loads") {
  const std::string head = R"({"id": "t.floor", "kind": "pay_floor", )" + kCommonRuleFields;
  CHECK(language_error_of(head + R"(, "per_hour": ["an hour"]})") ==
        R"(t.json: rule "t.floor": field "rates": is required)");
  CHECK(language_error_of(head + R"(, "per_hour": ["an hour"], "rates": [{"from": "2025-02-30",
        "hourly": 12.21}]})") ==
        "t.json: rule \"t.floor\": field \"rates[0].from\": it must be a real date, not "
        "'2025-02-30' (February 2025 has 28 days)");
  CHECK(language_error_of(head + R"(, "per_hour": ["an hour"], "rates": [{"from": "2025-04-01",
        "hourly": 12.215}]})") ==
        "t.json: rule \"t.floor\": field \"rates[0].hourly\": must be pounds above 0 with at "
        "most two decimals, such as 12.21");
  CHECK(language_error_of(head + R"(, "per_hour": ["an hour"], "rates": [
        {"from": "2025-04-01", "hourly": 12.21}, {"from": "2024-04-01", "hourly": 11.44}]})") ==
        "t.json: rule \"t.floor\": field \"rates[1].from\": must be later than the row before's "
        "(2025-04-01)");
  CHECK(language_error_of(R"({"id": "t.m", "kind": "metric", )" + kCommonRuleFields +
                          R"(, "metric": "words", "max": 3, "unless": [{"terms": ["x"]}]})") ==
        R"(t.json: rule "t.m": field "unless": is not a known field here)");
  CHECK(language_error_of(R"({"id": "t.r", "kind": "require", )" + kCommonRuleFields + R"(,
        "any_of": [{"sequence": [{"class": "capitalised", "except": ["Social Care"]}]}]})") ==
        "t.json: rule \"t.r\": field \"any_of[0].sequence[0].except[0]\": \"Social Care\" must "
        "be one word: a class step's except lists words that do not count as the class");
  CHECK(language_error_of(R"({"id": "t.r", "kind": "require", )" + kCommonRuleFields +
                          R"(, "any_of": [{"terms": ["x"]}], "not_judged": []})") ==
        R"(t.json: rule "t.r": field "not_judged": must be a non-empty array)");
}

TEST_CASE("The new fields survive a round trip through the rules JSON") {
  const RuleSet set = language_set_of(kFloor + R"(, {"id": "t.terms", "kind": "terms", )" +
                                      kCommonRuleFields + R"(, "terms": ["own car"],
    "patterns": [{"sequence": [{"terms": ["up to"]}, {"class": "money"}]}],
    "unless": [{"terms": ["mileage"]}], "only_with": [{"terms": ["car"]}]})");
  const auto json = ruleset_to_json(set);
  const auto& rules = json.at("packs").at(0).at("rules").as_array();
  CHECK(rules.at(0).at("rates").at(2).at("from").as_string() == "2026-04-01");
  CHECK(rules.at(0).at("rates").at(2).at("hourly").as_double() == doctest::Approx(12.71));
  CHECK(rules.at(0).at("max_gap").to_number<int>() == 1);
  CHECK(rules.at(1).at("patterns").at(0).at("sequence").at(1).at("class").as_string() == "money");
  CHECK(rules.at(1).at("unless").at(0).at("terms").at(0).as_string() == "mileage");
  CHECK(rules.at(1).at("only_with").at(0).at("terms").at(0).as_string() == "car");
}
