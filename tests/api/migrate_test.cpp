// caretoolkit migrate: a SQLite store full of a provider's real use (the example sheets, advert
// versions, page counts, a purge, checker settings, a profile, keys and a session) copied into an
// empty PostgreSQL database gives the same bytes for every report, in every form, and every
// export; ids carry on from where the file left them; and a database that already holds records
// is refused, unchanged.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "child_process.hpp"
#include "pg_test_database.hpp"
#include "tracker/store.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;

namespace {

std::string example(const std::string& name) {
  std::ifstream file(std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), {}};
}

// Two providers' records in a SQLite file, written through the server as an office would.
struct UsedStore {
  ApiFixture api;
  ProviderAccount brookfield = api.create_provider("Brookfield Home Care");
  ProviderAccount riverside = api.create_provider("Riverside Homes");

  UsedStore() {
    for (const auto& [form, file] : {std::pair{"applicants", "tracker/applicants.csv"},
                                     {"spend", "tracker/spend.csv"},
                                     {"headcounts", "tracker/headcount.csv"}}) {
      const auto imported = api.client.request("POST", std::string("/api/v1/import/") + form,
                                               example(file), "text/csv", api.auth(brookfield.key));
      REQUIRE(imported.status == 200);
    }
    publish_examples();
    // A page view and an apply click on a listed vacancy, counted for today.
    const auto vacancies = api.get("/api/v1/vacancies", brookfield.key);
    const auto id = std::to_string(vacancies.at("items").at(0).at("id").as_int64());
    CHECK(api.call("GET", "/vacancies/" + id, "").status == 200);
    CHECK(api.call("GET", "/vacancies/" + id + "/apply", "").status == 303);
    CHECK(api.call("PUT", "/api/v1/settings/checker", brookfield.key,
                   R"({"disabled_rules": ["jargon.bank-staff"]})")
              .status == 200);
    CHECK(api.call("PUT", "/api/v1/settings/profile", brookfield.key,
                   R"({"town": "Hinckley", "postcode_district": "LE10",
                       "description": "Home care across Hinckley and Bosworth."})")
              .status == 200);
    CHECK(api.call("POST", "/api/v1/sessions", brookfield.key, "").status == 201);
    for (const auto& [form, file] : {std::pair{"applicants", "tracker/applicants-excel-uk.csv"},
                                     {"spend", "tracker/spend-excel-uk.csv"},
                                     {"headcounts", "tracker/headcount-excel-uk.csv"}}) {
      const auto imported = api.client.request("POST", std::string("/api/v1/import/") + form,
                                               example(file), "text/csv", api.auth(riverside.key));
      REQUIRE(imported.status == 200);
    }
    CHECK(api.server.app().store().purge().applicants > 0);  // purged references to copy too
    api.server.stop();
  }

  void publish_examples() {
    const std::string base = "http://127.0.0.1:" + std::to_string(api.server.port());
    ChildProcess script("/bin/sh",
                        {"-c", R"(cd "$1" && bash examples/vacancies/publish.sh "$2" "$3")",
                         "publish.sh", CARETOOLKIT_SOURCE_DIR, base, brookfield.key});
    const int status = script.wait(std::chrono::seconds(60));
    INFO(script.output());
    REQUIRE(status == 0);
  }
};

// Every report of one provider and of the team, in each form, and each export: the arguments of
// the commands that print them.
std::vector<std::vector<std::string>> every_report_and_export() {
  std::vector<std::vector<std::string>> commands;
  const std::vector<std::string> period = {"--from",     "2025-01-01", "--to",
                                           "2025-12-31", "--as-of",    "2026-10-31"};
  for (const char* form : {"", "--json", "--csv"}) {
    for (const char* report : {"funnel", "roi", "retention", "workforce", "vacancies"}) {
      for (const char* provider : {"1", "2"}) {
        std::vector<std::string> command = {"report", report, "--provider", provider};
        command.insert(command.end(), period.begin(), period.end());
        if (*form != '\0') command.emplace_back(form);
        commands.push_back(command);
      }
    }
    for (const char* report : {"team", "team-vacancies"}) {
      std::vector<std::string> command = {"report", report};
      command.insert(command.end(), period.begin(), period.end());
      if (*form != '\0') command.emplace_back(form);
      commands.push_back(command);
    }
    std::vector<std::string> impact = {"report", "impact", "--as-of", "2026-10-31"};
    if (*form != '\0') impact.emplace_back(form);
    commands.push_back(impact);
  }
  for (const char* form : {"applicants", "spend", "headcount"}) {
    for (const char* provider : {"1", "2"}) {
      commands.push_back({"export", form, "--provider", provider});
    }
  }
  return commands;
}

std::pair<int, std::string> run_on(std::vector<std::string> command, const std::string& database) {
  command.insert(command.end(), {"--db", database});
  return run_caretoolkit(command);
}

}  // namespace

TEST_CASE("every report and export of a store copied into PostgreSQL is the original's") {
  UsedStore used;
  const std::string file = used.api.server.database();
  PgTestDatabase target;
  const auto [status, output] = run_caretoolkit({"migrate", "--from", file, "--to", target.uri()});
  INFO(output);
  REQUIRE(status == 0);
  CHECK(contains(output, "  providers: 2 rows\n"));
  CHECK(contains(output, "  advert_versions: 6 rows\n"));
  CHECK(contains(output, "  vacancy_counts: 1 row\n"));
  CHECK(contains(output, "  sessions: 1 row\n"));

  const auto commands = every_report_and_export();
  CHECK(commands.size() == 45);
  for (const auto& command : commands) {
    const auto original = run_on(command, file);
    const auto copy = run_on(command, target.uri());
    CAPTURE(command[0] + " " + command[1] + " " + command[3]);
    REQUIRE(original.first == 0);
    CHECK(copy.first == 0);
    CHECK(original.second.size() > 100);
    CHECK(copy.second == original.second);
  }
  // New records number on from the file's: a third provider is provider 3.
  const auto added = run_caretoolkit({"provider", "add", "Oak Lodge", "--db", target.uri()});
  CHECK(contains(added.second, "Provider 3 added"));
}

TEST_CASE("a PostgreSQL database that already holds records is refused and left as it was") {
  UsedStore used;
  const std::string file = used.api.server.database();
  PgTestDatabase target;
  REQUIRE(run_caretoolkit({"provider", "add", "Oak Lodge", "--db", target.uri()}).first == 0);
  const auto [status, output] = run_caretoolkit({"migrate", "--from", file, "--to", target.uri()});
  CHECK(status == 2);
  CHECK(contains(output, "already holds records (providers), so nothing was copied"));
  const auto listed = run_caretoolkit({"provider", "list", "--db", target.uri()});
  CHECK(contains(listed.second, "Oak Lodge"));
  CHECK_FALSE(contains(listed.second, "Brookfield"));
}

TEST_CASE("migrate refuses a password written into the address") {
  const auto [status, output] = run_caretoolkit(
      {"migrate", "--from", "data/none.db", "--to", "postgresql://ann:secret@db.example/care"});
  CHECK(status == 2);
  CHECK(contains(output, "the address holds a password"));
  CHECK(contains(output, "PGPASSWORD or ~/.pgpass"));
  CHECK_FALSE(contains(output, "secret"));
}
