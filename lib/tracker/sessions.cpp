// Sign-in sessions; see sessions.hpp.
#include "tracker/sessions.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <ctime>
#include <stdexcept>

#include "tracker/api_keys.hpp"
#include "tracker/encoding.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::size_t kIdBytes = 32;  // 256 bits
constexpr std::string_view kCsrfLabel = "caretoolkit cross-site request forgery token";

std::int64_t seconds(std::chrono::seconds duration) {
  return duration.count();
}

Session timed(SessionRecord record) {
  Session session;
  session.idle_expires_at = record.last_used_at + seconds(kSessionIdle);
  session.ends_at = record.created_at + seconds(kSessionLifetime);
  session.record = std::move(record);
  return session;
}

// The stored hash of a presented id; nullopt when the id cannot be one of ours.
std::optional<std::string> id_hash(std::string_view token) {
  const auto id = base64url_decode(token);
  if (!id || id->size() != kIdBytes) return std::nullopt;
  return sha256(*id);
}

}  // namespace

NewSession start_session(Store& store, Id api_key_id) {
  const std::int64_t now = store.now();
  store.delete_sessions_ended(now - seconds(kSessionIdle), now - seconds(kSessionLifetime));
  const std::string id = random_bytes(kIdBytes);
  return NewSession{base64url_encode(id), timed(store.create_session(api_key_id, sha256(id), now))};
}

std::optional<Session> resume_session(const Store& store, std::string_view token) {
  const auto hash = id_hash(token);
  if (!hash) return std::nullopt;
  auto record = store.find_session(*hash);
  if (!record || record->key.revoked_at) return std::nullopt;
  Session session = timed(std::move(*record));
  if (store.now() >= session.expires_at()) return std::nullopt;
  return session;
}

Session refresh_session(Store& store, const Session& session) {
  const std::int64_t now = store.now();
  if (now - session.record.last_used_at < seconds(kSessionTouchInterval)) return session;
  store.touch_session(session.record.id, now);
  SessionRecord record = session.record;
  record.last_used_at = now;
  return timed(std::move(record));
}

void end_session(Store& store, const Session& session) {
  store.delete_session(session.record.id);
}

std::string csrf_token(std::string_view token) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int size = 0;
  if (HMAC(EVP_sha256(), token.data(), static_cast<int>(token.size()),
           reinterpret_cast<const unsigned char*>(kCsrfLabel.data()), kCsrfLabel.size(), mac.data(),
           &size) == nullptr) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return base64url_encode({reinterpret_cast<const char*>(mac.data()), size});
}

bool csrf_token_matches(std::string_view token, std::string_view presented) {
  const std::string expected = csrf_token(token);
  return presented.size() == expected.size() &&
         CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

std::string utc_timestamp(std::int64_t seconds_since_epoch) {
  const auto time = static_cast<std::time_t>(seconds_since_epoch);
  std::tm utc{};
  gmtime_r(&time, &utc);
  std::array<char, 32> text{};
  const std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {text.data(), length};
}

}  // namespace caretoolkit::tracker
