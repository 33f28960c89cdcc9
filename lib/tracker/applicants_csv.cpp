// The applicants form's import and export (the form is described in csv_forms.hpp).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "tracker/applicant_writes.hpp"
#include "tracker/cells.hpp"
#include "tracker/csv_forms.hpp"
#include "tracker/form_steps.hpp"
#include "tracker/import_history.hpp"
#include "tracker/name_directory.hpp"
#include "tracker/purged_references.hpp"
#include "tracker/records.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

namespace applicant_col = csv_forms::applicants;

constexpr CsvForm kApplicantForm{"applicants", applicant_col::kColumns};

// What matches a row without a reference to a stored applicant: all it holds.
std::string applicant_key(const Applicant& a, NameRef source, std::optional<NameRef> vacancy,
                          std::optional<NameRef> service) {
  return content_key(source, vacancy, service, a.applied_on, a.interviewed_on, a.offered_on,
                     a.started_on, a.left_on, a.left_reason, std::string(to_string(a.outcome)),
                     a.prior_sector);
}

// Imports applicant rows: a row whose reference the provider already has updates that applicant
// (refused, unless accepted, when it would change the applicant's history), a row whose reference
// a purge removed is skipped, any other is inserted; rows without a reference (purged applicants
// exported) are matched by content.
class ApplicantImport {
 public:
  ApplicantImport(Connection& connection, const ImportContext& context,
                  const ImportOptions& options)
      : context_(context),
        options_(options),
        directory_(connection, context.provider, context.summary, context.writes),
        purged_(connection, context.provider),
        writes_(connection, context.writes) {
    read_known(connection);
    auto& anonymous = connection.statement(records::select_sql<Applicant>() +
                                           " WHERE provider_id = ? AND reference IS NULL");
    anonymous.bind(1, static_cast<std::int64_t>(context.provider));
    while (anonymous.executeStep()) {
      const Applicant a = records::Table<Applicant>::read(anonymous);
      ++anonymous_[applicant_key(a, NameRef::stored(a.source_id), NameRef::stored(a.vacancy_id),
                                 NameRef::stored(a.service_id))];
    }
  }

  // Room for a reference per line, but no more than the shortest valid row allows: a file of
  // blank lines reserves nothing out of proportion to its size.
  void expect_rows(std::string_view text) {
    // A reference, a source, an applied_on date and the other nine columns' commas.
    constexpr std::size_t kShortestRow = 1 + 1 + 10 + 11 + 1;
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    known_.reserve(known_.size() + std::min(lines + 1, text.size() / kShortestRow));
  }

  void add(const CsvRow& row, const CsvHeader& header) {
    ImportProblems& problems = context_.problems;
    const std::size_t line = row.line;
    const auto cell = [&](applicant_col::Column column) { return header.cell(row, column); };
    Applicant& a = applicant_;
    a.provider_id = context_.provider;
    a.reference = normalise_text(cell(applicant_col::kReference));

    const bool clean_before = !problems.any();
    const RowSource source =
        resolve_source(directory_, cell(applicant_col::kSource), cell(applicant_col::kChannel),
                       line, problems, context_.provider, options_.remedies);
    const auto applied =
        read_date(cell(applicant_col::kAppliedOn), "applied_on", true, line, problems);
    a.interviewed_on =
        read_date(cell(applicant_col::kInterviewedOn), "interviewed_on", false, line, problems);
    a.offered_on = read_date(cell(applicant_col::kOfferedOn), "offered_on", false, line, problems);
    a.started_on = read_date(cell(applicant_col::kStartedOn), "started_on", false, line, problems);
    a.left_on = read_date(cell(applicant_col::kLeftOn), "left_on", false, line, problems);
    a.left_reason = normalise_text(cell(applicant_col::kLeftReason), TextKind::kNote);
    a.prior_sector = normalise_text(cell(applicant_col::kPriorSector));
    const auto outcome = parse_outcome(cell(applicant_col::kOutcome));
    if (!outcome) {
      problems.add(line, "outcome",
                   "outcome must be empty, withdrawn or rejected, not " +
                       quote_cell(cell(applicant_col::kOutcome)));
    }
    a.outcome = outcome.value_or(Outcome::kNone);
    const bool anonymous = a.reference.empty();
    if (anonymous && a.started_on) {
      problems.add(line, "reference", "reference is required for someone who started");
    }
    Known* known = nullptr;
    if (!anonymous) {
      // Repeats within the file are found by reference, so that they are named even once
      // nothing is being stored any more.
      const auto [entry, added] = known_.try_emplace(a.reference, Known{0, line});
      if (!added && entry->second.line != 0) {
        problems.add(line, "reference",
                     "this reference is already on line " + std::to_string(entry->second.line));
      }
      entry->second.line = line;
      known = &entry->second;
    }
    if (!source.usable || !applied) return;
    a.applied_on = *applied;
    check_applicant(a, context_.today, found_);
    // A purged applicant has no reference; check_applicant asks for one of everybody else.
    if (anonymous) {
      std::erase_if(found_, [](const ErrorItem& i) { return i.field == "reference"; });
    }
    problems.add_all(line, found_);
    const std::string_view service = unless_blank(cell(applicant_col::kService));
    const std::string_view vacancy = unless_blank(cell(applicant_col::kVacancy));
    check_name_cell(service, "service", "service name", line, problems);
    check_name_cell(vacancy, "vacancy", "vacancy role", line, problems);
    if (!clean_before || problems.any()) return;  // check the rest, store nothing
    // Only a reference the store does not hold can be a purged one.
    if (!anonymous && known->id == 0 && !purged_.empty() && purged_.contains(a.reference)) {
      ++context_.summary.skipped_purged;
      return;
    }

    PendingApplicant pending{.applicant = a,
                             .source = *source.source,  // present: the file is clean so far
                             .vacancy = std::nullopt,
                             .service = std::nullopt};
    if (!service.empty()) pending.service = directory_.service(service);
    if (!vacancy.empty())
      pending.vacancy = directory_.vacancy(vacancy, pending.service, a.applied_on);
    if (anonymous) {
      add_anonymous(std::move(pending));
    } else if (known->id != 0) {
      update(*known, line, std::move(pending));
    } else {
      insert(std::move(pending));
      known->id = kInserted;
    }
  }

  void finish() {
    writes_.flush();
    directory_.finish();
  }

  // Once every write has run: only the writes know which matched rows changed.
  void after_writes(const ImportWriter& writer) {
    context_.summary.updated += writer.updates.changed;
    context_.summary.unchanged += writer.updates.unchanged;
  }

  // Refuses the import when rows would change recorded history and the caller did not accept it.
  void refuse_history_changes() {
    history_changes_.throw_if_any("applicants", options_.remedies.accept_changes);
  }

 private:
  struct Known {
    Id id;                     // 0 until stored; kInserted once this import has inserted it
    std::size_t line;          // the line of this file that named it; 0 for none yet
    std::size_t recorded = 0;  // a stored applicant's history in recorded_
  };
  // A row this import inserts has no id that anything needs: a repeat of its reference later in
  // the file is refused, so it is never updated by the same import.
  static constexpr Id kInserted = -1;

  // The provider's stored references, with what each applicant's history holds.
  void read_known(Connection& connection) {
    auto& known = connection.statement(
        "SELECT reference, id, source_id, applied_on, interviewed_on, offered_on, started_on, "
        "left_on, outcome FROM applicants WHERE provider_id = ? AND reference IS NOT NULL");
    known.bind(1, static_cast<std::int64_t>(context_.provider));
    if (!known.executeStep()) return;
    // Columns made once and read row after row: each getColumn() copies a shared pointer.
    const Column reference = known.getColumn(0), id = known.getColumn(1),
                 source = known.getColumn(2), applied = known.getColumn(3),
                 interviewed = known.getColumn(4), offered = known.getColumn(5),
                 started = known.getColumn(6), left = known.getColumn(7),
                 outcome = known.getColumn(8);
    do {
      known_.emplace(sql::read_text(reference), Known{id.getInt64(), 0, recorded_.size()});
      recorded_.push_back(RecordedHistory{.source = NameRef::stored(source.getInt64()),
                                          .applied_on = sql::read_date(applied),
                                          .interviewed_on = sql::read_optional_date(interviewed),
                                          .offered_on = sql::read_optional_date(offered),
                                          .started_on = sql::read_optional_date(started),
                                          .left_on = sql::read_optional_date(left),
                                          .outcome = sql::read_outcome(outcome)});
    } while (known.executeStep());
  }

  // Updates a stored applicant from the row, unless that would change its history unaccepted.
  void update(const Known& known, std::size_t line, PendingApplicant&& pending) {
    const RecordedHistory& before = recorded_[known.recorded];
    const RecordedHistory after = history_of(pending.applicant, pending.source);
    if (rewrites_history(before, after)) {
      if (!options_.accept_changes) {
        const auto source_name = [this](NameRef id) { return directory_.source_name(id); };
        history_changes_.add(line, pending.applicant.reference,
                             history_changes_.listing()
                                 ? describe_history_changes(before, after, source_name)
                                 : std::string());
        return;
      }
      ++context_.summary.history_changed;
    }
    pending.stored = known.id;
    writes_.update(std::move(pending));
  }

  void insert(PendingApplicant&& pending) {
    writes_.insert(std::move(pending));
    ++context_.summary.created;
  }

  void add_anonymous(PendingApplicant&& pending) {
    const auto found = anonymous_.find(
        applicant_key(pending.applicant, pending.source, pending.vacancy, pending.service));
    if (found != anonymous_.end() && found->second > 0) {
      --found->second;
      ++context_.summary.unchanged;
      return;
    }
    insert(std::move(pending));
  }

  const ImportContext& context_;
  const ImportOptions& options_;
  NameDirectory directory_;
  PurgedReferences purged_;
  ApplicantWrites writes_;
  Applicant applicant_;  // reused for every row; its ids are left to the writes
  Problems found_;
  // The provider's references, stored and in the file. A million-row import looks every one up
  // once, so an open-addressing table: one cache miss a lookup.
  absl::flat_hash_map<std::string, Known> known_;
  std::vector<RecordedHistory> recorded_;  // the stored applicants' histories, as known_ points
  std::unordered_map<std::string, std::size_t> anonymous_;  // content key -> stored rows
  HistoryChanges history_changes_;
};

}  // namespace

ImportSummary Store::import_applicants_csv(Id provider, std::string_view text,
                                           const ImportOptions& options) {
  return run_import(*impl_, provider, text, kApplicantForm,
                    [&](Connection& connection, const ImportContext& context) {
                      return ApplicantImport(connection, context, options);
                    });
}

std::string Store::export_applicants_csv(Id provider) const {
  return export_form(
      *impl_, provider, kApplicantForm,
      "SELECT a.reference, s.name, CASE WHEN s.channel_known = 1 THEN s.channel END, v.role, "
      "sv.name, "
      "a.applied_on, a.interviewed_on, "
      "a.offered_on, a.started_on, a.left_on, a.left_reason, a.outcome, a.prior_sector "
      "FROM applicants a JOIN sources s ON s.id = a.source_id "
      "LEFT JOIN vacancies v ON v.id = a.vacancy_id "
      "LEFT JOIN services sv ON sv.id = a.service_id "
      "WHERE a.provider_id = ? ORDER BY a.id",
      write_text_cells);
}

}  // namespace caretoolkit::tracker
