// The Store's records other than applicants: create, read, list with filters and cursors, partial
// updates, deletes that other rows depend on, and tenancy between providers.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

TEST_CASE("providers are created with today's date and listed in pages") {
  StoreFixture f;
  const Provider oak = f.store.providers().create("  Old Oak Care  ");
  CHECK(oak.name == "Old Oak Care");
  CHECK(oak.created_on == kToday);
  CHECK(f.store.providers().get(oak.id).name == "Old Oak Care");
  f.store.providers().create("Riverside Homes");
  f.store.providers().create("Hill View");

  const auto first = f.store.providers().list({.limit = 2, .cursor = {}});
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].name == "Old Oak Care");
  CHECK(first.items[1].name == "Riverside Homes");
  REQUIRE_FALSE(first.next_cursor.empty());
  const auto second = f.store.providers().list({.limit = 2, .cursor = first.next_cursor});
  REQUIRE(second.items.size() == 1);
  CHECK(second.items[0].name == "Hill View");
  CHECK(second.next_cursor.empty());

  const Provider renamed = f.store.providers().update(oak.id, [](Provider& p) { p.name = "Oak"; });
  CHECK(renamed.name == "Oak");
  CHECK(renamed.created_on == kToday);
}

TEST_CASE("a provider's joining day is recorded read back and cleared") {
  StoreFixture f;
  const Provider oak = f.store.providers().create("Old Oak Care");
  CHECK_FALSE(oak.joined_on.has_value());
  const Provider joined = f.store.providers().update(
      oak.id, [](Provider& p) { p.joined_on = Date::parse("2025-04-01"); });
  CHECK(joined.joined_on == Date::parse("2025-04-01"));
  CHECK(joined.name == "Old Oak Care");
  CHECK(f.store.providers().get(oak.id).joined_on == Date::parse("2025-04-01"));
  CHECK(f.store.providers().list().items.front().joined_on == Date::parse("2025-04-01"));
  CHECK(f.store.load_team_data(std::nullopt, std::nullopt, [](std::size_t, const Applicant&) {})
            .providers.front()
            .joined_on == Date::parse("2025-04-01"));
  // The day itself may be today.
  f.store.providers().update(oak.id, [](Provider& p) { p.joined_on = kToday; });
  CHECK(f.store.providers().get(oak.id).joined_on == kToday);
  f.store.providers().update(oak.id, [](Provider& p) { p.joined_on.reset(); });
  CHECK_FALSE(f.store.providers().get(oak.id).joined_on.has_value());
}

TEST_CASE("a joining day after today is refused and nothing changes") {
  StoreFixture f;
  const Provider oak = f.store.providers().create("Old Oak Care");
  f.store.providers().update(oak.id, [](Provider& p) { p.joined_on = Date::parse("2025-04-01"); });
  const Error future = error_from([&] {
    f.store.providers().update(oak.id, [](Provider& p) {
      p.name = "Renamed";
      p.joined_on = kToday.plus_days(1);
    });
  });
  CHECK(future.code() == ErrorCode::kInvalid);
  REQUIRE(future.items().size() == 1);
  CHECK(future.items()[0].field == "joined_on");
  CHECK(future.items()[0].detail ==
        "Date joined the scheme (2026-07-01) is in the future: today is 2026-06-30; enter the "
        "date it happened");
  const Provider stored = f.store.providers().get(oak.id);
  CHECK(stored.name == "Old Oak Care");
  CHECK(stored.joined_on == Date::parse("2025-04-01"));
}

TEST_CASE("a provider needs a name and an unknown provider is not found") {
  StoreFixture f;
  const Error empty = error_from([&] { f.store.providers().create("   "); });
  CHECK(empty.code() == ErrorCode::kInvalid);
  REQUIRE(empty.items().size() == 1);
  CHECK(empty.items()[0].field == "name");
  CHECK(empty.items()[0].detail == "name is required");
  const Error missing = error_from([&] { f.store.providers().get(99); });
  CHECK(missing.code() == ErrorCode::kNotFound);
  CHECK(std::string(missing.what()) == "provider 99 was not found");
  CHECK(error_from([&] { f.store.sources().create(99, Source{.name = "Indeed"}); }).code() ==
        ErrorCode::kNotFound);
}

TEST_CASE("sources have unique names within a provider whatever their case") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Source indeed =
      f.store.sources().create(p, {.name = "Indeed", .channel = Channel::kJobBoard});
  CHECK(indeed.id > 0);
  CHECK(indeed.provider_id == p);
  CHECK(f.store.sources().get(p, indeed.id).channel == Channel::kJobBoard);
  const Error duplicate = error_from([&] { f.store.sources().create(p, {.name = " indeed "}); });
  CHECK(duplicate.code() == ErrorCode::kConflict);
  CHECK(std::string(duplicate.what()) ==
        "A source named 'indeed' already exists: choose another name, or use that source");
  // Another provider may use the same name.
  const Id q = f.store.providers().create("Riverside Homes").id;
  CHECK_NOTHROW(f.store.sources().create(q, {.name = "Indeed"}));
}

TEST_CASE("a source is found by its name as names are kept unique") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Id q = f.store.providers().create("Riverside Homes").id;
  f.store.sources().create(p, {.name = "Facebook"});
  const Source indeed = f.store.sources().create(p, {.name = "Indeed"});
  f.store.sources().create(q, {.name = "Indeed"});
  const auto found = f.store.sources().list(p, {.name = "  INDEED "}).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == indeed.id);
  CHECK(found[0].name == "Indeed");
  CHECK(f.store.sources().list(p, {.name = "Indeed UK"}).items.empty());
  CHECK(f.store.sources().list(p, {.name = "Facebook"}).items.size() == 1);
}

TEST_CASE("lists filter and page through a provider's rows in id order") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  for (int i = 0; i < 7; ++i) {
    f.store.sources().create(p,
                             {.name = "Board " + std::to_string(i),
                              .channel = i % 2 == 0 ? Channel::kJobBoard : Channel::kSocialMedia});
  }
  std::vector<std::string> names;
  PageRequest request{.limit = 3, .cursor = {}};
  int pages = 0;
  do {
    const auto page = f.store.sources().list(p, {.channel = Channel::kJobBoard}, request);
    for (const auto& s : page.items) names.push_back(s.name);
    request.cursor = page.next_cursor;
    ++pages;
  } while (!request.cursor.empty());
  CHECK(pages == 2);
  CHECK(names == std::vector<std::string>{"Board 0", "Board 2", "Board 4", "Board 6"});

  const Error bad_limit = error_from([&] { f.store.sources().list(p, {}, {.limit = 0}); });
  CHECK(bad_limit.code() == ErrorCode::kInvalid);
  CHECK(bad_limit.field() == "limit");
  CHECK(error_from([&] { f.store.sources().list(p, {}, {.limit = 1001}); }).field() == "limit");
  const Error bad_cursor =
      error_from([&] { f.store.sources().list(p, {}, {.limit = 5, .cursor = "not-a-cursor"}); });
  CHECK(bad_cursor.code() == ErrorCode::kInvalid);
  CHECK(bad_cursor.field() == "cursor");
}

TEST_CASE("partial updates validate the merged record and keep ids") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Id q = f.store.providers().create("Riverside Homes").id;
  const Source s = f.store.sources().create(p, {.name = "Facebook", .channel = Channel::kOther});
  const Source updated = f.store.sources().update(p, s.id, [&](Source& source) {
    source.channel = Channel::kSocialMedia;
    source.provider_id = q;  // ignored: a record cannot move to another provider
    source.id = 12345;       // ignored too
  });
  CHECK(updated.id == s.id);
  CHECK(updated.provider_id == p);
  CHECK(updated.name == "Facebook");
  CHECK(f.store.sources().get(p, s.id).channel == Channel::kSocialMedia);
  const Error empty =
      error_from([&] { f.store.sources().update(p, s.id, [](Source& x) { x.name = ""; }); });
  CHECK(empty.code() == ErrorCode::kInvalid);
  CHECK(f.store.sources().get(p, s.id).name == "Facebook");  // nothing changed
}

TEST_CASE("spend refuses negative amounts and another provider's source") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Id q = f.store.providers().create("Riverside Homes").id;
  const Source mine =
      f.store.sources().create(p, {.name = "Indeed", .channel = Channel::kJobBoard});
  const Source theirs =
      f.store.sources().create(q, {.name = "Indeed", .channel = Channel::kJobBoard});

  const SpendEntry entry = f.store.spend().create(
      p,
      {.source_id = mine.id, .date = day("2025-01-05"), .amount = Pence{120000}, .note = " Jan "});
  CHECK(entry.note == "Jan");
  CHECK(f.store.spend().get(p, entry.id).amount == Pence{120000});

  const Error negative = error_from([&] {
    f.store.spend().create(p,
                           {.source_id = mine.id, .date = day("2025-01-05"), .amount = Pence{-1}});
  });
  CHECK(negative.code() == ErrorCode::kInvalid);
  CHECK(negative.items().at(0).field == "amount");
  CHECK(negative.items().at(0).detail == "amount must not be negative");

  const Error foreign = error_from([&] {
    f.store.spend().create(p,
                           {.source_id = theirs.id, .date = day("2025-01-05"), .amount = Pence{1}});
  });
  CHECK(foreign.code() == ErrorCode::kInvalid);
  CHECK(foreign.field() == "source_id");
  CHECK(std::string(foreign.what()) ==
        "source_id " + std::to_string(theirs.id) + " is not one of this provider's sources");

  f.store.spend().create(p,
                         {.source_id = mine.id, .date = day("2025-02-01"), .amount = Pence{30000}});
  const auto february = f.store.spend().list(p, {.from = day("2025-02-01")});
  REQUIRE(february.items.size() == 1);
  CHECK(february.items[0].amount == Pence{30000});
}

TEST_CASE("vacancies check their dates, score and service") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Service town =
      f.store.services().create(p, {.name = "Town", .type = ServiceType::kHomeCare});
  const Vacancy v = f.store.vacancies().create(
      p, {.role = "Care worker", .service_id = town.id, .opened_on = day("2025-01-01")});
  CHECK(f.store.vacancies().get(p, v.id).service_id == town.id);

  const Error backwards = error_from([&] {
    f.store.vacancies().update(p, v.id, [](Vacancy& x) { x.closed_on = day("2024-12-01"); });
  });
  CHECK(backwards.items().at(0).detail ==
        "Date closed (2024-12-01) is before the date opened (2025-01-01); correct one of them");
  const Error score = error_from(
      [&] { f.store.vacancies().update(p, v.id, [](Vacancy& x) { x.advert_score = 101; }); });
  CHECK(score.items().at(0).field == "advert_score");

  f.store.vacancies().update(p, v.id, [](Vacancy& x) {
    x.closed_on = day("2025-03-01");
    x.advert_text = "Join our friendly team";
    x.advert_score = 72;
  });
  const Vacancy closed = f.store.vacancies().get(p, v.id);
  CHECK(closed.advert_text == "Join our friendly team");
  CHECK(closed.advert_score == 72);
  CHECK(f.store.vacancies().list(p, {.open = true}).items.empty());
  CHECK(f.store.vacancies().list(p, {.open = false}).items.size() == 1);
}

TEST_CASE("headcounts are one per day and service and cannot be negative or in the future") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Service town =
      f.store.services().create(p, {.name = "Town", .type = ServiceType::kHomeCare});
  const auto h = f.store.headcounts().create(
      p, {.date = day("2025-01-31"), .service_id = town.id, .staff = 40, .vacancies = 4});
  CHECK(f.store.headcounts().get(p, h.id).staff == 40);
  // The whole provider on the same day is a different snapshot.
  CHECK_NOTHROW(
      f.store.headcounts().create(p, {.date = day("2025-01-31"), .staff = 45, .vacancies = 5}));
  const Error again = error_from([&] {
    f.store.headcounts().create(p, {.date = day("2025-01-31"), .service_id = town.id, .staff = 41});
  });
  CHECK(again.code() == ErrorCode::kConflict);
  const Error bad = error_from([&] {
    f.store.headcounts().create(
        p, {.date = day("2027-01-01"), .staff = -1, .vacancies = -2, .leavers = -3});
  });
  CHECK(bad.code() == ErrorCode::kInvalid);
  REQUIRE(bad.items().size() == 4);
  CHECK(bad.items()[0].detail ==
        "Date (2027-01-01) is in the future: today is 2026-06-30; enter the date it happened");
  CHECK(bad.items()[1].detail == "staff must not be negative");
  CHECK(bad.items()[2].field == "vacancies");
  CHECK(bad.items()[3].field == "leavers");
  CHECK(std::string(bad.what()) ==
        "Date (2027-01-01) is in the future: today is 2026-06-30; enter the date it happened (and "
        "3 more problems)");
}

TEST_CASE("a record that others depend on cannot be deleted") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  const Source s = f.store.sources().create(p, {.name = "Indeed", .channel = Channel::kJobBoard});
  f.store.spend().create(p, {.source_id = s.id, .date = day("2025-01-05"), .amount = Pence{100}});
  f.store.applicants().create(
      p, {.reference = "A1", .source_id = s.id, .applied_on = day("2025-01-06")});
  f.store.applicants().create(
      p, {.reference = "A2", .source_id = s.id, .applied_on = day("2025-01-06")});
  const Error in_use = error_from([&] { f.store.sources().remove(p, s.id); });
  CHECK(in_use.code() == ErrorCode::kConflict);
  CHECK(std::string(in_use.what()) ==
        "this source is used by 2 applicants and 1 spend entry, so it cannot be deleted");
  CHECK(f.store.sources().get(p, s.id).name == "Indeed");

  const Source unused = f.store.sources().create(p, {.name = "Leaflets"});
  f.store.sources().remove(p, unused.id);
  CHECK(error_from([&] { f.store.sources().get(p, unused.id); }).code() == ErrorCode::kNotFound);
}

TEST_CASE("another provider's rows behave exactly as rows that do not exist") {
  StoreFixture f;
  const Id a = f.store.providers().create("Old Oak Care").id;
  const Id b = f.store.providers().create("Riverside Homes").id;
  const Service service = f.store.services().create(a, {.name = "Town"});
  const Source source = f.store.sources().create(a, {.name = "Indeed"});
  const SpendEntry spend = f.store.spend().create(
      a, {.source_id = source.id, .date = day("2025-01-01"), .amount = Pence{1}});
  const Vacancy vacancy =
      f.store.vacancies().create(a, {.role = "Carer", .opened_on = day("2025-01-01")});
  const Applicant applicant = f.store.applicants().create(
      a, {.reference = "A1", .source_id = source.id, .applied_on = day("2025-01-02")});
  const HeadcountSnapshot headcount =
      f.store.headcounts().create(a, {.date = day("2025-01-31"), .staff = 10});

  const auto not_found = [](auto&& action) {
    const Error error = error_from(action);
    CHECK(error.code() == ErrorCode::kNotFound);
    return std::string(error.what());
  };
  // B asking for A's id gets the same answer as for an id nobody has.
  CHECK(not_found([&] { f.store.sources().get(b, source.id); }) ==
        "source " + std::to_string(source.id) + " was not found");
  CHECK(not_found([&] { f.store.sources().get(a, 999999); }) == "source 999999 was not found");
  not_found([&] { f.store.services().get(b, service.id); });
  not_found([&] { f.store.spend().get(b, spend.id); });
  not_found([&] { f.store.vacancies().get(b, vacancy.id); });
  not_found([&] { f.store.applicants().get(b, applicant.id); });
  not_found([&] { f.store.headcounts().get(b, headcount.id); });
  not_found([&] { f.store.applicants().list_events(b, applicant.id); });
  not_found(
      [&] { f.store.sources().update(b, source.id, [](Source& s) { s.name = "Mine now"; }); });
  not_found([&] { f.store.applicants().update(b, applicant.id, [](Applicant&) {}); });
  not_found([&] {
    f.store.applicants().record_event(b, applicant.id, Stage::kInterviewed, day("2025-01-03"));
  });
  not_found([&] { f.store.sources().remove(b, source.id); });
  not_found([&] { f.store.spend().remove(b, spend.id); });
  not_found([&] { f.store.applicants().remove(b, applicant.id); });
  not_found([&] { f.store.headcounts().remove(b, headcount.id); });
  CHECK(f.store.sources().list(b).items.empty());
  CHECK(f.store.applicants().list(b).items.empty());
  CHECK(f.store.spend().list(b).items.empty());
  // And A's rows are as they were.
  CHECK(f.store.sources().get(a, source.id).name == "Indeed");
  CHECK(f.store.applicants().get(a, applicant.id).reference == "A1");
  CHECK(f.store.spend().list(a).items.size() == 1);
}

TEST_CASE("a headcount above a million is refused through the store and a sheet") {
  StoreFixture f;
  const Id p = f.store.providers().create("Old Oak Care").id;
  CHECK(f.store.headcounts()
            .create(p, {.date = day("2025-01-31"),
                        .staff = 1'000'000,
                        .vacancies = 1'000'000,
                        .leavers = 1'000'000})
            .staff == 1'000'000);
  const Error bad = error_from([&] {
    f.store.headcounts().create(
        p, {.date = day("2025-02-28"), .staff = 1'000'001, .vacancies = 4, .leavers = 2'000'000});
  });
  REQUIRE(bad.items().size() == 2);
  CHECK(bad.items()[0].field == "staff");
  CHECK(bad.items()[0].detail == "staff must be at most 1000000, not 1000001");
  CHECK(bad.items()[1].detail == "leavers must be at most 1000000, not 2000000");

  const Error sheet = error_from([&] {
    f.store.import_headcount_csv(p,
                                 "date,service,staff,vacancies,leavers\n"
                                 "2025-03-31,,40,4,1\n"
                                 "2025-04-30,,40,\"1,000,001\",1\n");
  });
  REQUIRE(sheet.items().size() == 1);
  CHECK(sheet.items()[0].line == 3);
  CHECK(sheet.items()[0].detail == "vacancies must be at most 1000000, not 1000001");
  CHECK(f.store.headcounts().list(p).items.size() == 1);
}
