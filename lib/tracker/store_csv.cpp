// The Store's CSV import and export (the forms are described in csv_forms.hpp).
//
// An import runs in one write transaction. Every row is read and checked; rows are written as
// they come while the file is clean so far, and once any row is wrong the rest are only checked,
// so that the error can name every bad row. Any problem rolls the whole transaction back.
//
// The reading and checking run on a thread of their own and hand their writes to the
// connection's thread through a WriteQueue, so that on two cores parsing and SQLite overlap. An
// import's state (the directory of names, the references, the summary, the problems) belongs to
// the reading thread; the writes it queues carry copies of what they write. New sources, services
// and vacancies get their ids when they are met, before their insert has run: the import is the
// only writer inside its transaction, and each id is checked when the insert runs.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "tracker/cells.hpp"
#include "tracker/csv.hpp"
#include "tracker/csv_forms.hpp"
#include "tracker/import_history.hpp"
#include "tracker/import_problems.hpp"
#include "tracker/purged_references.hpp"
#include "tracker/records.hpp"
#include "tracker/store.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/validation.hpp"
#include "tracker/write_queue.hpp"

namespace caretoolkit::tracker {

namespace {

namespace forms = csv_forms;

// Adds a problem unless the name `cell` could be stored: too long, or holding a control
// character. True when it could.
bool check_name_cell(std::string_view cell, std::string_view column, std::string_view words,
                     std::size_t line, ImportProblems& problems) {
  Problems found;
  check_length(trim_white_space(cell), kMaxNameLength, column, found);
  if (!found.empty()) {
    problems.add_all(line, found);
    return false;
  }
  check_text(cell, TextKind::kName, column, words, found);
  const bool storable = found.empty();
  problems.add_all(line, found);
  return storable;
}

// The cell, or an empty one for a cell of white space only, which names nothing.
std::string_view unless_blank(std::string_view cell) {
  return is_blank(cell) ? std::string_view() : cell;
}

// Reads the header row; an empty file is malformed.
CsvHeader read_header(CsvReader& reader, CsvRow& row, std::span<const CsvColumn> columns,
                      std::string_view form) {
  if (!reader.next(row)) {
    throw Error(ErrorCode::kMalformed,
                "the " + std::string(form) + " file is empty: it needs a header row first");
  }
  return {row, columns};
}

// The next record that is not blank; false at the end. Records that do not fit the header (too
// few cells, or a value under no column) are reported and skipped.
bool next_record(CsvReader& reader, CsvRow& row, const CsvHeader& header, ImportProblems& problems,
                 std::size_t& rows) {
  while (reader.next(row)) {
    if (row.blank()) continue;
    ++rows;
    if (auto misfit = header.misfit(row)) {
      problems.add(row.line, misfit->field, std::move(misfit->detail));
      continue;
    }
    return true;
  }
  return false;
}

// The provider's sources, services and vacancies by name, created as an import first meets them.
class Directory {
 public:
  struct SourceEntry {
    Id id;
    std::string name;  // as stored
    Channel channel;
    bool channel_known;
    std::size_t channel_line = 0;  // the line of this file that named the channel; 0 if stored
  };

  // Reads the provider's names on `connection`; the inserts and updates it makes later go to
  // `writes`.
  Directory(Connection& connection, Id provider, ImportSummary& summary, WriteQueue& writes)
      : writes_(writes),
        provider_(provider),
        summary_(summary),
        next_source_(next_id(connection, "sources")),
        next_service_(next_id(connection, "services")),
        next_vacancy_(next_id(connection, "vacancies")) {
    auto& sources = connection.statement(
        "SELECT id, name, channel, channel_known FROM sources WHERE provider_id = ?");
    sources.bind(1, static_cast<std::int64_t>(provider));
    while (sources.executeStep()) {
      const std::string_view name = sql::read_text(sources.getColumn(1));
      name_key(name, key_);
      sources_.emplace(key_, SourceEntry{sources.getColumn(0).getInt64(), std::string(name),
                                         sql::read_channel(sources.getColumn(2)),
                                         sources.getColumn(3).getInt() != 0});
    }
    auto& services = connection.statement("SELECT id, name FROM services WHERE provider_id = ?");
    services.bind(1, static_cast<std::int64_t>(provider));
    while (services.executeStep()) {
      name_key(sql::read_text(services.getColumn(1)), key_);
      services_.emplace(key_, services.getColumn(0).getInt64());
    }
    auto& vacancies = connection.statement(
        "SELECT id, role, ifnull(service_id, 0) FROM vacancies WHERE provider_id = ? ORDER BY id");
    vacancies.bind(1, static_cast<std::int64_t>(provider));
    while (vacancies.executeStep()) {
      vacancy_key(sql::read_text(vacancies.getColumn(1)), vacancies.getColumn(2).getInt64());
      vacancies_.emplace(key_, VacancyEntry{vacancies.getColumn(0).getInt64(), false, {}});
    }
  }

  // The source with this name, or nullptr.
  SourceEntry* find_source(std::string_view name) {
    name_key(name, key_);
    const auto found = sources_.find(key_);
    return found == sources_.end() ? nullptr : &found->second;
  }

  // A source's name by id, for messages; empty for none.
  std::string_view source_name(Id id) const {
    for (const auto& [key, entry] : sources_) {
      if (entry.id == id) return entry.name;
    }
    return {};
  }

  // Creates a source, named on `line`; without a channel, its channel is not known yet.
  const SourceEntry& add_source(std::string_view name, std::optional<Channel> channel,
                                std::size_t line) {
    Source source{.id = next_source_++,
                  .provider_id = provider_,
                  .name = normalise_text(name),
                  .channel = channel.value_or(Channel::kOther),
                  .channel_known = channel.has_value()};
    insert_later(source);
    summary_.new_sources.push_back(source.name);
    name_key(name, key_);
    return sources_
        .emplace(key_, SourceEntry{source.id, source.name, source.channel, source.channel_known,
                                   channel ? line : 0})
        .first->second;
  }

  // Gives a source whose channel was not known the channel the row on `line` names.
  void learn_channel(SourceEntry& source, Channel channel, std::size_t line) {
    source.channel = channel;
    source.channel_known = true;
    source.channel_line = line;
    summary_.channels_learnt.push_back(source.name + " (" + std::string(to_string(channel)) + ")");
    writes_.submit([id = source.id, channel](Connection& connection) {
      auto& statement =
          connection.statement("UPDATE sources SET channel = ?, channel_known = 1 WHERE id = ?");
      sql::bind_text(statement, 1, to_string(channel));
      statement.bind(2, static_cast<std::int64_t>(id));
      statement.exec();
    });
  }

  Id service(std::string_view name) {
    name_key(name, key_);
    if (const auto found = services_.find(key_); found != services_.end()) return found->second;
    Service service{.id = next_service_++,
                    .provider_id = provider_,
                    .name = normalise_text(name),
                    .type = parse_service_type(name).value_or(ServiceType::kOther)};
    insert_later(service);
    summary_.new_services.push_back(service.name);
    services_.emplace(key_, service.id);
    return service.id;
  }

  // The vacancy for a role within a service (or none); a new one opens on its first application.
  Id vacancy(std::string_view role, std::optional<Id> service, Date applied_on) {
    vacancy_key(role, service.value_or(0));
    if (const auto found = vacancies_.find(key_); found != vacancies_.end()) {
      VacancyEntry& entry = found->second;
      if (entry.created && applied_on < entry.opened_on) entry.opened_on = applied_on;
      return entry.id;
    }
    Vacancy vacancy;
    vacancy.id = next_vacancy_++;
    vacancy.provider_id = provider_;
    vacancy.role = normalise_text(role);
    vacancy.service_id = service;
    vacancy.opened_on = applied_on;
    insert_later(vacancy);
    ++summary_.new_vacancies;
    vacancies_.emplace(key_, VacancyEntry{vacancy.id, true, applied_on});
    return vacancy.id;
  }

  // Opens each vacancy this import created on its earliest application in the file.
  void finish() {
    for (const auto& [key, entry] : vacancies_) {
      if (!entry.created) continue;
      writes_.submit([id = entry.id, opened_on = entry.opened_on](Connection& connection) {
        auto& statement = connection.statement("UPDATE vacancies SET opened_on = ? WHERE id = ?");
        sql::bind(statement, 1, opened_on);
        statement.bind(2, static_cast<std::int64_t>(id));
        statement.exec();
      });
    }
  }

 private:
  struct VacancyEntry {
    Id id;
    bool created;
    Date opened_on;
  };

  // The id SQLite gives the next row of `table`: one more than the largest (there is no
  // AUTOINCREMENT), as long as this import is the only one inserting.
  static Id next_id(Connection& connection, const std::string& table) {
    return connection.db().execAndGet("SELECT ifnull(max(id), 0) + 1 FROM " + table).getInt64();
  }

  // Queues the insert of a record whose id was given in advance, and checks that id when it runs.
  template <class T>
  void insert_later(const T& record) {
    writes_.submit([record](Connection& connection) {
      const Id id = records::insert(connection, record);
      if (id != record.id) {
        throw std::logic_error("the import expected " + std::string(records::Table<T>::kNoun) +
                               " id " + std::to_string(record.id) + " but SQLite gave " +
                               std::to_string(id));
      }
    });
  }

  void vacancy_key(std::string_view role, Id service) {
    name_key(role, key_);
    key_ += '\x1f';
    key_ += std::to_string(service);
  }

  WriteQueue& writes_;
  Id provider_;
  ImportSummary& summary_;
  Id next_source_, next_service_, next_vacancy_;  // the ids the next new ones get
  std::string key_;  // reused for lookups, so that finding a name allocates nothing
  std::unordered_map<std::string, SourceEntry> sources_;
  std::unordered_map<std::string, Id> services_;
  std::unordered_map<std::string, VacancyEntry> vacancies_;
};

// "source 'Facebook' is recorded as job_board, not social_media: if social_media is right, ...",
// or, when an earlier row of the file gave the channel, which row.
std::string channel_conflict(Id provider, const Directory::SourceEntry& source, Channel named,
                             const ImportRemedies& remedies) {
  if (source.channel_line != 0) {
    return "source '" + source.name + "' is " + std::string(to_string(source.channel)) +
           " on line " + std::to_string(source.channel_line) + ", not " +
           std::string(to_string(named)) + ": a source has one channel";
  }
  std::string message = "source '" + source.name + "' is recorded as " +
                        std::string(to_string(source.channel)) + ", not " +
                        std::string(to_string(named)) + ": if " + std::string(to_string(named)) +
                        " is right, ";
  if (remedies.set_channel) {
    message += remedies.set_channel(provider,
                                    Source{.id = source.id,
                                           .provider_id = provider,
                                           .name = source.name,
                                           .channel = source.channel,
                                           .channel_known = true},
                                    named);
  } else {
    message += "correct the source's channel first";
  }
  return message;
}

// Finds the row's source, creating it with the row's channel when new (its channel not known
// yet when the row names none), and giving a source whose channel is not known the row's;
// nullopt after reporting a problem.
std::optional<Id> resolve_source(Directory& directory, std::string_view name,
                                 std::string_view channel_cell, std::size_t line,
                                 ImportProblems& problems, Id provider,
                                 const ImportRemedies& remedies) {
  if (is_blank(name)) {
    problems.add(line, "source", "source is required");
    return std::nullopt;
  }
  if (!check_name_cell(name, "source", "source name", line, problems)) return std::nullopt;
  std::optional<Channel> channel;
  if (!channel_cell.empty()) {
    channel = parse_channel(channel_cell);
    if (!channel) {
      problems.add(line, "channel",
                   "channel " + quote_cell(channel_cell) + " is not one of " +
                       std::string(channel_labels()));
      return std::nullopt;
    }
  }
  if (auto* source = directory.find_source(name)) {
    if (channel && !source->channel_known) {
      directory.learn_channel(*source, *channel, line);
    } else if (channel && *channel != source->channel) {
      problems.add(line, "channel", channel_conflict(provider, *source, *channel, remedies));
      return std::nullopt;
    }
    return source->id;
  }
  if (problems.any()) return 0;  // nothing will be stored; don't create what would be rolled back
  return directory.add_source(name, channel, line).id;
}

// A key for rows that have no key of their own: their whole content.
template <class... Parts>
std::string content_key(const Parts&... parts) {
  std::string key;
  const auto add = [&](const auto& part) {
    using Part = std::decay_t<decltype(part)>;
    if constexpr (std::is_same_v<Part, std::optional<Date>>) {
      key += part ? part->to_string() : std::string();
    } else if constexpr (std::is_same_v<Part, std::optional<Id>>) {
      key += part ? std::to_string(*part) : std::string();
    } else if constexpr (std::is_arithmetic_v<Part>) {
      key += std::to_string(part);
    } else if constexpr (std::is_same_v<Part, Date>) {
      key += part.to_string();
    } else {
      key += part;
    }
    key += '\x1f';
  };
  (add(parts), ...);
  return key;
}

std::string applicant_key(const Applicant& a) {
  return content_key(a.source_id, a.vacancy_id, a.service_id, a.applied_on, a.interviewed_on,
                     a.offered_on, a.started_on, a.left_on, a.left_reason,
                     std::string(to_string(a.outcome)), a.prior_sector);
}

// Imports applicant rows: a row whose reference the provider already has updates that applicant
// (refused, unless accepted, when it would change the applicant's history), a row whose reference
// a purge removed is skipped, any other is inserted; rows without a reference (purged applicants
// exported) are matched by content.
class ApplicantImport {
 public:
  ApplicantImport(Connection& connection, Id provider, Date today, ImportSummary& summary,
                  WriteQueue& writes, const ImportOptions& options)
      : writes_(writes),
        provider_(provider),
        today_(today),
        summary_(summary),
        options_(options),
        directory_(connection, provider, summary, writes),
        purged_(connection, provider),
        insert_(connection.statement(insert_sql(kBatchRows))),
        update_(connection.statement(update_sql())) {
    read_known(connection);
    auto& anonymous = connection.statement(records::select_sql<Applicant>() +
                                           " WHERE provider_id = ? AND reference IS NULL");
    anonymous.bind(1, static_cast<std::int64_t>(provider));
    while (anonymous.executeStep()) {
      ++anonymous_[applicant_key(records::Table<Applicant>::read(anonymous))];
    }
  }

  // Called on the reading thread before the first row, with the file. Room for a reference per
  // line, but no more than the shortest valid row allows: a file of blank lines reserves nothing
  // out of proportion to its size.
  void expect_rows(std::string_view text) {
    // A reference, a source, an applied_on date and the other nine columns' commas.
    constexpr std::size_t kShortestRow = 1 + 1 + 10 + 11 + 1;
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    known_.reserve(known_.size() + std::min(lines + 1, text.size() / kShortestRow));
  }

  void add(const CsvRow& row, const CsvHeader& header, ImportProblems& problems) {
    namespace col = forms::applicants;
    const std::size_t line = row.line;
    const auto cell = [&](col::Column column) { return header.cell(row, column); };
    Applicant& a = applicant_;
    a.provider_id = provider_;
    a.reference = normalise_text(cell(col::kReference));

    const bool clean_before = !problems.any();
    const auto source = resolve_source(directory_, cell(col::kSource), cell(col::kChannel), line,
                                       problems, provider_, options_.remedies);
    const auto applied = read_date(cell(col::kAppliedOn), "applied_on", true, line, problems);
    a.interviewed_on =
        read_date(cell(col::kInterviewedOn), "interviewed_on", false, line, problems);
    a.offered_on = read_date(cell(col::kOfferedOn), "offered_on", false, line, problems);
    a.started_on = read_date(cell(col::kStartedOn), "started_on", false, line, problems);
    a.left_on = read_date(cell(col::kLeftOn), "left_on", false, line, problems);
    a.left_reason = normalise_text(cell(col::kLeftReason), TextKind::kNote);
    a.prior_sector = normalise_text(cell(col::kPriorSector));
    const auto outcome = parse_outcome(cell(col::kOutcome));
    if (!outcome) {
      problems.add(
          line, "outcome",
          "outcome must be empty, withdrawn or rejected, not " + quote_cell(cell(col::kOutcome)));
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
    if (!source || !applied) return;
    a.source_id = *source;
    a.applied_on = *applied;
    check_applicant(a, today_, found_);
    // A purged applicant has no reference; check_applicant asks for one of everybody else.
    if (anonymous) {
      std::erase_if(found_, [](const ErrorItem& i) { return i.field == "reference"; });
    }
    problems.add_all(line, found_);
    const std::string_view service = unless_blank(cell(col::kService));
    const std::string_view vacancy = unless_blank(cell(col::kVacancy));
    check_name_cell(service, "service", "service name", line, problems);
    check_name_cell(vacancy, "vacancy", "vacancy role", line, problems);
    if (!clean_before || problems.any()) return;  // check the rest, store nothing
    // Only a reference the store does not hold can be a purged one.
    if (!anonymous && known->id == 0 && !purged_.empty() && purged_.contains(a.reference)) {
      ++summary_.skipped_purged;
      return;
    }

    a.service_id = service.empty() ? std::nullopt : std::optional<Id>(directory_.service(service));
    a.vacancy_id = vacancy.empty()
                       ? std::nullopt
                       : std::optional<Id>(directory_.vacancy(vacancy, a.service_id, a.applied_on));
    if (anonymous) {
      add_anonymous();
    } else if (known->id != 0) {
      update(*known, line);
    } else {
      insert();
      known->id = kInserted;
    }
  }

  void finish(ImportProblems&) {
    flush_inserts();
    flush_updates();
    directory_.finish();
  }

  // Called on the connection's thread once every write has run: only the writes know which
  // matched rows changed.
  void after_writes() {
    summary_.updated += written_.updated;
    summary_.unchanged += written_.unchanged;
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

  // The provider's stored references, with what each applicant's history holds.
  void read_known(Connection& connection) {
    auto& known = connection.statement(
        "SELECT reference, id, source_id, applied_on, interviewed_on, offered_on, started_on, "
        "left_on, outcome FROM applicants WHERE provider_id = ? AND reference IS NOT NULL");
    known.bind(1, static_cast<std::int64_t>(provider_));
    if (!known.executeStep()) return;
    // Columns made once and read row after row: each getColumn() copies a shared pointer.
    const SQLite::Column reference = known.getColumn(0), id = known.getColumn(1),
                         source = known.getColumn(2), applied = known.getColumn(3),
                         interviewed = known.getColumn(4), offered = known.getColumn(5),
                         started = known.getColumn(6), left = known.getColumn(7),
                         outcome = known.getColumn(8);
    do {
      known_.emplace(sql::read_text(reference), Known{id.getInt64(), 0, recorded_.size()});
      recorded_.push_back(RecordedHistory{.source_id = source.getInt64(),
                                          .applied_on = sql::read_date(applied),
                                          .interviewed_on = sql::read_optional_date(interviewed),
                                          .offered_on = sql::read_optional_date(offered),
                                          .started_on = sql::read_optional_date(started),
                                          .left_on = sql::read_optional_date(left),
                                          .outcome = sql::read_outcome(outcome)});
    } while (known.executeStep());
  }

  // Updates a stored applicant from the row, unless that would change its history unaccepted.
  void update(const Known& known, std::size_t line) {
    const RecordedHistory& before = recorded_[known.recorded];
    if (rewrites_history(before, applicant_)) {
      if (!options_.accept_changes) {
        const auto source_name = [this](Id id) { return directory_.source_name(id); };
        history_changes_.add(line, applicant_.reference,
                             history_changes_.listing()
                                 ? describe_history_changes(before, applicant_, source_name)
                                 : std::string());
        return;
      }
      ++summary_.history_changed;
    }
    updates_.push_back(Pending{applicant_, {}, known.id});
    if (updates_.size() == kBatchRows) flush_updates();
  }
  // A row this import inserts has no id that anything needs: a repeat of its reference later in
  // the file is refused, so it is never updated by the same import.
  static constexpr Id kInserted = -1;

  // A row waiting to be written, with the text its dates are bound through.
  struct Pending {
    Applicant applicant;
    std::array<sql::DateText, 6> dates;
    Id stored = 0;  // the applicant an update writes over
  };
  // Inserts go to SQLite kBatchRows to a statement: the cost of running a statement (a VM start,
  // a step, a reset) is then paid once per batch rather than once per row. Updates are queued
  // kBatchRows at a time too, so that a re-import allocates per batch, not per row.
  static constexpr std::size_t kBatchRows = 64;
  static constexpr int kParameters = 14;  // per row, as bind() numbers them

  // "INSERT ... VALUES (?, ...), (?, ...)" for `rows` rows.
  static std::string insert_sql(std::size_t rows) {
    std::string sql = "INSERT INTO applicants (" +
                      records::join(records::Table<Applicant>::kColumns) + ", outcome_on) VALUES ";
    for (std::size_t row = 0; row < rows; ++row) {
      sql += row == 0 ? "(" : ", (";
      for (int p = 0; p < kParameters; ++p) sql += p == 0 ? "?" : ", ?";
      sql += ")";
    }
    return sql;
  }

  static const std::string& update_sql() {
    // A kept outcome keeps its recorded date and reason while they still fit the dates. A row
    // the file repeats exactly is not written again (the WHERE clause), so that a re-import says
    // what it changed and writes nothing it did not.
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
        "(outcome_on IS ?14 OR ifnull(outcome_on >= ?14, 0)))";
    return sql;
  }

  void insert() {
    inserts_.push_back(Pending{applicant_, {}, 0});
    ++summary_.created;
    if (inserts_.size() == kBatchRows) flush_inserts();
  }

  void flush_inserts() {
    if (inserts_.empty()) return;
    writes_.submit([this, rows = std::exchange(inserts_, {})](Connection& connection) mutable {
      SQLite::Statement& statement =
          rows.size() == kBatchRows ? insert_ : connection.statement(insert_sql(rows.size()));
      for (std::size_t row = 0; row < rows.size(); ++row) {
        bind(statement, static_cast<int>(row) * kParameters, rows[row].applicant, rows[row].dates);
      }
      statement.exec();
      statement.reset();
    });
    inserts_.reserve(kBatchRows);
  }

  void flush_updates() {
    if (updates_.empty()) return;
    writes_.submit([this, rows = std::exchange(updates_, {})](Connection&) mutable {
      for (Pending& row : rows) {
        bind(update_, 0, row.applicant, row.dates);
        update_.bind(15, static_cast<std::int64_t>(row.stored));
        ++(update_.exec() > 0 ? written_.updated : written_.unchanged);
        update_.reset();
      }
    });
    updates_.reserve(kBatchRows);
  }

  void add_anonymous() {
    const auto found = anonymous_.find(applicant_key(applicant_));
    if (found != anonymous_.end() && found->second > 0) {
      --found->second;
      ++summary_.unchanged;
      return;
    }
    insert();
  }

  // Binds parameters first + 1 .. first + 14: a row of the insert, or the update's columns. The
  // applicant's strings and `dates` outlive the statement's step, so SQLite uses them without a
  // copy.
  static void bind(SQLite::Statement& s, int first, const Applicant& a,
                   std::array<sql::DateText, 6>& dates) {
    s.bind(first + 1, static_cast<std::int64_t>(a.provider_id));
    if (a.reference.empty()) {
      s.bind(first + 2);
    } else {
      s.bindNoCopy(first + 2, a.reference);
    }
    s.bind(first + 3, static_cast<std::int64_t>(a.source_id));
    sql::bind(s, first + 4, a.vacancy_id);
    sql::bind(s, first + 5, a.service_id);
    sql::bind_no_copy(s, first + 6, a.applied_on, dates[0]);
    sql::bind_no_copy(s, first + 7, a.interviewed_on, dates[1]);
    sql::bind_no_copy(s, first + 8, a.offered_on, dates[2]);
    sql::bind_no_copy(s, first + 9, a.started_on, dates[3]);
    sql::bind_no_copy(s, first + 10, a.left_on, dates[4]);
    s.bindNoCopy(first + 11, a.left_reason);
    sql::bind_text(s, first + 12, to_string(a.outcome), /*null_if_empty=*/true);
    s.bindNoCopy(first + 13, a.prior_sector);
    const auto outcome_on =
        a.outcome == Outcome::kNone ? std::nullopt : std::optional<Date>(last_stage_date(a));
    sql::bind_no_copy(s, first + 14, outcome_on, dates[5]);
  }

  WriteQueue& writes_;
  Id provider_;
  Date today_;
  ImportSummary& summary_;
  const ImportOptions& options_;
  Directory directory_;
  PurgedReferences purged_;
  // Prepared once, and used only by the writes: the hot path does not look statements up.
  SQLite::Statement& insert_;
  SQLite::Statement& update_;
  struct Written {
    std::size_t updated = 0;
    std::size_t unchanged = 0;
  };
  Written written_;               // by the writes, on the connection's thread; see after_writes()
  Applicant applicant_;           // reused for every row
  std::vector<Pending> inserts_;  // not yet queued: fewer than kBatchRows each
  std::vector<Pending> updates_;
  Problems found_;
  // The provider's references, stored and in the file. A million-row import looks every one up
  // once, so an open-addressing table: one cache miss a lookup.
  absl::flat_hash_map<std::string, Known> known_;
  std::vector<RecordedHistory> recorded_;  // the stored applicants' histories, as known_ points
  std::unordered_map<std::string, std::size_t> anonymous_;  // content key -> stored rows
  HistoryChanges history_changes_;
};

// Runs one import: header, rows, then the all-or-nothing check.
// The import reads what it needs to know on this thread first; the file is then read and
// checked on another while this one writes.
template <class Import>
ImportSummary run_import(Store::Impl& impl, Id provider, std::string_view text,
                         std::span<const CsvColumn> columns, std::string_view form,
                         const ImportOptions& options) {
  return impl.write([&](Connection& connection) {
    require_provider(connection, provider);
    ImportSummary summary;
    ImportProblems problems(form);
    WriteQueue writes(connection);
    Import import(connection, provider, impl.today(), summary, writes, options);
    writes.run([&] {
      if constexpr (requires { import.expect_rows(text); }) import.expect_rows(text);
      CsvReader reader(text);
      CsvRow row;
      const CsvHeader header = read_header(reader, row, columns, form);
      while (next_record(reader, row, header, problems, summary.rows)) {
        import.add(row, header, problems);
      }
      import.finish(problems);
    });
    if constexpr (requires { import.after_writes(); }) import.after_writes();
    problems.throw_if_any();
    if constexpr (requires { import.refuse_history_changes(); }) import.refuse_history_changes();
    return summary;
  });
}

// Imports spend rows. A spend sheet is the truth for each source and calendar month it holds
// rows for: those source-months' stored rows become the sheet's (the rows stored already are kept,
// the others removed, the new ones added), and the rows of other source-months are left alone.
// So a sheet imported twice changes nothing, and a corrected sheet replaces what it corrects.
class SpendImport {
 public:
  SpendImport(Connection& connection, Id provider, Date, ImportSummary& summary, WriteQueue& writes,
              const ImportOptions& options)
      : writes_(writes),
        provider_(provider),
        summary_(summary),
        options_(options),
        directory_(connection, provider, summary, writes) {
    auto& statement =
        connection.statement(records::select_sql<SpendEntry>() + " WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      SpendEntry entry = records::Table<SpendEntry>::read(statement);
      months_[month_of(entry)].stored.push_back(std::move(entry));
    }
  }

  void add(const CsvRow& row, const CsvHeader& header, ImportProblems& problems) {
    namespace col = forms::spend;
    const std::size_t line = row.line;
    const bool clean_before = !problems.any();
    SpendEntry entry{.id = 0,
                     .provider_id = provider_,
                     .source_id = 0,
                     .date = {},
                     .amount = {},
                     .note = normalise_text(header.cell(row, col::kNote), TextKind::kNote)};
    const auto source = resolve_source(directory_, header.cell(row, col::kSource), {}, line,
                                       problems, provider_, options_.remedies);
    const auto date = read_date(header.cell(row, col::kDate), "date", true, line, problems);
    const auto amount = read_amount(header.cell(row, col::kAmount), "amount", line, problems);
    if (!source || !date || !amount) return;
    entry.source_id = *source;
    entry.date = *date;
    entry.amount = *amount;
    check_spend(entry, found_);
    problems.add_all(line, found_);
    if (!clean_before || problems.any()) return;
    const MonthKey key = month_of(entry);
    Month& month = months_[key];
    if (month.sheet_rows++ == 0) sheet_order_.push_back(key);
    month.sheet_total += entry.amount;
    sheet_.push_back(std::move(entry));
  }

  // Makes each source-month the sheet holds what the sheet says, once every row is known good:
  // new rows are added in the sheet's order, then the stored rows it no longer holds removed.
  void finish(ImportProblems& problems) {
    if (problems.any()) return;
    for (const MonthKey& key : sheet_order_) {
      Month& month = months_[key];
      for (const SpendEntry& entry : month.stored)
        month.unmatched[key_of(entry)].push_back(entry.id);
    }
    for (const SpendEntry& entry : sheet_) add_or_keep(entry, months_[month_of(entry)]);
    for (const MonthKey& key : sheet_order_) remove_unmatched(key, months_[key]);
  }

 private:
  using MonthKey = std::pair<Id, Date>;  // a source and the first day of a month
  struct Month {
    std::vector<SpendEntry> stored;
    std::size_t sheet_rows = 0;
    Pence sheet_total;
    std::size_t added = 0;
    std::unordered_map<std::string, std::vector<Id>> unmatched;  // content key -> stored ids
  };

  static MonthKey month_of(const SpendEntry& e) { return {e.source_id, e.date.first_of_month()}; }

  static std::string key_of(const SpendEntry& e) {
    return content_key(e.date, e.amount.value, e.note);
  }

  // Keeps a stored row the sheet repeats (each stored row stands for one sheet row), or adds it.
  void add_or_keep(const SpendEntry& entry, Month& month) {
    const auto found = month.unmatched.find(key_of(entry));
    if (found != month.unmatched.end() && !found->second.empty()) {
      found->second.pop_back();
      ++summary_.unchanged;
      return;
    }
    writes_.submit([entry](Connection& connection) { records::insert(connection, entry); });
    ++month.added;
    ++summary_.created;
  }

  // Removes the month's stored rows the sheet does not repeat, and tells of any change.
  void remove_unmatched(const MonthKey& key, const Month& month) {
    std::size_t removed = 0;
    for (const auto& [content, ids] : month.unmatched) {
      for (const Id id : ids) {
        writes_.submit([id, provider = provider_](Connection& connection) {
          auto& statement =
              connection.statement("DELETE FROM spend WHERE id = ? AND provider_id = ?");
          statement.bind(1, static_cast<std::int64_t>(id));
          statement.bind(2, static_cast<std::int64_t>(provider));
          statement.exec();
        });
        ++removed;
      }
    }
    summary_.removed += removed;
    if (month.stored.empty() || (month.added == 0 && removed == 0)) return;
    Pence before;
    for (const SpendEntry& entry : month.stored) before += entry.amount;
    summary_.replaced.push_back(
        SpendReplacement{.source = std::string(directory_.source_name(key.first)),
                         .month = key.second,
                         .rows_before = month.stored.size(),
                         .rows_after = month.sheet_rows,
                         .before = before,
                         .after = month.sheet_total});
  }

  WriteQueue& writes_;
  Id provider_;
  ImportSummary& summary_;
  const ImportOptions& options_;
  Directory directory_;
  Problems found_;
  std::map<MonthKey, Month> months_;   // the stored rows and the sheet's, by source and month
  std::vector<MonthKey> sheet_order_;  // the source-months the sheet holds, as it first names them
  std::vector<SpendEntry> sheet_;      // the sheet's rows, in its order
};

class HeadcountImport {
 public:
  HeadcountImport(Connection& connection, Id provider, Date today, ImportSummary& summary,
                  WriteQueue& writes, const ImportOptions&)
      : writes_(writes),
        provider_(provider),
        today_(today),
        summary_(summary),
        directory_(connection, provider, summary, writes) {
    auto& statement =
        connection.statement(records::select_sql<HeadcountSnapshot>() + " WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      const auto snapshot = records::Table<HeadcountSnapshot>::read(statement);
      stored_.emplace(key(snapshot.date, snapshot.service_id), snapshot);
    }
  }

  void add(const CsvRow& row, const CsvHeader& header, ImportProblems& problems) {
    namespace col = forms::headcount;
    const std::size_t line = row.line;
    const bool clean_before = !problems.any();
    const auto date = read_date(header.cell(row, col::kDate), "date", true, line, problems);
    const auto staff = read_count(header.cell(row, col::kStaff), "staff", true, line, problems);
    const auto vacancies =
        read_count(header.cell(row, col::kVacancies), "vacancies", true, line, problems);
    const auto leavers =
        read_count(header.cell(row, col::kLeavers), "leavers", false, line, problems);
    const std::string_view service = unless_blank(header.cell(row, col::kService));
    check_name_cell(service, "service", "service name", line, problems);
    if (!date || !staff || !vacancies) return;
    HeadcountSnapshot snapshot{.id = 0,
                               .provider_id = provider_,
                               .date = *date,
                               .service_id = std::nullopt,
                               .staff = *staff,
                               .vacancies = *vacancies,
                               .leavers = leavers};
    check_headcount(snapshot, today_, found_);
    problems.add_all(line, found_);
    // Repeats within the file are found by name, so that they are reported even once nothing is
    // being stored any more.
    std::string repeat_key;
    name_key(service, repeat_key);
    repeat_key = date->to_string() + '\x1f' + repeat_key;
    if (const auto [seen, added] = lines_.emplace(repeat_key, line); !added) {
      problems.add(line, "date",
                   "the headcount for this date and service is already on line " +
                       std::to_string(seen->second));
    }
    if (!clean_before || problems.any()) return;

    if (!service.empty()) snapshot.service_id = directory_.service(service);
    const auto stored = stored_.find(key(snapshot.date, snapshot.service_id));
    if (stored == stored_.end()) {
      writes_.submit([snapshot](Connection& connection) { records::insert(connection, snapshot); });
      ++summary_.created;
      return;
    }
    HeadcountSnapshot& before = stored->second;
    if (before.staff == snapshot.staff && before.vacancies == snapshot.vacancies &&
        before.leavers == snapshot.leavers) {
      ++summary_.unchanged;
      return;
    }
    snapshot.id = before.id;
    writes_.submit([snapshot](Connection& connection) { records::update(connection, snapshot); });
    before = snapshot;
    ++summary_.updated;
  }

  void finish(ImportProblems&) {}

 private:
  static std::string key(Date date, std::optional<Id> service) {
    return date.to_string() + '\x1f' + std::to_string(service.value_or(0));
  }

  WriteQueue& writes_;
  Id provider_;
  Date today_;
  ImportSummary& summary_;
  Directory directory_;
  Problems found_;
  std::unordered_map<std::string, HeadcountSnapshot> stored_;  // by day and service id
  std::unordered_map<std::string, std::size_t> lines_;         // day and service name -> line
};

std::string text_or_empty(const SQLite::Column& column) {
  return column.isNull() ? std::string() : std::string(sql::read_text(column));
}

}  // namespace

ImportSummary Store::import_applicants_csv(Id provider, std::string_view text,
                                           const ImportOptions& options) {
  return run_import<ApplicantImport>(*impl_, provider, text, forms::applicants::kColumns,
                                     "applicants", options);
}

ImportSummary Store::import_spend_csv(Id provider, std::string_view text,
                                      const ImportOptions& options) {
  return run_import<SpendImport>(*impl_, provider, text, forms::spend::kColumns, "spend", options);
}

ImportSummary Store::import_headcount_csv(Id provider, std::string_view text,
                                          const ImportOptions& options) {
  return run_import<HeadcountImport>(*impl_, provider, text, forms::headcount::kColumns,
                                     "headcount", options);
}

std::string Store::export_applicants_csv(Id provider) const {
  return impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    std::string out;
    CsvWriter csv(out);
    for (const auto& column : forms::applicants::kColumns) csv.cell(column.name);
    csv.end_row();
    auto& statement = connection.statement(
        "SELECT a.reference, s.name, iif(s.channel_known, s.channel, NULL), v.role, sv.name, "
        "a.applied_on, a.interviewed_on, "
        "a.offered_on, a.started_on, a.left_on, a.left_reason, a.outcome, a.prior_sector "
        "FROM applicants a JOIN sources s ON s.id = a.source_id "
        "LEFT JOIN vacancies v ON v.id = a.vacancy_id "
        "LEFT JOIN services sv ON sv.id = a.service_id "
        "WHERE a.provider_id = ? ORDER BY a.id");
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      for (int i = 0; i < statement.getColumnCount(); ++i) {
        csv.cell(text_or_empty(statement.getColumn(i)));
      }
      csv.end_row();
    }
    return out;
  });
}

std::string Store::export_spend_csv(Id provider) const {
  return impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    std::string out;
    CsvWriter csv(out);
    for (const auto& column : forms::spend::kColumns) csv.cell(column.name);
    csv.end_row();
    auto& statement = connection.statement(
        "SELECT s.name, e.spent_on, e.amount_pence, e.note FROM spend e "
        "JOIN sources s ON s.id = e.source_id WHERE e.provider_id = ? ORDER BY e.id");
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      csv.cell(sql::read_text(statement.getColumn(0)));
      csv.cell(sql::read_text(statement.getColumn(1)));
      csv.cell(format_pounds(Pence{statement.getColumn(2).getInt64()}));
      csv.cell(sql::read_text(statement.getColumn(3)));
      csv.end_row();
    }
    return out;
  });
}

std::string Store::export_headcount_csv(Id provider) const {
  return impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    std::string out;
    CsvWriter csv(out);
    for (const auto& column : forms::headcount::kColumns) csv.cell(column.name);
    csv.end_row();
    auto& statement = connection.statement(
        "SELECT h.taken_on, sv.name, h.staff, h.vacancies, h.leavers FROM headcounts h "
        "LEFT JOIN services sv ON sv.id = h.service_id WHERE h.provider_id = ? ORDER BY h.id");
    statement.bind(1, static_cast<std::int64_t>(provider));
    while (statement.executeStep()) {
      for (int i = 0; i < statement.getColumnCount(); ++i) {
        csv.cell(text_or_empty(statement.getColumn(i)));
      }
      csv.end_row();
    }
    return out;
  });
}

}  // namespace caretoolkit::tracker
