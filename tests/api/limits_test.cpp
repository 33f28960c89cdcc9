// The server's protective limits on real sockets: header size, body size, header deadline, the
// connection cap, a graceful stop that finishes the request in flight, and a report whose size
// stays near its advert's however many findings the advert repeats.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <thread>

#include "http_client.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;

namespace {

TestServerOptions small_limits() {
  TestServerOptions options;
  options.config.header_timeout = 500ms;
  options.config.idle_timeout = 500ms;
  options.config.body_limit = 1024;
  options.config.max_connections = 3;
  return options;
}

}  // namespace

TEST_CASE("a header over 8 KiB gets 431 and a body over the limit gets 413") {
  TestServer server(small_limits());
  const std::string big_header =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(9000, 'a') + "\r\n\r\n";
  const std::string answer = raw_exchange(server.port(), big_header);
  CHECK(answer.starts_with("HTTP/1.1 431"));
  CHECK(answer.find("application/problem+json") != std::string::npos);

  const std::string big_body =
      "POST /api/v1/adverts/check HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n" +
      std::string(5000, ' ');
  const std::string too_large = raw_exchange(server.port(), big_body);
  CHECK(too_large.starts_with("HTTP/1.1 413"));
  CHECK(too_large.find("/problems/too-large") != std::string::npos);

  const std::string garbage = raw_exchange(server.port(), "NONSENSE\r\n\r\n");
  CHECK(garbage.starts_with("HTTP/1.1 400"));
}

TEST_CASE("a client that never finishes its header is closed at the header deadline") {
  TestServer server(small_limits());
  const auto started = std::chrono::steady_clock::now();
  // Half a header, then silence: the server must close the connection by itself.
  const std::string answer = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHo", 5s);
  const auto waited = std::chrono::steady_clock::now() - started;
  CHECK(answer.empty());
  CHECK(waited >= 400ms);
  CHECK(waited < 3s);
  HttpClient client("127.0.0.1", server.port());
  CHECK(client.get("/healthz").status == 200);  // and everyone else is still served
}

TEST_CASE("connections beyond the maximum get 503 at once and the server stays up") {
  TestServer server(small_limits());
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<HttpClient>("127.0.0.1", server.port()));
    CHECK(held.back()->get("/healthz").status == 200);
  }
  const auto started = std::chrono::steady_clock::now();
  const std::string refused =
      raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(refused.starts_with("HTTP/1.1 503"));
  CHECK(refused.find("Retry-After: 1") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < 1s);
  held.clear();  // once they close, new clients are served again
  for (int attempt = 0; attempt < 50 && server.http().open_connections() > 0; ++attempt) {
    std::this_thread::sleep_for(20ms);
  }
  HttpClient client("127.0.0.1", server.port());
  CHECK(client.get("/healthz").status == 200);
}

TEST_CASE("stop closes idle keep-alive connections and lets a request in flight finish") {
  TestServer server;
  HttpClient idle("127.0.0.1", server.port());
  CHECK(idle.get("/healthz").status == 200);
  CHECK(server.http().open_connections() == 1);
  const auto started = std::chrono::steady_clock::now();
  server.stop();
  CHECK(std::chrono::steady_clock::now() - started < 2s);  // nobody waited for the idle client
  CHECK(server.http().open_connections() == 0);
}

TEST_CASE("an advert of 50,000 exclamation marks gets a report listing 51 findings for them") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port(), 30s);
  std::string advert;
  for (int i = 0; i < 50'000; ++i) advert += "Wow! ";  // 250,000 bytes, under the 256 KiB limit
  const auto answer = client.request("POST", "/api/v1/adverts/check",
                                     boost::json::serialize(boost::json::object{{"text", advert}}),
                                     "application/json");
  REQUIRE(answer.status == 200);
  // One finding for each of 49,999 exclamation marks took 20 MB; now the report is about the
  // advert's own size.
  CHECK(answer.body.size() < 500'000);
  const auto report = boost::json::parse(answer.body);
  std::size_t marks = 0;
  std::int64_t not_listed = 0;
  for (const auto& finding : report.at("findings").as_array()) {
    if (finding.at("rule") != "hard-sell.exclamation-marks") continue;
    ++marks;
    if (const auto* more = finding.as_object().if_contains("not_listed")) {
      not_listed = more->as_int64();
    }
  }
  CHECK(marks == 51);
  CHECK(not_listed == 49'999 - 50);
}
