// Providers' public profiles and the directory of listed employers: the stored form and rules of
// a profile, the kinds of service taken from the provider's services, and the list /employers
// shows: listed providers only, in alphabetical order, by town and kind of service, each with its
// open vacancies.
#include <doctest/doctest.h>

#include "support.hpp"
#include "tracker/employer_directory.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

// Passes every advert with a score of 80; the National Living Wage is £12.71.
AdvertJudge employer_test_judge() {
  return {[](const Vacancy&, Date) {
            AdvertAssessment out;
            out.score = 80;
            out.category_scores = R"({"essentials": 80})";
            out.rules_version = "essentials@1.0.0";
            return out;
          },
          [](Date) -> std::optional<PayFloor> {
            return PayFloor{day("2026-04-01"), Pence{1271}};
          }};
}

struct EmployerFixture {
  ScratchDir dir;
  Store store{dir.store_location("tracker.db"), fixed_today()};
  VacancyPublishing publishing{store, employer_test_judge()};
  EmployerDirectory directory{store, publishing};

  Id provider(const std::string& name, std::vector<ServiceType> types) {
    const Id id = store.providers().create(name).id;
    int n = 0;
    for (const ServiceType type : types) {
      store.services().create(
          id, Service{.name = name + " service " + std::to_string(++n), .type = type});
    }
    return id;
  }

  // An open vacancy for `role` in Hinckley, closing on 31 July 2026.
  Id open_vacancy(Id provider, const std::string& role) {
    Vacancy v;
    v.role = role;
    v.opened_on = day("2026-06-01");
    v.advert_text = "A job in Hinckley at £13.00 an hour. Call us.";
    v.town = "Hinckley";
    v.pay_min = Pence{1300};
    v.pay_period = PayPeriod::kHour;
    v.closing_on = day("2026-07-31");
    v.apply_phone = "0116 496 0000";
    v.status = VacancyStatus::kOpen;
    return publishing.create(provider, v).id;
  }
};

std::vector<std::string> employer_names(const std::vector<PublicEmployer>& employers) {
  std::vector<std::string> out;
  for (const auto& e : employers) out.push_back(e.name);
  return out;
}

}  // namespace

TEST_CASE("a profile is kept in its stored form and read back by its provider only") {
  EmployerFixture f;
  const Id brookfield = f.provider("Brookfield Home Care", {});
  const Id riverside = f.provider("Riverside Homes", {});
  const EmployerProfile saved =
      f.directory.set_profile(brookfield, {.town = "  Market\u00A0 Harborough ",
                                           .postcode_district = " le16 ",
                                           .description = "We visit people at home.\n\nAsk us."});
  CHECK(saved.town == "Market Harborough");
  CHECK(saved.postcode_district == "LE16");
  CHECK(saved.description == "We visit people at home.\n\nAsk us.");
  const EmployerProfile read = f.directory.profile(brookfield);
  CHECK(read.town == "Market Harborough");
  CHECK(read.postcode_district == "LE16");
  CHECK(read.description == saved.description);
  // Another provider's profile is its own: empty until written.
  CHECK(f.directory.profile(riverside).town.empty());
  CHECK(error_from([&] { f.directory.profile(999); }).code() == ErrorCode::kNotFound);
  // Writing a profile does not list the provider; listing keeps the profile.
  CHECK_FALSE(f.publishing.listed(brookfield));
  f.publishing.set_listed(brookfield, true);
  CHECK(f.directory.profile(brookfield).postcode_district == "LE16");
}

TEST_CASE("a full postcode or a description over 600 characters is refused and nothing changes") {
  EmployerFixture f;
  const Id provider = f.provider("Brookfield Home Care", {});
  f.directory.set_profile(provider, {.town = "Hinckley", .postcode_district = "LE10"});
  const Error error = error_from([&] {
    f.directory.set_profile(provider, {.town = "Hinckley",
                                       .postcode_district = "LE10 1AB",
                                       .description = std::string(601, 'a')});
  });
  CHECK(error.code() == ErrorCode::kInvalid);
  REQUIRE(error.items().size() == 2);
  CHECK(error.items()[0].field == "postcode_district");
  CHECK(error.items()[0].detail ==
        "Postcode district: give only the first part of the postcode, such as LE10, not the full "
        "postcode, which can point to one street or home");
  CHECK(error.items()[1].field == "description");
  CHECK(f.directory.profile(provider).postcode_district == "LE10");
  // 600 characters exactly, of two bytes each, are allowed.
  std::string longest;
  for (int i = 0; i < 600; ++i) longest += "é";
  CHECK(f.directory.set_profile(provider, {.description = longest}).description == longest);
}

TEST_CASE(
    "a provider's kinds of service come from its services each once in the vocabulary order") {
  EmployerFixture f;
  const Id provider = f.provider(
      "Brookfield Care", {ServiceType::kNursing, ServiceType::kHomeCare, ServiceType::kNursing});
  CHECK(f.directory.service_types(provider) ==
        std::vector<ServiceType>{ServiceType::kHomeCare, ServiceType::kNursing});
  CHECK(f.directory.service_types(f.provider("Riverside Homes", {})).empty());
}

TEST_CASE("the directory lists listed providers alphabetically by town and kind of service") {
  EmployerFixture f;
  const Id zetland = f.provider("Zetland Nursing", {ServiceType::kNursing});
  const Id brookfield = f.provider("brookfield Home Care", {ServiceType::kHomeCare});
  const Id abbey = f.provider("Abbey Homes", {ServiceType::kResidential, ServiceType::kNursing});
  const Id unlisted = f.provider("Aardvark Care", {ServiceType::kNursing});
  f.directory.set_profile(zetland, {.town = "Hinckley"});
  f.directory.set_profile(brookfield, {.town = "Market Harborough"});
  f.directory.set_profile(abbey, {.town = "Hinckley"});
  f.directory.set_profile(unlisted, {.town = "Hinckley"});
  for (const Id id : {zetland, brookfield, abbey}) f.publishing.set_listed(id, true);
  f.publishing.set_listed(unlisted, false);
  const Id first = f.open_vacancy(abbey, "Senior carer");
  const Id second = f.open_vacancy(abbey, "Night carer");
  f.open_vacancy(unlisted, "Cook");

  // Case ignored in the order: Abbey, brookfield, Zetland; Aardvark is not listed.
  const auto all = f.directory.list({});
  CHECK(employer_names(all) ==
        std::vector<std::string>{"Abbey Homes", "brookfield Home Care", "Zetland Nursing"});
  CHECK(all[0].service_types ==
        std::vector<ServiceType>{ServiceType::kResidential, ServiceType::kNursing});
  REQUIRE(all[0].vacancies.size() == 2);
  CHECK(all[0].vacancies[0].vacancy.id == second);  // the newer first
  CHECK(all[0].vacancies[1].vacancy.id == first);
  CHECK(all[1].vacancies.empty());

  // The town as typed, case and spacing ignored.
  CHECK(employer_names(f.directory.list({.town = " market   HARBOROUGH"})) ==
        std::vector<std::string>{"brookfield Home Care"});
  CHECK(employer_names(f.directory.list({.service_type = ServiceType::kNursing})) ==
        std::vector<std::string>{"Abbey Homes", "Zetland Nursing"});
  CHECK(employer_names(
            f.directory.list({.service_type = ServiceType::kNursing, .town = "hinckley"})) ==
        std::vector<std::string>{"Abbey Homes", "Zetland Nursing"});
  CHECK(f.directory.list({.service_type = ServiceType::kDayServices}).empty());
  CHECK(employer_names(f.directory.list({.limit = 1, .offset = 1})) ==
        std::vector<std::string>{"brookfield Home Care"});
}
