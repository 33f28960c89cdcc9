// Migration 4: a file written by an earlier version, with text as it was stored then (trailing
// no-break spaces, runs of spaces, decomposed accents, control characters), is opened by the
// Store and every text field is found in its stored form, with names and references that now
// collide settled by the rule in text_migration.hpp.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "tracker/schema.hpp"
#include "tracker/text_migration.hpp"
#include "tracker/validation.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

// The SQLite file itself: not run again on PostgreSQL.
TEST_SUITE_BEGIN("sqlite-only");

namespace {

constexpr int kLastVersionBeforeStoredText = 3;

// A file at schema version 3 holding one provider (id 1), filled by `fill` with SQL as an
// earlier version wrote it. A trigger logs every row an UPDATE touches, to show which rows the
// migration wrote.
template <class Fill>
std::filesystem::path old_file(const ScratchDir& dir, Fill&& fill) {
  auto path = dir.file("old.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(db, kLastVersionBeforeStoredText);
  db.exec("INSERT INTO providers (id, name, created_on) VALUES (1, 'Old Oak Care', '2024-01-02')");
  db.exec("CREATE TABLE written (row TEXT)");
  for (const char* table :
       {"providers", "sources", "services", "spend", "vacancies", "applicants", "api_keys"}) {
    const std::string t = table;
    std::string trigger = "CREATE TRIGGER written_";
    trigger.append(t).append(" AFTER UPDATE ON ").append(t);
    trigger.append(" BEGIN INSERT INTO written VALUES ('").append(t).append(" ' || new.id); END");
    db.exec(trigger);
  }
  fill(db);
  return path;
}

std::vector<std::string> rows_written(const std::filesystem::path& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT DISTINCT row FROM written ORDER BY row");
  std::vector<std::string> out;
  while (query.executeStep()) out.push_back(query.getColumn(0).getString());
  return out;
}

void add_source(SQLite::Database& db, int id, const std::string& name, const char* channel,
                bool known = true) {
  SQLite::Statement insert(db,
                           "INSERT INTO sources (id, provider_id, name, channel, channel_known) "
                           "VALUES (?, 1, ?, ?, ?)");
  insert.bind(1, id);
  insert.bind(2, name);
  insert.bind(3, channel);
  insert.bind(4, known ? 1 : 0);
  insert.exec();
}

void add_service(SQLite::Database& db, int id, const std::string& name, const char* type) {
  SQLite::Statement insert(
      db, "INSERT INTO services (id, provider_id, name, type) VALUES (?, 1, ?, ?)");
  insert.bind(1, id);
  insert.bind(2, name);
  insert.bind(3, type);
  insert.exec();
}

void add_applicant(SQLite::Database& db, int id, const std::string& reference, int source,
                   const char* applied_on = "2025-01-06") {
  SQLite::Statement insert(db,
                           "INSERT INTO applicants (id, provider_id, reference, source_id, "
                           "applied_on) VALUES (?, 1, ?, ?, ?)");
  insert.bind(1, id);
  insert.bind(2, reference);
  insert.bind(3, source);
  insert.bind(4, applied_on);
  insert.exec();
}

void add_spend(SQLite::Database& db, int source, const char* on, int pence,
               const std::string& note = "") {
  SQLite::Statement insert(db,
                           "INSERT INTO spend (provider_id, source_id, spent_on, amount_pence, "
                           "note) VALUES (1, ?, ?, ?, ?)");
  insert.bind(1, source);
  insert.bind(2, on);
  insert.bind(3, pence);
  insert.bind(4, note);
  insert.exec();
}

void add_headcount(SQLite::Database& db, int service, const char* on, int staff) {
  SQLite::Statement insert(db,
                           "INSERT INTO headcounts (provider_id, taken_on, service_id, staff, "
                           "vacancies) VALUES (1, ?, ?, ?, 0)");
  insert.bind(1, on);
  insert.bind(2, service);
  insert.bind(3, staff);
  insert.exec();
}

std::vector<std::string> source_names(const Store& store) {
  std::vector<std::string> out;
  for (const Source& s : store.sources().list(1).items) out.push_back(s.name);
  return out;
}

std::vector<std::string> references(const Store& store) {
  std::vector<std::string> out;
  for (const Applicant& a : store.applicants().list(1, {}, {.limit = 1000}).items) {
    out.push_back(a.reference);
  }
  return out;
}

Pence spend_of(const Store& store, Id source) {
  Pence total;
  for (const SpendEntry& e : store.spend().list(1, {.source_id = source}, {.limit = 1000}).items) {
    total += e.amount;
  }
  return total;
}

}  // namespace

TEST_CASE("old text is rewritten in its stored form and only rows that change are written") {
  ScratchDir dir;
  const auto path = old_file(dir, [](SQLite::Database& db) {
    db.exec("UPDATE providers SET name = 'Old Oak\u00A0 Care ' WHERE id = 1");
    add_source(db, 1, "Job\u3000Centre\u00A0Plus", "jobcentre_plus");
    add_source(db, 2, "Indeed", "job_board");
    add_service(db, 1, "Cafe\u0301 Court", "residential");
    db.exec(
        "INSERT INTO vacancies (id, provider_id, role, opened_on, advert_text) VALUES "
        "(1, 1, 'Care  Worker\u00A0', '2025-01-01', '  We pay\tweekly.\n\u00A0'), "
        "(2, 1, 'Cook', '2025-01-01', NULL)");
    add_applicant(db, 1, "BHC-0001\u00A0", 1);
    add_applicant(db, 2, "BHC-0002", 2);
    db.exec(
        "UPDATE applicants SET interviewed_on = '2025-01-08', offered_on = '2025-01-09', "
        "started_on = '2025-01-10', left_on = '2025-02-01', "
        "left_reason = 'Moved to Cafe\u0301 work\u00A0', prior_sector = ' retail   shop' "
        "WHERE id = 1");
    add_spend(db, 2, "2025-01-01", 10000, "January\u00A0");
    add_spend(db, 2, "2025-02-01", 20000, "February");
    db.exec(
        "INSERT INTO api_keys (id, provider_id, role, public_id, secret_sha256, label, "
        "created_at) VALUES (1, 1, 'provider', 'abcdefgh', zeroblob(32), 'Office\u00A0 PC', "
        "'2025-01-01T00:00:00Z')");
  });
  Store store(path, fixed_today());

  CHECK(store.providers().get(1).name == "Old Oak Care");
  CHECK(source_names(store) == std::vector<std::string>{"Job Centre Plus", "Indeed"});
  CHECK(store.services().get(1, 1).name == "Caf\u00E9 Court");
  const Vacancy care = store.vacancies().get(1, 1);
  CHECK(care.role == "Care Worker");
  CHECK(care.advert_text == "We pay\tweekly.");
  const Applicant first = store.applicants().get(1, 1);
  CHECK(first.reference == "BHC-0001");
  CHECK(first.left_reason == "Moved to Caf\u00E9 work");
  CHECK(first.prior_sector == "retail shop");
  CHECK(store.spend().list(1).items.front().note == "January");
  CHECK(store.list_api_keys(1).items.front().label == "Office PC");
  // Vacancy 2, applicant 2, source 2 and the February spend row were already in their form.
  CHECK(rows_written(path) == std::vector<std::string>{"api_keys 1", "applicants 1", "providers 1",
                                                       "services 1", "sources 1", "spend 1",
                                                       "vacancies 1"});
}

TEST_CASE("control characters in old text become a space or a visible replacement mark") {
  ScratchDir dir;
  const auto path = old_file(dir, [](SQLite::Database& db) {
    add_source(db, 1, "Indeed\tUK", "job_board");
    add_source(db, 2, "Refer\na friend", "staff_referral");
    add_source(db, 3, "Bell\x07 ringers", "other");
    add_source(db, 4, "Caf\xE9", "other");  // Latin-1, not UTF-8
    add_source(db, 5, "\u00A0", "other");
    add_applicant(db, 1,
                  "A\x01"
                  "B",
                  1);
    add_spend(db, 1, "2025-01-01", 100, "line one\r\nline two\x0C\x1B end\t");
  });
  Store store(path, fixed_today());

  CHECK(source_names(store) == std::vector<std::string>{"Indeed UK", "Refer a friend",
                                                        "Bell\uFFFD ringers", "Caf\uFFFD",
                                                        std::string(kBlankText)});
  CHECK(references(store) == std::vector<std::string>{"A\uFFFD"
                                                      "B"});
  // Notes keep their tabs and line breaks; a form feed is white space and ESC is not.
  CHECK(store.spend().list(1).items.front().note == "line one\r\nline two \uFFFD end");
}

TEST_CASE("sources that now share a name are merged into the oldest when their channels agree") {
  ScratchDir dir;
  const auto path = old_file(dir, [](SQLite::Database& db) {
    add_source(db, 1, "Indeed", "job_board");
    add_source(db, 2, "Caf\u00E9 Jobs", "other", /*known=*/false);  // from a spend sheet
    add_source(db, 3, "Indeed\u00A0", "job_board");
    add_source(db, 4, "CAFE\u0301 JOBS", "job_board");
    add_applicant(db, 1, "A-1", 1);
    add_applicant(db, 2, "A-2", 3);
    add_applicant(db, 3, "A-3", 4);
    add_spend(db, 1, "2025-01-01", 10000);
    add_spend(db, 3, "2025-02-01", 25000);
    add_spend(db, 2, "2025-01-01", 5000);
  });
  Store store(path, fixed_today());

  CHECK(source_names(store) == std::vector<std::string>{"Indeed", "Caf\u00E9 Jobs"});
  CHECK(store.applicants().get(1, 2).source_id == 1);
  CHECK(store.applicants().get(1, 3).source_id == 2);
  CHECK(spend_of(store, 1) == Pence{35000});
  CHECK(spend_of(store, 2) == Pence{5000});
  // The source a spend sheet made takes the channel the merged one knew.
  const Source cafe = store.sources().get(1, 2);
  CHECK(cafe.channel == Channel::kJobBoard);
  CHECK(cafe.channel_known);
}

TEST_CASE("a later name that cannot be merged gets the lowest free number after it") {
  ScratchDir dir;
  const auto path = old_file(dir, [](SQLite::Database& db) {
    add_source(db, 1, "Facebook", "social_media");
    add_source(db, 2, "facebook (2)", "social_media");
    add_source(db, 3, "FACEBOOK\u00A0", "job_board");
    add_applicant(db, 1, "A-1", 3);
    add_service(db, 1, "Riverside", "residential");
    add_service(db, 2, "RIVERSIDE\u00A0", "residential");
    add_service(db, 3, "Hilltop", "home_care");
    add_service(db, 4, "hilltop ", "nursing");
    add_headcount(db, 1, "2025-03-31", 40);
    add_headcount(db, 2, "2025-03-31", 12);
  });
  Store store(path, fixed_today());

  // Another channel: merging would move A-1's application to social media.
  CHECK(source_names(store) ==
        std::vector<std::string>{"Facebook", "facebook (2)", "FACEBOOK (3)"});
  CHECK(store.applicants().get(1, 1).source_id == 3);
  // The same day's headcount for both, and another type: both kept, numbered.
  std::vector<std::string> services;
  for (const Service& s : store.services().list(1).items) services.push_back(s.name);
  CHECK(services ==
        std::vector<std::string>{"Riverside", "RIVERSIDE (2)", "Hilltop", "hilltop (2)"});
  CHECK(store.headcounts().list(1).items.size() == 2);
}

TEST_CASE("references that now read the same keep the oldest and number the later ones") {
  ScratchDir dir;
  const std::string long_reference(99, 'R');
  const auto path = old_file(dir, [&](SQLite::Database& db) {
    add_source(db, 1, "Indeed", "job_board");
    add_applicant(db, 1, "BHC-0001", 1);
    add_applicant(db, 2, "BHC-0001\u00A0", 1, "2025-02-01");
    add_applicant(db, 3, " BHC-0001", 1, "2025-03-01");
    add_applicant(db, 4, long_reference, 1);
    add_applicant(db, 5, long_reference + "\u00A0", 1);
    add_applicant(db, 6, "bhc-0001\u00A0", 1);  // references differ in case
  });
  Store store(path, fixed_today());

  CHECK(references(store) == std::vector<std::string>{"BHC-0001", "BHC-0001 (2)", "BHC-0001 (3)",
                                                      long_reference, std::string(96, 'R') + " (2)",
                                                      "bhc-0001"});
  CHECK(store.applicants().get(1, 2).applied_on == day("2025-02-01"));
}

TEST_CASE("a sheet imported again after the migration matches the old applicants and adds none") {
  ScratchDir dir;
  // As an earlier version stored this sheet: the cells' no-break spaces kept.
  const auto path = old_file(dir, [](SQLite::Database& db) {
    add_source(db, 1, "Indeed\u00A0", "job_board");
    add_source(db, 2, "Facebook", "social_media");
    add_applicant(db, 1, "BHC-0001\u00A0", 1, "2025-01-06");
    add_applicant(db, 2, "BHC-0002", 2, "2025-01-07");
    add_applicant(db, 3, "Bhc-0003\u00A0 ", 1, "2025-01-08");
  });
  Store store(path, fixed_today());

  const std::string sheet =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n"
      "BHC-0001\u00A0,Indeed\u00A0,job_board,,,2025-01-06,,,,,,\n"
      "BHC-0002,Facebook,social_media,,,2025-01-07,,,,,,\n"
      "Bhc-0003,INDEED,job_board,,,2025-01-08,,,,,,\n";
  const ImportSummary summary = store.import_applicants_csv(1, sheet);
  CHECK(summary.created == 0);
  CHECK(summary.unchanged == 3);
  CHECK(summary.new_sources.empty());
  CHECK(references(store) == std::vector<std::string>{"BHC-0001", "BHC-0002", "Bhc-0003"});
}

TEST_CASE("a numbered name is cut by characters to fit its limit") {
  CHECK(numbered_name("Indeed", 2, 200) == "Indeed (2)");
  CHECK(numbered_name("Indeed", 12, 200) == "Indeed (12)");
  // Cut to leave room: no space before the number twice.
  CHECK(numbered_name("ab cd", 2, 7) == "ab (2)");
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\u00E9";
  const std::string numbered = numbered_name(accents, 2, 200);
  CHECK(count_characters(numbered) == 200);
  CHECK(numbered.substr(numbered.size() - 4) == " (2)");
}

TEST_CASE("old text is repaired into text the checks accept") {
  CHECK(repair_text("Care\r\nWorker", TextKind::kName, 200) == "Care Worker");
  CHECK(repair_text("Care\r\nWorker", TextKind::kNote, 1000) == "Care\r\nWorker");
  CHECK(repair_text("A\x7F"
                    "B\u0085C",
                    TextKind::kName, 200) ==
        "A\uFFFD"
        "B C");
  CHECK(repair_text("\xFF\xFE", TextKind::kNote, 1000) == "\uFFFD\uFFFD");
  CHECK(repair_text("Cafe\u0301", TextKind::kName, 200) == "Caf\u00E9");
  // U+0958 has no composed form: NFC writes it as two characters, one too many for a limit of 1.
  CHECK(repair_text("\u0958", TextKind::kName, 2) == "\u0915\u093C");
  CHECK(repair_text("\u0958 ", TextKind::kName, 1) == "\u0958");
  Problems problems;
  check_text(repair_text("A\x01\x02\t\n\x1B", TextKind::kNote, 1000), TextKind::kNote, "note",
             "note", problems);
  CHECK(problems.empty());
}

TEST_SUITE_END();
