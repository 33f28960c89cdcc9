// Online backup: tracker::backup_database and `caretoolkit backup`. The copy is a consistent
// snapshot, taken while the server keeps writing; it opens as a Store, passes SQLite's integrity
// check, and holds every write acknowledged before the backup began. Bad requests are refused
// without touching anything. These are about the SQLite file and are not run again on PostgreSQL,
// whose databases are backed up with pg_dump: `caretoolkit backup` refuses one, saying so.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "reliability_support.hpp"
#include "test_server.hpp"
#include "tracker/backup.hpp"
#include "tracker/store.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

tracker::StoreOptions fixed_today() {
  tracker::StoreOptions options;
  options.today = [] { return *Date::parse("2025-12-31"); };
  return options;
}

// A store with one provider, one source and `applicants` applicants.
tracker::Id fill(tracker::Store& store, int applicants) {
  const auto provider = store.providers().create("Backup Care").id;
  const auto source =
      store.sources().create(provider, {0, 0, "Indeed", tracker::Channel::kJobBoard});
  for (int i = 0; i < applicants; ++i) {
    tracker::Applicant applicant;
    applicant.reference = "B-" + std::to_string(i);
    applicant.source_id = source.id;
    applicant.applied_on = *Date::parse("2025-01-06");
    store.applicants().create(provider, applicant);
  }
  return provider;
}

ErrorCode error_code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.code();
  }
  FAIL("expected a caretoolkit::Error");
  return ErrorCode::kInvalid;
}

}  // namespace

// SQLite's online backup of the file: not run again on PostgreSQL.
TEST_SUITE_BEGIN("sqlite-only");

TEST_CASE("a backup is a complete copy that opens as a store") {
  TempDir dir;
  const auto source = dir.path() / "live.db";
  const auto copy = dir.path() / "copy.db";
  tracker::Store store(source, fixed_today());
  const auto provider = fill(store, 500);

  const auto summary = tracker::backup_database(source, copy);
  CHECK(summary.pages > 0);
  CHECK(summary.bytes == static_cast<std::int64_t>(fs::file_size(copy)));
  CHECK_FALSE(fs::exists(dir.path() / "copy.db.partial"));
  CHECK(integrity_check(copy) == "ok");

  tracker::Store restored(copy, fixed_today());
  const auto data = restored.load_tracker_data(provider);
  REQUIRE(data.applicants.size() == 500);
  CHECK(data.applicants.front().reference == "B-0");
  CHECK(data.applicants.back().reference == "B-499");
  CHECK(restored.export_applicants_csv(provider) == store.export_applicants_csv(provider));
}

TEST_CASE("a backup refuses to overwrite unless asked and leaves nothing behind on refusal") {
  TempDir dir;
  const auto source = dir.path() / "live.db";
  const auto copy = dir.path() / "copy.db";
  tracker::Store store(source, fixed_today());
  fill(store, 3);
  { std::ofstream(copy) << "an older backup"; }

  CHECK(error_code_of([&] { tracker::backup_database(source, copy); }) == ErrorCode::kConflict);
  std::ifstream kept(copy);
  std::string content;
  std::getline(kept, content);
  CHECK(content == "an older backup");
  CHECK_FALSE(fs::exists(dir.path() / "copy.db.partial"));

  tracker::BackupOptions force;
  force.overwrite = true;
  tracker::backup_database(source, copy, force);
  CHECK(integrity_check(copy) == "ok");

  CHECK(error_code_of([&] { tracker::backup_database(dir.path() / "missing.db", copy, force); }) ==
        ErrorCode::kNotFound);
  CHECK(error_code_of([&] {
          tracker::backup_database(source, dir.path() / "no-such-folder" / "copy.db");
        }) == ErrorCode::kNotFound);
  CHECK(error_code_of([&] { tracker::backup_database(source, source, force); }) ==
        ErrorCode::kInvalid);
  const auto foreign = dir.path() / "foreign.db";
  SQLite::Database(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
      .exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
  CHECK(error_code_of([&] { tracker::backup_database(foreign, dir.path() / "f.db"); }) ==
        ErrorCode::kInvalid);
  CHECK_FALSE(fs::exists(dir.path() / "f.db"));
  const auto not_sqlite = dir.path() / "notes.db";
  { std::ofstream(not_sqlite) << "not a database at all\n"; }
  CHECK(error_code_of([&] { tracker::backup_database(not_sqlite, dir.path() / "n.db"); }) ==
        ErrorCode::kInvalid);
  CHECK_FALSE(fs::exists(dir.path() / "n.db"));
  CHECK_FALSE(fs::exists(dir.path() / "n.db.partial"));
}

TEST_CASE("caretoolkit backup copies a consistent database while the server takes writes") {
  TempDir dir;
  const auto database = dir.path() / "live.db";
  const std::string team_key = create_team_key(database.string());
  ServerProcess server(database.string());
  ProviderAccount provider;
  std::int64_t source_id = 0;
  {
    HttpClient client("127.0.0.1", server.port());
    provider = create_provider(client, team_key, "Busy Care");
    const auto source = send_json(client, "POST", "/api/v1/sources", provider.key,
                                  json::object{{"name", "Indeed"}, {"channel", "job_board"}});
    REQUIRE(source.status == 201);
    source_id = json::parse(source.body).at("id").as_int64();
  }

  // Writers run all the time; each acknowledged reference is recorded in order.
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::set<std::string> sent;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  writers.reserve(3);
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      HttpClient client("127.0.0.1", server.port());
      for (int n = 0; !stop; ++n) {
        std::string reference = "w";  // appended, as g++ 12 warns falsely on "w" + string
        reference += std::to_string(w) + "-" + std::to_string(n);
        {
          std::lock_guard lock(mutex);
          sent.insert(reference);
        }
        const auto response = send_json(client, "POST", "/api/v1/applicants", provider.key,
                                        json::object{{"reference", reference},
                                                     {"source_id", source_id},
                                                     {"applied_on", "2025-01-06"},
                                                     {"interviewed_on", "2025-01-09"}});
        if (response.status != 201) {
          ++failures;
          return;
        }
        std::lock_guard lock(mutex);
        acknowledged.push_back(reference);
      }
    });
  }

  std::this_thread::sleep_for(300ms);
  struct Copy {
    fs::path path;
    std::size_t acknowledged_before = 0;
  };
  std::vector<Copy> copies;
  for (int i = 0; i < 3; ++i) {
    Copy copy{dir.path() / ("backup-" + std::to_string(i) + ".db"), 0};
    {
      std::lock_guard lock(mutex);
      copy.acknowledged_before = acknowledged.size();
    }
    const auto backup = run_caretoolkit({"backup", "--db", database.string(), copy.path.string()});
    INFO(backup.second);
    REQUIRE(backup.first == 0);
    CHECK(backup.second.find("Backed up") != std::string::npos);
    copies.push_back(copy);
    std::this_thread::sleep_for(100ms);
  }
  stop = true;
  for (auto& writer : writers) writer.join();
  CHECK(failures == 0);
  CHECK(server.stop() == 0);

  for (const auto& copy : copies) {
    CAPTURE(copy.path);
    CHECK(integrity_check(copy.path) == "ok");
    tracker::Store restored(copy.path);
    const auto data = restored.load_tracker_data(provider.id);
    std::set<std::string> in_copy;
    for (const auto& applicant : data.applicants) {
      in_copy.insert(applicant.reference);
      CHECK(sent.count(applicant.reference) == 1);  // nothing that was never written
      CHECK(applicant.interviewed_on == Date::parse("2025-01-09"));  // each row whole
    }
    // Everything acknowledged before the backup started is in it.
    for (std::size_t i = 0; i < copy.acknowledged_before; ++i) {
      CHECK(in_copy.count(acknowledged[i]) == 1);
    }
    MESSAGE(copy.path.filename().string()
            << ": " << data.applicants.size() << " applicants, " << copy.acknowledged_before
            << " acknowledged before it began, of " << acknowledged.size() << " in all");
    CHECK(data.applicants.size() >= copy.acknowledged_before);
  }
  CHECK(copies.back().acknowledged_before > copies.front().acknowledged_before);

  // The command refuses to replace a file unless --force, and then replaces it.
  const auto [refused, refusal] =
      run_caretoolkit({"backup", "--db", database.string(), copies[0].path.string()});
  CHECK(refused == 2);
  CHECK(refusal.find("already exists; use --force") != std::string::npos);
  const auto forced =
      run_caretoolkit({"backup", "--db", database.string(), "--force", copies[0].path.string()});
  INFO(forced.second);
  CHECK(forced.first == 0);
  CHECK(integrity_check(copies[0].path) == "ok");
}

TEST_SUITE_END();

TEST_CASE("caretoolkit backup refuses a PostgreSQL database and names pg_dump instead") {
  TempDir dir;
  // On PostgreSQL a live store; otherwise an address that is refused before any connection is
  // tried, so it needs no server.
  const TestStoreLocation store(dir.path() / "unused.db");
  const std::string uri = stores_on_postgresql()
                              ? store.location()
                              : std::string("postgresql://caretoolkit@127.0.0.1:1/caretoolkit");
  if (stores_on_postgresql()) create_team_key(uri);
  const auto out = dir.path() / "copy.db";

  const auto [status, output] = run_caretoolkit({"backup", "--db", uri, out.string()});
  INFO(output);
  CHECK(status == 2);
  CHECK(contains(output, "is a PostgreSQL database"));
  CHECK(contains(output, "back it up with pg_dump"));
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(dir.path() / "copy.db.partial"));
}
