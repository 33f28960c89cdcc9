// The spend form's import and export (the form is described in csv_forms.hpp).
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tracker/cells.hpp"
#include "tracker/csv_forms.hpp"
#include "tracker/form_steps.hpp"
#include "tracker/name_directory.hpp"
#include "tracker/records.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

namespace spend_col = csv_forms::spend;

constexpr CsvForm kSpendForm{"spend", spend_col::kColumns};

// Imports spend rows. A spend sheet is the truth for each source and calendar month it holds
// rows for: those source-months' stored rows become the sheet's (the rows stored already are kept,
// the others removed, the new ones added), and the rows of other source-months are left alone.
// So a sheet imported twice changes nothing, and a corrected sheet replaces what it corrects.
class SpendImport {
 public:
  SpendImport(Connection& connection, const ImportContext& context, const ImportRemedies& remedies)
      : context_(context),
        remedies_(remedies),
        directory_(connection, context.provider, context.summary, context.writes) {
    auto& statement =
        connection.statement(records::select_sql<SpendEntry>() + " WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(context.provider));
    while (statement.executeStep()) {
      SpendEntry entry = records::Table<SpendEntry>::read(statement);
      months_[month_of(entry)].stored.push_back(std::move(entry));
    }
  }

  void add(const CsvRow& row, const CsvHeader& header) {
    ImportProblems& problems = context_.problems;
    const std::size_t line = row.line;
    const bool clean_before = !problems.any();
    SpendEntry entry{.id = 0,
                     .provider_id = context_.provider,
                     .source_id = 0,  // the source's id, once the write knows it
                     .date = {},
                     .amount = {},
                     .note = normalise_text(header.cell(row, spend_col::kNote), TextKind::kNote)};
    const RowSource source = resolve_source(directory_, header.cell(row, spend_col::kSource), {},
                                            line, problems, context_.provider, remedies_);
    const auto date = read_date(header.cell(row, spend_col::kDate), "date", true, line, problems);
    const auto amount = read_amount(header.cell(row, spend_col::kAmount), "amount", line, problems);
    if (!source.usable || !date || !amount) return;
    entry.date = *date;
    entry.amount = *amount;
    check_spend(entry, found_);
    problems.add_all(line, found_);
    if (!clean_before || problems.any()) return;
    SheetRow sheet_row{std::move(entry), *source.source};  // a source: the file is clean so far
    const MonthKey key = month_of(sheet_row);
    Month& month = months_[key];
    if (month.sheet_rows++ == 0) sheet_order_.push_back(key);
    month.sheet_total += sheet_row.entry.amount;
    sheet_.push_back(std::move(sheet_row));
  }

  // Makes each source-month the sheet holds what the sheet says, once every row is known good:
  // new rows are added in the sheet's order, then the stored rows it no longer holds removed.
  void finish() {
    if (context_.problems.any()) return;
    for (const MonthKey& key : sheet_order_) {
      Month& month = months_[key];
      for (const SpendEntry& entry : month.stored)
        month.unmatched[key_of(entry)].push_back(entry.id);
    }
    for (const SheetRow& row : sheet_) add_or_keep(row, months_[month_of(row)]);
    for (const MonthKey& key : sheet_order_) remove_unmatched(key, months_[key]);
  }

 private:
  // A row of the sheet: the entry, and its source as the import names it.
  struct SheetRow {
    SpendEntry entry;
    NameRef source;
  };
  using MonthKey = std::pair<NameRef, Date>;  // a source and the first day of a month
  struct Month {
    std::vector<SpendEntry> stored;
    std::size_t sheet_rows = 0;
    Pence sheet_total;
    std::size_t added = 0;
    std::unordered_map<std::string, std::vector<Id>> unmatched;  // content key -> stored ids
  };

  static MonthKey month_of(const SpendEntry& stored) {
    return {NameRef::stored(stored.source_id), stored.date.first_of_month()};
  }
  static MonthKey month_of(const SheetRow& row) {
    return {row.source, row.entry.date.first_of_month()};
  }

  static std::string key_of(const SpendEntry& e) {
    return content_key(e.date, e.amount.value, e.note);
  }

  // Keeps a stored row the sheet repeats (each stored row stands for one sheet row), or adds it.
  void add_or_keep(const SheetRow& row, Month& month) {
    const auto found = month.unmatched.find(key_of(row.entry));
    if (found != month.unmatched.end() && !found->second.empty()) {
      found->second.pop_back();
      ++context_.summary.unchanged;
      return;
    }
    context_.writes.submit([row = row](ImportWriter& writer) mutable {
      row.entry.source_id = writer.id(row.source);
      records::insert(writer.connection(), row.entry);
    });
    ++month.added;
    ++context_.summary.created;
  }

  // Removes the month's stored rows the sheet does not repeat, and tells of any change.
  void remove_unmatched(const MonthKey& key, const Month& month) {
    std::size_t removed = 0;
    for (const auto& [content, ids] : month.unmatched) {
      for (const Id id : ids) {
        context_.writes.submit([id, provider = context_.provider](ImportWriter& writer) {
          auto& statement =
              writer.connection().statement("DELETE FROM spend WHERE id = ? AND provider_id = ?");
          statement.bind(1, static_cast<std::int64_t>(id));
          statement.bind(2, static_cast<std::int64_t>(provider));
          statement.exec();
        });
        ++removed;
      }
    }
    context_.summary.removed += removed;
    if (month.stored.empty() || (month.added == 0 && removed == 0)) return;
    Pence before;
    for (const SpendEntry& entry : month.stored) before += entry.amount;
    context_.summary.replaced.push_back(
        SpendReplacement{.source = std::string(directory_.source_name(key.first)),
                         .month = key.second,
                         .rows_before = month.stored.size(),
                         .rows_after = month.sheet_rows,
                         .before = before,
                         .after = month.sheet_total});
  }

  const ImportContext& context_;
  const ImportRemedies& remedies_;
  NameDirectory directory_;
  Problems found_;
  std::map<MonthKey, Month> months_;   // the stored rows and the sheet's, by source and month
  std::vector<MonthKey> sheet_order_;  // the source-months the sheet holds, as it first names them
  std::vector<SheetRow> sheet_;        // the sheet's rows, in its order
};

}  // namespace

ImportSummary Store::import_spend_csv(Id provider, std::string_view text,
                                      const ImportOptions& options) {
  return run_import(*impl_, provider, text, kSpendForm,
                    [&](Connection& connection, const ImportContext& context) {
                      return SpendImport(connection, context, options.remedies);
                    });
}

std::string Store::export_spend_csv(Id provider) const {
  return export_form(*impl_, provider, kSpendForm,
                     "SELECT s.name, e.spent_on, e.amount_pence, e.note FROM spend e "
                     "JOIN sources s ON s.id = e.source_id WHERE e.provider_id = ? ORDER BY e.id",
                     [](Statement& statement, CsvWriter& csv) {
                       csv.cell(sql::read_text(statement.getColumn(0)));
                       csv.cell(sql::read_text(statement.getColumn(1)));
                       csv.cell(format_pounds(Pence{statement.getColumn(2).getInt64()}));
                       csv.cell(sql::read_text(statement.getColumn(3)));
                     });
}

}  // namespace caretoolkit::tracker
