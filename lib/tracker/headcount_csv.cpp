// The headcount form's import and export (the form is described in csv_forms.hpp).
#include <optional>
#include <string>
#include <unordered_map>

#include "tracker/cells.hpp"
#include "tracker/csv_forms.hpp"
#include "tracker/form_steps.hpp"
#include "tracker/name_directory.hpp"
#include "tracker/records.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

namespace headcount_col = csv_forms::headcount;

constexpr CsvForm kHeadcountForm{"headcount", headcount_col::kColumns};

// Imports headcount rows: one per day and service; a day and service stored already takes the
// row's figures.
class HeadcountImport {
 public:
  HeadcountImport(Connection& connection, const ImportContext& context)
      : context_(context),
        directory_(connection, context.provider, context.summary, context.writes) {
    auto& statement =
        connection.statement(records::select_sql<HeadcountSnapshot>() + " WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(context.provider));
    while (statement.executeStep()) {
      const auto snapshot = records::Table<HeadcountSnapshot>::read(statement);
      stored_.emplace(key(snapshot.date, NameRef::stored(snapshot.service_id)), snapshot);
    }
  }

  void add(const CsvRow& row, const CsvHeader& header) {
    ImportProblems& problems = context_.problems;
    const std::size_t line = row.line;
    const bool clean_before = !problems.any();
    const auto date =
        read_date(header.cell(row, headcount_col::kDate), "date", true, line, problems);
    const auto staff =
        read_count(header.cell(row, headcount_col::kStaff), "staff", true, line, problems);
    const auto vacancies =
        read_count(header.cell(row, headcount_col::kVacancies), "vacancies", true, line, problems);
    const auto leavers =
        read_count(header.cell(row, headcount_col::kLeavers), "leavers", false, line, problems);
    const std::string_view service = unless_blank(header.cell(row, headcount_col::kService));
    check_name_cell(service, "service", "service name", line, problems);
    if (!date || !staff || !vacancies) return;
    HeadcountSnapshot snapshot{.id = 0,
                               .provider_id = context_.provider,
                               .date = *date,
                               .service_id = std::nullopt,  // the service's, once a write knows it
                               .staff = *staff,
                               .vacancies = *vacancies,
                               .leavers = leavers};
    check_headcount(snapshot, context_.today, found_);
    problems.add_all(line, found_);
    // Repeats within the file are found by name, so that they are reported even once nothing is
    // being stored any more.
    std::string repeat_key;
    name_key(service, repeat_key);
    repeat_key = date->to_string() + '\x1f' + repeat_key;
    if (const auto [seen, added] = lines_.emplace(repeat_key, line); !added) {
      problems.add(line, "date",
                   "the headcount for this date and service is already on line " +
                       std::to_string(seen->second));
    }
    if (!clean_before || problems.any()) return;

    const std::optional<NameRef> service_ref =
        service.empty() ? std::nullopt : std::optional(directory_.service(service));
    const auto stored = stored_.find(key(snapshot.date, service_ref));
    if (stored == stored_.end()) {
      write(snapshot, service_ref, &records::insert<HeadcountSnapshot>);
      ++context_.summary.created;
      return;
    }
    HeadcountSnapshot& before = stored->second;
    if (before.staff == snapshot.staff && before.vacancies == snapshot.vacancies &&
        before.leavers == snapshot.leavers) {
      ++context_.summary.unchanged;
      return;
    }
    snapshot.id = before.id;
    write(snapshot, service_ref, &records::update<HeadcountSnapshot>);
    before.staff = snapshot.staff;
    before.vacancies = snapshot.vacancies;
    before.leavers = snapshot.leavers;
    ++context_.summary.updated;
  }

 private:
  static std::string key(Date date, const std::optional<NameRef>& service) {
    return date.to_string() + '\x1f' + (service ? service->key() : std::string("0"));
  }

  // Queues `how` (an insert or an update) of the snapshot for the service the import names.
  template <class How>
  void write(const HeadcountSnapshot& snapshot, std::optional<NameRef> service, How how) {
    context_.writes.submit([snapshot = snapshot, service, how](ImportWriter& writer) mutable {
      snapshot.service_id = writer.id(service);
      how(writer.connection(), snapshot);
    });
  }

  const ImportContext& context_;
  NameDirectory directory_;
  Problems found_;
  std::unordered_map<std::string, HeadcountSnapshot> stored_;  // by day and service
  std::unordered_map<std::string, std::size_t> lines_;         // day and service name -> line
};

}  // namespace

ImportSummary Store::import_headcount_csv(Id provider, std::string_view text,
                                          const ImportOptions&) {
  return run_import(*impl_, provider, text, kHeadcountForm,
                    [](Connection& connection, const ImportContext& context) {
                      return HeadcountImport(connection, context);
                    });
}

std::string Store::export_headcount_csv(Id provider) const {
  return export_form(
      *impl_, provider, kHeadcountForm,
      "SELECT h.taken_on, sv.name, h.staff, h.vacancies, h.leavers FROM headcounts h "
      "LEFT JOIN services sv ON sv.id = h.service_id WHERE h.provider_id = ? ORDER BY h.id",
      write_text_cells);
}

}  // namespace caretoolkit::tracker
