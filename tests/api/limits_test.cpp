// The server's protective limits on real sockets: header size, body size, header deadline, the
// connection cap, and a graceful stop that finishes the request in flight.
#include <doctest/doctest.h>

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
