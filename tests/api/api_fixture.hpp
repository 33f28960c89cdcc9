// Shared set-up for the API tests: a running server, the team key, and providers made through the
// API itself, with helpers that parse JSON answers.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "test_server.hpp"

namespace caretoolkit::testing {

inline boost::json::value parse_json(const std::string& body) {
  return boost::json::parse(body);
}

// Whether `list` holds `item`.
inline bool lists(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

struct ProviderAccount {
  std::int64_t id = 0;
  std::string key;
};

class ApiFixture {
 public:
  explicit ApiFixture(const TestServerOptions& options = {})
      : server(options), client("127.0.0.1", server.port()) {
    team_key = server.create_team_key();
  }

  std::vector<std::pair<std::string, std::string>> auth(const std::string& key) const {
    return {{"Authorization", "Bearer " + key}};
  }

  HttpResult call(const std::string& method, const std::string& target, const std::string& key,
                  const std::string& json_body = {}) {
    return client.request(
        method, target, json_body, json_body.empty() ? "" : "application/json",
        key.empty() ? std::vector<std::pair<std::string, std::string>>{} : auth(key));
  }

  // POSTs JSON and returns the parsed object; fails the test unless the status is `expected`.
  boost::json::object post(const std::string& target, const std::string& key,
                           const std::string& json_body, unsigned expected = 201) {
    const auto response = call("POST", target, key, json_body);
    INFO(target << " -> " << response.status << " " << response.body);
    REQUIRE(response.status == expected);
    return parse_json(response.body).as_object();
  }

  // Everything the provider `key` has stored, as its CSV exports and list bodies: equal before
  // and after a refused request when nothing was changed.
  std::string stored(const std::string& key) {
    std::string all;
    for (const char* target : {"/api/v1/export/applicants.csv", "/api/v1/export/spend.csv",
                               "/api/v1/export/headcounts.csv", "/api/v1/sources?limit=1000",
                               "/api/v1/vacancies?limit=1000", "/api/v1/services?limit=1000"}) {
      const auto response = call("GET", target, key);
      REQUIRE(response.status == 200);
      all += response.body;
    }
    return all;
  }

  boost::json::object get(const std::string& target, const std::string& key,
                          unsigned expected = 200) {
    const auto response = call("GET", target, key);
    INFO(target << " -> " << response.status << " " << response.body);
    REQUIRE(response.status == expected);
    return parse_json(response.body).as_object();
  }

  ProviderAccount create_provider(const std::string& name) {
    const auto body = post("/api/v1/providers", team_key,
                           boost::json::serialize(boost::json::object{{"name", name}}));
    return {body.at("provider").at("id").as_int64(),
            std::string(body.at("key").at("key").as_string())};
  }

  TestServer server;
  HttpClient client;
  std::string team_key;
};

}  // namespace caretoolkit::testing
