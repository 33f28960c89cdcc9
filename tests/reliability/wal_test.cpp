// The write-ahead log stays bounded while the server runs: thousands of small writes through the
// API, with lists and reports read between them, against the real binary, while the -wal file
// beside the database is watched on disk and through the /metrics gauge. The log is SQLite's: not
// run again on PostgreSQL.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "reliability_support.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

// SQLite checkpoints the log once it holds 1000 pages (1000 frames of 4 KiB and a 24-byte header
// each: 4.1 MB, 3.9 MiB) and then writes it again from the start, so between checkpoints it grows
// by at most the few pages one API write makes. Twice that leaves room for a restart put off by a
// read in progress, and is the size the server's journal_size_limit cuts the file back to; a log
// that is never checkpointed passes it after about 700 of these writes.
constexpr std::uintmax_t kWalBound = 8u << 20;

// Rounds of four writes: two applicants created, one of them interviewed, the other updated.
constexpr int kRounds = 1000;
constexpr auto kTimeLimit = 300s;

std::uintmax_t wal_size(const std::filesystem::path& database) {
  std::error_code missing;
  const auto size = std::filesystem::file_size(database.string() + "-wal", missing);
  return missing ? 0 : size;
}

// The value of a gauge without labels in a Prometheus text exposition; -1 when it is absent.
double gauge(const std::string& exposition, const std::string& name) {
  const std::string line_start = "\n" + name + " ";
  const std::size_t at = exposition.find(line_start);
  if (at == std::string::npos) return -1;
  return std::stod(exposition.substr(at + line_start.size()));
}

void require_status(const HttpResult& response, unsigned expected, const std::string& what) {
  INFO(what, " -> ", response.status, " ", response.body);
  REQUIRE(response.status == expected);
}

}  // namespace

TEST_CASE("the write-ahead log stays under 8 MiB through 4000 writes with reads between them" *
          doctest::test_suite("sqlite-only")) {
  TempDir dir;
  const auto database = dir.path() / "tracker.db";
  const std::string team_key = create_team_key(database.string());
  ServerProcess server(database.string());
  HttpClient client("127.0.0.1", server.port(), 30s);
  const ProviderAccount provider = create_provider(client, team_key, "Willow Home Care");
  const auto source = send_json(client, "POST", "/api/v1/sources", provider.key,
                                json::object{{"name", "Indeed"}, {"channel", "job_board"}});
  require_status(source, 201, "create a source");
  const std::int64_t source_id = json::parse(source.body).at("id").as_int64();

  const auto started = std::chrono::steady_clock::now();
  std::uintmax_t largest = 0;
  int writes = 0;
  for (int round = 0; round < kRounds; ++round) {
    if (std::chrono::steady_clock::now() - started > kTimeLimit) {
      FAIL("only ", round, " of ", kRounds, " rounds were done in ", kTimeLimit.count(), " s");
    }
    std::int64_t ids[2] = {0, 0};
    for (int which = 0; which < 2; ++which) {
      const auto created = send_json(
          client, "POST", "/api/v1/applicants", provider.key,
          json::object{{"reference", "WHC-" + std::to_string(round) + "-" + std::to_string(which)},
                       {"source_id", source_id},
                       {"applied_on", "2025-01-06"}});
      require_status(created, 201, "create an applicant");
      ids[which] = json::parse(created.body).at("id").as_int64();
    }
    const std::string first = "/api/v1/applicants/" + std::to_string(ids[0]);
    const std::string second = "/api/v1/applicants/" + std::to_string(ids[1]);
    require_status(send_json(client, "POST", first + "/events", provider.key,
                             json::object{{"stage", "interviewed"}, {"on", "2025-01-10"}}),
                   201, "record an interview");
    require_status(
        send_json(client, "PATCH", second, provider.key, json::object{{"prior_sector", "retail"}}),
        200, "update an applicant");
    writes += 4;
    // Readers between the writes, so that a reader holding an old snapshot would show.
    require_status(client.get("/api/v1/applicants?limit=20", bearer(provider.key)), 200,
                   "list applicants");
    require_status(client.get(second, bearer(provider.key)), 200, "read an applicant");
    if (round % 10 == 0) {
      require_status(
          client.get("/api/v1/reports/funnel?from=2025-01-01&to=2025-12-31", bearer(provider.key)),
          200, "read the funnel report");
    }
    largest = std::max(largest, wal_size(database));
  }
  MESSAGE(
      writes, " writes in ",
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count(),
      " s; the log reached ", largest, " bytes");
  CHECK(writes == 4 * kRounds);
  CHECK(largest > 0);
  CHECK(largest < kWalBound);

  // Every write is there: 2000 applicants, 1000 of them interviewed.
  const auto funnel =
      client.get("/api/v1/reports/funnel?from=2025-01-01&to=2025-12-31", bearer(provider.key));
  require_status(funnel, 200, "read the funnel report");
  const auto total = json::parse(funnel.body).at("total");
  CHECK(total.at("applicants") == 2 * kRounds);
  CHECK(total.at("interviewed") == kRounds);

  // The gauge tells an operator the same size, read from the file when /metrics is asked.
  const auto metrics = client.get("/metrics");
  require_status(metrics, 200, "read /metrics");
  CHECK(gauge(metrics.body, "caretoolkit_database_wal_bytes") ==
        static_cast<double>(wal_size(database)));
  CHECK(server.stop() == 0);
  CHECK(integrity_check(database) == "ok");
}
