// Field labels; see field_labels.hpp.
#include "tracker/field_labels.hpp"

#include <array>

namespace caretoolkit::tracker {

namespace {

constexpr std::array<FieldLabel, 53> kLabels{{
    {"reference", "Reference"},
    {"source_id", "Source"},
    {"source", "Source"},
    {"vacancy_id", "Vacancy"},
    {"vacancy", "Vacancy"},
    {"service_id", "Service"},
    {"service", "Service"},
    {"applied_on", "Date applied"},
    {"interviewed_on", "Date interviewed"},
    {"offered_on", "Date offered a job"},
    {"started_on", "Date started work"},
    {"left_on", "Date left"},
    {"left_reason", "Reason for leaving"},
    {"outcome", "Outcome"},
    {"prior_sector", "Previous sector"},
    {"date", "Date"},
    {"amount_pence", "Amount"},
    {"amount", "Amount"},
    {"note", "Note"},
    {"staff", "Staff"},
    {"vacancies", "Vacancies"},
    {"leavers", "Leavers in the last 12 months"},
    {"name", "Name"},
    {"channel", "Kind of channel"},
    {"type", "Type of service"},
    {"role", "Job title"},
    {"opened_on", "Date opened"},
    {"closed_on", "Date closed"},
    {"stage", "Next step"},
    {"on", "Date"},
    {"reason", "Reason"},
    {"applied_from", "Applied on or after"},
    {"applied_to", "Applied on or before"},
    {"from", "From"},
    {"to", "To"},
    {"advert_text", "Advert"},
    {"status", "Status"},
    {"town", "Town"},
    {"postcode_district", "Postcode district"},
    {"pay_min_pence", "Lowest pay"},
    {"pay_max_pence", "Highest pay"},
    {"pay_period", "Pay is per"},
    {"hours_per_week", "Hours a week"},
    {"employment_type", "Type of contract"},
    {"closing_on", "Closing date"},
    {"advert_live_from", "Date the advert went live"},
    {"apply_url", "Apply online at"},
    {"apply_phone", "Apply by phone"},
    {"apply_email", "Apply by email"},
    {"listed", "List our vacancies publicly"},
    {"joined_on", "Date joined the scheme"},
    {"description", "About us"},
    {"service_types", "Kinds of service"},
}};

}  // namespace

std::string_view field_label(std::string_view field) {
  if (field.starts_with('/')) field.remove_prefix(1);
  for (const auto& [name, label] : kLabels) {
    if (name == field) return label;
  }
  return field;
}

std::span<const FieldLabel> field_labels() {
  return kLabels;
}

}  // namespace caretoolkit::tracker
