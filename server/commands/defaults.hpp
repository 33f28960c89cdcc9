// Where the caretoolkit binary finds its files when no option names them, shared by every
// subcommand so that they agree.
#pragma once

#include <string>
#include <string_view>

namespace caretoolkit::commands {

// The database every subcommand opens without --db.
inline constexpr const char* kDefaultDatabase = "./data/caretoolkit.db";

// A folder shipped with the repository ("rules", "toolkit-content"): `name` in the working
// directory when it is there, else the one in the folder above the binary's (so build/caretoolkit
// run from anywhere finds the repository's rules), else `name` unchanged, whose absence is then
// reported by whatever opens it.
std::string shipped_folder(std::string_view name);

}  // namespace caretoolkit::commands
