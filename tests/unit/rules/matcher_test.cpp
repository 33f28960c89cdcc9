// The compiled matcher and rule evaluation: worked examples of stems, phrases, case, numbers,
// hyphens, exceptions, token classes and require patterns.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "rule_fields.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/matcher.hpp"
#include "rules/matcher_internal.hpp"
#include "rules/rule_pack.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;
using namespace caretoolkit::rules;

namespace {

// (target, matched text) of every hit of `terms` (term, case_sensitive, target) in `text`.
std::vector<std::pair<std::uint32_t, std::string>> hits(
    const std::vector<std::tuple<std::string, bool, std::uint32_t>>& terms,
    const std::string& text) {
  Matcher::Builder builder(analyzer());
  for (const auto& [term, case_sensitive, target] : terms) {
    builder.add(term, case_sensitive, target, "test");
  }
  const Matcher matcher = builder.build();
  const text::Document document = analyzer().analyze(text);
  MatchResult result;
  matcher.match(document, result);
  std::vector<std::pair<std::uint32_t, std::string>> out;
  for (const TermHit& hit : result.terms) {
    out.emplace_back(hit.target, std::string(document.text(span_of(document, hit.first, hit.end))));
  }
  return out;
}

using Hits = std::vector<std::pair<std::uint32_t, std::string>>;

// Texts found by the class `c` in `text`.
std::vector<std::string> classes(TokenClass c, const std::string& text) {
  Matcher::Builder builder(analyzer());
  builder.add("unused", false, 0, "test");
  builder.need(c);
  const Matcher matcher = builder.build();
  const text::Document document = analyzer().analyze(text);
  MatchResult result;
  matcher.match(document, result);
  std::vector<std::string> out;
  for (const ClassHit& hit : result.classes) {
    if (hit.token_class == c) {
      out.emplace_back(document.text(span_of(document, hit.first, hit.end)));
    }
  }
  return out;
}

RuleSet set_of(const std::string& rules_json) {
  return RuleSet::from_packs({parse_rule_pack(
      R"({"pack": "t", "version": "1", "rules": [)" + rules_json + "]}", "t.json")});
}

// Texts of the observations of rule `id` (empty text for observations without a span).
std::vector<std::string> observed(const RuleSet& set, const std::string& text,
                                  const std::string& id, Outcome outcome = Outcome::kFound) {
  const CompiledRules compiled(set, analyzer());
  const text::Document document = analyzer().analyze(text);
  EvaluationScratch scratch;
  const Evaluation evaluation = compiled.evaluate(document, MetricValues{}, {}, scratch);
  std::vector<std::string> out;
  for (const auto& o : evaluation.observations) {
    if (set.rules()[o.rule].id != id || o.outcome != outcome) continue;
    out.push_back(o.span ? std::string(document.text(*o.span)) : std::string());
  }
  return out;
}

}  // namespace

TEST_CASE("Single words match case-insensitively on their folded form") {
  CHECK(hits({{"service users", false, 1}}, "Our SERVICE USERS and Service Users.") ==
        Hits{{1, "SERVICE USERS"}, {1, "Service Users"}});
  CHECK(hits({{"strasse", false, 2}}, "Hauptstraße, Straße") == Hits{{2, "Straße"}});
}

TEST_CASE("Multi-word phrases match only as a whole and nest inside longer ones") {
  CHECK(hits({{"per hour", false, 1}}, "per day, hour per hour").size() == 1);
  CHECK(hits({{"care", false, 1}, {"personal care", false, 2}}, "Personal care") ==
        Hits{{2, "Personal care"}, {1, "care"}});
  CHECK(hits({{"per hour", false, 1}}, "per, hour").empty());  // punctuation breaks a phrase
}

TEST_CASE("Among many phrases, a word followed by another phrase's next word is no match") {
  // 150 two-word phrases "firstN secondN": their words take 300 symbols, so many share a bit of
  // a phrase node's edge filter (symbol % 64) and the edge table decides.
  std::vector<std::tuple<std::string, bool, std::uint32_t>> terms;
  const auto first = [](int n) {
    return "first" + std::string(1, static_cast<char>('a' + n / 26)) +
           std::string(1, static_cast<char>('a' + n % 26));
  };
  const auto second = [](int n) {
    return "second" + std::string(1, static_cast<char>('a' + n / 26)) +
           std::string(1, static_cast<char>('a' + n % 26));
  };
  terms.reserve(150);
  for (int n = 0; n < 150; ++n) {
    terms.emplace_back(first(n) + " " + second(n), false, static_cast<std::uint32_t>(n));
  }
  std::string text;
  Hits expected;
  for (int n = 0; n < 150; ++n) {
    // Each first word before every other phrase's second word, then before its own.
    for (int m = 0; m < 150; m += 7) {
      if (m != n) text += first(n) + " " + second(m) + ". ";
    }
    text += first(n) + " " + second(n) + ". ";
    expected.emplace_back(static_cast<std::uint32_t>(n), first(n) + " " + second(n));
  }
  CHECK(hits(terms, text) == expected);
}

TEST_CASE("Stems match any word that starts with them") {
  CHECK(hits({{"compet*", false, 1}}, "Competitive pay for competent staff who compete.") ==
        Hits{{1, "Competitive"}, {1, "competent"}, {1, "compete"}});
  CHECK(hits({{"recent grad*", false, 3}}, "recent graduates and recent grads") ==
        Hits{{3, "recent graduates"}, {3, "recent grads"}});
  CHECK(hits({{"compet*", false, 1}}, "com pet").empty());
}

TEST_CASE("Case-sensitive terms match the exact capitals only") {
  CHECK(hits({{"PA", true, 1}, {"pa", false, 2}}, "£24,000 pa. Our PA team. Pa.") ==
        Hits{{2, "pa"}, {2, "PA"}, {1, "PA"}, {2, "Pa"}});
  CHECK(hits({{"SU", true, 1}}, "Su and su and SU") == Hits{{1, "SU"}});
}

TEST_CASE("A MatchResult reused across texts and matchers finds what a fresh one does") {
  // The result keeps the symbols of words it has met; a word's symbols must not leak into another
  // matcher's results, and case-sensitive terms (whose symbols depend on the exact text) must be
  // looked up every time.
  const auto build = [](const std::vector<std::pair<std::string, bool>>& terms) {
    Matcher::Builder builder(analyzer());
    std::uint32_t target = 0;
    for (const auto& [term, case_sensitive] : terms)
      builder.add(term, case_sensitive, target++, "t");
    return builder.build();
  };
  const Matcher first =
      build({{"PA", true}, {"pa", false}, {"care*", false}, {"care home", false}});
  const Matcher second =
      build({{"care", false}, {"home", false}, {"Pa", true}, {"# hours", false}});
  const std::vector<std::string> texts = {
      "PA and pa and Pa: care homes, a care home, caring.", "Pa PA pa 37 hours of care",
      "Home care HOME CARE home-care", "carer careful care-home 12 hours pa"};
  const auto as_list = [](const MatchResult& r) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> out;
    for (const TermHit& hit : r.terms) out.emplace_back(hit.target, hit.first, hit.end);
    return out;
  };
  MatchResult reused;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& text : texts) {
      const text::Document document = analyzer().analyze(text);
      for (const Matcher* matcher : {&first, &second}) {
        MatchResult fresh;
        matcher->match(document, fresh);
        matcher->match(document, reused);
        CAPTURE(text);
        CHECK(as_list(reused) == as_list(fresh));
      }
    }
  }
  const text::Document document = analyzer().analyze("Pa PA pa");
  first.match(document, reused);
  CHECK(as_list(reused).size() == 4);  // pa three times, PA once
}

TEST_CASE("The number placeholder matches any number") {
  CHECK(hits({{"# years experience", false, 1}}, "2 years experience, 10 years experience") ==
        Hits{{1, "2 years experience"}, {1, "10 years experience"}});
  CHECK(hits({{"# years experience", false, 1}}, "two years experience").empty());
}

TEST_CASE("A hyphen between two words matches a space and the other way round") {
  CHECK(hits({{"part time", false, 1}}, "part-time or part time") ==
        Hits{{1, "part-time"}, {1, "part time"}});
  CHECK(hits({{"fun-loving", false, 1}}, "fun loving and fun-loving") ==
        Hits{{1, "fun loving"}, {1, "fun-loving"}});
  CHECK(hits({{"part time", false, 1}}, "part - time").empty());
}

TEST_CASE("Token classes find money times postcodes phones emails and web addresses") {
  CHECK(classes(TokenClass::kMoney, "£11.50 an hour or £24,000 or 12.60 or 12") ==
        std::vector<std::string>{"£11.50", "£24,000", "12.60"});
  CHECK(classes(TokenClass::kTime, "7am to 3pm, 19:30 or 8 am, 8 apples") ==
        std::vector<std::string>{"7am", "3pm", "19:30", "8 am"});
  CHECK(classes(TokenClass::kPostcode, "Lincoln LN2 4QX or Stamford (PE9) A1") ==
        std::vector<std::string>{"LN2 4QX", "PE9"});
  CHECK(classes(TokenClass::kPhone, "Call 01632 960418 or 01632960418, not 12345") ==
        std::vector<std::string>{"01632 960418", "01632960418"});
  CHECK(classes(TokenClass::kEmail, "Email jobs@care.example.org today") ==
        std::vector<std::string>{"jobs@care.example.org"});
  CHECK(classes(TokenClass::kUrl, "See www.example.org or care.co.uk") ==
        std::vector<std::string>{"www.example.org", "care.co.uk"});
  // Capitalised words are not listed (an advert has dozens): each token answers for itself.
  CHECK(classes(TokenClass::kCapitalised, "based in Sleaford near lincoln").empty());
  const text::Document document =
      analyzer().analyze("based in Sleaford near lincoln, Zo\xc3\xab-Ann 2Care");
  std::vector<std::string> capitalised;
  for (std::uint32_t t = 0; t < document.tokens().size(); ++t) {
    if (is_capitalised_word(document, t))
      capitalised.emplace_back(document.text(document.tokens()[t].span));
  }
  CHECK(capitalised == std::vector<std::string>{"Sleaford", "Zo\xc3\xab", "Ann"});
}

TEST_CASE("Terms rules take the longest match and honour exceptions") {
  const RuleSet set = set_of(R"({"id": "t.age", "kind": "terms", )" + kCommonRuleFields +
                             R"(, "terms": ["young", "young team"], "except": ["young people"]})");
  CHECK(observed(set, "A young team supporting young people. Young and keen.", "t.age") ==
        std::vector<std::string>{"young team", "Young"});
}

TEST_CASE("A require rule is met by a money amount near a period") {
  const RuleSet set = set_of(R"({"id": "t.pay", "kind": "require", )" + kCommonRuleFields + R"(,
    "any_of": [{"sequence": [{"class": "money"}, {"terms": ["per hour", "an hour", "a year"]}],
                "max_gap": 4}]})");
  CHECK(observed(set, "We pay £11.50 - £12.50 per hour.", "t.pay", Outcome::kMet) ==
        std::vector<std::string>{"£11.50 - £12.50 per hour"});
  CHECK(observed(set, "Salary £24,000 a year.", "t.pay", Outcome::kMet) ==
        std::vector<std::string>{"£24,000 a year"});
  CHECK(observed(set, "We pay well, per hour, £12.", "t.pay", Outcome::kUnmet) ==
        std::vector<std::string>{""});
  CHECK(observed(set, "£12.60 and then, much later in the text, some words about pay per hour",
                 "t.pay", Outcome::kUnmet)
            .size() == 1);
}

TEST_CASE("A rule limited to a service applies only to it") {
  const RuleSet set = set_of(R"({"id": "t.travel", "kind": "require", )" + kCommonRuleFields +
                             R"(, "services": ["home care"], "any_of": [{"terms": ["mileage"]}]})");
  const CompiledRules compiled(set, analyzer());
  const text::Document document = analyzer().analyze("No travel here.");
  EvaluationScratch scratch;
  CHECK(compiled.evaluate(document, {}, {}, scratch).observations.empty());
  CHECK(compiled.evaluate(document, {}, {"home care"}, scratch).observations.size() == 1);
}

TEST_CASE("Style checks find exclamation marks capitals and repeated punctuation") {
  const RuleSet set = set_of(R"({"id": "t.bang", "kind": "style", )" + kCommonRuleFields +
                             R"(, "check": "exclamation_marks",
          "max": 1},
         {"id": "t.caps", "kind": "style", )" +
                             kCommonRuleFields + R"(, "check": "capitals",
          "allow": ["NHS"]},
         {"id": "t.repeat", "kind": "style", )" +
                             kCommonRuleFields + R"(, "check": "repeated_punctuation"})");
  const std::string text = "Join us! URGENT START NOW! NHS pension. Really?! Yes... OK";
  // The second and third marks are over the limit of one ("?!" may be one token or two).
  const auto bangs = observed(set, text, "t.bang");
  REQUIRE(bangs.size() == 2);
  CHECK(bangs[0] == "!");
  CHECK(bangs[1].find('!') != std::string::npos);
  CHECK(observed(set, text, "t.caps") == std::vector<std::string>{"URGENT START NOW"});
  CHECK(observed(set, text, "t.repeat") == std::vector<std::string>{"?!"});
}

TEST_CASE("Capitals runs go on across an allowed word and stop at a word in ordinary case") {
  const RuleSet set = set_of(R"({"id": "t.caps", "kind": "style", )" + kCommonRuleFields +
                             R"(, "check": "capitals", "allow": ["NHS"]},
         {"id": "t.repeat", "kind": "style", )" +
                             kCommonRuleFields + R"(, "check": "repeated_punctuation"})");
  const std::string text =
      "APPLY NOW NHS TODAY Start here, , then ;; and .... or ... wait! ! Café… BIG WIN";
  // "NHS" goes on the run without counting: APPLY, NOW and TODAY make three. "BIG WIN" is two
  // words in a longer sentence.
  CHECK(observed(set, text, "t.caps") == std::vector<std::string>{"APPLY NOW NHS TODAY"});
  // ", ," and "! !" are spaced; "..." is an ellipsis, "…" one mark; ";;" and "...." repeat.
  CHECK(observed(set, text, "t.repeat") == std::vector<std::string>{";;", "...."});
}

TEST_CASE("A ratio balance counts both sides without double counting nested phrases") {
  const RuleSet set = set_of(R"({"id": "t.you", "kind": "balance", )" + kCommonRuleFields + R"(,
    "first": {"label": "you", "terms": ["you", "your"]},
    "second": {"label": "we", "terms": ["we", "the candidate", "the successful candidate"]},
    "min_ratio": 1})");
  const CompiledRules compiled(set, analyzer());
  EvaluationScratch scratch;
  const auto evaluate = [&](const std::string& text) {
    return compiled.evaluate(analyzer().analyze(text), {}, {}, scratch);
  };
  const Evaluation unmet = evaluate("We want the successful candidate to help you.");
  REQUIRE(unmet.balances.size() == 1);
  CHECK(unmet.balances[0].first == 1);
  CHECK(unmet.balances[0].second == 2);
  CHECK(unmet.observations[0].outcome == Outcome::kUnmet);
  CHECK(unmet.observations[0].value == doctest::Approx(0.5));
  CHECK(unmet.observations[0].detail == "you 1, we 2");
  CHECK(evaluate("You and your team, with us: we help.").observations[0].outcome == Outcome::kMet);
}

TEST_CASE("Two gender-decoder rules each count with their own lists, text after text") {
  // The two decoders share one scratch, text after text: neither may see the other's counts.
  const RuleSet set = set_of(R"({"id": "t.one", "kind": "balance", )" + kCommonRuleFields + R"(,
    "method": "gender-decoder", "first": {"label": "f", "prefixes": ["kind"]},
    "second": {"label": "m", "prefixes": ["lead"]}, "max_difference": 0},
    {"id": "t.two", "kind": "balance", )" +
                             kCommonRuleFields + R"(,
    "method": "gender-decoder", "first": {"label": "f", "prefixes": ["lead"]},
    "second": {"label": "m", "prefixes": ["kind", "kin"]}, "max_difference": 0})");
  const CompiledRules compiled(set, analyzer());
  EvaluationScratch scratch;
  for (int round = 0; round < 3; ++round) {
    const Evaluation e =
        compiled.evaluate(analyzer().analyze("Kind leaders lead kindly."), {}, {}, scratch);
    REQUIRE(e.observations.size() == 2);
    CHECK(e.observations[0].detail == "neutral: f 2, m 2");
    CHECK(e.observations[1].detail == "masculine-coded: f 2, m 4");
  }
}

TEST_CASE("Metric rules compare whole-advert values and each sentence") {
  const RuleSet set = set_of(R"({"id": "t.ease", "kind": "metric", )" + kCommonRuleFields +
                             R"(, "metric": "reading_ease",
          "min": 60},
         {"id": "t.sentence", "kind": "metric", )" +
                             kCommonRuleFields + R"(, "metric": "sentence_words",
          "max": 5},
         {"id": "t.length", "kind": "metric", )" +
                             kCommonRuleFields + R"(, "metric": "words", "min": 150, "max": 700})");
  const CompiledRules compiled(set, analyzer());
  EvaluationScratch scratch;
  const text::Document document =
      analyzer().analyze("Short one. This sentence has rather more than five words in it.");
  MetricValues values;
  values.words = 14;
  values.reading_ease = 55.25;
  const Evaluation e = compiled.evaluate(document, values, {}, scratch);
  REQUIRE(e.observations.size() == 3);
  CHECK(e.observations[0].detail == "55.2 (at least 60)");
  CHECK(document.text(*e.observations[1].span).rfind("This sentence", 0) == 0);
  CHECK(e.observations[1].value == 10);
  CHECK(e.observations[2].detail == "14 words (at least 150)");
}
