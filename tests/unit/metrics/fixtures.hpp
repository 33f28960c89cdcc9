// Test data for the metrics suites: a compact way to write applicants, and the reference's worked
// example (docs: shared reference "Tracker metrics", section "A small worked example").
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/period.hpp"

namespace caretoolkit::metrics::testing {

using tracker::Applicant;
using tracker::Channel;
using tracker::HeadcountSnapshot;
using tracker::Id;
using tracker::Outcome;
using tracker::Service;
using tracker::ServiceType;
using tracker::Source;
using tracker::SpendEntry;
using tracker::Vacancy;

inline Date day(std::string_view iso) {
  return Date::parse_or_throw(iso, "test");
}

inline std::optional<Date> maybe_day(std::string_view iso) {
  if (iso.empty()) return std::nullopt;
  return day(iso);
}

// An applicant from source `source` with the dates of the stages reached ("" for not reached).
inline Applicant person(Id source, std::string_view applied, std::string_view interviewed = "",
                        std::string_view offered = "", std::string_view started = "",
                        std::string_view left = "", Outcome outcome = Outcome::kNone) {
  static Id next_id = 1;
  Applicant a;
  a.id = next_id++;
  a.provider_id = 1;
  char reference[24];
  std::snprintf(reference, sizeof reference, "A%lld", static_cast<long long>(a.id));
  a.reference = reference;
  a.source_id = source;
  a.applied_on = day(applied);
  a.interviewed_on = maybe_day(interviewed);
  a.offered_on = maybe_day(offered);
  a.started_on = maybe_day(started);
  a.left_on = maybe_day(left);
  a.outcome = outcome;
  return a;
}

inline Source source(Id id, std::string name, Channel channel) {
  Source s;
  s.id = id;
  s.provider_id = 1;
  s.name = std::move(name);
  s.channel = channel;
  return s;
}

inline SpendEntry spend(Id source_id, std::string_view date, std::int64_t pence) {
  SpendEntry e;
  e.source_id = source_id;
  e.provider_id = 1;
  e.date = day(date);
  e.amount = Pence{pence};
  return e;
}

// Owns the rows a TrackerData borrows.
struct Dataset {
  std::vector<Applicant> applicants;
  std::vector<Source> sources;
  std::vector<Service> services;
  std::vector<Vacancy> vacancies;
  std::vector<SpendEntry> spend;
  std::vector<HeadcountSnapshot> headcounts;

  TrackerData view() const {
    return TrackerData{applicants, sources, services, vacancies, spend, headcounts};
  }
};

// `starters` starters from `source` who applied on 2025-01-10 and started on 2025-02-01, of whom
// the first `leavers` left on 2025-03-01 (28 days later).
inline void add_starters(Dataset& data, Id source, int starters, int leavers) {
  for (int i = 0; i < starters; ++i) {
    data.applicants.push_back(person(source, "2025-01-10", "2025-01-12", "2025-01-15", "2025-02-01",
                                     i < leavers ? "2025-03-01" : ""));
  }
}

inline constexpr Id kReferral = 1;
inline constexpr Id kJobBoard = 2;

// The reference's worked example. Referral: 4 applicants, 3 interviewed, 3 offered, 3 started
// (2025-02-01, 2025-02-15, 2025-03-01), the last left on 2025-04-15 after 45 days; one withdrew
// after applying. Job board: 10 applicants, 4 interviewed, 2 offered, 2 started (2025-03-01 and
// 2025-03-10), both left (2025-04-01 after 31 days, 2025-09-10 after 184 days); of the others,
// 4 were rejected and 1 withdrew after applying, 1 was rejected and 1 withdrew after interview,
// and 1 is still in progress. Spend: Referral £500 on 2025-01-10; Job board £1,200 on 2025-01-05
// and £300 on 2025-02-01.
inline Dataset worked_example() {
  Dataset d;
  d.sources = {source(kReferral, "Referral", Channel::kStaffReferral),
               source(kJobBoard, "Job board", Channel::kJobBoard)};
  d.spend = {spend(kReferral, "2025-01-10", 50'000), spend(kJobBoard, "2025-01-05", 120'000),
             spend(kJobBoard, "2025-02-01", 30'000)};
  d.applicants = {
      person(kReferral, "2025-01-05", "2025-01-10", "2025-01-15", "2025-02-01"),
      person(kReferral, "2025-01-20", "2025-01-25", "2025-02-01", "2025-02-15"),
      person(kReferral, "2025-02-01", "2025-02-05", "2025-02-10", "2025-03-01", "2025-04-15"),
      person(kReferral, "2025-02-10", "", "", "", "", Outcome::kWithdrawn),
      person(kJobBoard, "2025-01-06", "2025-01-20", "2025-02-01", "2025-03-01", "2025-04-01"),
      person(kJobBoard, "2025-01-15", "2025-02-01", "2025-02-15", "2025-03-10", "2025-09-10"),
      person(kJobBoard, "2025-01-20", "2025-02-05", "", "", "", Outcome::kRejected),
      person(kJobBoard, "2025-02-01", "2025-02-10", "", "", "", Outcome::kWithdrawn),
      person(kJobBoard, "2025-02-03", "", "", "", "", Outcome::kRejected),
      person(kJobBoard, "2025-02-14", "", "", "", "", Outcome::kRejected),
      person(kJobBoard, "2025-03-01", "", "", "", "", Outcome::kRejected),
      person(kJobBoard, "2025-03-02", "", "", "", "", Outcome::kRejected),
      person(kJobBoard, "2025-03-20", "", "", "", "", Outcome::kWithdrawn),
      person(kJobBoard, "2025-03-31"),
  };
  return d;
}

inline ReportOptions worked_options(Grouping by = Grouping::kSource) {
  ReportOptions options;
  options.from = day("2025-01-01");
  options.to = day("2025-03-31");
  options.as_of = day("2026-03-31");
  options.by = by;
  return options;
}

}  // namespace caretoolkit::metrics::testing
