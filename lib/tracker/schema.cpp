// The tracker's schema, one migration per step; see schema.hpp.
//
// Every table is STRICT and carries CHECK constraints that repeat the C++ validation, so a bug in
// the engine cannot store impossible data. Dates are ISO 8601 text ("2025-03-01"): they sort and
// compare as text, and `date(x) IS x` refuses anything that is not a real day. Rows that point at
// another provider's rows are impossible by construction: children reference their parent by
// (id, provider_id), so the parent must belong to the same provider. Those references are checked
// at COMMIT (DEFERRABLE INITIALLY DEFERRED): every write is one transaction, so a violation still
// refuses the whole write, and no statement needs a statement journal to undo itself half-way,
// which would cost an import a savepoint per row.
#include "tracker/schema.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

#include "core/error.hpp"
#include "tracker/storage_errors.hpp"
#include "tracker/text_migration.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::string_view kTrackerTables = R"sql(
CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_on TEXT NOT NULL CHECK (date(created_on) IS created_on)
) STRICT;

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  type TEXT NOT NULL CHECK (type IN ('home_care', 'residential', 'nursing', 'supported_living',
                                     'day_services', 'other')),
  UNIQUE (provider_id, name),
  UNIQUE (id, provider_id)
) STRICT;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  channel TEXT NOT NULL CHECK (channel IN ('job_board', 'social_media', 'staff_referral',
                                           'jobcentre_plus', 'careers_event', 'own_website',
                                           'agency', 'other')),
  UNIQUE (provider_id, name),
  UNIQUE (id, provider_id)
) STRICT;

CREATE TABLE spend (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  spent_on TEXT NOT NULL CHECK (date(spent_on) IS spent_on),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  FOREIGN KEY (source_id, provider_id) REFERENCES sources (id, provider_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX spend_by_source ON spend (provider_id, source_id);

CREATE TABLE vacancies (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  role TEXT NOT NULL COLLATE NOCASE CHECK (length(role) BETWEEN 1 AND 200),
  service_id INTEGER,
  opened_on TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
  closed_on TEXT CHECK (date(closed_on) IS closed_on AND closed_on >= opened_on),
  advert_text TEXT CHECK (length(advert_text) <= 100000),
  advert_score INTEGER CHECK (advert_score BETWEEN 0 AND 100),
  UNIQUE (id, provider_id),
  FOREIGN KEY (service_id, provider_id) REFERENCES services (id, provider_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX vacancies_by_provider ON vacancies (provider_id, service_id);

-- One row per applicant; the dates are the stage events. reference is NULL once purged.
-- outcome_on and outcome_reason record when and why an unsuccessful applicant withdrew or was
-- rejected (the stage they dropped out at is the last one reached).
CREATE TABLE applicants (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL,
  reference TEXT CHECK (length(reference) BETWEEN 1 AND 100),
  source_id INTEGER NOT NULL,
  vacancy_id INTEGER,
  service_id INTEGER,
  applied_on TEXT NOT NULL CHECK (date(applied_on) IS applied_on),
  interviewed_on TEXT CHECK (date(interviewed_on) IS interviewed_on
                             AND interviewed_on >= applied_on),
  offered_on TEXT CHECK (date(offered_on) IS offered_on
                         AND offered_on >= coalesce(interviewed_on, applied_on)),
  started_on TEXT CHECK (date(started_on) IS started_on AND started_on >= offered_on),
  left_on TEXT CHECK (date(left_on) IS left_on AND left_on >= started_on),
  left_reason TEXT NOT NULL DEFAULT '' CHECK (length(left_reason) <= 1000),
  outcome TEXT CHECK (outcome IN ('withdrawn', 'rejected')),
  outcome_on TEXT CHECK (date(outcome_on) IS outcome_on
                         AND outcome_on >= coalesce(offered_on, interviewed_on, applied_on)),
  outcome_reason TEXT NOT NULL DEFAULT '' CHECK (length(outcome_reason) <= 1000),
  prior_sector TEXT NOT NULL DEFAULT '' CHECK (length(prior_sector) <= 100),
  CHECK (started_on IS NULL OR offered_on IS NOT NULL),
  CHECK (left_on IS NULL OR started_on IS NOT NULL),
  CHECK (left_reason = '' OR left_on IS NOT NULL),
  CHECK (outcome IS NULL OR started_on IS NULL),
  CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
  UNIQUE (provider_id, reference),
  FOREIGN KEY (source_id, provider_id) REFERENCES sources (id, provider_id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (vacancy_id, provider_id) REFERENCES vacancies (id, provider_id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (service_id, provider_id) REFERENCES services (id, provider_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
-- Ends with the rowid, so it also serves keyset pagination by id within a provider.
CREATE INDEX applicants_by_provider ON applicants (provider_id);

CREATE TABLE headcounts (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  taken_on TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
  service_id INTEGER,
  staff INTEGER NOT NULL CHECK (staff >= 0),
  vacancies INTEGER NOT NULL CHECK (vacancies >= 0),
  leavers INTEGER CHECK (leavers >= 0),
  FOREIGN KEY (service_id, provider_id) REFERENCES services (id, provider_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
-- One snapshot per day and service; 0 stands for "the whole provider" (NULLs never collide).
CREATE UNIQUE INDEX headcounts_by_day ON headcounts (provider_id, taken_on, ifnull(service_id, 0));
)sql";

constexpr std::string_view kApiKeys = R"sql(
-- Keys for the API. Only a SHA-256 of the secret is kept; public_id finds the row.
-- A team key belongs to no provider.
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER REFERENCES providers (id),
  role TEXT NOT NULL CHECK (role IN ('provider', 'team')),
  public_id TEXT NOT NULL UNIQUE CHECK (length(public_id) BETWEEN 8 AND 64),
  secret_sha256 BLOB NOT NULL CHECK (length(secret_sha256) = 32),
  label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((role = 'team') = (provider_id IS NULL))
) STRICT;
CREATE INDEX api_keys_by_provider ON api_keys (provider_id);
)sql";

constexpr std::string_view kReimport = R"sql(
-- A source first met without a channel (in a spend sheet, or an applicant row with none) has
-- channel_known = 0, its channel reading 'other', until an applicant row, the API or the command
-- line names one. Before this step such sources were stored as 'other': those that no applicant
-- uses yet are taken to be such, so that an applicants sheet imported after a spend sheet can
-- still give them their channel.
ALTER TABLE sources ADD COLUMN channel_known INTEGER NOT NULL DEFAULT 1
  CHECK (channel_known IN (0, 1) AND (channel_known = 1 OR channel = 'other'));
UPDATE sources SET channel_known = 0
  WHERE channel = 'other'
    AND NOT EXISTS (SELECT 1 FROM applicants a WHERE a.source_id = sources.id);

-- Values the database keeps for itself: 'reference_key' is the random HMAC-SHA256 key the
-- purged references are hashed with, made on the first purge that needs it.
CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL CHECK (length(value) >= 32)
) STRICT, WITHOUT ROWID;

-- The references a purge removed, kept only as HMAC-SHA256 of the provider and the case-folded
-- reference (see purged_references.hpp), so that a sheet imported again does not add the purged
-- applicants back. Nothing links a hash to its applicant.
CREATE TABLE purged_references (
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  reference_hmac BLOB NOT NULL CHECK (length(reference_hmac) = 32),
  PRIMARY KEY (provider_id, reference_hmac)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::string_view kCheckerSettings = R"sql(
-- A provider's own advert checker settings: one JSON document (rules switched off, terms
-- allowed, house terms), checked against the rule packs before it is written. version counts the
-- saved changes.
CREATE TABLE checker_settings (
  provider_id INTEGER PRIMARY KEY REFERENCES providers (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  document TEXT NOT NULL CHECK (json_valid(document) AND json_type(document) = 'object'),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 200)
) STRICT;

-- Every saved change: who made it, when, and what it changed (a JSON array of sentences), with
-- the document it left, so that any earlier version can be read back.
CREATE TABLE checker_settings_changes (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
  changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
  document TEXT NOT NULL CHECK (json_valid(document)),
  UNIQUE (provider_id, version)
) STRICT;
)sql";

constexpr std::string_view kSessions = R"sql(
-- Sign-in sessions (see sessions.hpp): a browser's cookie holds a random id, of which only the
-- SHA-256 is kept. Times are Unix seconds. Ended sessions are deleted, and so are a key's
-- sessions when it is revoked.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  id_sha256 BLOB NOT NULL UNIQUE CHECK (length(id_sha256) = 32),
  api_key_id INTEGER NOT NULL REFERENCES api_keys (id),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL CHECK (last_used_at >= created_at)
) STRICT;
CREATE INDEX sessions_by_key ON sessions (api_key_id);
)sql";

constexpr std::string_view kVacancyPages = R"sql(
-- A vacancy's advert particulars and where it stands (vacancy_publishing.hpp). Pay is pence per
-- pay_period; postcode_district is the outward part of a postcode only ("LE10"). An open vacancy
-- has a live advert version.
ALTER TABLE vacancies ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'open', 'closed'));
ALTER TABLE vacancies ADD COLUMN town TEXT NOT NULL DEFAULT '' CHECK (length(town) <= 200);
ALTER TABLE vacancies ADD COLUMN postcode_district TEXT NOT NULL DEFAULT ''
  CHECK (postcode_district = '' OR postcode_district GLOB '[A-Z][0-9]'
         OR postcode_district GLOB '[A-Z][0-9][0-9A-Z]' OR postcode_district GLOB '[A-Z][A-Z][0-9]'
         OR postcode_district GLOB '[A-Z][A-Z][0-9][0-9A-Z]');
ALTER TABLE vacancies ADD COLUMN pay_min_pence INTEGER CHECK (pay_min_pence > 0);
ALTER TABLE vacancies ADD COLUMN pay_max_pence INTEGER
  CHECK (pay_max_pence > 0 AND pay_max_pence >= pay_min_pence);
ALTER TABLE vacancies ADD COLUMN pay_period TEXT NOT NULL DEFAULT 'hour'
  CHECK (pay_period IN ('hour', 'year'));
ALTER TABLE vacancies ADD COLUMN hours_per_week REAL
  CHECK (hours_per_week > 0 AND hours_per_week <= 100);
ALTER TABLE vacancies ADD COLUMN employment_type TEXT
  CHECK (employment_type IN ('full_time', 'part_time', 'temporary', 'bank'));
ALTER TABLE vacancies ADD COLUMN closing_on TEXT
  CHECK (date(closing_on) IS closing_on AND closing_on >= opened_on);
ALTER TABLE vacancies ADD COLUMN apply_url TEXT NOT NULL DEFAULT '' CHECK (length(apply_url) <= 2000);
ALTER TABLE vacancies ADD COLUMN apply_phone TEXT NOT NULL DEFAULT '' CHECK (length(apply_phone) <= 40);
ALTER TABLE vacancies ADD COLUMN apply_email TEXT NOT NULL DEFAULT ''
  CHECK (length(apply_email) <= 254);
ALTER TABLE vacancies ADD COLUMN published_on TEXT CHECK (date(published_on) IS published_on);
ALTER TABLE vacancies ADD COLUMN live_version INTEGER
  CHECK (live_version >= 1 AND (status <> 'open' OR live_version IS NOT NULL));
CREATE INDEX vacancies_open ON vacancies (status, published_on);
-- A vacancy closed before adverts were published is closed.
UPDATE vacancies SET status = 'closed' WHERE closed_on IS NOT NULL;

-- Every advert text a vacancy was open with, and how the checker scored it then: category
-- scores as a JSON object, against the rules version named. A version is live from the day
-- live_from to the day live_to, when the next version replaced it or the vacancy closed; the live
-- one has no live_to. Versions of one day follow each other in version order.
CREATE TABLE advert_versions (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL,
  vacancy_id INTEGER NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  advert_text TEXT NOT NULL CHECK (length(advert_text) <= 100000),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  category_scores TEXT NOT NULL CHECK (json_valid(category_scores)
                                       AND json_type(category_scores) = 'object'),
  rules_version TEXT NOT NULL CHECK (length(rules_version) BETWEEN 1 AND 1000),
  live_from TEXT NOT NULL CHECK (date(live_from) IS live_from),
  live_to TEXT CHECK (date(live_to) IS live_to AND live_to >= live_from),
  UNIQUE (vacancy_id, version),
  FOREIGN KEY (vacancy_id, provider_id) REFERENCES vacancies (id, provider_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Views of a vacancy's public page and clicks on its apply link, per day and advert version.
-- Nothing about the person is kept: no address, browser, cookie or time of day.
CREATE TABLE vacancy_counts (
  vacancy_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  day TEXT NOT NULL CHECK (date(day) IS day),
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  apply_clicks INTEGER NOT NULL DEFAULT 0 CHECK (apply_clicks >= 0),
  PRIMARY KEY (vacancy_id, version, day),
  FOREIGN KEY (vacancy_id, version) REFERENCES advert_versions (vacancy_id, version)
) STRICT, WITHOUT ROWID;

-- Providers who have chosen to have their open vacancies listed on the public vacancy pages.
CREATE TABLE public_listing (
  provider_id INTEGER PRIMARY KEY REFERENCES providers (id),
  listed INTEGER NOT NULL CHECK (listed IN (0, 1)),
  changed_at TEXT NOT NULL
) STRICT;
)sql";

constexpr std::string_view kJoinedOn = R"sql(
-- The day a provider joined the scheme, for the team's figures before and after joining; NULL
-- while nobody has recorded it.
ALTER TABLE providers ADD COLUMN joined_on TEXT
  CHECK (joined_on IS NULL OR date(joined_on) IS joined_on);
)sql";

constexpr std::string_view kEmployerProfiles = R"sql(
-- Each provider's public profile beside its listing choice, for the employers' page: empty
-- text until the provider writes it.
ALTER TABLE public_listing ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE public_listing ADD COLUMN postcode_district TEXT NOT NULL DEFAULT '';
ALTER TABLE public_listing ADD COLUMN description TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::array<Migration, 9> kMigrations{{
    {1, "providers, services, sources, spend, vacancies, applicants, headcounts", kTrackerTables},
    {2, "API keys", kApiKeys},
    {3, "sources whose channel is not known yet, purged references", kReimport},
    // Text written before every way in stored one form: see text_migration.hpp.
    {4, "every text field in its stored form", "", rewrite_stored_text},
    {5, "providers' checker settings and their history", kCheckerSettings},
    {6, "sign-in sessions", kSessions},
    {7, "vacancy adverts, their versions, page counts and public listing", kVacancyPages},
    {8, "the day each provider joined the scheme", kJoinedOn},
    {9, "providers' public profiles for the employers' page", kEmployerProfiles},
}};
static_assert(kMigrations.back().version == kSchemaVersion);

std::int64_t pragma_value(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt64();
}

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

int schema_version(SQLite::Database& db) {
  return static_cast<int>(pragma_value(db, "user_version"));
}

void check_compatible(SQLite::Database& db) {
  const auto application_id = pragma_value(db, "application_id");
  if (application_id != 0 && application_id != kApplicationId) {
    throw Error(ErrorCode::kConflict,
                "this file is not a caretoolkit database (it belongs to another program); it "
                "was left unchanged");
  }
  const int version = schema_version(db);
  if (version > kSchemaVersion) {
    throw newer_schema_error(version, kSchemaVersion);
  }
  if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt64() > 0) {
    throw Error(ErrorCode::kConflict,
                "this file already holds tables that caretoolkit did not create; it was left "
                "unchanged");
  }
}

void migrate(SQLite::Database& db, int target) {
  check_compatible(db);
  for (const Migration& step : kMigrations) {
    if (step.version > target) break;
    if (schema_version(db) >= step.version) continue;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have run this step while we waited for the write lock.
    check_compatible(db);
    if (schema_version(db) >= step.version) continue;
    if (!step.sql.empty()) db.exec(std::string(step.sql));
    if (step.rewrite != nullptr) step.rewrite(db);
    // Pragmas take no bound parameters; the values are our own integers.
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    transaction.commit();
  }
}

}  // namespace caretoolkit::tracker
