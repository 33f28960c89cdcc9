// The fair-wording pack: one sex, religion, nationality and family status, with their lawful forms,
// and the equality statements and adjustments that earn points.
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using namespace caretoolkit::advert::testing;

TEST_CASE("Requests for one sex are flagged unless the advert gives the occupational requirement") {
  fires_on(
      "fair-wording.one-sex",
      {"Female carers only.", "Male carer required for a gentleman in Oakham.",
       "We are looking for a lady to join our team.", "Must be female.",
       "Female Support Worker Required.", "Female PA wanted, 20 hours a week.",
       "Male applicants only."},
      {"The person we support has asked for a female carer for personal care, an "
       "occupational requirement under the Equality Act 2010, Schedule 9. Female carers only.",
       "We support a lovely lady living with dementia.",
       "A gentleman living with dementia needs help with his shopping.",
       "Male and female carers welcome.", "We support young women with learning disabilities."});
  const Report report = check("Female carers only.");
  const Finding* f = first(report, "fair-wording.one-sex");
  REQUIRE(f != nullptr);
  CHECK(f->suggestion.find("Schedule 9") != std::string_view::npos);
}

TEST_CASE(
    "Religion nationality and family status demands are flagged and their lawful forms are "
    "not") {
  fires_on("fair-wording.religion",
           {"Must be a practising Christian.", "Christian faith essential.",
            "Applicants must attend church regularly.", "Muslim applicants only."},
           {"Our home has a Christian ethos which is essential to respect.",
            "We support residents of all faiths to attend church services.",
            "You will respect each person's faith and culture."});
  fires_on("fair-wording.nationality",
           {"British nationals only.", "Must be a UK citizen.", "UK passport holders only.",
            "Must be British."},
           {"You must have the right to work in the UK.", "We support British Army veterans."});
  fires_on("fair-wording.family-status",
           {"No childcare commitments.", "Would suit a mum looking for school hours.",
            "Ideal for housewives.", "Must be free of family commitments."},
           {"Ideal for parents looking for school hours.", "We support families and children."});
}

TEST_CASE("An equality statement and offers of adjustments earn points") {
  const Report report = check(
      "We welcome applications from everyone. Tell us about any reasonable adjustments you need; "
      "this advert is available in large print.");
  const Finding* equality = first(report, "fair-wording.equality-statement");
  REQUIRE(equality != nullptr);
  CHECK(equality->points == 4);
  const Finding* adjustments = first(report, "fair-wording.adjustments");
  REQUIRE(adjustments != nullptr);
  CHECK(adjustments->points == 4);
}

// The inclusive rules that found something in `text`, by id.
static Texts rules_found(const std::string& text) {
  Texts out;
  for (const Finding& f : check(text).findings) {
    if (f.outcome == Outcome::kFound && f.category == rules::Category::kInclusive) {
      out.emplace_back(f.rule_id);
    }
  }
  return out;
}

TEST_CASE("Each barrier is flagged by one rule and not counted twice") {
  CHECK(rules_found("Female carers only.") == Texts{"fair-wording.one-sex"});
  CHECK(rules_found("Female carers only: our client has asked for a female carer.").empty());
  CHECK(rules_found("British nationals only.") == Texts{"fair-wording.nationality"});
  CHECK(rules_found("Must be British born.") == Texts{"fair-wording.nationality"});
  CHECK(rules_found("You must have own car.") == Texts{"who-can-apply.driving"});
  CHECK(rules_found("You must be physically fit.") == Texts{"inclusive.physical"});
}

TEST_CASE(
    "A lady or a gentleman the job supports or who asked for a carer is not a one-sex request") {
  fires_on("inclusive.ladies-and-gentlemen", {"We are looking for a mature and sensible lady."},
           {"One gentleman we support likes to talk about the bus routes he drove.",
            "The gentleman has asked for a male carer for his personal care.",
            "A lady you will visit each morning needs help with her tablets."});
}
