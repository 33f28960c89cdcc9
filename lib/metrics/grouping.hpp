// The groups a report is broken down by (source, channel, service, vacancy, month of application)
// and the index that puts each applicant and each spend entry in its group.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/id_index.hpp"
#include "metrics/period.hpp"

namespace caretoolkit::metrics {

// What identifies one row of a report. Only the fields of its kind are set.
struct GroupKey {
  Grouping by = Grouping::kNone;            // kNone for a report's total row
  std::optional<tracker::Id> id;            // the source, service or vacancy; empty when unassigned
  std::string name;                         // source or service name, vacancy role
  std::optional<tracker::Channel> channel;  // a source's channel, or the channel itself
  std::optional<tracker::ServiceType> service_type;  // a service's type
  std::optional<Date> month;                         // first day of the month of application
  bool unassigned = false;  // applicants with no service (or no vacancy) recorded

  bool is_total() const { return by == Grouping::kNone; }
};

inline constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

// Built once per report from one provider's data; copies what it needs and keeps no reference to
// the data. Const afterwards, so threads may share it.
class GroupIndex {
 public:
  // Lists the groups of options.by in a fixed order: sources and services by name then id;
  // channels in their declared order, those some source uses; vacancies by opening date, role,
  // then id; every month of the period. Grouping by service or vacancy ends with an "unassigned"
  // group for applicants with none recorded. Grouping by nothing has no groups.
  GroupIndex(const TrackerData& data, const ReportOptions& options);

  const std::vector<GroupKey>& keys() const { return keys_; }
  std::size_t size() const { return keys_.size(); }

  // The group of an applicant of the cohort; kNoGroup when grouping by nothing. Throws
  // Error(kInvalid) when the applicant names a source (or, grouped by them, a service or vacancy)
  // the data does not hold.
  std::size_t group_of(const tracker::Applicant& applicant) const;
  // The group a spend entry counts towards; kNoGroup when grouping by nothing or when spend is not
  // attributable to the groups. Throws Error(kInvalid) for a source the data does not hold.
  std::size_t group_of(const tracker::SpendEntry& entry) const;
  // Spend belongs to sources, so it can be shared out by source or channel only.
  bool spend_attributable() const;
  // Whether a report lists the group: the "unassigned" group only when someone falls in it.
  bool listed(std::size_t group, std::int64_t applicants) const {
    return !keys_[group].unassigned || applicants > 0;
  }

 private:
  std::size_t source_position(tracker::Id source_id, const tracker::Applicant* applicant,
                              const tracker::SpendEntry* entry) const;

  Grouping by_;
  std::vector<GroupKey> keys_;
  IdIndex sources_;                        // source id -> position in data.sources
  IdIndex members_;                        // service or vacancy id -> position in its span
  std::vector<std::size_t> group_of_row_;  // position of a source/service/vacancy -> group
  int first_month_ = 0;                    // month_index(options.from)
};

// The key of a report's total row.
GroupKey total_key();

// A group's stable machine key: the source, service or vacancy id as text, the channel's canonical
// name ("job_board"), the month as "YYYY-MM", "unassigned", or "total".
std::string key_text(const GroupKey& group);
// What people read: the source or service name, the vacancy's role, the channel's label ("Job
// board"), "YYYY-MM", "No service recorded", "No vacancy recorded", or "Total".
std::string label_text(const GroupKey& group);

// How error messages name an applicant: by the provider's reference, or by id once purged.
std::string applicant_name(const tracker::Applicant& applicant);

}  // namespace caretoolkit::metrics
