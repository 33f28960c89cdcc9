// The references a purge removed, remembered only as keyed hashes. Internal to lib/tracker.
//
// Store::purge removes the references of finished unsuccessful applicants, but the provider's
// spreadsheet still holds them: importing it again must know those rows and skip them rather than
// add the applicants back. So for each reference it removes, the purge keeps
// HMAC-SHA256(key, provider id || case-folded reference) in the purged_references table. The key
// is 32 random bytes kept in the database (the secrets table), made by the first purge that needs
// one. A hash says only that a reference was purged: it cannot be turned back into the reference
// without the key and a guess, and nothing links it to its applicant's row.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <absl/container/flat_hash_set.h>

#include "tracker/connection.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// HMAC-SHA256 with one key, ready for many messages.
class ReferenceHasher {
 public:
  explicit ReferenceHasher(std::string_view key);
  ~ReferenceHasher();
  ReferenceHasher(const ReferenceHasher&) = delete;
  ReferenceHasher& operator=(const ReferenceHasher&) = delete;

  // The 32-byte hash of a provider's reference (folded first).
  std::string hash(Id provider, std::string_view reference);

 private:
  struct Mac;
  std::unique_ptr<Mac> mac_;
  std::string message_;  // reused: the provider id's 8 bytes and the folded reference
  std::string folded_;
};

// Remembers references as a purge removes them. The key is read, or made and stored, on the
// first reference; a purge that removes none leaves the database without one.
class PurgedReferenceWriter {
 public:
  explicit PurgedReferenceWriter(Connection& connection);
  ~PurgedReferenceWriter();

  void remember(Id provider, std::string_view reference);

 private:
  Connection& connection_;
  std::unique_ptr<ReferenceHasher> hasher_;
};

// One provider's purged references, read before an import.
class PurgedReferences {
 public:
  PurgedReferences(Connection& connection, Id provider);
  ~PurgedReferences();

  bool empty() const { return hashes_.empty(); }
  // Whether the purge removed this (normalised) reference. Costs one HMAC: ask only about
  // references the store does not hold.
  bool contains(std::string_view reference);

 private:
  Id provider_;
  std::unique_ptr<ReferenceHasher> hasher_;  // none while there is no hash
  absl::flat_hash_set<std::string> hashes_;
};

}  // namespace caretoolkit::tracker
