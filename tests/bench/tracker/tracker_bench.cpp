// The tracker benchmark. Generates a year and a half of recruitment for many providers (by default
// 1,000 providers and 1,000,000 applicants with their stage dates, spend and monthly headcounts),
// then measures and prints:
//   1. import throughput of one applicants CSV holding every row, beside the database's own bulk
//      load of the same file into a plain table (the ratio of the medians over several rounds:
//      target at least 0.5): the sqlite3 command-line tool's `.import`, or psql's `\copy`;
//   2. the realistic case: each provider importing its own three files (one commit per file);
//   3. one provider's ROI report (load + compute): median and p99 over 100 providers (target
//      under 5 ms);
//   4. the team KPIs over all the data (load + compute; target under 500 ms).
// The data is deterministic for a given seed. Usage:
//   bench_tracker [--providers N] [--applicants-per-provider N] [--dir DIR] [--seed N]
//                 [--rounds N] [--reports-only | --import-only] [--postgresql URI]
// DIR defaults to caretoolkit-bench-tracker in the system's temporary folder. Phase 1 runs
// --rounds times (default 3), the database's tool and caretoolkit in turn, and reports the
// medians. --reports-only skips generating and importing and times the reports (3 and 4) on the
// store an earlier run left behind; --import-only stops after the import against the tool (1):
// quicker loops while working on one or the other. With --postgresql, the stores are databases
// made (and remade) on the PostgreSQL server that URI reaches, as a user allowed to create
// databases; run.sh --postgresql starts a throwaway one.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "metrics/roi.hpp"
#include "metrics/store_view.hpp"
#include "metrics/team.hpp"
#include "pg/connection.hpp"
#include "team_kpis.hpp"
#include "tracker/csv.hpp"
#include "tracker/store.hpp"

namespace {

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using Clock = std::chrono::steady_clock;

const Date kToday = *Date::parse("2026-06-30");
const Date kFirstDay = *Date::parse("2024-07-01");
const Date kLastDay = *Date::parse("2025-12-31");

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
double ms_since(Clock::time_point start) {
  return seconds_since(start) * 1000.0;
}

// CPU seconds (user + system) used so far by this process, or by its finished children. The
// machine the benchmark runs on may be shared, so each phase reports CPU time beside wall time:
// it moves much less with the load from other work.
double cpu_seconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Wall and CPU time of one phase.
double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

struct Stopwatch {
  int who = RUSAGE_SELF;
  Clock::time_point wall = Clock::now();
  double cpu = cpu_seconds(who);

  double wall_seconds() const { return seconds_since(wall); }
  double cpu_used() const { return cpu_seconds(who) - cpu; }
};

// A source as the generator sees it: how it converts and how long its hires stay.
struct SourceProfile {
  const char* name;
  const char* channel;
  double interview;  // of applicants
  double offer;      // of those interviewed
  double start;      // of those offered
  double mean_stay_days;
  int monthly_spend_pounds;
};

constexpr SourceProfile kSources[] = {
    {"Indeed", "job_board", 0.25, 0.45, 0.75, 420, 450},
    {"Totaljobs", "job_board", 0.22, 0.40, 0.70, 380, 300},
    {"Facebook", "social_media", 0.30, 0.45, 0.75, 450, 150},
    {"Refer a friend", "staff_referral", 0.70, 0.70, 0.90, 900, 100},
    {"Jobcentre Plus", "jobcentre_plus", 0.35, 0.40, 0.70, 500, 0},
    {"Careers fair", "careers_event", 0.45, 0.50, 0.80, 650, 80},
    {"Own website", "own_website", 0.50, 0.55, 0.85, 700, 40},
};
constexpr const char* kServices[] = {"Home care", "Supported living"};
constexpr const char* kRoles[] = {"Care worker", "Senior care worker", "Night carer"};

struct ProviderFiles {
  std::string applicants, spend, headcount;
};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  // One provider's three files; references carry the provider's number so that every row of
  // every provider can also be imported as one file.
  ProviderFiles provider(int number, int applicants) {
    ProviderFiles files;
    CsvWriter out(files.applicants);
    for (const char* column :
         {"reference", "source", "channel", "vacancy", "service", "applied_on", "interviewed_on",
          "offered_on", "started_on", "left_on", "left_reason", "outcome"}) {
      out.cell(column);
    }
    out.end_row();
    const int span_days = static_cast<int>(days_between(kFirstDay, kLastDay));
    int staff_leavers = 0;
    for (int i = 0; i < applicants; ++i) {
      const SourceProfile& source = kSources[pick(std::size(kSources))];
      const Date applied = kFirstDay.plus_days(uniform(0, span_days));
      std::optional<Date> interviewed, offered, started, left;
      std::string outcome;
      if (chance(source.interview)) {
        interviewed = applied.plus_days(uniform(2, 14));
        if (chance(source.offer)) {
          offered = interviewed->plus_days(uniform(1, 7));
          if (chance(source.start)) {
            started = offered->plus_days(uniform(7, 35));
            const auto stay = static_cast<std::int64_t>(
                std::exponential_distribution<double>(1.0 / source.mean_stay_days)(random_));
            if (started->plus_days(stay) < kToday) {
              left = started->plus_days(stay);
              ++staff_leavers;
            }
          } else {
            outcome = chance(0.7) ? "withdrawn" : "rejected";
          }
        } else {
          outcome = chance(0.4) ? "withdrawn" : "rejected";
        }
      } else if (days_between(applied, kLastDay) > 30) {
        outcome = chance(0.3) ? "withdrawn" : "rejected";
      }
      if (started && started > kToday) started.reset(), left.reset();
      char reference[32];
      std::snprintf(reference, sizeof reference, "P%04d-A%06d", number, i + 1);
      out.cell(reference);
      out.cell(source.name);
      out.cell(source.channel);
      out.cell(kRoles[pick(std::size(kRoles))]);
      out.cell(kServices[pick(std::size(kServices))]);
      out.cell(applied.to_string());
      out.cell(interviewed ? interviewed->to_string() : "");
      out.cell(offered ? offered->to_string() : "");
      out.cell(started ? started->to_string() : "");
      out.cell(left ? left->to_string() : "");
      out.cell(left ? (chance(0.5) ? "Pay" : "Travel time") : "");
      out.cell(started ? "" : outcome);
      out.end_row();
    }

    CsvWriter spend(files.spend);
    for (const char* column : {"source", "date", "amount", "note"}) spend.cell(column);
    spend.end_row();
    CsvWriter headcount(files.headcount);
    for (const char* column : {"date", "service", "staff", "vacancies", "leavers"}) {
      headcount.cell(column);
    }
    headcount.end_row();
    int staff = 30 + uniform(0, 60);
    for (Date month = kFirstDay; month <= kLastDay; month = month.plus_days(32).first_of_month()) {
      for (const SourceProfile& source : kSources) {
        if (source.monthly_spend_pounds == 0) continue;
        spend.cell(source.name);
        spend.cell(month.to_string());
        spend.cell(std::to_string(source.monthly_spend_pounds + uniform(0, 100)) + ".00");
        spend.cell("");
        spend.end_row();
      }
      for (const char* service : kServices) {
        staff = std::max(5, staff + uniform(-3, 3));
        headcount.cell(month.plus_days(27).to_string());
        headcount.cell(service);
        headcount.cell(std::to_string(staff));
        headcount.cell(std::to_string(uniform(0, 8)));
        headcount.cell(std::to_string(staff * uniform(15, 45) / 100));
        headcount.end_row();
      }
    }
    return files;
  }

 private:
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  std::size_t pick(std::size_t count) {
    return static_cast<std::size_t>(uniform(0, static_cast<int>(count) - 1));
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }

  std::mt19937_64 random_;
};

StoreOptions bench_options() {
  StoreOptions options;
  options.today = [] { return kToday; };
  return options;
}

// Where the benchmark keeps its stores, and the database's own bulk load to compare with.
class Target {
 public:
  virtual ~Target() = default;
  // A new, empty store named `name` (what was there before removed); its location for Store.
  virtual std::string fresh(const std::string& name) = 0;
  // The location of the store named `name` as an earlier run left it.
  virtual std::string existing(const std::string& name) = 0;
  virtual void remove(const std::string& name) = 0;
  // The shell command that bulk-loads `csv` into a plain table of a new store named `name`.
  virtual std::string bulk_load(const std::filesystem::path& csv, const std::string& name) = 0;
  virtual const char* tool() const = 0;  // "sqlite3 .import"
  // The shell command that stores `csv`'s rows for `provider` of the store at `location` straight
  // into its applicants table, with the database's own tools and no checks of ours: what the
  // database alone needs to keep these rows under the schema's indexes, CHECKs and foreign keys.
  // The store must already hold every source, service and vacancy the file names. Empty where the
  // benchmark has no such load.
  virtual std::string schema_load(const std::filesystem::path& /*csv*/,
                                  const std::string& /*location*/, Id /*provider*/) {
    return {};
  }
};

class SqliteTarget final : public Target {
 public:
  explicit SqliteTarget(std::filesystem::path dir) : dir_(std::move(dir)) {}
  std::string fresh(const std::string& name) override {
    remove(name);
    return existing(name);
  }
  std::string existing(const std::string& name) override { return (dir_ / name).string() + ".db"; }
  void remove(const std::string& name) override {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(existing(name) + suffix);
    }
  }
  std::string bulk_load(const std::filesystem::path& csv, const std::string& name) override {
    return "sqlite3 '" + fresh(name) + "' '.mode csv' '.import " + csv.string() + " applicants'";
  }
  const char* tool() const override { return "sqlite3 .import"; }

 private:
  std::filesystem::path dir_;
};

class PostgresqlTarget final : public Target {
 public:
  explicit PostgresqlTarget(std::string uri) : uri_(std::move(uri)) {}
  std::string fresh(const std::string& name) override {
    remove(name);
    pg::Connection admin(uri_);
    admin.exec("CREATE DATABASE " + admin.quote_identifier(database(name)));
    return existing(name);
  }
  std::string existing(const std::string& name) override {
    return pg::with_database(uri_, database(name));
  }
  void remove(const std::string& name) override {
    pg::Connection admin(uri_);
    admin.exec("DROP DATABASE IF EXISTS " + admin.quote_identifier(database(name)) +
               " WITH (FORCE)");
  }
  std::string bulk_load(const std::filesystem::path& csv, const std::string& name) override {
    // A text column for each of the file's, named as its header names them.
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    std::string columns;
    std::size_t start = 0;
    while (start <= header.size()) {
      const std::size_t end = std::min(header.find(',', start), header.size());
      columns += (columns.empty() ? "" : ", ") + header.substr(start, end - start) + " text";
      start = end + 1;
    }
    return "psql -q '" + fresh(name) + "' -c 'CREATE TABLE applicants (" + columns +
           ")' -c \"\\copy applicants FROM '" + csv.string() + "' WITH (FORMAT csv, HEADER)\"";
  }
  const char* tool() const override { return "psql \\copy"; }

  // The file into a temporary table with \copy; then one INSERT that finds each row's ids by name
  // and fills outcome_on as the store does (the last stage reached); then COMMIT, which checks
  // the foreign keys.
  std::string schema_load(const std::filesystem::path& csv, const std::string& location,
                          Id provider) override {
    const std::string p = std::to_string(provider);
    const auto date = [](const char* column) {
      return std::string("nullif(r.") + column + ", '')::date";
    };
    const std::string sql =
        "BEGIN;\n"
        "CREATE TEMPORARY TABLE raw (reference text, source text, channel text, vacancy text, "
        "service text, applied_on text, interviewed_on text, offered_on text, started_on text, "
        "left_on text, left_reason text, outcome text) ON COMMIT DROP;\n"
        "\\copy raw FROM '" +
        csv.string() +
        "' WITH (FORMAT csv, HEADER)\n"
        "INSERT INTO applicants (provider_id, reference, source_id, vacancy_id, service_id, "
        "applied_on, interviewed_on, offered_on, started_on, left_on, left_reason, outcome, "
        "outcome_on) SELECT " +
        p + ", r.reference, s.id, v.id, sv.id, " + date("applied_on") + ", " +
        date("interviewed_on") + ", " + date("offered_on") + ", " + date("started_on") + ", " +
        date("left_on") +
        ", coalesce(r.left_reason, ''), nullif(r.outcome, ''), "
        "CASE WHEN r.outcome <> '' THEN greatest(" +
        date("applied_on") + ", " + date("interviewed_on") + ", " + date("offered_on") +
        ") END "
        "FROM raw r JOIN sources s ON s.provider_id = " +
        p +
        " AND s.name = r.source "
        "LEFT JOIN services sv ON sv.provider_id = " +
        p +
        " AND sv.name = r.service "
        "LEFT JOIN (SELECT DISTINCT ON (role, service_id) id, role, service_id FROM vacancies "
        "WHERE provider_id = " +
        p +
        " ORDER BY role, service_id, id) v "
        "ON v.role = r.vacancy AND v.service_id IS NOT DISTINCT FROM sv.id;\n"
        "COMMIT;\n";
    const std::filesystem::path script = csv.parent_path() / "schema_load.sql";
    std::ofstream(script) << sql;
    return "psql -q -v ON_ERROR_STOP=1 '" + location + "' -f '" + script.string() + "'";
  }

 private:
  static std::string database(const std::string& name) { return "bench_" + name; }
  std::string uri_;
};

struct Options {
  int providers = 1000;
  int per_provider = 1000;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "caretoolkit-bench-tracker";
  int rounds = 3;
  unsigned seed = 20250701;
  bool reports_only = false;
  bool import_only = false;
  std::string postgresql;  // the server's URI; empty: SQLite files in dir
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--reports-only" || flag == "--import-only") {
      (flag == "--reports-only" ? options.reports_only : options.import_only) = true;
      --i;
      continue;
    }
    if (i + 1 == argc) {
      std::cerr << "option " << flag << " needs a value\n";
      std::exit(2);
    }
    if (flag == "--providers")
      options.providers = std::atoi(argv[i + 1]);
    else if (flag == "--applicants-per-provider")
      options.per_provider = std::atoi(argv[i + 1]);
    else if (flag == "--dir")
      options.dir = argv[i + 1];
    else if (flag == "--rounds")
      options.rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--seed")
      options.seed = static_cast<unsigned>(std::atol(argv[i + 1]));
    else if (flag == "--postgresql")
      options.postgresql = argv[i + 1];
    else {
      std::cerr << "unknown option " << flag << "\n";
      std::exit(2);
    }
  }
  return options;
}

// Phases 1 and 2; leaves every provider's data in the store "tracker" and returns the providers'
// ids.
// Where the target has one, times the database's own load of the file into the applicants table
// (Target::schema_load) and prints it beside caretoolkit's import (`our_wall` seconds). The store
// is prepared by importing the file's first rows, which makes every name, and deleting them.
void time_schema_load(Target& target, const std::filesystem::path& csv, std::string_view text,
                      double our_wall) {
  const std::string location = target.fresh("schema");
  Id provider = 0;
  {
    Store store(location, bench_options());
    provider = store.providers().create("Everyone at once").id;
    std::size_t end = 0;
    for (int line = 0; line <= 2000 && end != std::string_view::npos; ++line) {
      end = text.find('\n', end + 1);
    }
    store.import_applicants_csv(provider,
                                text.substr(0, end == std::string_view::npos ? end : end + 1));
  }
  const std::string command = target.schema_load(csv, location, provider);
  if (command.empty()) {
    target.remove("schema");
    return;
  }
  pg::Connection(location).exec("DELETE FROM applicants");
  const Stopwatch clock{RUSAGE_CHILDREN};
  const bool ok = std::system(command.c_str()) == 0;
  const double wall = clock.wall_seconds();
  const auto stored = pg::Connection(location).exec("SELECT count(*) FROM applicants");
  std::printf(
      "the database alone storing the same rows in the applicants table (\\copy into a temporary "
      "table, one INSERT, COMMIT): %s%.2f s, %lld rows; caretoolkit import against it: %.2f\n",
      ok ? "" : "FAILED ", wall, static_cast<long long>(stored.single().get<std::int64_t>(0)),
      wall / our_wall);
  target.remove("schema");
}

std::vector<Id> generate_and_import(const Options& options, Target& target) {
  const std::size_t total_rows =
      static_cast<std::size_t>(options.providers) * static_cast<std::size_t>(options.per_provider);
  // Generate -----------------------------------------------------------------------------------
  auto start = Clock::now();
  Generator generator(options.seed);
  std::vector<ProviderFiles> files;
  files.reserve(static_cast<std::size_t>(options.providers));
  std::string all_applicants;
  for (int p = 1; p <= options.providers; ++p) {
    files.push_back(generator.provider(p, options.per_provider));
    const std::string& csv = files.back().applicants;
    all_applicants +=
        p == 1 ? std::string_view(csv) : std::string_view(csv).substr(csv.find('\n') + 1);
  }
  const auto csv_path = options.dir / "applicants.csv";
  std::ofstream(csv_path, std::ios::binary) << all_applicants;
  std::printf("generated in %.1f s; applicants.csv is %.1f MB\n", seconds_since(start),
              static_cast<double>(all_applicants.size()) / 1e6);

  // 1. One file with every row, against the database's own bulk load ---------------------------
  // The two take turns, round after round, so that a slow spell of a shared machine lands on
  // both; the ratio is judged on the medians.
  std::vector<double> tool_walls, tool_cpus, our_walls, our_cpus;
  bool tool_ok = true;
  for (int round = 1; round <= options.rounds; ++round) {
    const std::string command = target.bulk_load(csv_path, "plain");
    const Stopwatch tool_clock{RUSAGE_CHILDREN};
    tool_ok = tool_ok && std::system(command.c_str()) == 0;
    tool_walls.push_back(tool_clock.wall_seconds());
    tool_cpus.push_back(tool_clock.cpu_used());

    Store store(target.fresh("bulk"), bench_options());
    const Id provider = store.providers().create("Everyone at once").id;
    const Stopwatch clock;
    const ImportSummary summary = store.import_applicants_csv(provider, all_applicants);
    our_walls.push_back(clock.wall_seconds());
    our_cpus.push_back(clock.cpu_used());
    std::printf(
        "round %d: %s into a plain table %.2f s (%.2f s CPU); caretoolkit import "
        "%.2f s (%.2f s CPU), %zu rows; ratio %.2f\n",
        round, target.tool(), tool_walls.back(), tool_cpus.back(), our_walls.back(),
        our_cpus.back(), summary.rows, tool_walls.back() / our_walls.back());
    if (round < options.rounds) continue;
    const Stopwatch again;
    store.import_applicants_csv(provider, all_applicants);
    std::printf(
        "importing it again (every row found by reference, none changed): %.2f s (%.2f s CPU)\n",
        again.wall_seconds(), again.cpu_used());
  }
  const auto rows = static_cast<double>(total_rows);
  time_schema_load(target, csv_path, all_applicants, median(our_walls));
  if (!tool_ok) {
    std::printf("%s failed (is the tool installed?)\n", target.tool());
  } else {
    std::printf("%s, median of %d: %.2f s (%.2f s CPU), %.0f rows/s\n", target.tool(),
                options.rounds, median(tool_walls), median(tool_cpus), rows / median(tool_walls));
  }
  std::printf("caretoolkit import, median of %d: %.2f s (%.2f s CPU), %.0f rows/s\n",
              options.rounds, median(our_walls), median(our_cpus), rows / median(our_walls));
  if (tool_ok) {
    std::printf(
        "speed against %s (medians): %.2f by wall time, %.2f by CPU time (target >= 0.50)\n",
        target.tool(), median(tool_walls) / median(our_walls),
        median(tool_cpus) / median(our_cpus));
  }
  target.remove("bulk");
  target.remove("plain");
  if (options.import_only) return {};

  // 2. Each provider its own files
  // -----------------------------------------------------------------
  Store store(target.fresh("tracker"), bench_options());
  start = Clock::now();
  std::vector<Id> providers;
  for (int p = 0; p < options.providers; ++p) {
    const Id provider = store.providers().create("Provider " + std::to_string(p + 1)).id;
    providers.push_back(provider);
    store.import_applicants_csv(provider, files[static_cast<std::size_t>(p)].applicants);
    store.import_spend_csv(provider, files[static_cast<std::size_t>(p)].spend);
    store.import_headcount_csv(provider, files[static_cast<std::size_t>(p)].headcount);
  }
  const double per_provider_seconds = seconds_since(start);
  std::printf(
      "per-provider imports (3 files each, one commit per file): %.1f s, %.0f applicant rows/s\n",
      per_provider_seconds, static_cast<double>(total_rows) / per_provider_seconds);
  files.clear();
  all_applicants.clear();
  return providers;
}

// Phases 3 and 4, on the data in the store at `location`; `ids` are the providers to sample, or
// empty for all.
void time_reports(const std::string& location, const std::vector<Id>& ids) {
  // 3. One provider's ROI report ----------------------------------------------------------------
  Store store(location, bench_options());
  std::vector<Id> providers = ids;
  if (providers.empty()) {
    for (PageRequest page{.limit = 1000, .cursor = {}};;) {
      auto listed = store.providers().list(page);
      for (const Provider& provider : listed.items) providers.push_back(provider.id);
      if (listed.next_cursor.empty()) break;
      page.cursor = listed.next_cursor;
    }
  }
  const metrics::ReportOptions report{.from = *Date::parse("2025-01-01"),
                                      .to = *Date::parse("2025-12-31"),
                                      .as_of = kToday,
                                      .by = metrics::Grouping::kSource};
  std::vector<double> load_ms, total_ms;
  const std::size_t samples = std::min<std::size_t>(100, providers.size());
  for (std::size_t i = 0; i < samples; ++i) {
    const Id provider = providers[i * providers.size() / samples];
    const auto t0 = Clock::now();
    const TrackerData data = store.load_tracker_data(provider, kToday);
    load_ms.push_back(ms_since(t0));
    const metrics::RoiReport roi = metrics::roi_report(metrics::view_of(data), report);
    total_ms.push_back(ms_since(t0));
    if (roi.groups.empty()) std::printf("(empty report)\n");
  }
  const auto percentile = [](std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::max<std::size_t>(rank, 1) - 1];
  };
  std::printf(
      "one provider's ROI report by source (load + compute, %zu providers): median %.2f ms, "
      "p99 %.2f ms (target < 5 ms); loading alone: median %.2f ms\n",
      samples, percentile(total_ms, 0.5), percentile(total_ms, 0.99), percentile(load_ms, 0.5));

  // 4. Team KPIs over everything ----------------------------------------------------------------
  for (int run = 0; run < 3; ++run) {
    const Stopwatch clock;
    const metrics::TeamKpis kpis = server::team_kpis_from_store(store, report);
    std::printf(
        "team KPIs over every provider (run %d): %.0f ms (%.0f ms CPU) (target < 500 ms); "
        "%lld applicants, %lld starters\n",
        run + 1, clock.wall_seconds() * 1000, clock.cpu_used() * 1000,
        static_cast<long long>(kpis.applicants.figure.value.value_or(-1)),
        static_cast<long long>(kpis.starters.figure.value.value_or(-1)));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is known
  const Options options = parse(argc, argv);
  std::filesystem::create_directories(options.dir);
  std::unique_ptr<Target> target;
  if (options.postgresql.empty()) {
    target = std::make_unique<SqliteTarget>(options.dir);
  } else {
    target = std::make_unique<PostgresqlTarget>(options.postgresql);
  }
  if (options.reports_only) {
    const std::string location = target->existing("tracker");
    if (options.postgresql.empty() && !std::filesystem::exists(location)) {
      std::cerr << location << " does not exist: run once without --reports-only first\n";
      return 2;
    }
    std::printf("tracker benchmark: reports on %s\n", location.c_str());
    time_reports(location, {});
    return 0;
  }
  std::printf(
      "tracker benchmark: %d providers x %d applicants = %zu applicants (seed %u), on %s\n",
      options.providers, options.per_provider,
      static_cast<std::size_t>(options.providers) * static_cast<std::size_t>(options.per_provider),
      options.seed, options.postgresql.empty() ? "SQLite" : "PostgreSQL");
  const std::vector<Id> providers = generate_and_import(options, *target);
  if (!options.import_only) time_reports(target->existing("tracker"), providers);
  return 0;
}
