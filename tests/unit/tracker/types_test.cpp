// Canonical names, labels, and the lenient parsing of what people type.
#include <doctest/doctest.h>

#include "tracker/types.hpp"

using namespace caretoolkit::tracker;

TEST_CASE("service types and channels print their canonical names and labels") {
  CHECK(to_string(ServiceType::kHomeCare) == "home_care");
  CHECK(to_string(ServiceType::kDayServices) == "day_services");
  CHECK(label(ServiceType::kSupportedLiving) == "Supported living");
  CHECK(to_string(Channel::kJobcentrePlus) == "jobcentre_plus");
  CHECK(label(Channel::kJobcentrePlus) == "Jobcentre Plus");
  CHECK(label(Channel::kStaffReferral) == "Staff referral");
  CHECK(to_string(Outcome::kNone).empty());
  CHECK(to_string(Outcome::kRejected) == "rejected");
  CHECK(to_string(Stage::kInterviewed) == "interviewed");
}

TEST_CASE("labels typed with spaces or hyphens in any case are accepted") {
  CHECK(parse_service_type("Home care") == ServiceType::kHomeCare);
  CHECK(parse_service_type("  home-care ") == ServiceType::kHomeCare);
  CHECK(parse_service_type("SUPPORTED LIVING") == ServiceType::kSupportedLiving);
  CHECK(parse_service_type("nursing") == ServiceType::kNursing);
  CHECK(parse_channel("job board") == Channel::kJobBoard);
  CHECK(parse_channel("Job  Board") == Channel::kJobBoard);
  CHECK(parse_channel("Jobcentre Plus") == Channel::kJobcentrePlus);
  CHECK(parse_channel("staff_referral") == Channel::kStaffReferral);
  CHECK(parse_channel("Own website") == Channel::kOwnWebsite);
  CHECK(parse_outcome("") == Outcome::kNone);
  CHECK(parse_outcome("Withdrawn") == Outcome::kWithdrawn);
  CHECK(parse_stage("LEFT") == Stage::kLeft);
}

TEST_CASE("every canonical name parses back to its value") {
  for (auto type :
       {ServiceType::kHomeCare, ServiceType::kResidential, ServiceType::kNursing,
        ServiceType::kSupportedLiving, ServiceType::kDayServices, ServiceType::kOther}) {
    CHECK(parse_service_type(to_string(type)) == type);
    CHECK(parse_service_type(label(type)) == type);
  }
  for (auto channel :
       {Channel::kJobBoard, Channel::kSocialMedia, Channel::kStaffReferral, Channel::kJobcentrePlus,
        Channel::kCareersEvent, Channel::kOwnWebsite, Channel::kAgency, Channel::kOther}) {
    CHECK(parse_channel(to_string(channel)) == channel);
    CHECK(parse_channel(label(channel)) == channel);
  }
  for (auto stage : {Stage::kApplied, Stage::kInterviewed, Stage::kOffered, Stage::kStarted,
                     Stage::kLeft, Stage::kWithdrawn, Stage::kRejected}) {
    CHECK(parse_stage(to_string(stage)) == stage);
  }
}

TEST_CASE("the lists of choices that messages and help give come from the one table") {
  CHECK(channel_names() ==
        "job_board, social_media, staff_referral, jobcentre_plus, careers_event, own_website, "
        "agency, other");
  CHECK(channel_labels() ==
        "Job board, Social media, Staff referral, Jobcentre Plus, Careers event, Own website, "
        "Agency, Other");
  CHECK(service_type_names() ==
        "home_care, residential, nursing, supported_living, day_services, other");
}

TEST_CASE("anything else is refused") {
  CHECK_FALSE(parse_service_type("care home").has_value());
  CHECK_FALSE(parse_service_type("").has_value());
  CHECK_FALSE(parse_channel("jobboard").has_value());
  CHECK_FALSE(parse_channel("job board please").has_value());
  CHECK_FALSE(parse_channel(std::string(100, 'a')).has_value());
  CHECK_FALSE(parse_outcome("hired").has_value());
  CHECK_FALSE(parse_stage("applied yesterday").has_value());
}
