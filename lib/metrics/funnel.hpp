// The recruitment funnel of a period's applicants, per group: how many reached each stage, the
// conversion between stages, where those who did not start dropped out, and the median time from
// application to offer and to start.
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

struct FunnelRow {
  GroupKey group;
  std::int64_t applicants = 0;
  std::int64_t interviewed = 0;
  std::int64_t offered = 0;
  std::int64_t started = 0;
  std::int64_t in_progress = 0;       // not started, not withdrawn, not rejected
  Rate applied_to_interviewed;        // interviewed / applicants
  Rate interviewed_to_offered;        // offered / interviewed
  Rate offered_to_started;            // started / offered
  Rate applied_to_started;            // started / applicants (the yield)
  std::array<DropOuts, 3> dropped{};  // withdrawn and rejected, by the last stage reached
  Amount median_days_to_offer;        // over the starters: days from application to offer
  Amount median_days_to_start;        // over the starters: days from application to start
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
