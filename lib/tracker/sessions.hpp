// Sign-in sessions: an API key exchanged for a random session id, so that a browser keeps a
// cookie that scripts cannot read instead of the key.
//
// The id is 256 random bits from OpenSSL's RAND_bytes, written as base64url (43 characters). Only
// its SHA-256 is stored, so that a copy of the database signs nobody in, and a server restart
// keeps everyone signed in. A session ends:
// - after kSessionIdle without use (each use moves the end on: a sliding expiry);
// - kSessionLifetime after it began, however much it is used, so that a cookie taken from a
//   browser is worth nothing the next morning;
// - when it is ended (signing out), and when its key is revoked.
// Its last use is written at most once a kSessionTouchInterval, so that reading pages does not
// write to the database on every request; the idle limit is kept to within that interval.
//
// Each session has a token against cross-site request forgery: HMAC-SHA256 keyed with the session
// id over a fixed label, base64url. Only a holder of the id (the server, given the cookie) can work
// it out; it reveals nothing of the id, and needs no storage of its own.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tracker/store.hpp"

namespace caretoolkit::tracker {

inline constexpr std::chrono::seconds kSessionIdle = std::chrono::hours(8);
inline constexpr std::chrono::seconds kSessionLifetime = std::chrono::hours(12);
inline constexpr std::chrono::seconds kSessionTouchInterval = std::chrono::minutes(1);

// A session that has not ended, with the moments it will end (Unix seconds).
struct Session {
  SessionRecord record;
  std::int64_t idle_expires_at = 0;  // if not used again before then
  std::int64_t ends_at = 0;          // however much it is used
  // The earlier of the two: when it ends if left alone.
  std::int64_t expires_at() const { return std::min(idle_expires_at, ends_at); }
};

struct NewSession {
  std::string token;  // the session id, given to the browser once and never stored
  Session session;
};

// Starts a session for a key that was just checked (tracker::authenticate), at Store::now(), and
// removes the sessions that have ended, so that the table holds live sessions only.
NewSession start_session(Store& store, Id api_key_id);

// The live session a presented id belongs to, at Store::now(); nullopt when the id is malformed,
// unknown, ended, or its key is revoked. Reads only: see refresh_session().
std::optional<Session> resume_session(const Store& store, std::string_view token);

// Records a use of the session now, moving its idle end on (written once a kSessionTouchInterval
// at most); returns the session as it stands after the use.
Session refresh_session(Store& store, const Session& session);

// Ends the session: its id signs nobody in any more.
void end_session(Store& store, const Session& session);

// The forgery token of the session whose id is `token`, and whether `presented` is it (compared
// in constant time).
std::string csrf_token(std::string_view token);
bool csrf_token_matches(std::string_view token, std::string_view presented);

// Unix seconds as "2026-12-06T17:30:00Z".
std::string utc_timestamp(std::int64_t seconds);

}  // namespace caretoolkit::tracker
