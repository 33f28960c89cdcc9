// How the team's figures are pooled over member providers, and the rule that withholds a figure
// that stands on too few of them; shared by the team KPIs (team.hpp) and the team's impact
// (team_impact.hpp), so that every team figure is withheld by the one rule.
//
// Pooled means summed: counts and money are added up, and a rate is the total numerator over the
// total denominator, never a mean of the providers' rates. A figure that stands on 1 or 2 providers
// (fewer than kMinProviders) is withheld: shown as withheld, not as 0. A figure that stands on no
// provider at all picks nobody out, so it keeps its own value or its own reason.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "metrics/figure.hpp"

namespace caretoolkit::metrics {

inline constexpr std::int64_t kMinProviders = 3;

// A pooled figure and how many providers stand behind it. No value, with kWithheld, when that is
// 1 or 2 (fewer than kMinProviders).
template <class T>
struct TeamFigure {
  Figure<T> figure;
  std::int64_t providers = 0;
  // For a rate with a value: the pooled counts it divides ("2 of 3" starters still in post).
  // Empty for counts and money, and for a rate without a value, so a withheld rate shows nothing.
  std::optional<std::int64_t> numerator;
  std::optional<std::int64_t> denominator;
};

// `figure` as it stands on `providers`: withheld when 1 or 2 providers stand behind it; with
// none, its own value or reason stands, since it can tell nothing about any provider.
template <class T>
TeamFigure<T> withheld_or(Figure<T> figure, std::int64_t providers) {
  TeamFigure<T> team;
  team.providers = providers;
  team.figure = providers > 0 && providers < kMinProviders ? Figure<T>::none(Reason::kWithheld)
                                                           : std::move(figure);
  return team;
}

// numerator / denominator pooled over `providers`, carrying both counts when it has a value.
TeamFigure<double> rate_figure(std::int64_t numerator, std::int64_t denominator,
                               std::int64_t providers, Reason if_zero);

TeamFigure<std::int64_t> count_figure(std::int64_t count, std::int64_t providers);

// A rate pooled over the providers that have one of their own (or a nonzero denominator).
// `missing` is why no provider has one: set at construction, and replaced by the reason of a
// provider's own rate where its headcount gives none (leavers unknown, no staff).
struct RatePool {
  Reason missing;
  std::int64_t providers = 0;
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;

  // Adds a provider's counts; one with a denominator of 0 stands behind nothing and is left out.
  void add(std::int64_t provider_numerator, std::int64_t provider_denominator);
  // Adds a provider's counts where its own rate has a value; otherwise keeps its reason (all but
  // kNoSnapshot, which says only that the provider has no headcount).
  void add(const Rate& provider_rate, std::int64_t provider_numerator,
           std::int64_t provider_denominator);
  TeamFigure<double> figure() const;
};

}  // namespace caretoolkit::metrics
