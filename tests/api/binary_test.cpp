// The caretoolkit binary as an operator runs it: serve prints its address, answers, and stops
// cleanly on SIGTERM and SIGINT; bad arguments exit 2 with a clear message; check reads adverts
// from files; the tracker's commands load, report and export.
#include <doctest/doctest.h>
#include <csignal>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
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

TEST_CASE("the tracker's commands load the example provider, report on it and export it") {
  TempDir dir;
  const std::string database = (dir.path() / "tracker.db").string();
  const std::string examples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/";
  const auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--db", database});
    // Not a structured binding: clang cannot capture one in INFO's lambda.
    auto result = run_caretoolkit(arguments);
    INFO(result.second);
    REQUIRE(result.first == 0);
    return std::move(result.second);
  };
  const auto contains = [](const std::string& text, const std::string& part) {
    INFO(text);
    CHECK(text.find(part) != std::string::npos);
  };
  // Three copies of Brookfield Home Care, so that the team's figures stand on enough providers.
  for (const std::string id : {"1", "2", "3"}) {
    contains(run({"provider", "add", "Brookfield " + id}), "Provider " + id + " added");
    contains(run({"import", "applicants", "--provider", id, examples + "applicants.csv"}),
             "285 rows, 285 added, 0 updated");
    contains(run({"import", "spend", "--provider", id, examples + "spend.csv"}), "57 added");
    contains(run({"import", "headcount", "--provider", id, examples + "headcount.csv"}),
             "12 added");
  }
  contains(run({"import", "applicants", "--provider", "1", examples + "applicants.csv"}),
           "285 rows, 0 added, 0 updated, 285 already stored");
  std::ifstream file(examples + "applicants.csv", std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(file)), {});
  CHECK(run({"export", "applicants", "--provider", "2"}) == original);

  const std::vector<std::string> year = {"--from",  "2025-01-01", "--to",  "2025-12-31",
                                         "--as-of", "2026-10-31", "--json"};
  const auto report = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), year.begin(), year.end());
    return boost::json::parse(run(arguments));
  };
  // The figures of examples/tracker/README.md.
  const auto funnel = report({"report", "funnel", "--provider", "1"});
  CHECK(funnel.at("total").at("applicants") == 285);
  CHECK(funnel.at("total").at("started") == 33);
  const auto team = report({"report", "team"});
  CHECK(team.at("providers") == 3);
  CHECK(team.at("applicants").at("value") == 3 * 285);
  CHECK(team.at("starters").at("value") == 3 * 33);
  CHECK(team.at("spend_pence").at("value") == 3 * 1'209'700);
  const auto retention_91 = team.at("retention").at(0).at("rate").at("value").as_double();
  CHECK(retention_91 == doctest::Approx(27.0 / 33.0));
}

TEST_CASE("importing again tells the operator what was skipped refused and replaced") {
  TempDir dir;
  const std::string database = (dir.path() / "tracker.db").string();
  const std::string examples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/";
  const auto run = [&](std::vector<std::string> arguments, int expected = 0) {
    arguments.insert(arguments.end(), {"--db", database});
    auto result = run_caretoolkit(arguments);
    INFO(result.second);
    REQUIRE(result.first == expected);
    return std::move(result.second);
  };
  const auto contains = [](const std::string& text, const std::string& part) {
    INFO(text);
    CHECK(text.find(part) != std::string::npos);
  };
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir.path() / name, std::ios::binary) << content;
    return (dir.path() / name).string();
  };
  run({"provider", "add", "Brookfield"});
  // Spend first: its sources wait for the applicants sheet to give them their channel.
  contains(run({"import", "spend", "--provider", "1", examples + "spend.csv"}), "57 added");
  const std::string applicants =
      run({"import", "applicants", "--provider", "1", examples + "applicants.csv"});
  contains(applicants, "285 rows, 285 added");
  contains(applicants,
           "Channels recorded for sources that had none yet: Facebook (social_media), Own website "
           "(own_website), Indeed (job_board),");

  // Every applicant who did not start withdrew or was rejected long before the machine's today.
  contains(run({"purge", "--provider", "1"}), "Removed the references of 252 applicants.");
  const std::string again =
      run({"import", "applicants", "--provider", "1", examples + "applicants.csv"});
  contains(again, "285 rows, 0 added, 0 updated, 33 already stored.");
  contains(again, "252 rows skipped: their applicants' references were removed by a purge.");

  const std::string header =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n";
  // BHC-0042 started on 2025-03-29; a later sheet reuses the reference for a new applicant.
  const std::string reused = write("reused.csv", header + "BHC-0042,Indeed,,,,2026-01-10,,,,,,\n");
  const std::string refused = run({"import", "applicants", "--provider", "1", reused}, 2);
  contains(refused,
           "line 2: reference: BHC-0042: source Own website → Indeed; applied_on "
           "2025-02-28 → 2026-01-10;");
  contains(refused, "started_on 2025-03-29 would be removed");
  contains(refused, "if the file is right, run the import again with --accept-changes");
  contains(run({"import", "applicants", "--provider", "1", "--accept-changes", reused}),
           "1 applicant's recorded history changed, as accepted.");

  const std::string conflict =
      write("conflict.csv", header + "BHC-9999,Facebook,job_board,,,2026-01-10,,,,,,\n");
  contains(run({"import", "applicants", "--provider", "1", conflict}, 2),
           "source 'Facebook' is recorded as social_media, not job_board: if job_board is right, "
           "correct the source first: caretoolkit source set-channel --provider 1 \"Facebook\" "
           "job_board --db \"" +
               database + "\"");

  // The January Indeed payment corrected from £387.00 to £487.00.
  std::ifstream file(examples + "spend.csv", std::ios::binary);
  std::string spend((std::istreambuf_iterator<char>(file)), {});
  const std::string original = "Indeed,2025-01-01,387.00,";
  REQUIRE(spend.find(original) != std::string::npos);
  spend.replace(spend.find(original), original.size(), "Indeed,2025-01-01,487.00,");
  const std::string corrected =
      run({"import", "spend", "--provider", "1", write("spend.csv", spend)});
  contains(corrected, "57 rows, 1 added, 0 updated, 56 already stored, 1 removed.");
  contains(corrected, "Replaced 1 row for Indeed in January 2025: £387.00 → £487.00.");
}

TEST_CASE(
    "check prints a report per file, or a JSON line each, and exits 2 naming each bad input") {
  const std::string examples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/adverts/";
  const std::string weak = examples + "care-home-weak.txt";
  const std::string strong = examples + "care-home-strong.txt";

  // Not structured bindings: clang cannot capture one in INFO's lambda.
  const auto text_run = run_caretoolkit({"check", weak});
  const int text_status = text_run.first;
  const std::string& text_output = text_run.second;
  INFO(text_output);
  CHECK(text_status == 0);
  CHECK(text_output.find(weak + ": ") == 0);
  CHECK(text_output.find("/100 (") != std::string::npos);
  CHECK(text_output.find("  essentials ") != std::string::npos);
  CHECK(text_output.find("      | ") != std::string::npos);  // a finding's line, marked
  CHECK(text_output.find('^') != std::string::npos);

  const auto json_run = run_caretoolkit({"check", "--json", weak, strong});
  const int json_status = json_run.first;
  const std::string& json_output = json_run.second;
  CHECK(json_status == 0);
  std::vector<boost::json::value> reports;
  std::size_t start = 0;
  for (std::size_t end; (end = json_output.find('\n', start)) != std::string::npos;
       start = end + 1) {
    reports.push_back(boost::json::parse(json_output.substr(start, end - start)));
  }
  CHECK(start == json_output.size());  // nothing after the last line
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].at("file").as_string() == weak);
  CHECK(reports[1].at("file").as_string() == strong);
  CHECK(reports[1].at("score").as_int64() >= reports[0].at("score").as_int64() + 20);
  CHECK(reports[0].at("findings").as_array().size() > 0);

  TempDir dir;
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir.path() / name, std::ios::binary) << content;
    return (dir.path() / name).string();
  };
  const std::string invalid = write("invalid.txt", "Good \xff text");
  const std::string large = (dir.path() / "large.txt").string();
  std::ofstream(large, std::ios::binary).put('a');
  std::filesystem::resize_file(large, (16u << 20) + 1);
  const std::string missing = (dir.path() / "missing.txt").string();
  const std::string folder = dir.path().string();
  const auto bad_run = run_caretoolkit({"check", "--json", invalid, missing, folder, large, weak});
  const int bad_status = bad_run.first;
  const std::string& bad_output = bad_run.second;
  INFO(bad_output);
  CHECK(bad_status == 2);
  CHECK(
      bad_output.find(invalid + ": the text could not be read: it is not valid UTF-8 at byte 5") !=
      std::string::npos);
  CHECK(bad_output.find(missing + ": cannot open the file") != std::string::npos);
  CHECK(bad_output.find(folder + ": is a folder") != std::string::npos);
  CHECK(bad_output.find(large + ": the text is longer than 16 MiB") != std::string::npos);
  CHECK(bad_output.find("{\"file\":\"" + weak + "\"") != std::string::npos);  // still checked

  const std::filesystem::path rules = dir.path() / "rules";
  std::filesystem::create_directory(rules);
  std::ofstream(rules / "broken.json")
      << R"({"pack": "broken", "version": "1.0.0", "rules": [{"id": "broken.shout", "kind": "style",)"
      << R"( "category": "engaging", "severity": "loud", "weight": 1, "message": "m", "source": "s",)"
      << R"( "check": "capitals"}]})";
  const auto rules_run = run_caretoolkit({"check", "--rules", rules.string(), weak});
  const int rules_status = rules_run.first;
  const std::string& rules_output = rules_run.second;
  INFO(rules_output);
  CHECK(rules_status == 2);
  CHECK(rules_output.find("broken.json") != std::string::npos);
  CHECK(rules_output.find("broken.shout") != std::string::npos);
  CHECK(rules_output.find("severity") != std::string::npos);
}

TEST_CASE("every command that opens --db names the file when it cannot, and changes nothing") {
  TempDir dir;
  const std::string folder = dir.path().string();
  const std::string foreign = (dir.path() / "notes.db").string();
  std::ofstream(foreign) << "not a database\n";
  const std::vector<std::vector<std::string>> commands = {
      {"provider", "add", "Brookfield"},
      {"admin", "create-team-key"},
      {"serve", "--listen", "127.0.0.1:0", "--quiet"},
  };
  for (const auto& command : commands) {
    for (const std::string& database : {folder, foreign}) {
      auto arguments = command;
      arguments.insert(arguments.end(), {"--db", database});
      const auto run = run_caretoolkit(arguments);
      INFO(command[0], " --db ", database, ": ", run.second);
      CHECK(run.first == 2);
      CHECK(run.second.find("cannot open the database '" + database + "': ") != std::string::npos);
      CHECK(run.second.find(database == folder ? "it is a folder" : "not a SQLite database") !=
            std::string::npos);
      CHECK(run.second.find("internal error") == std::string::npos);
    }
  }
  std::ifstream file(foreign);
  const std::string content((std::istreambuf_iterator<char>(file)), {});
  CHECK(content == "not a database\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}
