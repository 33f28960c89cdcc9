// Mending a provider's applicants from the command line, one at a time, named by reference.
//
//   caretoolkit applicant show|delete --provider ID REFERENCE
//   caretoolkit applicant correct --provider ID REFERENCE [--source NAME] [--applied-on D]
//       [--interviewed-on D|none] [--offered-on D|none] [--started-on D|none] [--left-on D|none]
//       [--left-reason TEXT] [--outcome withdrawn|rejected|none] [--new-reference REF]
//
// A correction goes through ApplicantRecords::update, so the stage dates keep the order the API
// and the import keep, and a correction that breaks it is refused whole (exit 2) with the Store's
// message. Another provider's reference is not found.
#include <CLI/CLI.hpp>

#include <iostream>
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
  for (const auto& event : store.applicants().list_events(applicant.provider_id, applicant.id)) {
    if (event.stage != tracker::Stage::kWithdrawn && event.stage != tracker::Stage::kRejected) {
      continue;
    }
    line += " on " + event.on.to_string();
    if (!event.reason.empty()) line += " (" + event.reason + ")";
  }
  return line;
}

void print_applicant(const tracker::Store& store, const tracker::Applicant& a) {
  const tracker::Source source = store.sources().get(a.provider_id, a.source_id);
  std::string vacancy = "-";
  if (a.vacancy_id) {
    vacancy = store.vacancies().get(a.provider_id, *a.vacancy_id).role + " (vacancy " +
              std::to_string(*a.vacancy_id) + ")";
  }
  const std::string service =
      a.service_id ? store.services().get(a.provider_id, *a.service_id).name : "-";
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
    store->applicants().remove(o->target.provider, applicant.id);
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
        store->applicants().update(provider, found.id, [&](tracker::Applicant& applicant) {
          before = applicant;
          edit.apply(applicant);
        });
    print_applicant_changes(before, after, *store);
  });
}

}  // namespace

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

}  // namespace caretoolkit::commands
