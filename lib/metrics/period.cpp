// Report options and their validation; see period.hpp.
#include "metrics/period.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>

#include "core/error.hpp"

namespace caretoolkit::metrics {

namespace {

constexpr std::array<std::string_view, 6> kGroupingNames = {"none",    "source",  "channel",
                                                            "service", "vacancy", "month"};

}  // namespace

int month_index(Date day) {
  const std::chrono::year_month_day ymd{day.sys_days()};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) -
         1;
}

std::string_view to_string(Grouping by) {
  return kGroupingNames[static_cast<std::size_t>(by)];
}

std::optional<Grouping> parse_grouping(std::string_view text) {
  for (std::size_t i = 0; i < kGroupingNames.size(); ++i) {
    if (kGroupingNames[i] == text) return static_cast<Grouping>(i);
  }
  return std::nullopt;
}

void validate(const ReportOptions& options) {
  if (options.to < options.from) {
    throw Error(ErrorCode::kInvalid,
                "The period ends (" + options.to.to_string() + ") before it starts (" +
                    options.from.to_string() + ").",
                "to");
  }
  if (options.as_of && options.today && *options.today < *options.as_of) {
    throw Error(ErrorCode::kInvalid,
                "The as-of date (" + options.as_of->to_string() + ") cannot be after today (" +
                    options.today->to_string() +
                    "): nobody can be counted as staying for time that has not passed.",
                "as_of");
  }
  // A period that ends after today can only be seen as it stands today.
  const Date earliest_as_of = std::min(options.to, options.today.value_or(options.to));
  if (options.as_of && *options.as_of < earliest_as_of) {
    throw Error(ErrorCode::kInvalid,
                "The as-of date (" + options.as_of->to_string() +
                    ") must be on or after the end of the period (" + options.to.to_string() +
                    "), or today when the period ends later: applicants are judged once the "
                    "period is over.",
                "as_of");
  }
  if (options.replacement_cost.value <= 0) {
    throw Error(ErrorCode::kInvalid, "The replacement cost must be more than £0.",
                "replacement_cost");
  }
  if (options.replacement_cost > kMaxAmount) {
    throw Error(ErrorCode::kInvalid,
                "The replacement cost must be at most £" + format_pounds(kMaxAmount) + ".",
                "replacement_cost");
  }
  if (options.by == Grouping::kMonth &&
      month_index(options.to) - month_index(options.from) + 1 > kMaxMonthGroups) {
    throw Error(ErrorCode::kInvalid,
                "Grouping by month covers at most " + std::to_string(kMaxMonthGroups) +
                    " months; choose a shorter period.",
                "by");
  }
}

ReportOptions resolve(const ReportOptions& options) {
  validate(options);
  ReportOptions resolved = options;
  resolved.as_of = options.effective_as_of();
  return resolved;
}

}  // namespace caretoolkit::metrics
