// The stage rules; see stages.hpp.
#include "tracker/stages.hpp"

#include <algorithm>
#include <array>

namespace caretoolkit::tracker {

namespace {

constexpr std::array kAfterApplied{Stage::kInterviewed, Stage::kOffered, Stage::kWithdrawn,
                                   Stage::kRejected};
constexpr std::array kAfterInterviewed{Stage::kOffered, Stage::kWithdrawn, Stage::kRejected};
constexpr std::array kAfterOffered{Stage::kStarted, Stage::kWithdrawn, Stage::kRejected};
constexpr std::array kAfterStarted{Stage::kLeft};

}  // namespace

Stage current_stage(const Applicant& a) {
  if (a.outcome == Outcome::kWithdrawn) return Stage::kWithdrawn;
  if (a.outcome == Outcome::kRejected) return Stage::kRejected;
  if (a.left_on) return Stage::kLeft;
  if (a.started_on) return Stage::kStarted;
  if (a.offered_on) return Stage::kOffered;
  if (a.interviewed_on) return Stage::kInterviewed;
  return Stage::kApplied;
}

std::span<const Stage> next_stages(Stage stage) {
  switch (stage) {
    case Stage::kApplied:
      return kAfterApplied;
    case Stage::kInterviewed:
      return kAfterInterviewed;
    case Stage::kOffered:
      return kAfterOffered;
    case Stage::kStarted:
      return kAfterStarted;
    case Stage::kLeft:
    case Stage::kWithdrawn:
    case Stage::kRejected:
      break;
  }
  return {};
}

bool can_follow(Stage current, Stage next) {
  const auto allowed = next_stages(current);
  return std::find(allowed.begin(), allowed.end(), next) != allowed.end();
}

bool takes_reason(Stage stage) {
  return stage == Stage::kLeft || stage == Stage::kWithdrawn || stage == Stage::kRejected;
}

const std::string& current_stage_sql() {
  static const std::string sql = [] {
    std::string out = "(CASE WHEN outcome IS NOT NULL AND outcome <> '' THEN outcome";
    const auto when = [&out](std::string_view column, Stage stage) {
      out.append(" WHEN ").append(column).append(" IS NOT NULL THEN '");
      out.append(to_string(stage)).append("'");
    };
    when("left_on", Stage::kLeft);
    when("started_on", Stage::kStarted);
    when("offered_on", Stage::kOffered);
    when("interviewed_on", Stage::kInterviewed);
    out.append(" ELSE '").append(to_string(Stage::kApplied)).append("' END)");
    return out;
  }();
  return sql;
}

}  // namespace caretoolkit::tracker
