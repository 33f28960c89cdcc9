// Publishing vacancies: the checks for opening one, advert versions and their scores, closing by
// hand and after the closing date, the public listing, page counts and applicant attribution.
// The advert checker is stood in for by a judge whose verdicts are written out here; the server's
// tests run the real one.
#include <doctest/doctest.h>

#include <algorithm>

#include "support.hpp"
#include "tracker/vacancy_publishing.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

// Scores an advert by its length (10 points a word, at most 90) and finds the pay missing when
// the text has no pound sign; the National Living Wage is £12.71 from 1 April 2026.
AdvertJudge test_judge() {
  return {[](const Vacancy& vacancy, Date) {
            const std::string& text = *vacancy.advert_text;
            AdvertAssessment out;
            out.score = static_cast<int>(
                std::min<std::ptrdiff_t>(90, 10 * (1 + std::count(text.begin(), text.end(), ' '))));
            out.category_scores = R"({"essentials": )" + std::to_string(out.score) + "}";
            out.rules_version = "essentials@1.0.0";
            if (text.find("£") == std::string::npos) {
              out.gaps.push_back({"advert_text", "The advert does not give the pay", std::nullopt});
            }
            return out;
          },
          [](Date on) -> std::optional<PayFloor> {
            if (on < day("2026-04-01")) return PayFloor{day("2025-04-01"), Pence{1221}};
            return PayFloor{day("2026-04-01"), Pence{1271}};
          }};
}

struct Fixture {
  ScratchDir dir;
  Date today = kToday;  // 2026-06-30
  Store store{dir.store_location("tracker.db"), [this] {
                StoreOptions options;
                options.today = [this] { return today; };
                return options;
              }()};
  VacancyPublishing publishing{store, test_judge()};
  Id provider = store.providers().create("Brookfield Home Care").id;
};

// A draft with every particular publishing needs: £12.80 to £13.50 an hour in Hinckley (LE10),
// closing on 31 July 2026, applications by phone.
Vacancy ready_draft() {
  Vacancy v;
  v.role = "Care assistant";
  v.opened_on = day("2026-06-01");
  v.advert_text = "Care assistant in Hinckley, £12.80 an hour. Call us.";
  v.town = "Hinckley";
  v.postcode_district = "le10";
  v.pay_min = Pence{1280};
  v.pay_max = Pence{1350};
  v.pay_period = PayPeriod::kHour;
  v.hours_per_week = 30;
  v.employment_type = EmploymentType::kPartTime;
  v.closing_on = day("2026-07-31");
  v.apply_phone = "0116 496 0000";
  return v;
}

std::vector<std::string> fields_of(const Error& error) {
  std::vector<std::string> out;
  for (const auto& item : error.items()) out.push_back(item.field);
  return out;
}

}  // namespace

TEST_CASE("a draft with every particular opens with its score and first advert version") {
  Fixture f;
  const Vacancy draft = f.publishing.create(f.provider, ready_draft());
  CHECK(draft.status == VacancyStatus::kDraft);
  CHECK(draft.postcode_district == "LE10");
  CHECK_FALSE(draft.live_version);

  const Vacancy open = f.publishing.publish(f.provider, draft.id);
  CHECK(open.status == VacancyStatus::kOpen);
  CHECK(open.published_on == kToday);
  CHECK(open.live_version == 1);
  CHECK(open.advert_score == 90);  // nine words
  const auto versions = f.publishing.versions(f.provider, draft.id);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].version == 1);
  CHECK(versions[0].score == 90);
  CHECK(versions[0].category_scores == R"({"essentials": 90})");
  CHECK(versions[0].rules_version == "essentials@1.0.0");
  CHECK(versions[0].live_from == kToday);
  CHECK_FALSE(versions[0].live_to);
  // The provider now has the built-in source for applicants who came from the page.
  const auto sources = f.store.sources().list(f.provider, {.name = "Toolkit vacancy page"});
  REQUIRE(sources.items.size() == 1);
  CHECK(sources.items[0].channel == Channel::kOwnWebsite);
}

TEST_CASE("publishing names every gap and changes nothing") {
  Fixture f;
  Vacancy bare;
  bare.role = "Care assistant";
  bare.opened_on = day("2026-06-01");
  bare.advert_text = "Join our team and make a difference";
  const Vacancy draft = f.publishing.create(f.provider, bare);

  const Error error = error_from([&] { f.publishing.publish(f.provider, draft.id); });
  CHECK(error.code() == ErrorCode::kInvalid);
  CHECK(std::string(error.what()) ==
        "This vacancy cannot be published yet: 5 things are missing or wrong");
  CHECK(fields_of(error) == std::vector<std::string>{"advert_text", "pay_min_pence", "town",
                                                     "apply_url", "closing_on"});
  CHECK(error.items()[1].detail == "Pay is missing: give the lowest pay and what it is per");
  const Vacancy stored = f.store.vacancies().get(f.provider, draft.id);
  CHECK(stored.status == VacancyStatus::kDraft);
  CHECK(f.publishing.versions(f.provider, draft.id).empty());
}

TEST_CASE("pay below the National Living Wage of the day keeps a vacancy from opening") {
  Fixture f;
  Vacancy low = ready_draft();
  low.pay_min = Pence{1270};  // a penny under £12.71
  const Vacancy draft = f.publishing.create(f.provider, low);
  const Error error = error_from([&] { f.publishing.publish(f.provider, draft.id); });
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].field == "pay_min_pence");
  CHECK(error.items()[0].detail ==
        "Lowest pay (£12.70 an hour) is below the National Living Wage of £12.71 an hour in "
        "force from 1 April 2026: it is unlawful to pay a worker aged 21 or over less");

  // Yearly pay is compared an hour: £24,700 a year for 37.5 hours is £24,700 / 1,950 = £12.66.
  Vacancy yearly = ready_draft();
  yearly.pay_period = PayPeriod::kYear;
  yearly.pay_min = Pence{2'470'000};
  yearly.pay_max = std::nullopt;
  yearly.hours_per_week = 37.5;
  CHECK(lowest_hourly_pay(yearly) == Pence{1266});
  const Vacancy year_draft = f.publishing.create(f.provider, yearly);
  const Error year_error = error_from([&] { f.publishing.publish(f.provider, year_draft.id); });
  REQUIRE(year_error.items().size() == 1);
  CHECK(year_error.items()[0].detail.starts_with(
      "Lowest pay (£24,700.00 a year, £12.66 an hour) is below"));
  // £25,000 a year for 37.5 hours is £12.82 an hour: it opens.
  f.publishing.update(f.provider, year_draft.id, [](Vacancy& v) { v.pay_min = Pence{2'500'000}; });
  CHECK(f.publishing.publish(f.provider, year_draft.id).status == VacancyStatus::kOpen);

  // The same £12.70 an hour was lawful on 31 March 2026, under the £12.21 rate.
  f.today = day("2026-03-31");
  Vacancy earlier = ready_draft();
  earlier.opened_on = day("2026-03-01");
  earlier.pay_min = Pence{1270};
  const Vacancy march = f.publishing.create(f.provider, earlier);
  CHECK(f.publishing.publish(f.provider, march.id).status == VacancyStatus::kOpen);
}

TEST_CASE("editing an open vacancy's advert keeps each version with its score") {
  Fixture f;
  const Id id = f.publishing.create(f.provider, ready_draft()).id;
  f.publishing.publish(f.provider, id);
  f.today = day("2026-07-03");
  const Vacancy edited = f.publishing.update(
      f.provider, id, [](Vacancy& v) { v.advert_text = "Care assistant, £13 an hour."; });
  CHECK(edited.live_version == 2);
  CHECK(edited.advert_score == 50);  // five words
  CHECK(edited.published_on == kToday);

  // A change that is not the advert text checks again but starts no version.
  const Vacancy moved = f.publishing.update(f.provider, id, [](Vacancy& v) { v.town = "Barwell"; });
  CHECK(moved.live_version == 2);
  CHECK(moved.advert_score == 50);

  // An edit that loses an essential is refused and the live version stays.
  const Error error = error_from([&] {
    f.publishing.update(f.provider, id, [](Vacancy& v) { v.advert_text = "Care assistant."; });
  });
  CHECK(fields_of(error) == std::vector<std::string>{"advert_text"});

  const auto versions = f.publishing.versions(f.provider, id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].advert_text == "Care assistant in Hinckley, £12.80 an hour. Call us.");
  CHECK(versions[0].score == 90);
  CHECK(versions[0].live_from == kToday);
  CHECK(versions[0].live_to == day("2026-07-03"));
  CHECK(versions[1].score == 50);
  CHECK(versions[1].live_from == day("2026-07-03"));
  CHECK_FALSE(versions[1].live_to);
}

TEST_CASE("adverts that ran before they were recorded go live on the days given in turn") {
  Fixture f;
  // The judge as the test's, noting the day each advert is checked for.
  std::vector<Date> checked_for;
  AdvertJudge judge = test_judge();
  judge.assess = [&checked_for, assess = judge.assess](const Vacancy& v, Date on) {
    checked_for.push_back(on);
    return assess(v, on);
  };
  VacancyPublishing publishing(f.store, judge);
  Vacancy draft = ready_draft();
  draft.opened_on = day("2026-03-02");
  const Id id = publishing.create(f.provider, draft).id;

  const Vacancy first = publishing.update(f.provider, id, [](Vacancy& v) {
    v.status = VacancyStatus::kOpen;
    v.advert_live_from = day("2026-03-02");
  });
  CHECK(first.live_version == 1);
  CHECK(first.published_on == day("2026-03-02"));
  CHECK_FALSE(first.advert_live_from);
  const Vacancy second = publishing.update(f.provider, id, [](Vacancy& v) {
    v.advert_text = "Care assistant, £13 an hour.";
    v.advert_live_from = day("2026-05-01");
  });
  CHECK(second.live_version == 2);
  CHECK(second.advert_score == 50);
  CHECK(second.published_on == day("2026-03-02"));
  CHECK(checked_for == std::vector<Date>{day("2026-03-02"), day("2026-05-01")});

  // Applicants count for the version live on the day they applied.
  const Id indeed =
      f.store.sources().create(f.provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;
  for (const auto& [reference, on] : {std::pair{"A-1", "2026-03-10"},
                                      {"A-2", "2026-04-30"},
                                      {"A-3", "2026-05-01"},
                                      {"A-4", "2026-06-12"}}) {
    f.store.applicants().create(
        f.provider,
        {.reference = reference, .source_id = indeed, .vacancy_id = id, .applied_on = day(on)});
  }
  const auto versions = publishing.versions(f.provider, id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].live_from == day("2026-03-02"));
  CHECK(versions[0].live_to == day("2026-05-01"));
  CHECK(versions[0].applicants == 2);
  CHECK(versions[1].live_from == day("2026-05-01"));
  CHECK_FALSE(versions[1].live_to);
  CHECK(versions[1].applicants == 2);
}

TEST_CASE("a day an advert went live is refused after today before opening or out of order") {
  Fixture f;
  Vacancy draft = ready_draft();
  draft.opened_on = day("2026-03-02");
  const Id id = f.publishing.create(f.provider, draft).id;
  const auto refusal = [&](Date live_from, std::optional<std::string> text = std::nullopt) {
    const Error error = error_from([&] {
      f.publishing.update(f.provider, id, [&](Vacancy& v) {
        v.status = VacancyStatus::kOpen;
        if (text) v.advert_text = text;
        v.advert_live_from = live_from;
      });
    });
    CHECK(error.code() == ErrorCode::kInvalid);
    CHECK(error.field() == "advert_live_from");
    return std::string(error.what());
  };
  CHECK(refusal(day("2026-07-01")) ==
        "Date the advert went live (2026-07-01) is after today (2026-06-30): give the day it "
        "went live, today or before");
  CHECK(refusal(day("2026-03-01")) ==
        "Date the advert went live (2026-03-01) is before the date the vacancy opened "
        "(2026-03-02): give a day from then on, or correct the date opened");
  CHECK(f.store.vacancies().get(f.provider, id).status == VacancyStatus::kDraft);

  f.publishing.update(f.provider, id, [](Vacancy& v) {
    v.status = VacancyStatus::kOpen;
    v.advert_live_from = day("2026-05-01");
  });
  CHECK(refusal(day("2026-04-01"), "Care assistant, £13 an hour.") ==
        "Date the advert went live (2026-04-01) is before advert version 1 went live "
        "(2026-05-01): record the versions in the order they ran, each from the day it went live");
  // The same advert again starts no version, so no day may be given with it.
  CHECK(refusal(day("2026-06-01")) ==
        "Date the advert went live is only given with an advert being published or changed: this "
        "change starts no new advert version");
  // Reopened after closing, an advert cannot have gone live before the vacancy closed.
  f.publishing.close(f.provider, id);
  CHECK(refusal(day("2026-06-01")) ==
        "Date the advert went live (2026-06-01) is before advert version 1 stopped running "
        "(2026-06-30): record the versions in the order they ran, each from the day it went live");

  const auto versions = f.publishing.versions(f.provider, id);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].live_from == day("2026-05-01"));
  CHECK(versions[0].live_to == kToday);
  CHECK(f.store.vacancies().get(f.provider, id).advert_text == ready_draft().advert_text);
}

TEST_CASE("a vacancy closes by hand or by itself after its closing date") {
  Fixture f;
  const Id by_hand = f.publishing.create(f.provider, ready_draft()).id;
  f.publishing.publish(f.provider, by_hand);
  const Id by_date = f.publishing.create(f.provider, ready_draft()).id;
  f.publishing.publish(f.provider, by_date);

  f.today = day("2026-07-10");
  const Vacancy closed = f.publishing.close(f.provider, by_hand);
  CHECK(closed.status == VacancyStatus::kClosed);
  CHECK(closed.closed_on == day("2026-07-10"));
  CHECK(f.publishing.versions(f.provider, by_hand)[0].live_to == day("2026-07-10"));
  // A published vacancy never becomes a draft again.
  const Error draft = error_from([&] {
    f.publishing.update(f.provider, by_hand, [](Vacancy& v) { v.status = VacancyStatus::kDraft; });
  });
  CHECK(draft.field() == "status");

  // Open through its closing date, 31 July; closed as of 1 August.
  f.today = day("2026-07-31");
  CHECK(f.publishing.close_expired() == 0);
  CHECK(f.publishing.find_public(by_date)->vacancy.status == VacancyStatus::kOpen);
  f.today = day("2026-08-01");
  CHECK(f.publishing.find_public(by_date)->vacancy.status == VacancyStatus::kClosed);
  CHECK(f.publishing.close_expired() == 1);
  const Vacancy expired = f.store.vacancies().get(f.provider, by_date);
  CHECK(expired.status == VacancyStatus::kClosed);
  CHECK(expired.closed_on == day("2026-08-01"));
  CHECK(f.publishing.versions(f.provider, by_date)[0].live_to == day("2026-08-01"));
  CHECK(f.publishing.close_expired() == 0);
  // Reopening needs a closing date from today on.
  const Error reopen = error_from([&] { f.publishing.publish(f.provider, by_date); });
  CHECK(fields_of(reopen) == std::vector<std::string>{"closing_on"});
}

TEST_CASE("the public list holds the open vacancies of listed providers newest first") {
  Fixture f;
  const Id other = f.store.providers().create("Riverside Homes").id;
  const Id home = f.store.services()
                      .create(f.provider, {.name = "Home care", .type = ServiceType::kHomeCare})
                      .id;
  Vacancy first = ready_draft();
  first.service_id = home;
  const Id a = f.publishing.create(f.provider, first).id;
  f.publishing.publish(f.provider, a);
  f.today = day("2026-07-01");
  Vacancy second = ready_draft();
  second.town = "Loughborough";
  const Id b = f.publishing.create(f.provider, second).id;
  f.publishing.publish(f.provider, b);
  const Id draft = f.publishing.create(f.provider, ready_draft()).id;
  const Id unlisted = f.publishing.create(other, ready_draft()).id;
  f.publishing.publish(other, unlisted);

  CHECK(f.publishing.list_public({}).empty());  // nobody has chosen to be listed
  CHECK_FALSE(f.publishing.listed(f.provider));
  f.publishing.set_listed(f.provider, true);
  CHECK(f.publishing.listed(f.provider));
  const auto all = f.publishing.list_public({});
  REQUIRE(all.size() == 2);
  CHECK(all[0].vacancy.id == b);
  CHECK(all[1].vacancy.id == a);
  CHECK(all[1].provider_name == "Brookfield Home Care");
  CHECK(all[1].service_type == ServiceType::kHomeCare);

  const auto in_town = f.publishing.list_public({.town = "  LOUGHBOROUGH "});
  REQUIRE(in_town.size() == 1);
  CHECK(in_town[0].vacancy.id == b);
  const auto home_care = f.publishing.list_public({.service_type = ServiceType::kHomeCare});
  REQUIRE(home_care.size() == 1);
  CHECK(home_care[0].vacancy.id == a);

  // Drafts have no public page; an unlisted provider's open vacancy has one.
  CHECK_FALSE(f.publishing.find_public(draft));
  CHECK(f.publishing.find_public(unlisted));
  CHECK_FALSE(f.publishing.find_public(999'999));
}

TEST_CASE("views clicks and applicants are counted against the version live at the time") {
  Fixture f;
  const Id id = f.publishing.create(f.provider, ready_draft()).id;
  CHECK_FALSE(f.publishing.count(id, PageEvent::kView));  // a draft is not counted
  f.publishing.publish(f.provider, id);
  f.publishing.count(id, PageEvent::kView);
  f.publishing.count(id, PageEvent::kView);
  f.publishing.count(id, PageEvent::kApplyClick);
  f.today = day("2026-07-02");
  f.publishing.count(id, PageEvent::kView);
  f.publishing.update(f.provider, id, [](Vacancy& v) { v.advert_text = "Care assistant, £13."; });
  f.publishing.count(id, PageEvent::kView);
  f.publishing.count(id, PageEvent::kApplyClick);

  // Applicants: one before publication (not attributed), one on the first day, one on the day of
  // the edit (the later version), one from the vacancy page after it.
  const Id indeed =
      f.store.sources().create(f.provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;
  const Id page =
      f.store.sources().list(f.provider, {.name = "Toolkit vacancy page"}).items.at(0).id;
  const auto apply = [&](std::string reference, Id source, Date on) {
    f.store.applicants().create(f.provider, {.reference = std::move(reference),
                                             .source_id = source,
                                             .vacancy_id = id,
                                             .applied_on = on});
  };
  f.today = day("2026-07-05");
  apply("A-1", indeed, day("2026-06-20"));
  apply("A-2", indeed, day("2026-06-30"));
  apply("A-3", indeed, day("2026-07-02"));
  apply("A-4", page, day("2026-07-04"));

  const auto versions = f.publishing.versions(f.provider, id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].views == 3);
  CHECK(versions[0].apply_clicks == 1);
  CHECK(versions[0].applicants == 1);
  CHECK(versions[0].from_vacancy_page == 0);
  CHECK(versions[1].views == 1);
  CHECK(versions[1].apply_clicks == 1);
  CHECK(versions[1].applicants == 2);
  CHECK(versions[1].from_vacancy_page == 1);

  const auto daily = f.publishing.daily_counts(f.provider, id);
  REQUIRE(daily.size() == 3);
  CHECK(daily[0].day == day("2026-06-30"));
  CHECK(daily[0].views == 2);
  CHECK(daily[1].day == day("2026-07-02"));
  CHECK(daily[1].version == 1);
  CHECK(daily[1].views == 1);
  CHECK(daily[2].version == 2);
  CHECK(daily[2].apply_clicks == 1);
}

TEST_CASE("one provider can never publish edit or read another's vacancies") {
  Fixture f;
  const Id other = f.store.providers().create("Riverside Homes").id;
  const Id id = f.publishing.create(f.provider, ready_draft()).id;
  CHECK(error_from([&] { f.publishing.publish(other, id); }).code() == ErrorCode::kNotFound);
  CHECK(error_from([&] { f.publishing.close(other, id); }).code() == ErrorCode::kNotFound);
  CHECK(error_from([&] { f.publishing.versions(other, id); }).code() == ErrorCode::kNotFound);
  CHECK(error_from([&] { f.publishing.publishing_gaps(other, id); }).code() ==
        ErrorCode::kNotFound);
  CHECK(f.store.vacancies().get(f.provider, id).status == VacancyStatus::kDraft);
}

TEST_CASE("particulars are refused with what to write instead") {
  Fixture f;
  Vacancy v = ready_draft();
  v.postcode_district = "LE10 1AB";
  v.pay_max = Pence{1200};
  v.apply_url = "www.example.org";
  v.apply_email = "jobs at example.org";
  v.apply_phone = "call Sam";
  v.closing_on = day("2026-05-01");
  const Error error = error_from([&] { f.publishing.create(f.provider, v); });
  CHECK(fields_of(error) == std::vector<std::string>{"postcode_district", "pay_max_pence",
                                                     "closing_on", "apply_url", "apply_phone",
                                                     "apply_email"});
  CHECK(error.items()[0].detail ==
        "Postcode district: give only the first part of the postcode, such as LE10, not the full "
        "postcode, which can point to one street or home");
  CHECK(error.items()[1].detail ==
        "Highest pay (£12.00 an hour) is below the lowest pay (£12.80 an hour); correct one of "
        "them");
  CHECK(is_postcode_district("PE9"));
  CHECK(is_postcode_district("EC1A"));
  CHECK(is_postcode_district("M1"));
  CHECK_FALSE(is_postcode_district("LE"));
  CHECK_FALSE(is_postcode_district("1LE"));
}
