// caretoolkit migrate: moving the tracker from its SQLite file to PostgreSQL.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "database.hpp"
#include "tracker/store_copy.hpp"

namespace caretoolkit::commands {

namespace {

struct MigrateOptions {
  std::string from = kDefaultDatabase;
  std::string to;
};

}  // namespace

void add_migrate_command(CLI::App& app) {
  auto options = std::make_shared<MigrateOptions>();
  CLI::App* migrate = app.add_subcommand(
      "migrate",
      "Copy every record of a SQLite database into an empty PostgreSQL database, in one "
      "transaction (stop the server first; the SQLite file is kept as it was)");
  migrate->add_option("--from", options->from, "SQLite database file to copy")
      ->capture_default_str();
  migrate->add_option("--to", options->to, server::postgresql_option_help())->required();
  migrate->callback([options] {
    server::refuse_password(options->to, "--to");
    const tracker::StoreCopySummary summary = tracker::copy_store(options->from, options->to);
    std::cout << "Copied " << options->from << " into " << summary.target << ":\n";
    for (const auto& [table, rows] : summary.tables) {
      std::cout << "  " << table << ": " << rows << (rows == 1 ? " row\n" : " rows\n");
    }
    std::cout << "Start the servers with --db " << summary.target << "\n";
  });
}

}  // namespace caretoolkit::commands
