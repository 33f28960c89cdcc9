// A computed figure that may have no value, and the typed reason why. Every ratio in the metrics
// whose denominator is 0 (and every figure withheld or judged too early) is a Figure without a
// value: it is shown as null with its reason, never as 0 or infinity.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "core/money.hpp"

namespace caretoolkit::metrics {

// Why a figure has no value. The names (to_string) are part of the JSON and CSV contract.
enum class Reason : std::uint8_t {
  kNone,             // the figure has a value
  kNoApplicants,     // "no_applicants": nobody applied in the period
  kNoInterviews,     // "no_interviews"
  kNoOffers,         // "no_offers"
  kNoHires,          // "no_hires": no starters to divide by
  kNoRetainedHires,  // "no_retained_hires": starters were judged, none stayed
  kTooEarly,         // "too_early_to_judge": no starter has been in post (or observed) that long
  kSpendNotAttributable,  // "spend_not_attributable": spend belongs to sources, not to this
                          // grouping
  kNoSpend,               // "no_spend": ROI needs a spend to set the benefit against
  kNoExpectedStayers,     // "no_expected_stayers"
  kNoSnapshot,            // "no_snapshot": no headcount on or before the as-of date
  kNoStaff,               // "no_staff": no permanent or temporary staff to divide by
  kLeaversUnknown,        // "leavers_unknown"
  kImplausible,           // "implausible": a turnover above 9.95 (995 %), or an amount of money
                          // past what pence can hold (about £92 quadrillion), means the data is
                          // wrong
  kWithheld,              // "withheld": fewer than 3 providers stand behind the figure
  kNoPay,                 // "no_first_year_pay": the hire-cost ratio needs the hires' pay
  kNoStarters,   // "no_starters": a source's return needs starters to set its spend against
  kTooFewHires,  // "too_few_hires": fewer than kMinHiresToJudge starters; the readable report
                 // holds such a source's return back (the JSON and CSV give it with a flag)
  kNoHeadcountInWindow,  // "no_headcount_in_window": no headcount dated in the window a team
                         // figure covers (a quarter)
  kNotComparable,        // "not_comparable": no provider has the figure both before and after
                         // joining the scheme
};

std::string_view to_string(Reason reason);

template <class T>
struct Figure {
  std::optional<T> value;
  Reason reason = Reason::kNone;  // kNone exactly when value is set

  static Figure of(T v) { return Figure{std::move(v), Reason::kNone}; }
  static Figure none(Reason why) { return Figure{std::nullopt, why}; }
  bool has_value() const { return value.has_value(); }
  friend bool operator==(const Figure&, const Figure&) = default;
};

using Rate = Figure<double>;    // a fraction: 0.25 is 25 %
using Money = Figure<Pence>;    // whole pence, rounded half up once, at the end
using Amount = Figure<double>;  // days, expected stayers: not rounded

// numerator / denominator as a fraction; no value (`if_zero`) when the denominator is 0.
Rate ratio(std::int64_t numerator, std::int64_t denominator, Reason if_zero);
// amount / count in whole pence, rounded half up; no value (`if_zero`) when count is 0, and
// kImplausible when the quotient is past what pence can hold.
Money per_unit(Pence amount, double count, Reason if_zero);
// `exact` pence rounded half up to whole pence; kImplausible when it is past what pence can hold
// (a product of amounts and counts entered at their bounds).
Money money_of(double exact);

}  // namespace caretoolkit::metrics
