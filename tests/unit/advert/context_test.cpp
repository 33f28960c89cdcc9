// The default packs read words in context: age, sex, health, experience and value words that
// describe the people supported or the employer are not demands on the candidate, and value words
// in another sense earn nothing; the same words are still flagged when they are a demand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "advert/checker.hpp"
#include "pack_check.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using caretoolkit::advert::testing::checker;

namespace {

// "rule: text" of every finding of the inclusive and values packs in `advert`.
std::vector<std::string> flagged(const std::string& advert) {
  std::vector<std::string> out;
  for (const Finding& f : checker().check(advert).findings) {
    const std::string_view id = f.rule_id;
    if (f.outcome != rules::Outcome::kFound) continue;
    if (id.starts_with("inclusive.") || id.starts_with("values.")) {
      out.push_back(std::string(id) + ": " + std::string(f.text));
    }
  }
  return out;
}

using Flags = std::vector<std::string>;

}  // namespace

TEST_CASE("Age and sex words about the people supported are not flagged") {
  CHECK(flagged("You will support a young girl with complex needs.").empty());
  CHECK(flagged("You will work with people with young onset dementia.") ==
        Flags{});  // "people with" is no jargon either
  CHECK(flagged("You will support an older person in their own home.").empty());
  CHECK(flagged("You will be visiting a lovely lady in Stamford.").empty());
  CHECK(flagged("You will support a gentleman living with dementia.").empty());
  CHECK(flagged("Our ladies and gentlemen enjoy a sing-along.").empty());
}

TEST_CASE("Age sex and health words that are demands on the candidate are still flagged") {
  CHECK(flagged("You must be young and energetic.") ==
        Flags{"inclusive.age-youth: young", "inclusive.age-energy: energetic"});
  CHECK(flagged("Applicants must have 5 years' experience.") ==
        Flags{"inclusive.age-experience: 5 years' experience"});
  CHECK(flagged("You must be physically fit.") ==
        Flags{"inclusive.physical: must be physically fit"});
  CHECK(flagged("We are looking for a lady to join our team.") ==
        Flags{"inclusive.ladies-and-gentlemen: lady"});
  CHECK(flagged("This role would suit an older person.") ==
        Flags{"inclusive.age-maturity: older person"});
  CHECK(flagged("Join our young team.") == Flags{"inclusive.age-youth: young team"});
  CHECK(flagged("You must be in good health to support residents.") ==
        Flags{"inclusive.physical: in good health"});
}

TEST_CASE("The employer's experience and things that are up to date or lively are not flagged") {
  CHECK(flagged("With over 20 years' experience, we are a trusted provider you can rely on.")
            .empty());
  CHECK(flagged("We have 25 years of experience in home care.").empty());
  CHECK(flagged("You will need an up-to-date DBS.").empty());
  CHECK(flagged("You will plan lively activities for residents.").empty());
  CHECK(flagged("You will help keep residents in good health.").empty());
  CHECK(flagged("We are a well established company.").empty());
  CHECK(flagged("We are a well established care home seeking a mature night carer.") ==
        Flags{"inclusive.age-maturity: mature"});
  // A demand in the same words is still one.
  CHECK(
      flagged("We require 3 years of experience, and you must be energetic.") ==
      Flags{"inclusive.age-energy: energetic", "inclusive.age-experience: 3 years of experience"});
}

TEST_CASE("Value words in another sense earn nothing and in their own sense still earn") {
  CHECK(flagged("We are an employer of choice.").empty());
  CHECK(flagged("You will be paid in respect of travel time.").empty());
  CHECK(flagged("This app enables us to plan your rota.").empty());
  CHECK(flagged("We are a well respected provider.").empty());
  const Report values = checker().check(
      "You will enable people to make their own choices, with dignity and respect.");
  int won = 0;
  int found = 0;
  for (const Finding& f : values.findings) {
    if (f.category != rules::Category::kValues) continue;
    won += f.points;
    ++found;
  }
  CHECK(found == 4);  // empowering, choice, dignity, respect
  CHECK(won == 4);    // one sentence earns at most 4 points for values words
}
