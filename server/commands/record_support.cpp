// The record commands' shared helpers; see record_support.hpp.
#include "commands/record_support.hpp"

#include <algorithm>
#include <charconv>
#include <iostream>

#include "commands/command_support.hpp"
#include "core/error.hpp"
#include "database.hpp"

namespace caretoolkit::commands {

using tracker::Id;

void add_target_options(CLI::App* command, Target& target) {
  command->add_option("--provider", target.provider, "Provider id")->required();
  add_db_option(command, target.database);
}

std::unique_ptr<tracker::Store> open_for(const Target& target) {
  auto store = server::open_database(target.database, server::OpenMode::kMustExist);
  store->providers().get(target.provider);
  return store;
}

std::vector<tracker::Source> all_sources(const tracker::Store& store, Id provider) {
  return every_page<tracker::Source>(
      [&](const tracker::PageRequest& page) { return store.sources().list(provider, {}, page); });
}

std::map<Id, std::string> source_names(const tracker::Store& store, Id provider) {
  std::map<Id, std::string> names;
  for (auto& source : all_sources(store, provider)) names[source.id] = std::move(source.name);
  return names;
}

std::string name_of(const std::map<Id, std::string>& names, Id id, std::string_view noun) {
  const auto found = names.find(id);
  return found == names.end() ? std::string(noun) + " " + std::to_string(id) : found->second;
}

std::map<Id, std::string> service_names(const tracker::Store& store, Id provider) {
  std::map<Id, std::string> names;
  const auto services = every_page<tracker::Service>(
      [&](const tracker::PageRequest& page) { return store.services().list(provider, {}, page); });
  for (const auto& service : services) names[service.id] = service.name;
  return names;
}

tracker::Source find_source(const tracker::Store& store, Id provider, const std::string& name) {
  tracker::SourceFilter filter;
  filter.name = name;
  auto found = store.sources().list(provider, filter, {.limit = 1, .cursor = {}});
  if (!found.items.empty()) return std::move(found.items.front());
  std::vector<std::string> names;
  for (auto& source : all_sources(store, provider)) names.push_back(std::move(source.name));
  throw Error(ErrorCode::kNotFound,
              "provider " + std::to_string(provider) + " has no source named '" + name + "'" +
                  (names.empty() ? " (it has no sources yet)" : "; its sources are " + join(names)),
              "source");
}

tracker::Applicant find_applicant(const tracker::Store& store, Id provider,
                                  const std::string& reference) {
  tracker::ApplicantFilter filter;
  filter.reference = reference;
  auto found = reference.empty()
                   ? tracker::Page<tracker::Applicant>{}
                   : store.applicants().list(provider, filter, {.limit = 1, .cursor = {}});
  if (found.items.empty()) {
    throw Error(ErrorCode::kNotFound,
                "provider " + std::to_string(provider) + " has no applicant with reference '" +
                    reference + "'",
                "reference");
  }
  return std::move(found.items.front());
}

namespace {

bool is_none(std::string_view text) {
  return text.size() == kNone.size() &&
         std::equal(text.begin(), text.end(), kNone.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

}  // namespace

std::string date_or_none(const std::optional<Date>& date) {
  return date ? date->to_string() : std::string(kNone);
}

std::optional<Date> parse_optional_date(const std::string& text, std::string_view option) {
  if (is_none(text)) return std::nullopt;
  return Date::parse_or_throw(text, option);
}

Pence parse_amount(const std::string& text, std::string_view option) {
  const PoundsReading pounds = read_pounds(text);
  if (pounds.amount) return *pounds.amount;
  if (pounds.over_max) {
    throw Error(ErrorCode::kInvalid,
                std::string(option) + " '" + text.substr(0, 40) + "' is over the limit; " +
                    std::string(kMaxAmountRule),
                std::string(option));
  }
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

std::string in_quotes(const std::string& text) {
  return "'" + text + "'";
}

void require_a_change(bool any, std::string_view options) {
  if (!any) {
    throw Error(ErrorCode::kInvalid, "nothing to correct: give " + std::string(options));
  }
}

void Changes::add(std::string_view what, const std::string& before, const std::string& after) {
  if (before != after) parts_.push_back(std::string(what) + " " + before + " to " + after);
}

void Changes::print(const std::string& record) const {
  if (parts_.empty()) {
    std::cout << record << " unchanged: it already had these values.\n";
  } else {
    std::cout << record << " corrected: " << join(parts_) << ".\n";
  }
}

void add_period_options(CLI::App* command, PeriodOptions& period, std::string_view what) {
  command->add_option("--from", period.from,
                      "Only " + std::string(what) + " on or after this day (YYYY-MM-DD)");
  command->add_option("--to", period.to,
                      "Only " + std::string(what) + " on or before this day (YYYY-MM-DD)");
}

}  // namespace caretoolkit::commands
