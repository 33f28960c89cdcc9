// The subcommands of the caretoolkit binary. Each add_*_command registers one subcommand (or a
// group) on the CLI11 application; its callback does the work and throws on failure. main.cpp
// turns caretoolkit::Error and parse errors into a message on stderr and exit status 2.
#pragma once

#include <CLI/App.hpp>

namespace caretoolkit::commands {

// caretoolkit serve --listen ADDR:PORT --db PATH --content DIR --threads N ...
void add_serve_command(CLI::App& app);

// caretoolkit admin create-team-key [--db PATH] [--label TEXT]
void add_admin_command(CLI::App& app);

// caretoolkit provider add|list, import, export, report, purge: the tracker on --db PATH
// (default ./data/caretoolkit.db).
void add_tracker_commands(CLI::App& app);

// caretoolkit source|spend|headcount ...: list one provider's sources, spend rows and headcounts
// and correct or delete them one at a time, under the Store's rules.
void add_record_commands(CLI::App& app);

// caretoolkit applicant show|delete|correct --provider ID REFERENCE: the same for applicants.
void add_applicant_commands(CLI::App& app);

// caretoolkit backup [--db PATH] [--force] OUT
void add_backup_command(CLI::App& app);

// caretoolkit migrate [--from PATH] --to postgresql://USER@HOST/DBNAME
void add_migrate_command(CLI::App& app);

// caretoolkit check [--json] [--rules DIR] [--service S] [--role R] [--provider ID --db PATH]
//   FILE... | -
void add_check_command(CLI::App& app);

// caretoolkit settings export|import|history --provider ID [--db PATH] [--rules DIR]: a
// provider's own checker settings as JSON.
void add_settings_commands(CLI::App& app);

// caretoolkit vacancy publish|close|versions VACANCY | listing on|off --provider ID [--db PATH]
// [--rules DIR]: publishing a provider's vacancies on the public pages.
void add_vacancy_commands(CLI::App& app);

}  // namespace caretoolkit::commands
