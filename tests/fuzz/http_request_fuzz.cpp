// Fuzz target: the HTTP request path end to end. The real server (HttpServer with the real
// application behind FuzzTenants) listens on a loopback port; each input is written as it is to
// a new connection, which is then half-closed, and the answer is read until the server closes.
// Request lines, headers, bodies, pipelined requests, chunked encoding, Expect: 100-continue and
// bad framing all reach the server's own parser, router and handlers.
//
// Must hold: the server never crashes; no request gets a server error or another provider's data
// (FuzzTenants::handle); the server closes the connection by itself once the client has sent
// everything (it keeps nothing open for a client that has gone).
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "fuzz_support.hpp"
#include "http_server.hpp"

using namespace caretoolkit;
using namespace std::chrono_literals;

namespace {

constexpr auto kReplyTimeout = 10s;  // well past the server's own 1 s deadlines

struct Served {
  fuzz::FuzzTenants tenants;
  std::unique_ptr<server::HttpServer> http;

  Served() {
    server::ServerConfig config;
    config.address = "127.0.0.1";
    config.port = 0;
    config.threads = 2;
    config.body_limit = std::size_t{64} * 1024;
    config.header_timeout = 1s;
    config.body_timeout = 1s;
    config.idle_timeout = 1s;
    config.write_timeout = 1s;
    config.shutdown_grace = 1s;
    http = std::make_unique<server::HttpServer>(
        config,
        [this](server::Request& request, std::string& route, std::string& log_detail) {
          return tenants.handle(request, route, log_detail);
        },
        nullptr);
    http->start();
  }
  ~Served() { http->stop(); }
};

int connect_loopback(unsigned short port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  fuzz::fuzz_require(fd >= 0, "socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    // Interrupted by a signal, the connection goes on being made: wait until it is.
    fuzz::fuzz_require(errno == EINTR, "cannot connect to the server", std::strerror(errno));
    pollfd descriptor{fd, POLLOUT, 0};
    while (poll(&descriptor, 1, -1) < 0) {
      fuzz::fuzz_require(errno == EINTR, "poll() failed", std::strerror(errno));
    }
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
    fuzz::fuzz_require(error == 0, "cannot connect to the server", std::strerror(error));
  }
  return fd;
}

// Writes what the server will take; it may close early (a bad request line), which is fine.
void send_all(int fd, const std::uint8_t* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = send(fd, data, size, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return;
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
}

// Reads until the server closes; false if it is still open at the deadline. A signal (libFuzzer's
// -timeout runs on SIGALRM) interrupts poll(), recv() and send() with EINTR: they are retried.
bool read_until_closed(int fd) {
  const auto deadline = std::chrono::steady_clock::now() + kReplyTimeout;
  char buffer[16 * 1024];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd descriptor{fd, POLLIN, 0};
    const int ready = poll(&descriptor, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;  // libFuzzer's timeout alarm, not the server
    if (ready <= 0) return false;
    const ssize_t received = recv(fd, buffer, sizeof buffer, 0);
    if (received < 0 && errno == EINTR) continue;
    if (received <= 0) return true;  // closed (or reset)
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Served served;
  const int fd = connect_loopback(served.http->port());
  send_all(fd, data, size);
  shutdown(fd, SHUT_WR);
  const bool closed = read_until_closed(fd);
  close(fd);
  fuzz::fuzz_require(closed, "the server kept the connection open after the client finished");
  return 0;
}
