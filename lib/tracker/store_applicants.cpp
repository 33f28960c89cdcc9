// The Store's applicants and their stage events.
//
// An applicant's stage events are its dates: applied_on, interviewed_on, offered_on, started_on,
// left_on (with left_reason), and for an unsuccessful applicant the outcome with the date and
// reason kept beside it (outcome_on, outcome_reason). Keeping one row per applicant means the
// events can never contradict the dates the metrics read, and an import writes one row per line.
#include <algorithm>

#include "tracker/field_labels.hpp"
#include "tracker/records.hpp"
#include "tracker/stages.hpp"
#include "tracker/store.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

// What the applicants table keeps beyond the Applicant type.
struct OutcomeDetail {
  std::optional<Date> on;
  std::string reason;
};

const std::string& insert_sql() {
  static const std::string sql =
      "INSERT INTO applicants (" + records::join(records::Table<Applicant>::kColumns) +
      ", outcome_on, outcome_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id";
  return sql;
}

const std::string& update_sql() {
  static const std::string sql = [] {
    std::string s = "UPDATE applicants SET ";
    for (const auto column : records::Table<Applicant>::kColumns) {
      s += std::string(column) + " = ?, ";
    }
    return s + "outcome_on = ?, outcome_reason = ? WHERE id = ? AND provider_id = ?";
  }();
  return sql;
}

// Binds parameters 1..15 of insert_sql() and update_sql().
void bind_applicant(Statement& s, const Applicant& a, const OutcomeDetail& outcome) {
  s.bind(1, static_cast<std::int64_t>(a.provider_id));
  sql::bind_text(s, 2, a.reference, /*null_if_empty=*/true);
  s.bind(3, static_cast<std::int64_t>(a.source_id));
  sql::bind(s, 4, a.vacancy_id);
  sql::bind(s, 5, a.service_id);
  sql::bind(s, 6, a.applied_on);
  sql::bind(s, 7, a.interviewed_on);
  sql::bind(s, 8, a.offered_on);
  sql::bind(s, 9, a.started_on);
  sql::bind(s, 10, a.left_on);
  s.bind(11, a.left_reason);
  sql::bind_text(s, 12, to_string(a.outcome), /*null_if_empty=*/true);
  s.bind(13, a.prior_sector);
  sql::bind(s, 14, outcome.on);
  s.bind(15, outcome.reason);
}

OutcomeDetail read_outcome_detail(Connection& connection, Id provider, Id id) {
  auto& statement = connection.statement(
      "SELECT outcome_on, outcome_reason FROM applicants WHERE id = ? AND provider_id = ?");
  statement.bind(1, static_cast<std::int64_t>(id));
  statement.bind(2, static_cast<std::int64_t>(provider));
  if (!statement.executeStep()) records::throw_not_found("applicant", id);
  return OutcomeDetail{sql::read_optional_date(statement.getColumn(0)),
                       std::string(sql::read_text(statement.getColumn(1)))};
}

// Trims the text fields, checks the rules and that every id is the provider's own, and fills the
// service from the vacancy when only the vacancy is given.
void prepare(Connection& connection, Date today, Applicant& a) {
  a.reference = normalise_text(a.reference);
  a.left_reason = normalise_text(a.left_reason, TextKind::kNote);
  a.prior_sector = normalise_text(a.prior_sector);
  Problems problems;
  check_applicant(a, today, problems);
  throw_if_invalid(std::move(problems));

  records::require_reference<Source>(connection, a.provider_id, a.source_id, "source_id");
  if (a.service_id) {
    records::require_reference<Service>(connection, a.provider_id, *a.service_id, "service_id");
  }
  if (a.vacancy_id) {
    const auto vacancy = records::find<Vacancy>(connection, a.provider_id, *a.vacancy_id);
    if (!vacancy) {
      records::require_reference<Vacancy>(connection, a.provider_id, *a.vacancy_id, "vacancy_id");
    } else if (vacancy->service_id) {
      if (!a.service_id) {
        a.service_id = vacancy->service_id;
      } else if (*a.service_id != *vacancy->service_id) {
        throw Error(ErrorCode::kInvalid,
                    "service_id " + std::to_string(*a.service_id) +
                        " is not the service of vacancy " + std::to_string(*a.vacancy_id) + " (" +
                        std::to_string(*vacancy->service_id) + ")",
                    "service_id");
      }
    }
  }

  auto& statement = connection.statement(
      "SELECT id FROM applicants WHERE provider_id = ? AND reference = ? AND id <> ?");
  statement.bind(1, static_cast<std::int64_t>(a.provider_id));
  statement.bind(2, a.reference);
  statement.bind(3, static_cast<std::int64_t>(a.id));
  if (statement.executeStep()) {
    throw Error(ErrorCode::kConflict,
                "The reference " + a.reference +
                    " is already used by another applicant: choose another or edit that applicant",
                "reference");
  }
}

// The outcome details to store with `a` given what was stored before: a kept outcome keeps its
// date and reason while they still fit, a new one dates from the last stage reached.
OutcomeDetail settle_outcome(const Applicant& a, Outcome before, OutcomeDetail detail) {
  if (a.outcome == Outcome::kNone) return {};
  const Date last = last_stage_date(a);
  if (a.outcome != before) return OutcomeDetail{last, {}};
  if (!detail.on || *detail.on < last) detail.on = last;
  return detail;
}

void write_update(Connection& connection, const Applicant& a, const OutcomeDetail& outcome) {
  auto& statement = connection.statement(update_sql());
  bind_applicant(statement, a, outcome);
  statement.bind(16, static_cast<std::int64_t>(a.id));
  statement.bind(17, static_cast<std::int64_t>(a.provider_id));
  statement.exec();
}

// "Interviewed, Offered a job, Withdrew or Not taken forward".
std::string labels_or(std::span<const Stage> stages) {
  std::string out;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (i > 0) out += i + 1 == stages.size() ? " or " : ", ";
    out += label(stages[i]);
  }
  return out;
}

// Refuses a stage that cannot follow the one `a` has reached, saying which can.
void require_next(const Applicant& a, Stage stage) {
  const Stage reached = current_stage(a);
  if (can_follow(reached, stage)) return;
  const auto allowed = next_stages(reached);
  const std::string where = " cannot be recorded after " + std::string(label(reached));
  throw Error(ErrorCode::kInvalid,
              std::string(label(stage)) + where +
                  (allowed.empty() ? ": no further step can be recorded"
                                   : ": the next step can be " + labels_or(allowed)),
              "stage");
}

void conflict_if_set(const std::optional<Date>& date, std::string_view field) {
  if (date) {
    throw Error(ErrorCode::kConflict,
                std::string(field_label(field)) + " is already recorded (" + date->to_string() +
                    "): to change it, edit the applicant",
                std::string(field));
  }
}

}  // namespace

Date last_stage_date(const Applicant& a) {
  return a.offered_on.value_or(a.interviewed_on.value_or(a.applied_on));
}

Applicant StoredApplicants::create(Id provider, Applicant applicant) {
  return state_.write([&](Connection& connection) {
    require_provider(connection, provider);
    applicant.id = 0;
    applicant.provider_id = provider;
    prepare(connection, state_.today(), applicant);
    auto& statement = connection.statement(insert_sql());
    bind_applicant(statement, applicant, settle_outcome(applicant, Outcome::kNone, {}));
    applicant.id = sql::returned_id(statement);
    return applicant;
  });
}

Applicant StoredApplicants::get(Id provider, Id id) const {
  return state_.read(
      [&](Connection& connection) { return records::get<Applicant>(connection, provider, id); });
}

namespace {

// The conditions of `filter` other than its stage.
sql::Where applicant_where(const ApplicantFilter& filter) {
  sql::Where where;
  if (filter.source_id) where.add("source_id = ?", *filter.source_id);
  if (filter.vacancy_id) where.add("vacancy_id = ?", *filter.vacancy_id);
  if (filter.service_id) where.add("service_id = ?", *filter.service_id);
  if (filter.applied_from) where.add("applied_on >= ?", filter.applied_from->to_string());
  if (filter.applied_to) where.add("applied_on <= ?", filter.applied_to->to_string());
  if (filter.reference) where.add("reference = ?", normalise_text(*filter.reference));
  if (filter.reference_contains) {
    where.add("reference COLLATE NOCASE LIKE ? COLLATE NOCASE ESCAPE '\\'",
              sql::like_containing(normalise_text(*filter.reference_contains)));
  }
  return where;
}

std::size_t count_all(Connection& connection, Id provider) {
  auto& statement = connection.statement("SELECT count(*) FROM applicants WHERE provider_id = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  statement.executeStep();
  return static_cast<std::size_t>(statement.getColumn(0).getInt64());
}

}  // namespace

Page<Applicant> StoredApplicants::list(Id provider, const ApplicantFilter& filter,
                                       const PageRequest& page) const {
  sql::Where where = applicant_where(filter);
  if (filter.stage) where.add(current_stage_sql() + " = ?", std::string(to_string(*filter.stage)));
  return state_.read([&](Connection& connection) {
    return records::list<Applicant>(connection, provider, where, page);
  });
}

StageCounts StoredApplicants::count_by_stage(Id provider, const ApplicantFilter& filter) const {
  const sql::Where where = applicant_where(filter);
  return state_.read([&](Connection& connection) {
    StageCounts counts;
    for (const Stage stage : all_stages()) counts.by_stage.emplace_back(stage, 0);
    counts.total = count_all(connection, provider);
    auto& statement = connection.statement("SELECT " + current_stage_sql() +
                                           ", count(*) FROM applicants WHERE provider_id = ?" +
                                           where.sql() + " GROUP BY 1");
    statement.bind(1, static_cast<std::int64_t>(provider));
    where.bind(statement, 2);
    while (statement.executeStep()) {
      const auto stage = parse_stage(sql::read_text(statement.getColumn(0)));
      const auto count = static_cast<std::size_t>(statement.getColumn(1).getInt64());
      counts.matched += count;
      for (auto& [each, n] : counts.by_stage) {
        if (stage && each == *stage) n = count;
      }
    }
    return counts;
  });
}

Applicant StoredApplicants::update(Id provider, Id id, const Edit<Applicant>& edit) {
  return state_.write([&](Connection& connection) {
    auto applicant = records::get<Applicant>(connection, provider, id);
    const Outcome before = applicant.outcome;
    edit(applicant);
    applicant.id = id;
    applicant.provider_id = provider;
    prepare(connection, state_.today(), applicant);
    write_update(connection, applicant,
                 settle_outcome(applicant, before, read_outcome_detail(connection, provider, id)));
    return applicant;
  });
}

void StoredApplicants::remove(Id provider, Id id) {
  state_.write(
      [&](Connection& connection) { records::remove<Applicant>(connection, provider, id); });
}

Applicant StoredApplicants::record_event(Id provider, Id id, Stage stage, Date on,
                                         std::string_view reason) {
  const std::string why = normalise_text(reason, TextKind::kNote);
  Problems refused;
  check_length(why, kMaxNoteLength, "reason", refused);
  check_text(why, TextKind::kNote, "reason", "reason", refused);
  throw_if_invalid(std::move(refused));
  return state_.write([&](Connection& connection) {
    auto applicant = records::get<Applicant>(connection, provider, id);
    OutcomeDetail outcome = read_outcome_detail(connection, provider, id);
    if (applicant.outcome != Outcome::kNone) {
      throw Error(
          ErrorCode::kConflict,
          (applicant.reference.empty() ? std::string("This applicant") : applicant.reference) +
              " is marked “" + std::string(label(applicant.outcome)) + "” since " +
              outcome.on.value_or(applicant.applied_on).to_string() +
              ": no further step can be recorded; to change that, edit the applicant",
          "stage");
    }
    switch (stage) {
      case Stage::kApplied:
        throw Error(ErrorCode::kConflict,
                    "The date applied is recorded when the applicant is created (" +
                        applicant.applied_on.to_string() + "): to change it, edit the applicant",
                    "stage");
      case Stage::kInterviewed:
        conflict_if_set(applicant.interviewed_on, "interviewed_on");
        require_next(applicant, stage);
        applicant.interviewed_on = on;
        break;
      case Stage::kOffered:
        conflict_if_set(applicant.offered_on, "offered_on");
        require_next(applicant, stage);
        applicant.offered_on = on;
        break;
      case Stage::kStarted:
        conflict_if_set(applicant.started_on, "started_on");
        require_next(applicant, stage);
        applicant.started_on = on;
        break;
      case Stage::kLeft:
        conflict_if_set(applicant.left_on, "left_on");
        require_next(applicant, stage);
        applicant.left_on = on;
        applicant.left_reason = why;
        break;
      case Stage::kWithdrawn:
      case Stage::kRejected: {
        require_next(applicant, stage);
        applicant.outcome = stage == Stage::kWithdrawn ? Outcome::kWithdrawn : Outcome::kRejected;
        const std::string field = "The date of “" + std::string(label(stage)) + "”";
        Problems problems;
        if (on < last_stage_date(applicant)) {
          problems.push_back({"date",
                              field + " (" + on.to_string() +
                                  ") is before the last stage reached (" +
                                  last_stage_date(applicant).to_string() + "); enter a later date",
                              std::nullopt});
        }
        if (on > state_.today()) {
          problems.push_back({"date",
                              field + " (" + on.to_string() + ") is in the future: today is " +
                                  state_.today().to_string() + "; enter the date it happened",
                              std::nullopt});
        }
        throw_if_invalid(std::move(problems));
        outcome = OutcomeDetail{on, why};
        break;
      }
    }
    prepare(connection, state_.today(), applicant);
    write_update(connection, applicant, outcome);
    return applicant;
  });
}

std::vector<StageEvent> StoredApplicants::list_events(Id provider, Id id) const {
  return state_.read([&](Connection& connection) {
    const auto a = records::get<Applicant>(connection, provider, id);
    const OutcomeDetail outcome = read_outcome_detail(connection, provider, id);
    std::vector<StageEvent> events;
    const auto add = [&](Stage stage, std::optional<Date> on, std::string reason = {}) {
      if (on) events.push_back(StageEvent{0, id, stage, *on, std::move(reason)});
    };
    add(Stage::kApplied, a.applied_on);
    add(Stage::kInterviewed, a.interviewed_on);
    add(Stage::kOffered, a.offered_on);
    add(Stage::kStarted, a.started_on);
    add(Stage::kLeft, a.left_on, a.left_reason);
    if (a.outcome != Outcome::kNone) {
      add(a.outcome == Outcome::kWithdrawn ? Stage::kWithdrawn : Stage::kRejected, outcome.on,
          outcome.reason);
    }
    return events;
  });
}

}  // namespace caretoolkit::tracker
