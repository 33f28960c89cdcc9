// API keys: making them, and checking one a client presents.
//
// A key reads "ctk_<public id>_<secret>": the public id (16 hex digits) finds the stored row, the
// secret (256 random bits from OpenSSL's RAND_bytes, base64url) proves the holder. Only the
// SHA-256 of the secret is stored; a fast hash is right here because the secret is random, not a
// password. Comparison is constant time (CRYPTO_memcmp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tracker/store.hpp"

namespace caretoolkit::tracker {

inline constexpr std::string_view kApiKeyPrefix = "ctk_";

struct NewApiKey {
  std::string token;    // the whole key, shown to its owner once and never stored
  ApiKeyRecord record;  // as stored
};

// Makes a key and stores its hash. A provider key needs `provider`; a team key has none.
// Throws Error(kNotFound) for an unknown provider, Error(kInvalid) for a bad combination.
NewApiKey issue_api_key(Store& store, ApiKeyRole role, std::optional<Id> provider,
                        std::string_view label);

// The stored key a presented token belongs to, if the token is well formed, its secret matches,
// and the key is not revoked; nullopt otherwise (the caller answers 401 without saying which).
std::optional<ApiKeyRecord> authenticate(const Store& store, std::string_view token);

// The parts of a token, for callers that look keys up themselves. nullopt unless well formed.
struct ApiKeyParts {
  std::string public_id;
  std::string secret;  // 32 raw bytes
};
std::optional<ApiKeyParts> parse_api_key(std::string_view token);

// `count` bytes from OpenSSL's RAND_bytes; std::runtime_error if it fails.
std::string random_bytes(std::size_t count);

// SHA-256 of `data`, 32 raw bytes.
std::string sha256(std::string_view data);

}  // namespace caretoolkit::tracker
