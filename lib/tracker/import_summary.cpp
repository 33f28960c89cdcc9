// The sentences an import's summary adds to its counts; see store.hpp.
#include <array>
#include <chrono>

#include "tracker/store.hpp"

namespace caretoolkit::tracker {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "March 2025"
std::string month_name(Date month) {
  const std::chrono::year_month_day day(month.sys_days());
  return std::string(kMonths.at(static_cast<unsigned>(day.month()) - 1)) + " " +
         std::to_string(static_cast<int>(day.year()));
}

std::string rows(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " row" : " rows");
}

}  // namespace

std::string describe(const SpendReplacement& replacement) {
  std::string text = "replaced " + rows(replacement.rows_before) + " for " + replacement.source +
                     " in " + month_name(replacement.month);
  if (replacement.rows_after != replacement.rows_before) {
    text += " with " + std::to_string(replacement.rows_after);
  }
  return text + ": " + readable_pounds(replacement.before) + " → " +
         readable_pounds(replacement.after);
}

std::vector<std::string> summary_notes(const ImportSummary& summary) {
  std::vector<std::string> notes;
  if (summary.skipped_purged > 0) {
    notes.push_back(rows(summary.skipped_purged) +
                    " skipped: their applicants' references were removed by a purge");
  }
  if (summary.history_changed > 0) {
    notes.push_back(std::to_string(summary.history_changed) +
                    (summary.history_changed == 1 ? " applicant's" : " applicants'") +
                    " recorded history changed, as accepted");
  }
  if (!summary.channels_learnt.empty()) {
    std::string note = "channels recorded for sources that had none yet: ";
    for (std::size_t i = 0; i < summary.channels_learnt.size(); ++i) {
      note += (i == 0 ? "" : ", ") + summary.channels_learnt[i];
    }
    notes.push_back(std::move(note));
  }
  for (const SpendReplacement& replacement : summary.replaced) {
    notes.push_back(describe(replacement));
  }
  return notes;
}

}  // namespace caretoolkit::tracker
