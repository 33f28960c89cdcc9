// Mending a provider's sources, spend rows and headcounts from the command line, one record at a
// time (applicants are in applicant_commands.cpp).
//
//   caretoolkit source list|rename|set-channel|delete --provider ID ...
//   caretoolkit spend list|delete|correct --provider ID ...
//   caretoolkit headcount list|delete|correct --provider ID ...
//
// Every change goes through the Store, so it follows the rules the API and the import follow and
// is refused whole with the Store's message (exit 2) when it breaks one. Sources are named, as in
// the CSV forms (trimmed, case ignored); spend rows and headcounts by the id their list shows.
// Another provider's id is not found, as in the API. Each change prints one line saying what it
// did; a correction names every value it changed.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/record_support.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::commands {

namespace {

using tracker::Id;

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
                 readable_pounds(spend[source.id])});
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
    const tracker::Source after = store->sources().update(
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
  set->add_option(
         "CHANNEL", o->channel,
         "One of " + std::string(tracker::channel_names()) + " (or its label: \"Social media\")")
      ->required();
  add_target_options(set, o->target);
  set->callback([o] {
    const tracker::Channel channel = parse_channel_or_throw(o->channel);
    const auto store = open_for(o->target);
    const tracker::Source before = find_source(*store, o->target.provider, o->name);
    store->sources().update(o->target.provider, before.id,
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
    store->sources().remove(o->target.provider, source.id);
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
         readable_pounds(entry.amount);
}

std::string spend_record(const tracker::SpendEntry& entry,
                         const std::map<Id, std::string>& sources) {
  return "Spend " + std::to_string(entry.id) + " (" + describe(entry, sources) + ")";
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
      return store->spend().list(provider, filter, page);
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
                 name_of(sources, entry.source_id, "source"), readable_pounds(entry.amount),
                 entry.note});
      total += entry.amount;
    }
    table.print(std::cout);
    std::cout << entries.size() << (entries.size() == 1 ? " spend row, " : " spend rows, ")
              << readable_pounds(total) << " in all.\n";
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
    const tracker::SpendEntry entry = store->spend().get(provider, o->id);
    store->spend().remove(provider, o->id);
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
        store->spend().update(provider, o->id, [&](tracker::SpendEntry& entry) {
          before = entry;
          if (amount) entry.amount = *amount;
          if (date) entry.date = *date;
          if (source) entry.source_id = *source;
          if (o->note) entry.note = *o->note;
        });
    const auto sources = source_names(*store, provider);
    Changes changes;
    changes.add("amount", readable_pounds(before.amount), readable_pounds(after.amount));
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
          return store->headcounts().list(provider, filter, page);
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
    const tracker::HeadcountSnapshot snapshot = store->headcounts().get(provider, o->id);
    store->headcounts().remove(provider, o->id);
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
        store->headcounts().update(provider, o->id, [&](tracker::HeadcountSnapshot& snapshot) {
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

}  // namespace

void add_record_commands(CLI::App& app) {
  add_source_commands(app);
  add_spend_commands(app);
  add_headcount_commands(app);
}

}  // namespace caretoolkit::commands
