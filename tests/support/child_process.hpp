// Runs the caretoolkit binary as a child process for tests of the command line and of signals:
// standard output and error are captured, and every wait is bounded.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caretoolkit::testing {

class ChildProcess {
 public:
  // Starts `program` with `arguments` in `working_directory` (empty: this process's own); stdout
  // and stderr go to one pipe.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
               const std::filesystem::path& working_directory = {});
  ~ChildProcess();  // kills the child if it is still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Reads output until a line containing `needle` arrives; returns that line, or nullopt when the
  // child closes its output or the timeout passes.
  std::optional<std::string> wait_for_line(const std::string& needle,
                                           std::chrono::milliseconds timeout);
  void send_signal(int signal);
  // Waits for exit; returns the exit status, or -1 on timeout (the child is then killed).
  int wait(std::chrono::milliseconds timeout);
  // All output read so far, including what wait() drained.
  const std::string& output() const { return output_; }
  pid_t pid() const { return pid_; }

 private:
  bool read_available(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int output_fd_ = -1;
  std::string output_;
  std::size_t scanned_ = 0;
  std::optional<int> exit_status_;
};

// The path of the built binary (build/caretoolkit).
std::string caretoolkit_binary();

// The arguments of `caretoolkit serve` on a free loopback port (read it from the banner) with the
// repository's pages and rules, the access log off, and the database `database` (a SQLite file, or
// a PostgreSQL URI).
std::vector<std::string> serve_arguments(const std::filesystem::path& database);

// Runs the binary to completion (at most 60 s), in `working_directory` when one is given, and
// returns {exit status, output}.
std::pair<int, std::string> run_caretoolkit(const std::vector<std::string>& arguments,
                                            const std::filesystem::path& working_directory = {});

// True when a program's output holds `part`.
inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace caretoolkit::testing
