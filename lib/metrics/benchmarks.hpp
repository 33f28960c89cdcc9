// Published turnover and vacancy rates that a provider's own rates are set beside, with their
// sources. The figures and citations come from the product's metrics reference; a service's rate is
// compared with its service type's own figure where one exists, then with sector-wide figures.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "metrics/figure.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::metrics {

enum class Measure : std::uint8_t { kTurnover, kVacancy };

// "turnover", "vacancy_rate".
std::string_view to_string(Measure measure);

struct Benchmark {
  std::string_view id;  // stable: "turnover_england_2024_25"
  Measure measure = Measure::kTurnover;
  double value = 0.0;      // a fraction: 0.231 is 23.1 %
  std::string_view label;  // what it is the rate of: "Adult social care, England, 2024/25"
  std::optional<tracker::ServiceType> service_type;  // set for a service type's own figure
  std::string_view source;                           // where it was published
};

// Every benchmark, turnover first; static storage, valid for the life of the program.
std::span<const Benchmark> benchmark_table();

// The benchmarks a rate of `measure` for a service of `type` (or, with no type, for a whole
// provider or team) is set beside: the type's own figure first where there is one, then the
// sector-wide figures. Pointers into benchmark_table().
std::vector<const Benchmark*> benchmarks_for(Measure measure,
                                             std::optional<tracker::ServiceType> type);

// A rate beside one benchmark: difference = rate - benchmark, in fraction points (0.05 is five
// percentage points above); no difference when the rate has no value.
struct Comparison {
  const Benchmark* benchmark = nullptr;
  std::optional<double> difference;
};

std::vector<Comparison> compare(const Rate& rate, Measure measure,
                                std::optional<tracker::ServiceType> type);

}  // namespace caretoolkit::metrics
