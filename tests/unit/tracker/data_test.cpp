// What the store hands the metrics (one provider, or everyone for the team) and the purge of
// unsuccessful applicants' references, which must leave every metric as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <thread>

#include "metrics/funnel.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/store_view.hpp"
#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

// The team's data with the visited applicants put back beside the other tables, in the same order
// (by provider, then id), checking that each part was visited from one thread only.
TrackerData team_with_applicants(const Store& store, std::optional<Date> up_to = std::nullopt,
                                 std::optional<Date> applied_from = std::nullopt) {
  std::array<std::vector<Applicant>, kTeamParts> parts;
  std::array<std::set<std::thread::id>, kTeamParts> threads;
  TrackerData team =
      store.load_team_data(up_to, applied_from, [&](std::size_t part, const Applicant& a) {
        parts.at(part).push_back(a);
        threads.at(part).insert(std::this_thread::get_id());
      });
  for (std::size_t part = 0; part < kTeamParts; ++part) {
    CHECK(threads[part].size() <= 1);
    team.applicants.insert(team.applicants.end(), parts[part].begin(), parts[part].end());
  }
  std::sort(team.applicants.begin(), team.applicants.end(),
            [](const Applicant& a, const Applicant& b) {
              return std::pair(a.provider_id, a.id) < std::pair(b.provider_id, b.id);
            });
  return team;
}

// The reference's worked example (metrics.md): Referral and Job board in the first quarter of 2025.
struct ExampleFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;
  Id other = store.providers().create("Riverside Homes").id;

  ExampleFixture() {
    store.import_spend_csv(provider,
                           "source,date,amount,note\n"
                           "Referral,2025-01-10,500,\n"
                           "Job board,2025-01-05,1200,\n"
                           "Job board,2025-02-01,300,\n");
    store.import_applicants_csv(
        provider,
        "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
        "left_on,left_reason,outcome\n"
        "R1,Referral,,,,2025-01-12,2025-01-15,2025-01-20,2025-02-01,,,\n"
        "R2,Referral,,,,2025-01-20,2025-01-25,2025-02-01,2025-02-15,,,\n"
        "R3,Referral,,,,2025-02-01,2025-02-05,2025-02-10,2025-03-01,2025-04-15,Pay,\n"
        "R4,Referral,,,,2025-02-10,,,,,,withdrawn\n"
        "J1,Job board,,,,2025-01-06,2025-01-10,2025-01-20,2025-03-01,2025-04-01,,\n"
        "J2,Job board,,,,2025-01-07,2025-01-12,2025-02-01,2025-03-10,2025-09-10,,\n"
        "J3,Job board,,,,2025-01-08,2025-01-14,,,,,rejected\n"
        "J4,Job board,,,,2025-01-09,2025-01-15,,,,,withdrawn\n"
        "J5,Job board,,,,2025-01-10,,,,,,rejected\n"
        "J6,Job board,,,,2025-01-11,,,,,,rejected\n"
        "J7,Job board,,,,2025-01-12,,,,,,\n"
        "J8,Job board,,,,2025-01-13,,,,,,rejected\n"
        "J9,Job board,,,,2025-01-14,,,,,,withdrawn\n"
        "J10,Job board,,,,2025-03-31,,,,,,\n");
    store.import_applicants_csv(
        other,
        "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
        "left_on,left_reason,outcome\n"
        "X1,Indeed,job_board,,,2025-01-06,,,,,,\n");
  }

  static metrics::ReportOptions q1(metrics::Grouping by = metrics::Grouping::kSource) {
    return metrics::ReportOptions{
        .from = day("2025-01-01"), .to = day("2025-03-31"), .as_of = day("2026-03-31"), .by = by};
  }

  static metrics::TrackerData view(const TrackerData& data) { return metrics::view_of(data); }
};

// The applicants as the metrics see them: everything but the reference and the reasons.
std::vector<std::string> metric_inputs(const TrackerData& data) {
  std::vector<std::string> rows;
  const auto date = [](const std::optional<Date>& d) { return d ? d->to_string() : "-"; };
  for (const Applicant& a : data.applicants) {
    rows.push_back(std::to_string(a.id) + " " + std::to_string(a.source_id) + " " +
                   a.applied_on.to_string() + " " + date(a.interviewed_on) + " " +
                   date(a.offered_on) + " " + date(a.started_on) + " " + date(a.left_on) + " " +
                   std::string(to_string(a.outcome)) + " " + a.prior_sector);
  }
  return rows;
}

}  // namespace

TEST_CASE_FIXTURE(ExampleFixture,
                  "one provider's data is its own rows and gives the worked example's costs") {
  const TrackerData data = store.load_tracker_data(provider, day("2026-03-31"));
  REQUIRE(data.providers.size() == 1);
  CHECK(data.providers[0].id == provider);
  CHECK(data.sources.size() == 2);
  CHECK(data.spend.size() == 3);
  CHECK(data.applicants.size() == 14);
  for (const Applicant& a : data.applicants) CHECK(a.provider_id == provider);

  const metrics::RoiReport roi = metrics::roi_report(view(data), q1());
  REQUIRE(roi.groups.size() == 2);
  const auto& job_board = roi.groups[0];  // by name: "Job board", "Referral"
  const auto& referral = roi.groups[1];
  CHECK(referral.group.name == "Referral");
  CHECK(referral.cost_per_hire.value == Pence{16667});
  CHECK(referral.cost_per_retained_hire[2].value == Pence{25000});
  CHECK(job_board.cost_per_hire.value == Pence{75000});
  CHECK_FALSE(job_board.cost_per_retained_hire[2].has_value());

  CHECK(error_from([&] { store.load_tracker_data(424242); }).code() == ErrorCode::kNotFound);
}

TEST_CASE_FIXTURE(ExampleFixture, "up_to leaves out what is dated after it") {
  const TrackerData january = store.load_tracker_data(provider, day("2025-01-31"));
  CHECK(january.spend.size() == 2);  // the February spend is later
  CHECK(january.applicants.size() == 11);
}

TEST_CASE_FIXTURE(ExampleFixture,
                  "the team's data holds every provider without references or reasons") {
  TrackerData team = team_with_applicants(store);
  REQUIRE(team.providers.size() == 2);
  CHECK(team.providers[0].id == provider);
  CHECK(team.providers[1].name == "Riverside Homes");
  CHECK(team.sources.size() == 3);
  CHECK(team.spend.size() == 3);
  CHECK(team.applicants.size() == 15);
  for (const Applicant& a : team.applicants) {
    CHECK(a.reference.empty());
    CHECK(a.left_reason.empty());
    CHECK(a.prior_sector.empty());
  }
  // Grouped by provider, so that each provider's rows are one run.
  CHECK(team.applicants[13].provider_id == provider);
  CHECK(team.applicants[14].provider_id == other);
  const std::vector<metrics::TrackerData> views = metrics::split_by_provider(team);
  REQUIRE(views.size() == 2);
  CHECK(views[0].applicants.size() == 14);
  CHECK(views[1].applicants.size() == 1);
  CHECK(views[1].sources.size() == 1);
  // The same rows, in the same order, as the provider's own load, but for the reference and the
  // reasons.
  const TrackerData own = store.load_tracker_data(provider);
  REQUIRE(own.applicants.size() == views[0].applicants.size());
  for (std::size_t i = 0; i < own.applicants.size(); ++i) {
    CHECK(own.applicants[i].id == views[0].applicants[i].id);
    CHECK(own.applicants[i].started_on == views[0].applicants[i].started_on);
    CHECK(own.applicants[i].outcome == views[0].applicants[i].outcome);
  }
  CHECK(team_with_applicants(store, day("2025-01-06")).applicants.size() == 2);  // J1 and X1
  CHECK(team_with_applicants(store, day("2025-01-05")).applicants.empty());
  // From a day on: all but J1 and X1, and the other tables whole.
  const TrackerData later = team_with_applicants(store, std::nullopt, day("2025-01-07"));
  CHECK(later.applicants.size() == 13);
  CHECK(later.spend.size() == 3);

  StoreFixture empty;
  CHECK(team_with_applicants(empty.store).providers.empty());
}

TEST_CASE("the team's data is the same read on one thread or two") {
  ScratchDir dir;
  StoreOptions options = fixed_today();
  options.parallel_team_rows = 1;  // two threads whenever there is an applicant
  Store store(dir.store_location("team.db"), options);
  // Three providers importing in turns, so that each one's rows are spread over the id range,
  // and some applications after the day the data is read up to.
  const Id a = store.providers().create("A").id;
  const Id b = store.providers().create("B").id;
  const Id c = store.providers().create("C").id;
  const std::string header =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n";
  for (int month = 1; month <= 6; ++month) {
    for (const Id provider : {a, b, c}) {
      if (provider == b && month == 3) continue;
      std::string csv = header;
      for (int i = 0; i < 5 + month; ++i) {
        char row[96];
        std::snprintf(row, sizeof row, "R%d-%d,Indeed,job_board,,,2025-%02d-1%d,,,,,,\n", month, i,
                      month, i % 10);
        csv += row;
      }
      store.import_applicants_csv(provider, csv);
    }
  }
  const auto check_same = [&](std::optional<Date> up_to) {
    const TrackerData team = team_with_applicants(store, up_to);
    REQUIRE(team.providers.size() == 3);
    std::size_t total = 0;
    std::size_t at = 0;  // each provider's run follows the one before
    for (const Provider& p : team.providers) {
      const TrackerData own = store.load_tracker_data(p.id, up_to);
      for (std::size_t i = 0; i < own.applicants.size(); ++i, ++at) {
        REQUIRE(at < team.applicants.size());
        CHECK(team.applicants[at].id == own.applicants[i].id);
        CHECK(team.applicants[at].provider_id == p.id);
        CHECK(team.applicants[at].applied_on == own.applicants[i].applied_on);
      }
      total += own.applicants.size();
    }
    CHECK(team.applicants.size() == total);
    return total;
  };
  CHECK(check_same(std::nullopt) == 3 * (6 + 7 + 8 + 9 + 10 + 11) - 8);
  CHECK(check_same(day("2025-04-12")) < check_same(std::nullopt));

  // A visitor's exception, on whichever thread, ends the read and reaches the caller; the store
  // reads on afterwards.
  CHECK_THROWS_WITH(
      store.load_team_data(std::nullopt, std::nullopt,
                           [](std::size_t, const Applicant&) { throw std::runtime_error("stop"); }),
      "stop");
  CHECK(check_same(std::nullopt) == 3 * (6 + 7 + 8 + 9 + 10 + 11) - 8);
}

TEST_CASE_FIXTURE(ExampleFixture,
                  "purge removes old references of those who withdrew or were rejected and no "
                  "metric moves") {
  store.applicants().record_event(
      provider, store.applicants().list(provider, {.reference = "J7"}).items.at(0).id,
      Stage::kWithdrawn, day("2026-06-01"), "Moved to Leeds");
  const TrackerData before = store.load_tracker_data(provider, day("2026-03-31"));

  // Today is 2026-06-30: 182 days back is 2025-12-30. J7 withdrew on 2026-06-01, so stays; J10
  // and X1 of the other provider have no outcome (they may still be interviewed), so stay.
  const PurgeSummary purged = store.purge();
  CHECK(purged.applicants == 7);  // R4, J3, J4, J5, J6, J8, J9
  const TrackerData after = store.load_tracker_data(provider, day("2026-03-31"));

  std::vector<std::string> kept;
  for (const Applicant& a : after.applicants) {
    if (!a.reference.empty()) kept.push_back(a.reference);
  }
  CHECK(kept == std::vector<std::string>{"R1", "R2", "R3", "J1", "J2", "J7", "J10"});
  CHECK(metric_inputs(after) == metric_inputs(before));
  const auto j7_events = store.applicants().list_events(
      provider, store.applicants().list(provider, {.reference = "J7"}).items.at(0).id);
  CHECK(j7_events.back().reason == "Moved to Leeds");  // too recent: untouched

  for (const auto by :
       {metrics::Grouping::kSource, metrics::Grouping::kChannel, metrics::Grouping::kMonth}) {
    CAPTURE(metrics::to_string(by));
    const auto funnel_before = metrics::funnel_report(view(before), q1(by));
    const auto funnel_after = metrics::funnel_report(view(after), q1(by));
    CHECK(funnel_after.total.applicants == funnel_before.total.applicants);
    CHECK(funnel_after.total.started == funnel_before.total.started);
    CHECK(funnel_after.total.dropped == funnel_before.total.dropped);
    REQUIRE(funnel_after.groups.size() == funnel_before.groups.size());
    for (std::size_t i = 0; i < funnel_after.groups.size(); ++i) {
      CHECK(funnel_after.groups[i].applicants == funnel_before.groups[i].applicants);
      CHECK(funnel_after.groups[i].applied_to_started ==
            funnel_before.groups[i].applied_to_started);
    }
    const auto roi_before = metrics::roi_report(view(before), q1(by));
    const auto roi_after = metrics::roi_report(view(after), q1(by));
    CHECK(roi_after.total.cost_per_hire == roi_before.total.cost_per_hire);
    CHECK(roi_after.total.cost_per_applicant == roi_before.total.cost_per_applicant);
    const auto retention_before = metrics::retention_report(view(before), q1(by));
    const auto retention_after = metrics::retention_report(view(after), q1(by));
    CHECK(retention_after.total.survival == retention_before.total.survival);
  }

  // Purging again finds nothing more; a purged export still holds the anonymous rows.
  CHECK(store.purge().applicants == 0);
  const std::string exported = store.export_applicants_csv(provider);
  // Referral's channel is not known (the spend sheet named it first): its cell stays empty.
  CHECK(exported.find("\r\n,Referral,,,,2025-02-10,,,,,,withdrawn,\r\n") != std::string::npos);
}

TEST_CASE_FIXTURE(ExampleFixture, "a purged export imports back without adding anyone") {
  store.purge();
  const std::string exported = store.export_applicants_csv(provider);
  const ImportSummary again = store.import_applicants_csv(provider, exported);
  // Everyone: the 7 purged by their content, the 5 starters, J7 and J10 by their reference.
  CHECK(again.unchanged == 14);
  CHECK(again.updated == 0);
  CHECK(again.created == 0);
  CHECK(store.export_applicants_csv(provider) == exported);
  // An anonymous row cannot be a starter: that one must keep its reference.
  const Error error = error_from([&] {
    store.import_applicants_csv(
        provider,
        "reference,source,channel,vacancy,service,applied_on,interviewed_on,"
        "offered_on,started_on,left_on,left_reason,outcome\n"
        ",Referral,,,,2025-01-12,,2025-01-20,2025-02-01,,,\n");
  });
  CHECK(error.items().at(0).detail == "reference is required for someone who started");
}

TEST_CASE_FIXTURE(ExampleFixture, "purge can be limited to one provider and to an age") {
  store.applicants().record_event(other, store.applicants().list(other).items.at(0).id,
                                  Stage::kRejected, day("2025-01-20"));
  CHECK(store.purge(182, other).applicants == 1);
  CHECK(store.purge(10000).applicants == 0);
  CHECK(error_from([&] { store.purge(-1); }).field() == "older_than_days");
  CHECK(error_from([&] { store.purge(182, 424242); }).code() == ErrorCode::kNotFound);
}
