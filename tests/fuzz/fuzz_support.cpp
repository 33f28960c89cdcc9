// Shared pieces of the fuzz targets; see fuzz_support.hpp.
#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "advert/report.hpp"
#include "core/date.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::fuzz {

namespace fs = std::filesystem;

void fuzz_require(bool condition, std::string_view what, std::string_view detail) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  }
  std::abort();
}

fs::path source_dir() {
  return {CARETOOLKIT_SOURCE_DIR};
}

ScratchDir::ScratchDir() {
  std::error_code ec;
  const fs::path base =
      fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::random_device random;
  std::string name = "caretoolkit-fuzz-";
  name += std::to_string(random());
  name += std::to_string(random());
  path_ = base / name;
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

void check_report(std::string_view text, const advert::Report& report) {
  fuzz_require(report.score >= 0 && report.score <= 100, "score outside 0-100");
  fuzz_require(!report.grade.empty(), "report without a grade");
  for (const auto& category : report.categories) {
    fuzz_require(category.score >= 0 && category.score <= 100, "category score outside 0-100");
  }
  // UTF-16 code units before each byte offset: 2 for a 4-byte sequence, else 1 per character.
  std::vector<std::uint32_t> utf16_before(text.size() + 1, 0);
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    utf16_before[i] = units;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!is_continuation(byte)) units += byte >= 0xF0 ? 2 : 1;
  }
  utf16_before[text.size()] = units;

  for (const auto& finding : report.findings) {
    if (!finding.span) continue;
    const auto& span = *finding.span;
    const std::string where = std::string(finding.rule_id) + " [" + std::to_string(span.begin) +
                              ", " + std::to_string(span.end) + ")";
    fuzz_require(span.begin <= span.end && span.end <= text.size(), "span outside the text", where);
    fuzz_require(
        span.begin == text.size() || !is_continuation(static_cast<unsigned char>(text[span.begin])),
        "span begins inside a character", where);
    fuzz_require(
        span.end == text.size() || !is_continuation(static_cast<unsigned char>(text[span.end])),
        "span ends inside a character", where);
    fuzz_require(
        span.begin_utf16 == utf16_before[span.begin] && span.end_utf16 == utf16_before[span.end],
        "UTF-16 offsets disagree with the byte offsets", where);
    fuzz_require(finding.text == text.substr(span.begin, span.end - span.begin),
                 "finding text is not the spanned bytes", where);
  }
}

namespace {

constexpr std::uint64_t kBase = 1099511628211ULL;  // any odd multiplier will do

void install_key(tracker::Store& store, std::string_view token, tracker::ApiKeyRole role,
                 std::optional<tracker::Id> provider) {
  const auto parts = tracker::parse_api_key(token);
  fuzz_require(parts.has_value(), "a fixed fuzz key is not well formed", token);
  tracker::ApiKeyRecord record;
  record.provider_id = provider;
  record.role = role;
  record.public_id = parts->public_id;
  record.secret_sha256 = tracker::sha256(parts->secret);
  record.label = "fuzz";
  store.create_api_key(record);
}

}  // namespace

FuzzTenants::FuzzTenants() {
  server::AppConfig config;
  config.database = (dir_.path() / "caretoolkit.db").string();
  config.content_dir = source_dir() / "toolkit-content";
  config.rules_dir = source_dir() / "rules";
  config.access_log = false;
  config.advert_checks_per_minute = 0;
  app_ = std::make_unique<server::App>(config);
  tracker::Store& store = app_->store();

  const Date day = *Date::parse("2025-01-06");
  const auto a = store.providers().create("Fuzz Care");
  ids_.provider = a.id;
  ids_.service =
      store.services().create(a.id, {0, 0, "Rose House", tracker::ServiceType::kResidential}).id;
  ids_.source = store.sources().create(a.id, {0, 0, "Indeed", tracker::Channel::kJobBoard}).id;
  tracker::Vacancy vacancy;
  vacancy.role = "Care assistant";
  vacancy.service_id = ids_.service;
  vacancy.opened_on = day;
  ids_.vacancy = store.vacancies().create(a.id, vacancy).id;
  tracker::Applicant applicant;
  applicant.reference = "A-001";
  applicant.source_id = ids_.source;
  applicant.vacancy_id = ids_.vacancy;
  applicant.applied_on = day;
  ids_.applicant = store.applicants().create(a.id, applicant).id;
  install_key(store, kProviderKey, tracker::ApiKeyRole::kProvider, a.id);
  install_key(store, kTeamKey, tracker::ApiKeyRole::kTeam, std::nullopt);

  // B's secret: random each run, so that nothing learnt in one run carries to the next.
  std::random_device random;
  secret_ = "b-secret-";
  for (int i = 0; i < 4; ++i) secret_ += std::to_string(random() % 100000 + 100000);
  for (const char c : secret_) secret_hash_ = secret_hash_ * kBase + static_cast<unsigned char>(c);
  for (std::size_t i = 1; i < secret_.size(); ++i) window_power_ *= kBase;

  const auto b = store.providers().create("Other Provider");
  const auto b_source =
      store.sources().create(b.id, {0, 0, "Totaljobs", tracker::Channel::kJobBoard});
  tracker::Applicant secret_applicant;
  secret_applicant.reference = secret_;
  secret_applicant.source_id = b_source.id;
  secret_applicant.applied_on = day;
  secret_applicant.interviewed_on = day;
  secret_applicant.offered_on = day;
  secret_applicant.started_on = day;
  secret_applicant.left_on = *Date::parse("2025-02-06");
  secret_applicant.left_reason = secret_;
  store.applicants().create(b.id, secret_applicant);
}

FuzzTenants::~FuzzTenants() = default;

bool FuzzTenants::leaks_secret(std::string_view body) const {
  const std::size_t length = secret_.size();
  if (body.size() < length) return false;
  std::uint64_t hash = 0;
  for (std::size_t i = 0; i < length; ++i)
    hash = hash * kBase + static_cast<unsigned char>(body[i]);
  for (std::size_t i = length;; ++i) {
    if (hash == secret_hash_ && body.substr(i - length, length) == secret_) return true;
    if (i == body.size()) return false;
    hash = (hash - static_cast<unsigned char>(body[i - length]) * window_power_) * kBase +
           static_cast<unsigned char>(body[i]);
  }
}

server::Response FuzzTenants::handle(server::Request& request, std::string& route,
                                     std::string& log_detail) {
  server::Response response = app_->handle(request, route, log_detail);
  const bool server_error = response.status >= 500 && response.status != 503;
  const bool leak = leaks_secret(response.body);
  if (server_error || leak) {
    const std::string what = request.method + " " + request.target + " -> " +
                             std::to_string(response.status) + " " + log_detail;
    fuzz_require(!server_error, "a server error", what);
    fuzz_require(!leak, "another provider's data in a response", what);
  }
  return response;
}

}  // namespace caretoolkit::fuzz
