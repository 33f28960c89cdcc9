// caretoolkit backup: a consistent copy of the database, taken while the server keeps running.
// The operator's backup job calls this (e.g. nightly from cron) and keeps the copies elsewhere.
// It copies a SQLite file; a PostgreSQL database is refused, as PostgreSQL's own pg_dump backs it
// up consistently while servers write to it.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "pg/connection.hpp"
#include "tracker/backup.hpp"

namespace caretoolkit::commands {

namespace {

struct BackupOptions {
  std::string database = kDefaultDatabase;
  std::string out;
  bool force = false;
};

// Refuses a PostgreSQL URI before anything is touched, naming the tool that backs one up.
void refuse_postgresql(const std::string& database) {
  if (!pg::is_uri(database)) return;
  const std::string name = pg::describe(database);
  throw Error(ErrorCode::kInvalid,
              "'" + name +
                  "' is a PostgreSQL database, and caretoolkit backup copies a SQLite file: back "
                  "it up with pg_dump instead (for example pg_dump --format=custom --file=OUT '" +
                  name + "')",
              "--db");
}

}  // namespace

void add_backup_command(CLI::App& app) {
  auto options = std::make_shared<BackupOptions>();
  CLI::App* backup = app.add_subcommand(
      "backup",
      "Copy the database to OUT while the server runs (SQLite's online backup; the copy is "
      "checked and then renamed into place)");
  backup
      ->add_option("--db", options->database,
                   "SQLite database file to copy (a PostgreSQL database is refused: back it up "
                   "with pg_dump)")
      ->capture_default_str();
  backup->add_option("OUT", options->out, "The file to write the copy to")->required();
  backup->add_flag("--force", options->force, "Replace OUT if it already exists");
  backup->callback([options] {
    refuse_postgresql(options->database);
    tracker::BackupOptions backup_options;
    backup_options.overwrite = options->force;
    const auto summary = tracker::backup_database(options->database, options->out, backup_options);
    std::cout << "Backed up " << options->database << " to " << options->out << " ("
              << summary.bytes << " bytes, " << summary.pages << " pages).\n";
  });
}

}  // namespace caretoolkit::commands
