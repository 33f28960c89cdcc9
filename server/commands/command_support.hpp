// What the tracker's commands share: the --db option, and lists and tables written the way a
// person reads them (money in them through readable_pounds, core/money.hpp).
#pragma once

#include <CLI/App.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "database.hpp"

namespace caretoolkit::commands {

// Adds --db PATH to `command`, bound to `database` (which holds the default); its help says how
// `mode`, the mode the command opens the file with, treats a missing file.
void add_db_option(CLI::App* command, std::string& database,
                   server::OpenMode mode = server::OpenMode::kMustExist);

// The bytes of the file at `path`; Error(kNotFound) naming it (field "FILE") when unreadable.
std::string read_file(const std::string& path);

// "a, b, c".
std::string join(const std::vector<std::string>& names);

// Rows printed under a header in columns as wide as their widest cell (counted in characters, so
// "£" and accented names line up); numbers and money are aligned right, text left.
class TextTable {
 public:
  enum class Align : bool { kLeft, kRight };
  struct Column {
    std::string heading;
    Align align = Align::kLeft;
  };

  explicit TextTable(std::vector<Column> columns);
  // A row with one cell per column.
  void add(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace caretoolkit::commands
