// Overload and misbehaving clients, on loopback against the in-process server with short time
// limits so that each case takes seconds: slow-header (slowloris) clients are cut off at the
// header deadline while others are served, connections past the cap get 503 at once, a thousand
// keep-alive connections are served together, and clients that vanish mid-request leave no
// connection, descriptor or half-made record behind.
#include <doctest/doctest.h>

#include <thread>

#include "reliability_support.hpp"
#include "test_server.hpp"
#include "tracker/api_keys.hpp"

using namespace caretoolkit;
using namespace caretoolkit::testing;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kHeaderTimeout = 2s;

TestServerOptions short_limits(std::size_t max_connections = 4096) {
  TestServerOptions options;
  options.config.header_timeout = kHeaderTimeout;
  options.config.idle_timeout = kHeaderTimeout;
  options.config.body_timeout = kHeaderTimeout;
  options.config.max_connections = max_connections;
  return options;
}

const std::string kHealthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

// Waits until the server has at most `remaining` connections open, for at most `timeout`.
bool drains(TestServer& server, std::chrono::milliseconds timeout, std::size_t remaining = 0) {
  const auto deadline = Clock::now() + timeout;
  while (server.http().open_connections() > remaining) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("200 slow-header clients are closed at the header deadline while others are served") {
  constexpr int kSlow = 200;
  raise_open_file_limit(4 * kSlow + 256);
  TestServer server(short_limits());
  // A header that never ends within the deadline at one byte a second.
  const std::string trickle = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(64, 'a');

  std::vector<std::unique_ptr<RawConnection>> slow;
  std::vector<double> closed_after(kSlow, -1);
  const auto start = Clock::now();
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port()));
    slow.back()->send(trickle.substr(0, 1));
  }
  for (int i = 0; i < 100 && server.http().open_connections() < kSlow; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  CHECK(server.http().open_connections() == static_cast<std::size_t>(kSlow));

  HttpClient other("127.0.0.1", server.port(), 5s);
  std::size_t next_byte = 1;
  auto next_tick = start + 1s;
  double slowest_other = 0;
  int served = 0;
  while (Clock::now() - start < kHeaderTimeout + 3s) {
    // Meanwhile an ordinary client keeps being served promptly.
    const auto asked = Clock::now();
    if (other.get("/healthz").status == 200) ++served;
    slowest_other = std::max(slowest_other, seconds_since(asked));
    if (Clock::now() >= next_tick) {  // one more byte a second on every slow connection
      for (auto& connection : slow) connection->send(trickle.substr(next_byte, 1));
      ++next_byte;
      next_tick += 1s;
    }
    pump(slow, 20ms);
    for (int i = 0; i < kSlow; ++i) {
      if (slow[i]->closed() && closed_after[i] < 0) closed_after[i] = seconds_since(start);
    }
  }
  int closed = 0;
  double earliest = 1e9, latest = 0;
  for (int i = 0; i < kSlow; ++i) {
    if (closed_after[i] < 0) continue;
    ++closed;
    earliest = std::min(earliest, closed_after[i]);
    latest = std::max(latest, closed_after[i]);
    CHECK(slow[i]->received().empty());  // closed without an answer: there was no request
  }
  MESSAGE(closed << " slow clients closed between " << earliest << " s and " << latest << " s; "
                 << served << " other requests served meanwhile, the slowest in "
                 << slowest_other * 1000 << " ms");
  CHECK(closed == kSlow);
  CHECK(earliest >= 1.5);  // not before the deadline (2 s from the first byte)...
  CHECK(latest <= 4.5);    // ...and not much after it, even though bytes kept coming
  CHECK(served >= 20);
  CHECK(slowest_other < 1.0);
  other.get("/healthz");
  slow.clear();
  CHECK(server.http().open_connections() <= 1);  // only `other` is left
}

TEST_CASE("connections beyond the maximum get 503 at once and the server stays up") {
  constexpr std::size_t kMax = 50;
  constexpr int kExtra = 150;
  raise_open_file_limit(4 * (kMax + kExtra) + 256);
  TestServer server(short_limits(kMax));

  std::vector<std::unique_ptr<RawConnection>> held;
  for (std::size_t i = 0; i < kMax; ++i) {
    held.push_back(std::make_unique<RawConnection>(server.port()));
    held.back()->send(kHealthz);
  }
  const auto deadline = Clock::now() + 5s;
  std::size_t answered = 0;
  while (answered < kMax && Clock::now() < deadline) {
    pump(held, 50ms);
    answered = 0;
    for (const auto& connection : held) answered += connection->responses_with_status(200);
  }
  REQUIRE(answered == kMax);  // all kept alive, so the server is at its cap

  std::vector<std::unique_ptr<RawConnection>> extra;
  const auto start = Clock::now();
  for (int i = 0; i < kExtra; ++i) {
    extra.push_back(std::make_unique<RawConnection>(server.port()));
    extra.back()->send(kHealthz);
  }
  int refused = 0;
  while (refused < kExtra && Clock::now() - start < 5s) {
    pump(extra, 50ms);
    refused = 0;
    for (const auto& connection : extra) {
      refused += static_cast<int>(connection->responses_with_status(503));
    }
  }
  const double took = seconds_since(start);
  MESSAGE(refused << " of " << kExtra << " connections over the cap of " << kMax
                  << " refused with 503 in " << took * 1000 << " ms");
  CHECK(refused == kExtra);
  CHECK(took < 2.0);
  for (const auto& connection : extra) {
    CHECK(connection->received().find("Retry-After: 1") != std::string::npos);
  }
  // The held connections are still served, and once they go new clients are served again.
  held.front()->send(kHealthz);
  for (int i = 0; i < 50 && held.front()->responses_with_status(200) < 2; ++i) pump(held, 20ms);
  CHECK(held.front()->responses_with_status(200) == 2);
  held.clear();
  extra.clear();
  CHECK(drains(server, 5s));
  HttpClient client("127.0.0.1", server.port());
  CHECK(client.get("/healthz").status == 200);
}

TEST_CASE("1000 concurrent keep-alive connections are all served twice") {
  constexpr int kConnections = 1000;
  const std::size_t limit = raise_open_file_limit(2 * kConnections + 512);
  REQUIRE_MESSAGE(limit >= 2 * kConnections + 512,
                  "the open-file limit (ulimit -n) is too low for this test: " << limit);
  TestServerOptions options = short_limits();
  options.config.idle_timeout = 10s;  // the connections wait their turn while others are served
  TestServer server(options);

  std::vector<std::unique_ptr<RawConnection>> connections;
  connections.reserve(kConnections);
  const auto start = Clock::now();
  for (int i = 0; i < kConnections; ++i) {
    connections.push_back(std::make_unique<RawConnection>(server.port()));
  }
  const auto all_answered = [&](std::size_t rounds) {
    const auto deadline = Clock::now() + 20s;
    for (;;) {
      std::size_t done = 0;
      for (const auto& connection : connections) {
        done += connection->responses_with_status(200) >= rounds ? 1 : 0;
      }
      if (done == connections.size() || Clock::now() > deadline) return done;
      pump(connections, 50ms);
    }
  };
  for (auto& connection : connections) connection->send(kHealthz);
  const std::size_t first = all_answered(1);
  CHECK(server.http().open_connections() == static_cast<std::size_t>(kConnections));
  for (auto& connection : connections) connection->send(kHealthz);  // same connections again
  const std::size_t second = all_answered(2);
  const double took = seconds_since(start);
  MESSAGE(kConnections << " keep-alive connections, 2 requests each: " << first << " and " << second
                       << " answered in " << took * 1000 << " ms");
  CHECK(first == static_cast<std::size_t>(kConnections));
  CHECK(second == static_cast<std::size_t>(kConnections));
  for (const auto& connection : connections) CHECK_FALSE(connection->closed());
  connections.clear();
  CHECK(drains(server, 5s));
}

TEST_CASE("clients that disconnect mid-request leave nothing behind") {
  TestServer server(short_limits());
  const std::string key =
      tracker::issue_api_key(server.app().store(), tracker::ApiKeyRole::kTeam, std::nullopt, "test")
          .token;
  HttpClient setup("127.0.0.1", server.port());
  const auto provider = create_provider(setup, key, "Vanishing Care");
  const auto source = send_json(setup, "POST", "/api/v1/sources", provider.key,
                                boost::json::object{{"name", "Indeed"}, {"channel", "job_board"}});
  REQUIRE(source.status == 201);
  const std::string source_id = std::to_string(boost::json::parse(source.body).at("id").as_int64());
  CHECK(setup.get("/healthz").status == 200);
  const std::size_t sockets_before = open_sockets_on_port(server.port());
  REQUIRE(sockets_before == 2);  // the listener, and the server's side of `setup`

  const std::string body =
      R"({"reference":"gone","source_id":)" + source_id + R"(,"applied_on":"2025-01-06"})";
  const std::string post =
      "POST /api/v1/applicants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + provider.key +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n";
  const std::string check_advert =
      "POST /api/v1/adverts/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 200000\r\n\r\n{\"text\":\"" +
      std::string(199980, 'a') + "\"}";
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"half a request line", "POST /api/v1/appl"},
      {"half a header", post.substr(0, post.size() / 2)},
      {"the header but half the body", post + body.substr(0, body.size() / 2)},
      {"half a large body", check_advert.substr(0, check_advert.size() / 2)},
      {"a whole request, not waiting for the answer", check_advert},
  };
  for (int repeat = 0; repeat < 20; ++repeat) {
    for (const auto& [what, bytes] : cases) {
      RawConnection connection(server.port());
      connection.send(bytes);
      connection.close();  // gone, without reading anything
    }
  }
  // Each vanished client's connection and socket are gone (only `setup` is left), the
  // half-sent applicant was never created, and the server still answers. A client's socket
  // can close a moment after its connection stops being counted, or still be waiting to be
  // accepted when the count is read, so the sockets are counted until they are back, for at most
  // 5 s more.
  CHECK(drains(server, 5s + kHeaderTimeout, 1));
  const auto deadline = Clock::now() + 5s;
  while (open_sockets_on_port(server.port()) != sockets_before && Clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  CHECK(open_sockets_on_port(server.port()) == sockets_before);
  const auto applicants = list_all(setup, "/api/v1/applicants", provider.key);
  CHECK(applicants.empty());
  CHECK(setup.get("/healthz").status == 200);
}
