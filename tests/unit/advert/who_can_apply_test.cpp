// The who-can-apply pack: demands for experience, qualifications and driving, and the lines that
// welcome people new to care, career changers and non-drivers.
#include "pack_check.hpp"

using namespace caretoolkit;
using namespace caretoolkit::advert;
using namespace caretoolkit::advert::testing;

TEST_CASE("Experience demands are flagged but welcomes and the employer's own history are not") {
  fires_on("who-can-apply.experience-demand",
           {"Previous care experience essential.",
            "Experience of working with people living with dementia is essential.",
            "Experienced carers only.", "You must have experience of personal care."},
           {"No experience needed: we train you.",
            "Experience is not essential as full training is provided.",
            "With over 20 years' experience, we are a trusted local provider.",
            "Experience desirable. You will support people with personal care.",
            "We value your life experience."});
  const Report report = check("Previous care experience essential.");
  const Finding* f = first(report, "who-can-apply.experience-demand");
  REQUIRE(f != nullptr);
  CHECK(f->points == -5);
  CHECK(f->category == rules::Category::kInclusive);
  CHECK(f->suggestion.find("We train you") != std::string_view::npos);
}

TEST_CASE("A length of experience demanded is flagged once as an age risk") {
  const Texts lengths = {"Minimum 2 years' experience in a care setting.",
                         "Applicants must have a minimum of 2 years experience.",
                         "Candidates must be flexible, have 3 years experience and a car.",
                         "2 years experience in a care setting is essential.",
                         "At least 6 months' experience required.",
                         "You need 12 months' home care experience.",
                         "Applicants need 6 months' UK experience."};
  fires_on("inclusive.age-experience", lengths,
           {"With over 20 years' experience, we are a trusted local provider.",
            "Our managers have 15 years of experience between them."});
  for (const std::string& text : lengths) {
    CAPTURE(text);
    CHECK(found(text, "who-can-apply.experience-demand").empty());
  }
}

TEST_CASE("Driving demands worded as a requirement after the licence or the car are flagged") {
  fires_on("who-can-apply.driving",
           {"Driving licence and car essential.", "A driving licence is required for most rounds.",
            "This role needs a driver with a car."},
           {"Driving licence desirable but not essential.",
            "Free car parking is available and no experience is required."});
}

TEST_CASE(
    "Qualification codes demanded are flagged unless the advert offers to work towards them") {
  fires_on("who-can-apply.qualification-demand",
           {"NVQ2 essential.", "Must have NVQ level 3 in Health and Social Care.",
            "QCF Level 2 required.", "Applicants must hold NVQ level 2 or above.",
            "Level 3 Diploma in Health and Social Care essential.", "NVQ 3 required for this role.",
            "Must have 2 years experience and Level 2 Diploma.",
            "You will need an NVQ Level 3 in Health and Social Care."},
           {"NVQ Level 3 in Health and Social Care essential or willing to work towards.",
            "Level 3 Diploma in Health and Social Care is desirable but not essential.",
            "We fund your Level 2 Diploma in Care.", "No qualifications needed."});
}

TEST_CASE("Driving demands cost points unless travel is paid and are information when it is") {
  fires_on(
      "who-can-apply.driving",
      {"Must drive.", "Driver essential.", "Full UK licence required.",
       "Full UK driving licence and own car essential.", "You must have own transport.",
       "Car owner with business insurance.", "Access to a vehicle is essential.",
       "Drivers only due to the rural area."},
      {"Drivers and non-drivers welcome.", "Access to a vehicle is essential. We pay 45p a mile.",
       "Own transport essential. Walking rounds available in town.",
       "If you don't have your own car, we have walking rounds.",
       "A driving licence is desirable but not essential."});
  CHECK(found("Must drive.", "who-can-apply.driving-paid").empty());
  const Report paid = check("Own car essential; mileage paid at 45p a mile.");
  const Finding* info = first(paid, "who-can-apply.driving-paid");
  REQUIRE(info != nullptr);
  CHECK(info->text == "Own car essential");
  CHECK(info->points == 0);
  CHECK(info->suggestion.find("walking rounds") != std::string_view::npos);
  CHECK(first(paid, "who-can-apply.driving") == nullptr);
  // Alternatives for non-drivers silence both.
  CHECK(found("Own car essential, mileage paid, or join our walking rounds.",
              "who-can-apply.driving-paid")
            .empty());
}

TEST_CASE("Lines that welcome new people earn points") {
  const Report report = check(
      "No experience needed: we will train you. We welcome career changers and your life "
      "experience matters. Non-drivers welcome on our walking rounds.");
  const auto points = [&](const std::string& id) {
    int total = 0;
    for (const Finding& f : report.findings) {
      if (f.rule_id == id) total += f.points;
    }
    return total;
  };
  CHECK(points("who-can-apply.new-to-care-welcome") == 6);
  CHECK(points("who-can-apply.we-train-you") == 4);
  CHECK(points("who-can-apply.career-changers") == 4);  // capped at one line's worth
  CHECK(points("who-can-apply.non-drivers-welcome") == 4);
  CHECK(found("Must have care experience.", "who-can-apply.new-to-care-welcome").empty());
}

TEST_CASE("An offer to train earns its reward once and joining a team earns nothing") {
  const Report report = check("We'll train you. Join our team.");
  const Finding* train = first(report, "who-can-apply.we-train-you");
  REQUIRE(train != nullptr);
  CHECK(train->points == 4);
  CHECK(first(report, "engaging.why-people-stay") == nullptr);
}
