// Entry point of the caretoolkit binary: the HTTP server and the command-line tools in one.
// Exit status: 0 on success, 1 on an internal failure, 2 on bad arguments or unusable input.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "commands/commands.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "caretoolkit: the recruitment and retention toolkit for adult social care providers.\n"
      "Checks job adverts, tracks what each recruitment source returns, and serves the "
      "toolkit's API and pages."};
  app.set_version_flag("--version", std::string("caretoolkit ") + caretoolkit::kVersion);
  app.require_subcommand(1);
  app.fallthrough(false);

  caretoolkit::commands::add_serve_command(app);
  caretoolkit::commands::add_admin_command(app);
  caretoolkit::commands::add_tracker_commands(app);
  caretoolkit::commands::add_record_commands(app);
  caretoolkit::commands::add_applicant_commands(app);
  caretoolkit::commands::add_check_command(app);
  caretoolkit::commands::add_backup_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help and --version
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {  // a command that chose its own exit status
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    std::cerr << "caretoolkit: " << e.what() << "\nRun 'caretoolkit --help' for usage.\n";
    return 2;
  } catch (const caretoolkit::Error& e) {
    std::cerr << "caretoolkit: " << e.what() << "\n";
    for (const auto& item : e.items()) {
      std::cerr << "  ";
      if (item.line) std::cerr << "line " << *item.line << ": ";
      if (!item.field.empty()) std::cerr << item.field << ": ";
      std::cerr << item.detail << "\n";
    }
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "caretoolkit: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
