// The order in which an applicant moves through the stages, defined once: the stage an applicant
// has reached, the stages that may be recorded next (ApplicantRecords::record_event refuses any
// other, and the API serves the same list for the pages to offer), and that stage computed in SQL
// for the applicant list's stage filter and the counts per stage.
#pragma once

#include <span>
#include <string>

#include "tracker/types.hpp"

namespace caretoolkit::tracker {

// The stage reached: the outcome for someone who withdrew or was not taken forward, otherwise the
// latest stage with a date (left, started, offered, interviewed, applied).
Stage current_stage(const Applicant& applicant);

// The stages that may be recorded after `stage`, the usual next one first: Applied can be
// followed by Interviewed, Offered a job, Withdrew or Not taken forward; Offered a job by Started
// work (a start needs an offer) or either outcome; Started work by Left only; Left and the outcomes
// end the journey (an empty list).
std::span<const Stage> next_stages(Stage stage);
bool can_follow(Stage current, Stage next);

// Whether a reason is kept with the stage when it is recorded: why someone left, withdrew or was
// not taken forward.
bool takes_reason(Stage stage);

// An SQL expression over the applicants table's columns whose value is the canonical name of
// current_stage() ("applied", ..., "withdrawn").
const std::string& current_stage_sql();

}  // namespace caretoolkit::tracker
