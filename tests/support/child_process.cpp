// Child processes for command-line tests; see child_process.hpp.
#include "child_process.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <stdexcept>
#include <thread>

namespace caretoolkit::testing {

using Clock = std::chrono::steady_clock;

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
                           const std::filesystem::path& working_directory) {
  const std::string directory = working_directory.string();  // before fork: no allocation after
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    if (!directory.empty() && chdir(directory.c_str()) != 0) _exit(127);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  output_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
  if (!exit_status_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (output_fd_ >= 0) close(output_fd_);
}

bool ChildProcess::read_available(std::chrono::milliseconds timeout) {
  pollfd descriptor{output_fd_, POLLIN, 0};
  if (poll(&descriptor, 1, static_cast<int>(timeout.count())) <= 0) return false;
  char chunk[4096];
  const ssize_t n = read(output_fd_, chunk, sizeof chunk);
  if (n <= 0) return false;
  output_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<std::string> ChildProcess::wait_for_line(const std::string& needle,
                                                       std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    // scanned_ always points at the start of the first line not yet looked at.
    std::size_t newline;
    while ((newline = output_.find('\n', scanned_)) != std::string::npos) {
      std::string line = output_.substr(scanned_, newline - scanned_);
      scanned_ = newline + 1;
      if (line.find(needle) != std::string::npos) return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !read_available(left)) return std::nullopt;
  }
}

void ChildProcess::send_signal(int signal) {
  kill(pid_, signal);
}

int ChildProcess::wait(std::chrono::milliseconds timeout) {
  if (exit_status_) return *exit_status_;
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      while (read_available(std::chrono::milliseconds(0))) {
      }
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return *exit_status_;
    }
    read_available(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string caretoolkit_binary() {
  return std::string(CARETOOLKIT_BINARY_DIR) + "/caretoolkit";
}

std::vector<std::string> serve_arguments(const std::filesystem::path& database) {
  return {"serve",
          "--listen",
          "127.0.0.1:0",
          "--db",
          database.string(),
          "--content",
          std::string(CARETOOLKIT_SOURCE_DIR) + "/toolkit-content",
          "--rules",
          std::string(CARETOOLKIT_SOURCE_DIR) + "/rules",
          "--quiet"};
}

std::pair<int, std::string> run_caretoolkit(const std::vector<std::string>& arguments,
                                            const std::filesystem::path& working_directory) {
  ChildProcess child(caretoolkit_binary(), arguments, working_directory);
  const int status = child.wait(std::chrono::seconds(60));
  return {status, child.output()};
}

}  // namespace caretoolkit::testing
