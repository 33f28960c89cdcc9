// The capitals check tells shouting (whole sentences in capitals, runs of three words or more)
// from acronyms, headings, job titles and names the advert also writes in mixed case.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rule_fields.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/rule_pack.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit::rules;

namespace {

// "text (detail)" of each capitals finding in `text`, under a capitals rule with `options`.
std::vector<std::string> shouts(const std::string& text, const std::string& options = "") {
  const RuleSet set = RuleSet::from_packs({parse_rule_pack(
      R"({"pack": "t", "version": "1", "rules": [{"id": "t.caps", "kind": "style", )" +
          kCommonRuleFields + R"(, "check": "capitals", "allow": ["NHS", "DBS", "CQC", "CRB",
          "NMC", "PIN", "LTD"])" +
          options + "}]}",
      "t.json")});
  const CompiledRules compiled(set, analyzer());
  const auto document = analyzer().analyze(text);
  EvaluationScratch scratch;
  std::vector<std::string> out;
  for (const auto& o : compiled.evaluate(document, MetricValues{}, {}, scratch).observations) {
    out.push_back(std::string(document.text(*o.span)) + " (" + o.detail + ")");
  }
  return out;
}

using Shouts = std::vector<std::string>;

}  // namespace

TEST_CASE("Whole sentences in capitals and runs of three words are shouting") {
  CHECK(shouts("IMMEDIATE START! You will support people at home.") ==
        Shouts{"IMMEDIATE START (a whole sentence in capitals)"});
  CHECK(shouts("PLEASE APPLY TODAY if you want to join us.") ==
        Shouts{"PLEASE APPLY TODAY (3 words in capitals in a row)"});
  // A run goes on across commas and hyphens, and stops at a word in ordinary case.
  CHECK(shouts("You are CARING, KIND AND RELIABLE people.") ==
        Shouts{"CARING, KIND AND RELIABLE (4 words in capitals in a row)"});
  CHECK(shouts("APPLY NOW if you can, CALL US today.").empty());
  CHECK(shouts("APPLY NOW if you can.", R"(, "min_words": 2)") ==
        Shouts{"APPLY NOW (2 words in capitals in a row)"});
}

TEST_CASE("Acronyms are not shouting whether or not they are listed") {
  CHECK(shouts("Your CRB, NMC PIN and DBS are checked by the CQC.").empty());
  CHECK(shouts("We are CQC registered and the NHS works with us. Our MHA team helps.").empty());
  // A sentence of acronyms only has no word that counts.
  CHECK(shouts("NHS DBS.").empty());
  // A single word, listed or not, is left to the words rules ("URGENT").
  CHECK(shouts("URGENT vacancy for a BUPA home.").empty());
}

TEST_CASE("A shout word in capitals is shouting however short and in a heading too") {
  const std::string words = R"(, "shout_words": ["URGENT", "ONLY", "PLEASE", "NOTE", "LOTS"])";
  CHECK(shouts("URGENT!!! Home Care Assistants needed\n\nYou will help.", words) ==
        Shouts{"URGENT (a word written in capitals to press)"});
  CHECK(shouts("MALE SUPPORT WORKERS ONLY\n\nYou will help.", words) ==
        Shouts{"MALE SUPPORT WORKERS ONLY (a whole sentence in capitals)"});
  CHECK(shouts("We have LOTS of jobs. PLEASE NOTE: we interview on Tuesdays.", words) ==
        Shouts{"LOTS (a word written in capitals to press)",
               "PLEASE NOTE (a word written in capitals to press)"});
  // A heading in capitals without one is a heading style.
  CHECK(shouts("JOB DESCRIPTION\n\nYou will help.", words).empty());
}

TEST_CASE("Headings and the job title line are not shouting") {
  const std::string advert =
      "SENIOR CARE ASSISTANT - NIGHTS\n\n"
      "JOB DESCRIPTION:\n"
      "You will support people who live with dementia.\n\n"
      "WHAT WE OFFER\n"
      "A free uniform and paid training.\n";
  CHECK(shouts(advert).empty());
  CHECK(shouts(advert + "\nFULL TRAINING IS GIVEN.\n") ==
        Shouts{"FULL TRAINING IS GIVEN (a whole sentence in capitals)"});
}

TEST_CASE("A name the advert also writes in mixed case is not shouting") {
  CHECK(shouts("Bright Days Care is hiring. Join BRIGHT DAYS CARE LTD today.").empty());
  // Without the mixed-case name the same run shouts.
  CHECK(shouts("Join BRIGHT DAYS CARE LTD today.") ==
        Shouts{"BRIGHT DAYS CARE LTD (3 words in capitals in a row)"});
  // The name's words do not count, the others still do.
  CHECK(shouts("Bright Days Care is hiring. PLEASE CALL BRIGHT DAYS CARE.") ==
        Shouts{"PLEASE CALL BRIGHT DAYS CARE (a whole sentence in capitals)"});
}
