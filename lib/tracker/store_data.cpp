// The Store's reads for the metrics (one provider, or every provider for the team) and the purge
// of finished unsuccessful applicants' references.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "tracker/purged_references.hpp"
#include "tracker/records.hpp"
#include "tracker/store.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

// The tables a report reads beside the providers and the applicants, each through
// load(rows, date column): the column up_to limits, empty for tables that are not dated. The
// adverts' text stays behind.
template <class Load>
void load_report_tables(TrackerData& data, Load load) {
  load(data.services, {});
  load(data.sources, {});
  load(data.vacancies, {});
  for (Vacancy& vacancy : data.vacancies) vacancy.advert_text.reset();
  load(data.spend, "spent_on");
  load(data.headcounts, "taken_on");
}

// One provider's advert versions and their daily counts, those live or counted by `up_to`: the
// two statements, bound.
std::pair<Statement*, Statement*> advert_queries(Connection& connection, Id provider,
                                                 std::optional<Date> up_to) {
  const auto bound = [&](const char* text) {
    Statement& statement = connection.statement(text);
    statement.bind(1, static_cast<std::int64_t>(provider));
    sql::bind(statement, 2, up_to);
    return &statement;
  };
  return {bound("SELECT vacancy_id, version, score, category_scores, rules_version, live_from, "
                "live_to FROM advert_versions WHERE provider_id = ?1 "
                "AND live_from <= coalesce(?2, live_from) ORDER BY vacancy_id, version"),
          bound("SELECT c.vacancy_id, c.version, c.day, c.views, c.apply_clicks "
                "FROM vacancy_counts c JOIN vacancies v ON v.id = c.vacancy_id "
                "WHERE v.provider_id = ?1 AND c.day <= coalesce(?2, c.day) "
                "ORDER BY c.vacancy_id, c.version, c.day")};
}

// The rows of advert_queries()' statements.
void read_adverts(Statement& versions, Statement& counts, Id provider, TrackerData& data) {
  while (versions.executeStep()) {
    data.advert_versions.push_back(
        AdvertVersionRow{.provider_id = provider,
                         .vacancy_id = versions.getColumn(0).getInt64(),
                         .version = versions.getColumn(1).getInt(),
                         .score = versions.getColumn(2).getInt(),
                         .category_scores = std::string(sql::read_text(versions.getColumn(3))),
                         .rules_version = std::string(sql::read_text(versions.getColumn(4))),
                         .live_from = sql::read_date(versions.getColumn(5)),
                         .live_to = sql::read_optional_date(versions.getColumn(6))});
  }
  while (counts.executeStep()) {
    data.vacancy_counts.push_back(VacancyDayCount{.provider_id = provider,
                                                  .vacancy_id = counts.getColumn(0).getInt64(),
                                                  .version = counts.getColumn(1).getInt(),
                                                  .day = sql::read_date(counts.getColumn(2)),
                                                  .views = counts.getColumn(3).getInt64(),
                                                  .apply_clicks = counts.getColumn(4).getInt64()});
  }
}

// One provider's data: its own rows, each table in id order. Every table's statement is bound
// first and all run together (one round trip on PostgreSQL); then each table is read in turn.
TrackerData load_provider(Connection& connection, Id provider, std::optional<Date> up_to) {
  TrackerData data;
  data.providers.push_back(find_provider(connection, provider));
  std::vector<Statement*> queries;  // in the order the tables are read below
  const auto query = [&]<class T>(std::vector<T>&, std::string_view date_column) {
    std::string sql = records::select_sql<T>() + " WHERE provider_id = ?1";
    if (!date_column.empty()) {
      const std::string column(date_column);
      sql += " AND " + column + " <= coalesce(?2, " + column + ")";
    }
    auto& statement = connection.statement(sql + " ORDER BY id");
    statement.bind(1, static_cast<std::int64_t>(provider));
    if (!date_column.empty()) sql::bind(statement, 2, up_to);
    queries.push_back(&statement);
  };
  load_report_tables(data, query);
  query(data.applicants, "applied_on");
  const auto [versions, counts] = advert_queries(connection, provider, up_to);
  queries.push_back(versions);
  queries.push_back(counts);
  connection.run_together(queries);

  std::size_t next = 0;
  const auto read = [&]<class T>(std::vector<T>& out, std::string_view /*date_column*/) {
    Statement& statement = *queries.at(next++);
    while (statement.executeStep()) out.push_back(records::Table<T>::read(statement));
  };
  load_report_tables(data, read);
  read(data.applicants, {});
  read_adverts(*versions, *counts, provider, data);
  return data;
}

// team_.providers positions by provider id. Rows come in runs of one provider, so the last answer
// (kept by the caller, one per thread) is tried first.
std::size_t position_of(const std::vector<Provider>& providers, Id provider, std::size_t& last) {
  if (last < providers.size() && providers[last].id == provider) return last;
  const auto found = std::lower_bound(providers.begin(), providers.end(), provider,
                                      [](const Provider& p, Id id) { return p.id < id; });
  if (found == providers.end() || found->id != provider) {
    throw std::runtime_error("a row names provider " + std::to_string(provider) +
                             ", which does not exist: the file may be damaged");
  }
  last = static_cast<std::size_t>(found - providers.begin());
  return last;
}

// Reads every provider's rows but the applicants into one TrackerData, grouped by provider, and
// passes the applicants to a visitor as they are read. Each table is read in one sequential pass
// and its rows are written straight into their provider's run of the table's vector, the runs
// sized first from per-provider counts. The applicants, by far the largest table, are read in
// chunks of the id range that the two connections take in turn when there is a helper: the
// helper starts on them at once while this connection first reads the other tables.
class TeamLoader {
 public:
  // `helper`, when given, is a second reader whose read transaction sees the same state.
  TeamLoader(Connection& connection, Connection* helper, const TeamApplicantVisitor& visit,
             std::optional<Date> up_to, std::optional<Date> applied_from, std::size_t parallel_rows)
      : connection_(connection),
        helper_(helper),
        visit_(visit),
        up_to_(up_to),
        applied_from_(applied_from),
        parallel_rows_(parallel_rows) {}

  TrackerData load() {
    auto& bounds =
        connection_.statement("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM applicants");
    bounds.executeStep();
    next_chunk_ = bounds.getColumn(0).getInt64() - 1;
    last_id_ = bounds.getColumn(1).getInt64();
    // Ids are dense unless many rows were deleted, so the range stands in for the count.
    const bool two_threads =
        helper_ != nullptr && static_cast<std::uint64_t>(last_id_ - next_chunk_) >= parallel_rows_;
    if (!two_threads) {
      load_tables();
      scan_chunks(connection_, 0);
      return std::move(team_);
    }
    std::exception_ptr failure;
    std::thread helper_thread([&] {
      try {
        scan_chunks(*helper_, 1);
      } catch (...) {
        failure = std::current_exception();
        stop_ = true;
      }
    });
    try {
      load_tables();
      scan_chunks(connection_, 0);
    } catch (...) {
      stop_ = true;
      helper_thread.join();
      throw;
    }
    helper_thread.join();
    if (failure) std::rethrow_exception(failure);
    return std::move(team_);
  }

 private:
  // A table read of rows up to `up_to_` by their date column (all rows without one).
  static std::string where_dated(std::string_view date_column) {
    const std::string column(date_column);
    return column.empty() ? std::string(" WHERE TRUE")
                          : " WHERE " + column + " <= coalesce(?1, " + column + ")";
  }

  // Reads a table, each provider's rows one run in id order. The counts and the rows come from
  // the same snapshot, so every run is filled exactly.
  template <class T>
  void load_table(std::vector<T>& rows, std::string_view date_column) {
    const std::string from =
        " FROM " + std::string(records::Table<T>::kTable) + where_dated(date_column);
    std::vector<std::size_t> next(team_.providers.size(), 0);  // each provider's next slot
    auto& counts =
        connection_.statement("SELECT provider_id, count(*)" + from + " GROUP BY provider_id");
    if (!date_column.empty()) sql::bind(counts, 1, up_to_);
    std::size_t last = 0;
    while (counts.executeStep()) {
      next[position_of(team_.providers, counts.getColumn(0).getInt64(), last)] =
          static_cast<std::size_t>(counts.getColumn(1).getInt64());
    }
    std::size_t total = 0;
    for (std::size_t& slot : next) total += std::exchange(slot, total);
    rows.resize(total);
    auto& statement = connection_.statement(
        "SELECT id, " + records::join(records::Table<T>::kColumns) + from + " ORDER BY id");
    if (!date_column.empty()) sql::bind(statement, 1, up_to_);
    while (statement.executeStep()) {
      T row = records::Table<T>::read(statement);
      rows.at(next[position_of(team_.providers, row.provider_id, last)]++) = std::move(row);
    }
  }

  void load_tables() {
    auto& providers = connection_.statement("SELECT " + std::string(kProviderColumns) +
                                            " FROM providers ORDER BY id");
    while (providers.executeStep()) team_.providers.push_back(read_provider(providers));
    load_report_tables(
        team_, [this](auto& rows, std::string_view date_column) { load_table(rows, date_column); });
  }

  // Takes chunks of the applicants' id range until none is left (or the other thread failed),
  // passing each applicant to visit_ as `part`. Runs on `connection`'s own thread.
  void scan_chunks(Connection& connection, std::size_t part) {
    // What the team's counts read; the reference, reasons, vacancy, service and prior sector
    // stay behind.
    auto& statement = connection.statement(
        "SELECT id, provider_id, source_id, applied_on, interviewed_on, offered_on, started_on, "
        "left_on, outcome FROM applicants "
        "WHERE id > ?2 AND id <= ?3 AND applied_on <= coalesce(?1, applied_on) "
        "AND applied_on >= coalesce(?4, applied_on)");
    Applicant a;  // reused: a row costs no allocation
    for (;;) {
      const Id low = next_chunk_.fetch_add(kChunkIds);
      if (low >= last_id_ || stop_) return;
      statement.reset();
      sql::bind(statement, 1, up_to_);
      statement.bind(2, static_cast<std::int64_t>(low));
      statement.bind(3, static_cast<std::int64_t>(std::min(low + kChunkIds, last_id_)));
      sql::bind(statement, 4, applied_from_);
      if (!statement.executeStep()) continue;
      // Columns made once and read row after row: each getColumn() copies a shared pointer,
      // which over a million rows and a dozen columns costs more than the reading itself.
      const Column id = statement.getColumn(0), provider = statement.getColumn(1),
                   source = statement.getColumn(2), applied = statement.getColumn(3),
                   interviewed = statement.getColumn(4), offered = statement.getColumn(5),
                   started = statement.getColumn(6), left = statement.getColumn(7),
                   outcome = statement.getColumn(8);
      do {
        a.id = id.getInt64();
        a.provider_id = provider.getInt64();
        a.source_id = source.getInt64();
        a.applied_on = sql::read_date(applied);
        a.interviewed_on = sql::read_optional_date(interviewed);
        a.offered_on = sql::read_optional_date(offered);
        a.started_on = sql::read_optional_date(started);
        a.left_on = sql::read_optional_date(left);
        a.outcome = sql::read_outcome(outcome);
        visit_(part, a);
      } while (statement.executeStep());
    }
  }

  // Small enough that the two threads finish close together, large enough that starting a chunk
  // (a reset, three binds and a seek) costs nothing beside its rows.
  static constexpr Id kChunkIds = 16'384;

  Connection& connection_;
  Connection* helper_;
  const TeamApplicantVisitor& visit_;
  std::optional<Date> up_to_;
  std::optional<Date> applied_from_;
  std::size_t parallel_rows_;  // below this many applicants a second thread is not worth it
  TrackerData team_;
  std::atomic<Id> next_chunk_{0};  // the applicants' ids above this are still to be read
  Id last_id_ = 0;
  std::atomic<bool> stop_{false};  // set when a thread fails, so that the other ends soon
};

}  // namespace

TrackerData Store::load_tracker_data(Id provider, std::optional<Date> up_to) const {
  return impl_->read(
      [&](Connection& connection) { return load_provider(connection, provider, up_to); });
}

TrackerData Store::load_team_data(std::optional<Date> up_to, std::optional<Date> applied_from,
                                  const TeamApplicantVisitor& visit) const {
  auto lease = impl_->pool.read();
  ConnectionPool::ReadLease helper(impl_->pool, std::try_to_lock);  // none free: one thread
  Transaction transaction(*lease, Connection::Mode::kReader);
  std::optional<Transaction> helper_transaction;
  {
    // Both read transactions read one state, so that the two halves of the applicants agree: on
    // SQLite, both take their snapshot while no write of this process can commit.
    auto writer = impl_->pool.write();
    const std::string snapshot = lease->pin_snapshot();
    if (helper) {
      helper_transaction.emplace(*helper, Connection::Mode::kReader);
      helper->join_snapshot(snapshot);
    }
  }
  TrackerData team = TeamLoader(*lease, helper ? &*helper : nullptr, visit, up_to, applied_from,
                                impl_->options.parallel_team_rows)
                         .load();
  if (helper_transaction) helper_transaction->commit();
  transaction.commit();
  return team;
}

PurgeSummary Store::purge(int older_than_days, std::optional<Id> provider) {
  if (older_than_days < 0) {
    throw Error(ErrorCode::kInvalid,
                "older_than_days must not be negative, not " + std::to_string(older_than_days),
                "older_than_days");
  }
  const Date cutoff = impl_->today().plus_days(-older_than_days);
  return impl_->write([&](Connection& connection) {
    if (provider) require_provider(connection, *provider);
    // Finished unsuccessful applicants: withdrawn or rejected, which no later row can move on,
    // and whose outcome (their last recorded date) is before the cutoff.
    const std::string purgeable =
        " WHERE reference IS NOT NULL AND outcome IS NOT NULL AND outcome_on < ?1 "
        "AND provider_id = coalesce(?2, provider_id)";
    auto& select =
        connection.statement("SELECT provider_id, reference FROM applicants" + purgeable);
    sql::bind(select, 1, cutoff);
    sql::bind(select, 2, provider);
    std::vector<std::pair<Id, std::string>> references;
    while (select.executeStep()) {
      references.emplace_back(select.getColumn(0).getInt64(),
                              std::string(sql::read_text(select.getColumn(1))));
    }
    select.reset();
    PurgedReferenceWriter remembered(connection);
    for (const auto& [owner, reference] : references) remembered.remember(owner, reference);
    auto& update = connection.statement(
        "UPDATE applicants SET reference = NULL, outcome_reason = ''" + purgeable);
    sql::bind(update, 1, cutoff);
    sql::bind(update, 2, provider);
    return PurgeSummary{.applicants = static_cast<std::size_t>(update.exec())};
  });
}

}  // namespace caretoolkit::tracker
