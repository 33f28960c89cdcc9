// The essentials pack asks for real evidence: an apply verb or contact, a place, a path rather than
// a title, an amount for unsocial hours, the DBS by any of its names, pay after "we pay", and no
// judgement where a job board hid the figure.
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using namespace caretoolkit::advert::testing;

TEST_CASE("How to apply needs an apply verb or a contact") {
  CHECK(outcome_of("You will answer call bells and help residents.", "essentials.how-to-apply") ==
        Outcome::kUnmet);
  CHECK(outcome_of("Apply creams as prescribed.", "essentials.how-to-apply") == Outcome::kUnmet);
  for (const char* text : {"Interested? Apply now.", "Call Sam for a chat.", "Ring 01632 960418.",
                           "Email jobs@example.org.", "Contact Jane Smith, Registered Manager.",
                           "Send your CV to the home manager."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.how-to-apply") == Outcome::kMet);
  }
}

TEST_CASE("Location accepts a labelled place the title an area or a postcode district only") {
  CHECK(found("Location: Leicester", "essentials.location", Outcome::kMet) ==
        Texts{"Location: Leicester"});
  CHECK(found("Care Assistant - Leicester\n\nYou will help people.", "essentials.location",
              Outcome::kMet) == Texts{"- Leicester"});
  CHECK(found("Care Assistant - small dementia home, Ludlow\n\nYou will help people.",
              "essentials.location", Outcome::kMet) == Texts{", Ludlow"});
  CHECK(found("Care Assistant\n\nBeech Grove Residential Home, Stoke-on-Trent\n\nYou will help.",
              "essentials.location", Outcome::kMet) == Texts{", Stoke"});
  CHECK(found("Care Assistant\n\nLocation: Community based, Peterborough and nearby.",
              "essentials.location",
              Outcome::kMet) == Texts{"Location: Community based, Peterborough"});
  CHECK(found("Visits in the Market Harborough area.", "essentials.location", Outcome::kMet) ==
        Texts{"in the Market"});
  CHECK(found("Our branch covers LE4 and LE5.", "essentials.location", Outcome::kMet) ==
        Texts{"LE4"});
  for (const char* text :
       {"NVQ2 in Health and Social Care essential.", "Care Assistant - Nights",
        "Care Assistant - EMI", "Experience working in Dementia care.",
        "Support Worker - SL - Waking Nights", "Level 5 in Leadership and Management."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.location") == Outcome::kUnmet);
  }
}

TEST_CASE("A job title is not progression and a path is") {
  CHECK(outcome_of("Senior Care Assistant wanted.", "essentials.progression") == Outcome::kUnmet);
  CHECK(outcome_of("Team Leader, nights.", "essentials.progression") == Outcome::kUnmet);
  CHECK(outcome_of("Many of our senior carers started as care assistants.",
                   "essentials.progression") == Outcome::kMet);
  CHECK(outcome_of("A clear path to senior support worker.", "essentials.progression") ==
        Outcome::kMet);
}

TEST_CASE("Enhancements need an amount and are not asked of salaried posts") {
  for (const char* text : {"£13.50 an hour at weekends.", "Time and a half on bank holidays.",
                           "An extra 50p an hour at weekends.", "Weekend rate: £14.20."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.enhancements") == Outcome::kMet);
  }
  CHECK(outcome_of("£12.90 an hour. Enhanced rates for weekends.", "essentials.enhancements") ==
        Outcome::kUnmet);
  const Report manager = check("Registered Manager. Salary £42,000 per annum.");
  CHECK(first(manager, "essentials.enhancements") == nullptr);
}

TEST_CASE("The DBS check is met by its other names and CRB is flagged as outdated") {
  for (const char* text :
       {"CRB check required.", "Enhanced disclosure required.", "PVG membership required.",
        "AccessNI check needed.", "An enhanced DBS check."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.dbs") == Outcome::kMet);
  }
  const Report report = check("CRB check required.");
  const Finding* crb = first(report, "essentials.crb-outdated");
  REQUIRE(crb != nullptr);
  CHECK(crb->replacement == "DBS check");
  CHECK(crb->points == -2);
  CHECK(first(check("An enhanced DBS check."), "essentials.crb-outdated") == nullptr);
}

TEST_CASE("Pay is met by an amount after we pay rate or salary") {
  CHECK(found("We pay 7.40 weekdays & 8.50 weekends.", "essentials.pay", Outcome::kMet) ==
        Texts{"We pay 7.40"});
  CHECK(outcome_of("Rate: £12.80.", "essentials.pay") == Outcome::kMet);
  CHECK(outcome_of("Salary: £24,000.", "essentials.pay") == Outcome::kMet);
  CHECK(outcome_of("Competitive pay.", "essentials.pay") == Outcome::kUnmet);
}

TEST_CASE("A hidden figure is not judged and costs nothing") {
  for (const char* text :
       {"Pay: £xx.xx per hour.", "Salary £**** per annum.", "Rate of pay: £XX"}) {
    CAPTURE(text);
    const Report report = check(text);
    const Finding* pay = first(report, "essentials.pay");
    REQUIRE(pay != nullptr);
    CHECK(pay->outcome == Outcome::kNotJudged);
    CHECK(pay->points == 0);
    CHECK(pay->severity == rules::Severity::kInfo);
    CHECK(pay->message.find("Not judged") == 0);
  }
  const Report hours = check("**** hours per week.");
  CHECK(first(hours, "essentials.hours")->outcome == Outcome::kMet);  // "hours per week"
  CHECK(first(check("Hours: XX hrs."), "essentials.hours")->outcome == Outcome::kNotJudged);
}

TEST_CASE("Benefits are not met by working bank holidays") {
  CHECK(outcome_of("Must work bank holidays as and when required.", "essentials.benefits") ==
        Outcome::kUnmet);
  CHECK(outcome_of("28 days' holiday including bank holidays, and a pension.",
                   "essentials.benefits") == Outcome::kMet);
}

TEST_CASE("Training the candidate must already have or must attend is not an offer of training") {
  for (const std::string text :
       {"To attend all mandatory training as required.", "Must be Team Teach and MAPA trained.",
        "Medication trained.", "You will contribute to the induction of new staff.",
        "Leavers within 6 months will be charged for their training."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.training") == Outcome::kUnmet);
  }
  for (const std::string text :
       {"We give you a paid induction and the Care Certificate.", "Full training provided.",
        "We'll fund a Level 3 Diploma if you would like one.",
        "You will attend a three-day induction before you start.",
        "The council pays for your first aid and moving and handling training.",
        "I'll teach you how I like things done."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.training") == Outcome::kMet);
  }
}

TEST_CASE(
    "A one-letter postcode district with two digits is a place and a road or a grade is not") {
  for (const std::string text :
       {"Thornbury Nursing Home, Sheffield S10.", "Apply in person: B97."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.location") == Outcome::kMet);
  }
  for (const std::string text : {"Close to junction 4 of the M1.", "Grade B2 or above."}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.location") == Outcome::kUnmet);
  }
}

TEST_CASE("A place after wanted or needed in the title is the location") {
  for (const std::string text :
       {"Carers wanted in Stockport and Cheadle.", "Home Carers Needed - Rotherham"}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.location") == Outcome::kMet);
  }
  for (const std::string text :
       {"Experience required - Health and Social Care", "Drivers wanted - Immediate start"}) {
    CAPTURE(text);
    CHECK(outcome_of(text, "essentials.location") == Outcome::kUnmet);
  }
}
