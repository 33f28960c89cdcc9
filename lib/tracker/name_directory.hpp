// The provider's sources, services and vacancies by name, as a CSV import meets them, creating
// those it has not met before. Internal to lib/tracker (the CSV imports).
//
// It belongs to the import's reading side: it reads the stored names when made, on the
// connection's thread, and from then on is used by the reading thread alone, queueing its inserts
// and updates as writes that carry copies of what they write.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tracker/import_problems.hpp"
#include "tracker/import_writer.hpp"
#include "tracker/store.hpp"
#include "tracker/write_queue.hpp"

namespace caretoolkit::tracker {

class NameDirectory {
 public:
  struct SourceEntry {
    NameRef id;
    std::string name;  // as stored
    Channel channel;
    bool channel_known;
    std::size_t channel_line = 0;  // the line of this file that named the channel; 0 if stored
  };

  // Reads the provider's names on `connection`; the inserts and updates it makes later go to
  // `writes`, and the names it creates and channels it learns to `summary`.
  NameDirectory(Connection& connection, Id provider, ImportSummary& summary, WriteQueue& writes);

  // The source with this name, or nullptr.
  SourceEntry* find_source(std::string_view name);
  // A source's name, for messages.
  std::string_view source_name(NameRef id) const;
  // Creates a source, named on `line`; without a channel, its channel is not known yet.
  const SourceEntry& add_source(std::string_view name, std::optional<Channel> channel,
                                std::size_t line);
  // Gives a source whose channel was not known the channel the row on `line` names.
  void learn_channel(SourceEntry& source, Channel channel, std::size_t line);

  // The service with this name, created with the type its name spells when new.
  NameRef service(std::string_view name);
  // The vacancy for a role within a service (or none); a new one opens on its first application.
  NameRef vacancy(std::string_view role, std::optional<NameRef> service, Date applied_on);

  // Opens each vacancy this import created on its earliest application in the file.
  void finish();

 private:
  struct VacancyEntry {
    NameRef id;
    bool created;
    Date opened_on;
  };

  // Queue the insert of a new row and hand out the name that stands for it. The only place
  // created names are made, so they are handed out in the order their inserts run.
  template <class T>
  NameRef create(const T& record);
  NameRef create(const Vacancy& vacancy, std::optional<NameRef> service);

  void vacancy_key(std::string_view role, std::optional<NameRef> service);

  WriteQueue& writes_;
  Id provider_;
  ImportSummary& summary_;
  std::size_t created_ = 0;  // the rows created so far
  std::string key_;          // reused for lookups, so that finding a name allocates nothing
  std::unordered_map<std::string, SourceEntry> sources_;
  std::unordered_map<std::string, NameRef> services_;
  std::unordered_map<std::string, VacancyEntry> vacancies_;
};

// What resolve_source() made of a row's source: not usable, after reporting a problem; or usable,
// with the source, which is missing only when it would be new and the file already has a problem
// (nothing will be stored, so nothing is created).
struct RowSource {
  bool usable = false;
  std::optional<NameRef> source;
};

// Finds the row's source, creating it with the row's channel when new (its channel not known
// yet when the row names none, `channel_cell` empty), and giving a source whose channel is not
// known the row's.
RowSource resolve_source(NameDirectory& directory, std::string_view name,
                         std::string_view channel_cell, std::size_t line, ImportProblems& problems,
                         Id provider, const ImportRemedies& remedies);

}  // namespace caretoolkit::tracker
