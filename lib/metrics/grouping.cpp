// Report groups; see grouping.hpp.
#include "metrics/grouping.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/error.hpp"

namespace caretoolkit::metrics {

namespace {

constexpr std::size_t kChannelCount = static_cast<std::size_t>(tracker::Channel::kOther) + 1;

// Positions of rows sorted by `less`, so that groups come out in a stable, readable order.
template <class Row, class Less>
std::vector<std::size_t> sorted_positions(std::span<const Row> rows, Less less) {
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return less(rows[a], rows[b]); });
  return order;
}

GroupKey make_key(Grouping by) {
  GroupKey key;
  key.by = by;
  return key;
}

template <class Row>
bool by_name_then_id(const Row& a, const Row& b) {
  return a.name != b.name ? a.name < b.name : a.id < b.id;
}

}  // namespace

std::string applicant_name(const tracker::Applicant& applicant) {
  return applicant.reference.empty() ? "Applicant " + std::to_string(applicant.id)
                                     : "Applicant '" + applicant.reference + "'";
}

GroupKey total_key() {
  return GroupKey{};
}

std::string key_text(const GroupKey& group) {
  if (group.is_total()) return "total";
  if (group.unassigned) return "unassigned";
  if (group.month) return group.month->to_string().substr(0, 7);
  if (group.id) return std::to_string(*group.id);
  if (group.channel) return std::string(tracker::to_string(*group.channel));
  return "";
}

std::string label_text(const GroupKey& group) {
  switch (group.by) {
    case Grouping::kNone:
      return "Total";
    case Grouping::kChannel:
      return std::string(tracker::label(*group.channel));
    case Grouping::kMonth:
      return key_text(group);
    case Grouping::kService:
      return group.unassigned ? "No service recorded" : group.name;
    case Grouping::kVacancy:
      return group.unassigned ? "No vacancy recorded" : group.name;
    case Grouping::kSource:
      break;
  }
  return group.name;
}

GroupIndex::GroupIndex(const TrackerData& data, const ReportOptions& options)
    : by_(options.by), sources_(data.sources) {
  switch (by_) {
    case Grouping::kNone:
      break;
    case Grouping::kSource: {
      group_of_row_.resize(data.sources.size());
      for (const std::size_t pos :
           sorted_positions(data.sources, by_name_then_id<tracker::Source>)) {
        const tracker::Source& source = data.sources[pos];
        group_of_row_[pos] = keys_.size();
        GroupKey& key = keys_.emplace_back(make_key(by_));
        key.id = source.id;
        key.name = source.name;
        key.channel = source.channel;
      }
      break;
    }
    case Grouping::kChannel: {
      std::array<bool, kChannelCount> used{};
      for (const tracker::Source& source : data.sources) {
        used[static_cast<std::size_t>(source.channel)] = true;
      }
      std::array<std::size_t, kChannelCount> group_of_channel{};
      for (std::size_t c = 0; c < kChannelCount; ++c) {
        if (!used[c]) continue;
        group_of_channel[c] = keys_.size();
        keys_.emplace_back(make_key(by_)).channel = static_cast<tracker::Channel>(c);
      }
      group_of_row_.reserve(data.sources.size());
      for (const tracker::Source& source : data.sources) {
        group_of_row_.push_back(group_of_channel[static_cast<std::size_t>(source.channel)]);
      }
      break;
    }
    case Grouping::kService: {
      members_ = IdIndex(data.services);
      group_of_row_.resize(data.services.size());
      for (const std::size_t pos :
           sorted_positions(data.services, by_name_then_id<tracker::Service>)) {
        const tracker::Service& service = data.services[pos];
        group_of_row_[pos] = keys_.size();
        GroupKey& key = keys_.emplace_back(make_key(by_));
        key.id = service.id;
        key.name = service.name;
        key.service_type = service.type;
      }
      keys_.emplace_back(make_key(by_)).unassigned = true;
      break;
    }
    case Grouping::kVacancy: {
      members_ = IdIndex(data.vacancies);
      group_of_row_.resize(data.vacancies.size());
      const auto opened_first = [](const tracker::Vacancy& a, const tracker::Vacancy& b) {
        if (a.opened_on != b.opened_on) return a.opened_on < b.opened_on;
        return a.role != b.role ? a.role < b.role : a.id < b.id;
      };
      for (const std::size_t pos : sorted_positions(data.vacancies, opened_first)) {
        const tracker::Vacancy& vacancy = data.vacancies[pos];
        group_of_row_[pos] = keys_.size();
        GroupKey& key = keys_.emplace_back(make_key(by_));
        key.id = vacancy.id;
        key.name = vacancy.role;
      }
      keys_.emplace_back(make_key(by_)).unassigned = true;
      break;
    }
    case Grouping::kMonth: {
      first_month_ = month_index(options.from);
      Date month = options.from.first_of_month();
      for (int m = first_month_; m <= month_index(options.to); ++m) {
        keys_.emplace_back(make_key(by_)).month = month;
        month = month.plus_days(40).first_of_month();  // any day of the next month will do
      }
      break;
    }
  }
}

// Exactly one of applicant and entry is set: the row whose source is looked up, named in the error.
std::size_t GroupIndex::source_position(tracker::Id source_id, const tracker::Applicant* applicant,
                                        const tracker::SpendEntry* entry) const {
  if (const auto pos = sources_.find(source_id)) return *pos;
  const std::string who =
      applicant ? applicant_name(*applicant) : "A spend entry of " + entry->date.to_string();
  throw Error(ErrorCode::kInvalid,
              who + " names source " + std::to_string(source_id) +
                  ", which is not among the provider's sources.",
              "source_id");
}

std::size_t GroupIndex::group_of(const tracker::Applicant& applicant) const {
  const std::size_t source = source_position(applicant.source_id, &applicant, nullptr);
  switch (by_) {
    case Grouping::kNone:
      return kNoGroup;
    case Grouping::kSource:
    case Grouping::kChannel:
      return group_of_row_[source];
    case Grouping::kService:
    case Grouping::kVacancy: {
      const bool service = by_ == Grouping::kService;
      const std::optional<tracker::Id>& id = service ? applicant.service_id : applicant.vacancy_id;
      if (!id) return keys_.size() - 1;  // unassigned
      if (const auto pos = members_.find(*id)) return group_of_row_[*pos];
      const char* what = service ? "service" : "vacancy";
      throw Error(ErrorCode::kInvalid,
                  applicant_name(applicant) + " names " + what + " " + std::to_string(*id) +
                      ", which is not among the provider's " + what + "s.",
                  service ? "service_id" : "vacancy_id");
    }
    case Grouping::kMonth:
      return static_cast<std::size_t>(month_index(applicant.applied_on) - first_month_);
  }
  return kNoGroup;
}

std::size_t GroupIndex::group_of(const tracker::SpendEntry& entry) const {
  const std::size_t source = source_position(entry.source_id, nullptr, &entry);
  if (by_ != Grouping::kSource && by_ != Grouping::kChannel) return kNoGroup;
  return group_of_row_[source];
}

bool GroupIndex::spend_attributable() const {
  return by_ == Grouping::kNone || by_ == Grouping::kSource || by_ == Grouping::kChannel;
}

}  // namespace caretoolkit::metrics
