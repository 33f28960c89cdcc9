// The pay-and-hours pack: pay below the National Living Wage on the check date, per visit and "up
// to", zero hours, availability, candidates paying, unpaid travel, hostile closers and agency
// boilerplate.
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using namespace caretoolkit::advert::testing;

TEST_CASE("Pay below the National Living Wage on the check date is critical") {
  const Texts below = found("We pay £12.00 per hour.", "pay-and-hours.below-minimum-wage");
  CHECK(below == Texts{"£12.00"});
  const Report report = check("Pay: £11.50 - £13.00 per hour depending on experience.");
  const Finding* f = first(report, "pay-and-hours.below-minimum-wage");
  REQUIRE(f != nullptr);
  CHECK(f->text == "£11.50");
  CHECK(f->points == -20);
  CHECK(f->severity == rules::Severity::kCritical);
  CHECK(f->detail ==
        "£11.50 an hour is below £12.71, the rate from 1 April 2026 (checked for 6 December 2026)");
  CHECK(found("£12.21ph weekdays, £12.50p/h weekends.", "pay-and-hours.below-minimum-wage") ==
        Texts{"£12.21ph", "£12.50p/h"});
  // At or above the rate, an addition to pay, a night's pay and a salary are not hourly rates
  // below it.
  for (const char* text : {"Starting at £12.71 an hour.", "An extra £1 an hour at weekends.",
                           "Sleep-ins pay £95 a night.", "£24,000 a year."}) {
    CAPTURE(text);
    CHECK(found(text, "pay-and-hours.below-minimum-wage").empty());
  }
  // The same advert checked for 31 March 2026 meets the rate then, £12.21.
  const Report earlier =
      checker().check("We pay £12.21 an hour.", {"", "", Date::parse("2026-03-31")});
  CHECK(first(earlier, "pay-and-hours.below-minimum-wage") == nullptr);
}

TEST_CASE("Pay per visit and up to rates are flagged and a starting rate with a rise is not") {
  fires_on("pay-and-hours.per-visit",
           {"We pay £6.50 per 30 minute call.", "You are paid per visit.",
            "£14 per visit plus mileage."},
           {"£13.10 an hour from your first visit to your last.", "Sleep-ins pay £95 a night."});
  fires_on("pay-and-hours.up-to",
           {"Earn up to £14.50 per hour!", "Pay up to £13.00", "Salary up to £28,000 per annum."},
           {"£12.80 an hour rising up to £14.00 with experience.",
            "Up to £500 refer a friend bonus.", "Visits last up to an hour."});
}

TEST_CASE("Zero hours and availability demands are flagged and offers of flexibility are not") {
  fires_on("pay-and-hours.zero-hours",
           {"Zero hours contract, flexible work.", "Hours are not guaranteed."},
           {"Zero hours or guaranteed 30 hours a week, your choice.",
            "Choose from 16, 25 or 37.5 guaranteed hours a week."});
  fires_on("pay-and-hours.availability",
           {"You must be fully flexible.", "Applicants must be available 7 days a week.",
            "Must be available at short notice.", "100% flexibility is required."},
           {"Fully flexible hours to fit around your family.", "Choose the shifts that suit you."});
}

TEST_CASE("Demands to work any shift or every weekend are availability demands") {
  fires_on("pay-and-hours.availability",
           {"Must be able to work any shift including nights, weekends and bank holidays.",
            "Must work every weekend.", "Must be available weekends.",
            "Ability to work flexibly, including evenings, weekends and bank holidays.",
            "Flexibility to work early mornings, evenings and weekends is essential."},
           {"You can work flexibly around school hours.",
            "If you are willing to work weekends we pay £1 an hour more.",
            "You will work every other weekend, on a rota agreed four weeks ahead."});
}

TEST_CASE("Candidates paying for checks and unpaid travel time are flagged") {
  fires_on("pay-and-hours.candidate-pays",
           {"DBS at your own cost (£54.50).",
            "£44 will be deducted from your first pay for your DBS check.",
            "The DBS fee will be deducted from your wages.",
            "If you leave within a year you must repay the cost of your training."},
           {"We pay for your DBS check; nothing is deducted from your wages.",
            "Tax and National Insurance are taken through PAYE."});
  fires_on("pay-and-hours.unpaid-travel",
           {"Travel time is not paid.", "You are paid for contact time only.", "No mileage paid."},
           {"Paid travel time between visits and 45p a mile."});
}

TEST_CASE("Hostile closing lines and agency boilerplate are flagged") {
  fires_on("pay-and-hours.hostile-closer",
           {"If you have not heard from us within 2 weeks please assume you have been "
            "unsuccessful.",
            "Failure to attend interview will be reported to the Jobcentre.", "No time wasters."},
           {"We reply to everyone within a week.", "The Jobcentre can help you apply."});
  fires_on("pay-and-hours.agency-boilerplate",
           {"My client is a leading care provider.",
            "We are recruiting on behalf of our client, a care home in Derby.",
            "Care Assistant / Carer / Support Worker / Care Worker / Healthcare Assistant / HCA",
            "Keywords: carer, care assistant, support worker"},
           {"We need carers, support workers and nurses.",
            "You will visit our clients in their own homes."});
}
