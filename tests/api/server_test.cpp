// The walking server over real HTTP on a free loopback port: health, pages, errors as problem+json.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "http_client.hpp"
#include "test_server.hpp"

using caretoolkit::testing::HttpClient;
using caretoolkit::testing::TestServer;

namespace {

boost::json::object parse_object(const std::string& body) {
  return boost::json::parse(body).as_object();
}

}  // namespace

TEST_CASE("GET /healthz answers status ok with the version") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  const auto response = client.get("/healthz");
  CHECK(response.status == 200);
  CHECK(response.header("Content-Type") == "application/json");
  const auto body = parse_object(response.body);
  CHECK(body.at("status").as_string() == "ok");
  CHECK(body.at("version").as_string() == "0.1.0");
  CHECK_FALSE(response.header("X-Request-Id").empty());
}

TEST_CASE("GET / serves the toolkit home page as HTML") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  const auto response = client.get("/");
  CHECK(response.status == 200);
  CHECK(response.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(response.body.find("<html") != std::string::npos);
  CHECK_FALSE(response.header("ETag").empty());
  CHECK(response.header("X-Content-Type-Options") == "nosniff");

  SUBCASE("a matching If-None-Match gets 304 without a body") {
    const auto again = client.get("/", {{"If-None-Match", response.header("ETag")}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
  }
  SUBCASE("HEAD gives the length without the body") {
    const auto head = client.request("HEAD", "/");
    CHECK(head.status == 200);
    CHECK(head.header("Content-Length") == std::to_string(response.body.size()));
    CHECK(head.body.empty());
  }
}

TEST_CASE("an unknown API path answers 404 with an RFC 9457 problem") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  for (const char* path : {"/api/v1/nothing-here", "/api/v1/sources/abc/def"}) {
    CAPTURE(path);
    const auto response = client.get(path);
    CHECK(response.status == 404);
    CHECK(response.header("Content-Type") == "application/problem+json");
    const auto body = parse_object(response.body);
    CHECK(body.at("type").as_string() == "/problems/not-found");
    CHECK(body.at("status").as_int64() == 404);
    CHECK_FALSE(body.at("title").as_string().empty());
    CHECK_FALSE(body.at("detail").as_string().empty());
  }
}

TEST_CASE("a known path with another method answers 405 with Allow") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  const auto response = client.request("POST", "/healthz", "{}", "application/json");
  CHECK(response.status == 405);
  CHECK(response.header("Allow") == "GET, HEAD");
  CHECK(parse_object(response.body).at("type").as_string() == "/problems/method-not-allowed");
}

TEST_CASE("keep-alive serves several requests on one connection") {
  TestServer server;
  HttpClient client("127.0.0.1", server.port());
  for (int i = 0; i < 20; ++i) CHECK(client.get("/healthz").status == 200);
  CHECK(server.http().open_connections() == 1);
}
