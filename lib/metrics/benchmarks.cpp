// The benchmark table; see benchmarks.hpp. Figures and sources as the metrics reference records
// them; a new year's figures are added here with their citation.
#include "metrics/benchmarks.hpp"

#include <array>

namespace caretoolkit::metrics {

namespace {

using tracker::ServiceType;

constexpr std::string_view kInspiredToCare =
    "Leicestershire County Council, Inspired to Care: report of the Director of Adults and "
    "Communities (research by the Inspired to Care team)";
constexpr std::string_view kSfcRecruitment =
    "Skills for Care, 'Recruitment and retention' topic page; quoted in the Inspired to Care "
    "report";
constexpr std::string_view kSfcState2025 =
    "Skills for Care, 'The state of the adult social care sector and workforce in England' 2025, "
    "as "
    "reported by the National Care Forum and Cohesion Recruitment";
constexpr std::string_view kSfcSize2025 =
    "Skills for Care, 'The size and structure of the adult social care sector and workforce in "
    "England' 2025, as reported by SCIE (29 July 2025)";

constexpr std::array kTable = {
    Benchmark{"turnover_home_care_leicestershire", Measure::kTurnover, 0.504,
              "Home care, Leicestershire", ServiceType::kHomeCare, kInspiredToCare},
    Benchmark{"turnover_residential_leicestershire", Measure::kTurnover, 0.332,
              "Residential care, Leicestershire", ServiceType::kResidential, kInspiredToCare},
    Benchmark{"turnover_supported_living_leicestershire", Measure::kTurnover, 0.133,
              "Supported living, Leicestershire", ServiceType::kSupportedLiving, kInspiredToCare},
    Benchmark{"turnover_leicestershire", Measure::kTurnover, 0.323,
              "Adult social care, Leicestershire", std::nullopt, kInspiredToCare},
    Benchmark{"turnover_uk_2018_19", Measure::kTurnover, 0.308, "Adult social care, UK, 2018/19",
              std::nullopt, kSfcRecruitment},
    Benchmark{"turnover_england_2024_25", Measure::kTurnover, 0.231,
              "Adult social care, England, 2024/25", std::nullopt, kSfcState2025},
    Benchmark{"turnover_independent_england_2024_25", Measure::kTurnover, 0.247,
              "Independent sector, England, 2024/25", std::nullopt, kSfcState2025},
    Benchmark{"turnover_care_workers_england_2024_25", Measure::kTurnover, 0.285,
              "Care workers, England, 2024/25", std::nullopt, kSfcState2025},
    Benchmark{"turnover_leicestershire_providers_2022", Measure::kTurnover, 0.34,
              "Leicestershire County Council's providers, 2022", std::nullopt,
              "Local Government Association case study"},
    Benchmark{"turnover_all_sectors_uk", Measure::kTurnover, 0.15, "All sectors, UK", std::nullopt,
              kInspiredToCare},
    Benchmark{"vacancy_home_care_england_2024_25", Measure::kVacancy, 0.101,
              "Home care, England, 2024/25", ServiceType::kHomeCare, kSfcSize2025},
    Benchmark{"vacancy_residential_england_2024_25", Measure::kVacancy, 0.041,
              "Residential care, England, 2024/25", ServiceType::kResidential, kSfcSize2025},
    Benchmark{"vacancy_nursing_england_2024_25", Measure::kVacancy, 0.047,
              "Nursing care, England, 2024/25", ServiceType::kNursing, kSfcSize2025},
    Benchmark{"vacancy_england_2024_25", Measure::kVacancy, 0.070,
              "Adult social care, England, 2024/25", std::nullopt, kSfcSize2025},
};

// The sector-wide figures every rate is set beside, after its service type's own.
constexpr std::array<std::string_view, 3> kSectorTurnover = {
    "turnover_leicestershire", "turnover_uk_2018_19", "turnover_england_2024_25"};
constexpr std::array<std::string_view, 1> kSectorVacancy = {"vacancy_england_2024_25"};

const Benchmark* find(std::string_view id) {
  for (const Benchmark& benchmark : kTable) {
    if (benchmark.id == id) return &benchmark;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(Measure measure) {
  return measure == Measure::kTurnover ? "turnover" : "vacancy_rate";
}

std::span<const Benchmark> benchmark_table() {
  return kTable;
}

std::vector<const Benchmark*> benchmarks_for(Measure measure,
                                             std::optional<tracker::ServiceType> type) {
  std::vector<const Benchmark*> chosen;
  if (type) {
    for (const Benchmark& benchmark : kTable) {
      if (benchmark.measure == measure && benchmark.service_type == type) {
        chosen.push_back(&benchmark);
      }
    }
  }
  const std::span<const std::string_view> sector =
      measure == Measure::kTurnover ? std::span<const std::string_view>(kSectorTurnover)
                                    : std::span<const std::string_view>(kSectorVacancy);
  for (const std::string_view id : sector) chosen.push_back(find(id));
  return chosen;
}

std::vector<Comparison> compare(const Rate& rate, Measure measure,
                                std::optional<tracker::ServiceType> type) {
  std::vector<Comparison> comparisons;
  for (const Benchmark* benchmark : benchmarks_for(measure, type)) {
    Comparison& c = comparisons.emplace_back();
    c.benchmark = benchmark;
    if (rate.value) c.difference = *rate.value - benchmark->value;
  }
  return comparisons;
}

}  // namespace caretoolkit::metrics
