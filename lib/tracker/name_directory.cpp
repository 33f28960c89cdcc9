// The names a CSV import meets; see name_directory.hpp.
#include "tracker/name_directory.hpp"

#include "tracker/cells.hpp"
#include "tracker/form_steps.hpp"
#include "tracker/sql.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

NameDirectory::NameDirectory(Connection& connection, Id provider, ImportSummary& summary,
                             WriteQueue& writes)
    : writes_(writes), provider_(provider), summary_(summary) {
  auto& sources = connection.statement(
      "SELECT id, name, channel, channel_known FROM sources WHERE provider_id = ?");
  sources.bind(1, static_cast<std::int64_t>(provider));
  while (sources.executeStep()) {
    const std::string_view name = sql::read_text(sources.getColumn(1));
    name_key(name, key_);
    sources_.emplace(key_, SourceEntry{NameRef::stored(sources.getColumn(0).getInt64()),
                                       std::string(name), sql::read_channel(sources.getColumn(2)),
                                       sources.getColumn(3).getInt() != 0});
  }
  auto& services = connection.statement("SELECT id, name FROM services WHERE provider_id = ?");
  services.bind(1, static_cast<std::int64_t>(provider));
  while (services.executeStep()) {
    name_key(sql::read_text(services.getColumn(1)), key_);
    services_.emplace(key_, NameRef::stored(services.getColumn(0).getInt64()));
  }
  auto& vacancies = connection.statement(
      "SELECT id, role, service_id FROM vacancies WHERE provider_id = ? ORDER BY id");
  vacancies.bind(1, static_cast<std::int64_t>(provider));
  while (vacancies.executeStep()) {
    vacancy_key(sql::read_text(vacancies.getColumn(1)),
                NameRef::stored(sql::read_optional_id(vacancies.getColumn(2))));
    vacancies_.emplace(key_,
                       VacancyEntry{NameRef::stored(vacancies.getColumn(0).getInt64()), false, {}});
  }
}

NameDirectory::SourceEntry* NameDirectory::find_source(std::string_view name) {
  name_key(name, key_);
  const auto found = sources_.find(key_);
  return found == sources_.end() ? nullptr : &found->second;
}

std::string_view NameDirectory::source_name(NameRef id) const {
  for (const auto& [key, entry] : sources_) {
    if (entry.id == id) return entry.name;
  }
  return {};
}

const NameDirectory::SourceEntry& NameDirectory::add_source(std::string_view name,
                                                            std::optional<Channel> channel,
                                                            std::size_t line) {
  const Source source{.id = 0,
                      .provider_id = provider_,
                      .name = normalise_text(name),
                      .channel = channel.value_or(Channel::kOther),
                      .channel_known = channel.has_value()};
  const NameRef id = create(source);
  summary_.new_sources.push_back(source.name);
  name_key(name, key_);
  return sources_
      .emplace(key_, SourceEntry{id, source.name, source.channel, source.channel_known,
                                 channel ? line : 0})
      .first->second;
}

void NameDirectory::learn_channel(SourceEntry& source, Channel channel, std::size_t line) {
  source.channel = channel;
  source.channel_known = true;
  source.channel_line = line;
  summary_.channels_learnt.push_back(source.name + " (" + std::string(to_string(channel)) + ")");
  writes_.submit([id = source.id, channel](ImportWriter& writer) {
    auto& statement = writer.connection().statement(
        "UPDATE sources SET channel = ?, channel_known = 1 WHERE id = ?");
    sql::bind_text(statement, 1, to_string(channel));
    statement.bind(2, static_cast<std::int64_t>(writer.id(id)));
    statement.exec();
  });
}

NameRef NameDirectory::service(std::string_view name) {
  name_key(name, key_);
  if (const auto found = services_.find(key_); found != services_.end()) return found->second;
  const Service service{.id = 0,
                        .provider_id = provider_,
                        .name = normalise_text(name),
                        .type = parse_service_type(name).value_or(ServiceType::kOther)};
  const NameRef id = create(service);
  summary_.new_services.push_back(service.name);
  services_.emplace(key_, id);
  return id;
}

NameRef NameDirectory::vacancy(std::string_view role, std::optional<NameRef> service,
                               Date applied_on) {
  vacancy_key(role, service);
  if (const auto found = vacancies_.find(key_); found != vacancies_.end()) {
    VacancyEntry& entry = found->second;
    if (entry.created && applied_on < entry.opened_on) entry.opened_on = applied_on;
    return entry.id;
  }
  Vacancy vacancy;
  vacancy.provider_id = provider_;
  vacancy.role = normalise_text(role);
  vacancy.opened_on = applied_on;  // its service's id is set once the write knows it
  const NameRef id = create(vacancy, service);
  ++summary_.new_vacancies;
  vacancies_.emplace(key_, VacancyEntry{id, true, applied_on});
  return id;
}

void NameDirectory::finish() {
  for (const auto& [key, entry] : vacancies_) {
    if (!entry.created) continue;
    writes_.submit([id = entry.id, opened_on = entry.opened_on](ImportWriter& writer) {
      auto& statement =
          writer.connection().statement("UPDATE vacancies SET opened_on = ? WHERE id = ?");
      sql::bind(statement, 1, opened_on);
      statement.bind(2, static_cast<std::int64_t>(writer.id(id)));
      statement.exec();
    });
  }
}

template <class T>
NameRef NameDirectory::create(const T& record) {
  writes_.submit([record](ImportWriter& writer) { writer.create(record); });
  return NameRef::created(created_++);
}

NameRef NameDirectory::create(const Vacancy& vacancy, std::optional<NameRef> service) {
  writes_.submit([vacancy = vacancy, service](ImportWriter& writer) mutable {
    vacancy.service_id = writer.id(service);
    writer.create(vacancy);
  });
  return NameRef::created(created_++);
}

void NameDirectory::vacancy_key(std::string_view role, std::optional<NameRef> service) {
  name_key(role, key_);
  key_ += '\x1f';
  key_ += service ? service->key() : std::string("0");
}

namespace {

// "source 'Facebook' is recorded as job_board, not social_media: if social_media is right, ...",
// or, when an earlier row of the file gave the channel, which row.
std::string channel_conflict(Id provider, const NameDirectory::SourceEntry& source, Channel named,
                             const ImportRemedies& remedies) {
  // A source created by this file has its channel from one of its lines.
  const std::optional<Id> stored = source.id.stored_id();
  if (source.channel_line != 0 || !stored) {
    return "source '" + source.name + "' is " + std::string(to_string(source.channel)) +
           " on line " + std::to_string(source.channel_line) + ", not " +
           std::string(to_string(named)) + ": a source has one channel";
  }
  std::string message = "source '" + source.name + "' is recorded as " +
                        std::string(to_string(source.channel)) + ", not " +
                        std::string(to_string(named)) + ": if " + std::string(to_string(named)) +
                        " is right, ";
  if (remedies.set_channel) {
    message += remedies.set_channel(provider,
                                    Source{.id = *stored,
                                           .provider_id = provider,
                                           .name = source.name,
                                           .channel = source.channel,
                                           .channel_known = true},
                                    named);
  } else {
    message += "correct the source's channel first";
  }
  return message;
}

}  // namespace

RowSource resolve_source(NameDirectory& directory, std::string_view name,
                         std::string_view channel_cell, std::size_t line, ImportProblems& problems,
                         Id provider, const ImportRemedies& remedies) {
  if (is_blank(name)) {
    problems.add(line, "source", "source is required");
    return {};
  }
  if (!check_name_cell(name, "source", "source name", line, problems)) return {};
  std::optional<Channel> channel;
  if (!channel_cell.empty()) {
    channel = parse_channel(channel_cell);
    if (!channel) {
      problems.add(line, "channel",
                   "channel " + quote_cell(channel_cell) + " is not one of " +
                       std::string(channel_labels()));
      return {};
    }
  }
  if (auto* source = directory.find_source(name)) {
    if (channel && !source->channel_known) {
      directory.learn_channel(*source, *channel, line);
    } else if (channel && *channel != source->channel) {
      problems.add(line, "channel", channel_conflict(provider, *source, *channel, remedies));
      return {};
    }
    return {true, source->id};
  }
  if (problems.any()) return {true, std::nullopt};  // nothing will be stored: create nothing
  return {true, directory.add_source(name, channel, line).id};
}

}  // namespace caretoolkit::tracker
