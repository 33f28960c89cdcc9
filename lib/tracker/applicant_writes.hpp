// How an applicants import writes its rows. Internal to lib/tracker (applicants_csv.cpp).
//
// Rows are collected on the reading side and queued kBatchRows at a time, so that a re-import's
// updates allocate per batch, not per row. Each queued write owns its rows. Then, by back end:
// - SQLite: an insert writes a whole batch with one statement, so that the cost of running a
//   statement (a VM start, a step, a reset) is paid once per batch rather than once per row; an
//   update is a statement per row.
// - PostgreSQL: the rows stream into two temporary staging tables, new and stored applicants,
//   with one COPY (ImportWriter::copy), and the last write applies each table with one statement.
//   A new row's id is drawn as it arrives in staging, so ids follow the file's order as on SQLite.
//   Every constraint of the applicants table is checked as those statements write.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "tracker/import_writer.hpp"
#include "tracker/sql.hpp"
#include "tracker/store.hpp"
#include "tracker/write_queue.hpp"

namespace caretoolkit::tracker {

// An applicant row on its way to the store.
struct PendingApplicant {
  Applicant applicant;  // its ids are filled in by the write, from the names below
  NameRef source;
  std::optional<NameRef> vacancy, service;
  Id stored = 0;                         // the applicant an update writes over
  std::array<sql::DateText, 6> dates{};  // the text the write binds the dates through
};

class ApplicantWrites {
 public:
  // Made on the connection's thread, where it prepares the writes' statements; the writes go to
  // `writes`, which must outlive this.
  ApplicantWrites(Connection& connection, WriteQueue& writes);

  // Inserts a new applicant.
  void insert(PendingApplicant&& row);
  // Writes the row over a stored applicant (row.stored), unless it holds what is stored already;
  // the ImportWriter's updates count which.
  void update(PendingApplicant&& row);
  // Queues the rows not queued yet; call after the last.
  void flush();

 private:
  static constexpr std::size_t kBatchRows = 64;

  void flush_inserts();
  void flush_updates();

  // The statements the writes run on SQLite, prepared once so that a batch does not look them up.
  // They are the connection's, which outlives the import, and only the writes, on its thread, use
  // them. Null when the rows are staged.
  struct Statements {
    Statement* full_insert = nullptr;  // kBatchRows rows
    Statement* update = nullptr;
  };

  WriteQueue& writes_;
  bool staged_;  // PostgreSQL: the rows go through staging tables
  Statements statements_;
  std::vector<PendingApplicant> inserts_;  // not yet queued: fewer than kBatchRows each
  std::vector<PendingApplicant> updates_;
};

}  // namespace caretoolkit::tracker
