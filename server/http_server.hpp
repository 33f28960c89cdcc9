// The asynchronous HTTP/1.1 server: Boost.Beast over Asio, a thread per core by default.
//
// Each worker thread runs its own event loop, and each connection (a Session) stays on the loop
// that accepted it, so its handlers never run at the same time; a slow handler (a team report)
// delays only the connections on its own loop. A request goes through three deadlines: the
// keep-alive idle limit (waiting for the first byte of the next request), the header limit (reading
// the whole header; a client that trickles bytes cannot extend it) and the body limit. Sizes are
// bounded (header 8 KiB, body configurable, and what a connection buffers at once: the header
// limit plus 16 KiB, under 64 KiB), the number of open connections is capped (past it a
// new connection gets 503 at once), and stop() drains: it stops accepting, closes idle connections,
// lets requests in flight finish with "Connection: close", then joins.
//
// The server knows nothing of routes: it hands each complete request to a RequestHandler and
// reports each finished exchange to an ExchangeObserver (access log, metrics).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http_types.hpp"

namespace caretoolkit::server {

class Session;  // one connection; defined in http_server.cpp

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port; read it back with HttpServer::port()
  unsigned threads = 0;        // 0: one per core
  std::size_t header_limit = std::size_t{8} * 1024;
  std::size_t body_limit = std::size_t{256} * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::size_t max_connections = 4096;
  std::chrono::milliseconds shutdown_grace{10'000};
};

struct Exchange {
  const Request& request;
  const Response& response;
  // The matched route pattern, "static" or "unmatched"; "refused" for a head refused before
  // handling (request_checks.hpp) and "unreadable" for a request that could not be parsed.
  std::string_view route;
  std::size_t bytes_sent = 0;  // body bytes
  std::chrono::microseconds duration{0};
  std::string_view log_detail;  // an internal error's message, never sent to the client
};

// Fills the response for a complete request; must not throw (map errors to problem responses).
using RequestHandler = std::function<Response(Request&, std::string& route, std::string& log)>;
using ExchangeObserver = std::function<void(const Exchange&)>;

class HttpServer {
 public:
  HttpServer(ServerConfig config, RequestHandler handler, ExchangeObserver observer);
  ~HttpServer();  // stops and joins if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the worker threads. Throws caretoolkit::Error when the address
  // cannot be used (bad address, port in use).
  void start();
  unsigned short port() const;

  // From now on, SIGINT and SIGTERM request a stop. Call it before announcing the server, so
  // that a signal sent as soon as the announcement is read is not lost.
  void handle_signals();
  // Blocks until SIGINT or SIGTERM arrives (or stop() is called from elsewhere), then drains.
  // Calls handle_signals() first if it has not been called.
  void wait_for_signal();
  // Graceful stop: see the file comment. Safe to call more than once and from any thread except
  // a worker thread.
  void stop();

  std::size_t open_connections() const;

 private:
  friend class Session;  // each connection shares the server's State
  struct State;          // the loops, the acceptor and the live sessions; in http_server.cpp

  std::vector<std::shared_ptr<Session>> live_sessions() const;

  std::shared_ptr<State> state_;
};

}  // namespace caretoolkit::server
