// Figures with typed reasons; see figure.hpp.
#include "metrics/figure.hpp"

namespace caretoolkit::metrics {

std::string_view to_string(Reason reason) {
  switch (reason) {
    case Reason::kNone:
      return "";
    case Reason::kNoApplicants:
      return "no_applicants";
    case Reason::kNoInterviews:
      return "no_interviews";
    case Reason::kNoOffers:
      return "no_offers";
    case Reason::kNoHires:
      return "no_hires";
    case Reason::kNoRetainedHires:
      return "no_retained_hires";
    case Reason::kTooEarly:
      return "too_early_to_judge";
    case Reason::kSpendNotAttributable:
      return "spend_not_attributable";
    case Reason::kNoSpend:
      return "no_spend";
    case Reason::kNoExpectedStayers:
      return "no_expected_stayers";
    case Reason::kNoSnapshot:
      return "no_snapshot";
    case Reason::kNoStaff:
      return "no_staff";
    case Reason::kLeaversUnknown:
      return "leavers_unknown";
    case Reason::kImplausible:
      return "implausible";
    case Reason::kWithheld:
      return "withheld";
    case Reason::kNoPay:
      return "no_first_year_pay";
    case Reason::kNoStarters:
      return "no_starters";
    case Reason::kTooFewHires:
      return "too_few_hires";
    case Reason::kNoHeadcountInWindow:
      return "no_headcount_in_window";
    case Reason::kNotComparable:
      return "not_comparable";
  }
  return "";
}

Rate ratio(std::int64_t numerator, std::int64_t denominator, Reason if_zero) {
  if (denominator == 0) return Rate::none(if_zero);
  return Rate::of(static_cast<double>(numerator) / static_cast<double>(denominator));
}

Money per_unit(Pence amount, double count, Reason if_zero) {
  if (count == 0.0) return Money::none(if_zero);
  return money_of(static_cast<double>(amount.value) / count);
}

Money money_of(double exact) {
  if (const auto rounded = round_pence(exact)) return Money::of(*rounded);
  return Money::none(Reason::kImplausible);
}

}  // namespace caretoolkit::metrics
