// Purged references as keyed hashes; see purged_references.hpp.
#include "tracker/purged_references.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "tracker/api_keys.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kHashBytes = 32;
const std::string kKeyName = "reference_key";

// The key, or empty when no purge has made one yet.
std::string read_key(Connection& connection) {
  auto& statement = connection.statement("SELECT value FROM secrets WHERE name = ?");
  statement.bind(1, kKeyName);
  if (!statement.executeStep()) return {};
  const Column value = statement.getColumn(0);
  return {static_cast<const char*>(value.getBlob()), static_cast<std::size_t>(value.getBytes())};
}

}  // namespace

// An HMAC-SHA256 context holding the key; each message re-initialises it with the same key,
// which costs far less than setting the key up again.
struct ReferenceHasher::Mac {
  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* context = nullptr;
  ~Mac() {
    EVP_MAC_CTX_free(context);
    EVP_MAC_free(mac);
  }
};

ReferenceHasher::ReferenceHasher(std::string_view key) : mac_(std::make_unique<Mac>()) {
  mac_->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac_->mac != nullptr) mac_->context = EVP_MAC_CTX_new(mac_->mac);
  char digest[] = "SHA256";
  const std::array<OSSL_PARAM, 2> params{
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
  if (mac_->context == nullptr ||
      EVP_MAC_init(mac_->context, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                   params.data()) != 1) {
    throw std::runtime_error("HMAC-SHA256 could not be set up");
  }
}

ReferenceHasher::~ReferenceHasher() = default;

std::string ReferenceHasher::hash(Id provider, std::string_view reference) {
  name_key(reference, folded_);
  message_.assign(8, '\0');
  auto id = static_cast<std::uint64_t>(provider);
  for (std::size_t i = 8; i-- > 0; id >>= 8) message_[i] = static_cast<char>(id & 0xFF);
  message_ += folded_;
  std::array<unsigned char, kHashBytes> out{};
  std::size_t size = 0;
  if (EVP_MAC_init(mac_->context, nullptr, 0, nullptr) != 1 ||
      EVP_MAC_update(mac_->context, reinterpret_cast<const unsigned char*>(message_.data()),
                     message_.size()) != 1 ||
      EVP_MAC_final(mac_->context, out.data(), &size, out.size()) != 1 || size != kHashBytes) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return {reinterpret_cast<const char*>(out.data()), size};
}

PurgedReferenceWriter::PurgedReferenceWriter(Connection& connection) : connection_(connection) {}

PurgedReferenceWriter::~PurgedReferenceWriter() = default;

void PurgedReferenceWriter::remember(Id provider, std::string_view reference) {
  if (!hasher_) {
    std::string key = read_key(connection_);
    if (key.empty()) {
      key = random_bytes(kKeyBytes);
      auto& insert = connection_.statement("INSERT INTO secrets (name, value) VALUES (?, ?)");
      insert.bind(1, kKeyName);
      insert.bind(2, key.data(), static_cast<int>(key.size()));
      insert.exec();
    }
    hasher_ = std::make_unique<ReferenceHasher>(key);
  }
  const std::string hash = hasher_->hash(provider, reference);
  auto& statement = connection_.statement(
      "INSERT INTO purged_references (provider_id, reference_hmac) VALUES (?, ?) "
      "ON CONFLICT DO NOTHING");
  statement.bind(1, static_cast<std::int64_t>(provider));
  statement.bind(2, hash.data(), static_cast<int>(hash.size()));
  statement.exec();
}

PurgedReferences::PurgedReferences(Connection& connection, Id provider) : provider_(provider) {
  auto& statement =
      connection.statement("SELECT reference_hmac FROM purged_references WHERE provider_id = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  while (statement.executeStep()) {
    const Column value = statement.getColumn(0);
    hashes_.emplace(static_cast<const char*>(value.getBlob()),
                    static_cast<std::size_t>(value.getBytes()));
  }
  if (hashes_.empty()) return;
  const std::string key = read_key(connection);
  if (key.empty()) {
    throw std::runtime_error(
        "the database holds purged references but not their key: the file may be damaged");
  }
  hasher_ = std::make_unique<ReferenceHasher>(key);
}

PurgedReferences::~PurgedReferences() = default;

bool PurgedReferences::contains(std::string_view reference) {
  return hasher_ && hashes_.contains(hasher_->hash(provider_, reference));
}

}  // namespace caretoolkit::tracker
