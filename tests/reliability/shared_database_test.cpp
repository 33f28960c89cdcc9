// Two caretoolkit servers sharing one database, as an operator runs several behind a load balancer:
// writes through both are each kept exactly once, conflicting writes made at the same moment are
// applied one after the other (the second is refused, saying why), an import is applied whole or
// not at all, and revoking a key or signing out through one server holds on the other at once.
// Runs on both back ends: SQLite lets several processes share the file (writes wait for its lock),
// and on PostgreSQL every server's writes take one advisory lock.
#include <doctest/doctest.h>

#include <array>
#include <functional>
#include <latch>
#include <map>
#include <sstream>
#include <thread>

#include "reliability_support.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

// Two servers on one database, and a provider with a source made through the first.
struct SharedDatabase {
  TempDir dir;
  TestStoreLocation store{dir.path() / "shared.db"};
  std::string team_key = create_team_key(store.location());
  ServerProcess a{store.location()};
  ServerProcess b{store.location()};
  ProviderAccount provider;
  std::int64_t source_id = 0;

  SharedDatabase() {
    HttpClient client("127.0.0.1", a.port());
    provider = add_provider(client, "Two Servers Care");
    const auto source = send_json(client, "POST", "/api/v1/sources", provider.key,
                                  json::object{{"name", "Indeed"}, {"channel", "job_board"}});
    REQUIRE(source.status == 201);
    source_id = json::parse(source.body).at("id").as_int64();
  }

  ProviderAccount add_provider(HttpClient& client, const std::string& name) const {
    return create_provider(client, team_key, name);
  }
  // Server `which` (0: a, 1: b).
  unsigned short port(int which) const { return which % 2 == 0 ? a.port() : b.port(); }
};

// True when a refused write may be sent again: 503 with Retry-After, nothing changed.
bool retryable(const HttpResult& response) {
  return response.status == 503 && !response.header("Retry-After").empty();
}

// An answer, and when its request was sent and answered.
struct TimedAnswer {
  HttpResult result;
  Clock::time_point sent, answered;
};

// Whether two requests were in the servers' hands at the same time.
bool overlapped(const TimedAnswer& one, const TimedAnswer& other) {
  return one.sent < other.answered && other.sent < one.answered;
}

// Makes both requests at the same moment, each from a thread of its own (each on a connection
// opened beforehand); returns their answers in the same order.
std::array<TimedAnswer, 2> send_together(
    const std::array<std::function<HttpResult()>, 2>& requests) {
  std::array<TimedAnswer, 2> answers;
  std::latch ready(2);
  const auto send = [&](std::size_t which) {
    ready.arrive_and_wait();
    answers[which].sent = Clock::now();
    answers[which].result = requests[which]();
    answers[which].answered = Clock::now();
  };
  std::thread first(send, 0);
  std::thread second(send, 1);
  first.join();
  second.join();
  return answers;
}

std::string describe(const HttpResult& response) {
  return std::to_string(response.status) + " " + response.body;
}

// What one writer was told.
struct WriterLog {
  std::vector<std::string> acknowledged;  // 201
  std::vector<std::string> retryable;     // 503 with Retry-After: must not be stored
  std::string unexpected;                 // any other answer, or an exception
};

void write_applicants(unsigned short port, const std::string& key, std::int64_t source_id,
                      const std::string& prefix, int count, Clock::time_point deadline,
                      WriterLog& log) {
  try {
    HttpClient client("127.0.0.1", port, 30s);
    for (int n = 0; n < count && Clock::now() < deadline; ++n) {
      const std::string reference = prefix + "-" + std::to_string(n);
      const auto response = send_json(
          client, "POST", "/api/v1/applicants", key,
          json::object{
              {"reference", reference}, {"source_id", source_id}, {"applied_on", "2025-03-03"}});
      if (response.status == 201) {
        log.acknowledged.push_back(reference);
      } else if (retryable(response)) {
        log.retryable.push_back(reference);
      } else {
        log.unexpected = reference + ": " + describe(response);
        return;
      }
    }
  } catch (const std::exception& e) {
    log.unexpected = e.what();
  }
}

// How many times each reference is stored, read through the server on `port`.
std::map<std::string, int> stored_references(unsigned short port, const std::string& key) {
  HttpClient client("127.0.0.1", port, 30s);
  std::map<std::string, int> counts;
  for (const auto& applicant : list_all(client, "/api/v1/applicants", key)) {
    ++counts[std::string(applicant.at("reference").as_string())];
  }
  return counts;
}

// An applicant that has been offered a job, made through server a; returns its path.
std::string offered_applicant(const SharedDatabase& shared, HttpClient& client,
                              const std::string& reference) {
  const auto created = send_json(client, "POST", "/api/v1/applicants", shared.provider.key,
                                 json::object{{"reference", reference},
                                              {"source_id", shared.source_id},
                                              {"applied_on", "2025-01-06"},
                                              {"interviewed_on", "2025-01-10"},
                                              {"offered_on", "2025-01-14"}});
  REQUIRE(created.status == 201);
  return "/api/v1/applicants/" + std::to_string(json::parse(created.body).at("id").as_int64());
}

// Checks that the applicant at `path`, read through `client`, has started work and is not
// rejected, or (`started` false) the other way round.
void check_ended_as(HttpClient& client, const std::string& path, const std::string& key,
                    bool started) {
  const auto read = client.get(path, bearer(key));
  REQUIRE(read.status == 200);
  const auto applicant = json::parse(read.body).as_object();
  INFO(read.body);
  CHECK(applicant.at("stage") == (started ? "started" : "rejected"));
  CHECK(applicant.at("outcome") == (started ? "" : "rejected"));
  if (started) {
    CHECK(applicant.at("started_on") == "2025-02-01");
  } else {
    CHECK(applicant.at("started_on").is_null());
  }
}

// An applicants file whose rows C-0 ... all end in `ending`: "rejected" after the offer, or
// "started" on 2025-02-01. Either file imported over the other would change recorded history.
std::string applicants_file(int rows, const std::string& ending) {
  std::string csv =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n";
  const bool started = ending == "started";
  for (int i = 0; i < rows; ++i) {
    csv += "C-" + std::to_string(i) + ",Indeed,job_board,Care worker,Home care,2025-01-06," +
           "2025-01-10,2025-01-14," + (started ? "2025-02-01" : "") + ",,," +
           (started ? "" : "rejected") + "\n";
  }
  return csv;
}

// The stored applicants as an export lists them: how many rows end each way ("started",
// "rejected", or "other" for anything else, such as both at once).
std::map<std::string, int> endings_in_export(HttpClient& client, const std::string& key) {
  const auto exported = client.get("/api/v1/export/applicants.csv", bearer(key));
  REQUIRE(exported.status == 200);
  std::istringstream lines(exported.body);
  std::string line;
  std::getline(lines, line);
  REQUIRE(
      line.starts_with("reference,source,channel,vacancy,service,applied_on,interviewed_on,"
                       "offered_on,started_on,left_on,left_reason,outcome"));
  std::map<std::string, int> endings;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    cells.resize(12);
    const bool started = cells[8] == "2025-02-01";
    const bool rejected = cells[11] == "rejected";
    ++endings[started && !rejected ? "started" : rejected && !started ? "rejected" : "other"];
  }
  return endings;
}

}  // namespace

TEST_CASE("writes through two servers on one database are each kept exactly once") {
  constexpr int kWritersPerServer = 3;
  constexpr int kWritesEach = 80;
  SharedDatabase shared;
  const auto started = Clock::now();
  const auto deadline = started + 60s;

  std::vector<WriterLog> logs(2 * kWritersPerServer);
  std::vector<std::thread> writers;
  for (int w = 0; w < 2 * kWritersPerServer; ++w) {
    std::string prefix = "S";  // appended, as g++ 12 warns falsely on "S" + string
    prefix += std::to_string(w % 2) + "W" + std::to_string(w);
    writers.emplace_back(write_applicants, shared.port(w), shared.provider.key, shared.source_id,
                         prefix, kWritesEach, deadline,
                         std::ref(logs[static_cast<std::size_t>(w)]));
  }
  for (auto& writer : writers) writer.join();

  std::size_t acknowledged = 0;
  std::size_t refused = 0;
  for (const auto& log : logs) {
    CHECK(log.unexpected == "");
    acknowledged += log.acknowledged.size();
    refused += log.retryable.size();
  }
  MESSAGE(acknowledged << " applicants acknowledged and " << refused
                       << " refused for a retry through two servers in "
                       << std::chrono::duration<double>(Clock::now() - started).count() << " s");
  CHECK(acknowledged + refused == 2 * kWritersPerServer * kWritesEach);  // none cut off by time

  // Each server reads the same: every acknowledged write once, and nothing else.
  for (int which = 0; which < 2; ++which) {
    CAPTURE(which);
    const auto stored = stored_references(shared.port(which), shared.provider.key);
    CHECK(stored.size() == acknowledged);
    for (const auto& log : logs) {
      for (const auto& reference : log.acknowledged) {
        const auto found = stored.find(reference);
        INFO(reference);
        CHECK((found != stored.end() && found->second == 1));
      }
      for (const auto& reference : log.retryable) CHECK(stored.count(reference) == 0);
    }
  }
}

TEST_CASE("a start and a rejection sent through two servers at once are never both recorded") {
  constexpr int kRounds = 40;
  SharedDatabase shared;
  HttpClient setup("127.0.0.1", shared.a.port(), 30s);
  // One keep-alive connection to each server, so that both requests leave at the same moment.
  HttpClient through_a("127.0.0.1", shared.a.port(), 30s);
  HttpClient through_b("127.0.0.1", shared.b.port(), 30s);
  const auto deadline = Clock::now() + 60s;

  std::map<std::string, int> winners;  // the stage that was recorded -> rounds
  std::map<unsigned, int> refusals;    // the loser's status -> rounds
  int overlapping = 0;                 // rounds whose two requests were in flight together
  int round = 0;
  for (; round < kRounds && Clock::now() < deadline; ++round) {
    CAPTURE(round);
    const std::string path = offered_applicant(shared, setup, "R-" + std::to_string(round));
    // Odd rounds swap which server is asked for which stage.
    HttpClient& for_start = round % 2 == 0 ? through_a : through_b;
    HttpClient& for_rejection = round % 2 == 0 ? through_b : through_a;
    const auto record = [&](HttpClient& client, const char* stage) {
      return send_json(client, "POST", path + "/events", shared.provider.key,
                       json::object{{"stage", stage}, {"on", "2025-02-01"}});
    };
    const auto timed = send_together({[&] { return record(for_start, "started"); },
                                      [&] { return record(for_rejection, "rejected"); }});
    if (overlapped(timed[0], timed[1])) ++overlapping;
    const HttpResult& started = timed[0].result;
    const HttpResult& rejected = timed[1].result;

    // Exactly one is recorded; the other is refused, saying why, or asked to retry.
    INFO("started: " << describe(started) << "\nrejected: " << describe(rejected));
    REQUIRE(((started.status == 201) != (rejected.status == 201)));
    const HttpResult& loser = started.status == 201 ? rejected : started;
    ++winners[started.status == 201 ? "started" : "rejected"];
    ++refusals[loser.status];
    CHECK((loser.status == 409 || loser.status == 422 || retryable(loser)));
    if (loser.status != 503) {
      CHECK(contains(loser.body, started.status == 201 ? "cannot be recorded after Started work"
                                                       : "is marked “Not taken forward”"));
    }

    // Both servers read the winner's stage, and only it.
    for (HttpClient* client : {&through_a, &through_b}) {
      check_ended_as(*client, path, shared.provider.key, started.status == 201);
    }
  }
  CHECK(round == kRounds);
  std::ostringstream summary;
  for (const auto& [status, count] : refusals) summary << " " << count << " refused " << status;
  MESSAGE(round << " rounds, " << overlapping << " with both requests in flight together: started "
                << winners["started"] << ", rejected " << winners["rejected"] << ";"
                << summary.str());
}

TEST_CASE("two conflicting imports through two servers at once are each applied whole or refused") {
  constexpr int kRows = 2000;
  constexpr int kRounds = 4;
  SharedDatabase shared;
  const std::string rejected_file = applicants_file(kRows, "rejected");
  const std::string started_file = applicants_file(kRows, "started");
  HttpClient setup("127.0.0.1", shared.a.port(), 30s);

  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    // A provider of its own each round, so that both files are new to it.
    const ProviderAccount provider =
        shared.add_provider(setup, "Import Care " + std::to_string(round));
    // Odd rounds swap which server is sent which file.
    HttpClient client_a("127.0.0.1", shared.a.port(), 60s);
    HttpClient client_b("127.0.0.1", shared.b.port(), 60s);
    HttpClient& for_rejected = round % 2 == 0 ? client_a : client_b;
    HttpClient& for_started = round % 2 == 0 ? client_b : client_a;
    const auto import = [&](HttpClient& client, const std::string& file) {
      return client.request("POST", "/api/v1/import/applicants", file, "text/csv",
                            bearer(provider.key));
    };
    // [0]: the rejected file, [1]: the started file.
    const auto timed = send_together({[&] { return import(for_rejected, rejected_file); },
                                      [&] { return import(for_started, started_file); }});
    const HttpResult answers[2] = {timed[0].result, timed[1].result};

    INFO("rejected file: " << describe(answers[0]).substr(0, 400)
                           << "\nstarted file: " << describe(answers[1]).substr(0, 400));
    // One file is applied; the other would rewrite the history it recorded, so it is refused
    // whole, or it met the first mid-write and is to be sent again.
    REQUIRE(((answers[0].status == 200) != (answers[1].status == 200)));
    const int applied = answers[0].status == 200 ? 0 : 1;
    const HttpResult& loser = answers[1 - applied];
    CHECK((loser.status == 409 || retryable(loser)));
    if (loser.status == 409) CHECK(contains(loser.body, "accept_changes=true"));
    CHECK(json::parse(answers[applied].body).at("created").as_int64() == kRows);

    // Every stored row is as the applied file has it, read through either server.
    const std::string ending = applied == 0 ? "rejected" : "started";
    for (int which = 0; which < 2; ++which) {
      CAPTURE(which);
      HttpClient client("127.0.0.1", shared.port(which), 30s);
      const auto endings = endings_in_export(client, provider.key);
      CHECK(endings == std::map<std::string, int>{{ending, kRows}});
    }
    MESSAGE("round " << round << ": the " << ending << " file was applied, the other answered "
                     << loser.status << "; the two imports were "
                     << std::string(overlapped(timed[0], timed[1]) ? "" : "not ")
                     << "in flight together");
  }
}

TEST_CASE("a key revoked or a session ended through one server is refused by the other at once") {
  SharedDatabase shared;
  HttpClient through_a("127.0.0.1", shared.a.port());
  HttpClient through_b("127.0.0.1", shared.b.port());
  const std::string list = "/api/v1/applicants";
  const std::string keys = "/api/v1/providers/" + std::to_string(shared.provider.id) + "/keys";

  // A second key for the provider, made through a and used through b.
  const auto issued = send_json(through_a, "POST", keys, shared.team_key, json::object{});
  REQUIRE(issued.status == 201);
  const auto second = json::parse(issued.body).as_object();
  const std::string second_key(second.at("key").as_string());
  CHECK(through_b.get(list, bearer(second_key)).status == 200);
  CHECK(through_a.get(list, bearer(second_key)).status == 200);

  // Revoked through a: the very next request through b is refused, the first key still works.
  const auto revoked =
      through_a.request("DELETE", "/api/v1/keys/" + std::to_string(second.at("id").as_int64()), {},
                        {}, bearer(shared.team_key));
  REQUIRE(revoked.status == 200);
  const auto refused = through_b.get(list, bearer(second_key));
  CHECK(refused.status == 401);
  CHECK(contains(refused.body, "unknown, revoked or mistyped"));
  CHECK(through_b.get(list, bearer(shared.provider.key)).status == 200);

  // A session started through b and used through a; signed out through a, it is refused by b.
  const auto sign_in = [&](HttpClient& client, const std::string& key) {
    const auto answer =
        client.request("POST", "/api/v1/sessions", json::serialize(json::object{{"key", key}}),
                       "application/json");
    REQUIRE(answer.status == 201);
    const std::string cookie = answer.header("Set-Cookie");
    const std::string csrf(json::parse(answer.body).at("csrf_token").as_string());
    return std::pair{cookie.substr(0, cookie.find(';')), csrf};
  };
  const auto [cookie, csrf] = sign_in(through_b, shared.provider.key);
  CHECK(through_a.get(list, {{"Cookie", cookie}}).status == 200);
  const auto signed_out = through_a.request(
      "DELETE", "/api/v1/sessions/current", {}, {},
      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Sec-Fetch-Site", "same-origin"}});
  CHECK(signed_out.status == 204);
  const auto ended = through_b.get(list, {{"Cookie", cookie}});
  CHECK(ended.status == 401);
  CHECK(contains(ended.body, "your sign-in has ended"));

  // Revoking a key ends its sessions on every server: signed in through a, revoked through b.
  const auto third = send_json(through_b, "POST", keys, shared.team_key, json::object{});
  REQUIRE(third.status == 201);
  const auto third_key = json::parse(third.body).as_object();
  const std::string third_cookie =
      sign_in(through_a, std::string(third_key.at("key").as_string())).first;
  CHECK(through_b.get(list, {{"Cookie", third_cookie}}).status == 200);
  REQUIRE(through_b
              .request("DELETE", "/api/v1/keys/" + std::to_string(third_key.at("id").as_int64()),
                       {}, {}, bearer(shared.team_key))
              .status == 200);
  CHECK(through_a.get(list, {{"Cookie", third_cookie}}).status == 401);
}
