// Sign-in sessions in the store: when a use is written, the forgery token, ids that are not ours,
// and what a revoked key and an ended session leave behind.
#include <doctest/doctest.h>

#include <atomic>
#include <memory>

#include "support.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/encoding.hpp"
#include "tracker/sessions.hpp"

using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

constexpr std::int64_t kStart = 1796630400;  // 2026-12-07T08:00:00Z

// A store whose session clock the test moves on.
struct ClockedStore {
  ClockedStore() {
    StoreOptions options = fixed_today();
    options.now = [now = now] {
      return std::chrono::system_clock::time_point(std::chrono::seconds(now->load()));
    };
    store = std::make_unique<Store>(dir.store_location("tracker.db"), std::move(options));
  }
  void set(std::chrono::seconds since_start) { now->store(kStart + since_start.count()); }

  std::shared_ptr<std::atomic<std::int64_t>> now =
      std::make_shared<std::atomic<std::int64_t>>(kStart);
  ScratchDir dir;
  std::unique_ptr<Store> store;
};

Id provider_key(Store& store) {
  const Id provider = store.providers().create("Brook House").id;
  return issue_api_key(store, ApiKeyRole::kProvider, provider, "office").record.id;
}

}  // namespace

TEST_CASE("a use is written at most once a minute and the idle end follows the written use") {
  ClockedStore clocked;
  const NewSession started = start_session(*clocked.store, provider_key(*clocked.store));
  CHECK(started.session.expires_at() == kStart + 8 * 3600);
  CHECK(started.session.ends_at == kStart + 12 * 3600);

  clocked.set(std::chrono::seconds(59));
  auto session = resume_session(*clocked.store, started.token);
  REQUIRE(session);
  CHECK(refresh_session(*clocked.store, *session).record.last_used_at == kStart);
  CHECK(resume_session(*clocked.store, started.token)->record.last_used_at == kStart);

  clocked.set(std::chrono::seconds(60));
  const Session used =
      refresh_session(*clocked.store, *resume_session(*clocked.store, started.token));
  CHECK(used.record.last_used_at == kStart + 60);
  CHECK(used.idle_expires_at == kStart + 60 + 8 * 3600);
  CHECK(resume_session(*clocked.store, started.token)->record.last_used_at == kStart + 60);

  clocked.set(std::chrono::seconds(60 + 8 * 3600 - 1));
  CHECK(resume_session(*clocked.store, started.token));
  clocked.set(std::chrono::seconds(60 + 8 * 3600));
  CHECK_FALSE(resume_session(*clocked.store, started.token));
}

TEST_CASE("the forgery token belongs to one session and reveals nothing of its id") {
  ClockedStore clocked;
  const Id key = provider_key(*clocked.store);
  const NewSession first = start_session(*clocked.store, key);
  const NewSession second = start_session(*clocked.store, key);
  CHECK(first.token.size() == 43);
  CHECK(first.token != second.token);
  CHECK(csrf_token(first.token) == csrf_token(first.token));
  CHECK(csrf_token(first.token) != csrf_token(second.token));
  CHECK(csrf_token(first.token) != first.token);
  CHECK(csrf_token_matches(first.token, csrf_token(first.token)));
  CHECK_FALSE(csrf_token_matches(first.token, csrf_token(second.token)));
  CHECK_FALSE(csrf_token_matches(first.token, ""));
  CHECK_FALSE(csrf_token_matches(first.token, csrf_token(first.token) + "A"));
}

TEST_CASE("ids that are not a live session's resume nothing") {
  ClockedStore clocked;
  const Id key = provider_key(*clocked.store);
  const NewSession started = start_session(*clocked.store, key);
  for (const std::string& token : {std::string(), std::string("garbage"), std::string(43, 'A'),
                                   started.token.substr(1), started.token + "A"}) {
    CAPTURE(token);
    CHECK_FALSE(resume_session(*clocked.store, token));
  }
  CHECK(resume_session(*clocked.store, started.token));
  end_session(*clocked.store, *resume_session(*clocked.store, started.token));
  CHECK_FALSE(resume_session(*clocked.store, started.token));

  const NewSession again = start_session(*clocked.store, key);
  clocked.store->revoke_api_key(key);
  CHECK_FALSE(resume_session(*clocked.store, again.token));
  CHECK_FALSE(
      clocked.store->find_session(sha256(*caretoolkit::tracker::base64url_decode(again.token))));
}

TEST_CASE("utc timestamps are written as ISO 8601 in UTC") {
  CHECK(utc_timestamp(kStart) == "2026-12-07T08:00:00Z");
  CHECK(utc_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(utc_timestamp(kStart + 12 * 3600 - 1) == "2026-12-07T19:59:59Z");
}
