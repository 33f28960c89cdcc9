// A small blocking HTTP/1.1 client for the API tests: real sockets on loopback, one connection per
// client object (kept alive between requests), every call bounded by a timeout.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace caretoolkit::testing {

struct HttpResult {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Case-insensitive; empty when absent.
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  HttpClient(std::string host, unsigned short port,
             std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult request(const std::string& method, const std::string& target,
                     const std::string& body = {}, const std::string& content_type = {},
                     const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResult get(const std::string& target,
                 const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request("GET", target, {}, {}, headers);
  }

 private:
  struct Impl;
  Impl* impl_;
};

// Sends raw bytes on a fresh connection and returns everything the server sends back until it
// closes the connection or the timeout passes.
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace caretoolkit::testing
