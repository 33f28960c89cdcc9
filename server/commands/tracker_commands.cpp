// The tracker's command line: providers, CSV import and export, reports and purge, all on one
// SQLite file (--db, default ./data/caretoolkit.db; its folder is created when missing).
//
//   caretoolkit provider add NAME | provider list
//   caretoolkit import applicants|spend|headcount --provider ID [--accept-changes] FILE
//   caretoolkit export applicants|spend|headcount --provider ID [--output FILE]
//   caretoolkit report funnel|roi|retention|workforce --provider ID
//                      [--from D --to D --as-of D --by source|channel|service|vacancy|month]
//                      [--replacement-cost POUNDS] [--json|--csv]
//   caretoolkit report team [same period options] [--json|--csv]
//   caretoolkit purge [--older-than-days N] [--provider ID]
//
// Reports print as a readable table by default: one column per group, one line per figure,
// money in pounds and rates as percentages; --json and --csv print the metrics module's forms.
#include <CLI/CLI.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "database.hpp"
#include "metrics/funnel.hpp"
#include "metrics/report_csv.hpp"
#include "metrics/report_json.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/store_view.hpp"
#include "metrics/team.hpp"
#include "metrics/workforce.hpp"
#include "team_kpis.hpp"
#include "tracker/csv.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

namespace {

using tracker::Id;

void add_db_option(CLI::App* command, std::string& database) {
  command->add_option("--db", database, "SQLite database file (created if missing)")
      ->capture_default_str();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + path, "FILE");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// Providers --------------------------------------------------------------------------------------

void add_provider_commands(CLI::App& app) {
  auto database = std::make_shared<std::string>(kDefaultDatabase);
  auto name = std::make_shared<std::string>();
  CLI::App* provider = app.add_subcommand("provider", "Member providers (care organisations)");
  provider->require_subcommand(1);

  CLI::App* add = provider->add_subcommand("add", "Add a provider and print its id");
  add->add_option("NAME", *name, "The provider's name")->required();
  add_db_option(add, *database);
  add->callback([database, name] {
    const auto store = server::open_database(*database);
    const tracker::Provider created = store->create_provider(*name);
    std::cout << "Provider " << created.id << " added: " << created.name << "\n";
  });

  CLI::App* list = provider->add_subcommand("list", "List the providers with their ids");
  add_db_option(list, *database);
  list->callback([database] {
    const auto store = server::open_database(*database);
    tracker::PageRequest page{.limit = tracker::kMaxPageSize, .cursor = {}};
    do {
      const auto result = store->list_providers(page);
      for (const auto& p : result.items) {
        std::cout << p.id << "\t" << p.name << "\t(added " << p.created_on.to_string() << ")\n";
      }
      page.cursor = result.next_cursor;
    } while (!page.cursor.empty());
  });
}

// Import and export ------------------------------------------------------------------------------

struct TransferOptions {
  std::string database = kDefaultDatabase;
  Id provider = 0;
  std::string file;
  std::string output;
  bool accept_changes = false;
};

// A word for a shell command line: double-quoted, with the characters the shell would read
// inside double quotes escaped.
std::string shell_word(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + '"';
}

// How an import's refusals tell the operator to fix things, in this command line's terms.
tracker::ImportRemedies import_remedies(const std::string& database) {
  const std::string db = database == kDefaultDatabase ? "" : " --db " + shell_word(database);
  return {
      .accept_changes = "run the import again with --accept-changes",
      .set_channel = [db](Id provider, const tracker::Source& source, tracker::Channel channel) {
        return "correct the source first: caretoolkit source set-channel --provider " +
               std::to_string(provider) + " " + shell_word(source.name) + " " +
               std::string(tracker::to_string(channel)) + db;
      }};
}

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<TransferOptions>();
  CLI::App* import = app.add_subcommand(
      "import", "Import a CSV file: all rows or, if any is wrong, none (every bad row is listed)");
  import->require_subcommand(1);
  for (const char* form : {"applicants", "spend", "headcount"}) {
    CLI::App* command = import->add_subcommand(form, std::string("Import the ") + form + " form");
    command->add_option("--provider", options->provider, "Provider id")->required();
    command->add_flag(
        "--accept-changes", options->accept_changes,
        "Apply rows that change a stored applicant's source, applied date, or a stage "
        "date or outcome already recorded (without it such a file is refused, "
        "listing them)");
    command->add_option("FILE", options->file, "The CSV file (UTF-8)")
        ->required()
        ->check(CLI::ExistingFile);
    add_db_option(command, options->database);
    command->callback([options, form = std::string(form)] {
      const auto store = server::open_database(options->database);
      const std::string text = read_file(options->file);
      const tracker::ImportOptions import_options{.accept_changes = options->accept_changes,
                                                  .remedies = import_remedies(options->database)};
      const tracker::ImportSummary summary =
          form == "applicants"
              ? store->import_applicants_csv(options->provider, text, import_options)
          : form == "spend" ? store->import_spend_csv(options->provider, text, import_options)
                            : store->import_headcount_csv(options->provider, text, import_options);
      std::cout << "Imported " << options->file << " (" << form << ") for provider "
                << options->provider << ": " << summary.rows << " rows, " << summary.created
                << " added, " << summary.updated << " updated, " << summary.unchanged
                << " already stored" << (summary.removed > 0 ? ", " : "")
                << (summary.removed > 0 ? std::to_string(summary.removed) + " removed" : "")
                << ".\n";
      if (!summary.new_sources.empty()) {
        std::cout << "New sources: " << join(summary.new_sources) << "\n";
      }
      if (!summary.new_services.empty()) {
        std::cout << "New services: " << join(summary.new_services) << "\n";
      }
      if (summary.new_vacancies > 0)
        std::cout << "New vacancies: " << summary.new_vacancies << "\n";
      for (std::string note : tracker::summary_notes(summary)) {
        note.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(note.front())));
        std::cout << note << ".\n";
      }
    });
  }
}

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<TransferOptions>();
  CLI::App* exporting =
      app.add_subcommand("export", "Write a provider's data in the CSV form it imports from");
  exporting->require_subcommand(1);
  for (const char* form : {"applicants", "spend", "headcount"}) {
    CLI::App* command =
        exporting->add_subcommand(form, std::string("Export the ") + form + " form");
    command->add_option("--provider", options->provider, "Provider id")->required();
    command->add_option("-o,--output", options->output, "Write to this file instead of stdout");
    add_db_option(command, options->database);
    command->callback([options, form = std::string(form)] {
      const auto store = server::open_database(options->database);
      const std::string csv = form == "applicants" ? store->export_applicants_csv(options->provider)
                              : form == "spend"    ? store->export_spend_csv(options->provider)
                                                   : store->export_headcount_csv(options->provider);
      if (options->output.empty()) {
        std::cout << csv;
        return;
      }
      std::ofstream out(options->output, std::ios::binary);
      out << csv;
      if (!out) throw Error(ErrorCode::kInvalid, "cannot write " + options->output, "--output");
    });
  }
}

// Reports ----------------------------------------------------------------------------------------

struct ReportCommandOptions {
  std::string database = kDefaultDatabase;
  Id provider = 0;
  std::string from, to, as_of;
  std::string by = "source";
  std::string replacement_cost;
  bool json = false;
  bool csv = false;
};

// The period asked for; by default the twelve months ending today.
metrics::ReportOptions report_options(const ReportCommandOptions& o, bool grouped) {
  metrics::ReportOptions options;
  options.to = o.to.empty() ? Date::today() : Date::parse_or_throw(o.to, "--to");
  options.from =
      o.from.empty() ? options.to.plus_days(-364) : Date::parse_or_throw(o.from, "--from");
  if (!o.as_of.empty()) options.as_of = Date::parse_or_throw(o.as_of, "--as-of");
  if (grouped) {
    const auto by = metrics::parse_grouping(o.by);
    if (!by) {
      throw Error(
          ErrorCode::kInvalid,
          "--by must be source, channel, service, vacancy, month or none, not '" + o.by + "'",
          "--by");
    }
    options.by = *by;
  }
  if (!o.replacement_cost.empty()) {
    const auto cost = parse_pounds(o.replacement_cost);
    if (!cost) {
      throw Error(
          ErrorCode::kInvalid,
          "--replacement-cost must be pounds such as 3600, not '" + o.replacement_cost + "'",
          "--replacement-cost");
    }
    options.replacement_cost = *cost;
  }
  return options;
}

bool is_rate(std::string_view column) {
  for (std::string_view prefix : {"applied_to_", "interviewed_to_", "offered_to_", "retention_",
                                  "survival_", "roi", "turnover", "vacancy_rate"}) {
    if (column.starts_with(prefix) && !column.ends_with("_cost_pence") &&
        column != "turnover_benchmark" && !column.ends_with("_benchmark")) {
      return true;
    }
  }
  return column.ends_with("_benchmark_value");
}

// "£12,097.50": pounds with thousands separators.
std::string pounds(Pence amount) {
  const std::string plain = format_pounds(amount);  // "-12097.50"
  const bool negative = plain.starts_with('-');
  const std::string digits = plain.substr(negative ? 1 : 0, plain.find('.') - (negative ? 1 : 0));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (negative ? "-£" : "£") + grouped + plain.substr(plain.find('.'));
}

// A figure as a person reads it: pounds for pence, percentages for rates, one decimal for other
// fractional numbers, "-" for none; words (labels, dates, "withheld") as they are.
std::string readable(std::string_view column, std::string_view value) {
  if (value.empty()) return "-";
  char* end = nullptr;
  std::string text(value);
  const double number = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return text;
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  if (column.ends_with("_pence")) return pounds(Pence{static_cast<std::int64_t>(number)});
  if (is_rate(column)) {
    out << number * 100 << "%";
  } else if (text.find_first_of(".eE") != std::string::npos) {
    out << number;
  } else {
    return text;
  }
  return out.str();
}

// "cost_per_retained_hire_365_pence" -> "cost per retained hire at 365 days".
std::string heading(std::string_view column) {
  std::string out(column.ends_with("_pence") ? column.substr(0, column.size() - 6) : column);
  for (const std::string_view mark : {"_91", "_182", "_365"}) {
    if (out.ends_with(mark) && !out.starts_with("expected_stayers")) {
      out.replace(out.size() - mark.size(), mark.size(),
                  " at " + std::string(mark.substr(1)) + " days");
    }
  }
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// Turns a report's CSV (one line per group) into a table with one column per group and one line
// per figure, which stays readable however many figures a report has.
std::string readable_table(const std::string& csv) {
  tracker::CsvReader reader(csv);
  tracker::CsvRow row;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(row)) rows.emplace_back(row.cells.begin(), row.cells.begin() + row.size);
  if (rows.empty()) return {};
  const std::vector<std::string>& columns = rows.front();
  const auto label_column =
      std::find(columns.begin(), columns.end(), "group_label") != columns.end()
          ? std::find(columns.begin(), columns.end(), "group_label")
          : std::find(columns.begin(), columns.end(), "group");
  const std::size_t label = static_cast<std::size_t>(label_column - columns.begin());

  std::vector<std::vector<std::string>> table;  // [line][column of the table]
  std::vector<std::string> header{""};
  for (std::size_t r = 1; r < rows.size(); ++r) {
    header.push_back(label < rows[r].size() ? rows[r][label] : "");
  }
  table.push_back(header);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c == label || columns[c] == "group_key") continue;
    std::vector<std::string> line{heading(columns[c])};
    for (std::size_t r = 1; r < rows.size(); ++r) {
      line.push_back(c < rows[r].size() ? readable(columns[c], rows[r][c]) : "");
    }
    table.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& line : table) {
    for (std::size_t c = 0; c < line.size(); ++c) {
      widths[c] = std::max(widths[c], line[c].size() - (line[c].starts_with("£") ? 1 : 0));
    }
  }
  std::string out;
  for (const auto& line : table) {
    for (std::size_t c = 0; c < line.size(); ++c) {
      const std::size_t shown = line[c].size() - (line[c].starts_with("£") ? 1 : 0);
      const std::string pad(widths[c] - shown, ' ');
      out += c == 0 ? line[c] + pad : "  " + pad + line[c];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

template <class Report>
void print_report(const Report& report, const ReportCommandOptions& o, std::string_view title) {
  if (o.json) {
    std::cout << boost::json::serialize(metrics::to_json(report)) << "\n";
  } else if (o.csv) {
    std::cout << metrics::to_csv(report);
  } else {
    const auto& options = report.options;
    std::cout << title << ", " << options.from.to_string() << " to " << options.to.to_string()
              << " (as of " << options.effective_as_of().to_string() << ")";
    if (options.by != metrics::Grouping::kNone)
      std::cout << ", by " << metrics::to_string(options.by);
    std::cout << "\n\n" << readable_table(metrics::to_csv(report));
  }
}

void add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportCommandOptions>();
  CLI::App* report = app.add_subcommand(
      "report", "Recruitment reports for one provider, or the team's KPIs across providers");
  report->require_subcommand(1);
  struct Kind {
    const char* name;
    const char* help;
  };
  for (const Kind kind :
       {Kind{"funnel", "Applicants through each stage, conversion and drop-outs"},
        Kind{"roi", "Spend, cost per hire and per retained hire, ROI by source"},
        Kind{"retention", "Retention at 3, 6 and 12 months and the survival curve"},
        Kind{"workforce", "Turnover and vacancy rates beside the benchmarks"},
        Kind{"team", "KPIs across all providers (no provider named)"}}) {
    const std::string name = kind.name;
    CLI::App* command = report->add_subcommand(name, kind.help);
    if (name != "team") command->add_option("--provider", o->provider, "Provider id")->required();
    command->add_option("--from", o->from, "First day of the period (default: a year before --to)");
    command->add_option("--to", o->to, "Last day of the period (default: today)");
    command->add_option("--as-of", o->as_of,
                        "See the data as it stood on this day (default: --to)");
    if (name == "funnel" || name == "roi" || name == "retention") {
      command
          ->add_option("--by", o->by, "Group by source, channel, service, vacancy, month or none")
          ->capture_default_str();
    }
    if (name == "roi" || name == "workforce") {
      command->add_option("--replacement-cost", o->replacement_cost,
                          "Cost of replacing a leaver in pounds (default 3600)");
    }
    auto* json = command->add_flag("--json", o->json, "Print JSON");
    command->add_flag("--csv", o->csv, "Print CSV")->excludes(json);
    add_db_option(command, o->database);
    command->callback([o, name] {
      const bool grouped = name == "funnel" || name == "roi" || name == "retention";
      const metrics::ReportOptions options = report_options(*o, grouped);
      const auto store = server::open_database(o->database);
      if (name == "team") {
        print_report(server::team_kpis_from_store(*store, options), *o, "Team KPIs");
        return;
      }
      const Date up_to = std::max(options.to, options.effective_as_of());
      const tracker::TrackerData data = store->load_tracker_data(o->provider, up_to);
      const std::string title = data.providers.front().name;
      if (name == "funnel")
        print_report(metrics::funnel_report(metrics::view_of(data), options), *o,
                     title + ": funnel");
      if (name == "roi")
        print_report(metrics::roi_report(metrics::view_of(data), options), *o,
                     title + ": return on spend");
      if (name == "retention")
        print_report(metrics::retention_report(metrics::view_of(data), options), *o,
                     title + ": retention");
      if (name == "workforce")
        print_report(metrics::workforce_report(metrics::view_of(data), options), *o,
                     title + ": workforce");
    });
  }
}

// Purge ------------------------------------------------------------------------------------------

void add_purge_command(CLI::App& app) {
  struct PurgeOptions {
    std::string database = kDefaultDatabase;
    int older_than_days = tracker::Store::kDefaultPurgeDays;
    std::optional<Id> provider;
  };
  auto o = std::make_shared<PurgeOptions>();
  CLI::App* purge = app.add_subcommand(
      "purge",
      "Remove the references of applicants who withdrew or were rejected more than N days ago "
      "(no figure changes; applicants without an outcome are kept)");
  purge->add_option("--older-than-days", o->older_than_days, "Age in days (default: six months)")
      ->capture_default_str();
  purge->add_option("--provider", o->provider, "Only this provider (default: all)");
  add_db_option(purge, o->database);
  purge->callback([o] {
    const auto store = server::open_database(o->database);
    const auto summary = store->purge(o->older_than_days, o->provider);
    std::cout << "Removed the references of " << summary.applicants << " applicants.\n";
  });
}

}  // namespace

void add_tracker_commands(CLI::App& app) {
  add_provider_commands(app);
  add_import_command(app);
  add_export_command(app);
  add_report_command(app);
  add_purge_command(app);
}

}  // namespace caretoolkit::commands
