// The recruitment funnel of a period's applicants, per group: how many reached each stage, the
// conversion between stages, where those who did not start dropped out, the median time from
// application to offer and to start, and the median days each step of the funnel takes, so that
// a manager sees where the funnel is slow.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "metrics/cohort.hpp"
#include "metrics/figure.hpp"
#include "metrics/grouping.hpp"
#include "metrics/period.hpp"

namespace caretoolkit::metrics {

// How long one step of the funnel takes in a group: the median days from the step's first date to
// its second over the applicants who have both, and how many those are. No value when nobody made
// the step (the step's `if_none` reason).
struct StepDays {
  Amount median_days;
  std::int64_t count = 0;
};

// A timed step of the funnel: from the date one stage was reached to the date of the next.
struct FunnelStep {
  std::string_view name;   // its name in every form of the report: "applied_to_interviewed"
  std::string_view words;  // what people read: "from applying to interview"
  tracker::Stage from;
  tracker::Stage to;
  Reason if_none;  // why it has no median when nobody made it: kNoInterviews, kNoOffers, kNoHires
};

// The timed steps in order: applied to interviewed, interviewed to offered, offered to started.
// An applicant makes a step when both its dates are recorded (an offer made without a recorded
// interview times no step into or out of the interview).
std::span<const FunnelStep> funnel_steps();

struct FunnelRow {
  GroupKey group;
  std::int64_t applicants = 0;
  std::int64_t interviewed = 0;
  std::int64_t offered = 0;
  std::int64_t started = 0;
  std::int64_t in_progress = 0;         // not started, not withdrawn, not rejected
  Rate applied_to_interviewed;          // interviewed / applicants
  Rate interviewed_to_offered;          // offered / interviewed
  Rate offered_to_started;              // started / offered
  Rate applied_to_started;              // started / applicants (the yield)
  std::array<DropOuts, 3> dropped{};    // withdrawn and rejected, by the last stage reached
  Amount median_days_to_offer;          // over the starters: days from application to offer
  Amount median_days_to_start;          // over the starters: days from application to start
  std::array<StepDays, 3> step_days{};  // per funnel_steps(), in its order
};

// A stage the funnel counts: the stage, and the count of a row's applicants who reached it.
struct FunnelStage {
  tracker::Stage stage;
  std::string_view count;  // the count's name in every form of the report: "applicants"
  std::int64_t FunnelRow::*reached;
};

// The counted stages in order: Applied (applicants), Interviewed (interviewed), Offered a job
// (offered), Started work (started). The first three are the stages `FunnelRow::dropped` is by.
std::span<const FunnelStage> funnel_stages();

struct FunnelReport {
  ReportOptions options;          // as asked, with as_of filled in
  std::vector<FunnelRow> groups;  // in the order of GroupIndex; empty when grouped by nothing
  FunnelRow total;
};

// Throws Error(kInvalid) for invalid options or data (see validate() and TrackerData).
FunnelReport funnel_report(const TrackerData& data, const ReportOptions& options);

}  // namespace caretoolkit::metrics
