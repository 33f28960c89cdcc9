// Requests a hostile client frames to be read two ways, on raw sockets: each is answered once and
// the connection closed, so a request hidden after it is never served. Also ambiguous headers,
// encoded slashes, method names that must not become metrics series, and the caching headers of
// answers that depend on a key.
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "api_fixture.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;

namespace {

// The head of a raw advert check, up to the headers each test adds.
const std::string kCheckHead =
    "POST /api/v1/adverts/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";

// A server that closes idle keep-alive connections soon, so that a raw exchange the server keeps
// open ends in a second rather than at the client's timeout.
TestServerOptions quick_idle() {
  TestServerOptions options;
  options.config.idle_timeout = 1s;
  return options;
}

// A provider with one source, and a request for its sources that a client hides behind another.
struct Hidden {
  explicit Hidden(ApiFixture& api) : provider(api.create_provider("Framing Care")) {
    api.post("/api/v1/sources", provider.key, R"({"name":"Hidden Source","channel":"other"})");
    request = "GET /api/v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + provider.key +
              "\r\n\r\n";
  }
  ProviderAccount provider;
  std::string request;
};

// How many responses a raw answer holds: status lines at the start or straight after a body.
// This process's resident memory in KiB (the test server runs in it), from /proc.
long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

std::size_t response_count(const std::string& answer) {
  std::size_t count = 0;
  for (std::size_t at = answer.find("HTTP/1.1 "); at != std::string::npos;
       at = answer.find("HTTP/1.1 ", at + 1)) {
    ++count;
  }
  return count;
}

// The answer to `head` followed by the hidden request on the same connection must be one
// response with `status` that closes the connection, and must not hold the provider's data.
void check_refused_alone(ApiFixture& api, const Hidden& hidden, const std::string& head,
                         const std::string& status) {
  CAPTURE(head);
  const std::string answer = raw_exchange(api.server.port(), head + hidden.request);
  CHECK(answer.starts_with("HTTP/1.1 " + status + " "));
  CHECK(response_count(answer) == 1);
  CHECK(answer.find("Connection: close") != std::string::npos);
  CHECK(answer.find("Hidden Source") == std::string::npos);
}

}  // namespace

TEST_CASE(
    "a transfer coding that does not end in chunked is refused and the request after it is "
    "never served") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  for (const char* coding : {"gzip", "identity", "xchunked", "chunked, identity"}) {
    check_refused_alone(api, hidden,
                        std::string("POST /api/v1/adverts/check HTTP/1.1\r\nHost: x\r\n"
                                    "Transfer-Encoding: ") +
                            coding + "\r\n\r\n",
                        "400");
  }
}

TEST_CASE("a coding applied before chunked is answered 501 and the connection closed") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string head = kCheckHead + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
  check_refused_alone(api, hidden, head, "501");
  const std::string answer = raw_exchange(api.server.port(), head);
  CHECK(answer.find("/problems/not-implemented") != std::string::npos);
  CHECK(answer.find("not 'gzip'") != std::string::npos);
}

TEST_CASE("Transfer-Encoding on HTTP/1.0 is refused and the connection closed") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  check_refused_alone(api, hidden,
                      "POST /api/v1/adverts/check HTTP/1.0\r\nHost: x\r\n"
                      "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "2\r\n{}\r\n0\r\n\r\n",
                      "400");
}

TEST_CASE("Content-Length beside Transfer-Encoding is refused in either order") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string& start = kCheckHead;
  check_refused_alone(api, hidden, start + "Transfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}",
                      "400");
  check_refused_alone(api, hidden,
                      start + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", "400");
  check_refused_alone(api, hidden,
                      start + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
                      "400");
}

TEST_CASE("two Content-Length values are refused and the connection closed") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string& start = kCheckHead;
  check_refused_alone(api, hidden, start + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x",
                      "400");
  check_refused_alone(api, hidden, start + "Content-Length: 2, 2\r\n\r\n{}", "400");
}

TEST_CASE("a chunked body on HTTP/1.1 is still read and the connection kept") {
  ApiFixture api(quick_idle());
  const std::string body = R"({"text":"Join our team as a carer."})";
  std::ostringstream size;
  size << std::hex << body.size();
  const std::string answer = raw_exchange(
      api.server.port(), kCheckHead + "Transfer-Encoding: chunked\r\n\r\n" + size.str() + "\r\n" +
                             body + "\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(answer.starts_with("HTTP/1.1 200 "));
  CHECK(response_count(answer) == 2);
  CHECK(answer.find("\"status\":\"ok\"") != std::string::npos);
}

TEST_CASE("two Authorization headers are refused") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string answer =
      raw_exchange(api.server.port(),
                   "GET /api/v1/sources HTTP/1.1\r\nHost: x\r\n"
                   "Authorization: Bearer " +
                       hidden.provider.key + "\r\nAuthorization: Bearer ctk_other\r\n\r\n");
  CHECK(answer.starts_with("HTTP/1.1 400 "));
  CHECK(answer.find("2 Authorization headers") != std::string::npos);
  CHECK(answer.find("Hidden Source") == std::string::npos);
}

TEST_CASE("an HTTP/1.1 request without Host is refused and an HTTP/1.0 one is served") {
  TestServer server(quick_idle());
  const std::string refused = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\n\r\n");
  CHECK(refused.starts_with("HTTP/1.1 400 "));
  CHECK(refused.find("must have a Host header") != std::string::npos);
  const std::string served = raw_exchange(server.port(), "GET /healthz HTTP/1.0\r\n\r\n");
  CHECK(served.starts_with("HTTP/1.1 200 "));
  CHECK(served.find("\"status\":\"ok\"") != std::string::npos);
}

TEST_CASE("an encoded slash in an API path does not reach the API") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  for (const char* target : {"/api%2fv1%2fsources", "/api%2Fv1/sources", "/api/v1%2fsources"}) {
    CAPTURE(target);
    const auto response = api.call("GET", target, hidden.provider.key);
    CHECK(response.status == 400);
    CHECK(response.body.find("encoded slash") != std::string::npos);
    CHECK(response.body.find("Hidden Source") == std::string::npos);
  }
  CHECK(api.call("GET", "/api/v1/sources", hidden.provider.key).body.find("Hidden Source") !=
        std::string::npos);
}

TEST_CASE("random method names get 501 and add no metrics series") {
  TestServer server(quick_idle());
  std::mt19937 random(20250301);
  std::uniform_int_distribution<int> letter('A', 'Z');
  constexpr int kMethods = 2000;
  // Each method once kept a series with its 7,000-letter name: 2,000 of them held about 27 MiB
  // more (20,000 held 274 MiB). Bounded labels hold nothing per method.
  constexpr long kMaxGrowthKib = 8 * 1024;
  const long resident_before = resident_kib();
  REQUIRE(resident_before > 0);
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  int sent = 0;
  std::string first_answer;
  for (; sent < kMethods && std::chrono::steady_clock::now() < deadline; ++sent) {
    std::string method(7000, 'A');
    for (char& c : method) c = static_cast<char>(letter(random));
    const std::string answer =
        raw_exchange(server.port(), method + " /x HTTP/1.1\r\nHost: x\r\n\r\n");
    if (sent == 0) first_answer = answer;
  }
  REQUIRE(sent == kMethods);
  CHECK(first_answer.starts_with("HTTP/1.1 501 "));
  CHECK(first_answer.find("Connection: close") != std::string::npos);
  CHECK(first_answer.size() < 1000);  // the method is not echoed in full
  const long growth = resident_kib() - resident_before;
  MESSAGE("resident memory grew by ", growth, " KiB over ", kMethods, " methods");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine, so resident memory grows with every
  // request served: the bound is held by the release build's run of this test, and here the
  // metrics body's bound below shows that nothing is kept per method.
  MESSAGE("resident memory is bounded in the release build, not under AddressSanitizer");
  static_cast<void>(kMaxGrowthKib);
#else
  CHECK(growth < kMaxGrowthKib);
#endif

  HttpClient client("127.0.0.1", server.port());
  const auto metrics = client.get("/metrics");
  REQUIRE(metrics.status == 200);
  CHECK(metrics.body.size() < 16 * 1024);
  CHECK(metrics.body.find(R"(caretoolkit_http_requests_total{route="refused",method="other",)"
                          R"(status="501"} 2000)") != std::string::npos);
}

TEST_CASE("answers that need a key are not cached and static pages keep their caching headers") {
  ApiFixture api;
  const auto provider = api.create_provider("Cache Care");
  for (const std::string& key : {provider.key, std::string("ctk_wrong"), std::string()}) {
    CAPTURE(key);
    const auto response = api.call("GET", "/api/v1/sources", key);
    CHECK(response.header("Cache-Control") == "no-store");
    CHECK(response.header("Vary") == "Authorization, Cookie");
  }
  const auto page = api.call("GET", "/", "");
  REQUIRE(page.status == 200);
  CHECK(page.header("Cache-Control") == "no-cache");
  CHECK(page.header("Vary").empty());
  const auto rules = api.call("GET", "/api/v1/rules", "");
  CHECK(rules.header("Cache-Control") == "no-cache");
  CHECK(rules.header("Vary").empty());
}

TEST_CASE("a header folded onto a second line is refused and the request after it never served") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string& start = kCheckHead;
  // Read as "Transfer-Encoding: chunked" by a parser that joins the lines, and as an empty coding
  // by one that ignores the second line: the two would disagree on where the body ends.
  check_refused_alone(api, hidden, start + "Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
                      "400");
  check_refused_alone(api, hidden, start + "Content-Length:\r\n\t2\r\n\r\n{}", "400");
  check_refused_alone(api, hidden, start + "X-Note: one\r\n two\r\nContent-Length: 2\r\n\r\n{}",
                      "400");
  const std::string answer = raw_exchange(
      api.server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\r\n b\r\n\r\n");
  CHECK(answer.find("folded") != std::string::npos);
}

TEST_CASE("a Host header that is not a host and port is refused") {
  TestServer server(quick_idle());
  for (const char* host : {"a, b", "a b", "x/y", "x@y", "x\"y"}) {
    CAPTURE(host);
    const std::string answer = raw_exchange(
        server.port(), std::string("GET /healthz HTTP/1.1\r\nHost: ") + host + "\r\n\r\n");
    CHECK(answer.starts_with("HTTP/1.1 400 "));
    CHECK(answer.find("Host header") != std::string::npos);
    CHECK(answer.find("Connection: close") != std::string::npos);
  }
  for (const char* host : {"example.org", "example.org:8080", "127.0.0.1:80", "[::1]:8080",
                           "care-toolkit_1.example", ""}) {
    CAPTURE(host);
    const std::string answer =
        raw_exchange(server.port(), std::string("GET /healthz HTTP/1.1\r\nHost: ") + host +
                                        "\r\nConnection: close\r\n\r\n");
    CHECK(answer.starts_with("HTTP/1.1 200 "));
  }
}

TEST_CASE("a refused request is never cached") {
  ApiFixture api(quick_idle());
  const Hidden hidden(api);
  const std::string answer =
      raw_exchange(api.server.port(),
                   "GET /api/v1/sources HTTP/1.1\r\nHost: x\r\n"
                   "Authorization: Bearer " +
                       hidden.provider.key + "\r\nAuthorization: Bearer ctk_other\r\n\r\n");
  CHECK(answer.starts_with("HTTP/1.1 400 "));
  CHECK(answer.find("Cache-Control: no-store") != std::string::npos);
  CHECK(answer.find("Vary: Authorization") != std::string::npos);
  const std::string method = raw_exchange(api.server.port(), "BREW /x HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(method.starts_with("HTTP/1.1 501 "));
  CHECK(method.find("Cache-Control: no-store") != std::string::npos);
}

TEST_CASE("metrics are served to clients on this machine and refused to any other") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  const auto local = client.get("/metrics");
  CHECK(local.status == 200);
  CHECK(local.header("Cache-Control") == "no-store");
  // A remote client cannot be made on loopback: hand the application a request from one.
  for (const char* address : {"192.0.2.7", "2001:db8::1", "::ffff:192.0.2.7", "10.0.0.1"}) {
    CAPTURE(address);
    caretoolkit::server::Request request;
    request.method = "GET";
    request.target = request.path = "/metrics";
    request.client_address = address;
    std::string route;
    std::string log;
    const auto response = server.app().handle(request, route, log);
    CHECK(response.status == 403);
    CHECK(response.body.find("only to clients on this machine") != std::string::npos);
  }
  for (const char* address : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
    CAPTURE(address);
    CHECK(caretoolkit::server::is_loopback_address(address));
  }
}

namespace {

// Sends a chunked request whose body opens with `start`, then `filler` bytes of 'a' (up to
// `filler` or until the server stops reading), then `end`, and returns the answer.
std::string send_long_chunk_line(unsigned short port, const std::string& start, std::size_t filler,
                                 const std::string& end) {
  const std::string head = kCheckHead + "Transfer-Encoding: chunked\r\n\r\n";
  return raw_exchange(port, head + start + std::string(filler, 'a') + end, 10s);
}

}  // namespace

TEST_CASE("a trailer field too long to keep is refused and the server keeps serving") {
  TestServer server(quick_idle());
  // 70,000 bytes: more than Beast's field container holds (64 KiB); it would throw out of the
  // event loop and stop the server if the trailer ever reached the parser whole.
  const std::string answer =
      send_long_chunk_line(server.port(), "2\r\n{}\r\n0\r\nX-Trailer: ", 70'000, "\r\n\r\n");
  CHECK(answer.starts_with("HTTP/1.1 400 "));
  CHECK(answer.find("Connection: close") != std::string::npos);
  CHECK(answer.find("longer than") != std::string::npos);
  HttpClient client("127.0.0.1", server.port());
  CHECK(client.get("/healthz").status == 200);
}

TEST_CASE("a chunk extension is not buffered without bound") {
  TestServer server(quick_idle());
  // 2 MiB of extension on one chunk line, far past the 256 KiB body limit: refused as soon as the
  // line outgrows what a connection buffers, so the rest is never held in memory.
  const std::string answer =
      send_long_chunk_line(server.port(), "2;ext=", 2 * 1024 * 1024, "\r\n{}\r\n0\r\n\r\n");
  CHECK(answer.starts_with("HTTP/1.1 400 "));
  CHECK(answer.find("longer than") != std::string::npos);
  HttpClient client("127.0.0.1", server.port());
  CHECK(client.get("/healthz").status == 200);
}
