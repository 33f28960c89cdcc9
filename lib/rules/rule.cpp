// Names of the rule enums, shared by the JSON loader, the report and ruleset_to_json.
#include "rules/rule.hpp"

#include <array>
#include <utility>

namespace caretoolkit::rules {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<Category, 5> kCategoryNames{{{Category::kEngaging, "engaging"},
                                                 {Category::kValues, "values"},
                                                 {Category::kClarity, "clarity"},
                                                 {Category::kInclusive, "inclusive"},
                                                 {Category::kEssentials, "essentials"}}};
constexpr NameTable<Severity, 4> kSeverityNames{{{Severity::kInfo, "info"},
                                                 {Severity::kSuggestion, "suggestion"},
                                                 {Severity::kWarning, "warning"},
                                                 {Severity::kCritical, "critical"}}};
constexpr NameTable<RuleKind, 8> kKindNames{{{RuleKind::kTerms, "terms"},
                                             {RuleKind::kSubstitute, "substitute"},
                                             {RuleKind::kRequire, "require"},
                                             {RuleKind::kMetric, "metric"},
                                             {RuleKind::kBalance, "balance"},
                                             {RuleKind::kStyle, "style"},
                                             {RuleKind::kReward, "reward"},
                                             {RuleKind::kPayFloor, "pay_floor"}}};
constexpr NameTable<Metric, 7> kMetricNames{
    {{Metric::kReadingEase, "reading_ease"},
     {Metric::kGradeLevel, "grade_level"},
     {Metric::kAverageSentenceWords, "average_sentence_words"},
     {Metric::kLongestSentenceWords, "longest_sentence_words"},
     {Metric::kWords, "words"},
     {Metric::kSentenceWords, "sentence_words"},
     {Metric::kParagraphWords, "paragraph_words"}}};
constexpr NameTable<StyleCheck, 3> kStyleNames{
    {{StyleCheck::kExclamationMarks, "exclamation_marks"},
     {StyleCheck::kCapitals, "capitals"},
     {StyleCheck::kRepeatedPunctuation, "repeated_punctuation"}}};
constexpr NameTable<TokenClass, 9> kClassNames{{{TokenClass::kMoney, "money"},
                                                {TokenClass::kNumber, "number"},
                                                {TokenClass::kTime, "time"},
                                                {TokenClass::kPostcode, "postcode"},
                                                {TokenClass::kPhone, "phone"},
                                                {TokenClass::kEmail, "email"},
                                                {TokenClass::kUrl, "url"},
                                                {TokenClass::kCapitalised, "capitalised"},
                                                {TokenClass::kPlaceholder, "placeholder"}}};
constexpr NameTable<BalanceMethod, 2> kMethodNames{
    {{BalanceMethod::kRatio, "ratio"}, {BalanceMethod::kGenderDecoder, "gender-decoder"}}};
constexpr NameTable<Side, 3> kSideNames{
    {{Side::kEither, "either"}, {Side::kBefore, "before"}, {Side::kAfter, "after"}}};

template <typename Enum, std::size_t N>
const char* name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (name == n) return e;
  }
  return std::nullopt;
}

}  // namespace

const char* to_string(Category v) {
  return name_of(kCategoryNames, v);
}
const char* to_string(Severity v) {
  return name_of(kSeverityNames, v);
}
const char* to_string(RuleKind v) {
  return name_of(kKindNames, v);
}
const char* to_string(Metric v) {
  return name_of(kMetricNames, v);
}
const char* to_string(StyleCheck v) {
  return name_of(kStyleNames, v);
}
const char* to_string(TokenClass v) {
  return name_of(kClassNames, v);
}
const char* to_string(BalanceMethod v) {
  return name_of(kMethodNames, v);
}
const char* to_string(Side v) {
  return name_of(kSideNames, v);
}

std::optional<Category> parse_category(std::string_view n) {
  return parse_name(kCategoryNames, n);
}
std::optional<Severity> parse_severity(std::string_view n) {
  return parse_name(kSeverityNames, n);
}
std::optional<RuleKind> parse_rule_kind(std::string_view n) {
  return parse_name(kKindNames, n);
}
std::optional<Metric> parse_metric(std::string_view n) {
  return parse_name(kMetricNames, n);
}
std::optional<StyleCheck> parse_style_check(std::string_view n) {
  return parse_name(kStyleNames, n);
}
std::optional<TokenClass> parse_token_class(std::string_view n) {
  return parse_name(kClassNames, n);
}
std::optional<BalanceMethod> parse_balance_method(std::string_view n) {
  return parse_name(kMethodNames, n);
}

std::optional<Side> parse_side(std::string_view n) {
  return parse_name(kSideNames, n);
}

}  // namespace caretoolkit::rules
