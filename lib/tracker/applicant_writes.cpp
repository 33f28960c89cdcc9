// How an applicants import writes its rows; see applicant_writes.hpp.
#include "tracker/applicant_writes.hpp"

#include <functional>
#include <string>
#include <utility>

#include "pg/copy_in.hpp"
#include "tracker/pg/pg_connection.hpp"
#include "tracker/records.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

// The columns a write gives a value: the applicant's own, then outcome_on. A statement's
// parameters ?1 .. ?14 and a staging table's columns are in this order.
constexpr std::size_t kWritten = records::Table<Applicant>::kColumns.size() + 1;
constexpr std::size_t kOutcome = 11;
constexpr std::size_t kOutcomeOn = 13;
constexpr int kParameters = static_cast<int>(kWritten);  // per row, as bind() numbers them
static_assert(records::Table<Applicant>::kColumns[kOutcome] == "outcome");
static_assert(records::Table<Applicant>::kColumns.size() == kOutcomeOn);

std::string_view written_column(std::size_t i) {
  return i < records::Table<Applicant>::kColumns.size() ? records::Table<Applicant>::kColumns[i]
                                                        : std::string_view("outcome_on");
}

std::string written_columns() {
  return records::join(records::Table<Applicant>::kColumns) + ", outcome_on";
}

// "INSERT ... VALUES (?, ...), (?, ...)" for `rows` rows.
std::string insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO applicants (" + written_columns() + ") VALUES ";
  for (std::size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(" : ", (";
    for (int p = 0; p < kParameters; ++p) sql += p == 0 ? "?" : ", ?";
    sql += ")";
  }
  return sql;
}

// The update of stored applicants to new values: `value(i)` is the new value of written column i,
// `same` the back end's NULL-safe equality, and `matching` the clause that picks the rows. A kept
// outcome keeps its recorded date and reason while they still fit the dates. A row the file
// repeats exactly is not written again (the last condition), so that a re-import says what it
// changed and writes nothing it did not.
std::string update_sql(const std::function<std::string(std::size_t)>& value, std::string_view same,
                       std::string_view matching) {
  const auto unchanged = [&](std::size_t i) {
    std::string sql = "applicants.";
    sql.append(written_column(i)).append(" ").append(same).append(" ").append(value(i));
    return sql;
  };
  std::string sql = "UPDATE applicants SET ";
  for (std::size_t i = 0; i < kWritten; ++i) {
    if (i == kOutcome || i == kOutcomeOn) continue;
    sql.append(written_column(i)).append(" = ").append(value(i)).append(", ");
  }
  const std::string outcome_on = value(kOutcomeOn);
  sql.append("outcome_on = CASE WHEN ").append(unchanged(kOutcome));
  sql.append(" AND applicants.outcome_on >= ").append(outcome_on);
  sql.append(" THEN applicants.outcome_on ELSE ").append(outcome_on).append(" END, ");
  sql.append("outcome_reason = CASE WHEN ").append(unchanged(kOutcome));
  sql.append(" THEN applicants.outcome_reason ELSE '' END, ");
  sql.append("outcome = ").append(value(kOutcome)).append(" ").append(matching);
  sql.append(" AND NOT (");
  for (std::size_t i = 0; i < kWritten; ++i) {
    if (i != kOutcomeOn) sql.append(unchanged(i)).append(" AND ");
  }
  sql.append("(").append(unchanged(kOutcomeOn));
  sql.append(" OR coalesce(applicants.outcome_on >= ").append(outcome_on).append(", FALSE)))");
  return sql;
}

const std::string& statement_update_sql() {
  static const std::string sql =
      update_sql([](std::size_t i) { return std::string("?").append(std::to_string(i + 1)); }, "IS",
                 std::string("WHERE id = ?").append(std::to_string(kWritten + 1)));
  return sql;
}

std::optional<Date> outcome_on(const Applicant& a) {
  return a.outcome == Outcome::kNone ? std::nullopt : std::optional<Date>(last_stage_date(a));
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
  sql::bind_no_copy(s, first + 14, outcome_on(a), row.dates[5]);
}

// The staging tables on PostgreSQL. Each has the applicants table's columns, types and defaults,
// and none of its indexes, CHECKs or keys. They belong to the connection's session: made by its
// first import (again if that import rolls back), and emptied as every import commits, so that an
// import does not pay for making them.
constexpr std::string_view kNewRows = "import_new_applicants";
constexpr std::string_view kStoredRows = "import_stored_applicants";

// New rows take their id from the applicants' own sequence as they arrive.
void prepare_staging(Connection& connection) {
  auto& made = connection.statement(
      "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = ?1 "
      "AND relnamespace = pg_catalog.pg_my_temp_schema()");
  made.bind(1, std::string(kNewRows));
  made.executeStep();
  const bool exists = made.getColumn(0).getInt64() > 0;
  made.reset();
  if (exists) return;
  for (const std::string_view table : {kNewRows, kStoredRows}) {
    connection.exec("CREATE TEMPORARY TABLE " + std::string(table) +
                    " (LIKE applicants INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
  }
  auto& sequence = connection.statement("SELECT pg_get_serial_sequence('applicants', 'id')");
  sequence.executeStep();
  const std::string name =
      pg::postgresql(connection).raw().quote_literal(sequence.getColumn(0).getString());
  sequence.reset();
  connection.exec("ALTER TABLE " + std::string(kNewRows) + " ALTER COLUMN id SET DEFAULT nextval(" +
                  name + "::regclass)");
}

// The load into the staging table of stored rows, or of new ones.
const std::string& copy_sql(bool stored) {
  static const std::string new_rows =
      "COPY " + std::string(kNewRows) + " (" + written_columns() + ") FROM STDIN";
  static const std::string stored_rows =
      "COPY " + std::string(kStoredRows) + " (" + written_columns() + ", id) FROM STDIN";
  return stored ? stored_rows : new_rows;
}

// Sends `rows` to a staging table: the stored applicants', with the id of each, or new ones.
void stage(ImportWriter& writer, std::vector<PendingApplicant>& rows, bool stored) {
  caretoolkit::pg::CopyIn& copy = writer.copy(copy_sql(stored));
  std::vector<caretoolkit::pg::Param> values;
  values.reserve(kWritten + 1);
  for (const PendingApplicant& row : rows) {
    const Applicant& a = row.applicant;
    const std::string_view outcome = to_string(a.outcome);
    values.clear();
    values.insert(
        values.end(),
        {a.provider_id, a.reference.empty() ? caretoolkit::pg::Param(std::nullopt) : a.reference,
         writer.id(row.source), writer.id(row.vacancy), writer.id(row.service), a.applied_on,
         a.interviewed_on, a.offered_on, a.started_on, a.left_on, a.left_reason,
         outcome.empty() ? caretoolkit::pg::Param(std::nullopt) : outcome, a.prior_sector,
         outcome_on(a)});
    if (stored) values.emplace_back(row.stored);
    copy.row(values);
  }
}

// The staged rows into applicants: the new ones inserted, the stored ones updated unless unchanged.
// The writes counted every stored row as unchanged; those the update changes move across.
void apply_staging(ImportWriter& writer) {
  Connection& connection = writer.connection();
  const std::string columns = written_columns();
  connection.exec("INSERT INTO applicants (id, " + columns + ") SELECT id, " + columns + " FROM " +
                  std::string(kNewRows));
  if (writer.updates.unchanged == 0) return;
  static const std::string update = update_sql(
      [](std::size_t i) { return std::string("s.").append(written_column(i)); },
      "IS NOT DISTINCT FROM", "FROM " + std::string(kStoredRows) + " s WHERE applicants.id = s.id");
  Statement& statement = connection.statement(update);
  const auto changed = static_cast<std::size_t>(statement.exec());
  statement.reset();
  writer.updates.changed += changed;
  writer.updates.unchanged -= changed;
}

}  // namespace

ApplicantWrites::ApplicantWrites(Connection& connection, WriteQueue& writes)
    : writes_(writes), staged_(connection.backend() == Backend::kPostgresql) {
  if (staged_) {
    prepare_staging(connection);
  } else {
    statements_ = {&connection.statement(insert_sql(kBatchRows)),
                   &connection.statement(statement_update_sql())};
  }
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
  if (staged_) writes_.submit(apply_staging);
}

void ApplicantWrites::flush_inserts() {
  if (inserts_.empty()) return;
  if (staged_) {
    writes_.submit([rows = std::exchange(inserts_, {})](ImportWriter& writer) mutable {
      stage(writer, rows, /*stored=*/false);
    });
  } else {
    writes_.submit([rows = std::exchange(inserts_, {}),
                    statements = statements_](ImportWriter& writer) mutable {
      Statement& statement = rows.size() == kBatchRows
                                 ? *statements.full_insert
                                 : writer.connection().statement(insert_sql(rows.size()));
      for (std::size_t row = 0; row < rows.size(); ++row) {
        bind(statement, static_cast<int>(row) * kParameters, rows[row], writer);
      }
      statement.exec();
      statement.reset();
    });
  }
  inserts_.reserve(kBatchRows);
}

void ApplicantWrites::flush_updates() {
  if (updates_.empty()) return;
  if (staged_) {
    writes_.submit([rows = std::exchange(updates_, {})](ImportWriter& writer) mutable {
      stage(writer, rows, /*stored=*/true);
      writer.updates.unchanged += rows.size();
    });
  } else {
    writes_.submit([rows = std::exchange(updates_, {}),
                    statements = statements_](ImportWriter& writer) mutable {
      Statement& update = *statements.update;
      for (PendingApplicant& row : rows) {
        bind(update, 0, row, writer);
        update.bind(kParameters + 1, static_cast<std::int64_t>(row.stored));
        ++(update.exec() > 0 ? writer.updates.changed : writer.updates.unchanged);
        update.reset();
      }
    });
  }
  updates_.reserve(kBatchRows);
}

}  // namespace caretoolkit::tracker
