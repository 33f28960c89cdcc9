// CSV import and export of the three forms: a clean file, files refused as a whole with every bad
// row named, re-imports that add nothing, and exports that import back to the same bytes.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "support.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

constexpr std::string_view kHeader =
    "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
    "left_on,left_reason,outcome,prior_sector\n";

struct ImportFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;

  std::vector<Applicant> applicants() const {
    return store.applicants().list(provider, {}, {.limit = 1000}).items;
  }
  const Applicant& by_reference(const std::vector<Applicant>& all,
                                std::string_view reference) const {
    for (const auto& a : all) {
      if (a.reference == reference) return a;
    }
    FAIL("no applicant " << reference);
    return all.front();
  }
};

}  // namespace

TEST_CASE_FIXTURE(
    ImportFixture,
    "a spreadsheet's applicants are imported with their sources, services and vacancies") {
  const std::string csv =
      std::string(kHeader) +
      "A-001,Indeed,Job board,Care worker,Town home "
      "care,2025-01-06,2025-01-10,2025-01-12,2025-02-01,,,,adult_social_care\n"
      "A-002,Indeed,,Care worker,Town home care,2025-01-04,2025-01-11,,,,,rejected,\n"
      "A-003,Staff referral scheme,staff referral,Senior carer,Town home "
      "care,2025-01-08,,2025-01-09,2025-01-20,2025-03-01,\"Moved away, to Leeds\",,\n"
      "A-004,Facebook,SOCIAL MEDIA,,,2025-02-01,,,,,,withdrawn,\n";
  const ImportSummary summary = store.import_applicants_csv(provider, csv);
  CHECK(summary.rows == 4);
  CHECK(summary.created == 4);
  CHECK(summary.updated == 0);
  CHECK(summary.new_sources ==
        std::vector<std::string>{"Indeed", "Staff referral scheme", "Facebook"});
  CHECK(summary.new_services == std::vector<std::string>{"Town home care"});
  CHECK(summary.new_vacancies == 2);

  const auto sources = store.sources().list(provider).items;
  REQUIRE(sources.size() == 3);
  CHECK(sources[0].channel == Channel::kJobBoard);
  CHECK(sources[1].channel == Channel::kStaffReferral);
  CHECK(sources[2].channel == Channel::kSocialMedia);
  // "Town home care" is not a type name, so the service's type is other.
  CHECK(store.services().list(provider).items.at(0).type == ServiceType::kOther);
  // A vacancy opens on its earliest application in the file.
  const auto vacancies = store.vacancies().list(provider).items;
  REQUIRE(vacancies.size() == 2);
  CHECK(vacancies[0].role == "Care worker");
  CHECK(vacancies[0].opened_on == day("2025-01-04"));

  const auto all = applicants();
  const Applicant& a1 = by_reference(all, "A-001");
  CHECK(a1.started_on == day("2025-02-01"));
  CHECK(a1.prior_sector == "adult_social_care");
  CHECK(a1.vacancy_id == vacancies[0].id);
  const Applicant& a3 = by_reference(all, "A-003");
  CHECK(a3.left_reason == "Moved away, to Leeds");
  CHECK(by_reference(all, "A-002").outcome == Outcome::kRejected);
  CHECK(by_reference(all, "A-004").outcome == Outcome::kWithdrawn);
  CHECK_FALSE(by_reference(all, "A-004").service_id.has_value());
}

TEST_CASE_FIXTURE(
    ImportFixture,
    "a file with bad rows is refused whole and every bad row is named by line and column") {
  store.import_applicants_csv(
      provider, std::string(kHeader) + "OLD-1,Indeed,job_board,,,2025-01-02,,,,,,,\n");
  const std::string csv =
      std::string(kHeader) +
      "A-001,Indeed,job_board,,,2025-01-06,,,,,,,\n"                      // line 2: fine
      "A-002,Indeed,job_board,,,01/13/2025,,,,,,,\n"                      // line 3: month first
      "A-003,Indeed,job_board,,,2025-01-06,,2025-01-12,2025-01-10,,,,\n"  // line 4: start before
                                                                          // offer
      "A-004,Indeed,social_media,,,2025-01-06,,,,,,,\n"                   // line 5: channel differs
      "A-005,Totaljobs,job_board,,,2025-01-06,,,,,,hired,\n"              // line 6: outcome
      "A-006,Indeed,job_board,,,2025-01-06\n"                             // line 7: short row
      "A-001,Indeed,job_board,,,2025-01-07,,,,,,,\n";  // line 8: repeated reference
  const Error error = error_from([&] { store.import_applicants_csv(provider, csv); });
  CHECK(error.code() == ErrorCode::kInvalid);
  const auto& items = error.items();
  REQUIRE(items.size() == 6);
  CHECK(items[0].line == 3);
  CHECK(items[0].field == "applied_on");
  CHECK(items[0].detail ==
        "applied_on '01/13/2025' is not a date: there is no month 13 (dates are read day first, "
        "so 03/02/2025 is 3 February 2025)");
  CHECK(items[1].line == 4);
  CHECK(items[1].field == "started_on");
  CHECK(items[1].detail ==
        "Date started work (2025-01-10) is before the date offered a job (2025-01-12); correct one "
        "of them");
  CHECK(items[2].line == 5);
  CHECK(items[2].field == "channel");
  CHECK(items[2].detail ==
        "source 'Indeed' is recorded as job_board, not social_media: if social_media is right, "
        "correct the source's channel first");
  CHECK(items[3].line == 6);
  CHECK(items[3].field == "outcome");
  CHECK(items[4].line == 7);
  CHECK(items[4].detail == "the row has 6 cells but the header names 13 columns");
  CHECK(items[5].line == 8);
  CHECK(items[5].field == "reference");
  CHECK(items[5].detail == "this reference is already on line 2");
  CHECK(std::string(error.what()) ==
        "nothing was imported: the applicants file has 6 problems in 6 rows (first: line 3, "
        "applied_on: applied_on '01/13/2025' is not a date: there is no month 13 (dates are read "
        "day first, so 03/02/2025 is 3 February 2025))");
  // Nothing was stored: not the good row, not the new source.
  const auto all = applicants();
  REQUIRE(all.size() == 1);
  CHECK(all[0].reference == "OLD-1");
  CHECK(store.sources().list(provider).items.size() == 1);
}

TEST_CASE_FIXTURE(ImportFixture,
                  "a reference repeated within a clean file is named on its second line") {
  const Error error = error_from([&] {
    store.import_applicants_csv(provider, std::string(kHeader) +
                                              "A-1,Indeed,,,,2025-01-06,,,,,,,\n"
                                              "A-2,Indeed,,,,2025-01-06,,,,,,,\n"
                                              "A-1,Indeed,,,,2025-01-07,,,,,,,\n");
  });
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].line == 4);
  CHECK(error.items()[0].field == "reference");
  CHECK(error.items()[0].detail == "this reference is already on line 2");
  CHECK(applicants().empty());
}

TEST_CASE_FIXTURE(ImportFixture, "header problems and broken files are malformed") {
  const Error header = error_from([&] {
    store.import_applicants_csv(provider, "reference,name,source\nA1,Jane Smith,Indeed\n");
  });
  CHECK(header.code() == ErrorCode::kMalformed);
  CHECK(header.items().at(0).detail.starts_with("unknown column 'name'"));
  const Error empty = error_from([&] { store.import_spend_csv(provider, ""); });
  CHECK(empty.code() == ErrorCode::kMalformed);
  CHECK(std::string(empty.what()) == "the spend file is empty: it needs a header row first");
  const Error missing =
      error_from([&] { store.import_spend_csv(99, "source,date,amount,note\n"); });
  CHECK(missing.code() == ErrorCode::kNotFound);
}

TEST_CASE_FIXTURE(
    ImportFixture,
    "a byte order mark, CRLF line ends, blank rows and headers in another order are accepted") {
  const std::string csv =
      "\xEF\xBB\xBF"
      "Applied_On,Reference,Source,Channel,Vacancy,Service,Interviewed_On,Offered_On,"
      "Started_On,Left_On,Left_Reason,Outcome\r\n"
      "2025-01-06,A-1,Indeed,job board,,,,,,,,\r\n"
      ",,,,,,,,,,,\r\n"
      "\r\n"
      "2025-01-07,\"A-2, the second\",Indeed,,,,,,,,,\r\n";
  const ImportSummary summary = store.import_applicants_csv(provider, csv);
  CHECK(summary.rows == 2);
  const auto all = applicants();
  REQUIRE(all.size() == 2);
  CHECK(all[1].reference == "A-2, the second");
  CHECK(all[1].prior_sector.empty());
}

TEST_CASE_FIXTURE(ImportFixture, "importing the same applicants again updates them in place") {
  const std::string first = std::string(kHeader) +
                            "A-1,Indeed,job_board,,,2025-01-06,,,,,,,\n"
                            "A-2,Indeed,job_board,,,2025-01-07,2025-01-09,,,,,withdrawn,\n";
  CHECK(store.import_applicants_csv(provider, first).created == 2);
  const ImportSummary again = store.import_applicants_csv(provider, first);
  CHECK(again.created == 0);
  CHECK(again.updated == 0);  // the same rows: nothing to write
  CHECK(again.unchanged == 2);
  CHECK(again.new_sources.empty());
  CHECK(applicants().size() == 2);

  // A later version of the spreadsheet moves A-1 on and adds A-3.
  const std::string later =
      std::string(kHeader) +
      "A-1,Indeed,job_board,,,2025-01-06,2025-01-10,2025-01-11,2025-02-01,,,,\n"
      "A-3,Indeed,job_board,,,2025-02-07,,,,,,,\n";
  const ImportSummary summary = store.import_applicants_csv(provider, later);
  CHECK(summary.created == 1);
  CHECK(summary.updated == 1);
  CHECK(summary.unchanged == 0);
  const auto all = applicants();
  REQUIRE(all.size() == 3);
  CHECK(by_reference(all, "A-1").started_on == day("2025-02-01"));
  CHECK(by_reference(all, "A-2").outcome == Outcome::kWithdrawn);
}

TEST_CASE_FIXTURE(ImportFixture,
                  "a long file that meets new sources part way stores every row in its order") {
  // 300 rows; a new source at rows 1, 101 and 201, so that names are made between batches of
  // rows already on their way to the store. Row i applied on day i of 2025.
  const char* const sources[] = {"Indeed", "Facebook", "Job fair"};
  std::string csv(kHeader);
  for (int i = 0; i < 300; ++i) {
    csv += "R-" + std::to_string(1000 + i) + "," + sources[i / 100] + ",,,," +
           day("2025-01-01").plus_days(i).to_string() + ",,,,,,,\n";
  }
  const ImportSummary first = store.import_applicants_csv(provider, csv);
  CHECK(first.created == 300);
  CHECK(first.new_sources.size() == 3);
  const auto all = applicants();  // in id order
  REQUIRE(all.size() == 300);
  for (int i = 0; i < 300; ++i) {
    const Applicant& a = all[static_cast<std::size_t>(i)];
    CHECK(a.reference == "R-" + std::to_string(1000 + i));
    CHECK(a.applied_on == day("2025-01-01").plus_days(i));
  }
  CHECK(all[99].source_id != all[100].source_id);
  CHECK(all[199].source_id != all[200].source_id);

  // Again, with the last hundred moved on to an interview: 100 changed, 200 as they were.
  std::string later(kHeader);
  for (int i = 0; i < 300; ++i) {
    const Date applied = day("2025-01-01").plus_days(i);
    const std::string interviewed = i < 200 ? "" : applied.plus_days(3).to_string();
    later += "R-" + std::to_string(1000 + i) + "," + sources[i / 100] + ",,,," +
             applied.to_string() + "," + interviewed + ",,,,,,\n";
  }
  const ImportSummary again = store.import_applicants_csv(provider, later);
  CHECK(again.created == 0);
  CHECK(again.updated == 100);
  CHECK(again.unchanged == 200);
  CHECK(applicants()[250].interviewed_on == day("2025-01-01").plus_days(253));
  CHECK_FALSE(applicants()[150].interviewed_on);
}

TEST_CASE_FIXTURE(ImportFixture,
                  "an outcome recorded through an event keeps its date and reason on re-import") {
  store.import_applicants_csv(provider,
                              std::string(kHeader) + "A-1,Indeed,,,,2025-01-06,2025-01-08,,,,,,\n");
  const Id id = applicants().at(0).id;
  store.applicants().record_event(provider, id, Stage::kWithdrawn, day("2025-01-20"),
                                  "Found a closer job");
  const std::string exported = store.export_applicants_csv(provider);
  store.import_applicants_csv(provider, exported);
  const auto events = store.applicants().list_events(provider, id);
  REQUIRE(events.size() == 3);
  CHECK(events[2].on == day("2025-01-20"));
  CHECK(events[2].reason == "Found a closer job");
}

TEST_CASE_FIXTURE(ImportFixture, "spend is imported once however often the file is") {
  const std::string csv =
      "source,date,amount,note\n"
      "Indeed,2025-01-05,\"1,200.00\",January boost\n"
      "Indeed,2025-01-05,\"1,200.00\",January boost\n"  // a second, identical payment
      "Referral bonus,2025-01-10,500,\n"
      "Indeed,2025-02-01,£300.5,\n";
  const ImportSummary first = store.import_spend_csv(provider, csv);
  CHECK(first.created == 4);
  CHECK(first.new_sources == std::vector<std::string>{"Indeed", "Referral bonus"});
  const ImportSummary second = store.import_spend_csv(provider, csv);
  CHECK(second.created == 0);
  CHECK(second.unchanged == 4);
  const auto spend = store.spend().list(provider).items;
  REQUIRE(spend.size() == 4);
  CHECK(spend[0].amount == Pence{120000});
  CHECK(spend[2].amount == Pence{50000});
  CHECK(spend[3].amount == Pence{30050});
  CHECK(store.sources().list(provider).items.at(1).channel == Channel::kOther);
}

TEST_CASE_FIXTURE(ImportFixture, "bad spend rows are named") {
  const Error error = error_from([&] {
    store.import_spend_csv(provider,
                           "source,date,amount,note\n"
                           "Indeed,2025-01-05,-5,\n"
                           "Indeed,2025-01-05,twelve,\n"
                           "Indeed,2025-01-05,12.345,\n"
                           ",2025-13-01,,\n");
  });
  const auto& items = error.items();
  REQUIRE(items.size() == 6);
  CHECK(items[0].detail == "amount '-5' is negative; spend must not be negative");
  CHECK(items[1].detail ==
        "amount 'twelve' is not an amount; write pounds with up to two decimals, such as 1200.50 "
        "or £1,200.50");
  CHECK(items[2].line == 4);
  CHECK(items[3].detail == "source is required");
  CHECK(items[4].detail == "date '2025-13-01' is not a date: there is no month 13");
  CHECK(items[5].detail == "amount is required");
  CHECK(store.spend().list(provider).items.empty());
}

TEST_CASE_FIXTURE(ImportFixture,
                  "headcounts are one per day and service and a day imported again is replaced") {
  const std::string csv =
      "date,service,staff,vacancies,leavers\n"
      "2025-01-31,Home care,40,4,12\n"
      "2025-01-31,,45,5,\n"
      "2025-02-28,Home care,41,3,11\n";
  CHECK(store.import_headcount_csv(provider, csv).created == 3);
  const auto services = store.services().list(provider).items;
  REQUIRE(services.size() == 1);
  CHECK(services[0].type == ServiceType::kHomeCare);  // the name spells a type
  const ImportSummary again = store.import_headcount_csv(
      provider,
      "date,service,staff,vacancies\n2025-01-31,home care,42,4\n2025-02-28,Home care,41,3\n");
  CHECK(again.updated == 2);  // staff changed on one day, and leavers went to unknown on both
  CHECK(again.created == 0);
  const ImportSummary same = store.import_headcount_csv(
      provider, "date,service,staff,vacancies\n2025-01-31,home care,42,4\n");
  CHECK(same.unchanged == 1);
  const auto snapshots = store.headcounts().list(provider).items;
  REQUIRE(snapshots.size() == 3);
  CHECK(snapshots[0].staff == 42);
  CHECK_FALSE(snapshots[0].leavers.has_value());

  const Error error = error_from([&] {
    store.import_headcount_csv(provider,
                               "date,service,staff,vacancies\n"
                               "2025-03-31,Home care,forty,-1\n"
                               "2025-04-30,,10,1\n"
                               "2025-04-30,,11,1\n"
                               "2027-01-31,,10,1\n");
  });
  const auto& items = error.items();
  REQUIRE(items.size() == 3);
  CHECK(items[0].detail == "staff 'forty' is not a whole number; write it as a number such as 42");
  CHECK(items[1].line == 4);
  CHECK(items[1].detail == "the headcount for this date and service is already on line 3");
  CHECK(items[2].detail ==
        "Date (2027-01-31) is in the future: today is 2026-06-30; enter the date it happened");
}

TEST_CASE_FIXTURE(ImportFixture, "export then import into another provider gives the same bytes") {
  // Data entered through the store, with the awkward text a spreadsheet can hold.
  const Id home =
      store.services()
          .create(provider, {.name = "Home care, North", .type = ServiceType::kHomeCare})
          .id;
  const Id indeed =
      store.sources().create(provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;
  const Id referral = store.sources()
                          .create(provider, {.name = "Staff \"Refer a friend\"",
                                             .channel = Channel::kStaffReferral})
                          .id;
  const Id vacancy =
      store.vacancies()
          .create(provider,
                  {.role = "Care worker", .service_id = home, .opened_on = day("2025-01-01")})
          .id;
  Applicant a{.reference = "A-1",
              .source_id = indeed,
              .vacancy_id = vacancy,
              .applied_on = day("2025-01-06")};
  a.interviewed_on = day("2025-01-10");
  a.offered_on = day("2025-01-12");
  a.started_on = day("2025-02-01");
  a.left_on = day("2025-04-15");
  a.left_reason = "Shifts too long,\nand far";
  a.prior_sector = "health";
  store.applicants().create(provider, a);
  Applicant b{.reference = " B ", .source_id = referral, .applied_on = day("2025-01-08")};
  b.outcome = Outcome::kWithdrawn;
  store.applicants().create(provider, b);
  store.spend().create(provider, {.source_id = indeed,
                                  .date = day("2025-01-05"),
                                  .amount = Pence{120050},
                                  .note = "January, boosted"});
  store.spend().create(provider,
                       {.source_id = referral, .date = day("2025-01-10"), .amount = Pence{5}});
  store.headcounts().create(
      provider,
      {.date = day("2025-01-31"), .service_id = home, .staff = 40, .vacancies = 4, .leavers = 12});
  store.headcounts().create(provider, {.date = day("2025-01-31"), .staff = 45, .vacancies = 5});

  const std::string applicants_csv = store.export_applicants_csv(provider);
  const std::string spend_csv = store.export_spend_csv(provider);
  const std::string headcount_csv = store.export_headcount_csv(provider);
  CHECK(applicants_csv ==
        "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
        "left_on,left_reason,outcome,prior_sector\r\n"
        "A-1,Indeed,job_board,Care worker,\"Home care, North\",2025-01-06,2025-01-10,2025-01-12,"
        "2025-02-01,2025-04-15,\"Shifts too long,\nand far\",,health\r\n"
        "B,\"Staff \"\"Refer a friend\"\"\",staff_referral,,,2025-01-08,,,,,,withdrawn,\r\n");
  CHECK(spend_csv ==
        "source,date,amount,note\r\n"
        "Indeed,2025-01-05,1200.50,\"January, boosted\"\r\n"
        "\"Staff \"\"Refer a friend\"\"\",2025-01-10,0.05,\r\n");
  CHECK(headcount_csv ==
        "date,service,staff,vacancies,leavers\r\n"
        "2025-01-31,\"Home care, North\",40,4,12\r\n"
        "2025-01-31,,45,5,\r\n");

  const Id copy = store.providers().create("Old Oak Care (copy)").id;
  store.import_applicants_csv(copy, applicants_csv);
  store.import_spend_csv(copy, spend_csv);
  store.import_headcount_csv(copy, headcount_csv);
  CHECK(store.export_applicants_csv(copy) == applicants_csv);
  CHECK(store.export_spend_csv(copy) == spend_csv);
  CHECK(store.export_headcount_csv(copy) == headcount_csv);
  // And importing the export into its own provider again changes nothing.
  store.import_applicants_csv(provider, applicants_csv);
  store.import_spend_csv(provider, spend_csv);
  store.import_headcount_csv(provider, headcount_csv);
  CHECK(store.export_applicants_csv(provider) == applicants_csv);
  CHECK(store.export_spend_csv(provider) == spend_csv);
  CHECK(store.export_headcount_csv(provider) == headcount_csv);
}

TEST_CASE_FIXTURE(ImportFixture,
                  "rows refer to the ids the store gives the names they create whatever those are" *
                      doctest::test_suite("sqlite-only")) {
  // A source, a service and a vacancy at SQLite's largest id: the next row of each table then
  // gets an id picked at random, not one more than the largest.
  store.sources().create(provider, {.name = "Newspaper", .channel = Channel::kOther});
  const Id old_service = store.services().create(provider, {.name = "Day centre"}).id;
  store.vacancies().create(
      provider, {.role = "Cook", .service_id = old_service, .opened_on = day("2025-01-01")});
  {
    SQLite::Database db(dir.file("tracker.db"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = OFF");
    for (const char* table : {"sources", "services", "vacancies"}) {
      db.exec(std::string("UPDATE ") + table + " SET id = 9223372036854775807");
    }
    db.exec("UPDATE vacancies SET service_id = 9223372036854775807");
  }

  const ImportSummary applicants_summary = store.import_applicants_csv(
      provider, std::string(kHeader) +
                    "A-001,Indeed,job_board,Care worker,Home care,2025-01-06,,,,,,,\n"
                    "A-002,Indeed,,Care worker,Home care,2025-01-03,,,,,,,\n");
  CHECK(applicants_summary.created == 2);
  CHECK(store.import_spend_csv(provider, "source,date,amount,note\nTotaljobs,2025-01-31,120,\n")
            .created == 1);
  CHECK(store
            .import_headcount_csv(
                provider, "date,service,staff,vacancies\n2025-01-31,Supported living,12,2\n")
            .created == 1);

  const auto id_of_source = [&](std::string_view name) {
    for (const Source& source : store.sources().list(provider).items) {
      if (source.name == name) return source.id;
    }
    FAIL("no source " << name);
    return Id{0};
  };
  const auto id_of_service = [&](std::string_view name) {
    for (const Service& service : store.services().list(provider).items) {
      if (service.name == name) return service.id;
    }
    FAIL("no service " << name);
    return Id{0};
  };
  Vacancy care_worker;
  for (const Vacancy& vacancy : store.vacancies().list(provider).items) {
    if (vacancy.role == "Care worker") care_worker = vacancy;
  }
  CHECK(care_worker.service_id == id_of_service("Home care"));
  CHECK(care_worker.opened_on == day("2025-01-03"));  // its earliest application
  const auto all = applicants();
  for (const char* reference : {"A-001", "A-002"}) {
    const Applicant& a = by_reference(all, reference);
    CHECK(a.source_id == id_of_source("Indeed"));
    CHECK(a.service_id == id_of_service("Home care"));
    CHECK(a.vacancy_id == care_worker.id);
  }
  // A-002 named no channel; A-001 gave Indeed its channel.
  for (const Source& source : store.sources().list(provider).items) {
    if (source.name == "Indeed") CHECK(source.channel == Channel::kJobBoard);
  }
  const auto spend = store.spend().list(provider).items;
  REQUIRE(spend.size() == 1);
  CHECK(spend[0].source_id == id_of_source("Totaljobs"));
  const auto headcounts = store.headcounts().list(provider).items;
  REQUIRE(headcounts.size() == 1);
  CHECK(headcounts[0].service_id == id_of_service("Supported living"));
}
