// Entry point of the caretoolkit binary: the HTTP server and the command-line tools in one.
// Exit status: 0 on success, 1 on an internal failure, 2 on bad arguments or unusable input.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <string_view>

#include "commands/commands.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

namespace {

// An error with many items (a CSV import naming every bad row) prints its first few items and
// then its summary, one line per field and kind of problem, rather than hundreds of lines. A lone
// item that the message already ends with is not printed again.
constexpr std::size_t kItemsBeforeSummary = 5;
constexpr std::size_t kSummaryLines = 10;

void print_error(std::ostream& out, const caretoolkit::Error& error) {
  out << "caretoolkit: " << error.what() << "\n";
  const auto& items = error.items();
  const auto& groups = error.groups();
  const bool summed_up = !groups.empty() && items.size() > kItemsBeforeSummary;
  const bool said = items.size() == 1 && std::string_view(error.what()).ends_with(items[0].detail);
  const std::size_t shown = summed_up ? kItemsBeforeSummary : said ? 0 : items.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& item = items[i];
    out << "  ";
    if (item.line) out << "line " << *item.line << ": ";
    if (!item.field.empty()) out << item.field << ": ";
    out << item.detail << "\n";
  }
  if (!summed_up) return;
  out << "  and the rest; in all:\n";
  for (std::size_t i = 0; i < std::min(groups.size(), kSummaryLines); ++i) {
    out << "  " << (groups[i].field.empty() ? "" : groups[i].field + ": ") << groups[i].detail
        << "\n";
  }
  if (groups.size() > kSummaryLines) {
    out << "  and " << groups.size() - kSummaryLines << " more kinds of problem\n";
  }
}

}  // namespace

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
  caretoolkit::commands::add_settings_commands(app);
  caretoolkit::commands::add_vacancy_commands(app);
  caretoolkit::commands::add_backup_command(app);
  caretoolkit::commands::add_migrate_command(app);

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
    print_error(std::cerr, e);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "caretoolkit: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
