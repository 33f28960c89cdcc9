// Names, labels and lenient parsing for the tracker's enumerations; see types.hpp.
#include "tracker/types.hpp"

#include <array>
#include <utility>

namespace caretoolkit::tracker {

namespace {

// One row per enumerator: the canonical name (stored and exported) and the label people read.
template <class Enum>
struct Naming {
  Enum value;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<Naming<ServiceType>, 6> kServiceTypes{{
    {ServiceType::kHomeCare, "home_care", "Home care"},
    {ServiceType::kResidential, "residential", "Residential"},
    {ServiceType::kNursing, "nursing", "Nursing"},
    {ServiceType::kSupportedLiving, "supported_living", "Supported living"},
    {ServiceType::kDayServices, "day_services", "Day services"},
    {ServiceType::kOther, "other", "Other"},
}};

constexpr std::array<Naming<Channel>, 8> kChannels{{
    {Channel::kJobBoard, "job_board", "Job board"},
    {Channel::kSocialMedia, "social_media", "Social media"},
    {Channel::kStaffReferral, "staff_referral", "Staff referral"},
    {Channel::kJobcentrePlus, "jobcentre_plus", "Jobcentre Plus"},
    {Channel::kCareersEvent, "careers_event", "Careers event"},
    {Channel::kOwnWebsite, "own_website", "Own website"},
    {Channel::kAgency, "agency", "Agency"},
    {Channel::kOther, "other", "Other"},
}};

constexpr std::array<Naming<Outcome>, 3> kOutcomes{{
    {Outcome::kNone, "", ""},
    {Outcome::kWithdrawn, "withdrawn", "Withdrew"},
    {Outcome::kRejected, "rejected", "Not taken forward"},
}};

constexpr std::array<Naming<Stage>, 7> kStages{{
    {Stage::kApplied, "applied", "Applied"},
    {Stage::kInterviewed, "interviewed", "Interviewed"},
    {Stage::kOffered, "offered", "Offered a job"},
    {Stage::kStarted, "started", "Started work"},
    {Stage::kLeft, "left", "Left"},
    {Stage::kWithdrawn, "withdrawn", "Withdrew"},
    {Stage::kRejected, "rejected", "Not taken forward"},
}};

constexpr std::array<Naming<VacancyStatus>, 3> kVacancyStatuses{{
    {VacancyStatus::kDraft, "draft", "Draft"},
    {VacancyStatus::kOpen, "open", "Open"},
    {VacancyStatus::kClosed, "closed", "Closed"},
}};

constexpr std::array<Naming<PayPeriod>, 2> kPayPeriods{{
    {PayPeriod::kHour, "hour", "Per hour"},
    {PayPeriod::kYear, "year", "Per year"},
}};

constexpr std::array<Naming<EmploymentType>, 4> kEmploymentTypes{{
    {EmploymentType::kFullTime, "full_time", "Full time"},
    {EmploymentType::kPartTime, "part_time", "Part time"},
    {EmploymentType::kTemporary, "temporary", "Temporary"},
    {EmploymentType::kBank, "bank", "Bank"},
}};

template <class Enum, std::size_t N>
const Naming<Enum>& find(const std::array<Naming<Enum>, N>& table, Enum value) {
  for (const auto& row : table) {
    if (row.value == value) return row;
  }
  return table.back();  // unreachable for a valid enumerator
}

// Folds what a person types onto the canonical spelling (see fold_spelling), one character at a
// time through `put`, which returns false to stop; false when `put` stopped.
template <class Put>
bool fold_into(std::string_view text, Put put) {
  const auto separator = [](char c) { return c == ' ' || c == '-' || c == '_' || c == '\t'; };
  bool pending_separator = false;
  bool any = false;
  for (const char c : text) {
    if (separator(c)) {
      pending_separator = any;
      continue;
    }
    if (pending_separator && !put('_')) return false;
    pending_separator = false;
    any = true;
    if (!put((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c)) return false;
  }
  return true;
}

// fold_into a fixed buffer, so that parsing allocates nothing; false when the text is too long to
// be a name.
bool fold_name(std::string_view text, std::array<char, 32>& out, std::size_t& size) {
  size = 0;
  return fold_into(text, [&](char c) {
    if (size == out.size()) return false;
    out[size++] = c;
    return true;
  });
}

template <class Enum, std::size_t N>
std::optional<Enum> parse(const std::array<Naming<Enum>, N>& table, std::string_view text) {
  std::array<char, 32> buffer{};
  std::size_t size = 0;
  if (!fold_name(text, buffer, size)) return std::nullopt;
  const std::string_view folded(buffer.data(), size);
  for (const auto& row : table) {
    if (row.name == folded) return row.value;
  }
  return std::nullopt;
}

// The values of a table's rows from `first` on, in order.
template <class Enum, std::size_t N, std::size_t First = 0>
constexpr std::array<Enum, N - First> values_of(const std::array<Naming<Enum>, N>& table) {
  std::array<Enum, N - First> out{};
  for (std::size_t i = First; i < N; ++i) out[i - First] = table[i].value;
  return out;
}

constexpr auto kServiceTypeValues = values_of(kServiceTypes);
constexpr auto kChannelValues = values_of(kChannels);
constexpr auto kOutcomeValues = values_of<Outcome, 3, 1>(kOutcomes);  // without kNone
constexpr auto kStageValues = values_of(kStages);
constexpr auto kVacancyStatusValues = values_of(kVacancyStatuses);
constexpr auto kPayPeriodValues = values_of(kPayPeriods);
constexpr auto kEmploymentTypeValues = values_of(kEmploymentTypes);

// The names or labels of every row, joined by ", ".
template <class Enum, std::size_t N>
std::string joined(const std::array<Naming<Enum>, N>& table, std::string_view Naming<Enum>::*part) {
  std::string out;
  for (const auto& row : table) {
    if (!out.empty()) out += ", ";
    out += row.*part;
  }
  return out;
}

}  // namespace

std::string_view channel_names() {
  static const std::string names = joined(kChannels, &Naming<Channel>::name);
  return names;
}
std::string_view service_type_names() {
  static const std::string names = joined(kServiceTypes, &Naming<ServiceType>::name);
  return names;
}
std::string_view outcome_names() {
  static const std::string names = [] {
    std::string out;
    for (const Outcome outcome : kOutcomeValues) {
      if (!out.empty()) out += ", ";
      out += to_string(outcome);
    }
    return out + " (or empty)";
  }();
  return names;
}
std::string_view stage_names() {
  static const std::string names = joined(kStages, &Naming<Stage>::name);
  return names;
}
std::string_view channel_labels() {
  static const std::string labels = joined(kChannels, &Naming<Channel>::label);
  return labels;
}

std::string_view to_string(ServiceType type) {
  return find(kServiceTypes, type).name;
}
std::string_view to_string(Channel channel) {
  return find(kChannels, channel).name;
}
std::string_view to_string(Outcome outcome) {
  return find(kOutcomes, outcome).name;
}
std::string_view to_string(Stage stage) {
  return find(kStages, stage).name;
}

std::optional<ServiceType> parse_service_type(std::string_view text) {
  return parse(kServiceTypes, text);
}
std::optional<Channel> parse_channel(std::string_view text) {
  return parse(kChannels, text);
}
std::optional<Outcome> parse_outcome(std::string_view text) {
  return parse(kOutcomes, text);
}
std::optional<Stage> parse_stage(std::string_view text) {
  return parse(kStages, text);
}

std::string fold_spelling(std::string_view text) {
  std::string out;
  fold_into(text, [&](char c) {
    out += c;
    return true;
  });
  return out;
}

std::string_view label(ServiceType type) {
  return find(kServiceTypes, type).label;
}
std::string_view label(Channel channel) {
  return find(kChannels, channel).label;
}
std::string_view label(Outcome outcome) {
  return find(kOutcomes, outcome).label;
}
std::string_view label(Stage stage) {
  return find(kStages, stage).label;
}

std::span<const ServiceType> all_service_types() {
  return kServiceTypeValues;
}
std::span<const Channel> all_channels() {
  return kChannelValues;
}
std::span<const Outcome> all_outcomes() {
  return kOutcomeValues;
}
std::span<const Stage> all_stages() {
  return kStageValues;
}

// Vacancies -----------------------------------------------------------------------------------

std::string_view vacancy_status_names() {
  static const std::string names = joined(kVacancyStatuses, &Naming<VacancyStatus>::name);
  return names;
}
std::string_view pay_period_names() {
  static const std::string names = joined(kPayPeriods, &Naming<PayPeriod>::name);
  return names;
}
std::string_view employment_type_names() {
  static const std::string names = joined(kEmploymentTypes, &Naming<EmploymentType>::name);
  return names;
}
std::string_view to_string(VacancyStatus status) {
  return find(kVacancyStatuses, status).name;
}
std::string_view to_string(PayPeriod period) {
  return find(kPayPeriods, period).name;
}
std::string_view to_string(EmploymentType type) {
  return find(kEmploymentTypes, type).name;
}
std::optional<VacancyStatus> parse_vacancy_status(std::string_view text) {
  return parse(kVacancyStatuses, text);
}
std::optional<PayPeriod> parse_pay_period(std::string_view text) {
  return parse(kPayPeriods, text);
}
std::optional<EmploymentType> parse_employment_type(std::string_view text) {
  return parse(kEmploymentTypes, text);
}
std::string_view label(VacancyStatus status) {
  return find(kVacancyStatuses, status).label;
}
std::string_view label(PayPeriod period) {
  return find(kPayPeriods, period).label;
}
std::string_view label(EmploymentType type) {
  return find(kEmploymentTypes, type).label;
}
std::span<const VacancyStatus> all_vacancy_statuses() {
  return kVacancyStatusValues;
}
std::span<const PayPeriod> all_pay_periods() {
  return kPayPeriodValues;
}
std::span<const EmploymentType> all_employment_types() {
  return kEmploymentTypeValues;
}

}  // namespace caretoolkit::tracker
