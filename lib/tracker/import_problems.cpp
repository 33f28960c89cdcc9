// The problems of an import and their summary; see import_problems.hpp.
#include "tracker/import_problems.hpp"

#include <utility>

#include "tracker/store.hpp"

namespace caretoolkit::tracker {

namespace {

// The rows a group names by line before it only counts them.
constexpr std::size_t kLinesNamed = 3;

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// "line 7", "lines 2 and 5", "lines 2, 3, 4 and 282 more".
std::string where(const std::vector<std::size_t>& lines, std::size_t rows) {
  std::string out = rows == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += (i + 1 == lines.size() && rows == lines.size()) ? " and " : ", ";
    out += std::to_string(lines[i]);
  }
  if (rows > lines.size()) out += " and " + std::to_string(rows - lines.size()) + " more";
  return out;
}

}  // namespace

void ImportProblems::add(std::size_t line, std::string_view column, std::string detail,
                         const ProblemKind* kind) {
  ++count_;
  if (line != last_line_) {
    ++rows_;
    last_line_ = line;
  }
  const auto [index, added] =
      group_index_.try_emplace(group_key(column, detail, kind), groups_.size());
  if (added) groups_.push_back(Group{std::string(column), kind, detail, {}, 0, 0});
  Group& group = groups_[index->second];
  if (group.last_line != line) {
    ++group.rows;
    group.last_line = line;
    if (group.lines.size() < kLinesNamed) group.lines.push_back(line);
  }
  if (items_.size() < kMaxImportProblems) {
    items_.push_back(ErrorItem{std::string(column), std::move(detail), line});
  }
}

void ImportProblems::add_all(std::size_t line, std::vector<ErrorItem>& found) {
  for (ErrorItem& item : found) add(line, item.field, std::move(item.detail));
  found.clear();
}

void ImportProblems::throw_if_any() {
  if (count_ == 0) return;
  const ErrorItem& first = items_.front();
  std::string message = "nothing was imported: the " + std::string(form_) + " file has " +
                        plural(count_, "problem", "problems") + " in " +
                        plural(rows_, "row", "rows") + " (first: line " +
                        std::to_string(first.line.value_or(0)) + ", " +
                        (first.field.empty() ? "" : first.field + ": ") + first.detail + ")";
  if (count_ > items_.size()) {
    items_.push_back(ErrorItem{
        {}, "and " + std::to_string(count_ - items_.size()) + " more problems not listed", {}});
  }
  std::vector<ErrorGroup> groups;
  groups.reserve(groups_.size());
  for (const Group& group : groups_) {
    groups.push_back(ErrorGroup{group.column, group.rows, describe(group)});
  }
  throw Error(ErrorCode::kInvalid, message, std::move(items_), std::move(groups));
}

std::string ImportProblems::group_key(std::string_view column, std::string_view detail,
                                      const ProblemKind* kind) {
  std::string key(column);
  key += '\x1f';
  if (kind != nullptr) {
    key += kind->many;
    return key;
  }
  // The wording without its figures and quoted values: "started_on (2025-01-10) is before
  // offered_on (2025-01-12)" and the same fault on another row give the same key.
  bool quoted = false;
  for (std::size_t i = 0; i < detail.size(); ++i) {
    const char c = detail[i];
    // An apostrophe opens a quoted value after a space and closes it before a space, a
    // punctuation mark or the end; elsewhere it is part of a word.
    if (c == '\'' && !quoted && (i == 0 || detail[i - 1] == ' ')) {
      quoted = true;
      key += "''";
    } else if (c == '\'' && quoted &&
               (i + 1 == detail.size() ||
                std::string_view(" ;,:)").find(detail[i + 1]) != std::string_view::npos)) {
      quoted = false;
    } else if (!quoted && (c < '0' || c > '9')) {
      key += c;
    }
  }
  return key;
}

std::string ImportProblems::describe(const Group& group) {
  if (group.kind != nullptr) {
    return plural(group.rows, "row " + std::string(group.kind->one),
                  "rows " + std::string(group.kind->many)) +
           " (" + where(group.lines, group.rows) + "); " + std::string(group.kind->fix);
  }
  if (group.rows == 1)
    return "1 row (line " + std::to_string(group.lines[0]) + "): " + group.example;
  return plural(group.rows, "row", "rows") + " (" + where(group.lines, group.rows) +
         "), such as line " + std::to_string(group.lines[0]) + ": " + group.example;
}

}  // namespace caretoolkit::tracker
