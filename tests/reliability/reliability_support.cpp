// Shared pieces of the reliability suites; see reliability_support.hpp.
#include "reliability_support.hpp"

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace caretoolkit::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

ServerProcess::ServerProcess(const std::string& database, const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = serve_arguments(database);
  arguments.insert(arguments.end(), {"--threads", "2"});
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  child_ = std::make_unique<ChildProcess>(caretoolkit_binary(), arguments);
  // "caretoolkit is serving on http://127.0.0.1:PORT/"
  const auto banner = child_->wait_for_line("serving on http://", 30s);
  if (!banner) {
    throw std::runtime_error("the server did not start:\n" + child_->output());
  }
  port_ = static_cast<unsigned short>(std::stoi(banner->substr(banner->rfind(':') + 1)));
}

void ServerProcess::kill() {
  child_->send_signal(SIGKILL);
  child_->wait(30s);
}

int ServerProcess::stop() {
  child_->send_signal(SIGTERM);
  return child_->wait(30s);
}

std::string integrity_check(const fs::path& database) {
  SQLite::Database db(database, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

std::string create_team_key(const std::string& database) {
  const auto [status, output] = run_caretoolkit({"admin", "create-team-key", "--db", database});
  if (status != 0 || !output.starts_with("ctk_")) {
    throw std::runtime_error("create-team-key failed: " + output);
  }
  return output.substr(0, output.find('\n'));
}

std::vector<std::pair<std::string, std::string>> bearer(const std::string& key) {
  return {{"Authorization", "Bearer " + key}};
}

HttpResult send_json(HttpClient& client, const std::string& method, const std::string& target,
                     const std::string& key, const boost::json::value& body) {
  return client.request(method, target, boost::json::serialize(body), "application/json",
                        bearer(key));
}

ProviderAccount create_provider(HttpClient& client, const std::string& team_key,
                                const std::string& name) {
  const auto response =
      send_json(client, "POST", "/api/v1/providers", team_key, boost::json::object{{"name", name}});
  if (response.status != 201) {
    throw std::runtime_error("creating a provider answered " + std::to_string(response.status) +
                             ": " + response.body);
  }
  const auto body = boost::json::parse(response.body).as_object();
  return {body.at("provider").at("id").as_int64(),
          std::string(body.at("key").at("key").as_string())};
}

RawConnection::RawConnection(unsigned short port) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error("socket() failed: errno " + std::to_string(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error = errno;
    ::close(fd_);
    throw std::runtime_error("connect() failed: errno " + std::to_string(error));
  }
  const int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

RawConnection::~RawConnection() {
  close();
}

void RawConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  closed_ = true;
}

bool RawConnection::send(std::string_view bytes) {
  while (!bytes.empty() && !closed_) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;  // buffer full
    if (sent <= 0) {
      closed_ = true;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return !closed_;
}

void RawConnection::receive() {
  char buffer[8192];
  while (!closed_) {
    const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got > 0) {
      received_.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return;
    } else {
      closed_ = true;  // orderly close (0) or reset
    }
  }
}

std::size_t RawConnection::responses_with_status(unsigned status) const {
  // Responses are walked by their Content-Length, so a body cannot pass for a status line.
  std::size_t count = 0;
  std::size_t at = 0;
  while (at < received_.size()) {
    const std::size_t header_end = received_.find("\r\n\r\n", at);
    if (header_end == std::string::npos) break;
    const std::string_view header(received_.data() + at, header_end - at);
    std::size_t length = 0;
    const std::size_t field = header.find("Content-Length: ");
    if (field != std::string_view::npos) {
      length = std::stoul(std::string(header.substr(field + 16, 12)));
    }
    const std::size_t end = header_end + 4 + length;
    if (end > received_.size()) break;
    if (header.starts_with("HTTP/1.1 " + std::to_string(status) + " ")) ++count;
    at = end;
  }
  return count;
}

void pump(std::vector<std::unique_ptr<RawConnection>>& connections,
          std::chrono::milliseconds timeout) {
  std::vector<pollfd> descriptors;
  std::vector<RawConnection*> open;
  for (auto& connection : connections) {
    if (connection->closed()) continue;
    descriptors.push_back({connection->fd(), POLLIN, 0});
    open.push_back(connection.get());
  }
  if (descriptors.empty()) return;
  if (poll(descriptors.data(), descriptors.size(), static_cast<int>(timeout.count())) <= 0) return;
  for (std::size_t i = 0; i < descriptors.size(); ++i) {
    if (descriptors[i].revents != 0) open[i]->receive();
  }
}

std::size_t raise_open_file_limit(std::size_t wanted) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur < wanted) {
    limit.rlim_cur = std::min<rlim_t>(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  return limit.rlim_cur;
}

std::size_t open_sockets_on_port(unsigned short port) {
  // The inodes of this process's sockets ("socket:[12345]" links in /proc/self/fd).
  std::set<std::string> ours;
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    const std::string target = fs::read_symlink(entry.path(), error).string();
    if (!error && target.starts_with("socket:[") && target.ends_with(']')) {
      ours.insert(target.substr(8, target.size() - 9));
    }
  }
  // Which of them are TCP sockets whose local address has `port`: in /proc/net/tcp and tcp6, a
  // line's second field is ADDRESS:PORT in hexadecimal and its tenth the socket's inode.
  std::size_t count = 0;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // the column names
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >>
          timeout >> inode;
      const auto colon = local.rfind(':');
      if (colon == std::string::npos || !ours.contains(inode)) continue;
      if (std::stoul(local.substr(colon + 1), nullptr, 16) == port) ++count;
    }
  }
  return count;
}

std::vector<boost::json::object> list_all(HttpClient& client, const std::string& target,
                                          const std::string& key) {
  std::vector<boost::json::object> items;
  std::string cursor;
  for (;;) {
    std::string page_target = target + "?limit=1000";
    if (!cursor.empty()) page_target += "&cursor=" + cursor;
    const auto response = client.get(page_target, bearer(key));
    if (response.status != 200) {
      throw std::runtime_error("GET " + page_target + " answered " +
                               std::to_string(response.status) + ": " + response.body);
    }
    auto page = boost::json::parse(response.body).as_object();
    for (auto& item : page.at("items").as_array()) items.push_back(std::move(item.as_object()));
    if (page.at("next_cursor").is_null()) return items;
    cursor = std::string(page.at("next_cursor").as_string());
  }
}

}  // namespace caretoolkit::testing
