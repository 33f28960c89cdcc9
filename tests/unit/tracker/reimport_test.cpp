// Importing a manager's spreadsheet again: after a purge, with corrected spend, with rows that
// would rewrite what is recorded, and in any order of the three forms.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

constexpr std::string_view kApplicantsHeader =
    "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
    "left_on,left_reason,outcome\n";

// Today is 2026-06-30, so a purge with the default age removes outcomes dated before 2025-12-30.
// A-1 started; A-2 was rejected and A-3 withdrew long ago; A-4 was offered a job and has neither
// started nor turned it down; A-5 applied and was never heard of again.
const std::string kSheet = std::string(kApplicantsHeader) +
                           "A-1,Indeed,job_board,,,2025-01-06,2025-01-10,2025-01-20,2025-03-01,,,\n"
                           "A-2,Indeed,job_board,,,2025-01-07,2025-01-12,,,,,rejected\n"
                           "A-3,Facebook,social_media,,,2025-01-08,,,,,,withdrawn\n"
                           "A-4,Facebook,social_media,,,2025-01-09,2025-01-15,2025-01-20,,,,\n"
                           "A-5,Indeed,job_board,,,2025-01-10,,,,,,\n";

struct ReimportFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;

  std::vector<Applicant> applicants() const {
    return store.applicants().list(provider, {}, {.limit = 1000}).items;
  }
  std::optional<Applicant> find(std::string_view reference) const {
    const auto found =
        store.applicants().list(provider, {.reference = std::string(reference)}).items;
    if (found.empty()) return std::nullopt;
    return found.front();
  }
  Pence spend_total() const {
    Pence total;
    for (const auto& entry : store.spend().list(provider, {}, {.limit = 1000}).items) {
      total += entry.amount;
    }
    return total;
  }
  Source source(std::string_view name) const {
    for (const auto& s : store.sources().list(provider).items) {
      if (s.name == name) return s;
    }
    FAIL("no source " << name);
    return {};
  }
};

}  // namespace

TEST_CASE_FIXTURE(ReimportFixture, "the same sheet imported twice changes nothing") {
  CHECK(store.import_applicants_csv(provider, kSheet).created == 5);
  const std::string before = store.export_applicants_csv(provider);
  const ImportSummary again = store.import_applicants_csv(provider, kSheet);
  CHECK(again.created == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == 5);
  CHECK(again.skipped_purged == 0);
  CHECK(applicants().size() == 5);
  CHECK(store.export_applicants_csv(provider) == before);
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "a sheet imported again after a purge adds nobody and counts the rows skipped") {
  store.import_applicants_csv(provider, kSheet);
  CHECK(store.purge().applicants == 2);  // finished, and long ago
  CHECK_FALSE(find("A-2").has_value());
  CHECK_FALSE(find("A-3").has_value());

  const ImportSummary again = store.import_applicants_csv(provider, kSheet);
  CHECK(again.rows == 5);
  CHECK(again.created == 0);
  CHECK(again.skipped_purged == 2);
  CHECK(again.unchanged == 3);
  CHECK(applicants().size() == 5);
  CHECK(summary_notes(again) ==
        std::vector<std::string>{"2 rows skipped: their applicants' references were removed by "
                                 "a purge"});
  // The references stay gone, and the rows are known whatever their case and spacing.
  CHECK_FALSE(find("A-2").has_value());
  const ImportSummary recased = store.import_applicants_csv(
      provider, std::string(kApplicantsHeader) +
                    " a-2 ,Indeed,job_board,,,2025-01-07,2025-01-12,,,,,rejected\n");
  CHECK(recased.skipped_purged == 1);
  CHECK(recased.created == 0);
  // Another provider's sheet with the same reference is its own applicant.
  const Id other = store.providers().create("Riverside Homes").id;
  CHECK(store.import_applicants_csv(other, kSheet).created == 5);
}

TEST_CASE_FIXTURE(
    ReimportFixture,
    "purge leaves an applicant offered a job and a later sheet starts that same applicant") {
  store.import_applicants_csv(provider, kSheet);
  const Id offered = find("A-4")->id;
  store.purge();
  REQUIRE(find("A-4").has_value());  // in progress: no outcome, not started
  REQUIRE(find("A-5").has_value());  // never heard of again, but no outcome either

  const ImportSummary later = store.import_applicants_csv(
      provider, std::string(kApplicantsHeader) +
                    "A-4,Facebook,social_media,,,2025-01-09,2025-01-15,2025-01-20,2025-02-03,,,\n");
  CHECK(later.created == 0);
  CHECK(later.updated == 1);
  CHECK(later.history_changed == 0);  // a start is progress
  CHECK(find("A-4")->id == offered);
  CHECK(find("A-4")->started_on == day("2025-02-03"));
  CHECK(applicants().size() == 5);
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "a row that would rewrite an applicant's history refuses the file and lists it") {
  store.import_applicants_csv(provider, kSheet);
  const std::string before = store.export_applicants_csv(provider);
  // A-1's reference reused for someone else: another source, another day, no start. A-4 only
  // moves on, and A-9 is new; neither may be stored while A-1 is refused.
  const std::string later =
      std::string(kApplicantsHeader) +
      "A-4,Facebook,social_media,,,2025-01-09,2025-01-15,2025-01-20,2025-02-03,,,\n"
      "A-1,Facebook,social_media,,,2025-04-02,,,,,,\n"
      "A-9,Indeed,job_board,,,2025-04-03,,,,,,\n"
      "A-2,Indeed,job_board,,,2025-01-07,2025-01-12,,,,,withdrawn\n";
  const Error error = error_from([&] { store.import_applicants_csv(provider, later); });
  CHECK(error.code() == ErrorCode::kConflict);
  REQUIRE(error.items().size() == 2);
  CHECK(error.items()[0].line == 3);
  CHECK(error.items()[0].field == "reference");
  CHECK(error.items()[0].detail ==
        "A-1: source Indeed → Facebook; applied_on 2025-01-06 → 2025-04-02; interviewed_on "
        "2025-01-10 would be removed; offered_on 2025-01-20 would be removed; started_on "
        "2025-03-01 would be removed");
  CHECK(error.items()[1].line == 5);
  CHECK(error.items()[1].detail == "A-2: outcome rejected → withdrawn");
  CHECK(std::string(error.what()) ==
        "nothing was imported: 2 rows of the applicants file would change what is already "
        "recorded (first: line 3, A-1: source Indeed → Facebook; applied_on 2025-01-06 → "
        "2025-04-02; interviewed_on 2025-01-10 would be removed; offered_on 2025-01-20 would be "
        "removed; started_on 2025-03-01 would be removed); if the file is right, import the file "
        "again accepting the changes");
  CHECK(store.export_applicants_csv(provider) == before);

  const ImportSummary accepted =
      store.import_applicants_csv(provider, later, {.accept_changes = true});
  CHECK(accepted.history_changed == 2);
  CHECK(accepted.updated == 3);
  CHECK(accepted.created == 1);
  CHECK(find("A-1")->applied_on == day("2025-04-02"));
  CHECK_FALSE(find("A-1")->started_on.has_value());
  CHECK(find("A-2")->outcome == Outcome::kWithdrawn);
  CHECK(find("A-4")->started_on == day("2025-02-03"));
}

TEST_CASE_FIXTURE(ReimportFixture, "a changed stage date is a change of history") {
  store.import_applicants_csv(provider, kSheet);
  const Error error = error_from([&] {
    store.import_applicants_csv(
        provider, std::string(kApplicantsHeader) +
                      "A-1,Indeed,job_board,,,2025-01-06,2025-01-10,2025-01-20,2025-03-05,,,\n");
  });
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].detail == "A-1: started_on 2025-03-01 → 2025-03-05");
  CHECK(find("A-1")->started_on == day("2025-03-01"));
}

TEST_CASE_FIXTURE(ReimportFixture, "a spend sheet imported twice leaves the total as it was") {
  const std::string sheet =
      "source,date,amount,note\n"
      "Indeed,2025-03-03,187.00,Sponsored posts\n"
      "Indeed,2025-03-17,150.00,Sponsored posts\n"
      "Indeed,2025-03-17,150.00,Sponsored posts\n"  // a second, identical payment
      "Facebook,2025-03-05,60.00,Boosted post\n"
      "Indeed,2025-04-01,200.00,\n";
  CHECK(store.import_spend_csv(provider, sheet).created == 5);
  CHECK(spend_total() == Pence{74700});
  const ImportSummary again = store.import_spend_csv(provider, sheet);
  CHECK(again.created == 0);
  CHECK(again.removed == 0);
  CHECK(again.unchanged == 5);
  CHECK(again.replaced.empty());
  CHECK(spend_total() == Pence{74700});
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "a corrected spend sheet replaces the source-months it covers and no other") {
  store.import_spend_csv(provider,
                         "source,date,amount,note\n"
                         "Indeed,2025-03-03,187.00,Sponsored posts\n"
                         "Indeed,2025-03-17,150.00,Sponsored posts\n"
                         "Indeed,2025-03-24,150.00,Sponsored posts\n"
                         "Facebook,2025-03-05,60.00,Boosted post\n"
                         "Indeed,2025-02-10,99.00,\n");
  const Pence before = spend_total();
  CHECK(before == Pence{64600});
  // The March sheet again with one Indeed amount £100 more; February is not in it.
  const ImportSummary corrected =
      store.import_spend_csv(provider,
                             "source,date,amount,note\n"
                             "Indeed,2025-03-03,287.00,Sponsored posts\n"
                             "Indeed,2025-03-17,150.00,Sponsored posts\n"
                             "Indeed,2025-03-24,150.00,Sponsored posts\n"
                             "Facebook,2025-03-05,60.00,Boosted post\n");
  CHECK(spend_total() == before + Pence{10000});
  CHECK(corrected.created == 1);
  CHECK(corrected.removed == 1);
  CHECK(corrected.unchanged == 3);
  REQUIRE(corrected.replaced.size() == 1);
  CHECK(corrected.replaced[0].source == "Indeed");
  CHECK(corrected.replaced[0].month == day("2025-03-01"));
  CHECK(describe(corrected.replaced[0]) ==
        "replaced 3 rows for Indeed in March 2025: £487.00 → £587.00");
  CHECK(store.spend()
            .list(provider, {.from = day("2025-02-01"), .to = day("2025-02-28")})
            .items.size() == 1);

  // A sheet with a row fewer for a source-month removes it.
  const ImportSummary fewer = store.import_spend_csv(provider,
                                                     "source,date,amount,note\n"
                                                     "Facebook,2025-03-05,60.00,Boosted post\n"
                                                     "Facebook,2025-03-06,40.00,Boosted post\n"
                                                     "Indeed,2025-03-03,287.00,Sponsored posts\n"
                                                     "Indeed,2025-03-17,150.00,Sponsored posts\n");
  CHECK(spend_total() == before + Pence{10000} + Pence{4000} - Pence{15000});
  REQUIRE(fewer.replaced.size() == 2);
  CHECK(describe(fewer.replaced[0]) ==
        "replaced 1 row for Facebook in March 2025 with 2: £60.00 → £100.00");
  CHECK(describe(fewer.replaced[1]) ==
        "replaced 3 rows for Indeed in March 2025 with 2: £587.00 → £437.00");
}

TEST_CASE("a replaced source-month reads its totals as pounds with thousands separators") {
  const SpendReplacement replacement{.source = "Indeed",
                                     .month = day("2025-03-01"),
                                     .rows_before = 1,
                                     .rows_after = 1,
                                     .before = Pence{120'000},
                                     .after = Pence{98'750}};
  CHECK(describe(replacement) == "replaced 1 row for Indeed in March 2025: £1,200.00 → £987.50");
}

TEST_CASE_FIXTURE(ReimportFixture, "headcounts are identified by date and service") {
  const std::string sheet =
      "date,service,staff,vacancies,leavers\n"
      "2025-01-31,Home care,40,4,12\n"
      "2025-01-31,Day centre,12,1,2\n"
      "2025-01-31,,52,5,\n";
  CHECK(store.import_headcount_csv(provider, sheet).created == 3);
  const ImportSummary again = store.import_headcount_csv(provider, sheet);
  CHECK(again.unchanged == 3);
  CHECK(again.created == 0);
  const ImportSummary corrected = store.import_headcount_csv(
      provider, "date,service,staff,vacancies\n2025-01-31,DAY CENTRE,13,1\n");
  CHECK(corrected.updated == 1);
  const auto snapshots = store.headcounts().list(provider).items;
  REQUIRE(snapshots.size() == 3);
  CHECK(snapshots[0].staff == 40);
  CHECK(snapshots[1].staff == 13);
  CHECK(snapshots[2].staff == 52);
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "spend imported before applicants leaves the channel to the applicant rows") {
  const ImportSummary spend = store.import_spend_csv(provider,
                                                     "source,date,amount,note\n"
                                                     "Facebook,2025-01-05,124.00,Boosted posts\n"
                                                     "Indeed,2025-01-01,387.00,\n");
  CHECK(spend.new_sources == std::vector<std::string>{"Facebook", "Indeed"});
  CHECK_FALSE(source("Facebook").channel_known);
  CHECK(source("Facebook").channel == Channel::kOther);

  const ImportSummary applicants = store.import_applicants_csv(provider, kSheet);
  CHECK(applicants.created == 5);
  CHECK(applicants.new_sources.empty());
  CHECK(applicants.channels_learnt ==
        std::vector<std::string>{"Indeed (job_board)", "Facebook (social_media)"});
  CHECK(source("Facebook").channel == Channel::kSocialMedia);
  CHECK(source("Facebook").channel_known);
  CHECK(source("Indeed").channel == Channel::kJobBoard);
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "a row naming another channel than a known one is refused with the fix") {
  store.import_applicants_csv(provider, kSheet);
  ImportOptions options;
  options.remedies.set_channel = [](Id owner, const Source& source, Channel channel) {
    return "run set-channel " + std::to_string(owner) + " " + std::to_string(source.id) + " " +
           source.name + " " + std::string(to_string(channel));
  };
  const Error error = error_from([&] {
    store.import_applicants_csv(
        provider, std::string(kApplicantsHeader) + "A-7,facebook,Job board,,,2025-02-01,,,,,,\n",
        options);
  });
  CHECK(error.code() == ErrorCode::kInvalid);
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].detail ==
        "source 'Facebook' is recorded as social_media, not job_board: if job_board is right, run "
        "set-channel " +
            std::to_string(provider) + " " + std::to_string(source("Facebook").id) +
            " Facebook job_board");
  CHECK_FALSE(find("A-7").has_value());
  // Corrected through the store, as the command line and the API do, the row then imports.
  store.sources().update(provider, source("Facebook").id,
                         [](Source& s) { s.channel = Channel::kJobBoard; });
  CHECK(store
            .import_applicants_csv(provider, std::string(kApplicantsHeader) +
                                                 "A-7,facebook,Job board,,,2025-02-01,,,,,,\n")
            .created == 1);
}

TEST_CASE_FIXTURE(ReimportFixture,
                  "two rows of one file naming two channels for a new source are refused") {
  const Error error = error_from([&] {
    store.import_applicants_csv(provider, std::string(kApplicantsHeader) +
                                              "A-1,Facebook,social media,,,2025-02-01,,,,,,\n"
                                              "A-2,Facebook,job board,,,2025-02-02,,,,,,\n");
  });
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].line == 3);
  CHECK(error.items()[0].detail ==
        "source 'Facebook' is social_media on line 2, not job_board: a source has one channel");
  CHECK(store.sources().list(provider).items.empty());
}
