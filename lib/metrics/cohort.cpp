// The cohort and its counts; see cohort.hpp.
#include "metrics/cohort.hpp"

#include <string>

#include "core/error.hpp"

namespace caretoolkit::metrics {

namespace {

[[noreturn]] void refuse(const tracker::Applicant& applicant, const std::string& problem,
                         const char* field) {
  throw Error(ErrorCode::kInvalid, applicant_name(applicant) + " " + problem, field);
}

std::optional<Date> reached_by(const std::optional<Date>& day, Date as_of) {
  return day && *day <= as_of ? day : std::nullopt;
}

}  // namespace

Journey journey_as_of(const tracker::Applicant& applicant, Date as_of) {
  struct Step {
    const std::optional<Date>* day;
    const char* field;
  };
  const Step steps[] = {{&applicant.interviewed_on, "interviewed_on"},
                        {&applicant.offered_on, "offered_on"},
                        {&applicant.started_on, "started_on"},
                        {&applicant.left_on, "left_on"}};
  Date previous = applicant.applied_on;
  const char* previous_field = "applied_on";
  for (const Step& step : steps) {
    if (!*step.day) continue;
    if (**step.day < previous) {
      refuse(applicant,
             "has " + std::string(step.field) + " " + step.day->value().to_string() + " before " +
                 previous_field + " " + previous.to_string() + ".",
             step.field);
    }
    previous = **step.day;
    previous_field = step.field;
  }
  if (applicant.started_on && !applicant.offered_on) {
    refuse(applicant, "has a start date but no offer date.", "offered_on");
  }
  if (applicant.left_on && !applicant.started_on) {
    refuse(applicant, "has a leaving date but no start date.", "started_on");
  }
  if (applicant.started_on && applicant.outcome != tracker::Outcome::kNone) {
    refuse(applicant, "started, so cannot also have withdrawn or been rejected.", "outcome");
  }

  Journey journey;
  journey.applied_on = applicant.applied_on;
  journey.interviewed_on = reached_by(applicant.interviewed_on, as_of);
  journey.offered_on = reached_by(applicant.offered_on, as_of);
  journey.started_on = reached_by(applicant.started_on, as_of);
  journey.left_on = reached_by(applicant.left_on, as_of);
  journey.outcome = applicant.outcome;
  return journey;
}

void CohortCounts::add(const Journey& journey, Date as_of) {
  ++applicants;
  if (journey.interviewed_on) ++interviewed;
  if (journey.offered_on) ++offered;
  if (!journey.started_on) {
    const DropStage stage = journey.offered_on       ? DropStage::kOffered
                            : journey.interviewed_on ? DropStage::kInterviewed
                                                     : DropStage::kApplied;
    DropOuts& at = dropped[static_cast<std::size_t>(stage)];
    switch (journey.outcome) {
      case tracker::Outcome::kWithdrawn:
        ++at.withdrawn;
        break;
      case tracker::Outcome::kRejected:
        ++at.rejected;
        break;
      case tracker::Outcome::kNone:
        ++in_progress;
        break;
    }
    return;
  }
  ++started;
  if (journey.left_on) {
    ++leavers;
    if (journey.days_in_post(as_of) <= kEarlyLeaverDays) ++early_leavers;
  }
  for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
    const RetentionJudgement judged =
        judge_retention(*journey.started_on, journey.left_on, as_of, kRetentionDays[i]);
    if (judged.eligible) ++eligible[i];
    if (judged.retained) ++retained[i];
  }
}

RetentionJudgement judge_retention(Date started_on, std::optional<Date> left_on, Date as_of,
                                   std::int64_t days) {
  if (days_between(started_on, as_of) < days) return {};  // too recent to judge at this mark
  const std::int64_t in_post = days_between(started_on, left_on ? *left_on : as_of);
  return {true, in_post >= days};
}

CohortCounts& CohortCounts::operator+=(const CohortCounts& other) {
  applicants += other.applicants;
  interviewed += other.interviewed;
  offered += other.offered;
  started += other.started;
  in_progress += other.in_progress;
  for (std::size_t i = 0; i < dropped.size(); ++i) {
    dropped[i].withdrawn += other.dropped[i].withdrawn;
    dropped[i].rejected += other.dropped[i].rejected;
  }
  leavers += other.leavers;
  early_leavers += other.early_leavers;
  for (std::size_t i = 0; i < kRetentionDays.size(); ++i) {
    eligible[i] += other.eligible[i];
    retained[i] += other.retained[i];
  }
  return *this;
}

}  // namespace caretoolkit::metrics
