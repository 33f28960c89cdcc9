// caretoolkit vacancy publish|close|versions|listing|profile --provider ID ...: publishing a
// provider's vacancies from the command line, under the rules the API follows
// (tracker/vacancy_publishing.hpp): publishing runs the advert checker with the rule packs in
// --rules and is refused, exit 2 and nothing changed, naming each gap; it may give the advert
// (--advert FILE) and, for an advert that ran before it was recorded, the day it went live
// (--live-from). `profile` shows or writes the provider's profile on /employers
// (tracker/employer_directory.hpp).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "advert/check_context_pool.hpp"
#include "advert/checker.hpp"
#include "checker_settings_service.hpp"
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "database.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"
#include "tracker/employer_directory.hpp"
#include "tracker/vacancy_publishing.hpp"
#include "vacancy_judge.hpp"

namespace caretoolkit::commands {
namespace {

struct VacancyOptions {
  std::string database = kDefaultDatabase;
  std::string rules_dir = shipped_folder("rules");
  tracker::Id provider = 0;
  tracker::Id vacancy = 0;
};

// The store, the advert checker and publishing over them, for one command.
struct PublishingContext {
  explicit PublishingContext(const VacancyOptions& options)
      : store(server::open_database(options.database, server::OpenMode::kMustExist)),
        rules(rules::RuleSet::load_directory(options.rules_dir)),
        checker(rules, analyzer),
        settings(*store, rules, analyzer, checker),
        publishing(*store, server::make_vacancy_judge(*store, settings, checker, contexts)) {
    store->providers().get(options.provider);
  }

  std::unique_ptr<tracker::Store> store;
  rules::RuleSet rules;
  text::Analyzer analyzer;
  advert::Checker checker;
  server::CheckerSettingsService settings;
  advert::CheckContextPool contexts;
  tracker::VacancyPublishing publishing;
};

CLI::App* vacancy_command(CLI::App* group, const char* name, const char* help,
                          VacancyOptions& options, bool takes_id = true) {
  CLI::App* command = group->add_subcommand(name, help);
  command->add_option("--provider", options.provider, "Provider id")->required();
  if (takes_id) {
    command->add_option("VACANCY", options.vacancy, "The vacancy's id, as the API lists it")
        ->required();
  }
  command->add_option("--rules", options.rules_dir, "Directory of rule packs (*.json)")
      ->capture_default_str();
  add_db_option(command, options.database);
  return command;
}

// The day the vacancy's live advert version went live.
std::string live_version_from(const PublishingContext& context, const VacancyOptions& options) {
  const auto versions = context.publishing.versions(options.provider, options.vacancy);
  return versions.empty() ? "" : versions.back().live_from.to_string();
}

// What `vacancy publish` may change besides the status: the advert, and the day it went live.
struct PublishOptions {
  std::optional<std::string> advert_file;
  std::optional<std::string> live_from;
};

void add_publish(CLI::App* group) {
  auto o = std::make_shared<VacancyOptions>();
  auto p = std::make_shared<PublishOptions>();
  CLI::App* publish = vacancy_command(
      group, "publish",
      "Check a vacancy and open it on its public page (pay, town, how to apply, a closing date "
      "and pay at or above the National Living Wage are needed); with --advert, publish that "
      "advert, as the next version when the vacancy is open",
      *o);
  publish->add_option("--advert", p->advert_file,
                      "File of the advert text to publish (plain UTF-8 text) instead of the "
                      "vacancy's own");
  publish->add_option("--live-from", p->live_from,
                      "For an advert that ran before it was recorded here: the day it went live "
                      "(YYYY-MM-DD), not after today, before the vacancy opened or before its "
                      "latest advert version went live; record versions in the order they ran");
  publish->callback([o, p] {
    PublishingContext context(*o);
    std::optional<std::string> advert;
    if (p->advert_file) advert = read_file(*p->advert_file);
    std::optional<Date> live_from;
    if (p->live_from) live_from = Date::parse_or_throw(*p->live_from, "--live-from");
    const tracker::Vacancy v =
        context.publishing.update(o->provider, o->vacancy, [&](tracker::Vacancy& vacancy) {
          vacancy.status = tracker::VacancyStatus::kOpen;
          if (advert) vacancy.advert_text = advert;
          vacancy.advert_live_from = live_from;
        });
    std::cout << "Vacancy " << v.id << " (" << v.role << ") is open: advert version "
              << v.live_version.value_or(0) << ", score " << v.advert_score.value_or(0)
              << ", live from " << live_version_from(context, *o) << ", page /vacancies/" << v.id
              << ", closing on " << (v.closing_on ? v.closing_on->to_string() : "") << ".\n";
  });
}

void add_close(CLI::App* group) {
  auto o = std::make_shared<VacancyOptions>();
  CLI::App* close = vacancy_command(group, "close",
                                    "Close a vacancy: its page says it has closed from now on", *o);
  close->callback([o] {
    PublishingContext context(*o);
    const tracker::Vacancy v = context.publishing.close(o->provider, o->vacancy);
    std::cout << "Vacancy " << v.id << " (" << v.role << ") closed on "
              << (v.closed_on ? v.closed_on->to_string() : "") << ".\n";
  });
}

void add_versions(CLI::App* group) {
  auto o = std::make_shared<VacancyOptions>();
  CLI::App* versions = vacancy_command(
      group, "versions",
      "List a vacancy's advert versions with their scores and the views, apply clicks and "
      "applicants each brought",
      *o);
  versions->callback([o] {
    PublishingContext context(*o);
    using Align = TextTable::Align;
    TextTable table({{"version", Align::kRight},
                     {"live from", Align::kLeft},
                     {"live to", Align::kLeft},
                     {"score", Align::kRight},
                     {"views", Align::kRight},
                     {"apply clicks", Align::kRight},
                     {"applicants", Align::kRight},
                     {"from the page", Align::kRight}});
    for (const auto& v : context.publishing.versions(o->provider, o->vacancy)) {
      table.add({std::to_string(v.version), v.live_from.to_string(),
                 v.live_to ? v.live_to->to_string() : "live", std::to_string(v.score),
                 std::to_string(v.views), std::to_string(v.apply_clicks),
                 std::to_string(v.applicants), std::to_string(v.from_vacancy_page)});
    }
    table.print(std::cout);
  });
}

void add_listing(CLI::App* group) {
  auto o = std::make_shared<VacancyOptions>();
  auto choice = std::make_shared<std::string>();
  CLI::App* listing = vacancy_command(
      group, "listing",
      "Choose whether the provider's open vacancies are listed on /vacancies and /sitemap.xml, "
      "and the provider on /employers",
      *o, false);
  listing->add_option("CHOICE", *choice, "on or off")
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  listing->callback([o, choice] {
    PublishingContext context(*o);
    const bool listed = *choice == "on";
    context.publishing.set_listed(o->provider, listed);
    std::cout << "Provider " << o->provider << "'s open vacancies are "
              << (listed ? "now listed on /vacancies." : "no longer listed on /vacancies.") << "\n";
  });
}

struct ProfileOptions {
  std::optional<std::string> town;
  std::optional<std::string> postcode_district;
  std::optional<std::string> description;
};

void print_profile(const tracker::EmployerProfile& profile,
                   const std::vector<tracker::ServiceType>& types) {
  std::string kinds;
  for (const tracker::ServiceType type : types) {
    kinds += (kinds.empty() ? "" : ", ") + std::string(tracker::label(type));
  }
  std::cout << "Town: " << profile.town << "\nPostcode district: " << profile.postcode_district
            << "\nKinds of service: " << kinds << "\nAbout us: " << profile.description << "\n";
}

void add_profile(CLI::App* group) {
  auto o = std::make_shared<VacancyOptions>();
  auto p = std::make_shared<ProfileOptions>();
  CLI::App* profile = vacancy_command(
      group, "profile",
      "Show the provider's profile on /employers, or write the parts given (the kinds of service "
      "come from its services)",
      *o, false);
  profile->add_option("--town", p->town, "The town the provider works in");
  profile->add_option("--postcode-district", p->postcode_district,
                      "The first part of the postcode, such as LE10");
  profile->add_option("--description", p->description,
                      "A short description of the provider, at most " +
                          std::to_string(tracker::kMaxProfileDescriptionLength) + " characters");
  profile->callback([o, p] {
    PublishingContext context(*o);
    tracker::EmployerDirectory directory(*context.store, context.publishing);
    tracker::EmployerProfile current = directory.profile(o->provider);
    if (p->town || p->postcode_district || p->description) {
      if (p->town) current.town = *p->town;
      if (p->postcode_district) current.postcode_district = *p->postcode_district;
      if (p->description) current.description = *p->description;
      current = directory.set_profile(o->provider, current);
      std::cout << "Provider " << o->provider << "'s profile is saved"
                << (context.publishing.listed(o->provider)
                        ? "; it shows on /employers.\n"
                        : "; it shows on /employers once the provider is listed (vacancy "
                          "listing on).\n");
    }
    print_profile(current, directory.service_types(o->provider));
  });
}

}  // namespace

void add_vacancy_commands(CLI::App& app) {
  CLI::App* group =
      app.add_subcommand("vacancy", "Publish and close a provider's vacancies on public pages");
  group->require_subcommand(1);
  add_publish(group);
  add_close(group);
  add_versions(group);
  add_listing(group);
  add_profile(group);
}

}  // namespace caretoolkit::commands
