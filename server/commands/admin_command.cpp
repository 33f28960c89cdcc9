// caretoolkit admin create-team-key: makes a key for the toolkit team, prints it once.
// The operator runs this once after installing, then manages providers and keys over the API.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "database.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

namespace {

struct AdminOptions {
  std::string database = kDefaultDatabase;
  std::string label = "team key";
};

}  // namespace

void add_admin_command(CLI::App& app) {
  auto options = std::make_shared<AdminOptions>();
  CLI::App* admin = app.add_subcommand("admin", "Operator tasks on the database");
  admin->require_subcommand(1);
  CLI::App* create = admin->add_subcommand(
      "create-team-key", "Make an API key for the toolkit team and print it (shown only once)");
  create
      ->add_option("--db", options->database,
                   server::database_option_help(server::OpenMode::kCreate))
      ->capture_default_str();
  create->add_option("--label", options->label, "A note to tell keys apart")->capture_default_str();
  create->callback([options] {
    const auto store = server::open_database(options->database, server::OpenMode::kCreate);
    const auto issued =
        tracker::issue_api_key(*store, tracker::ApiKeyRole::kTeam, std::nullopt, options->label);
    std::cout << issued.token << "\n";
    std::cerr << "Team key " << issued.record.id
              << " created. Keep it safe: it is shown only this once.\n";
  });
}

}  // namespace caretoolkit::commands
