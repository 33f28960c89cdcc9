// Mending a provider's records from the command line: its sources, spend rows, headcounts and
// applicants, one record at a time.
//
//   caretoolkit source list|rename|set-channel|delete --provider ID ...
//   caretoolkit spend list|delete|correct --provider ID ...
//   caretoolkit headcount list|delete|correct --provider ID ...
//   caretoolkit applicant show|delete|correct --provider ID REFERENCE ...
//
// Every change goes through the Store, so it follows the rules the API and the import follow and
// is refused whole with the Store's message (exit 2) when it breaks one. Sources are named, as in
// the CSV forms (trimmed, case ignored); applicants by their reference; spend rows and headcounts
// by the id their list shows. Another provider's id or reference is not found, as in the API.
// Each change prints one line saying what it did; a correction names every value it changed.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "database.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

namespace {

using tracker::Id;

// The database and the provider a command acts for.
struct Target {
  std::string database = kDefaultDatabase;
  Id provider = 0;
};

void add_target_options(CLI::App* command, Target& target) {
  command->add_option("--provider", target.provider, "Provider id")->required();
  add_db_option(command, target.database);
}

// Opens the database and checks that the provider exists, so that an unknown provider is named
// as such rather than showing as a provider with no records.
std::unique_ptr<tracker::Store> open_for(const Target& target) {
  auto store = server::open_database(target.database);
  store->get_provider(target.provider);
  return store;
}

// Every item of a paged list, page after page.
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

std::vector<tracker::Source> all_sources(const tracker::Store& store, Id provider) {
  return every_page<tracker::Source>(
      [&](const tracker::PageRequest& page) { return store.list_sources(provider, {}, page); });
}

std::map<Id, std::string> source_names(const tracker::Store& store, Id provider) {
  std::map<Id, std::string> names;
  for (auto& source : all_sources(store, provider)) names[source.id] = std::move(source.name);
  return names;
}

// The name of record `id` in `names`, or "source 12" for one that is not there (created since).
std::string name_of(const std::map<Id, std::string>& names, Id id, std::string_view noun) {
  const auto found = names.find(id);
  return found == names.end() ? std::string(noun) + " " + std::to_string(id) : found->second;
}

std::map<Id, std::string> service_names(const tracker::Store& store, Id provider) {
  std::map<Id, std::string> names;
  const auto services = every_page<tracker::Service>(
      [&](const tracker::PageRequest& page) { return store.list_services(provider, {}, page); });
  for (const auto& service : services) names[service.id] = service.name;
  return names;
}

// The provider's source called `name` (trimmed, case ignored, as the import matches names).
tracker::Source find_source(const tracker::Store& store, Id provider, const std::string& name) {
  tracker::SourceFilter filter;
  filter.name = name;
  auto found = store.list_sources(provider, filter, {.limit = 1, .cursor = {}});
  if (!found.items.empty()) return std::move(found.items.front());
  std::vector<std::string> names;
  for (auto& source : all_sources(store, provider)) names.push_back(std::move(source.name));
  throw Error(ErrorCode::kNotFound,
              "provider " + std::to_string(provider) + " has no source named '" + name + "'" +
                  (names.empty() ? " (it has no sources yet)" : "; its sources are " + join(names)),
              "source");
}

// The provider's applicant with this reference (exactly as stored, as the import matches them).
tracker::Applicant find_applicant(const tracker::Store& store, Id provider,
                                  const std::string& reference) {
  tracker::ApplicantFilter filter;
  filter.reference = reference;
  auto found = reference.empty()
                   ? tracker::Page<tracker::Applicant>{}
                   : store.list_applicants(provider, filter, {.limit = 1, .cursor = {}});
  if (found.items.empty()) {
    throw Error(ErrorCode::kNotFound,
                "provider " + std::to_string(provider) + " has no applicant with reference '" +
                    reference + "'",
                "reference");
  }
  return std::move(found.items.front());
}

// The word a person types for "no date", "no count" or "no outcome", in any case.
constexpr std::string_view kNone = "none";

bool is_none(std::string_view text) {
  return text.size() == kNone.size() &&
         std::equal(text.begin(), text.end(), kNone.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

std::string date_or_none(const std::optional<Date>& date) {
  return date ? date->to_string() : std::string(kNone);
}

std::optional<Date> parse_optional_date(const std::string& text, std::string_view option) {
  if (is_none(text)) return std::nullopt;
  return Date::parse_or_throw(text, option);
}

Pence parse_amount(const std::string& text, std::string_view option) {
  if (const auto amount = parse_pounds(text)) return *amount;
  throw Error(ErrorCode::kInvalid,
              std::string(option) + " must be pounds such as 487 or 487.50, not '" +
                  text.substr(0, 40) + "'",
              std::string(option));
}

std::optional<int> parse_optional_count(const std::string& text, std::string_view option) {
  if (is_none(text)) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw Error(
        ErrorCode::kInvalid,
        std::string(option) + " must be a whole number or none, not '" + text.substr(0, 40) + "'",
        std::string(option));
  }
  return value;
}

tracker::Channel parse_channel_or_throw(const std::string& text) {
  if (const auto channel = tracker::parse_channel(text)) return *channel;
  std::vector<std::string> known;
  // Channel::kOther is the last channel.
  for (int i = 0; i <= static_cast<int>(tracker::Channel::kOther); ++i) {
    const auto channel = static_cast<tracker::Channel>(i);
    known.push_back(std::string(tracker::to_string(channel)) + " (" +
                    std::string(tracker::label(channel)) + ")");
  }
  throw Error(ErrorCode::kInvalid,
              "'" + text.substr(0, 40) + "' is not a channel; use one of " + join(known),
              "CHANNEL");
}

tracker::Outcome parse_outcome_or_throw(const std::string& text) {
  if (is_none(text)) return tracker::Outcome::kNone;
  if (const auto outcome = tracker::parse_outcome(text)) return *outcome;
  throw Error(ErrorCode::kInvalid,
              "--outcome must be withdrawn, rejected or none, not '" + text.substr(0, 40) + "'",
              "--outcome");
}

// What a correction changed, for its one line: "amount £487.00 to £450.00, date ... to ...".
class Changes {
 public:
  void add(std::string_view what, const std::string& before, const std::string& after) {
    if (before != after) parts_.push_back(std::string(what) + " " + before + " to " + after);
  }
  // "Spend 14 (Indeed, ...) corrected: amount £487.00 to £450.00." or, when nothing changed,
  // "... unchanged: it already had these values."
  void print(const std::string& record) const {
    if (parts_.empty()) {
      std::cout << record << " unchanged: it already had these values.\n";
    } else {
      std::cout << record << " corrected: " << join(parts_) << ".\n";
    }
  }

 private:
  std::vector<std::string> parts_;
};

std::string in_quotes(const std::string& text) {
  return "'" + text + "'";
}

void require_a_change(bool any, std::string_view options) {
  if (!any) {
    throw Error(ErrorCode::kInvalid, "nothing to correct: give " + std::string(options));
  }
}

// Sources ----------------------------------------------------------------------------------------

void add_source_list(CLI::App* group) {
  auto target = std::make_shared<Target>();
  CLI::App* list =
      group->add_subcommand("list", "List the sources with their channel, applicants and spend");
  add_target_options(list, *target);
  list->callback([target] {
    const auto store = open_for(*target);
    const tracker::TrackerData data = store->load_tracker_data(target->provider);
    std::map<Id, std::size_t> applicants;
    std::map<Id, Pence> spend;
    for (const auto& applicant : data.applicants) ++applicants[applicant.source_id];
    for (const auto& entry : data.spend) spend[entry.source_id] += entry.amount;
    using Align = TextTable::Align;
    TextTable table({{"id", Align::kRight},
                     {"name", Align::kLeft},
                     {"channel", Align::kLeft},
                     {"applicants", Align::kRight},
                     {"spend", Align::kRight}});
    for (const auto& source : data.sources) {
      table.add({std::to_string(source.id), source.name,
                 std::string(tracker::label(source.channel)), std::to_string(applicants[source.id]),
                 pounds(spend[source.id])});
    }
    table.print(std::cout);
  });
}

void add_source_rename(CLI::App* group) {
  struct Options {
    Target target;
    std::string name, new_name;
  };
  auto o = std::make_shared<Options>();
  CLI::App* rename = group->add_subcommand(
      "rename", "Rename a source; its applicants and spend stay with it under the new name");
  rename->add_option("NAME", o->name, "The source's name now (case does not matter)")->required();
  rename->add_option("NEW_NAME", o->new_name, "Its new name (not another source's)")->required();
  add_target_options(rename, o->target);
  rename->callback([o] {
    const auto store = open_for(o->target);
    const tracker::Source before = find_source(*store, o->target.provider, o->name);
    const tracker::Source after = store->update_source(
        o->target.provider, before.id, [&](tracker::Source& source) { source.name = o->new_name; });
    std::cout << "Source " << before.id << " (" << before.name << ") renamed to " << after.name
              << ".\n";
  });
}

void add_source_set_channel(CLI::App* group) {
  struct Options {
    Target target;
    std::string name, channel;
  };
  auto o = std::make_shared<Options>();
  CLI::App* set = group->add_subcommand("set-channel", "Change the channel a source belongs to");
  set->add_option("NAME", o->name, "The source's name (case does not matter)")->required();
  set->add_option("CHANNEL", o->channel,
                  "job_board, social_media, staff_referral, jobcentre_plus, careers_event, "
                  "own_website, agency or other (or its label: \"Social media\")")
      ->required();
  add_target_options(set, o->target);
  set->callback([o] {
    const tracker::Channel channel = parse_channel_or_throw(o->channel);
    const auto store = open_for(o->target);
    const tracker::Source before = find_source(*store, o->target.provider, o->name);
    store->update_source(o->target.provider, before.id,
                         [&](tracker::Source& source) { source.channel = channel; });
    const std::string record = "Source " + std::to_string(before.id) + " (" + before.name + ")";
    if (before.channel == channel) {
      std::cout << record << " unchanged: its channel is already " << tracker::label(channel)
                << ".\n";
      return;
    }
    std::cout << record << " moved from " << tracker::label(before.channel) << " to "
              << tracker::label(channel) << ".\n";
  });
}

void add_source_delete(CLI::App* group) {
  struct Options {
    Target target;
    std::string name;
  };
  auto o = std::make_shared<Options>();
  CLI::App* remove = group->add_subcommand(
      "delete", "Delete a source that no applicant or spend row uses (correct those first)");
  remove->add_option("NAME", o->name, "The source's name (case does not matter)")->required();
  add_target_options(remove, o->target);
  remove->callback([o] {
    const auto store = open_for(o->target);
    const tracker::Source source = find_source(*store, o->target.provider, o->name);
    store->delete_source(o->target.provider, source.id);
    std::cout << "Source " << source.id << " (" << source.name << ") deleted.\n";
  });
}

void add_source_commands(CLI::App& app) {
  CLI::App* group = app.add_subcommand("source", "A provider's recruitment sources");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  caretoolkit source list --provider 1\n"
      "  caretoolkit source rename --provider 1 \"indeed\" \"Indeed UK\"\n"
      "  caretoolkit source set-channel --provider 1 \"Refer a friend\" \"Staff referral\"\n"
      "A rename onto another source's name, and deleting a source that applicants or spend use, "
      "are refused.");
  add_source_list(group);
  add_source_rename(group);
  add_source_set_channel(group);
  add_source_delete(group);
}

// Spend ------------------------------------------------------------------------------------------

// "Indeed, 2025-03-01, £487.00"
std::string describe(const tracker::SpendEntry& entry, const std::map<Id, std::string>& sources) {
  return name_of(sources, entry.source_id, "source") + ", " + entry.date.to_string() + ", " +
         pounds(entry.amount);
}

std::string spend_record(const tracker::SpendEntry& entry,
                         const std::map<Id, std::string>& sources) {
  return "Spend " + std::to_string(entry.id) + " (" + describe(entry, sources) + ")";
}

struct PeriodOptions {
  std::optional<std::string> from, to;
};

void add_period_options(CLI::App* command, PeriodOptions& period, std::string_view what) {
  command->add_option("--from", period.from,
                      "Only " + std::string(what) + " on or after this day (YYYY-MM-DD)");
  command->add_option("--to", period.to,
                      "Only " + std::string(what) + " on or before this day (YYYY-MM-DD)");
}

void add_spend_list(CLI::App* group) {
  struct Options {
    Target target;
    PeriodOptions period;
    std::optional<std::string> source;
  };
  auto o = std::make_shared<Options>();
  CLI::App* list = group->add_subcommand("list", "List the spend rows with their ids");
  list->add_option("--source", o->source, "Only this source's rows");
  add_period_options(list, o->period, "rows dated");
  add_target_options(list, o->target);
  list->callback([o] {
    tracker::SpendFilter filter;
    if (o->period.from) filter.from = Date::parse_or_throw(*o->period.from, "--from");
    if (o->period.to) filter.to = Date::parse_or_throw(*o->period.to, "--to");
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    if (o->source) filter.source_id = find_source(*store, provider, *o->source).id;
    const auto sources = source_names(*store, provider);
    const auto entries = every_page<tracker::SpendEntry>([&](const tracker::PageRequest& page) {
      return store->list_spend(provider, filter, page);
    });
    using Align = TextTable::Align;
    TextTable table({{"id", Align::kRight},
                     {"date", Align::kLeft},
                     {"source", Align::kLeft},
                     {"amount", Align::kRight},
                     {"note", Align::kLeft}});
    Pence total;
    for (const auto& entry : entries) {
      table.add({std::to_string(entry.id), entry.date.to_string(),
                 name_of(sources, entry.source_id, "source"), pounds(entry.amount), entry.note});
      total += entry.amount;
    }
    table.print(std::cout);
    std::cout << entries.size() << (entries.size() == 1 ? " spend row, " : " spend rows, ")
              << pounds(total) << " in all.\n";
  });
}

void add_spend_delete(CLI::App* group) {
  struct Options {
    Target target;
    Id id = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* remove = group->add_subcommand("delete", "Delete one spend row");
  remove->add_option("SPEND_ID", o->id, "The row's id, as spend list shows it")->required();
  add_target_options(remove, o->target);
  remove->callback([o] {
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    const tracker::SpendEntry entry = store->get_spend(provider, o->id);
    store->delete_spend(provider, o->id);
    std::cout << spend_record(entry, source_names(*store, provider)) << " deleted.\n";
  });
}

void add_spend_correct(CLI::App* group) {
  struct Options {
    Target target;
    Id id = 0;
    std::optional<std::string> amount, date, source, note;
  };
  auto o = std::make_shared<Options>();
  CLI::App* correct = group->add_subcommand(
      "correct", "Correct a spend row's amount, date, source or note; the rest stays");
  correct->add_option("SPEND_ID", o->id, "The row's id, as spend list shows it")->required();
  correct->add_option("--amount", o->amount, "Amount in pounds: 487, 487.50, £1,200");
  correct->add_option("--date", o->date, "Day of the spend (YYYY-MM-DD)");
  correct->add_option("--source", o->source, "Another of the provider's sources, by name");
  correct->add_option("--note", o->note, "The note (\"\" clears it)");
  add_target_options(correct, o->target);
  correct->callback([o] {
    require_a_change(o->amount || o->date || o->source || o->note,
                     "--amount, --date, --source or --note");
    std::optional<Pence> amount;
    std::optional<Date> date;
    if (o->amount) amount = parse_amount(*o->amount, "--amount");
    if (o->date) date = Date::parse_or_throw(*o->date, "--date");
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    std::optional<Id> source;
    if (o->source) source = find_source(*store, provider, *o->source).id;

    tracker::SpendEntry before;
    const tracker::SpendEntry after =
        store->update_spend(provider, o->id, [&](tracker::SpendEntry& entry) {
          before = entry;
          if (amount) entry.amount = *amount;
          if (date) entry.date = *date;
          if (source) entry.source_id = *source;
          if (o->note) entry.note = *o->note;
        });
    const auto sources = source_names(*store, provider);
    Changes changes;
    changes.add("amount", pounds(before.amount), pounds(after.amount));
    changes.add("date", before.date.to_string(), after.date.to_string());
    changes.add("source", name_of(sources, before.source_id, "source"),
                name_of(sources, after.source_id, "source"));
    changes.add("note", in_quotes(before.note), in_quotes(after.note));
    changes.print(spend_record(before, sources));
  });
}

void add_spend_commands(CLI::App& app) {
  CLI::App* group = app.add_subcommand("spend", "A provider's recruitment spend, row by row");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  caretoolkit spend list --provider 1 --source Indeed --from 2025-03-01 --to 2025-03-31\n"
      "  caretoolkit spend correct --provider 1 14 --amount 450 --date 2025-03-02\n"
      "  caretoolkit spend delete --provider 1 14\n"
      "A correction that breaks a rule (a negative amount, an unknown source) is refused whole.");
  add_spend_list(group);
  add_spend_delete(group);
  add_spend_correct(group);
}

// Headcounts -------------------------------------------------------------------------------------

std::string service_of(const tracker::HeadcountSnapshot& snapshot,
                       const std::map<Id, std::string>& services) {
  return snapshot.service_id ? name_of(services, *snapshot.service_id, "service")
                             : "whole provider";
}

std::string leavers_or_none(const std::optional<int>& leavers) {
  return leavers ? std::to_string(*leavers) : std::string(kNone);
}

// "Headcount 5 (Home care, 2025-03-31)"
std::string headcount_record(const tracker::HeadcountSnapshot& snapshot,
                             const std::map<Id, std::string>& services) {
  return "Headcount " + std::to_string(snapshot.id) + " (" + service_of(snapshot, services) + ", " +
         snapshot.date.to_string() + ")";
}

void add_headcount_list(CLI::App* group) {
  struct Options {
    Target target;
    PeriodOptions period;
  };
  auto o = std::make_shared<Options>();
  CLI::App* list = group->add_subcommand("list", "List the headcounts with their ids");
  add_period_options(list, o->period, "headcounts taken");
  add_target_options(list, o->target);
  list->callback([o] {
    tracker::HeadcountFilter filter;
    if (o->period.from) filter.from = Date::parse_or_throw(*o->period.from, "--from");
    if (o->period.to) filter.to = Date::parse_or_throw(*o->period.to, "--to");
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    const auto services = service_names(*store, provider);
    const auto snapshots =
        every_page<tracker::HeadcountSnapshot>([&](const tracker::PageRequest& page) {
          return store->list_headcounts(provider, filter, page);
        });
    using Align = TextTable::Align;
    TextTable table({{"id", Align::kRight},
                     {"date", Align::kLeft},
                     {"service", Align::kLeft},
                     {"staff", Align::kRight},
                     {"vacancies", Align::kRight},
                     {"leavers", Align::kRight}});
    for (const auto& s : snapshots) {
      table.add({std::to_string(s.id), s.date.to_string(), service_of(s, services),
                 std::to_string(s.staff), std::to_string(s.vacancies),
                 s.leavers ? std::to_string(*s.leavers) : "-"});
    }
    table.print(std::cout);
    std::cout << snapshots.size() << (snapshots.size() == 1 ? " headcount.\n" : " headcounts.\n");
  });
}

void add_headcount_delete(CLI::App* group) {
  struct Options {
    Target target;
    Id id = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* remove = group->add_subcommand("delete", "Delete one headcount");
  remove->add_option("HEADCOUNT_ID", o->id, "The headcount's id, as headcount list shows it")
      ->required();
  add_target_options(remove, o->target);
  remove->callback([o] {
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    const tracker::HeadcountSnapshot snapshot = store->get_headcount(provider, o->id);
    store->delete_headcount(provider, o->id);
    std::cout << headcount_record(snapshot, service_names(*store, provider)) << " deleted.\n";
  });
}

void add_headcount_correct(CLI::App* group) {
  struct Options {
    Target target;
    Id id = 0;
    std::optional<int> staff, vacancies;
    std::optional<std::string> leavers, date;
  };
  auto o = std::make_shared<Options>();
  CLI::App* correct = group->add_subcommand(
      "correct", "Correct a headcount's staff, vacancies, leavers or date; the rest stays");
  correct->add_option("HEADCOUNT_ID", o->id, "The headcount's id, as headcount list shows it")
      ->required();
  correct->add_option("--staff", o->staff, "Staff in post");
  correct->add_option("--vacancies", o->vacancies, "Vacancies");
  correct->add_option("--leavers", o->leavers, "Leavers in the 12 months to the date, or none");
  correct->add_option("--date", o->date, "Day the headcount was taken (YYYY-MM-DD)");
  add_target_options(correct, o->target);
  correct->callback([o] {
    require_a_change(o->staff || o->vacancies || o->leavers || o->date,
                     "--staff, --vacancies, --leavers or --date");
    std::optional<std::optional<int>> leavers;  // outer: given; inner: the count or none
    std::optional<Date> date;
    if (o->leavers) leavers = parse_optional_count(*o->leavers, "--leavers");
    if (o->date) date = Date::parse_or_throw(*o->date, "--date");
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;

    tracker::HeadcountSnapshot before;
    const tracker::HeadcountSnapshot after =
        store->update_headcount(provider, o->id, [&](tracker::HeadcountSnapshot& snapshot) {
          before = snapshot;
          if (o->staff) snapshot.staff = *o->staff;
          if (o->vacancies) snapshot.vacancies = *o->vacancies;
          if (leavers) snapshot.leavers = *leavers;
          if (date) snapshot.date = *date;
        });
    Changes changes;
    changes.add("staff", std::to_string(before.staff), std::to_string(after.staff));
    changes.add("vacancies", std::to_string(before.vacancies), std::to_string(after.vacancies));
    changes.add("leavers", leavers_or_none(before.leavers), leavers_or_none(after.leavers));
    changes.add("date", before.date.to_string(), after.date.to_string());
    changes.print(headcount_record(before, service_names(*store, provider)));
  });
}

void add_headcount_commands(CLI::App& app) {
  CLI::App* group =
      app.add_subcommand("headcount", "A provider's headcounts: staff, vacancies and leavers");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  caretoolkit headcount list --provider 1 --from 2025-01-01\n"
      "  caretoolkit headcount correct --provider 1 5 --staff 49 --vacancies 3 --leavers 22\n"
      "  caretoolkit headcount delete --provider 1 5\n"
      "A negative count, a date in the future, or a second headcount for the same day and "
      "service is refused.");
  add_headcount_list(group);
  add_headcount_delete(group);
  add_headcount_correct(group);
}

// Applicants -------------------------------------------------------------------------------------

std::string applicant_record(const tracker::Applicant& applicant) {
  return "Applicant " + std::to_string(applicant.id) + " (" + applicant.reference + ")";
}

std::string text_or_dash(const std::string& text) {
  return text.empty() ? "-" : text;
}

std::string date_or_dash(const std::optional<Date>& date) {
  return date ? date->to_string() : "-";
}

// "withdrawn on 2025-02-03 (took another job)", or "-" while there is none.
std::string outcome_line(const tracker::Store& store, const tracker::Applicant& applicant) {
  if (applicant.outcome == tracker::Outcome::kNone) return "-";
  std::string line(tracker::to_string(applicant.outcome));
  for (const auto& event : store.list_events(applicant.provider_id, applicant.id)) {
    if (event.stage != tracker::Stage::kWithdrawn && event.stage != tracker::Stage::kRejected) {
      continue;
    }
    line += " on " + event.on.to_string();
    if (!event.reason.empty()) line += " (" + event.reason + ")";
  }
  return line;
}

void print_applicant(const tracker::Store& store, const tracker::Applicant& a) {
  const tracker::Source source = store.get_source(a.provider_id, a.source_id);
  std::string vacancy = "-";
  if (a.vacancy_id) {
    vacancy = store.get_vacancy(a.provider_id, *a.vacancy_id).role + " (vacancy " +
              std::to_string(*a.vacancy_id) + ")";
  }
  const std::string service =
      a.service_id ? store.get_service(a.provider_id, *a.service_id).name : "-";
  TextTable table({{"Applicant " + std::to_string(a.id), TextTable::Align::kLeft},
                   {"", TextTable::Align::kLeft}});
  table.add({"  reference", text_or_dash(a.reference)});
  table.add({"  source", source.name + " (" + std::string(tracker::label(source.channel)) + ")"});
  table.add({"  vacancy", vacancy});
  table.add({"  service", service});
  table.add({"  prior sector", text_or_dash(a.prior_sector)});
  table.add({"  applied on", a.applied_on.to_string()});
  table.add({"  interviewed on", date_or_dash(a.interviewed_on)});
  table.add({"  offered on", date_or_dash(a.offered_on)});
  table.add({"  started on", date_or_dash(a.started_on)});
  table.add({"  left on", date_or_dash(a.left_on)});
  table.add({"  left reason", text_or_dash(a.left_reason)});
  table.add({"  outcome", outcome_line(store, a)});
  table.print(std::cout);
}

struct ApplicantOptions {
  Target target;
  std::string reference;
};

void add_applicant_show(CLI::App* group) {
  auto o = std::make_shared<ApplicantOptions>();
  CLI::App* show = group->add_subcommand("show", "Show an applicant's every field and stage date");
  show->add_option("REFERENCE", o->reference, "The applicant's reference")->required();
  add_target_options(show, o->target);
  show->callback([o] {
    const auto store = open_for(o->target);
    print_applicant(*store, find_applicant(*store, o->target.provider, o->reference));
  });
}

void add_applicant_delete(CLI::App* group) {
  auto o = std::make_shared<ApplicantOptions>();
  CLI::App* remove = group->add_subcommand("delete", "Delete an applicant and every stage date");
  remove->add_option("REFERENCE", o->reference, "The applicant's reference")->required();
  add_target_options(remove, o->target);
  remove->callback([o] {
    const auto store = open_for(o->target);
    const tracker::Applicant applicant = find_applicant(*store, o->target.provider, o->reference);
    store->delete_applicant(o->target.provider, applicant.id);
    std::cout << applicant_record(applicant) << " deleted.\n";
  });
}

// An applicant correction as typed: each member is empty when its option was not given.
struct ApplicantCorrection {
  Target target;
  std::string reference;
  std::optional<std::string> source, applied_on, interviewed_on, offered_on, started_on, left_on,
      left_reason, outcome, new_reference;

  bool any() const {
    return source || applied_on || interviewed_on || offered_on || started_on || left_on ||
           left_reason || outcome || new_reference;
  }
};

// The same correction read into values; a stage date's outer optional says whether it was given,
// the inner one holds the date or none.
struct ApplicantEdit {
  std::optional<Id> source;
  std::optional<Date> applied_on;
  std::optional<std::optional<Date>> interviewed_on, offered_on, started_on, left_on;
  std::optional<std::string> left_reason, reference;
  std::optional<tracker::Outcome> outcome;

  void apply(tracker::Applicant& a) const {
    if (source) a.source_id = *source;
    if (applied_on) a.applied_on = *applied_on;
    if (interviewed_on) a.interviewed_on = *interviewed_on;
    if (offered_on) a.offered_on = *offered_on;
    if (started_on) a.started_on = *started_on;
    if (left_on) a.left_on = *left_on;
    if (left_reason) a.left_reason = *left_reason;
    if (outcome) a.outcome = *outcome;
    if (reference) a.reference = *reference;
  }
};

// Reads every option before anything is written, so that a bad one changes nothing.
ApplicantEdit read_correction(const ApplicantCorrection& o, const tracker::Store& store) {
  ApplicantEdit edit;
  const auto stage_date = [](const std::optional<std::string>& text, std::string_view option) {
    std::optional<std::optional<Date>> change;
    if (text) change.emplace(parse_optional_date(*text, option));
    return change;
  };
  if (o.source) edit.source = find_source(store, o.target.provider, *o.source).id;
  if (o.applied_on) edit.applied_on = Date::parse_or_throw(*o.applied_on, "--applied-on");
  edit.interviewed_on = stage_date(o.interviewed_on, "--interviewed-on");
  edit.offered_on = stage_date(o.offered_on, "--offered-on");
  edit.started_on = stage_date(o.started_on, "--started-on");
  edit.left_on = stage_date(o.left_on, "--left-on");
  edit.left_reason = o.left_reason;
  // Taking back a leaving takes its reason with it, unless a reason is given.
  if (edit.left_on && !*edit.left_on && !edit.left_reason) edit.left_reason = "";
  if (o.outcome) edit.outcome = parse_outcome_or_throw(*o.outcome);
  edit.reference = o.new_reference;
  return edit;
}

std::string outcome_or_none(tracker::Outcome outcome) {
  return outcome == tracker::Outcome::kNone ? std::string(kNone)
                                            : std::string(tracker::to_string(outcome));
}

void print_applicant_changes(const tracker::Applicant& before, const tracker::Applicant& after,
                             const tracker::Store& store) {
  const auto sources = source_names(store, before.provider_id);
  Changes changes;
  changes.add("reference", before.reference, after.reference);
  changes.add("source", name_of(sources, before.source_id, "source"),
              name_of(sources, after.source_id, "source"));
  changes.add("applied on", before.applied_on.to_string(), after.applied_on.to_string());
  changes.add("interviewed on", date_or_none(before.interviewed_on),
              date_or_none(after.interviewed_on));
  changes.add("offered on", date_or_none(before.offered_on), date_or_none(after.offered_on));
  changes.add("started on", date_or_none(before.started_on), date_or_none(after.started_on));
  changes.add("left on", date_or_none(before.left_on), date_or_none(after.left_on));
  changes.add("left reason", in_quotes(before.left_reason), in_quotes(after.left_reason));
  changes.add("outcome", outcome_or_none(before.outcome), outcome_or_none(after.outcome));
  changes.print(applicant_record(before));
}

void add_applicant_correct(CLI::App* group) {
  auto o = std::make_shared<ApplicantCorrection>();
  CLI::App* correct = group->add_subcommand(
      "correct",
      "Correct an applicant's source, stage dates, outcome or reference; the rest stays");
  correct->add_option("REFERENCE", o->reference, "The applicant's reference")->required();
  correct->add_option("--source", o->source, "Another of the provider's sources, by name");
  correct->add_option("--applied-on", o->applied_on, "Day they applied (YYYY-MM-DD)");
  correct->add_option("--interviewed-on", o->interviewed_on, "Day interviewed, or none");
  correct->add_option("--offered-on", o->offered_on, "Day offered the job, or none");
  correct->add_option("--started-on", o->started_on, "Day they started, or none");
  correct->add_option("--left-on", o->left_on, "Day they left, or none (clears the reason too)");
  correct->add_option("--left-reason", o->left_reason, "Why they left (\"\" clears it)");
  correct->add_option("--outcome", o->outcome, "withdrawn, rejected, or none");
  correct->add_option("--new-reference", o->new_reference, "A new reference (not another's)");
  add_target_options(correct, o->target);
  correct->callback([o] {
    require_a_change(o->any(),
                     "--source, --applied-on, --interviewed-on, --offered-on, --started-on, "
                     "--left-on, --left-reason, --outcome or --new-reference");
    const auto store = open_for(o->target);
    const Id provider = o->target.provider;
    const tracker::Applicant found = find_applicant(*store, provider, o->reference);
    const ApplicantEdit edit = read_correction(*o, *store);
    tracker::Applicant before;
    const tracker::Applicant after =
        store->update_applicant(provider, found.id, [&](tracker::Applicant& applicant) {
          before = applicant;
          edit.apply(applicant);
        });
    print_applicant_changes(before, after, *store);
  });
}

void add_applicant_commands(CLI::App& app) {
  CLI::App* group = app.add_subcommand("applicant", "A provider's applicants, by reference");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  caretoolkit applicant show --provider 1 BHC-0042\n"
      "  caretoolkit applicant correct --provider 1 BHC-0042 --offered-on 2025-02-10 "
      "--started-on none\n"
      "  caretoolkit applicant delete --provider 1 BHC-0042\n"
      "Dates must keep their order (applied, interviewed, offered, started, left), a start needs "
      "an offer and a leaving a start, and someone who started cannot have withdrawn or been "
      "rejected: a correction that breaks this is refused whole.");
  add_applicant_show(group);
  add_applicant_delete(group);
  add_applicant_correct(group);
}

}  // namespace

void add_record_commands(CLI::App& app) {
  add_source_commands(app);
  add_spend_commands(app);
  add_headcount_commands(app);
  add_applicant_commands(app);
}

}  // namespace caretoolkit::commands
