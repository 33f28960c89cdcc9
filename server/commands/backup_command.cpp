// caretoolkit backup: a consistent copy of the database, taken while the server keeps running.
// The operator's backup job calls this (e.g. nightly from cron) and keeps the copies elsewhere.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "tracker/backup.hpp"

namespace caretoolkit::commands {

namespace {

struct BackupOptions {
  std::string database = kDefaultDatabase;
  std::string out;
  bool force = false;
};

}  // namespace

void add_backup_command(CLI::App& app) {
  auto options = std::make_shared<BackupOptions>();
  CLI::App* backup = app.add_subcommand(
      "backup",
      "Copy the database to OUT while the server runs (SQLite's online backup; the copy is "
      "checked and then renamed into place)");
  backup->add_option("--db", options->database, "SQLite database file to copy")
      ->capture_default_str();
  backup->add_option("OUT", options->out, "The file to write the copy to")->required();
  backup->add_flag("--force", options->force, "Replace OUT if it already exists");
  backup->callback([options] {
    tracker::BackupOptions backup_options;
    backup_options.overwrite = options->force;
    const auto summary = tracker::backup_database(options->database, options->out, backup_options);
    std::cout << "Backed up " << options->database << " to " << options->out << " ("
              << summary.bytes << " bytes, " << summary.pages << " pages).\n";
  });
}

}  // namespace caretoolkit::commands
