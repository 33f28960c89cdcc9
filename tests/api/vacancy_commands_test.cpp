// caretoolkit vacancy publish|close|versions|listing|profile, run as an operator runs them on a
// database holding one provider's draft vacancy: a refusal names each gap and changes nothing,
// publishing prints the version and score, and the versions list shows what each version brought.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "core/date.hpp"
#include "test_server.hpp"
#include "tracker/store.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

// A database with provider 1 and its draft vacancy 1: everything publishing needs but a town.
class DraftVacancy {
 public:
  DraftVacancy() : database_(store_.location()) {
    tracker::Store store(database_);
    const tracker::Id provider = store.providers().create("Brookfield Home Care").id;
    tracker::Vacancy v;
    v.role = "Care assistant";
    v.opened_on = store.today();
    v.advert_text =
        "Care assistant in Hinckley (LE10). We pay £13.10 an hour. To apply, call Sam on 0116 "
        "496 0000.";
    v.pay_min = Pence{1310};
    v.closing_on = store.today().plus_days(30);
    v.apply_phone = "0116 496 0000";
    store.vacancies().create(provider, v);
  }

  std::pair<int, std::string> run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.end(), {"--db", database_});
    return run_caretoolkit(arguments);
  }
  const std::string& database() const { return database_; }
  // Writes `text` to the file `name` beside the database and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::string path = (dir_.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  TempDir dir_;
  TestStoreLocation store_{dir_.path() / "tracker.db"};
  std::string database_;
};

}  // namespace

TEST_CASE("vacancy publish names each gap then opens the vacancy once it is filled") {
  DraftVacancy db;
  const auto refused = db.run({"vacancy", "publish", "--provider", "1", "1"});
  CHECK(refused.first == 2);
  CHECK(refused.second ==
        "caretoolkit: This vacancy cannot be published yet: 1 thing is missing or wrong\n"
        "  town: Town is missing: say where the job is\n");
  {
    tracker::Store store(db.database());
    CHECK(store.vacancies().get(1, 1).status == tracker::VacancyStatus::kDraft);
    store.vacancies().update(1, 1, [](tracker::Vacancy& v) { v.town = "Hinckley"; });
  }
  const auto published = db.run({"vacancy", "publish", "--provider", "1", "1"});
  INFO(published.second);
  CHECK(published.first == 0);
  CHECK(
      published.second.starts_with("Vacancy 1 (Care assistant) is open: advert version 1, "
                                   "score "));
  const auto versions = db.run({"vacancy", "versions", "--provider", "1", "1"});
  CHECK(versions.first == 0);
  CHECK(versions.second.find("live") != std::string::npos);
  CHECK(db.run({"vacancy", "listing", "--provider", "1", "on"}).second ==
        "Provider 1's open vacancies are now listed on /vacancies.\n");
  const auto closed = db.run({"vacancy", "close", "--provider", "1", "1"});
  CHECK(closed.first == 0);
  CHECK(closed.second.starts_with("Vacancy 1 (Care assistant) closed on "));
  // Another provider's vacancy is not found.
  CHECK(db.run({"vacancy", "close", "--provider", "2", "1"}).first == 2);
}

TEST_CASE("vacancy profile shows the profile and writes only the parts given") {
  DraftVacancy db;
  {
    tracker::Store store(db.database());
    store.services().create(1, {.id = 0,
                                .provider_id = 0,
                                .name = "Hinckley visits",
                                .type = tracker::ServiceType::kHomeCare});
  }
  const auto saved = db.run({"vacancy", "profile", "--provider", "1", "--town", "Hinckley",
                             "--postcode-district", "le10"});
  CHECK(saved.first == 0);
  CHECK(saved.second ==
        "Provider 1's profile is saved; it shows on /employers once the provider is listed "
        "(vacancy listing on).\nTown: Hinckley\nPostcode district: LE10\nKinds of service: Home "
        "care\nAbout us: \n");
  CHECK(db.run({"vacancy", "profile", "--provider", "1", "--description", "We visit."}).first == 0);
  const auto shown = db.run({"vacancy", "profile", "--provider", "1"});
  CHECK(shown.second ==
        "Town: Hinckley\nPostcode district: LE10\nKinds of service: Home care\nAbout us: We "
        "visit.\n");
  // A full postcode is refused, naming the problem, and nothing changes.
  const auto refused =
      db.run({"vacancy", "profile", "--provider", "1", "--postcode-district", "LE10 1AB"});
  CHECK(refused.first == 2);
  CHECK(refused.second.find("give only the first part of the postcode, such as LE10") !=
        std::string::npos);
  CHECK(db.run({"vacancy", "profile", "--provider", "1"}).second == shown.second);
  CHECK(db.run({"vacancy", "profile", "--provider", "2"}).first == 2);
}

TEST_CASE("vacancy publish records adverts that ran before with the days they went live") {
  DraftVacancy db;
  const Date today = Date::today();
  const Date opened = today.plus_days(-60);
  {
    tracker::Store store(db.database());
    store.vacancies().update(1, 1, [&](tracker::Vacancy& v) {
      v.town = "Hinckley";
      v.opened_on = opened;
    });
  }
  const auto first =
      db.run({"vacancy", "publish", "--provider", "1", "1", "--live-from", opened.to_string()});
  INFO(first.second);
  CHECK(first.first == 0);
  CHECK(first.second.find("advert version 1, score ") != std::string::npos);
  CHECK(first.second.find(", live from " + opened.to_string() + ", ") != std::string::npos);

  const std::string advert = db.write(
      "advert.txt",
      "Care assistant in Hinckley (LE10). We pay £13.10 an hour, with paid training. To apply, "
      "call Sam on 0116 496 0000.");
  const Date rewritten = opened.plus_days(30);
  const auto tomorrow = today.plus_days(1).to_string();
  CHECK(db.run({"vacancy", "publish", "--provider", "1", "1", "--advert", advert, "--live-from",
                tomorrow}) ==
        std::pair<int, std::string>{2, "caretoolkit: Date the advert went live (" + tomorrow +
                                           ") is after today (" + today.to_string() +
                                           "): give the day it went live, today or before\n"});
  const auto second = db.run({"vacancy", "publish", "--provider", "1", "1", "--advert", advert,
                              "--live-from", rewritten.to_string()});
  INFO(second.second);
  CHECK(second.first == 0);
  CHECK(second.second.starts_with("Vacancy 1 (Care assistant) is open: advert version 2, score "));
  CHECK(second.second.find(", live from " + rewritten.to_string() + ", ") != std::string::npos);
  const auto versions = db.run({"vacancy", "versions", "--provider", "1", "1"});
  CHECK(versions.second.find("1  " + opened.to_string() + "  " + rewritten.to_string()) !=
        std::string::npos);
  CHECK(versions.second.find("2  " + rewritten.to_string() + "  live") != std::string::npos);
}
