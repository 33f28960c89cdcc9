// Field tables of the tracker records; see resource_fields.hpp.
#include "api/resource_fields.hpp"

#include "tracker/stages.hpp"
#include "tracker/vacancy_particulars.hpp"

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

// Money in pence that may be absent (null), more than 0.
template <class T>
Field<T> optional_pence_field(std::string_view name, std::optional<Pence> T::*member) {
  return {name, false,
          [name, member](const T& r, boost::json::object& o) {
            if (r.*member) {
              o[name] = (r.*member)->value;
            } else {
              o[name] = nullptr;
            }
          },
          [name, member](T& r, const boost::json::value& v) {
            const auto read = read_optional_integer(v, name, 1, kMaxAmount.value);
            r.*member = read ? std::optional<Pence>(Pence{*read}) : std::nullopt;
          }};
}

// Hours a week: a number such as 37.5, or null.
Field<tr::Vacancy> hours_per_week_field() {
  return {"hours_per_week", false,
          [](const tr::Vacancy& r, boost::json::object& o) {
            if (r.hours_per_week) {
              o["hours_per_week"] = *r.hours_per_week;
            } else {
              o["hours_per_week"] = nullptr;
            }
          },
          [](tr::Vacancy& r, const boost::json::value& v) {
            if (v.is_null()) {
              r.hours_per_week.reset();
              return;
            }
            if (!v.is_number()) {
              throw Error(ErrorCode::kInvalid, label_of("hours_per_week") + " must be a number",
                          "/hours_per_week");
            }
            const double hours = v.to_number<double>();
            if (!(hours > 0 && hours <= tr::kMaxHoursPerWeek)) {
              throw Error(ErrorCode::kInvalid,
                          label_of("hours_per_week") + " must be more than 0 and at most 100",
                          "/hours_per_week");
            }
            r.hours_per_week = hours;
          }};
}

// The type of contract, or null.
Field<tr::Vacancy> employment_type_field() {
  return {"employment_type", false,
          [](const tr::Vacancy& r, boost::json::object& o) {
            if (r.employment_type) {
              o["employment_type"] = tr::to_string(*r.employment_type);
            } else {
              o["employment_type"] = nullptr;
            }
          },
          [](tr::Vacancy& r, const boost::json::value& v) {
            if (v.is_null()) {
              r.employment_type.reset();
              return;
            }
            const std::string text = read_string(v, "employment_type", 60);
            const auto parsed = tr::parse_employment_type(text);
            if (!parsed) {
              throw Error(ErrorCode::kInvalid,
                          label_of("employment_type") + " '" + text +
                              "' is not one of: " + std::string(tr::employment_type_names()),
                          "/employment_type");
            }
            r.employment_type = *parsed;
          }};
}

// A field the server sets (publishing's day and version), written out and refused on input.
template <class Value>
Field<tr::Vacancy> server_set_field(std::string_view name,
                                    std::optional<Value> tr::Vacancy::*member) {
  return {name, false,
          [name, member](const tr::Vacancy& r, boost::json::object& o) {
            if (!(r.*member)) {
              o[name] = nullptr;
            } else if constexpr (std::is_same_v<Value, Date>) {
              o[name] = (r.*member)->to_string();
            } else {
              o[name] = *(r.*member);
            }
          },
          [name](tr::Vacancy&, const boost::json::value&) {
            throw Error(ErrorCode::kInvalid,
                        std::string(name) + " is set by the server when the vacancy is published",
                        pointer(name));
          }};
}

// The day a new advert version went live, when before today: taken on a write and never written
// out, as the versions (GET /vacancies/{id}/versions) hold it once stored.
Field<tr::Vacancy> advert_live_from_field() {
  return {"advert_live_from", false, [](const tr::Vacancy&, boost::json::object&) {},
          [](tr::Vacancy& r, const boost::json::value& v) {
            r.advert_live_from = read_optional_date(v, "advert_live_from");
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
      enum_field("status", &tr::Vacancy::status, false, tr::parse_vacancy_status, tr::to_string,
                 tr::vacancy_status_names()),
      text_field("town", &tr::Vacancy::town, false),
      text_field("postcode_district", &tr::Vacancy::postcode_district, false, 8),
      optional_pence_field("pay_min_pence", &tr::Vacancy::pay_min),
      optional_pence_field("pay_max_pence", &tr::Vacancy::pay_max),
      enum_field("pay_period", &tr::Vacancy::pay_period, false, tr::parse_pay_period, tr::to_string,
                 tr::pay_period_names()),
      hours_per_week_field(),
      employment_type_field(),
      optional_date_field("closing_on", &tr::Vacancy::closing_on),
      text_field("apply_url", &tr::Vacancy::apply_url, false, tr::kMaxApplyUrlLength),
      text_field("apply_phone", &tr::Vacancy::apply_phone, false, tr::kMaxApplyPhoneLength),
      text_field("apply_email", &tr::Vacancy::apply_email, false, tr::kMaxApplyEmailLength),
      server_set_field("published_on", &tr::Vacancy::published_on),
      server_set_field("live_version", &tr::Vacancy::live_version),
      advert_live_from_field(),
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
