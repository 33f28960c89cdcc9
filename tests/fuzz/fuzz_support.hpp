// What the fuzz targets share: a failure that stops the run with a message, a scratch folder on
// a RAM disk, the checks every advert report must pass, and FuzzTenants, the real application
// with two providers whose keys the corpora know and a secret of the second provider's that no
// response to the first may ever contain.
//
// A target reports a bug by aborting (fuzz_require), by letting an exception other than
// caretoolkit::Error escape, or through the sanitizers; libFuzzer and the replay runner both treat
// any of these as a failure of the input. Not thread-safe unless a comment says otherwise: a
// target calls these from its one fuzzing thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app.hpp"
#include "http_types.hpp"

namespace caretoolkit::advert {
struct Report;
}

namespace caretoolkit::fuzz {

// Prints `what` (and `detail`) and aborts when `condition` is false.
void fuzz_require(bool condition, std::string_view what, std::string_view detail = {});

// The repository's root, for rules/, toolkit-content/ and the examples.
std::filesystem::path source_dir();

// A folder removed with its contents when the object goes away: under /dev/shm when the machine
// has one (so that SQLite's fsync costs nothing while fuzzing), else under the system's temp
// folder.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Checks what must hold for any report of any valid UTF-8 `text`: the score and grade are in
// range, and every finding's span lies inside the text on character boundaries, its UTF-16
// offsets count the code units before those bytes, and its text is exactly those bytes.
void check_report(std::string_view text, const advert::Report& report);

// The keys FuzzTenants installs, which the corpora use in their Authorization headers.
inline constexpr std::string_view kProviderKey =
    "ctk_00000000000000a1_ZnV6ei1wcm92aWRlci1rZXktZm9yLXRlc3RpbmctMDA";
inline constexpr std::string_view kTeamKey =
    "ctk_00000000000000b2_ZnV6ei10ZWFtLWtleS1mb3ItdGVzdGluZy0wMDAwMDA";

// The application (routes, store, checker) on a fresh database in a ScratchDir, with:
// - provider A ("Fuzz Care"), reached with kProviderKey, owning a service, a source, a vacancy
//   and an applicant whose ids are in provider_ids();
// - provider B, whose applicant's reference and reason hold a random secret made at start-up;
// - the team key kTeamKey.
// handle() runs one request through the application exactly as the HTTP server does, then
// aborts if the response is a server error (500 or any 5xx but 503) or carries B's secret.
class FuzzTenants {
 public:
  FuzzTenants();
  ~FuzzTenants();
  FuzzTenants(const FuzzTenants&) = delete;
  FuzzTenants& operator=(const FuzzTenants&) = delete;

  // Thread-safe, like App::handle: the HTTP target calls it from the server's threads.
  server::Response handle(server::Request& request, std::string& route, std::string& log_detail);
  server::App& app() { return *app_; }

  struct ProviderIds {
    std::int64_t provider = 0, service = 0, source = 0, vacancy = 0, applicant = 0;
  };
  const ProviderIds& provider_ids() const { return ids_; }

  // Checks a response body for B's secret without a comparison the fuzzer could learn the secret
  // from (a rolling hash, not memcmp): B's data must never reach A or the team.
  bool leaks_secret(std::string_view body) const;

 private:
  ScratchDir dir_;
  std::unique_ptr<server::App> app_;
  ProviderIds ids_;
  std::string secret_;
  std::uint64_t secret_hash_ = 0;
  std::uint64_t window_power_ = 1;  // kBase^(secret length - 1), for the rolling hash
};

}  // namespace caretoolkit::fuzz
