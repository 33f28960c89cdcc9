// Shared pieces of the reliability suites: the caretoolkit binary run as a server on a database of
// the test's choosing (so it can be killed and started again on the same store, and several servers
// can share one), the keys a test needs, and JSON helpers. A database is given as a location: a
// SQLite file's path or a PostgreSQL URI, as `--db` takes it (see TestStoreLocation).
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "child_process.hpp"
#include "http_client.hpp"

namespace caretoolkit::testing {

// `caretoolkit serve --db database`, listening on a free loopback port.
class ServerProcess {
 public:
  // Starts the server and waits (at most 30 s) for its banner; throws std::runtime_error if it
  // does not come up. `extra` arguments are appended (e.g. "--body-limit-kib", "65536").
  ServerProcess(const std::string& database, const std::vector<std::string>& extra = {});

  unsigned short port() const { return port_; }
  pid_t pid() const { return child_->pid(); }
  // SIGKILL: the process gets no chance to finish anything. Returns once it has exited.
  void kill();
  // SIGTERM and a graceful stop; returns the exit status.
  int stop();

 private:
  std::unique_ptr<ChildProcess> child_;
  unsigned short port_ = 0;
};

// SQLite's PRAGMA integrity_check of the file `database`, opened read-only: "ok" when it is sound.
// For SQLite stores only: PostgreSQL has no such check of a whole database.
std::string integrity_check(const std::filesystem::path& database);

// A team key made with `caretoolkit admin create-team-key --db database`.
std::string create_team_key(const std::string& database);

struct ProviderAccount {
  std::int64_t id = 0;
  std::string key;
};

// POST /api/v1/providers with the team key; throws std::runtime_error unless it answers 201.
ProviderAccount create_provider(HttpClient& client, const std::string& team_key,
                                const std::string& name);

std::vector<std::pair<std::string, std::string>> bearer(const std::string& key);

// Sends a JSON body with a key; returns the answer as it is.
HttpResult send_json(HttpClient& client, const std::string& method, const std::string& target,
                     const std::string& key, const boost::json::value& body);

// A plain TCP connection to the server on loopback, for clients that misbehave: trickling bytes,
// vanishing mid-request, or holding a connection open. Non-blocking after connect; every wait is
// bounded by the caller's deadline.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  int fd() const { return fd_; }
  // Sends what the socket takes now; returns false once the peer has closed.
  bool send(std::string_view bytes);
  // Reads whatever has arrived, without waiting. Sets closed() when the peer has closed or reset.
  void receive();
  bool closed() const { return closed_; }
  const std::string& received() const { return received_; }
  // Number of complete HTTP responses in received() whose status is `status`.
  std::size_t responses_with_status(unsigned status) const;
  void close();

 private:
  int fd_ = -1;
  bool closed_ = false;
  std::string received_;
};

// Waits up to `timeout` for any of `connections` to become readable, then calls receive() on
// each that is.
void pump(std::vector<std::unique_ptr<RawConnection>>& connections,
          std::chrono::milliseconds timeout);

// Raises this process's open-file limit to at least `wanted` (up to the hard limit); returns the
// new soft limit.
std::size_t raise_open_file_limit(std::size_t wanted);

// This process's TCP sockets whose local port is `port`: a server's listener and its side of
// each of its connections (not the client side, nor a database's connections).
std::size_t open_sockets_on_port(unsigned short port);

// Every item of a paged list (GET target?limit=1000, following next_cursor).
std::vector<boost::json::object> list_all(HttpClient& client, const std::string& target,
                                          const std::string& key);

}  // namespace caretoolkit::testing
