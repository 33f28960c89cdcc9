// Field tables of the tracker records; see resource_fields.hpp.
#include "api/resource_fields.hpp"

#include "tracker/stages.hpp"

namespace caretoolkit::server::api {

namespace tr = caretoolkit::tracker;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

std::optional<tr::Outcome> parse_outcome_value(std::string_view text) {
  return tr::parse_outcome(text);
}

// A source's channel; naming one, even "other", makes it known (see tracker::Source).
Field<tr::Source> source_channel_field() {
  Field<tr::Source> field = enum_field("channel", &tr::Source::channel, true, tr::parse_channel,
                                       tr::to_string, tracker::channel_names());
  field.read = [read = std::move(field.read)](tr::Source& source, const boost::json::value& v) {
    read(source, v);
    source.channel_known = true;
  };
  return field;
}

// The stage an applicant has reached (stages.hpp), for a board to sort them by; set by the server.
Field<tr::Applicant> applicant_stage_field() {
  return {"stage", false,
          [](const tr::Applicant& a, boost::json::object& o) {
            o["stage"] = tr::to_string(tr::current_stage(a));
          },
          [](tr::Applicant&, const boost::json::value&) {
            throw Error(ErrorCode::kInvalid,
                        "stage is set by the server: record a stage through "
                        "/applicants/{id}/events, or change the stage dates",
                        "/stage");
          }};
}

}  // namespace

const Fields<tr::Service>& service_fields() {
  static const Fields<tr::Service> fields = {
      read_only_field("id", &tr::Service::id),
      text_field("name", &tr::Service::name, true),
      enum_field("type", &tr::Service::type, true, tr::parse_service_type, tr::to_string,
                 tracker::service_type_names()),
  };
  return fields;
}

const Fields<tr::Source>& source_fields() {
  static const Fields<tr::Source> fields = {
      read_only_field("id", &tr::Source::id),
      text_field("name", &tr::Source::name, true),
      source_channel_field(),
      read_only_field("channel_known", &tr::Source::channel_known),
  };
  return fields;
}

const Fields<tr::SpendEntry>& spend_fields() {
  static const Fields<tr::SpendEntry> fields = {
      read_only_field("id", &tr::SpendEntry::id),
      integer_field("source_id", &tr::SpendEntry::source_id, true, 1, kMaxId),
      date_field("date", &tr::SpendEntry::date, true),
      pence_field("amount_pence", &tr::SpendEntry::amount, true),
      text_field("note", &tr::SpendEntry::note, false, tr::kMaxNoteLength, tr::TextKind::kNote),
  };
  return fields;
}

const Fields<tr::Vacancy>& vacancy_fields() {
  static const Fields<tr::Vacancy> fields = {
      read_only_field("id", &tr::Vacancy::id),
      text_field("role", &tr::Vacancy::role, true),
      optional_integer_field("service_id", &tr::Vacancy::service_id, 1, kMaxId),
      date_field("opened_on", &tr::Vacancy::opened_on, true),
      optional_date_field("closed_on", &tr::Vacancy::closed_on),
      optional_text_field("advert_text", &tr::Vacancy::advert_text, tr::kMaxAdvertLength,
                          tr::TextKind::kNote),
      optional_integer_field("advert_score", &tr::Vacancy::advert_score, 0, 100),
  };
  return fields;
}

const Fields<tr::Applicant>& applicant_fields() {
  static const Fields<tr::Applicant> fields = {
      read_only_field("id", &tr::Applicant::id),
      text_field("reference", &tr::Applicant::reference, true, tr::kMaxReferenceLength),
      integer_field("source_id", &tr::Applicant::source_id, true, 1, kMaxId),
      optional_integer_field("vacancy_id", &tr::Applicant::vacancy_id, 1, kMaxId),
      optional_integer_field("service_id", &tr::Applicant::service_id, 1, kMaxId),
      date_field("applied_on", &tr::Applicant::applied_on, true),
      optional_date_field("interviewed_on", &tr::Applicant::interviewed_on),
      optional_date_field("offered_on", &tr::Applicant::offered_on),
      optional_date_field("started_on", &tr::Applicant::started_on),
      optional_date_field("left_on", &tr::Applicant::left_on),
      text_field("left_reason", &tr::Applicant::left_reason, false, tr::kMaxNoteLength,
                 tr::TextKind::kNote),
      enum_field("outcome", &tr::Applicant::outcome, false, parse_outcome_value, tr::to_string,
                 tr::outcome_names()),
      text_field("prior_sector", &tr::Applicant::prior_sector, false, tr::kMaxPriorSectorLength),
      applicant_stage_field(),
  };
  return fields;
}

const Fields<tr::HeadcountSnapshot>& headcount_fields() {
  static const Fields<tr::HeadcountSnapshot> fields = {
      read_only_field("id", &tr::HeadcountSnapshot::id),
      date_field("date", &tr::HeadcountSnapshot::date, true),
      optional_integer_field("service_id", &tr::HeadcountSnapshot::service_id, 1, kMaxId),
      integer_field("staff", &tr::HeadcountSnapshot::staff, true, 0, tr::kMaxHeadcount),
      integer_field("vacancies", &tr::HeadcountSnapshot::vacancies, true, 0, tr::kMaxHeadcount),
      optional_integer_field("leavers", &tr::HeadcountSnapshot::leavers, 0, tr::kMaxHeadcount),
  };
  return fields;
}

const Fields<tr::Provider>& provider_fields() {
  static const Fields<tr::Provider> fields = {
      read_only_field("id", &tr::Provider::id),
      text_field("name", &tr::Provider::name, true),
      {"created_on", false,
       [](const tr::Provider& r, boost::json::object& o) {
         o["created_on"] = r.created_on.to_string();
       },
       [](tr::Provider&, const boost::json::value&) {
         throw Error(ErrorCode::kInvalid, "created_on is set by the server", "/created_on");
       }},
      optional_date_field("joined_on", &tr::Provider::joined_on),
  };
  return fields;
}

const Fields<StageEventInput>& stage_event_fields() {
  static const Fields<StageEventInput> fields = {
      enum_field("stage", &StageEventInput::stage, true, tr::parse_stage, tr::to_string,
                 tr::stage_names()),
      date_field("on", &StageEventInput::on, true),
      text_field("reason", &StageEventInput::reason, false, tr::kMaxNoteLength,
                 tr::TextKind::kNote),
  };
  return fields;
}

}  // namespace caretoolkit::server::api
