// The caretoolkit binary as an operator runs it: serve prints its address, answers, and stops
// cleanly on SIGTERM and SIGINT; bad arguments exit 2 with a clear message; check reads adverts
// from files; the tracker's commands load, report and export.
#include <doctest/doctest.h>
#include <csignal>
#include <cstdio>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "core/date.hpp"
#include "http_client.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;
using namespace std::chrono_literals;

namespace {

unsigned short port_from_banner(const std::string& line) {
  // "caretoolkit is serving on http://127.0.0.1:PORT/" (or "... on http://127.0.0.1:PORT/metrics")
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

TEST_CASE("the access log names the public id of the key behind a request and never its secret") {
  TempDir dir;
  const auto database = (dir.path() / "log.db").string();
  auto [status, output] = run_caretoolkit({"admin", "create-team-key", "--db", database});
  REQUIRE(status == 0);
  const std::string key = output.substr(0, output.find('\n'));
  REQUIRE(key.size() > 21);
  const std::string public_id = key.substr(4, 16);  // "ctk_<16 hex digits>_<secret>"
  const std::string secret = key.substr(21);
  auto arguments = serve_arguments(database);
  std::erase(arguments, std::string("--quiet"));
  ChildProcess child(caretoolkit_binary(), arguments);
  const auto banner = child.wait_for_line("serving on http://", 20s);
  REQUIRE(banner.has_value());
  HttpClient client("127.0.0.1", port_from_banner(*banner));
  CHECK(client.get("/api/v1/providers", {{"Authorization", "Bearer " + key}}).status == 200);
  const auto line = child.wait_for_line(R"("path":"/api/v1/providers")", 10s);
  REQUIRE(line.has_value());
  const auto entry = boost::json::parse(*line).as_object();
  CHECK(entry.at("key").as_string() == public_id);
  CHECK(entry.at("status").as_int64() == 200);

  CHECK(client.get("/healthz").status == 200);
  const auto anonymous = child.wait_for_line(R"("path":"/healthz")", 10s);
  REQUIRE(anonymous.has_value());
  CHECK_FALSE(boost::json::parse(*anonymous).as_object().contains("key"));
  child.send_signal(SIGTERM);
  CHECK(child.wait(20s) == 0);
  CHECK(child.output().find(secret) == std::string::npos);
}

TEST_CASE("serve with --metrics-listen answers /metrics only on that address") {
  TempDir dir;
  auto arguments = serve_arguments(dir.path() / "metrics.db");
  arguments.insert(arguments.end(), {"--metrics-listen", "127.0.0.1:0"});
  ChildProcess child(caretoolkit_binary(), arguments);
  const auto metrics_banner = child.wait_for_line("serves its metrics on http://", 20s);
  REQUIRE(metrics_banner.has_value());
  const auto banner = child.wait_for_line("serving on http://", 20s);
  REQUIRE(banner.has_value());
  {
    HttpClient main("127.0.0.1", port_from_banner(*banner));
    CHECK(main.get("/healthz").status == 200);
    CHECK(main.get("/metrics").status == 404);
    HttpClient metrics("127.0.0.1", port_from_banner(*metrics_banner));
    const auto scraped = metrics.get("/metrics");
    CHECK(scraped.status == 200);
    CHECK(scraped.body.find("caretoolkit_http_open_connections") != std::string::npos);
    CHECK(metrics.get("/healthz").status == 404);
    CHECK(metrics.get("/api/v1/providers").status == 404);
  }
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
  const auto check_shows = [](const std::string& text, const std::string& part) {
    INFO(text);
    CHECK(text.find(part) != std::string::npos);
  };
  // Three copies of Brookfield Home Care, so that the team's figures stand on enough providers.
  for (const std::string id : {"1", "2", "3"}) {
    check_shows(run({"provider", "add", "Brookfield " + id}), "Provider " + id + " added");
    check_shows(run({"import", "applicants", "--provider", id, examples + "applicants.csv"}),
                "285 rows, 285 added, 0 updated");
    check_shows(run({"import", "spend", "--provider", id, examples + "spend.csv"}), "57 added");
    check_shows(run({"import", "headcount", "--provider", id, examples + "headcount.csv"}),
                "12 added");
  }
  check_shows(run({"import", "applicants", "--provider", "1", examples + "applicants.csv"}),
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

namespace {

// A database holding the example provider (examples/tracker), made with the binary itself.
class ExampleTracker {
 public:
  ExampleTracker() {
    const std::string examples = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/";
    REQUIRE(run({"provider", "add", "Brookfield Home Care"}).first == 0);
    for (const char* form : {"applicants", "spend", "headcount"}) {
      REQUIRE(run({"import", form, "--provider", "1", examples + form + ".csv"}).first == 0);
    }
  }

  // Runs the binary on this database: {exit status, output}.
  std::pair<int, std::string> run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.end(), {"--db", database_});
    return run_caretoolkit(arguments);
  }

  // A report of provider 1 for 2025 as of 2026-10-31, which must succeed: its output.
  std::string report(const std::string& name, std::vector<std::string> options = {}) const {
    std::vector<std::string> arguments = {"report", name,         "--from",  "2025-01-01",
                                          "--to",   "2025-12-31", "--as-of", "2026-10-31"};
    if (name != "team") arguments.insert(arguments.end(), {"--provider", "1"});
    arguments.insert(arguments.end(), options.begin(), options.end());
    auto result = run(arguments);
    INFO(result.second);
    REQUIRE(result.first == 0);
    return std::move(result.second);
  }

 private:
  TempDir dir_;
  TestStoreLocation store_{dir_.path() / "tracker.db"};
  std::string database_ = store_.location();
};

// "1900.0%": a fraction as the readable reports print it.
std::string percent(double fraction) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", fraction * 100.0);
  return buffer;
}

}  // namespace

TEST_CASE("readable reports say in words why each figure is missing and show no codes") {
  const ExampleTracker tracker;
  for (const char* name : {"funnel", "roi", "retention", "workforce", "team"}) {
    CAPTURE(name);
    const std::string text = tracker.report(name);
    INFO(text);
    CHECK(text.find('_') == std::string::npos);  // no snake_case codes or benchmark ids
    CHECK_FALSE(contains(text, "true"));
    CHECK_FALSE(contains(text, "false"));
    CHECK_FALSE(contains(text, "  -\n"));  // no bare dash for a missing figure
    CHECK_FALSE(contains(text, "  -  "));
  }
  const std::string workforce = tracker.report("workforce");
  INFO(workforce);
  CHECK(contains(workforce, "Home care, Leicestershire"));
  CHECK(contains(workforce, "service type                                 Home care"));

  const std::string roi = tracker.report("roi");
  INFO(roi);
  CHECK(contains(roi, "\nWhere a figure is missing:\n(a) no starters\n"));
  CHECK(contains(roi, ") too few hires to judge: fewer than 5 starters in the period\n"));
  CHECK(contains(roi, ") none of the starters old enough to judge stayed 182 days\n"));
  CHECK(contains(roi, ") no spend recorded\n"));
  CHECK(contains(roi, "replacement cost of £3,600.00 (the default: Skills for Care's"));
  CHECK(contains(roi, "hires expected to stay a year"));
  // Own website: 5 starters, 3 expected to stay a year, £540 spent: £180 each; 3 x £3,600 =
  // £10,800 against £540 is a return of 19 (1900 %).
  CHECK(
      roi.ends_with("\nThe next pound goes furthest on Own website: £180.00 per hire expected "
                    "to stay a year, a return on spend of 1900.0%.\n"));

  // No return is printed for a source with too few hires, though the JSON carries one.
  const auto json = boost::json::parse(tracker.report("roi", {"--json"}));
  int held_back = 0;
  for (const auto& source : json.at("sources").as_array()) {
    if (!source.at("too_few_hires").as_bool() || source.at("roi").is_null()) continue;
    const std::string shown = percent(source.at("roi").to_number<double>());
    CAPTURE(shown);
    CHECK_FALSE(contains(roi, " " + shown));
    ++held_back;
  }
  CHECK(held_back >= 2);  // Careers fair and Facebook, at least

  // With 2025 as of its own end, no source with enough hires has been judged at a year.
  const auto [status, early] = tracker.run(
      {"report", "roi", "--provider", "1", "--from", "2025-01-01", "--to", "2025-12-31"});
  CHECK(status == 0);
  CHECK(contains(early, ") not known yet: nobody has been in post 365 days\n"));
  CHECK(
      early.ends_with("\nWhere the next pound goes is not known yet: no source with at least 5 "
                      "starters has a hire expected to stay a year.\n"));
}

TEST_CASE("report --csv writes money in pounds and rates with at most four decimals") {
  const ExampleTracker tracker;
  const std::string roi = tracker.report("roi", {"--csv"});
  INFO(roi);
  CHECK(roi.starts_with("group_key,group_label,spend_pounds,applicants,starters,"));
  // Indeed: £4,889 over 116 applicants and 11 starters.
  CHECK(contains(roi, ",Indeed,4889.00,116,11,42.15,444.45,"));
  for (const char* name : {"funnel", "roi", "retention", "workforce", "team"}) {
    CAPTURE(name);
    const std::string csv = tracker.report(name, {"--csv"});
    INFO(csv);
    CHECK_FALSE(contains(csv, "_pence"));
    // The most digits after a decimal point anywhere in the file.
    std::size_t decimals = 0;
    std::size_t longest = 0;
    bool after_point = false;
    for (const char c : csv) {
      const bool digit = c >= '0' && c <= '9';
      decimals = after_point && digit ? decimals + 1 : 0;
      after_point = c == '.' || (after_point && digit);
      longest = std::max(longest, decimals);
    }
    CHECK(longest <= 4);
  }
}

TEST_CASE("report refuses an as-of date after today with exit 2 and says why") {
  const ExampleTracker tracker;
  const std::string tomorrow = caretoolkit::Date::today().plus_days(1).to_string();
  for (const char* name : {"roi", "retention", "team"}) {
    CAPTURE(name);
    std::vector<std::string> arguments = {"report", name,         "--from",  "2025-01-01",
                                          "--to",   "2025-12-31", "--as-of", tomorrow};
    if (std::string(name) != "team") arguments.insert(arguments.end(), {"--provider", "1"});
    const auto result = tracker.run(arguments);
    const std::string& output = result.second;
    INFO(output);
    CHECK(result.first == 2);
    CHECK(contains(output, "The as-of date (" + tomorrow + ") cannot be after today ("));
    CHECK(contains(output, "nobody can be counted as staying for time that has not passed"));
  }
  // A period that runs past today is seen as it stands today.
  const caretoolkit::Date today = caretoolkit::Date::today();
  const auto [status, output] = tracker.run({"report", "funnel", "--provider", "1", "--from",
                                             today.plus_days(-30).to_string(), "--to",
                                             today.plus_days(30).to_string(), "--json"});
  REQUIRE(status == 0);
  CHECK(boost::json::parse(output).at("period").at("as_of").as_string() == today.to_string());
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
           "correct the source first: " +
               caretoolkit_binary() +
               R"( source set-channel --provider 1 "Facebook" job_board --db ")" + database + "\"");

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

TEST_CASE("the command a channel conflict prints runs as printed and mends the source") {
  TempDir dir;
  const std::string database = (dir.path() / "my tracker.db").string();
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir.path() / name, std::ios::binary) << content;
    return (dir.path() / name).string();
  };
  REQUIRE(run_caretoolkit({"provider", "add", "Brookfield", "--db", database}).first == 0);
  const std::string header =
      "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
      "left_on,left_reason,outcome\n";
  // A name with the characters a shell reads inside double quotes.
  const std::string first =
      write("first.csv",
            header + "A-1,\"Ads \"\"$HOME\"\" `x` \\ 50%\",Social media,,,2025-02-03,,,,,,\n");
  REQUIRE(
      run_caretoolkit({"import", "applicants", "--provider", "1", first, "--db", database}).first ==
      0);
  const std::string second = write(
      "second.csv", header + "A-2,\"ads \"\"$HOME\"\" `x` \\ 50%\",Job board,,,2025-02-04,,,,,,\n");
  const auto refusal =
      run_caretoolkit({"import", "applicants", "--provider", "1", second, "--db", database});
  const std::string& refused = refusal.second;
  INFO(refused);
  REQUIRE(refusal.first == 2);
  const std::string lead = "correct the source first: ";
  // The problem's own line, after the summary's first line that ends in a bracket.
  const std::size_t start = refused.rfind(lead);
  REQUIRE(start != std::string::npos);
  const std::string command =
      refused.substr(start + lead.size(), refused.find('\n', start) - start - lead.size());
  CHECK(command.starts_with(caretoolkit_binary() + " source set-channel --provider 1 "));

  // Pasted into a shell in another folder, it runs and says what it did.
  ChildProcess shell("/bin/sh", {"-c", command}, "/");
  REQUIRE(shell.wait(std::chrono::seconds(60)) == 0);
  CHECK(shell.output() ==
        "Source 1 (Ads \"$HOME\" `x` \\ 50%) moved from Social media to Job board.\n");
  const auto import =
      run_caretoolkit({"import", "applicants", "--provider", "1", second, "--db", database});
  const std::string& imported = import.second;
  INFO(imported);
  CHECK(import.first == 0);
  CHECK(imported.find(": 1 row, 1 added, 0 updated, 0 already stored.\n") != std::string::npos);
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

TEST_CASE("a bare file name for --db makes the database in the working folder") {
  TempDir dir;
  const auto added =
      run_caretoolkit({"provider", "add", "Brookfield", "--db", "new.db"}, dir.path());
  INFO(added.second);
  CHECK(added.first == 0);
  CHECK(added.second.find("Provider 1 added: Brookfield") != std::string::npos);
  CHECK(std::filesystem::is_regular_file(dir.path() / "new.db"));
  const auto listed = run_caretoolkit({"provider", "list", "--db", "new.db"}, dir.path());
  CHECK(listed.first == 0);
  CHECK(listed.second.find("1\tBrookfield\t") != std::string::npos);
}

TEST_CASE(
    "a command that needs stored records says a missing --db file does not exist and makes "
    "nothing") {
  TempDir dir;
  const std::string csv = std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/applicants.csv";
  const std::vector<std::vector<std::string>> commands = {
      {"report", "funnel", "--provider", "1"},          {"report", "team"},
      {"export", "applicants", "--provider", "1"},      {"provider", "list"},
      {"import", "applicants", "--provider", "1", csv}, {"purge"},
  };
  // A bare name, a mistyped folder and a whole path, as an operator might mistype each.
  const std::vector<std::string> missing = {"trakcer.db", "dta/caretoolkit.db",
                                            (dir.path() / "gone" / "caretoolkit.db").string()};
  for (const auto& command : commands) {
    for (const std::string& database : missing) {
      auto arguments = command;
      arguments.insert(arguments.end(), {"--db", database});
      const auto run = run_caretoolkit(arguments, dir.path());
      INFO(command[0], " ", command[1], " --db ", database, ": ", run.second);
      CHECK(run.first == 2);
      CHECK(run.second.find("cannot open the database '" + database +
                            "': the file does not exist") != std::string::npos);
    }
  }
  CHECK(std::filesystem::is_empty(dir.path()));  // no file, no folder
}

TEST_CASE("a refused import prints its first rows and then one line per column and kind of fault") {
  // The example applicants with every date written month first as a US spreadsheet shows them
  // ("Jan 6, 2025"): 285 rows and over 400 bad dates, which printed one line each.
  TempDir dir;
  const std::string database = (dir.path() / "tracker.db").string();
  std::ifstream examples(std::string(CARETOOLKIT_SOURCE_DIR) + "/examples/tracker/applicants.csv",
                         std::ios::binary);
  const std::string iso((std::istreambuf_iterator<char>(examples)), {});
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string us;
  for (std::size_t i = 0; i < iso.size();) {
    const auto day = i + 10 <= iso.size() && (i == 0 || iso[i - 1] == ',')
                         ? caretoolkit::Date::parse(std::string_view(iso).substr(i, 10))
                         : std::nullopt;
    if (!day) {
      us += iso[i++];
      continue;
    }
    const std::string text = day->to_string();
    // (Appended piece by piece, not with operator+, which trips GCC 12's -Wrestrict.)
    us += '"';
    us += kMonths[std::stoi(text.substr(5, 2)) - 1];
    us += ' ';
    us += std::to_string(std::stoi(text.substr(8, 2)));
    us += ", ";
    us += text.substr(0, 4);
    us += '"';
    i += 10;
  }
  const std::string file = (dir.path() / "applicants-us.csv").string();
  std::ofstream(file, std::ios::binary) << us;

  REQUIRE(run_caretoolkit({"provider", "add", "Brookfield", "--db", database}).first == 0);
  const auto result =
      run_caretoolkit({"import", "applicants", "--provider", "1", file, "--db", database});
  const std::string& output = result.second;
  INFO(output);
  CHECK(result.first == 2);
  std::vector<std::string> lines;
  std::istringstream stream(output);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  // The message, five rows, a line to say the rest follow summed up, one line per date column.
  REQUIRE(lines.size() == 12);
  CHECK(lines[0].starts_with(
      "caretoolkit: nothing was imported: the applicants file has 444 problems in 285 rows "
      "(first: line 2, applied_on: applied_on 'Jan 1, 2025' is not a date; write it as "
      "2025-02-03 or 03/02/2025)"));
  CHECK(lines[1] ==
        "  line 2: applied_on: applied_on 'Jan 1, 2025' is not a date; write it as 2025-02-03 or "
        "03/02/2025");
  CHECK(lines[5].starts_with("  line "));
  CHECK(lines[6] == "  and the rest; in all:");
  CHECK(lines[7] ==
        "  applied_on: 285 rows are not dates (lines 2, 3, 4 and 282 more); write dates as "
        "2025-02-03 or 03/02/2025");
  CHECK(lines[8].starts_with("  interviewed_on: 70 rows are not dates (lines "));
  CHECK(lines[11].starts_with("  left_on: 17 rows are not dates (lines "));
}

TEST_CASE("provider set-joined records the joining day and report impact pools the members") {
  TempDir dir;
  const std::string database = (dir.path() / "tracker.db").string();
  const auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--db", database});
    return run_caretoolkit(arguments);
  };
  // Three members, each with a headcount in the year before joining and one over a year after:
  // 16 of 40, 10 of 20 and 12 of 30 left before (38 / 90 = 42.2 %); 10 of 50, 5 of 25 and 6 of 30
  // since (21 / 105 = 20 %).
  const char* rows[][3] = {{"2025-01-01", "2024-12-01,,40,5,16", "2026-09-15,,50,2,10"},
                           {"2025-03-01", "2025-01-31,,20,4,10", "2026-06-30,,25,1,5"},
                           {"2025-06-01", "2025-05-31,,30,6,12", "2026-09-01,,30,3,6"}};
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(i + 1);
    REQUIRE(run({"provider", "add", "Member " + id}).first == 0);
    const std::string csv = (dir.path() / ("headcount" + id + ".csv")).string();
    std::ofstream(csv) << "date,service,staff,vacancies,leavers\n"
                       << rows[i][1] << "\n"
                       << rows[i][2] << "\n";
    REQUIRE(run({"import", "headcount", "--provider", id, csv}).first == 0);
    const auto joined = run({"provider", "set-joined", id, rows[i][0]});
    INFO(joined.second);
    CHECK(joined.first == 0);
    CHECK(joined.second ==
          "Provider " + id + " (Member " + id + ") joined the scheme on " + rows[i][0] + ".\n");
  }
  REQUIRE(run({"provider", "add", "Not yet dated"}).first == 0);
  const auto listed = run({"provider", "list"});
  CHECK(contains(listed.second, "1\tMember 1\t(added "));
  CHECK(contains(listed.second, ", joined the scheme 2025-01-01)\n"));

  // Bad days are refused with exit 2 in the user's words, and nothing changes.
  const std::string tomorrow = caretoolkit::Date::today().plus_days(1).to_string();
  for (const auto& [day, words] :
       {std::pair<std::string, std::string>{
            tomorrow, "Date joined the scheme (" + tomorrow + ") is in the future: today is "},
        {"2025-02-30", "DATE must be a real date, not '2025-02-30' (February 2025 has 28 days)"},
        {"1/3/2025", "DATE must be a date written YYYY-MM-DD, not '1/3/2025'"}}) {
    const auto refused = run({"provider", "set-joined", "1", day});
    INFO(refused.second);
    CHECK(refused.first == 2);
    CHECK(contains(refused.second, words));
  }
  CHECK(run({"provider", "set-joined", "9", "2025-01-01"}).second ==
        "caretoolkit: provider 9 was not found\n");
  CHECK(run({"provider", "list"}).second == listed.second);

  const auto csv = run({"report", "impact", "--as-of", "2026-09-30", "--csv"});
  INFO(csv.second);
  REQUIRE(csv.first == 0);
  CHECK(contains(csv.second, "\r\nbefore,,,,0.4222,3,38,90,0.1429,3,15,105,,0,,\r\n"));
  CHECK(contains(csv.second, "\r\nafter,,,,0.2,3,21,105,0.0541,3,6,111,,0,,\r\n"));
  const auto text = run({"report", "impact", "--as-of", "2026-09-30"});
  CHECK(contains(text.second, "1 of 4 providers has no joining day recorded and is left out."));
  CHECK(contains(text.second, "42.2%"));
  const auto json = run({"report", "impact", "--as-of", "2026-09-30", "--json"});
  CHECK(boost::json::parse(json.second).at("after").at("turnover").at("numerator") == 21);
  // Cleared, a member drops out and its figures are withheld.
  REQUIRE(run({"provider", "set-joined", "3", "none"}).second ==
          "Provider 3 (Member 3) has no joining day recorded.\n");
  CHECK(contains(run({"report", "impact", "--as-of", "2026-09-30", "--csv"}).second,
                 "\r\nbefore,,,,withheld,2,"));
}
