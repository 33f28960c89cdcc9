// The commands' shared helpers; see command_support.hpp.
#include "commands/command_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/error.hpp"

namespace caretoolkit::commands {

void add_db_option(CLI::App* command, std::string& database, server::OpenMode mode) {
  command->add_option("--db", database, server::database_option_help(mode))->capture_default_str();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + path, "FILE");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

namespace {

// Characters in UTF-8 text: every byte but the continuation bytes.
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

void TextTable::add(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const auto& column : columns_) widths.push_back(characters(column.heading));
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], characters(row[c]));
  }
  const auto print_line = [&](const auto& cell_of) {
    std::string line;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const std::string& cell = cell_of(c);
      const std::string pad(widths[c] - characters(cell), ' ');
      if (c > 0) line += "  ";
      line += columns_[c].align == Align::kRight ? pad + cell : cell + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  };
  print_line([&](std::size_t c) -> const std::string& { return columns_[c].heading; });
  for (const auto& row : rows_) {
    print_line([&](std::size_t c) -> const std::string& { return row[c]; });
  }
}

}  // namespace caretoolkit::commands
