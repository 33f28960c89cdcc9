// API keys; see api_keys.hpp.
#include "tracker/api_keys.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "tracker/encoding.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::size_t kPublicIdBytes = 8;  // 16 hex digits
constexpr std::size_t kSecretBytes = 32;   // 256 bits

std::string hex(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    out += kDigits[value >> 4];
    out += kDigits[value & 0x0F];
  }
  return out;
}

bool is_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string random_bytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    throw std::runtime_error("the system's random number generator failed");
  }
  return bytes;
}

std::string sha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return {reinterpret_cast<const char*>(digest.data()), size};
}

std::optional<ApiKeyParts> parse_api_key(std::string_view token) {
  if (!token.starts_with(kApiKeyPrefix)) return std::nullopt;
  token.remove_prefix(kApiKeyPrefix.size());
  // The public id is hex, so the first '_' ends it; the secret's base64url may hold more.
  const auto separator = token.find('_');
  if (separator != kPublicIdBytes * 2) return std::nullopt;
  const std::string_view public_id = token.substr(0, separator);
  if (!is_hex(public_id)) return std::nullopt;
  auto secret = base64url_decode(token.substr(separator + 1));
  if (!secret || secret->size() != kSecretBytes) return std::nullopt;
  return ApiKeyParts{std::string(public_id), std::move(*secret)};
}

NewApiKey issue_api_key(Store& store, ApiKeyRole role, std::optional<Id> provider,
                        std::string_view label) {
  const std::string public_id = hex(random_bytes(kPublicIdBytes));
  const std::string secret = random_bytes(kSecretBytes);
  ApiKeyRecord record;
  record.provider_id = provider;
  record.role = role;
  record.public_id = public_id;
  record.secret_sha256 = sha256(secret);
  record.label = std::string(label);
  return NewApiKey{std::string(kApiKeyPrefix) + public_id + "_" + base64url_encode(secret),
                   store.create_api_key(record)};
}

std::optional<ApiKeyRecord> authenticate(const Store& store, std::string_view token) {
  const auto parts = parse_api_key(token);
  if (!parts) return std::nullopt;
  auto record = store.find_api_key(parts->public_id);
  if (!record || record->revoked_at || record->secret_sha256.size() != kSecretBytes) {
    return std::nullopt;
  }
  const std::string presented = sha256(parts->secret);
  if (CRYPTO_memcmp(presented.data(), record->secret_sha256.data(), kSecretBytes) != 0) {
    return std::nullopt;
  }
  return record;
}

}  // namespace caretoolkit::tracker
