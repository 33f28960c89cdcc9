// The stage rules: the stage an applicant has reached, the stages that may follow it (which the
// store accepts and nothing else), the same stage computed in SQL for the list's filter and the
// counts per stage, and finding applicants by part of their reference.
#include <doctest/doctest.h>

#include <map>

#include "support.hpp"
#include "tracker/stages.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

struct BoardFixture : StoreFixture {
  Id provider = store.providers().create("Elm Tree Care").id;
  Id source =
      store.sources().create(provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;

  // An applicant who applied on 6 January 2025 and reached `stage`, a few days per stage.
  Id at_stage(const std::string& reference, Stage stage) {
    Applicant a{.reference = reference, .source_id = source, .applied_on = day("2025-01-06")};
    const auto reached = [&](Stage s) { return static_cast<int>(stage) >= static_cast<int>(s); };
    if (stage == Stage::kWithdrawn || stage == Stage::kRejected) {
      a.interviewed_on = day("2025-01-10");
      a.outcome = stage == Stage::kWithdrawn ? Outcome::kWithdrawn : Outcome::kRejected;
    } else {
      if (reached(Stage::kInterviewed)) a.interviewed_on = day("2025-01-10");
      if (reached(Stage::kOffered)) a.offered_on = day("2025-01-12");
      if (reached(Stage::kStarted)) a.started_on = day("2025-02-01");
      if (reached(Stage::kLeft)) a.left_on = day("2025-04-15");
    }
    return store.applicants().create(provider, a).id;
  }

  std::vector<std::string> references(const ApplicantFilter& filter, PageRequest page = {}) {
    std::vector<std::string> out;
    for (const auto& a : store.applicants().list(provider, filter, page).items) {
      out.push_back(a.reference);
    }
    return out;
  }
};

std::vector<Stage> next_of(Stage stage) {
  const auto next = next_stages(stage);
  return {next.begin(), next.end()};
}

}  // namespace

TEST_CASE("each stage lists the stages that may follow it with the usual next one first") {
  using enum Stage;
  CHECK(next_of(kApplied) == std::vector{kInterviewed, kOffered, kWithdrawn, kRejected});
  CHECK(next_of(kInterviewed) == std::vector{kOffered, kWithdrawn, kRejected});
  CHECK(next_of(kOffered) == std::vector{kStarted, kWithdrawn, kRejected});
  CHECK(next_of(kStarted) == std::vector{kLeft});
  CHECK(next_of(kLeft).empty());
  CHECK(next_of(kWithdrawn).empty());
  CHECK(next_of(kRejected).empty());
  CHECK(label(kOffered) == "Offered a job");
  CHECK(label(kRejected) == "Not taken forward");
  CHECK(label(Outcome::kWithdrawn) == "Withdrew");
}

TEST_CASE_FIXTURE(BoardFixture, "the store records exactly the stages that may follow") {
  // From every stage, every stage that can be recorded as an event, on a date after all others.
  for (const Stage from : all_stages()) {
    for (const Stage next : all_stages()) {
      if (next == Stage::kApplied) continue;
      CAPTURE(to_string(from));
      CAPTURE(to_string(next));
      const Id id =
          at_stage(std::string(to_string(from)) + "-" + std::string(to_string(next)), from);
      bool recorded = true;
      try {
        store.applicants().record_event(provider, id, next, day("2025-05-01"));
      } catch (const Error&) {
        recorded = false;
      }
      CHECK(recorded == can_follow(from, next));
      CHECK(current_stage(store.applicants().get(provider, id)) == (recorded ? next : from));
    }
  }
}

TEST_CASE_FIXTURE(BoardFixture,
                  "a stage that cannot follow is refused in words that say which can") {
  const Id id = at_stage("MAN-001", Stage::kApplied);
  const Error early = error_from(
      [&] { store.applicants().record_event(provider, id, Stage::kStarted, day("2025-02-01")); });
  CHECK(early.code() == ErrorCode::kInvalid);
  CHECK(early.field() == "stage");
  CHECK(std::string(early.what()) ==
        "Started work cannot be recorded after Applied: the next step can be Interviewed, "
        "Offered a job, Withdrew or Not taken forward");
  const Id left = at_stage("MAN-002", Stage::kLeft);
  CHECK(std::string(error_from([&] {
                      store.applicants().record_event(provider, left, Stage::kWithdrawn,
                                                      day("2025-05-01"));
                    }).what()) ==
        "Withdrew cannot be recorded after Left: no further step can be recorded");
  CHECK_FALSE(store.applicants().get(provider, id).started_on.has_value());
}

TEST_CASE_FIXTURE(BoardFixture, "the list filters by the stage reached and counts each stage") {
  std::map<Stage, int> wanted{
      {Stage::kApplied, 3}, {Stage::kInterviewed, 1}, {Stage::kOffered, 2}, {Stage::kStarted, 1},
      {Stage::kLeft, 1},    {Stage::kWithdrawn, 2},   {Stage::kRejected, 1}};
  int n = 0;
  for (const auto& [stage, count] : wanted) {
    for (int i = 0; i < count; ++i) {
      std::string reference = "R";
      reference += std::to_string(++n);
      at_stage(reference, stage);
    }
  }
  for (const auto& [stage, count] : wanted) {
    CAPTURE(to_string(stage));
    const auto page = store.applicants().list(provider, {.stage = stage});
    CHECK(page.items.size() == static_cast<std::size_t>(count));
    for (const auto& a : page.items) CHECK(current_stage(a) == stage);
  }
  const StageCounts counts = store.applicants().count_by_stage(provider);
  CHECK(counts.total == 11);
  CHECK(counts.matched == 11);
  REQUIRE(counts.by_stage.size() == 7);
  for (const auto& [stage, count] : counts.by_stage) {
    CHECK(count == static_cast<std::size_t>(wanted[stage]));
  }
  // A filter narrows the counts but not the total: references R1 and R10 and R11 hold "1".
  const StageCounts some = store.applicants().count_by_stage(provider, {.reference_contains = "1"});
  CHECK(some.total == 11);
  CHECK(some.matched == 3);
}

TEST_CASE_FIXTURE(BoardFixture,
                  "part of a reference finds it in any case with wildcards taken literally") {
  for (const char* reference : {"MAN-001", "man-0015", "MAN-010", "A50%B", "A50XB", "B_1", "BX1"}) {
    at_stage(reference, Stage::kApplied);
  }
  CHECK(references({.reference_contains = "001"}) ==
        std::vector<std::string>{"MAN-001", "man-0015"});
  CHECK(references({.reference_contains = "Man-01"}) == std::vector<std::string>{"MAN-010"});
  CHECK(references({.reference_contains = "50%"}) == std::vector<std::string>{"A50%B"});
  CHECK(references({.reference_contains = "_1"}) == std::vector<std::string>{"B_1"});
  CHECK(references({.reference_contains = "ZZZ"}).empty());
}

TEST_CASE_FIXTURE(BoardFixture, "a list read newest first pages backwards through the ids") {
  for (const char* reference : {"N1", "N2", "N3", "N4", "N5"}) at_stage(reference, Stage::kApplied);
  const auto first = store.applicants().list(provider, {}, {.limit = 2, .newest_first = true});
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].reference == "N5");
  CHECK(first.items[1].reference == "N4");
  const auto second = store.applicants().list(
      provider, {}, {.limit = 2, .cursor = first.next_cursor, .newest_first = true});
  CHECK(second.items.at(0).reference == "N3");
  CHECK(second.items.at(1).reference == "N2");
  const auto last = store.applicants().list(
      provider, {}, {.limit = 2, .cursor = second.next_cursor, .newest_first = true});
  CHECK(last.items.size() == 1);
  CHECK(last.items.at(0).reference == "N1");
  CHECK(last.next_cursor.empty());
}
