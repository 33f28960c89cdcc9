// Migration 4, old text in its stored form; see text_migration.hpp.
#include "tracker/text_migration.hpp"

#include <SQLiteCpp/Database.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tracker/sql.hpp"
#include "tracker/sqlite_connection.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

// A text column that no uniqueness rule covers.
struct TextColumn {
  std::string_view table;
  std::string_view column;
  TextKind kind;
  std::size_t max_length;
  bool required;  // NOT NULL with at least one character
};

constexpr std::array<TextColumn, 8> kPlainColumns{{
    {"providers", "name", TextKind::kName, kMaxNameLength, true},
    {"vacancies", "role", TextKind::kName, kMaxNameLength, true},
    {"vacancies", "advert_text", TextKind::kNote, kMaxAdvertLength, false},
    {"spend", "note", TextKind::kNote, kMaxNoteLength, false},
    {"applicants", "left_reason", TextKind::kNote, kMaxNoteLength, false},
    {"applicants", "outcome_reason", TextKind::kNote, kMaxNoteLength, false},
    {"applicants", "prior_sector", TextKind::kName, kMaxPriorSectorLength, false},
    {"api_keys", "label", TextKind::kName, kMaxNameLength, false},
}};

// A table whose names are unique within a provider, with what two of its rows must agree on to
// be merged and the tables whose rows point at it.
struct NamedTable {
  std::string_view table;
  std::string_view detail;       // channel or type: must be equal for a merge...
  std::string_view known;        // ...unless this column says either's is not known; or empty
  std::string_view clash;        // SQL with ?1, ?2: a row means the two cannot be merged
  std::string_view user_column;  // how the users point at a row
  std::array<std::string_view, 3> users;
};

constexpr NamedTable kSources{.table = "sources",
                              .detail = "channel",
                              .known = "channel_known",
                              .clash = "",
                              .user_column = "source_id",
                              .users = {"applicants", "spend", ""}};
constexpr NamedTable kServices{.table = "services",
                               .detail = "type",
                               .known = "",
                               .clash =
                                   "SELECT 1 FROM headcounts a JOIN headcounts b "
                                   "USING (provider_id, taken_on) "
                                   "WHERE a.service_id = ?1 AND b.service_id = ?2",
                               .user_column = "service_id",
                               .users = {"vacancies", "applicants", "headcounts"}};

// Prefixes the name a row holds for a moment while names are swapped: two control characters,
// which no name anyone typed holds, followed by the row's id, which no other row has.
constexpr std::string_view kPassing = "\x01\x7f";

std::string stored_form(std::string_view text, TextKind kind, std::size_t max_length,
                        bool required) {
  std::string out = repair_text(text, kind, max_length);
  if (out.empty() && required) out = kBlankText;
  return out;
}

std::string text_of(const Column& column) {
  return std::string(sql::read_text(column));
}

void set_text(SQLite::Database& db, std::string_view table, std::string_view column,
              std::int64_t id, std::string_view text) {
  SqliteStatement update(
      db, "UPDATE " + std::string(table) + " SET " + std::string(column) + " = ? WHERE id = ?");
  sql::bind_text(update, 1, text);
  update.bind(2, id);
  update.exec();
}

// Columns without a uniqueness rule ----------------------------------------------------------

void rewrite_column(SQLite::Database& db, const TextColumn& c) {
  struct Change {
    std::int64_t id;
    std::string text;
  };
  std::vector<Change> changes;
  SqliteStatement select(db, "SELECT id, " + std::string(c.column) + " FROM " +
                                 std::string(c.table) + " WHERE " + std::string(c.column) +
                                 " IS NOT NULL");
  while (select.executeStep()) {
    const std::string_view old = sql::read_text(select.getColumn(1));
    std::string text = stored_form(old, c.kind, c.max_length, c.required);
    if (text != old) changes.push_back({select.getColumn(0).getInt64(), std::move(text)});
  }
  SqliteStatement update(
      db, "UPDATE " + std::string(c.table) + " SET " + std::string(c.column) + " = ? WHERE id = ?");
  for (const Change& change : changes) {
    sql::bind_text(update, 1, change.text);
    update.bind(2, change.id);
    update.exec();
    update.reset();
  }
}

// Names and references unique within a provider -----------------------------------------------

// One row of a unique column: its text before and after, and what becomes of it.
struct Entry {
  std::int64_t id;
  std::string old_text;
  std::string text;
  std::string key;
  std::int64_t merge_into = 0;  // the row it is merged into, or 0
};

// Applies the collision rule to one provider's rows, in id order: the first row with a key keeps
// its text; each later one is merged into it when `merge(first, later)` merges them, or else gets
// the lowest " (n)" whose key no row holds.
void settle(std::vector<Entry>& entries, std::size_t max_length,
            const std::function<void(std::string_view, std::string&)>& key_of,
            const std::function<bool(const Entry&, const Entry&)>& merge) {
  std::unordered_map<std::string, std::size_t> owners;
  std::vector<std::size_t> later;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!owners.emplace(entries[i].key, i).second) later.push_back(i);
  }
  for (const std::size_t i : later) {
    Entry& entry = entries[i];
    const Entry& owner = entries[owners.at(entry.key)];
    if (merge(owner, entry)) {
      entry.merge_into = owner.id;
      continue;
    }
    const std::string base = entry.text;
    for (int number = 2;; ++number) {
      entry.text = numbered_name(base, number, max_length);
      key_of(entry.text, entry.key);
      if (owners.emplace(entry.key, i).second) break;
    }
  }
}

// Writes the new texts of `entries` that are not merged away: first each changed one to a
// passing name of its own, then to its new text, so that no two rows hold one name on the way.
void rename(SQLite::Database& db, std::string_view table, std::string_view column,
            const std::vector<Entry>& entries) {
  std::vector<const Entry*> changed;
  for (const Entry& entry : entries) {
    if (entry.merge_into == 0 && entry.text != entry.old_text) changed.push_back(&entry);
  }
  for (const Entry* entry : changed) {
    set_text(db, table, column, entry->id, std::string(kPassing) + std::to_string(entry->id));
  }
  for (const Entry* entry : changed) set_text(db, table, column, entry->id, entry->text);
}

// Runs `each` on every provider's rows of `table`'s unique `column`, in id order, with their
// stored form and its key.
void for_each_provider(SQLite::Database& db, std::string_view table, std::string_view column,
                       std::size_t max_length,
                       const std::function<void(std::string_view, std::string&)>& key_of,
                       const std::function<void(std::vector<Entry>&)>& each) {
  std::vector<std::int64_t> providers;
  SqliteStatement owners(
      db, "SELECT DISTINCT provider_id FROM " + std::string(table) + " ORDER BY provider_id");
  while (owners.executeStep()) providers.push_back(owners.getColumn(0).getInt64());
  SqliteStatement select(db, "SELECT id, " + std::string(column) + " FROM " + std::string(table) +
                                 " WHERE provider_id = ? AND " + std::string(column) +
                                 " IS NOT NULL ORDER BY id");
  for (const std::int64_t provider : providers) {
    std::vector<Entry> entries;
    select.bind(1, provider);
    while (select.executeStep()) {
      Entry entry{select.getColumn(0).getInt64(), text_of(select.getColumn(1)), {}, {}};
      entry.text = stored_form(entry.old_text, TextKind::kName, max_length, true);
      key_of(entry.text, entry.key);
      entries.push_back(std::move(entry));
    }
    select.reset();
    each(entries);
  }
}

// Named rows ---------------------------------------------------------------------------------

struct Detail {
  std::string value;
  bool known;
};

std::unordered_map<std::int64_t, Detail> details(SQLite::Database& db, const NamedTable& t) {
  std::unordered_map<std::int64_t, Detail> out;
  const std::string known = t.known.empty() ? "1" : std::string(t.known);
  SqliteStatement select(
      db, "SELECT id, " + std::string(t.detail) + ", " + known + " FROM " + std::string(t.table));
  while (select.executeStep()) {
    out.emplace(select.getColumn(0).getInt64(),
                Detail{text_of(select.getColumn(1)), select.getColumn(2).getInt() != 0});
  }
  return out;
}

bool clashes(SQLite::Database& db, const NamedTable& t, std::int64_t first, std::int64_t second) {
  if (t.clash.empty()) return false;
  SqliteStatement query(db, std::string(t.clash));
  query.bind(1, first);
  query.bind(2, second);
  return query.executeStep();
}

// Points every user of row `from` at row `into`, gives `into` the detail `from` knows when it
// knows none, and deletes `from`.
void merge(SQLite::Database& db, const NamedTable& t, std::int64_t from, std::int64_t into,
           std::unordered_map<std::int64_t, Detail>& known_details) {
  for (const std::string_view user : t.users) {
    if (user.empty()) continue;
    SqliteStatement move(db, "UPDATE " + std::string(user) + " SET " + std::string(t.user_column) +
                                 " = ? WHERE " + std::string(t.user_column) + " = ?");
    move.bind(1, into);
    move.bind(2, from);
    move.exec();
  }
  Detail& kept = known_details.at(into);
  const Detail& gone = known_details.at(from);
  if (!kept.known && gone.known) {
    kept = gone;
    SqliteStatement learn(db, "UPDATE " + std::string(t.table) + " SET " + std::string(t.detail) +
                                  " = ?, " + std::string(t.known) + " = 1 WHERE id = ?");
    sql::bind_text(learn, 1, kept.value);
    learn.bind(2, into);
    learn.exec();
  }
  SqliteStatement remove(db, "DELETE FROM " + std::string(t.table) + " WHERE id = ?");
  remove.bind(1, from);
  remove.exec();
}

void rewrite_names(SQLite::Database& db, const NamedTable& t) {
  auto known_details = details(db, t);
  const auto merge_if_agreed = [&](const Entry& owner, const Entry& later) {
    const Detail& a = known_details.at(owner.id);
    const Detail& b = known_details.at(later.id);
    if (a.known && b.known && a.value != b.value) return false;
    if (clashes(db, t, owner.id, later.id)) return false;
    merge(db, t, later.id, owner.id, known_details);
    return true;
  };
  for_each_provider(db, t.table, "name", kMaxNameLength, name_key,
                    [&](std::vector<Entry>& entries) {
                      settle(entries, kMaxNameLength, name_key, merge_if_agreed);
                      rename(db, t.table, "name", entries);
                    });
}

// References ---------------------------------------------------------------------------------

void same_text(std::string_view text, std::string& key) {
  key.assign(text);
}

void rewrite_references(SQLite::Database& db) {
  for_each_provider(db, "applicants", "reference", kMaxReferenceLength, same_text,
                    [&](std::vector<Entry>& entries) {
                      settle(entries, kMaxReferenceLength, same_text,
                             [](const Entry&, const Entry&) { return false; });
                      rename(db, "applicants", "reference", entries);
                    });
}

}  // namespace

std::string numbered_name(std::string_view name, int number, std::size_t max_length) {
  const std::string suffix = " (" + std::to_string(number) + ")";
  const std::size_t room = max_length > suffix.size() ? max_length - suffix.size() : 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(name.data());
  const auto length = static_cast<std::int32_t>(name.size());
  std::int32_t end = 0;
  for (std::size_t characters = 0; end < length && characters < room; ++characters) {
    U8_FWD_1(bytes, end, length);
  }
  std::string out(trim_white_space(name.substr(0, static_cast<std::size_t>(end))));
  return out + suffix;
}

void rewrite_stored_text(SQLite::Database& db) {
  for (const TextColumn& column : kPlainColumns) rewrite_column(db, column);
  rewrite_names(db, kSources);
  rewrite_names(db, kServices);
  rewrite_references(db);
}

}  // namespace caretoolkit::tracker
