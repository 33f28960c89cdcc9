// Applicants: every date rule with its message, references, stage events and their order rules.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

struct ApplicantFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;
  Id source =
      store.sources().create(provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;

  Applicant applicant(std::string reference, std::string_view applied_on) const {
    return Applicant{
        .reference = std::move(reference), .source_id = source, .applied_on = day(applied_on)};
  }

  // The one problem a refused applicant reports.
  ErrorItem refused(const Applicant& a) {
    const Error error = error_from([&] { store.applicants().create(provider, a); });
    CHECK(error.code() == ErrorCode::kInvalid);
    REQUIRE(error.items().size() == 1);
    CHECK(std::string(error.what()) == error.items()[0].detail);
    return error.items()[0];
  }
};

}  // namespace

TEST_CASE_FIXTURE(ApplicantFixture, "a complete journey is stored and read back") {
  Applicant a = applicant(" A-001 ", "2025-01-06");
  a.interviewed_on = day("2025-01-10");
  a.offered_on = day("2025-01-12");
  a.started_on = day("2025-02-01");
  a.left_on = day("2025-04-15");
  a.left_reason = "Moved away";
  a.prior_sector = "health";
  const Applicant stored = store.applicants().create(provider, a);
  CHECK(stored.reference == "A-001");
  const Applicant read = store.applicants().get(provider, stored.id);
  CHECK(read.reference == "A-001");
  CHECK(read.applied_on == day("2025-01-06"));
  CHECK(read.interviewed_on == day("2025-01-10"));
  CHECK(read.offered_on == day("2025-01-12"));
  CHECK(read.started_on == day("2025-02-01"));
  CHECK(read.left_on == day("2025-04-15"));
  CHECK(read.left_reason == "Moved away");
  CHECK(read.outcome == Outcome::kNone);
  CHECK(read.prior_sector == "health");
}

TEST_CASE_FIXTURE(ApplicantFixture,
                  "each impossible journey is refused with the field and the reason") {
  Applicant a = applicant("A1", "2025-03-05");

  SUBCASE("an interview before the application") {
    a.interviewed_on = day("2025-03-01");
    const ErrorItem item = refused(a);
    CHECK(item.field == "interviewed_on");
    CHECK(item.detail ==
          "Date interviewed (2025-03-01) is before the date applied (2025-03-05); correct one of "
          "them");
  }
  SUBCASE("an offer before the interview") {
    a.interviewed_on = day("2025-03-10");
    a.offered_on = day("2025-03-08");
    CHECK(refused(a).detail ==
          "Date offered a job (2025-03-08) is before the date interviewed (2025-03-10); correct "
          "one of them");
  }
  SUBCASE("an offer before the application when there was no interview") {
    a.offered_on = day("2025-03-01");
    CHECK(refused(a).detail ==
          "Date offered a job (2025-03-01) is before the date applied (2025-03-05); correct one of "
          "them");
  }
  SUBCASE("a start before the offer") {
    a.offered_on = day("2025-03-20");
    a.started_on = day("2025-03-15");
    const ErrorItem item = refused(a);
    CHECK(item.field == "started_on");
    CHECK(item.detail ==
          "Date started work (2025-03-15) is before the date offered a job (2025-03-20); correct "
          "one of them");
  }
  SUBCASE("a start without an offer") {
    a.started_on = day("2025-03-15");
    CHECK(refused(a).detail ==
          "Date started work (2025-03-15) is given but the date offered a job is not: a start "
          "needs an offer, so record the offer too");
  }
  SUBCASE("leaving before starting") {
    a.offered_on = day("2025-03-06");
    a.started_on = day("2025-04-01");
    a.left_on = day("2025-03-31");
    const ErrorItem item = refused(a);
    CHECK(item.field == "left_on");
    CHECK(
        item.detail ==
        "Date left (2025-03-31) is before the date started work (2025-04-01); correct one of them");
  }
  SUBCASE("leaving without starting") {
    a.left_on = day("2025-04-01");
    CHECK(refused(a).detail ==
          "Date left (2025-04-01) is given but the date started work is not: only someone who "
          "started can leave, so record the start too");
  }
  SUBCASE("a reason for leaving without a leaving date") {
    a.left_reason = "Pay";
    CHECK(refused(a).detail ==
          "A reason for leaving is given but the date left is not: enter the date too");
  }
  SUBCASE("a starter who withdrew") {
    a.offered_on = day("2025-03-06");
    a.started_on = day("2025-04-01");
    a.outcome = Outcome::kWithdrawn;
    const ErrorItem item = refused(a);
    CHECK(item.field == "outcome");
    CHECK(item.detail ==
          "Outcome is Withdrew but the date started work is 2025-04-01: someone who started did "
          "not withdraw or get rejected");
  }
  SUBCASE("a date after today") {
    a.applied_on = day("2026-07-01");
    CHECK(refused(a).detail ==
          "Date applied (2026-07-01) is in the future: today is 2026-06-30; enter the date it "
          "happened");
  }
  SUBCASE("no reference") {
    a.reference = "  ";
    CHECK(refused(a).detail == "Reference: enter the applicant's reference");
  }
  CHECK(store.applicants().list(provider).items.empty());
}

TEST_CASE_FIXTURE(ApplicantFixture, "references are unique within a provider") {
  store.applicants().create(provider, applicant("A1", "2025-01-01"));
  const Error error =
      error_from([&] { store.applicants().create(provider, applicant("A1", "2025-01-02")); });
  CHECK(error.code() == ErrorCode::kConflict);
  CHECK(error.field() == "reference");
  const Id other = store.providers().create("Riverside Homes").id;
  const Id their_source = store.sources().create(other, {.name = "Indeed"}).id;
  CHECK_NOTHROW(store.applicants().create(
      other, {.reference = "A1", .source_id = their_source, .applied_on = day("2025-01-01")}));
}

TEST_CASE_FIXTURE(ApplicantFixture, "an unknown source is refused") {
  Applicant a = applicant("A1", "2025-01-01");
  a.source_id = 424242;
  const Error error = error_from([&] { store.applicants().create(provider, a); });
  CHECK(error.code() == ErrorCode::kInvalid);
  CHECK(error.field() == "source_id");
}

TEST_CASE_FIXTURE(ApplicantFixture, "the vacancy's service is the applicant's service") {
  const Id town =
      store.services().create(provider, {.name = "Town", .type = ServiceType::kHomeCare}).id;
  const Id county = store.services().create(provider, {.name = "County"}).id;
  const Id vacancy =
      store.vacancies()
          .create(provider, {.role = "Carer", .service_id = town, .opened_on = day("2025-01-01")})
          .id;
  Applicant a = applicant("A1", "2025-01-02");
  a.vacancy_id = vacancy;
  CHECK(store.applicants().create(provider, a).service_id == town);
  Applicant b = applicant("A2", "2025-01-02");
  b.vacancy_id = vacancy;
  b.service_id = county;
  const Error error = error_from([&] { store.applicants().create(provider, b); });
  CHECK(error.field() == "service_id");
}

TEST_CASE_FIXTURE(ApplicantFixture,
                  "stage events are recorded in order and listed from the dates") {
  const Id id = store.applicants().create(provider, applicant("A1", "2025-01-06")).id;
  store.applicants().record_event(provider, id, Stage::kInterviewed, day("2025-01-10"));
  store.applicants().record_event(provider, id, Stage::kOffered, day("2025-01-12"));
  store.applicants().record_event(provider, id, Stage::kStarted, day("2025-02-01"));
  const Applicant left =
      store.applicants().record_event(provider, id, Stage::kLeft, day("2025-04-15"), "Pay");
  CHECK(left.left_on == day("2025-04-15"));
  CHECK(left.left_reason == "Pay");

  const auto events = store.applicants().list_events(provider, id);
  REQUIRE(events.size() == 5);
  CHECK(events[0].stage == Stage::kApplied);
  CHECK(events[0].on == day("2025-01-06"));
  CHECK(events[3].stage == Stage::kStarted);
  CHECK(events[3].on == day("2025-02-01"));
  CHECK(events[4].stage == Stage::kLeft);
  CHECK(events[4].reason == "Pay");
  for (const auto& event : events) CHECK(event.applicant_id == id);
}

TEST_CASE_FIXTURE(ApplicantFixture,
                  "an event that breaks the order is refused and changes nothing") {
  const Id id = store.applicants().create(provider, applicant("A1", "2025-01-06")).id;
  store.applicants().record_event(provider, id, Stage::kOffered, day("2025-01-12"));

  const Error early = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kStarted, day("2025-01-11")); });
  CHECK(early.code() == ErrorCode::kInvalid);
  CHECK(std::string(early.what()) ==
        "Date started work (2025-01-11) is before the date offered a job (2025-01-12); correct one "
        "of them");

  const Error twice = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kOffered, day("2025-01-13")); });
  CHECK(twice.code() == ErrorCode::kConflict);
  CHECK(std::string(twice.what()) ==
        "Date offered a job is already recorded (2025-01-12): to change it, edit the "
        "applicant");

  const Error leave = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kLeft, day("2025-02-01")); });
  CHECK(leave.field() == "stage");

  const Applicant unchanged = store.applicants().get(provider, id);
  CHECK_FALSE(unchanged.started_on.has_value());
  CHECK_FALSE(unchanged.left_on.has_value());
  CHECK(unchanged.offered_on == day("2025-01-12"));
}

TEST_CASE_FIXTURE(ApplicantFixture, "withdrawal and rejection carry their date and reason") {
  const Id id = store.applicants().create(provider, applicant("A1", "2025-01-06")).id;
  store.applicants().record_event(provider, id, Stage::kInterviewed, day("2025-01-10"));

  const Error before_interview = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kWithdrawn, day("2025-01-08")); });
  CHECK(std::string(before_interview.what()) ==
        "The date of “Withdrew” (2025-01-08) is before the last stage reached (2025-01-10); "
        "enter a later date");

  const Applicant withdrawn = store.applicants().record_event(
      provider, id, Stage::kWithdrawn, day("2025-01-14"), "Took another job");
  CHECK(withdrawn.outcome == Outcome::kWithdrawn);
  const auto events = store.applicants().list_events(provider, id);
  REQUIRE(events.size() == 3);
  CHECK(events[2].stage == Stage::kWithdrawn);
  CHECK(events[2].on == day("2025-01-14"));
  CHECK(events[2].reason == "Took another job");

  const Error after = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kOffered, day("2025-01-20")); });
  CHECK(after.code() == ErrorCode::kConflict);
  CHECK(std::string(after.what()) ==
        "A1 is marked “Withdrew” since 2025-01-14: no further step can be recorded; to change "
        "that, edit the applicant");
}

TEST_CASE_FIXTURE(ApplicantFixture,
                  "an outcome set by an update dates from the last stage reached") {
  Applicant a = applicant("A1", "2025-01-06");
  a.interviewed_on = day("2025-01-10");
  const Id id = store.applicants().create(provider, a).id;
  store.applicants().update(provider, id, [](Applicant& x) { x.outcome = Outcome::kRejected; });
  const auto events = store.applicants().list_events(provider, id);
  REQUIRE(events.size() == 3);
  CHECK(events[2].stage == Stage::kRejected);
  CHECK(events[2].on == day("2025-01-10"));
  // Clearing the outcome clears its date.
  store.applicants().update(provider, id, [](Applicant& x) { x.outcome = Outcome::kNone; });
  CHECK(store.applicants().list_events(provider, id).size() == 2);
}

TEST_CASE_FIXTURE(ApplicantFixture, "applicants are filtered by source, dates and reference") {
  const Id other =
      store.sources().create(provider, {.name = "Referral", .channel = Channel::kStaffReferral}).id;
  store.applicants().create(provider, applicant("A1", "2025-01-06"));
  store.applicants().create(provider, applicant("A2", "2025-02-06"));
  Applicant c = applicant("A3", "2025-03-06");
  c.source_id = other;
  store.applicants().create(provider, c);
  CHECK(store.applicants().list(provider, {.source_id = other}).items.at(0).reference == "A3");
  CHECK(store.applicants()
            .list(provider, {.applied_from = day("2025-02-01"), .applied_to = day("2025-02-28")})
            .items.at(0)
            .reference == "A2");
  CHECK(store.applicants().list(provider, {.reference = "A1"}).items.size() == 1);
  store.applicants().remove(provider,
                            store.applicants().list(provider, {.reference = "A1"}).items[0].id);
  CHECK(store.applicants().list(provider).items.size() == 2);
}

TEST_CASE_FIXTURE(ApplicantFixture,
                  "the write-ahead log is checkpointed as applicants are written" *
                      doctest::test_suite("sqlite-only")) {
  // Each applicant is one transaction that logs about three 4 KiB pages (the table's and its
  // indexes'), so 1000 of them make some 12 MiB of log unless the writer's automatic checkpoint at
  // 1000 pages (about 4 MiB) runs, which SQLite refuses while any of the writer's statements is
  // left part-way through its rows.
  for (int n = 0; n < 1000; ++n) {
    std::string reference = "A";  // (not "A" + ..., which trips GCC 12's -Wrestrict)
    reference += std::to_string(n);
    store.applicants().create(provider, applicant(reference, "2025-01-06"));
  }
  CHECK(store.wal_bytes() > 0);
  CHECK(store.wal_bytes() < std::uint64_t{5} << 20);
}
