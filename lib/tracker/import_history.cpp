// Recorded history and the rows that would change it; see import_history.hpp.
#include "tracker/import_history.hpp"

#include "tracker/store.hpp"

namespace caretoolkit::tracker {

namespace {

bool date_changed(const std::optional<Date>& before, const std::optional<Date>& after) {
  return before && before != after;
}

bool outcome_changed(Outcome before, Outcome after) {
  return before != Outcome::kNone && before != after;
}

}  // namespace

RecordedHistory history_of(const Applicant& applicant, NameRef source) {
  return RecordedHistory{.source = source,
                         .applied_on = applicant.applied_on,
                         .interviewed_on = applicant.interviewed_on,
                         .offered_on = applicant.offered_on,
                         .started_on = applicant.started_on,
                         .left_on = applicant.left_on,
                         .outcome = applicant.outcome};
}

bool rewrites_history(const RecordedHistory& before, const RecordedHistory& after) {
  return before.source != after.source || before.applied_on != after.applied_on ||
         date_changed(before.interviewed_on, after.interviewed_on) ||
         date_changed(before.offered_on, after.offered_on) ||
         date_changed(before.started_on, after.started_on) ||
         date_changed(before.left_on, after.left_on) ||
         outcome_changed(before.outcome, after.outcome);
}

std::string describe_history_changes(const RecordedHistory& before, const RecordedHistory& after,
                                     const std::function<std::string_view(NameRef)>& source_name) {
  std::string out;
  const auto add = [&](std::string_view what, const std::string& was,
                       const std::optional<std::string>& now) {
    if (!out.empty()) out += "; ";
    out += what;
    out += ' ';
    out += was;
    out += now ? " → " + *now : std::string(" would be removed");
  };
  if (before.source != after.source) {
    add("source", std::string(source_name(before.source)), std::string(source_name(after.source)));
  }
  if (before.applied_on != after.applied_on) {
    add("applied_on", before.applied_on.to_string(), after.applied_on.to_string());
  }
  const auto stage = [&](std::string_view column, const std::optional<Date>& was,
                         const std::optional<Date>& now) {
    if (!date_changed(was, now)) return;
    add(column, was->to_string(), now ? std::optional(now->to_string()) : std::nullopt);
  };
  stage("interviewed_on", before.interviewed_on, after.interviewed_on);
  stage("offered_on", before.offered_on, after.offered_on);
  stage("started_on", before.started_on, after.started_on);
  stage("left_on", before.left_on, after.left_on);
  if (outcome_changed(before.outcome, after.outcome)) {
    add("outcome", std::string(to_string(before.outcome)),
        after.outcome == Outcome::kNone ? std::nullopt
                                        : std::optional(std::string(to_string(after.outcome))));
  }
  return out;
}

void HistoryChanges::add(std::size_t line, std::string_view reference, std::string_view changes) {
  ++count_;
  if (items_.size() < kMaxImportProblems) {
    items_.push_back(
        ErrorItem{"reference", std::string(reference) + ": " + std::string(changes), line});
  }
}

void HistoryChanges::throw_if_any(std::string_view form, std::string_view accept_changes) {
  if (count_ == 0) return;
  const ErrorItem first = items_.front();
  if (count_ > items_.size()) {
    items_.push_back(ErrorItem{
        {}, "and " + std::to_string(count_ - items_.size()) + " more rows not listed", {}});
  }
  throw Error(ErrorCode::kConflict,
              "nothing was imported: " + std::to_string(count_) + (count_ == 1 ? " row" : " rows") +
                  " of the " + std::string(form) +
                  " file would change what is already recorded (first: line " +
                  std::to_string(first.line.value_or(0)) + ", " + first.detail +
                  "); if the file is right, " + std::string(accept_changes),
              std::move(items_));
}

}  // namespace caretoolkit::tracker
