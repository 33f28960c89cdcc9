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
    {Outcome::kWithdrawn, "withdrawn", "Withdrawn"},
    {Outcome::kRejected, "rejected", "Rejected"},
}};

constexpr std::array<Naming<Stage>, 7> kStages{{
    {Stage::kApplied, "applied", "Applied"},
    {Stage::kInterviewed, "interviewed", "Interviewed"},
    {Stage::kOffered, "offered", "Offered"},
    {Stage::kStarted, "started", "Started"},
    {Stage::kLeft, "left", "Left"},
    {Stage::kWithdrawn, "withdrawn", "Withdrawn"},
    {Stage::kRejected, "rejected", "Rejected"},
}};

template <class Enum, std::size_t N>
const Naming<Enum>& find(const std::array<Naming<Enum>, N>& table, Enum value) {
  for (const auto& row : table) {
    if (row.value == value) return row;
  }
  return table.back();  // unreachable for a valid enumerator
}

// Folds what a person types onto the canonical spelling: surrounding blanks dropped, ASCII
// letters lowered, and each run of spaces, hyphens or underscores made one underscore.
// "  Job-board " -> "job_board". Returns false when the text is too long to be a name.
bool fold_name(std::string_view text, std::array<char, 32>& out, std::size_t& size) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  size = 0;
  bool pending_separator = false;
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pending_separator = size > 0;
      continue;
    }
    if (pending_separator) {
      if (size == out.size()) return false;
      out[size++] = '_';
      pending_separator = false;
    }
    if (size == out.size()) return false;
    out[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return true;
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

}  // namespace

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

std::string_view label(ServiceType type) {
  return find(kServiceTypes, type).label;
}
std::string_view label(Channel channel) {
  return find(kChannels, channel).label;
}

}  // namespace caretoolkit::tracker
