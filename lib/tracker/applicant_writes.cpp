// How an applicants import writes its rows; see applicant_writes.hpp.
#include "tracker/applicant_writes.hpp"

#include <string>
#include <utility>

#include "tracker/records.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr int kParameters = 14;  // per row, as bind() numbers them

// "INSERT ... VALUES (?, ...), (?, ...)" for `rows` rows.
std::string insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO applicants (" +
                    records::join(records::Table<Applicant>::kColumns) + ", outcome_on) VALUES ";
  for (std::size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(" : ", (";
    for (int p = 0; p < kParameters; ++p) sql += p == 0 ? "?" : ", ?";
    sql += ")";
  }
  return sql;
}

const std::string& update_sql() {
  // A kept outcome keeps its recorded date and reason while they still fit the dates. A row the
  // file repeats exactly is not written again (the WHERE clause), so that a re-import says what
  // it changed and writes nothing it did not.
  static const std::string sql =
      "UPDATE applicants SET provider_id = ?1, reference = ?2, source_id = ?3, "
      "vacancy_id = ?4, service_id = ?5, applied_on = ?6, interviewed_on = ?7, "
      "offered_on = ?8, started_on = ?9, left_on = ?10, left_reason = ?11, "
      "prior_sector = ?13, "
      "outcome_on = CASE WHEN outcome IS ?12 AND outcome_on >= ?14 THEN outcome_on ELSE ?14 END, "
      "outcome_reason = CASE WHEN outcome IS ?12 THEN outcome_reason ELSE '' END, "
      "outcome = ?12 WHERE id = ?15 AND NOT (provider_id IS ?1 AND reference IS ?2 AND "
      "source_id IS ?3 AND vacancy_id IS ?4 AND service_id IS ?5 AND applied_on IS ?6 AND "
      "interviewed_on IS ?7 AND offered_on IS ?8 AND started_on IS ?9 AND left_on IS ?10 AND "
      "left_reason IS ?11 AND prior_sector IS ?13 AND outcome IS ?12 AND "
      "(outcome_on IS ?14 OR coalesce(outcome_on >= ?14, FALSE)))";
  return sql;
}

// Binds parameters first + 1 .. first + 14: a row of the insert, or the update's columns, with
// the ids `writer` gives the row's names. The applicant's strings and the row's date texts outlive
// the statement's step, so SQLite uses them without a copy.
void bind(Statement& s, int first, PendingApplicant& row, const ImportWriter& writer) {
  const Applicant& a = row.applicant;
  s.bind(first + 1, static_cast<std::int64_t>(a.provider_id));
  if (a.reference.empty()) {
    s.bind(first + 2);
  } else {
    s.bindNoCopy(first + 2, a.reference);
  }
  s.bind(first + 3, static_cast<std::int64_t>(writer.id(row.source)));
  sql::bind(s, first + 4, writer.id(row.vacancy));
  sql::bind(s, first + 5, writer.id(row.service));
  sql::bind_no_copy(s, first + 6, a.applied_on, row.dates[0]);
  sql::bind_no_copy(s, first + 7, a.interviewed_on, row.dates[1]);
  sql::bind_no_copy(s, first + 8, a.offered_on, row.dates[2]);
  sql::bind_no_copy(s, first + 9, a.started_on, row.dates[3]);
  sql::bind_no_copy(s, first + 10, a.left_on, row.dates[4]);
  s.bindNoCopy(first + 11, a.left_reason);
  sql::bind_text(s, first + 12, to_string(a.outcome), /*null_if_empty=*/true);
  s.bindNoCopy(first + 13, a.prior_sector);
  const auto outcome_on =
      a.outcome == Outcome::kNone ? std::nullopt : std::optional<Date>(last_stage_date(a));
  sql::bind_no_copy(s, first + 14, outcome_on, row.dates[5]);
}

}  // namespace

ApplicantWrites::ApplicantWrites(Connection& connection, WriteQueue& writes)
    : writes_(writes),
      statements_{connection.statement(insert_sql(kBatchRows)),
                  connection.statement(update_sql())} {
  inserts_.reserve(kBatchRows);
  updates_.reserve(kBatchRows);
}

void ApplicantWrites::insert(PendingApplicant&& row) {
  inserts_.push_back(std::move(row));
  if (inserts_.size() == kBatchRows) flush_inserts();
}

void ApplicantWrites::update(PendingApplicant&& row) {
  updates_.push_back(std::move(row));
  if (updates_.size() == kBatchRows) flush_updates();
}

void ApplicantWrites::flush() {
  flush_inserts();
  flush_updates();
}

void ApplicantWrites::flush_inserts() {
  if (inserts_.empty()) return;
  writes_.submit(
      [rows = std::exchange(inserts_, {}), statements = statements_](ImportWriter& writer) mutable {
        Statement& statement = rows.size() == kBatchRows
                                   ? statements.full_insert
                                   : writer.connection().statement(insert_sql(rows.size()));
        for (std::size_t row = 0; row < rows.size(); ++row) {
          bind(statement, static_cast<int>(row) * kParameters, rows[row], writer);
        }
        statement.exec();
        statement.reset();
      });
  inserts_.reserve(kBatchRows);
}

void ApplicantWrites::flush_updates() {
  if (updates_.empty()) return;
  writes_.submit(
      [rows = std::exchange(updates_, {}), statements = statements_](ImportWriter& writer) mutable {
        Statement& update = statements.update;
        for (PendingApplicant& row : rows) {
          bind(update, 0, row, writer);
          update.bind(15, static_cast<std::int64_t>(row.stored));
          ++(update.exec() > 0 ? writer.updates.changed : writer.updates.unchanged);
          update.reset();
        }
      });
  updates_.reserve(kBatchRows);
}

}  // namespace caretoolkit::tracker
