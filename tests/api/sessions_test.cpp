// Sign-in sessions over HTTP: a key exchanged for a cookie, the cookie's flags, idle and absolute
// expiry on a clock the test moves, signing out, revocation, refused forgeries, and Bearer keys
// working as before.

#include <atomic>
#include <memory>

#include "api_fixture.hpp"
#include "core/error.hpp"
#include "session_cookies.hpp"

using namespace caretoolkit::testing;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kMonday0800 = 1796630400;  // 2026-12-07T08:00:00Z

// A clock the test moves on; the server reads it for every session check.
class TestClock {
 public:
  TestClock() : now_(std::make_shared<std::atomic<std::int64_t>>(kMonday0800)) {}
  void set(seconds since_start) { now_->store(kMonday0800 + since_start.count()); }
  std::function<std::chrono::system_clock::time_point()> function() const {
    return [now = now_] { return std::chrono::system_clock::time_point(seconds(now->load())); };
  }

 private:
  std::shared_ptr<std::atomic<std::int64_t>> now_;
};

TestServerOptions with_clock(const TestClock& clock, std::string public_origin = {}) {
  TestServerOptions options;
  options.now = clock.function();
  options.public_origin = std::move(public_origin);
  return options;
}

std::vector<std::string> set_cookies(const HttpResult& response) {
  std::vector<std::string> out;
  for (const auto& [name, value] : response.headers) {
    if (caretoolkit::server::iequals(name, "Set-Cookie")) out.push_back(value);
  }
  return out;
}

// A browser's view of one signed-in session: the cookie it sends and the token its page holds.
struct SignedIn {
  std::string cookie;  // "ctk_session=..."
  std::string csrf_token;
  boost::json::object answer;
  HttpResult response;
};

SignedIn sign_in(ApiFixture& api, const std::string& key, const Headers& extra = {}) {
  const auto body = boost::json::serialize(boost::json::object{{"key", key}});
  const auto response =
      api.client.request("POST", "/api/v1/sessions", body, "application/json", extra);
  INFO(response.body);
  REQUIRE(response.status == 201);
  const auto cookies = set_cookies(response);
  REQUIRE(cookies.size() == 2);
  SignedIn signed_in;
  signed_in.cookie = cookies[0].substr(0, cookies[0].find(';'));
  signed_in.answer = parse_json(response.body).as_object();
  signed_in.csrf_token = std::string(signed_in.answer.at("csrf_token").as_string());
  signed_in.response = response;
  return signed_in;
}

HttpResult with_cookie(ApiFixture& api, const std::string& method, const std::string& target,
                       const SignedIn& session, Headers headers = {},
                       const std::string& json_body = {}) {
  headers.emplace_back("Cookie", session.cookie);
  return api.client.request(method, target, json_body, json_body.empty() ? "" : "application/json",
                            headers);
}

Headers from_page(const SignedIn& session) {
  return {{"X-CSRF-Token", session.csrf_token}, {"Sec-Fetch-Site", "same-origin"}};
}

}  // namespace

TEST_CASE("signing in exchanges the key for an HttpOnly SameSite Strict cookie") {
  TestClock clock;
  ApiFixture api(with_clock(clock));
  const auto provider = api.create_provider("Brook House");
  const SignedIn session = sign_in(api, provider.key);

  const auto cookies = set_cookies(session.response);
  CHECK(cookies[0].starts_with("ctk_session="));
  CHECK(cookies[0].substr(12, 43).size() == 43);  // 256 random bits in base64url
  CHECK(cookies[0].ends_with("; Path=/; SameSite=Strict; HttpOnly"));
  CHECK(cookies[1] == "ctk_signed_in=1; Path=/; SameSite=Strict");
  CHECK(cookies[0].find("Secure") == std::string::npos);  // served over plain HTTP
  CHECK(session.response.header("Cache-Control") == "no-store");
  CHECK(session.response.header("Location") == "/api/v1/sessions/current");
  CHECK(session.response.body.find(provider.key) == std::string::npos);

  CHECK(session.answer.at("role").as_string() == "provider");
  CHECK(session.answer.at("provider_id").as_int64() == provider.id);
  CHECK(session.answer.at("provider_name").as_string() == "Brook House");
  CHECK(session.answer.at("signed_in_at").as_string() == "2026-12-07T08:00:00Z");
  CHECK(session.answer.at("expires_at").as_string() == "2026-12-07T16:00:00Z");
  CHECK(session.answer.at("ends_at").as_string() == "2026-12-07T20:00:00Z");
  CHECK(session.answer.at("idle_timeout_seconds").as_int64() == 8 * 3600);
  CHECK(session.csrf_token.size() == 43);

  // The cookie alone stands for the key.
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 200);
  const auto current = with_cookie(api, "GET", "/api/v1/sessions/current", session);
  REQUIRE(current.status == 200);
  CHECK(current.header("Vary") == "Authorization, Cookie");
  const auto answer = parse_json(current.body).as_object();
  CHECK(answer.at("role").as_string() == "provider");
  CHECK(answer.at("csrf_token").as_string() == session.csrf_token);  // what a new tab reads

  // The key may come in the Authorization header instead of the body.
  const auto bearer =
      api.client.request("POST", "/api/v1/sessions", "", "", api.auth(api.team_key));
  CHECK(bearer.status == 201);
  CHECK(parse_json(bearer.body).at("role").as_string() == "team");
}

TEST_CASE("a key that is not valid starts no session") {
  ApiFixture api;
  const auto refused = api.client.request("POST", "/api/v1/sessions", R"({"key":"ctk_nonsense"})",
                                          "application/json");
  CHECK(refused.status == 401);
  CHECK(refused.header("Content-Type") == "application/problem+json");
  CHECK(set_cookies(refused).empty());
  CHECK(api.client.request("POST", "/api/v1/sessions", "", "").status == 401);
  CHECK(api.client
            .request("POST", "/api/v1/sessions", R"({"key":"x","role":"team"})", "application/json")
            .status == 422);
  // No cookie, no session; a cookie that is not one of ours is refused and cleared.
  CHECK(api.client.get("/api/v1/sessions/current").status == 401);
  for (const char* cookie : {"ctk_session=garbage", "ctk_session=", "other=1; ctk_session=%00",
                             "ctk_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    CAPTURE(cookie);
    const auto response = api.client.get("/api/v1/sources", {{"Cookie", cookie}});
    CHECK(response.status == 401);
    CHECK(response.header("Content-Type") == "application/problem+json");
  }
  const auto forged = api.client.get("/api/v1/sources", {{"Cookie", "ctk_session=garbage"}});
  CHECK(set_cookies(forged).size() == 2);
}

TEST_CASE("a session ends after 8 hours without use and each use moves the end on") {
  TestClock clock;
  ApiFixture api(with_clock(clock));
  const auto provider = api.create_provider("Idle Care");
  const SignedIn unused = sign_in(api, provider.key);  // all three at 08:00
  const SignedIn first = sign_in(api, provider.key);
  const SignedIn second = sign_in(api, provider.key);

  clock.set(hours(1));  // 09:00
  CHECK(with_cookie(api, "GET", "/api/v1/sources", first).status == 200);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", second).status == 200);

  clock.set(hours(8));  // 16:00: eight hours since the sign-in, nothing since
  const auto ended = with_cookie(api, "GET", "/api/v1/sources", unused);
  CHECK(ended.status == 401);
  CHECK(ended.body.find("sign in again") != std::string::npos);
  const auto cleared = set_cookies(ended);
  REQUIRE(cleared.size() == 2);
  CHECK(cleared[0] == "ctk_session=; Path=/; SameSite=Strict; Max-Age=0; HttpOnly");
  CHECK(cleared[1] == "ctk_signed_in=; Path=/; SameSite=Strict; Max-Age=0");

  clock.set(hours(9) - seconds(1));  // 16:59:59, 7 h 59 min 59 s after the use at 09:00
  CHECK(with_cookie(api, "GET", "/api/v1/sources", first).status == 200);
  clock.set(hours(9));  // 17:00: eight hours after the use at 09:00
  CHECK(with_cookie(api, "GET", "/api/v1/sources", second).status == 401);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", first).status == 200);  // used at 16:59:59
}

TEST_CASE("a session ends 12 hours after signing in however much it is used") {
  TestClock clock;
  ApiFixture api(with_clock(clock));
  const auto provider = api.create_provider("Long Day Care");
  const SignedIn session = sign_in(api, provider.key);
  for (int hour = 2; hour <= 11; hour += 3) {
    clock.set(hours(hour));
    CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 200);
  }
  clock.set(hours(12) - seconds(1));
  const auto last = with_cookie(api, "GET", "/api/v1/sessions/current", session);
  REQUIRE(last.status == 200);
  CHECK(parse_json(last.body).at("expires_at").as_string() == "2026-12-07T20:00:00Z");
  clock.set(hours(12));
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 401);

  // Each sign-in removes the sessions that have ended: the table holds live ones only.
  const auto stored_sessions = [&] { return api.server.count_rows("sessions"); };
  CHECK(stored_sessions() == 1);
  sign_in(api, provider.key);
  CHECK(stored_sessions() == 1);
}

TEST_CASE("signing out ends the session on the server and clears the cookies") {
  ApiFixture api;
  const auto provider = api.create_provider("Sign Out Care");
  const SignedIn session = sign_in(api, provider.key);

  // Without the page's token the sign-out is refused and the session goes on.
  CHECK(with_cookie(api, "DELETE", "/api/v1/sessions/current", session).status == 403);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 200);

  const auto out =
      with_cookie(api, "DELETE", "/api/v1/sessions/current", session, from_page(session));
  CHECK(out.status == 204);
  const auto cleared = set_cookies(out);
  REQUIRE(cleared.size() == 2);
  CHECK(cleared[0].find("Max-Age=0") != std::string::npos);
  CHECK(cleared[1].find("Max-Age=0") != std::string::npos);
  // The browser's copy of the cookie is worth nothing now.
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 401);
  CHECK(with_cookie(api, "GET", "/api/v1/sessions/current", session).status == 401);
  // Signing out again, or with no session at all, still clears the cookies.
  const auto again = with_cookie(api, "DELETE", "/api/v1/sessions/current", session);
  CHECK(again.status == 204);
  CHECK(set_cookies(again).size() == 2);
}

TEST_CASE("signing in again ends the session the browser had") {
  ApiFixture api;
  const auto provider = api.create_provider("Twice Care");
  const SignedIn first = sign_in(api, provider.key);
  const SignedIn second = sign_in(api, provider.key, {{"Cookie", first.cookie}});
  CHECK(first.cookie != second.cookie);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", first).status == 401);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", second).status == 200);
}

TEST_CASE("revoking a key ends the sessions started with it") {
  ApiFixture api;
  const auto provider = api.create_provider("Revoked Care");
  const SignedIn office = sign_in(api, provider.key);
  const SignedIn laptop = sign_in(api, provider.key);
  const auto key_id = office.answer.at("key").at("id").as_int64();
  CHECK(api.call("DELETE", "/api/v1/keys/" + std::to_string(key_id), api.team_key).status == 200);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", office).status == 401);
  CHECK(with_cookie(api, "GET", "/api/v1/sessions/current", laptop).status == 401);
}

TEST_CASE("a write made with the cookie is refused without the token or from another site") {
  ApiFixture api;
  const auto provider = api.create_provider("Forgery Care");
  const SignedIn session = sign_in(api, provider.key);
  const std::string source = R"({"name":"Indeed","channel":"job_board"})";
  const auto refused = [&](Headers headers) {
    const auto response =
        with_cookie(api, "POST", "/api/v1/sources", session, std::move(headers), source);
    CHECK(response.header("Content-Type") == "application/problem+json");
    return response.status;
  };

  CHECK(refused({}) == 403);
  CHECK(refused({{"X-CSRF-Token", "not-the-token"}}) == 403);
  CHECK(refused({{"X-CSRF-Token", session.csrf_token}, {"Origin", "https://evil.example"}}) == 403);
  CHECK(refused({{"X-CSRF-Token", session.csrf_token}, {"Sec-Fetch-Site", "cross-site"}}) == 403);
  CHECK(refused({{"X-CSRF-Token", session.csrf_token}, {"Sec-Fetch-Site", "same-site"}}) == 403);
  const auto missing = with_cookie(api, "POST", "/api/v1/sources", session, {}, source);
  CHECK(parse_json(missing.body).at("detail").as_string().find("X-CSRF-Token") !=
        std::string::npos);
  CHECK(api.get("/api/v1/sources", provider.key).at("items").as_array().empty());

  // Reads need no token; writes from the toolkit's own pages go through.
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 200);
  CHECK(with_cookie(api, "POST", "/api/v1/sources", session, from_page(session), source).status ==
        201);
  CHECK(with_cookie(api, "POST", "/api/v1/sources", session,
                    {{"X-CSRF-Token", session.csrf_token}, {"Origin", "http://127.0.0.1"}},
                    R"({"name":"Facebook","channel":"social_media"})")
            .status == 201);
  CHECK(api.get("/api/v1/sources", provider.key).at("items").as_array().size() == 2);

  // Signing a browser in from another site is refused too.
  const auto elsewhere =
      api.client.request("POST", "/api/v1/sessions", R"({"key":")" + provider.key + R"("})",
                         "application/json", {{"Sec-Fetch-Site", "cross-site"}});
  CHECK(elsewhere.status == 403);
  CHECK(set_cookies(elsewhere).empty());
}

TEST_CASE("Bearer keys work as before beside a session cookie") {
  ApiFixture api;
  const auto provider = api.create_provider("Bearer Care");
  const SignedIn session = sign_in(api, provider.key);
  // A request with a key is judged by the key alone: no token needed, the cookie ignored.
  Headers team = api.auth(api.team_key);
  CHECK(with_cookie(api, "GET", "/api/v1/providers", session, team).status == 200);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session, team).status == 403);
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session, api.auth("ctk_wrong")).status == 401);
  CHECK(api.call("POST", "/api/v1/sources", provider.key,
                 R"({"name":"Indeed","channel":"job_board"})")
            .status == 201);
  CHECK(api.call("GET", "/api/v1/sources", provider.key).status == 200);
}

TEST_CASE("behind a TLS proxy the cookies are Secure and writes must come from the public origin") {
  TestClock clock;
  ApiFixture api(with_clock(clock, "https://Toolkit.Example.org/"));
  const auto provider = api.create_provider("Proxy Care");
  const SignedIn session = sign_in(api, provider.key);
  const auto cookies = set_cookies(session.response);
  CHECK(cookies[0].starts_with("__Host-ctk_session="));
  CHECK(cookies[0].ends_with("; Path=/; SameSite=Strict; Secure; HttpOnly"));
  CHECK(cookies[1] == "__Host-ctk_signed_in=1; Path=/; SameSite=Strict; Secure");
  // Only the prefixed name is read: a cookie planted without Secure signs nobody in.
  CHECK(with_cookie(api, "GET", "/api/v1/sources", session).status == 200);
  const std::string bare = "ctk_session=" + session.cookie.substr(session.cookie.find('=') + 1);
  CHECK(api.client.get("/api/v1/sources", {{"Cookie", bare}}).status == 401);

  const std::string source = R"({"name":"Indeed","channel":"job_board"})";
  CHECK(with_cookie(api, "POST", "/api/v1/sources", session,
                    {{"X-CSRF-Token", session.csrf_token}, {"Origin", "http://127.0.0.1"}}, source)
            .status == 403);
  CHECK(
      with_cookie(api, "POST", "/api/v1/sources", session,
                  {{"X-CSRF-Token", session.csrf_token}, {"Origin", "https://toolkit.example.org"}},
                  source)
          .status == 201);
}

TEST_CASE("a public origin that is not a scheme and a host is refused naming the option") {
  using caretoolkit::server::SessionCookies;
  for (const char* origin : {"toolkit.example.org", "ftp://toolkit.example.org",
                             "https://toolkit.example.org/care", "https://", "https://a b"}) {
    CAPTURE(origin);
    try {
      SessionCookies cookies(origin);
      FAIL("accepted");
    } catch (const caretoolkit::Error& error) {
      CHECK(error.field() == "--public-origin");
      CHECK(std::string(error.what()).find("https://toolkit.example.org") != std::string::npos);
    }
  }
  CHECK(SessionCookies("http://10.0.0.5:8080").secure() == false);
  CHECK(SessionCookies("https://toolkit.example.org").secure());
}
