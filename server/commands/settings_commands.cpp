// caretoolkit settings export|import|history --provider ID [--db PATH]: a provider's checker
// settings as a JSON document (the API's GET /api/v1/settings/checker form), read back from a
// file with the same checks as the API, and the history of who changed what.
#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "advert/checker.hpp"
#include "checker_settings_service.hpp"
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace caretoolkit::commands {
namespace {

// How the history names a change made from the command line.
constexpr const char* kCommandLine = "command line";

struct SettingsOptions {
  std::string database = kDefaultDatabase;
  std::string rules_dir = shipped_folder("rules");
  tracker::Id provider = 0;
  std::string file;
  std::string output;
};

// The store, the shared rules and the settings service over them, for one command.
struct SettingsContext {
  explicit SettingsContext(const SettingsOptions& options)
      : store(server::open_database(options.database, server::OpenMode::kMustExist)),
        rules(rules::RuleSet::load_directory(options.rules_dir)),
        checker(rules, analyzer),
        service(*store, rules, analyzer, checker) {}

  std::unique_ptr<tracker::Store> store;
  rules::RuleSet rules;
  text::Analyzer analyzer;
  advert::Checker checker;
  server::CheckerSettingsService service;
};

void add_common_options(CLI::App* command, SettingsOptions& options) {
  command->add_option("--provider", options.provider, "Provider id")->required();
  command->add_option("--rules", options.rules_dir, "Directory of rule packs (*.json)")
      ->capture_default_str();
  add_db_option(command, options.database);
}

void export_settings(const SettingsOptions& options) {
  SettingsContext context(options);
  const std::string json = boost::json::serialize(
      server::stored_settings_to_json(context.service.get(options.provider)));
  if (options.output.empty()) {
    std::cout << json << "\n";
    return;
  }
  std::ofstream out(options.output, std::ios::binary);
  out << json << "\n";
  if (!out) throw Error(ErrorCode::kInvalid, "cannot write " + options.output, "--output");
}

void import_settings(const SettingsOptions& options) {
  SettingsContext context(options);
  const auto saved =
      context.service.save(options.provider, read_file(options.file), options.file, kCommandLine);
  if (saved.changes.empty()) {
    std::cout << "The checker settings of provider " << options.provider
              << " are already these (version " << saved.stored.record.version
              << "): nothing changed.\n";
    return;
  }
  std::cout << "Checker settings of provider " << options.provider << " saved as version "
            << saved.stored.record.version << ":\n";
  for (const std::string& change : saved.changes) std::cout << "  " << change << "\n";
}

void print_history(const SettingsOptions& options) {
  SettingsContext context(options);
  tracker::PageRequest page{tracker::kMaxPageSize, {}};
  std::size_t shown = 0;
  do {
    const auto changes = context.store->list_checker_settings_changes(options.provider, page);
    for (const auto& change : changes.items) {
      std::cout << "version " << change.version << ", " << change.changed_at << ", "
                << change.changed_by << "\n";
      for (const std::string& sentence : change.changes) std::cout << "  " << sentence << "\n";
      ++shown;
    }
    page.cursor = changes.next_cursor;
  } while (!page.cursor.empty());
  if (shown == 0) {
    std::cout << "Provider " << options.provider << " has not changed its checker settings.\n";
  }
}

}  // namespace

void add_settings_commands(CLI::App& app) {
  auto options = std::make_shared<SettingsOptions>();
  CLI::App* settings = app.add_subcommand(
      "settings", "A provider's own advert checker settings: export, import, history");
  settings->require_subcommand(1);

  CLI::App* exporting = settings->add_subcommand(
      "export", "Write the provider's checker settings as JSON (the form import reads)");
  add_common_options(exporting, *options);
  exporting->add_option("-o,--output", options->output, "Write to this file instead of stdout");
  exporting->callback([options] { export_settings(*options); });

  CLI::App* importing = settings->add_subcommand(
      "import", "Replace the provider's checker settings with a JSON file's, checked first");
  add_common_options(importing, *options);
  importing->add_option("FILE", options->file, "The settings (JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  importing->callback([options] { import_settings(*options); });

  CLI::App* history =
      settings->add_subcommand("history", "List who changed the checker settings, when and how");
  add_common_options(history, *options);
  history->callback([options] { print_history(*options); });
}

}  // namespace caretoolkit::commands
