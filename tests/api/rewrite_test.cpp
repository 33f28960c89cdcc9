// The advert check over HTTP for fix-first pages and one-click rewrites: findings by impact with
// their priority and guidance, the safe edits with byte and UTF-16 ranges, a rewritten advert that
// checks again without them, an advert too long to check told in words, and check --fix.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "child_process.hpp"
#include "http_client.hpp"

using namespace caretoolkit::testing;

namespace {

// The text with each edit's byte range replaced, last first so that earlier ranges stay valid.
std::string apply(std::string text, const boost::json::array& edits) {
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    const auto begin = static_cast<std::size_t>(it->at("begin").as_int64());
    const auto end = static_cast<std::size_t>(it->at("end").as_int64());
    text.replace(begin, end - begin, std::string(it->at("replacement").as_string()));
  }
  return text;
}

std::u16string utf16(const std::string& utf8) {
  std::u16string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? c : c & (0x7F >> length);
    for (int k = 1; k < length; ++k) code = (code << 6) | (utf8[i + k] & 0x3F);
    if (code >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((code - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((code - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(code);
    }
    i += static_cast<std::size_t>(length);
  }
  return out;
}

std::vector<std::string> rules_of(const boost::json::value& report) {
  std::vector<std::string> out;
  for (const auto& f : report.at("findings").as_array()) {
    out.emplace_back(f.at("rule").as_string());
  }
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("POST adverts check returns each safe edit and the edited advert checks without them") {
  ApiFixture api;
  // "😀" is 4 bytes and 2 UTF-16 units, "é" 2 bytes and 1 unit.
  const std::string text =
      "😀 Café team. Utilise your skills prior to each visit, whilst our clients rest.";
  boost::json::object body{{"text", text}, {"date", "2026-12-06"}};
  const auto response = api.call("POST", "/api/v1/adverts/check", "", boost::json::serialize(body));
  REQUIRE(response.status == 200);
  const auto report = parse_json(response.body);
  CHECK(report.at("schema_version").as_int64() == 4);

  const auto& edits = report.at("edits").as_array();
  REQUIRE(edits.size() == 3);
  CHECK(edits[0].at("rule") == "jargon.utilise");
  CHECK(edits[0].at("replacement") == "Use");
  CHECK(edits[0].at("begin") == 17);
  CHECK(edits[0].at("end") == 24);
  CHECK(edits[0].at("begin_utf16") == 14);
  CHECK(edits[0].at("end_utf16") == 21);
  CHECK(edits[1].at("replacement") == "before");
  CHECK(edits[2].at("replacement") == "while");
  // The UTF-16 ranges name the same text as the byte ranges, as a browser's string indices.
  const std::u16string wide = utf16(text);
  for (const auto& e : edits) {
    const auto b = static_cast<std::size_t>(e.at("begin").as_int64());
    const auto u = static_cast<std::size_t>(e.at("begin_utf16").as_int64());
    const auto u_end = static_cast<std::size_t>(e.at("end_utf16").as_int64());
    const auto b_end = static_cast<std::size_t>(e.at("end").as_int64());
    CHECK(wide.substr(u, u_end - u) == utf16(text.substr(b, b_end - b)));
  }
  // Each finding says whether it can be applied: "our clients" needs a person.
  for (const auto& f : report.at("findings").as_array()) {
    CAPTURE(f.at("rule"));
    if (f.at("rule") == "jargon.clients") CHECK(f.at("edit").is_null());
    if (f.at("rule") == "jargon.prior-to") CHECK(f.at("edit").at("replacement") == "before");
    CHECK(f.at("guidance").as_string().starts_with("/guidance/"));
  }
  // Fix first: the missing pay, a must change, comes first.
  CHECK(report.at("findings").at(0).at("rule") == "essentials.pay");
  CHECK(report.at("findings").at(0).at("priority") == "must");

  const std::string edited = apply(text, edits);
  CHECK(edited == "😀 Café team. Use your skills before each visit, while our clients rest.");
  body["text"] = edited;
  const auto again = api.call("POST", "/api/v1/adverts/check", "", boost::json::serialize(body));
  REQUIRE(again.status == 200);
  const auto second = parse_json(again.body);
  CHECK(second.at("edits").as_array().empty());
  const auto rules = rules_of(second);
  CHECK_FALSE(lists(rules, "jargon.utilise"));
  CHECK_FALSE(lists(rules, "jargon.prior-to"));
  CHECK_FALSE(lists(rules, "jargon.whilst"));
  CHECK(lists(rules, "jargon.clients"));
}

TEST_CASE("An advert over the body limit is refused in words and other requests in bytes") {
  ApiFixture api;  // the default limit: 256 KiB
  const std::string advert(300 * 1024, 'a');
  const std::string request =
      "POST /api/v1/adverts/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(advert.size() + 12) + "\r\n\r\n{\"text\": \"" + advert + "\"}";
  const std::string answer = raw_exchange(api.server.port(), request);
  INFO(answer.substr(0, 600));
  CHECK(answer.starts_with("HTTP/1.1 413"));
  const std::string body = answer.substr(answer.find("\r\n\r\n") + 4);
  const auto problem = parse_json(body);
  CHECK(problem.at("detail") ==
        "Your advert is too long to check: the limit is about 40,000 words.");
  CHECK(problem.at("field") == "/text");

  const std::string other =
      "POST /api/v1/applicants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 300000\r\n\r\n" +
      std::string(300000, ' ');
  const std::string refused = raw_exchange(api.server.port(), other);
  CHECK(refused.starts_with("HTTP/1.1 413"));
  CHECK(refused.find("The request body is larger than 262144 bytes.") != std::string::npos);
}

TEST_CASE("check --fix prints the rewritten advert and leaves the file as it was") {
  TempDir dir;
  const std::string advert = (dir.path() / "advert.txt").string();
  const std::string original =
      "UTILISE YOUR SKILLS.\nWe assist the elderly prior to lunch, whilst our clients rest.\n";
  std::ofstream(advert, std::ios::binary) << original;
  const std::string fixed = (dir.path() / "fixed.txt").string();
  // Standard output to a file, standard error (the summary) to the captured output.
  ChildProcess shell("/bin/sh", {"-c", "\"$0\" check --fix --date 2026-12-06 \"$1\" > \"$2\"",
                                 caretoolkit_binary(), advert, fixed});
  REQUIRE(shell.wait(std::chrono::seconds(60)) == 0);
  const std::string summary = shell.output();
  INFO(summary);
  CHECK(read_text(fixed) ==
        "USE YOUR SKILLS.\nWe help older people before lunch, while our clients rest.\n");
  CHECK(read_text(advert) == original);
  CHECK(contains(summary, advert + ": 5 safe changes made, score "));
  CHECK(contains(summary, "need a person: check the result to see them."));

  // The rewritten advert checks again with nothing left to change by itself.
  const auto again = run_caretoolkit({"check", "--json", "--date", "2026-12-06", fixed});
  REQUIRE(again.first == 0);
  CHECK(parse_json(again.second).at("edits").as_array().empty());

  const auto two = run_caretoolkit({"check", "--fix", advert, fixed});
  CHECK(two.first == 2);
  CHECK(contains(two.second, "--fix: give one advert file at a time"));
  const auto with_json = run_caretoolkit({"check", "--fix", "--json", advert});
  CHECK(with_json.first == 2);
  CHECK(contains(with_json.second, "--json excludes --fix"));
}
