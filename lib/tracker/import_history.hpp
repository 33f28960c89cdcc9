// What an applicants import may not change silently: the recorded history of an applicant the
// store already has. Internal to lib/tracker (applicants_csv.cpp).
//
// A row matched to a stored applicant by its reference may record later stages (interviewed,
// offered, started, left, or an outcome): that is progress. It may not, unless the caller accepts
// the changes, give the applicant another source or applied date, nor change or remove a stage
// date or an outcome already recorded: a reference reused for someone else, or an older copy of
// the sheet, would otherwise rewrite what happened without anyone noticing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tracker/import_writer.hpp"
#include "tracker/store.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// The part of an applicant that makes its history: a stored one's, or a row's, with its source as
// the import names it.
struct RecordedHistory {
  NameRef source;
  Date applied_on;
  std::optional<Date> interviewed_on, offered_on, started_on, left_on;
  Outcome outcome = Outcome::kNone;
};

// The history of an applicant row whose source is `source`.
RecordedHistory history_of(const Applicant& applicant, NameRef source);

// Whether `after` would change `before`'s history (cheap: no text is made).
bool rewrites_history(const RecordedHistory& before, const RecordedHistory& after);

// What would change, a phrase each joined by "; ": "source Indeed → Facebook", "applied_on
// 2025-01-06 → 2025-01-08", "started_on 2025-03-01 would be removed", "outcome withdrawn →
// rejected". `source_name` names a source.
std::string describe_history_changes(const RecordedHistory& before, const RecordedHistory& after,
                                     const std::function<std::string_view(NameRef)>& source_name);

// The rows of one file that would change recorded history.
class HistoryChanges {
 public:
  void add(std::size_t line, std::string_view reference, std::string_view changes);
  bool any() const { return count_ > 0; }
  // Whether the next row is still listed (the others are only counted), so worth describing.
  bool listing() const { return items_.size() < kMaxImportProblems; }
  // Throws Error(kConflict) listing the rows, its message ending with `accept_changes`, the
  // caller's words for how to apply them anyway.
  void throw_if_any(std::string_view form, std::string_view accept_changes);

 private:
  std::vector<ErrorItem> items_;
  std::size_t count_ = 0;
};

}  // namespace caretoolkit::tracker
