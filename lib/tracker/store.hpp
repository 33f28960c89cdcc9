// The tracker store: every provider's recruitment records, in one SQLite file (the embedded
// default) or in a PostgreSQL database that several servers share.
//
// A Store is opened once per process and shared by every thread (it is thread-safe). Writes go
// through one connection, one at a time, each in one transaction; reads use a small pool of
// read connections and see the last committed state. On SQLite a write is a BEGIN IMMEDIATE
// transaction in WAL mode, synced to disk before it returns (synchronous=FULL), so it survives a
// crash or a power cut. On PostgreSQL the writes of every server take turns (pg_connection.hpp),
// so that each sees the last, as on SQLite; a write that returned has been committed by the
// server, and one that waited too long for its turn is refused with Error(kTryAgain).
//
// The records are reached through one interface per resource (resources.hpp states their
// contract: tenancy, errors, each resource's rules): store.services().create(provider, service).
// The Store's own operations below (imports, exports, the metrics' reads, the purge, API keys,
// settings and sessions) throw the same errors, and those taking a provider see its rows only;
// the imports add:
//   kMalformed  a CSV file that cannot be read (broken quoting, invalid UTF-8, bad header).
// Field names are the record's field or CSV column names ("started_on"). Anything else (a full
// disk, a corrupt file, a lost connection) throws a std::exception and leaves the stored data as
// it was: every write is one transaction.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tracker/backend.hpp"
#include "tracker/resources.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// Called by Store::load_team_data for each applicant: part is 0 or 1 (kTeamParts), the thread
// the applicant was read on. The applicant is valid only during the call.
using TeamApplicantVisitor = std::function<void(std::size_t part, const Applicant& applicant)>;
inline constexpr std::size_t kTeamParts = 2;

struct StoreOptions {
  int busy_timeout_ms = 5000;   // how long a connection waits for another process's lock
  std::size_t max_readers = 4;  // read connections open at once; readers beyond wait their turn
  // The day records are written, which no recorded date may be after. Tests fix it.
  std::function<Date()> today = [] { return Date::today(); };
  // The moment sign-in sessions are timed by (sessions.hpp). Tests move it on.
  std::function<std::chrono::system_clock::time_point()> now = [] {
    return std::chrono::system_clock::now();
  };
  // load_team_data() reads the applicants in two parts on two threads from this many on.
  std::size_t parallel_team_rows = 50'000;
  // Whether a file that does not exist is created; when false it is refused (Error kNotFound).
  bool create = true;
};

// The stored spend of one source in one calendar month, as a spend sheet replaced it.
struct SpendReplacement {
  std::string source;  // the source's name
  Date month;          // the first day of the month
  std::size_t rows_before = 0, rows_after = 0;
  Pence before, after;  // the month's total spend on the source
};

// What an import did.
struct ImportSummary {
  std::size_t rows = 0;                   // data rows read (the header and blank rows not counted)
  std::size_t created = 0;                // new records
  std::size_t updated = 0;                // records matched by their key and changed by the row
  std::size_t unchanged = 0;              // rows already stored exactly: nothing was written
  std::vector<std::string> new_sources;   // names of the sources the import created
  std::vector<std::string> new_services;  // names of the services the import created
  std::size_t new_vacancies = 0;
  // Applicants: rows not imported because a purge removed their reference.
  std::size_t skipped_purged = 0;
  // Applicants: stored applicants whose source, applied date, stage dates or outcome a row
  // changed (only with ImportOptions::accept_changes; counted in `updated` too).
  std::size_t history_changed = 0;
  // Sources whose channel was not known until a row of this import named it: "Facebook
  // (social_media)".
  std::vector<std::string> channels_learnt;
  // Spend: stored rows of the sheet's source-months that the sheet no longer holds, removed.
  std::size_t removed = 0;
  // Spend: each source-month whose stored rows the sheet changed, in the sheet's order.
  std::vector<SpendReplacement> replaced;
};

// "replaced 3 rows for Indeed in March 2025: £487.00 → £587.00" (and "with 4" when the number
// of rows changed).
std::string describe(const SpendReplacement& replacement);
// What a summary says beyond its counts, a sentence each, for the command line and the API: the
// rows skipped and why, the channels learnt, the history changed, the spend replaced.
std::vector<std::string> summary_notes(const ImportSummary& summary);

// How a front end words, in its own terms, the fix an import's refusal suggests.
struct ImportRemedies {
  // How to apply rows that change recorded history, completing "to apply them, ...".
  std::string accept_changes = "import the file again accepting the changes";
  // How to give a source another channel, completing "if CHANNEL is right, ...": given the
  // provider, the source (as stored) and the channel the row names. Empty: a generic wording.
  std::function<std::string(Id provider, const Source& source, Channel channel)> set_channel;
};

struct ImportOptions {
  // Apply applicant rows that change what is already recorded (see import_applicants_csv);
  // without it, a file holding any is refused whole and they are listed.
  bool accept_changes = false;
  ImportRemedies remedies;
};

// An import lists at most this many problems (with a last item counting the rest): a file with
// more is wrong throughout, and the first ones show how.
inline constexpr std::size_t kMaxImportProblems = 1000;

struct PurgeSummary {
  std::size_t applicants = 0;  // references removed
};

enum class ApiKeyRole : std::uint8_t { kProvider, kTeam };
std::string_view to_string(ApiKeyRole role);  // "provider", "team"

// A stored API key: only the SHA-256 of its secret is kept (see api_keys.hpp).
struct ApiKeyRecord {
  Id id = 0;
  std::optional<Id> provider_id;  // empty for a team key
  ApiKeyRole role = ApiKeyRole::kProvider;
  std::string public_id;
  std::string secret_sha256;  // 32 bytes
  std::string label;
  std::string created_at;  // UTC, "2025-03-01T09:30:00Z"
  std::optional<std::string> revoked_at;
};

// A provider's checker settings as stored: the JSON document, which the caller validates against
// the rules (lib/rules/checker_settings.hpp), its version (0 until first saved, then one more per
// saved change) and who saved it last.
struct CheckerSettingsRecord {
  Id provider_id = 0;
  std::int64_t version = 0;
  std::string document = "{}";
  std::string updated_at;  // UTC, "2026-12-06T10:30:00Z"; empty until first saved
  std::string updated_by;  // "key 0123456789abcdef (Office PC)", "command line"; empty until saved
};

// One saved change of a provider's checker settings, kept for good.
struct CheckerSettingsChange {
  Id id = 0;
  std::int64_t version = 0;          // the version the change made
  std::string changed_at;            // UTC, as updated_at
  std::string changed_by;            // as updated_by
  std::vector<std::string> changes;  // what changed, a sentence each
};

// What save_checker_settings writes.
struct CheckerSettingsSave {
  std::string document;               // the new settings, validated JSON
  std::vector<std::string> changes;   // what changed from the stored settings, a sentence each
  std::string changed_by;             // who is saving, at most kMaxNameLength characters
  std::int64_t expected_version = 0;  // the stored version the changes were worked out from
};

// A stored sign-in session: only the SHA-256 of its id is kept (see sessions.hpp). Times are Unix
// seconds.
struct SessionRecord {
  Id id = 0;
  std::string id_sha256;  // 32 bytes
  ApiKeyRecord key;       // the key it was started with, as stored now
  std::int64_t created_at = 0;
  std::int64_t last_used_at = 0;
};

// Connection settings as SQLite reports them, for health checks and tests.
struct ConnectionSettings {
  std::string journal_mode;  // "wal"
  int synchronous = 0;       // 2 = FULL
  bool foreign_keys = false;
  int busy_timeout_ms = 0;
  int temp_store = 0;          // 2 = MEMORY: the writer's statement journals stay in memory
  int wal_autocheckpoint = 0;  // pages in the log that start a checkpoint (0: never)
  std::int64_t journal_size_limit = 0;  // bytes the log is cut back to when it restarts (-1: none)
};
struct StoreSettings {
  ConnectionSettings writer;
  ConnectionSettings reader;
};

class Store {
 public:
  // Opens the database at `location` and brings its schema up to date: a SQLite file's path
  // (created if needed, unless options.create is false; its folder must exist; not ":memory:",
  // as readers need the file), or a PostgreSQL connection URI ("postgresql://user@host/db", see
  // pg::is_uri), whose database must exist. A database from a newer caretoolkit or another
  // program is refused with Error(kConflict) and left untouched; a PostgreSQL server that cannot
  // be reached, with Error(kUnavailable).
  explicit Store(const std::string& location, StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Backend backend() const;
  // What a message names the database by: the file's path, or the URI without its password.
  const std::string& target() const;
  // The SQLite file; empty on PostgreSQL.
  const std::filesystem::path& path() const;
  // The size in bytes of the write-ahead log beside the file (its path with "-wal") now; 0 when
  // there is none. The writer checkpoints it, so it stays near 4 MiB however many writes are made;
  // one large import swells it, and the next write after it cuts it back to 8 MiB. Always 0 on
  // PostgreSQL.
  std::uint64_t wal_bytes() const;
  // Today as StoreOptions::today gives it: the one clock that records and reports are held to.
  Date today() const;
  // Now as StoreOptions::now gives it, in Unix seconds: the clock of sign-in sessions.
  std::int64_t now() const;
  // Reads the settings back from the writer and from one reader (SQLite; empty on PostgreSQL).
  StoreSettings settings() const;

  // Each resource's records (resources.hpp).
  ProviderRecords& providers();
  const ProviderRecords& providers() const;
  ServiceRecords& services();
  const ServiceRecords& services() const;
  SourceRecords& sources();
  const SourceRecords& sources() const;
  SpendRecords& spend();
  const SpendRecords& spend() const;
  VacancyRecords& vacancies();
  const VacancyRecords& vacancies() const;
  ApplicantRecords& applicants();
  const ApplicantRecords& applicants() const;
  HeadcountRecords& headcounts();
  const HeadcountRecords& headcounts() const;

  // CSV import, all or nothing: every row is checked, and if any is wrong nothing is stored and
  // Error(kInvalid) lists every bad row by line and column (kMalformed when the file cannot be
  // read at all). The forms, and what importing one again does, are documented in csv_forms.hpp:
  // a file imported twice changes nothing, applicants by their reference (rows whose reference a
  // purge removed are skipped), spend by source and month (the sheet replaces the stored rows of
  // each source-month it covers), headcounts by day and service.
  // An applicant row that would change a stored applicant's source or applied_on, or change or
  // remove a stage date or outcome already recorded, refuses the whole file with
  // Error(kConflict) listing each such row, unless options.accept_changes; recording a later
  // stage is progress, not a change. A row naming a channel for a source whose channel is not
  // known yet gives it that channel; one naming another channel than a known one is refused.
  ImportSummary import_applicants_csv(Id provider, std::string_view text,
                                      const ImportOptions& options = {});
  ImportSummary import_spend_csv(Id provider, std::string_view text,
                                 const ImportOptions& options = {});
  ImportSummary import_headcount_csv(Id provider, std::string_view text,
                                     const ImportOptions& options = {});

  // The same forms, in id order; importing an export into an empty provider and exporting again
  // gives the same bytes.
  std::string export_applicants_csv(Id provider) const;
  std::string export_spend_csv(Id provider) const;
  std::string export_headcount_csv(Id provider) const;

  // The metrics' inputs for one provider, read in one snapshot. With `up_to`, only what is dated
  // on or before it: applicants who applied by then, spend and headcounts by then, advert
  // versions live by then and page counts of days up to then (the later rows cannot count in a
  // report that ends on that day).
  TrackerData load_tracker_data(Id provider, std::optional<Date> up_to = std::nullopt) const;
  // The same for every provider at once, read in one snapshot, for the team's KPIs: every table
  // but the applicants grouped by provider (in provider id order, then id order), so that each
  // provider's rows are one contiguous run (metrics::split_by_provider takes them apart).
  // The applicants are not kept: each is passed to `visit` as it is read, so that a million of
  // them are counted without being held; with `applied_from`, only those who applied on or after
  // it. They carry what the team's counts read (ids, source, stage dates, outcome) and nothing
  // else: no reference, reason, vacancy, service or prior sector. From
  // StoreOptions::parallel_team_rows on, they are read on two threads, in no set order; all calls
  // for one part come from one thread, so a visitor that keeps a tally per part needs no lock. An
  // exception from `visit` ends the read and is thrown.
  TrackerData load_team_data(std::optional<Date> up_to, std::optional<Date> applied_from,
                             const TeamApplicantVisitor& visit) const;

  // Data minimisation: removes the reference and the free-text reason of every finished
  // unsuccessful applicant (withdrawn or rejected) whose outcome is dated more than
  // `older_than_days` before today, for one provider or (empty) all. Applicants without an
  // outcome are left alone, whatever their age: they may still be offered a job or start. Counts,
  // dates, sources and outcomes stay, so no metric changes. Each removed reference is remembered
  // as a keyed hash only (purged_references.hpp), so that a sheet imported again skips its row.
  PurgeSummary purge(int older_than_days = kDefaultPurgeDays,
                     std::optional<Id> provider = std::nullopt);
  static constexpr int kDefaultPurgeDays = 182;  // six months

  // API keys (see api_keys.hpp for making and checking them). A provider key needs its
  // provider_id; a team key must have none. public_id is unique (kConflict).
  ApiKeyRecord create_api_key(const ApiKeyRecord& key);
  std::optional<ApiKeyRecord> find_api_key(std::string_view public_id) const;
  // Keys of one provider, or (empty) every key.
  Page<ApiKeyRecord> list_api_keys(std::optional<Id> provider, const PageRequest& page = {}) const;
  // Marks the key revoked and ends its sessions (kNotFound for an unknown id; revoking twice keeps
  // the first time).
  ApiKeyRecord revoke_api_key(Id key_id);

  // Checker settings, one document per provider (kNotFound for an unknown provider). Saving
  // writes the document and the change to the history in one transaction; it is refused with
  // kConflict, and nothing is written, when the stored version is no longer expected_version
  // (someone saved in between), and with kInvalid when there is no change to record.
  CheckerSettingsRecord get_checker_settings(Id provider) const;
  CheckerSettingsRecord save_checker_settings(Id provider, const CheckerSettingsSave& save);
  // The provider's saved changes, oldest first.
  Page<CheckerSettingsChange> list_checker_settings_changes(Id provider,
                                                            const PageRequest& page = {}) const;
  // Sign-in sessions (see sessions.hpp for starting and checking them). Not scoped: a session
  // belongs to a key. `created_at` and `last_used_at` are both `now`.
  SessionRecord create_session(Id api_key_id, std::string_view id_sha256, std::int64_t now);
  // The session with this id hash, with its key, whether or not either has ended.
  std::optional<SessionRecord> find_session(std::string_view id_sha256) const;
  // Sets last_used_at to `now` unless it is already later.
  void touch_session(Id session, std::int64_t now);
  void delete_session(Id session);
  // Removes the sessions last used at or before `used_by`, or created at or before `created_by`;
  // returns how many.
  std::size_t delete_sessions_ended(std::int64_t used_by, std::int64_t created_by);

 private:
  struct Impl;  // the connections, settings and records; defined in store_impl.hpp
  friend class VacancyPublishing;  // publishing writes a vacancy with its advert versions
  friend class EmployerDirectory;  // providers' public profiles beside their listing choice

  std::unique_ptr<Impl> impl_;
};

}  // namespace caretoolkit::tracker
