// API keys: issued once, stored as a hash, checked in constant time, revoked for good.
#include <doctest/doctest.h>

#include "support.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/encoding.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

TEST_CASE("SHA-256 and base64url match their published test vectors") {
  // FIPS 180-2 example "abc"; RFC 4648 section 10 vectors, without padding, in the URL alphabet.
  CHECK(base64url_encode(sha256("abc")) == "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  CHECK(base64url_encode("f") == "Zg");
  CHECK(base64url_encode("foobar") == "Zm9vYmFy");
  CHECK(base64url_decode("Zm9vYg") == "foob");
  CHECK(base64url_decode("-_8") == std::string("\xfb\xff", 2));
  CHECK_FALSE(base64url_decode("Zm9vYg==").has_value());  // padding is not ours
  CHECK_FALSE(base64url_decode("Zh").has_value());        // non-canonical last character
  CHECK_FALSE(base64url_decode("a").has_value());
}

TEST_CASE("a provider key authenticates as its provider until it is revoked") {
  StoreFixture f;
  const Id provider = f.store.providers().create("Old Oak Care").id;
  const NewApiKey key = issue_api_key(f.store, ApiKeyRole::kProvider, provider, "Office system");
  CHECK(key.token.starts_with("ctk_" + key.record.public_id + "_"));
  CHECK(key.token.size() == 4 + 16 + 1 + 43);
  CHECK(key.record.public_id.size() == 16);
  CHECK(key.record.secret_sha256.size() == 32);
  CHECK(key.record.label == "Office system");
  CHECK(key.token.find(base64url_encode(key.record.secret_sha256)) == std::string::npos);

  const auto found = authenticate(f.store, key.token);
  REQUIRE(found.has_value());
  CHECK(found->provider_id == provider);
  CHECK(found->role == ApiKeyRole::kProvider);

  // The right public id with a wrong secret, or a mangled token, is refused.
  std::string wrong = key.token;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(authenticate(f.store, wrong).has_value());
  CHECK_FALSE(authenticate(f.store, "ctk_" + key.record.public_id).has_value());
  CHECK_FALSE(authenticate(f.store, "Bearer " + key.token).has_value());
  CHECK_FALSE(authenticate(f.store, "").has_value());

  const ApiKeyRecord revoked = f.store.revoke_api_key(key.record.id);
  REQUIRE(revoked.revoked_at.has_value());
  CHECK_FALSE(authenticate(f.store, key.token).has_value());
  CHECK(f.store.revoke_api_key(key.record.id).revoked_at == revoked.revoked_at);
}

TEST_CASE("team keys belong to no provider and keys are listed by provider") {
  StoreFixture f;
  const Id a = f.store.providers().create("Old Oak Care").id;
  const Id b = f.store.providers().create("Riverside Homes").id;
  issue_api_key(f.store, ApiKeyRole::kProvider, a, "A one");
  issue_api_key(f.store, ApiKeyRole::kProvider, a, "A two");
  issue_api_key(f.store, ApiKeyRole::kProvider, b, "B");
  const NewApiKey team = issue_api_key(f.store, ApiKeyRole::kTeam, std::nullopt, "Council team");
  CHECK(authenticate(f.store, team.token)->role == ApiKeyRole::kTeam);
  CHECK(f.store.list_api_keys(a).items.size() == 2);
  CHECK(f.store.list_api_keys(std::nullopt).items.size() == 4);
  const auto page = f.store.list_api_keys(std::nullopt, {.limit = 3, .cursor = {}});
  CHECK(page.items.size() == 3);
  CHECK(f.store.list_api_keys(std::nullopt, {.limit = 3, .cursor = page.next_cursor})
            .items.at(0)
            .label == "Council team");

  CHECK(error_from([&] { issue_api_key(f.store, ApiKeyRole::kTeam, a, "x"); }).code() ==
        ErrorCode::kInvalid);
  CHECK(error_from([&] { issue_api_key(f.store, ApiKeyRole::kProvider, std::nullopt, "x"); })
            .items()
            .at(0)
            .detail == "a provider key needs its provider_id");
  CHECK(error_from([&] { issue_api_key(f.store, ApiKeyRole::kProvider, 999, "x"); }).code() ==
        ErrorCode::kNotFound);
  CHECK(error_from([&] { f.store.revoke_api_key(999); }).code() == ErrorCode::kNotFound);
}

TEST_CASE("a public id is unique") {
  StoreFixture f;
  ApiKeyRecord record;
  record.role = ApiKeyRole::kTeam;
  record.public_id = "0123456789abcdef";
  record.secret_sha256 = sha256("secret");
  f.store.create_api_key(record);
  CHECK(error_from([&] { f.store.create_api_key(record); }).code() == ErrorCode::kConflict);
}
