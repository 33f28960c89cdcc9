// What the tracker page asks of the API, over HTTP: the vocabulary (stages with what may follow
// each, outcomes, channels and service types with their labels, all from lib/tracker), the
// applicants at each stage with counts per stage, search by part of a reference, the newest
// first, refusals in plain words, and a "page not found" page for addresses that have no page.
// The pages hold no copy of the vocabulary: a test reads them for one.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_fixture.hpp"
#include "tracker/stages.hpp"

using namespace caretoolkit::testing;
namespace tr = caretoolkit::tracker;

namespace {

std::string body_text(const boost::json::value& value) {
  return std::string(value.as_string());
}

struct Board {
  ApiFixture api;
  ProviderAccount provider = api.create_provider("Willow Care");
  std::int64_t source =
      api.post("/api/v1/sources", provider.key, R"({"name":"Indeed","channel":"job_board"})")
          .at("id")
          .as_int64();

  boost::json::object applicant(const std::string& reference, const std::string& applied_on) {
    return api.post("/api/v1/applicants", provider.key,
                    R"({"reference":")" + reference + R"(","source_id":)" + std::to_string(source) +
                        R"(,"applied_on":")" + applied_on + R"("})");
  }
  void event(const boost::json::object& applicant, const std::string& stage,
             const std::string& on) {
    api.post("/api/v1/applicants/" + std::to_string(applicant.at("id").as_int64()) + "/events",
             provider.key, R"({"stage":")" + stage + R"(","on":")" + on + R"("})");
  }
  std::vector<std::string> references(const std::string& query) {
    const auto page = api.get("/api/v1/applicants?" + query, provider.key);
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array()) {
      out.push_back(body_text(item.at("reference")));
    }
    return out;
  }
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("the vocabulary gives each stage its label and the stages that may follow it") {
  ApiFixture api;
  const auto vocabulary = api.get("/api/v1/vocabulary", "");
  const auto& stages = vocabulary.at("stages").as_array();
  REQUIRE(stages.size() == 7);
  CHECK(stages[0].at("name") == "applied");
  CHECK(stages[0].at("label") == "Applied");
  CHECK(boost::json::serialize(stages[0].at("next")) ==
        R"(["interviewed","offered","withdrawn","rejected"])");
  CHECK(stages[2].at("name") == "offered");
  CHECK(stages[2].at("label") == "Offered a job");
  CHECK(boost::json::serialize(stages[2].at("next")) == R"(["started","withdrawn","rejected"])");
  CHECK(boost::json::serialize(stages[3].at("next")) == R"(["left"])");
  CHECK(stages[4].at("next").as_array().empty());
  CHECK(stages[4].at("reason") == true);  // why they left
  CHECK(stages[1].at("reason") == false);
  CHECK(
      boost::json::serialize(vocabulary.at("outcomes")) ==
      R"([{"name":"withdrawn","label":"Withdrew"},{"name":"rejected","label":"Not taken forward"}])");
  const auto& channels = vocabulary.at("channels").as_array();
  REQUIRE(channels.size() == 8);
  CHECK(channels[3].at("name") == "jobcentre_plus");
  CHECK(channels[3].at("label") == "Jobcentre Plus");
  CHECK(vocabulary.at("service_types").as_array()[0].at("label") == "Home care");
  CHECK(vocabulary.at("field_labels").at("offered_on") == "Date offered a job");
}

TEST_CASE("the OpenAPI document lists the vocabulary's names as the enums") {
  ApiFixture api;
  const auto document = api.get("/api/v1/openapi.json", "");
  const auto& schemas = document.at("components").at("schemas");
  const auto names = [](const boost::json::value& list) {
    std::string out;
    for (const auto& item : list.as_array()) {
      if (&item != list.as_array().begin()) out += ", ";
      out += body_text(item);
    }
    return out;
  };
  CHECK(names(schemas.at("Channel").at("enum")) == tr::channel_names());
  CHECK(names(schemas.at("ServiceType").at("enum")) == tr::service_type_names());
  CHECK(names(schemas.at("Stage").at("enum")) == tr::stage_names());
  // An applicant still in progress, or who started, has the empty outcome.
  CHECK(names(schemas.at("Outcome").at("enum")) == ", withdrawn, rejected");
}

TEST_CASE("the board reads each stage newest first with counts of what it shows and of all") {
  Board board;
  const auto old = board.applicant("MAN-001", "2024-01-10");
  board.event(old, "interviewed", "2024-01-15");
  const auto a = board.applicant("MAN-002", "2025-03-01");
  const auto b = board.applicant("man-0015", "2025-03-02");
  board.event(b, "offered", "2025-03-05");
  const auto c = board.applicant("MAN-010", "2025-03-03");
  board.event(c, "withdrawn", "2025-03-04");
  CHECK(board.api
            .get("/api/v1/applicants/" + std::to_string(b.at("id").as_int64()), board.provider.key)
            .at("stage") == "offered");

  const auto counts =
      board.api.get("/api/v1/applicants/stages?applied_from=2025-01-01", board.provider.key);
  CHECK(counts.at("total").as_int64() == 4);
  CHECK(counts.at("matched").as_int64() == 3);
  CHECK(boost::json::serialize(counts.at("stages")) ==
        R"([{"stage":"applied","count":1},{"stage":"interviewed","count":0},)"
        R"({"stage":"offered","count":1},{"stage":"started","count":0},{"stage":"left","count":0},)"
        R"({"stage":"withdrawn","count":1},{"stage":"rejected","count":0}])");

  CHECK(board.references("stage=interviewed") == std::vector<std::string>{"MAN-001"});
  CHECK(board.references("reference_contains=001") ==
        std::vector<std::string>{"MAN-001", "man-0015"});
  CHECK(board.references("order=newest&limit=2") ==
        std::vector<std::string>{"MAN-010", "man-0015"});
  const auto refused = board.api.call("GET", "/api/v1/applicants?stage=hired", board.provider.key);
  CHECK(refused.status == 422);
  CHECK(parse_json(refused.body).at("field") == "stage");
  CHECK(board.api.call("GET", "/api/v1/applicants?order=sideways", board.provider.key).status ==
        422);
}

TEST_CASE("refusals say in plain words what is wrong and what to do") {
  Board board;
  board.applicant("MAN-001", "2025-03-01");
  const auto twice =
      board.api.call("POST", "/api/v1/applicants", board.provider.key,
                     R"({"reference":"MAN-001","source_id":)" + std::to_string(board.source) +
                         R"(,"applied_on":"2025-03-02"})");
  CHECK(twice.status == 409);
  const auto problem = parse_json(twice.body);
  CHECK(problem.at("detail") ==
        "The reference MAN-001 is already used by another applicant: choose another or edit "
        "that applicant");
  CHECK(problem.at("field") == "reference");

  // A date is named by its label and the problem said as a person would say it.
  const auto date_problem = [&](const std::string& applied_on) {
    const auto refused =
        board.api.call("POST", "/api/v1/applicants", board.provider.key,
                       R"({"reference":"MAN-003","source_id":)" + std::to_string(board.source) +
                           R"(,"applied_on":")" + applied_on + R"("})");
    CHECK(refused.status == 422);
    const auto body = parse_json(refused.body);
    CHECK(body.at("field") == "/applied_on");
    return body_text(body.at("detail"));
  };
  CHECK(date_problem("2025-02-31") ==
        "Date applied: 31 February 2025 is not a date: February 2025 has 28 days");
  CHECK(date_problem("") == "Date applied: enter a date, such as 2025-02-03");
  CHECK(date_problem("31/01/2025") ==
        "Date applied: write the date as year, month and day, such as 2025-02-03, not "
        "'31/01/2025'");

  const auto staff = board.api.call("POST", "/api/v1/headcounts", board.provider.key,
                                    R"({"date":"2025-03-01","staff":2000000,"vacancies":1})");
  CHECK(parse_json(staff.body).at("detail") ==
        "Staff must be a whole number from 0 to 1,000,000, not 2000000");
  const auto sourceless = board.api.call("POST", "/api/v1/applicants", board.provider.key,
                                         R"({"reference":"MAN-004","applied_on":"2025-03-01"})");
  CHECK(parse_json(sourceless.body).at("detail") == "Source is required");
  CHECK(parse_json(sourceless.body).at("field") == "/source_id");

  const auto start = board.applicant("MAN-002", "2025-03-01");
  const auto early = board.api.call(
      "POST", "/api/v1/applicants/" + std::to_string(start.at("id").as_int64()) + "/events",
      board.provider.key, R"({"stage":"started","on":"2025-03-05"})");
  CHECK(early.status == 422);
  CHECK(parse_json(early.body).at("detail") ==
        "Started work cannot be recorded after Applied: the next step can be Interviewed, "
        "Offered a job, Withdrew or Not taken forward");
}

TEST_CASE("an address with no page gets a page not found with links while the API keeps problems") {
  ApiFixture api;
  for (const char* path : {"/trackr", "/not-found", "/guidance/no-such-article",
                           "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd"}) {
    CAPTURE(path);
    const auto page = api.call("GET", path, "");
    CHECK(page.status == 404);
    CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(page.body.find("<h1>Page not found</h1>") != std::string::npos);
    CHECK(page.body.find(R"(<a href="/tracker">)") != std::string::npos);
    CHECK(page.body.find("root:") == std::string::npos);
  }
  const auto api_path = api.call("GET", "/api/v1/trackr", "");
  CHECK(api_path.status == 404);
  CHECK(api_path.header("Content-Type") == "application/problem+json");
}

namespace {

// The quoted forms in which a page would hold a copy of a word: "job_board", 'Job board',
// `Job board` and >Job board< (an option's text).
void add_copies(std::vector<std::string>& words, std::string_view name, std::string_view label) {
  for (const std::string_view word : {name, label}) {
    if (word.empty()) continue;
    for (const char* quote : {"\"", "'", "`"}) words.push_back(quote + std::string(word) + quote);
    words.push_back(">" + std::string(word) + "<");
  }
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// Every copy of `words` in the .js and .html files under `folder` whose names `keep` accepts,
// as "tracker.js: \"offered\"".
template <class Keep>
std::vector<std::string> copies_in(const std::filesystem::path& folder,
                                   const std::vector<std::string>& words, Keep keep) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    const auto extension = entry.path().extension();
    if ((extension != ".js" && extension != ".html") || !keep(entry.path())) continue;
    const std::string text = read_file(entry.path());
    for (const auto& word : words) {
      if (text.find(word) != std::string::npos) {
        found.push_back(entry.path().filename().string() + ": " + word);
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("the pages hold no copy of the channel words and the tracker none of the stage words") {
  const auto content = std::filesystem::path(CARETOOLKIT_SOURCE_DIR) / "toolkit-content";
  std::vector<std::string> channels;
  for (const tr::Channel c : tr::all_channels())
    add_copies(channels, tr::to_string(c), tr::label(c));
  // The labels the tracker page once had of its own.
  for (const char* own : {"Careers fair or event", "Our own website", "Recruitment agency"}) {
    add_copies(channels, "", own);
  }
  CHECK(joined(copies_in(content, channels, [](const auto&) { return true; })) == "");

  std::vector<std::string> stages;
  for (const tr::Stage s : tr::all_stages()) add_copies(stages, tr::to_string(s), tr::label(s));
  for (const tr::Outcome o : tr::all_outcomes()) add_copies(stages, tr::to_string(o), tr::label(o));
  const std::vector<std::string> tracker_files = {"tracker.html", "tracker.js", "board.js",
                                                  "vocabulary.js"};
  std::size_t read = 0;
  const auto found = copies_in(content, stages, [&](const std::filesystem::path& path) {
    const bool tracker = std::find(tracker_files.begin(), tracker_files.end(),
                                   path.filename().string()) != tracker_files.end();
    read += tracker ? 1 : 0;
    return tracker;
  });
  CHECK(read == tracker_files.size());
  CHECK(joined(found) == "");
}
