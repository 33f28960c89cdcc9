// What the record commands (record_commands.cpp, applicant_commands.cpp) share: the provider they
// act for, finding a source or an applicant the way a person names it, reading the values typed
// on the command line, and the one line a correction prints.
//
// Lookups throw Error(kNotFound) naming what was not found; the readers throw Error(kInvalid)
// naming the option and the value, before anything is written.
#pragma once

#include <CLI/App.hpp>

#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/defaults.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

// The database and the provider a command acts for.
struct Target {
  std::string database = kDefaultDatabase;
  tracker::Id provider = 0;
};

// Adds --provider ID (required) and --db PATH, bound to `target`.
void add_target_options(CLI::App* command, Target& target);

// Opens the database and checks that the provider exists, so that an unknown provider is named
// as such rather than showing as a provider with no records.
std::unique_ptr<tracker::Store> open_for(const Target& target);

// Optional bounds on the day of the rows a list shows, as typed (YYYY-MM-DD).
struct PeriodOptions {
  std::optional<std::string> from, to;
};
// Adds --from and --to; `what` says what they bound ("rows dated").
void add_period_options(CLI::App* command, PeriodOptions& period, std::string_view what);

// Every item of a paged Store list: `list(page)` returns one page.
template <class T, class List>
std::vector<T> every_page(const List& list) {
  std::vector<T> items;
  tracker::PageRequest page{.limit = tracker::kMaxPageSize, .cursor = {}};
  do {
    tracker::Page<T> result = list(page);
    std::move(result.items.begin(), result.items.end(), std::back_inserter(items));
    page.cursor = result.next_cursor;
  } while (!page.cursor.empty());
  return items;
}

std::vector<tracker::Source> all_sources(const tracker::Store& store, tracker::Id provider);
// The provider's source and service names by id.
std::map<tracker::Id, std::string> source_names(const tracker::Store& store, tracker::Id provider);
std::map<tracker::Id, std::string> service_names(const tracker::Store& store, tracker::Id provider);
// The name of record `id` in `names`, or "source 12" for one that is not there (created since).
std::string name_of(const std::map<tracker::Id, std::string>& names, tracker::Id id,
                    std::string_view noun);

// The provider's source called `name` (trimmed, case ignored, as the import matches names);
// kNotFound lists the provider's sources.
tracker::Source find_source(const tracker::Store& store, tracker::Id provider,
                            const std::string& name);
// The provider's applicant with this reference (trimmed, otherwise exactly as stored, as the
// import matches them).
tracker::Applicant find_applicant(const tracker::Store& store, tracker::Id provider,
                                  const std::string& reference);

// The word a person types for "no date", "no count" or "no outcome", in any case.
inline constexpr std::string_view kNone = "none";
std::string date_or_none(const std::optional<Date>& date);

// A date (YYYY-MM-DD) or none, for `option`.
std::optional<Date> parse_optional_date(const std::string& text, std::string_view option);
// Pounds as lib/core/money reads them ("487", "£1,200.50").
Pence parse_amount(const std::string& text, std::string_view option);
// A whole number or none.
std::optional<int> parse_optional_count(const std::string& text, std::string_view option);
// A channel's canonical name or label; the message lists them all.
tracker::Channel parse_channel_or_throw(const std::string& text);
// withdrawn, rejected or none.
tracker::Outcome parse_outcome_or_throw(const std::string& text);

// Error(kInvalid) "nothing to correct: give <options>" unless `any`.
void require_a_change(bool any, std::string_view options);

// "'text'", so that an empty note or reason shows.
std::string in_quotes(const std::string& text);

// What a correction changed, for its one line: "amount £487.00 to £450.00, date ... to ...".
class Changes {
 public:
  // Notes `what` when `before` and `after` differ.
  void add(std::string_view what, const std::string& before, const std::string& after);
  // "Spend 14 (Indeed, ...) corrected: amount £487.00 to £450.00." on stdout or, when nothing
  // changed, "... unchanged: it already had these values."
  void print(const std::string& record) const;

 private:
  std::vector<std::string> parts_;
};

}  // namespace caretoolkit::commands
