// The tracker's command line: providers, CSV import and export, reports and purge, all on one
// SQLite file (--db, default ./data/caretoolkit.db; its folder is created when missing).
//
//   caretoolkit provider add NAME | provider list | provider set-joined ID DATE|none
//   caretoolkit import applicants|spend|headcount --provider ID [--accept-changes] FILE
//   caretoolkit export applicants|spend|headcount --provider ID [--output FILE]
//   caretoolkit report funnel|retention --provider ID [--from D --to D --as-of D]
//                      [--by source|channel|service|vacancy|month|none] [--json|--csv]
//   caretoolkit report roi --provider ID [period and --by as above] [--replacement-cost POUNDS]
//                      [--json|--csv]
//   caretoolkit report workforce --provider ID [--from D --to D --as-of D]
//                      [--replacement-cost POUNDS] [--json|--csv]
//   caretoolkit report vacancies --provider ID [--from D --to D --as-of D] [--json|--csv]
//   caretoolkit report team [--from D --to D --as-of D] [--json|--csv]
//   caretoolkit report team-vacancies [--from D --to D --as-of D] [--json|--csv]
//   caretoolkit report impact [--as-of D] [--json|--csv]
//   caretoolkit purge [--older-than-days N] [--provider ID]
//
// Reports print as the metrics module's readable form by default (metrics/report_text.hpp); --json
// and --csv print its other forms.
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

#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "commands/record_support.hpp"
#include "core/error.hpp"
#include "database.hpp"
#include "metrics/funnel.hpp"
#include "metrics/report_csv.hpp"
#include "metrics/report_json.hpp"
#include "metrics/report_text.hpp"
#include "metrics/retention.hpp"
#include "metrics/roi.hpp"
#include "metrics/store_view.hpp"
#include "metrics/team.hpp"
#include "metrics/workforce.hpp"
#include "team_kpis.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

namespace {

using tracker::Id;

// Providers --------------------------------------------------------------------------------------

// provider set-joined ID DATE|none: the day the provider joined the scheme, which the team's
// impact counts from.
void add_set_joined_command(CLI::App& provider) {
  struct JoinedOptions {
    std::string database = kDefaultDatabase;
    Id provider = 0;
    std::string date;
  };
  auto o = std::make_shared<JoinedOptions>();
  CLI::App* command = provider.add_subcommand(
      "set-joined", "Record the day a provider joined the scheme (none to clear it)");
  command->add_option("ID", o->provider, "Provider id")->required();
  command->add_option("DATE", o->date, "The day it joined, YYYY-MM-DD, or none")->required();
  add_db_option(command, o->database);
  command->callback([o] {
    const auto store = server::open_database(o->database, server::OpenMode::kMustExist);
    const std::optional<Date> joined = parse_optional_date(o->date, "DATE");
    const tracker::Provider updated =
        store->providers().update(o->provider, [&](tracker::Provider& p) { p.joined_on = joined; });
    std::cout << "Provider " << updated.id << " (" << updated.name << ") "
              << (updated.joined_on ? "joined the scheme on " + updated.joined_on->to_string()
                                    : std::string("has no joining day recorded"))
              << ".\n";
  });
}

void add_provider_commands(CLI::App& app) {
  auto database = std::make_shared<std::string>(kDefaultDatabase);
  auto name = std::make_shared<std::string>();
  CLI::App* provider = app.add_subcommand("provider", "Member providers (care organisations)");
  provider->require_subcommand(1);

  CLI::App* add = provider->add_subcommand("add", "Add a provider and print its id");
  add->add_option("NAME", *name, "The provider's name")->required();
  add_db_option(add, *database, server::OpenMode::kCreate);
  add->callback([database, name] {
    const auto store = server::open_database(*database, server::OpenMode::kCreate);
    const tracker::Provider created = store->providers().create(*name);
    std::cout << "Provider " << created.id << " added: " << created.name << "\n";
  });

  add_set_joined_command(*provider);

  CLI::App* list = provider->add_subcommand("list", "List the providers with their ids");
  add_db_option(list, *database);
  list->callback([database] {
    const auto store = server::open_database(*database, server::OpenMode::kMustExist);
    tracker::PageRequest page{.limit = tracker::kMaxPageSize, .cursor = {}};
    do {
      const auto result = store->providers().list(page);
      for (const auto& p : result.items) {
        std::cout << p.id << "\t" << p.name << "\t(added " << p.created_on.to_string()
                  << (p.joined_on ? ", joined the scheme " + p.joined_on->to_string() : "")
                  << ")\n";
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

// The program as `command`'s user invoked it ("build/caretoolkit"), as a shell word: a command
// printed for them to run then works when pasted, wherever the binary is.
std::string program_word(const CLI::App& command) {
  const CLI::App* root = &command;
  while (root->get_parent() != nullptr) root = root->get_parent();
  const std::string& program = root->get_name();
  const bool plain = !program.empty() && std::all_of(program.begin(), program.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' ||
           c == '-';
  });
  return plain ? program : shell_word(program);
}

// How an import's refusals tell the operator to fix things, in this command line's terms.
tracker::ImportRemedies import_remedies(const std::string& program, const std::string& database) {
  const std::string db = database == kDefaultDatabase ? "" : " --db " + shell_word(database);
  return {.accept_changes = "run the import again with --accept-changes",
          .set_channel = [program, db](Id provider, const tracker::Source& source,
                                       tracker::Channel channel) {
            return "correct the source first: " + program + " source set-channel --provider " +
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
    command->callback([options, command, form = std::string(form)] {
      const auto store = server::open_database(options->database, server::OpenMode::kMustExist);
      const std::string text = read_file(options->file);
      const tracker::ImportOptions import_options{
          .accept_changes = options->accept_changes,
          .remedies = import_remedies(program_word(*command), options->database)};
      const tracker::ImportSummary summary =
          form == "applicants"
              ? store->import_applicants_csv(options->provider, text, import_options)
          : form == "spend" ? store->import_spend_csv(options->provider, text, import_options)
                            : store->import_headcount_csv(options->provider, text, import_options);
      std::cout << "Imported " << options->file << " (" << form << ") for provider "
                << options->provider << ": " << summary.rows
                << (summary.rows == 1 ? " row, " : " rows, ") << summary.created << " added, "
                << summary.updated << " updated, " << summary.unchanged << " already stored"
                << (summary.removed > 0 ? ", " : "")
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
      const auto store = server::open_database(options->database, server::OpenMode::kMustExist);
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

// The period asked for, held to `today`; by default the twelve months ending today.
metrics::ReportOptions report_options(const ReportCommandOptions& o, bool grouped, Date today) {
  metrics::ReportOptions options;
  options.today = today;
  options.to = o.to.empty() ? today : Date::parse_or_throw(o.to, "--to");
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
    const PoundsReading cost = read_pounds(o.replacement_cost);
    if (cost.over_max) {
      throw Error(ErrorCode::kInvalid,
                  "--replacement-cost '" + o.replacement_cost.substr(0, 40) +
                      "' is over the limit; " + std::string(kMaxAmountRule),
                  "--replacement-cost");
    }
    if (!cost.amount) {
      throw Error(
          ErrorCode::kInvalid,
          "--replacement-cost must be pounds such as 3600, not '" + o.replacement_cost + "'",
          "--replacement-cost");
    }
    options.replacement_cost = *cost.amount;
  }
  return options;
}

template <class Report>
void print_report(const Report& report, const ReportCommandOptions& o, std::string_view title) {
  if (o.json) {
    std::cout << boost::json::serialize(metrics::to_json(report)) << "\n";
  } else if (o.csv) {
    std::cout << metrics::to_csv(report);
  } else {
    std::cout << metrics::to_text(report, title);
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
        Kind{"vacancies",
             "Each advert version's views, applicants, starters and retention, and the same by "
             "advert score band"},
        Kind{"team", "KPIs across all providers (no provider named)"},
        Kind{"team-vacancies",
             "Advert score bands across all providers (no provider named; a figure behind fewer "
             "than 3 providers is withheld)"},
        Kind{"impact",
             "Members' turnover, vacancy rate and retention before and since joining, and by "
             "quarter (no provider named)"}}) {
    const std::string name = kind.name;
    CLI::App* command = report->add_subcommand(name, kind.help);
    const bool team = name == "team" || name == "impact" || name == "team-vacancies";
    if (!team) command->add_option("--provider", o->provider, "Provider id")->required();
    if (name != "impact") {
      command->add_option("--from", o->from,
                          "First day of the period (default: a year before --to)");
      command->add_option("--to", o->to, "Last day of the period (default: today)");
    }
    command->add_option(
        "--as-of", o->as_of,
        "See the data as it stood on this day, never after today (default: --to, or today)");
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
      const auto store = server::open_database(o->database, server::OpenMode::kMustExist);
      ReportCommandOptions asked = *o;
      // The impact has no period of its own: it is seen as of one day.
      if (name == "impact") asked.from = asked.to = asked.as_of;
      const metrics::ReportOptions options = report_options(asked, grouped, store->today());
      metrics::validate(options);
      if (name == "team") {
        print_report(server::team_kpis_from_store(*store, options), *o, "Team KPIs");
        return;
      }
      if (name == "team-vacancies") {
        print_report(server::team_vacancy_bands_from_store(*store, options), *o,
                     "Team: advert score and outcome");
        return;
      }
      if (name == "vacancies") {
        const std::string provider = store->providers().get(o->provider).name;
        print_report(server::vacancy_outcomes_from_store(*store, o->provider, options), *o,
                     provider + ": advert to outcome");
        return;
      }
      if (name == "impact") {
        print_report(server::team_impact_from_store(*store, options.effective_as_of()), *o,
                     "Team impact: members before and since joining the scheme");
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
    const auto store = server::open_database(o->database, server::OpenMode::kMustExist);
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
