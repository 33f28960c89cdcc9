// The caretoolkit binary as an operator runs it: serve prints its address, answers, and stops
// cleanly on SIGTERM and SIGINT; bad arguments exit 2 with a clear message.
#include <doctest/doctest.h>
#include <csignal>

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "http_client.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;

namespace {

unsigned short port_from_banner(const std::string& line) {
  // "caretoolkit is serving on http://127.0.0.1:PORT/"
  const std::size_t colon = line.rfind(':');
  return static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
}

}  // namespace

TEST_CASE("serve prints its address and stops cleanly on a signal") {
  for (const int signal : {SIGTERM, SIGINT}) {
    CAPTURE(signal);
    TempDir dir;
    const auto database = dir.path() / "data" / "caretoolkit.db";
    ChildProcess child(caretoolkit_binary(), serve_arguments(database));
    const auto banner = child.wait_for_line("serving on http://", 20s);
    REQUIRE(banner.has_value());
    const unsigned short port = port_from_banner(*banner);
    {
      HttpClient client("127.0.0.1", port);
      CHECK(client.get("/healthz").status == 200);
    }
    CHECK(std::filesystem::exists(database));  // created on first start
    child.send_signal(signal);
    CHECK(child.wait(20s) == 0);
  }
}

TEST_CASE("version and help exit 0 and bad arguments exit 2") {
  auto [version_status, version_output] = run_caretoolkit({"--version"});
  CHECK(version_status == 0);
  CHECK(version_output.find("caretoolkit 0.1.0") != std::string::npos);

  auto [help_status, help_output] = run_caretoolkit({"--help"});
  CHECK(help_status == 0);
  CHECK(help_output.find("serve") != std::string::npos);

  auto [bad_status, bad_output] = run_caretoolkit({"serve", "--threads", "lots"});
  CHECK(bad_status == 2);
  CHECK(bad_output.find("--threads") != std::string::npos);

  auto [port_status, port_output] = run_caretoolkit({"serve", "--listen", "localhost"});
  CHECK(port_status == 2);
  CHECK(port_output.find("--listen") != std::string::npos);

  auto [none_status, none_output] = run_caretoolkit({"no-such-command"});
  CHECK(none_status == 2);
}

TEST_CASE("serve refuses a content folder that does not exist") {
  TempDir dir;
  auto [status, output] =
      run_caretoolkit({"serve", "--listen", "127.0.0.1:0", "--db", (dir.path() / "x.db").string(),
                       "--content", (dir.path() / "missing").string(), "--rules",
                       std::string(CARETOOLKIT_SOURCE_DIR) + "/rules"});
  CHECK(status == 2);
  CHECK(output.find("content folder") != std::string::npos);
}

TEST_CASE("admin create-team-key prints a key that the server accepts") {
  TempDir dir;
  const auto database = (dir.path() / "team.db").string();
  auto [status, output] = run_caretoolkit({"admin", "create-team-key", "--db", database});
  REQUIRE(status == 0);
  const std::string key = output.substr(0, output.find('\n'));
  CHECK(key.starts_with("ctk_"));
  ChildProcess child(caretoolkit_binary(), serve_arguments(database));
  const auto banner = child.wait_for_line("serving on http://", 20s);
  REQUIRE(banner.has_value());
  HttpClient client("127.0.0.1", port_from_banner(*banner));
  CHECK(client.get("/api/v1/providers", {{"Authorization", "Bearer " + key}}).status == 200);
  CHECK(client.get("/api/v1/providers", {{"Authorization", "Bearer ctk_wrong"}}).status == 401);
  child.send_signal(SIGTERM);
  CHECK(child.wait(20s) == 0);
}

TEST_CASE("examples/api.sh walks through the API against a real server without an error") {
  TempDir dir;
  const auto database = dir.path() / "caretoolkit.db";
  ChildProcess server(caretoolkit_binary(), serve_arguments(database));
  const auto banner = server.wait_for_line("serving on http://", 20s);
  REQUIRE(banner.has_value());
  const std::string base = "http://127.0.0.1:" + std::to_string(port_from_banner(*banner));
  // The script reads its sample CSV files relative to the repository, as a reader would run it.
  ChildProcess walk(
      "/bin/sh", {"-c", R"(cd "$1" && CARETOOLKIT="$2" bash examples/api.sh "$3" "$4")", "api.sh",
                  CARETOOLKIT_SOURCE_DIR, caretoolkit_binary(), base, database.string()});
  const int status = walk.wait(120s);
  INFO(walk.output());
  CHECK(status == 0);
  for (const char* step : {"score ", "Team key 1 created", R"("status":422)", R"("created":)",
                           "-- roi", R"("report":"team_kpis")"}) {
    CAPTURE(step);
    CHECK(walk.output().find(step) != std::string::npos);
  }
  server.send_signal(SIGTERM);
  CHECK(server.wait(20s) == 0);
}
