// How each tracker record maps onto its table, and the reads and writes every record shares:
// get by id, list a page, insert, update, delete. Internal to lib/tracker; the Store adds each
// record's own rules on top.
//
// A Table<T> specialisation names the table, the columns other than `id` (in the order bind()
// binds them from parameter 1), the rows that depend on a record (a delete is refused while any
// exists) and how to read a row selected as "id, <columns>". Every query is scoped by provider_id,
// so another provider's row is simply not found.
#pragma once

#include "tracker/statement.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "tracker/connection.hpp"
#include "tracker/sql.hpp"
#include "tracker/store.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker::records {

struct Dependent {
  std::string_view table;   // a table whose rows point at the record
  std::string_view column;  // the column that points
  std::string_view one;     // what one such row is: "applicant"
  std::string_view many;    // and several: "applicants"
};

template <class T>
struct Table;

template <>
struct Table<Service> {
  static constexpr std::string_view kTable = "services";
  static constexpr std::string_view kNoun = "service";
  static constexpr std::array<std::string_view, 3> kColumns{"provider_id", "name", "type"};
  static constexpr std::array<Dependent, 3> kDependents{{
      {"vacancies", "service_id", "vacancy", "vacancies"},
      {"applicants", "service_id", "applicant", "applicants"},
      {"headcounts", "service_id", "headcount snapshot", "headcount snapshots"},
  }};
  static Service read(Statement& row);
  static void bind(Statement& statement, const Service& service);
};

template <>
struct Table<Source> {
  static constexpr std::string_view kTable = "sources";
  static constexpr std::string_view kNoun = "source";
  static constexpr std::array<std::string_view, 4> kColumns{"provider_id", "name", "channel",
                                                            "channel_known"};
  static constexpr std::array<Dependent, 2> kDependents{{
      {"applicants", "source_id", "applicant", "applicants"},
      {"spend", "source_id", "spend entry", "spend entries"},
  }};
  static Source read(Statement& row);
  static void bind(Statement& statement, const Source& source);
};

template <>
struct Table<SpendEntry> {
  static constexpr std::string_view kTable = "spend";
  static constexpr std::string_view kNoun = "spend entry";
  static constexpr std::array<std::string_view, 5> kColumns{"provider_id", "source_id", "spent_on",
                                                            "amount_pence", "note"};
  static constexpr std::array<Dependent, 0> kDependents{};
  static SpendEntry read(Statement& row);
  static void bind(Statement& statement, const SpendEntry& entry);
};

template <>
struct Table<Vacancy> {
  static constexpr std::string_view kTable = "vacancies";
  static constexpr std::string_view kNoun = "vacancy";
  static constexpr std::array<std::string_view, 21> kColumns{
      "provider_id",   "role",          "service_id",  "opened_on",      "closed_on",
      "advert_text",   "advert_score",  "status",      "town",           "postcode_district",
      "pay_min_pence", "pay_max_pence", "pay_period",  "hours_per_week", "employment_type",
      "closing_on",    "apply_url",     "apply_phone", "apply_email",    "published_on",
      "live_version"};
  static constexpr std::array<Dependent, 2> kDependents{{
      {"applicants", "vacancy_id", "applicant", "applicants"},
      {"advert_versions", "vacancy_id", "published advert version", "published advert versions"},
  }};
  static Vacancy read(Statement& row);
  static void bind(Statement& statement, const Vacancy& vacancy);
};

template <>
struct Table<HeadcountSnapshot> {
  static constexpr std::string_view kTable = "headcounts";
  static constexpr std::string_view kNoun = "headcount snapshot";
  static constexpr std::array<std::string_view, 6> kColumns{
      "provider_id", "taken_on", "service_id", "staff", "vacancies", "leavers"};
  static constexpr std::array<Dependent, 0> kDependents{};
  static HeadcountSnapshot read(Statement& row);
  static void bind(Statement& statement, const HeadcountSnapshot& snapshot);
};

// Applicants are read through the shared code but written by the Store's own statements, which
// also keep the outcome date and reason that the Applicant type does not carry.
template <>
struct Table<Applicant> {
  static constexpr std::string_view kTable = "applicants";
  static constexpr std::string_view kNoun = "applicant";
  static constexpr std::array<std::string_view, 13> kColumns{
      "provider_id", "reference",      "source_id",   "vacancy_id", "service_id",
      "applied_on",  "interviewed_on", "offered_on",  "started_on", "left_on",
      "left_reason", "outcome",        "prior_sector"};
  static constexpr std::array<Dependent, 0> kDependents{};
  static Applicant read(Statement& row);
};

// "a, b, c" from a column list, optionally each prefixed ("t.a, t.b").
template <std::size_t N>
std::string join(const std::array<std::string_view, N>& columns, std::string_view prefix = {}) {
  std::string out;
  for (const auto column : columns) {
    if (!out.empty()) out += ", ";
    out += prefix;
    out += column;
  }
  return out;
}

// "SELECT id, <columns> FROM <table>"
template <class T>
const std::string& select_sql() {
  static const std::string sql =
      "SELECT id, " + join(Table<T>::kColumns) + " FROM " + std::string(Table<T>::kTable);
  return sql;
}

// Pagination cursors are opaque to clients: base64url of the last id they saw.
std::string encode_cursor(Id last_id);
Id decode_cursor(std::string_view cursor);  // Error(kInvalid, field "cursor") when not ours
void check_limit(std::size_t limit);        // Error(kInvalid, field "limit") outside 1..1000

[[noreturn]] void throw_not_found(std::string_view noun, Id id);

template <class T>
std::optional<T> find(Connection& connection, Id provider, Id id) {
  static const std::string sql = select_sql<T>() + " WHERE id = ? AND provider_id = ?";
  auto& statement = connection.statement(sql);
  statement.bind(1, static_cast<std::int64_t>(id));
  statement.bind(2, static_cast<std::int64_t>(provider));
  if (!statement.executeStep()) return std::nullopt;
  return Table<T>::read(statement);
}

template <class T>
T get(Connection& connection, Id provider, Id id) {
  if (auto found = find<T>(connection, provider, id)) return std::move(*found);
  throw_not_found(Table<T>::kNoun, id);
}

// Checks that an id written into a record names one of the provider's own rows.
template <class T>
void require_reference(Connection& connection, Id provider, Id id, std::string_view field) {
  static const std::string sql =
      "SELECT 1 FROM " + std::string(Table<T>::kTable) + " WHERE id = ? AND provider_id = ?";
  auto& statement = connection.statement(sql);
  statement.bind(1, static_cast<std::int64_t>(id));
  statement.bind(2, static_cast<std::int64_t>(provider));
  if (!statement.executeStep()) {
    throw Error(ErrorCode::kInvalid,
                std::string(field) + " " + std::to_string(id) + " is not one of this provider's " +
                    std::string(Table<T>::kTable),
                std::string(field));
  }
}

// Where a page starts and how many rows to fetch: one more than asked tells whether another page
// follows. Checks the limit and the cursor. `after` is the id the page continues from, in the
// request's order (the largest id there is, for the first page of the newest first).
struct PageWindow {
  Id after = 0;
  std::int64_t fetch = 0;
};
PageWindow page_window(const PageRequest& request);

// Reads the rows of a statement selected with "... id > ? ORDER BY id LIMIT <fetch>" into a page.
template <class T, class Read>
Page<T> read_page(Statement& statement, const PageRequest& request, Read read) {
  Page<T> page;
  while (statement.executeStep()) page.items.push_back(read(statement));
  if (page.items.size() > request.limit) {
    page.items.pop_back();
    page.next_cursor = encode_cursor(page.items.back().id);
  }
  return page;
}

template <class T>
Page<T> list(Connection& connection, Id provider, const sql::Where& where,
             const PageRequest& request) {
  const PageWindow window = page_window(request);
  const std::string sql = select_sql<T>() + " WHERE provider_id = ? AND id " +
                          (request.newest_first ? "<" : ">") + " ?" + where.sql() + " ORDER BY id" +
                          (request.newest_first ? " DESC" : "") + " LIMIT ?";
  auto& statement = connection.statement(sql);
  statement.bind(1, static_cast<std::int64_t>(provider));
  statement.bind(2, static_cast<std::int64_t>(window.after));
  statement.bind(where.bind(statement, 3), window.fetch);
  return read_page<T>(statement, request, &Table<T>::read);
}

template <class T>
Id insert(Connection& connection, const T& record) {
  static const std::string sql = [] {
    std::string s = "INSERT INTO " + std::string(Table<T>::kTable) + " (" +
                    join(Table<T>::kColumns) + ") VALUES (?";
    for (std::size_t i = 1; i < Table<T>::kColumns.size(); ++i) s += ", ?";
    return s + ") RETURNING id";
  }();
  auto& statement = connection.statement(sql);
  Table<T>::bind(statement, record);
  return sql::returned_id(statement);
}

template <class T>
void update(Connection& connection, const T& record) {
  static const std::string sql = [] {
    std::string s = "UPDATE " + std::string(Table<T>::kTable) + " SET ";
    for (std::size_t i = 0; i < Table<T>::kColumns.size(); ++i) {
      if (i > 0) s += ", ";
      s += std::string(Table<T>::kColumns[i]) + " = ?";
    }
    return s + " WHERE id = ? AND provider_id = ?";
  }();
  auto& statement = connection.statement(sql);
  Table<T>::bind(statement, record);
  constexpr int kNext = static_cast<int>(Table<T>::kColumns.size()) + 1;
  statement.bind(kNext, static_cast<std::int64_t>(record.id));
  statement.bind(kNext + 1, static_cast<std::int64_t>(record.provider_id));
  if (statement.exec() == 0) throw_not_found(Table<T>::kNoun, record.id);
}

// Counts the rows that depend on a record: "12 applicants and 3 spend entries", or "" for none.
std::string describe_dependents(Connection& connection, Id provider, Id id,
                                std::span<const Dependent> dependents);

template <class T>
void remove(Connection& connection, Id provider, Id id) {
  get<T>(connection, provider, id);  // kNotFound first, as for any other id
  const std::string in_use = describe_dependents(connection, provider, id, Table<T>::kDependents);
  if (!in_use.empty()) {
    throw Error(ErrorCode::kConflict, "this " + std::string(Table<T>::kNoun) + " is used by " +
                                          in_use + ", so it cannot be deleted");
  }
  static const std::string sql =
      "DELETE FROM " + std::string(Table<T>::kTable) + " WHERE id = ? AND provider_id = ?";
  auto& statement = connection.statement(sql);
  statement.bind(1, static_cast<std::int64_t>(id));
  statement.bind(2, static_cast<std::int64_t>(provider));
  statement.exec();
}

}  // namespace caretoolkit::tracker::records
