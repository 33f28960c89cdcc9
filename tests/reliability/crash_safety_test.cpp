// Crash safety: the real binary is killed with SIGKILL while clients write through the API, then
// started again on the same database (a SQLite file, or a PostgreSQL database whose server keeps
// running: only caretoolkit is killed). Every write it acknowledged (2xx) must be there exactly as
// acknowledged, a write in flight must be there whole or not at all, and nothing else may appear.
// The same for a large CSV import: all of its rows or none.
//
// The kill moments come from a seeded generator; the seed is printed, and setting
// CARETOOLKIT_CRASH_SEED replays a run.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <thread>

#include "reliability_support.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

std::uint32_t crash_seed() {
  if (const char* seed = std::getenv("CARETOOLKIT_CRASH_SEED")) {
    return static_cast<std::uint32_t>(std::stoul(seed));
  }
  return std::random_device{}();
}

// One client thread's view of what the server has promised. Each thread writes its own
// applicants one after another: create, then the interviewed, offered and started events.
struct ClientHistory {
  std::map<std::string, json::object> acknowledged;  // reference -> the applicant as last acked
  // The write that was sent but not answered when the server died: its applicant's reference and
  // the fields it sets.
  std::optional<std::string> pending_reference;
  json::object pending_fields;
  bool pending_create = false;
  std::string unexpected;  // a non-2xx answer, which no write here should get
  int acknowledged_writes = 0;
};

struct Event {
  const char* stage;
  const char* field;
  const char* on;
};
constexpr Event kEvents[] = {{"interviewed", "interviewed_on", "2025-01-10"},
                             {"offered", "offered_on", "2025-01-12"},
                             {"started", "started_on", "2025-02-01"}};

// Writes until the server stops answering (it has been killed) or `stop` is set.
void write_until_killed(unsigned short port, const std::string& key, std::int64_t source_id,
                        const std::string& prefix, ClientHistory& history,
                        const std::atomic<bool>& stop) {
  try {
    HttpClient client("127.0.0.1", port, 10s);
    for (int n = 0; !stop; ++n) {
      const std::string reference = prefix + "-" + std::to_string(n);
      json::object create{{"reference", reference},
                          {"source_id", source_id},
                          {"applied_on", "2025-01-06"},
                          {"prior_sector", "retail"}};
      history.pending_reference = reference;
      history.pending_fields = create;
      history.pending_create = true;
      auto response = send_json(client, "POST", "/api/v1/applicants", key, create);
      if (response.status != 201) {
        history.unexpected =
            "create " + reference + ": " + std::to_string(response.status) + " " + response.body;
        return;
      }
      auto applicant = json::parse(response.body).as_object();
      const std::string path =
          "/api/v1/applicants/" + std::to_string(applicant.at("id").as_int64());
      history.acknowledged[reference] = applicant;
      ++history.acknowledged_writes;

      for (const Event& event : kEvents) {
        if (stop) break;
        history.pending_fields = json::object{{event.field, event.on}};
        history.pending_create = false;
        response = send_json(client, "POST", path + "/events", key,
                             json::object{{"stage", event.stage}, {"on", event.on}});
        if (response.status != 201) {
          history.unexpected = "event " + reference + " " + event.stage + ": " +
                               std::to_string(response.status) + " " + response.body;
          return;
        }
        history.acknowledged[reference] = json::parse(response.body).as_object();
        ++history.acknowledged_writes;
      }
      history.pending_reference.reset();
    }
  } catch (const std::exception&) {
    // The server died mid-request: what was pending stays pending.
  }
}

// SQLite's own check that the file is sound after the kills. PostgreSQL has no check of a whole
// database, and its server was never killed: the checks of the rows above are all there is.
void check_sqlite_file(const std::string& database) {
  if (!stores_on_postgresql()) CHECK(integrity_check(database) == "ok");
}

// True when `actual` has every member of `fields` with the same value.
bool has_fields(const json::object& actual, const json::object& fields) {
  for (const auto& [name, value] : fields) {
    const auto* found = actual.if_contains(name);
    if (found == nullptr || *found != value) return false;
  }
  return true;
}

// Checks the server's applicants against every client's history; returns the problems found.
std::vector<std::string> verify(const std::vector<json::object>& stored,
                                const std::vector<ClientHistory>& histories) {
  std::map<std::string, const json::object*> by_reference;
  for (const auto& applicant : stored) {
    by_reference[std::string(applicant.at("reference").as_string())] = &applicant;
  }
  std::vector<std::string> problems;
  std::size_t accounted = 0;
  for (const auto& history : histories) {
    for (const auto& [reference, acked] : history.acknowledged) {
      const auto found = by_reference.find(reference);
      if (found == by_reference.end()) {
        problems.push_back("acknowledged applicant " + reference + " is missing");
        continue;
      }
      ++accounted;
      const json::object& actual = *found->second;
      if (actual == acked) continue;
      // Only the write in flight may have changed it, and then wholly. The stage is worked out
      // from the dates, so it is compared through them.
      json::object applied = acked;
      for (const auto& [name, value] : history.pending_fields) applied[name] = value;
      json::object actual_fields = actual;
      applied.erase("stage");
      actual_fields.erase("stage");
      const bool in_flight = history.pending_reference == reference && !history.pending_create;
      if (!in_flight || actual_fields != applied) {
        problems.push_back("applicant " + reference + " is " + json::serialize(actual) +
                           ", acknowledged as " + json::serialize(acked));
      }
    }
    if (history.pending_create && history.pending_reference) {
      const auto found = by_reference.find(*history.pending_reference);
      if (found != by_reference.end()) {
        ++accounted;
        if (!has_fields(*found->second, history.pending_fields)) {
          problems.push_back("unacknowledged applicant " + *history.pending_reference +
                             " is half-written: " + json::serialize(*found->second));
        }
      }
    }
  }
  if (accounted != stored.size()) {
    problems.push_back(std::to_string(stored.size() - accounted) +
                       " stored applicants were never written by a client");
  }
  return problems;
}

}  // namespace

TEST_CASE("every acknowledged write survives SIGKILL and nothing is half-written in 20 rounds") {
  constexpr int kRounds = 20;
  constexpr int kClients = 4;
  const std::uint32_t seed = crash_seed();
  MESSAGE("crash seed " << seed << " (set CARETOOLKIT_CRASH_SEED to replay)");
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after_ms(30, 400);

  TempDir dir;
  const TestStoreLocation store(dir.path() / "crash.db");
  const std::string& database = store.location();
  const std::string team_key = create_team_key(database);
  auto server = std::make_unique<ServerProcess>(database);
  ProviderAccount provider;
  std::int64_t source_id = 0;
  {
    HttpClient client("127.0.0.1", server->port());
    provider = create_provider(client, team_key, "Crash Test Care");
    const auto source = send_json(client, "POST", "/api/v1/sources", provider.key,
                                  json::object{{"name", "Indeed"}, {"channel", "job_board"}});
    REQUIRE(source.status == 201);
    source_id = json::parse(source.body).at("id").as_int64();
  }

  std::vector<ClientHistory> histories;  // every client of every round
  int total_writes = 0;
  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    const std::size_t first = histories.size();
    histories.resize(first + kClients);
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      std::string prefix = "r";  // built by appending: g++ 12 warns falsely on "r" + string
      prefix += std::to_string(round) + "c" + std::to_string(c);
      clients.emplace_back(write_until_killed, server->port(), provider.key, source_id, prefix,
                           std::ref(histories[first + static_cast<std::size_t>(c)]),
                           std::cref(stop));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
    server->kill();
    stop = true;
    for (auto& client : clients) client.join();

    server = std::make_unique<ServerProcess>(database);
    HttpClient client("127.0.0.1", server->port());
    const auto stored = list_all(client, "/api/v1/applicants", provider.key);
    int round_writes = 0;
    for (std::size_t i = first; i < histories.size(); ++i) {
      INFO("client " << i - first);
      CHECK(histories[i].unexpected == "");
      round_writes += histories[i].acknowledged_writes;
    }
    total_writes += round_writes;
    const auto problems = verify(stored, histories);
    for (const auto& problem : problems) FAIL_CHECK(problem);
    REQUIRE(problems.empty());
    MESSAGE("round " << round << ": " << round_writes << " writes acknowledged before the kill, "
                     << stored.size() << " applicants stored, all as acknowledged");
  }
  CHECK(total_writes > kRounds);  // the kills landed while writes were flowing
  CHECK(server->stop() == 0);
  check_sqlite_file(database);
}

TEST_CASE("a CSV import killed part-way leaves all of its rows or none") {
  constexpr int kRows = 30000;
  constexpr double kKillAt[] = {0.2, 0.4, 0.6, 0.8};
  const std::uint32_t seed = crash_seed();
  MESSAGE("crash seed " << seed << " (set CARETOOLKIT_CRASH_SEED to replay)");
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> jitter(0.9, 1.1);

  std::string csv =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n";
  for (int i = 0; i < kRows; ++i) {
    csv += "I-" + std::to_string(i) +
           ",Indeed,job_board,Care worker,Home care,2025-01-06,2025-01-" +
           std::to_string(10 + i % 10) + ",,,,,\n";
  }
  const auto count_rows = [](HttpClient& client, const std::string& key) {
    const auto exported = client.get("/api/v1/export/applicants.csv", bearer(key));
    REQUIRE(exported.status == 200);
    return static_cast<int>(std::count(exported.body.begin(), exported.body.end(), '\n')) - 1;
  };
  const std::vector<std::string> big_bodies = {"--body-limit-kib", "65536"};

  TempDir dir;
  const TestStoreLocation store(dir.path() / "import.db");
  const std::string& database = store.location();
  const std::string team_key = create_team_key(database);
  auto server = std::make_unique<ServerProcess>(database, big_bodies);

  // How long a whole import takes here, so that the kills land inside one.
  std::chrono::duration<double> import_time{};
  {
    HttpClient client("127.0.0.1", server->port(), 120s);
    const auto provider = create_provider(client, team_key, "Timing Care");
    const auto started = std::chrono::steady_clock::now();
    const auto response =
        client.request("POST", "/api/v1/import/applicants", csv, "text/csv", bearer(provider.key));
    import_time = std::chrono::steady_clock::now() - started;
    REQUIRE(response.status == 200);
    CHECK(json::parse(response.body).at("created").as_int64() == kRows);
    CHECK(count_rows(client, provider.key) == kRows);
  }
  MESSAGE("a " << kRows << "-row import takes " << import_time.count() * 1000 << " ms");

  for (const double fraction : kKillAt) {
    CAPTURE(fraction);
    ProviderAccount provider;
    {
      HttpClient client("127.0.0.1", server->port());
      provider = create_provider(client, team_key, "Import Care " + std::to_string(fraction));
    }
    std::optional<unsigned> answered;
    std::thread importer([&] {
      try {
        HttpClient client("127.0.0.1", server->port(), 120s);
        answered =
            client
                .request("POST", "/api/v1/import/applicants", csv, "text/csv", bearer(provider.key))
                .status;
      } catch (const std::exception&) {
        // killed before it answered
      }
    });
    std::this_thread::sleep_for(import_time * fraction * jitter(random));
    server->kill();
    importer.join();

    server = std::make_unique<ServerProcess>(database, big_bodies);
    HttpClient client("127.0.0.1", server->port());
    const int stored = count_rows(client, provider.key);
    MESSAGE("killed at " << fraction * 100 << "% of an import: "
                         << (answered ? "answered " + std::to_string(*answered) : "no answer")
                         << ", " << stored << " rows stored");
    CHECK((stored == 0 || stored == kRows));
    if (answered == 200u) CHECK(stored == kRows);
  }
  CHECK(server->stop() == 0);
  check_sqlite_file(database);
}
