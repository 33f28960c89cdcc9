// The Store's reads for the metrics (one provider, or every provider for the team) and the purge
// of unsuccessful applicants' references.
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <thread>

#include "tracker/records.hpp"
#include "tracker/store.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

// One provider's data: its own rows, each table in id order.
TrackerData load_provider(Connection& connection, Id provider, std::optional<Date> up_to) {
  TrackerData data;
  auto& row = connection.statement("SELECT id, name, created_on FROM providers WHERE id = ?");
  row.bind(1, static_cast<std::int64_t>(provider));
  if (!row.executeStep()) records::throw_not_found("provider", provider);
  data.providers.push_back(Provider{.id = row.getColumn(0).getInt64(),
                                    .name = std::string(sql::read_text(row.getColumn(1))),
                                    .created_on = sql::read_date(row.getColumn(2))});
  const auto load = [&]<class T>(std::vector<T>& out, std::string_view date_column) {
    std::string sql = records::select_sql<T>() + " WHERE provider_id = ?1";
    if (!date_column.empty()) sql += " AND (?2 IS NULL OR " + std::string(date_column) + " <= ?2)";
    auto& statement = connection.statement(sql + " ORDER BY id");
    statement.bind(1, static_cast<std::int64_t>(provider));
    if (!date_column.empty()) sql::bind(statement, 2, up_to);
    while (statement.executeStep()) out.push_back(records::Table<T>::read(statement));
  };
  load(data.services, {});
  load(data.sources, {});
  load(data.vacancies, {});
  for (Vacancy& vacancy : data.vacancies) vacancy.advert_text.reset();
  load(data.spend, "spent_on");
  load(data.applicants, "applied_on");
  load(data.headcounts, "taken_on");
  return data;
}

// Asks the kernel to back a large buffer that is about to be filled with huge pages. Filling
// hundreds of megabytes one 4 KB page fault at a time can cost more than reading the rows from
// SQLite, notably in virtual machines. A hint only: harmless where it is not honoured.
void prefer_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kPage = std::uintptr_t{2} * 1024 * 1024;
  const auto address = reinterpret_cast<std::uintptr_t>(data);
  const auto begin = (address + kPage - 1) / kPage * kPage;
  const auto end = (address + bytes) / kPage * kPage;
  // The aligned start is reached from `data` itself rather than made from an integer.
  if (end > begin)
    madvise(static_cast<char*>(data) + (begin - address), end - begin, MADV_HUGEPAGE);
#endif
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

// Reads every provider's rows into one TrackerData, grouped by provider. Each table is read in one
// sequential pass and its rows are written straight into their provider's run of the table's
// vector: the runs are sized first from per-provider counts, and the gaps left by rows the date
// filter drops are closed at the end. The applicants, by far the largest table, may be read by two
// connections at once, one from each end of the id range (see load_applicants).
class TeamLoader {
 public:
  // `helper`, when given, is a second reader whose read transaction sees the same state.
  TeamLoader(Connection& connection, Connection* helper, std::optional<Date> up_to,
             std::size_t parallel_rows)
      : connection_(connection), helper_(helper), up_to_(up_to), parallel_rows_(parallel_rows) {}

  TrackerData load() {
    auto& providers =
        connection_.statement("SELECT id, name, created_on FROM providers ORDER BY id");
    while (providers.executeStep()) {
      team_.providers.push_back(
          Provider{.id = providers.getColumn(0).getInt64(),
                   .name = std::string(sql::read_text(providers.getColumn(1))),
                   .created_on = sql::read_date(providers.getColumn(2))});
    }
    Runs services, sources, vacancies, spend, headcounts, applicants;
    load_table(team_.services, {}, services);
    load_table(team_.sources, {}, sources);
    load_table(team_.vacancies, {}, vacancies);
    for (Vacancy& vacancy : team_.vacancies) vacancy.advert_text.reset();
    load_table(team_.spend, "spent_on", spend);
    load_table(team_.headcounts, "taken_on", headcounts);
    load_applicants(applicants);
    return std::move(team_);
  }

 private:
  // Where each provider's rows start in a table's vector, and how many there are.
  struct Runs {
    std::vector<std::size_t> start, size;
  };

  // A table read of rows up to `up_to_` by their date column (all rows without one).
  static std::string where_dated(std::string_view date_column) {
    return date_column.empty() ? std::string(" WHERE 1")
                               : " WHERE (?1 IS NULL OR " + std::string(date_column) + " <= ?1)";
  }

  // Sizes `rows` for every provider's run from `count_sql`'s (provider_id, count) rows, which
  // may overcount: close_gaps() trims the runs to what was placed.
  template <class T>
  void size_runs(std::vector<T>& rows, const std::string& count_sql, Runs& runs) {
    runs.start.assign(team_.providers.size(), 0);
    runs.size.assign(team_.providers.size(), 0);
    auto& counts = connection_.statement(count_sql);
    if (counts.getBindParameterCount() > 0) sql::bind(counts, 1, up_to_);
    std::size_t last = 0;
    while (counts.executeStep()) {
      runs.size[position_of(team_.providers, counts.getColumn(0).getInt64(), last)] =
          static_cast<std::size_t>(counts.getColumn(1).getInt64());
    }
    std::size_t total = 0;
    for (std::size_t p = 0; p < runs.size.size(); ++p) {
      runs.start[p] = total;
      total += runs.size[p];
    }
    rows.reserve(total);
    prefer_huge_pages(rows.data(), total * sizeof(T));
    rows.resize(total);
  }

  // Makes the runs contiguous again. Provider p's rows were placed in [start[p], front[p]) and
  // in [back[p], start[p] + size[p]); whatever lies between was not filled.
  template <class T>
  static void close_gaps(std::vector<T>& rows, const std::vector<std::size_t>& front,
                         const std::vector<std::size_t>& back, Runs& runs) {
    const auto at = [&](std::size_t i) { return rows.begin() + static_cast<std::ptrdiff_t>(i); };
    std::size_t end = 0;
    for (std::size_t p = 0; p < runs.start.size(); ++p) {
      const std::size_t run_end = runs.start[p] + runs.size[p];
      std::size_t placed_end = front[p];
      if (back[p] != front[p]) {
        std::move(at(back[p]), at(run_end), at(placed_end));
      }
      placed_end += run_end - back[p];
      if (runs.start[p] != end) std::move(at(runs.start[p]), at(placed_end), at(end));
      runs.size[p] = placed_end - runs.start[p];
      runs.start[p] = end;
      end += runs.size[p];
    }
    rows.resize(end);
  }

  template <class T>
  void load_table(std::vector<T>& rows, std::string_view date_column, Runs& runs) {
    const std::string from =
        " FROM " + std::string(records::Table<T>::kTable) + where_dated(date_column);
    size_runs(rows, "SELECT provider_id, count(*)" + from + " GROUP BY provider_id", runs);
    std::vector<std::size_t> front = runs.start;
    auto& statement = connection_.statement(
        "SELECT id, " + records::join(records::Table<T>::kColumns) + from + " ORDER BY id");
    if (!date_column.empty()) sql::bind(statement, 1, up_to_);
    std::size_t last = 0;
    while (statement.executeStep()) {
      T row = records::Table<T>::read(statement);
      rows[front[position_of(team_.providers, row.provider_id, last)]++] = std::move(row);
    }
    std::vector<std::size_t> back(runs.start.size());
    for (std::size_t p = 0; p < back.size(); ++p) back[p] = runs.start[p] + runs.size[p];
    close_gaps(rows, front, back, runs);
  }

  // Reads the applicants with ids in (low, high], placing each at next[p] of its provider:
  // ascending, moving forward from the start of each run, or descending, moving back from its
  // end. Runs on `connection`'s own thread; touches only the slots it places.
  void read_applicants(Connection& connection, Id low, Id high, bool ascending,
                       std::vector<std::size_t>& next) {
    auto& statement = connection.statement(
        "SELECT id, provider_id, source_id, vacancy_id, service_id, applied_on, interviewed_on, "
        "offered_on, started_on, left_on, outcome, prior_sector FROM applicants "
        "WHERE id > ?2 AND id <= ?3 AND (?1 IS NULL OR applied_on <= ?1) ORDER BY id" +
        std::string(ascending ? "" : " DESC"));
    sql::bind(statement, 1, up_to_);
    statement.bind(2, static_cast<std::int64_t>(low));
    statement.bind(3, static_cast<std::int64_t>(high));
    if (!statement.executeStep()) return;
    // Columns made once and read row after row: each getColumn() copies a shared pointer, which
    // over a million rows and a dozen columns costs more than the reading itself.
    const SQLite::Column id = statement.getColumn(0), provider = statement.getColumn(1),
                         source = statement.getColumn(2), vacancy = statement.getColumn(3),
                         service = statement.getColumn(4), applied = statement.getColumn(5),
                         interviewed = statement.getColumn(6), offered = statement.getColumn(7),
                         started = statement.getColumn(8), left = statement.getColumn(9),
                         outcome = statement.getColumn(10), prior_sector = statement.getColumn(11);
    std::size_t last = 0;
    do {
      std::size_t& slot = next[position_of(team_.providers, provider.getInt64(), last)];
      Applicant& a = team_.applicants[ascending ? slot++ : --slot];
      a.id = id.getInt64();
      a.provider_id = provider.getInt64();
      a.source_id = source.getInt64();
      a.vacancy_id = sql::read_optional_id(vacancy);
      a.service_id = sql::read_optional_id(service);
      a.applied_on = sql::read_date(applied);
      a.interviewed_on = sql::read_optional_date(interviewed);
      a.offered_on = sql::read_optional_date(offered);
      a.started_on = sql::read_optional_date(started);
      a.left_on = sql::read_optional_date(left);
      a.outcome = sql::read_outcome(outcome);
      if (prior_sector.getBytes() > 0) a.prior_sector = std::string(sql::read_text(prior_sector));
    } while (statement.executeStep());
  }

  // The largest table, so read in halves when a helper connection is at hand: this connection
  // reads the lower ids forwards while the helper, on its own thread, reads the upper ids
  // backwards, each filling its end of every provider's run.
  void load_applicants(Runs& runs) {
    // Counted over the index on provider_id, much cheaper than counting what the date filter
    // keeps; the few applicants after up_to leave gaps that are closed at the end.
    size_runs(team_.applicants, "SELECT provider_id, count(*) FROM applicants GROUP BY provider_id",
              runs);
    std::vector<std::size_t> front = runs.start;
    std::vector<std::size_t> back(runs.start.size());
    for (std::size_t p = 0; p < back.size(); ++p) back[p] = runs.start[p] + runs.size[p];
    auto& bounds =
        connection_.statement("SELECT ifnull(min(id), 0), ifnull(max(id), 0) FROM applicants");
    bounds.executeStep();
    const Id low = bounds.getColumn(0).getInt64() - 1;
    const Id high = bounds.getColumn(1).getInt64();
    if (helper_ == nullptr || team_.applicants.size() < parallel_rows_) {
      read_applicants(connection_, low, high, true, front);
    } else {
      const Id middle = low + (high - low) / 2;
      std::exception_ptr failure;
      std::thread upper([&] {
        try {
          read_applicants(*helper_, middle, high, false, back);
        } catch (...) {
          failure = std::current_exception();
        }
      });
      try {
        read_applicants(connection_, low, middle, true, front);
      } catch (...) {
        upper.join();
        throw;
      }
      upper.join();
      if (failure) std::rethrow_exception(failure);
    }
    close_gaps(team_.applicants, front, back, runs);
  }

  Connection& connection_;
  Connection* helper_;
  std::optional<Date> up_to_;
  std::size_t parallel_rows_;  // below this many applicants a second thread is not worth it
  TrackerData team_;
};

}  // namespace

TrackerData Store::load_tracker_data(Id provider, std::optional<Date> up_to) const {
  return impl_->read(
      [&](Connection& connection) { return load_provider(connection, provider, up_to); });
}

TrackerData Store::load_team_data(std::optional<Date> up_to) const {
  auto lease = impl_->pool.read();
  ConnectionPool::ReadLease helper(impl_->pool, std::try_to_lock);  // none free: one thread
  const StatementReset reset{*lease};
  std::optional<StatementReset> helper_reset;
  SQLite::Transaction transaction(lease->db(), SQLite::TransactionBehavior::DEFERRED);
  std::optional<SQLite::Transaction> helper_transaction;
  {
    // Both read transactions take their snapshot (at their first read) while no write of this
    // process can commit, so the two halves of the applicants come from the same state.
    auto writer = impl_->pool.write();
    lease->db().execAndGet("SELECT count(*) FROM providers");
    if (helper) {
      helper_reset.emplace(StatementReset{*helper});
      helper_transaction.emplace(helper->db(), SQLite::TransactionBehavior::DEFERRED);
      helper->db().execAndGet("SELECT count(*) FROM providers");
    }
  }
  TrackerData team =
      TeamLoader(*lease, helper ? &*helper : nullptr, up_to, impl_->options.parallel_team_rows)
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
    // Someone who never started, last heard of before the cutoff: their last recorded date is the
    // latest of the stage dates and the outcome date (max() of text dates; '' for a missing one).
    auto& statement = connection.statement(
        "UPDATE applicants SET reference = NULL, outcome_reason = '' "
        "WHERE reference IS NOT NULL AND started_on IS NULL "
        "AND max(applied_on, ifnull(interviewed_on, ''), ifnull(offered_on, ''), "
        "ifnull(outcome_on, '')) < ?1 "
        "AND (?2 IS NULL OR provider_id = ?2)");
    sql::bind(statement, 1, cutoff);
    sql::bind(statement, 2, provider);
    return PurgeSummary{.applicants = static_cast<std::size_t>(statement.exec())};
  });
}

}  // namespace caretoolkit::tracker
