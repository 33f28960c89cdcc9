// One rule of a rule pack, as loaded from JSON: what it looks for, how much it counts and what it
// tells a care manager. Rules are plain data; lib/rules/compiled_rules.hpp turns a RuleSet into
// matchers, and lib/advert turns what they observe into scored findings.
//
// The JSON format of every field is documented in rules/README.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"

namespace caretoolkit::rules {

// The five parts of an advert's score. Order is the order of the report.
enum class Category : std::uint8_t { kEngaging, kValues, kClarity, kInclusive, kEssentials };
inline constexpr std::size_t kCategoryCount = 5;

enum class Severity : std::uint8_t { kInfo, kSuggestion, kWarning, kCritical };

enum class RuleKind : std::uint8_t {
  kTerms,       // words or phrases to flag
  kSubstitute,  // a term with a preferred plain-English replacement
  kRequire,     // content an advert must have (term sets and token patterns)
  kMetric,      // a threshold on a readability or length statistic
  kBalance,     // the ratio or difference between two term sets
  kStyle,       // exclamation marks, capitals, repeated punctuation
  kReward,      // values-based words and phrases that earn points
  kPayFloor,    // hourly amounts below the legal minimum in force on the check date
};

enum class Metric : std::uint8_t {
  kReadingEase,           // Flesch Reading Ease of the whole advert
  kGradeLevel,            // Flesch-Kincaid grade of the whole advert
  kAverageSentenceWords,  // words per sentence
  kLongestSentenceWords,  // words in the longest sentence
  kWords,                 // words in the advert
  kSentenceWords,         // words in each sentence: one observation per sentence over the limit
  kParagraphWords,        // words in each paragraph: one observation per paragraph over the limit
};

enum class StyleCheck : std::uint8_t { kExclamationMarks, kCapitals, kRepeatedPunctuation };

// Token classes a require pattern can ask for besides terms.
enum class TokenClass : std::uint8_t {
  kMoney,        // "£11.50", "£24,000", or a number with two decimals ("11.50")
  kNumber,       // any number
  kTime,         // "7am", "7.30pm", "07:00", "7 am"
  kPostcode,     // "LN2 1AB", or an outward code with two letters ("PE9")
  kPhone,        // a UK number: 10 or 11 digits starting with 0, spaces allowed ("01234 567890")
  kEmail,        // "jobs@example.org"
  kUrl,          // "www.example.org", "https://...", "example.co.uk"
  kCapitalised,  // a word starting with a capital letter ("Stamford")
  kPlaceholder,  // a figure a job board hid: "****", "£XX", "£xx.xx"
};
inline constexpr std::size_t kTokenClassCount = 9;

enum class BalanceMethod : std::uint8_t {
  kRatio,          // first / second must reach min_ratio
  kGenderDecoder,  // prefix lists counted as Gender Decoder does; |first - second| <=
                   // max_difference
};

// One step of a pattern: either a token class or a set of terms. A class step may list words
// that do not count as it (`except`: "Health" is capitalised but names no place), inline or as
// the name of a pack's word list (RuleSet fills `except` from the list).
struct PatternStep {
  std::optional<TokenClass> token_class;
  std::vector<std::string> terms;
  std::vector<std::string> except;
  std::string except_list;  // the word list's name when `except` names one; empty when inline
};

// Where an alternative may be found.
enum class Where : std::uint8_t {
  kAnywhere,
  kTitle,  // within the headings the advert opens with (rules::title_of): "Carer - Ludlow"
};

// One way to satisfy a require rule: the steps must occur in order, each starting at most
// max_gap tokens after the previous one ends. A single step of terms is a plain term set.
struct Alternative {
  std::vector<PatternStep> steps;
  std::uint32_t max_gap = 0;
  Where where = Where::kAnywhere;
};

// Words a rule's context looks for: written inline, or named from a pack's "word_lists" (the
// name is kept so that a report of the rules shows it; RuleSet fills `terms` from the list).
struct WordList {
  std::string name;                // the list's name when the rule names one; empty when inline
  std::vector<std::string> terms;  // term syntax as in Rule::terms
  bool empty() const { return name.empty() && terms.empty(); }
};

// Which side of a finding NearWords looks at.
enum class Side : std::uint8_t { kEither, kBefore, kAfter };

// Words within `within` words (numbers count as words, punctuation does not) before or after a
// finding, in the finding's sentence, and not overlapping it.
struct NearWords {
  WordList words;
  std::uint32_t within = 3;
  Side side = Side::kEither;
};

// Where a finding of a terms, substitute or reward rule counts: a term can describe someone other
// than the candidate ("a young girl with complex needs", "with 20 years' experience, we are..."),
// and the context tells such uses apart. A finding counts when its sentence has a term of
// `only_in_sentences_with` (if any), has none of `unless_in_sentences_with`, has one of
// `only_near` near it (if any) and none of `unless_near`.
struct RuleContext {
  WordList only_in_sentences_with;
  WordList unless_in_sentences_with;
  std::vector<NearWords> only_near;
  std::vector<NearWords> unless_near;
  bool declared() const {
    return !only_in_sentences_with.empty() || !unless_in_sentences_with.empty() ||
           !only_near.empty() || !unless_near.empty();
  }
};

// One row of a pay floor's table: the hourly minimum in force from `from` until the next row's.
struct DatedRate {
  Date from;
  Pence hourly;
};

struct BalanceSide {
  std::string label;                  // "you", "feminine"
  std::vector<std::string> terms;     // for kRatio
  std::vector<std::string> prefixes;  // for kGenderDecoder: lowercase ASCII prefixes
  // kGenderDecoder: what to tell an advert that leans this way (empty: the rule's message), and
  // whether leaning this way by more than max_difference loses points (if not, it is information).
  std::string message;
  bool penalised = true;
};

// Whether a substitute rule's replacement can be written into the advert without a person reading
// it first: only when the swap keeps every sentence grammatical ("utilise" to "use"). "clients" to
// "the people we support" does not ("our the people we support"), so that rule only suggests.
struct Fix {
  bool safe = false;
  // When not empty, only matches of these forms are safe, each with its own replacement
  // ("utilising" to "using"); other matches are only suggested. Forms are lowercase words
  // separated by single spaces, in file order.
  std::vector<std::pair<std::string, std::string>> forms;
};

struct Rule {
  // Common to every kind.
  std::string id;  // "jargon.service-users": unique across all loaded packs
  RuleKind kind = RuleKind::kTerms;
  Category category = Category::kClarity;
  Severity severity = Severity::kSuggestion;
  int weight = 0;      // points lost (or won, for rewards) by the first observation, 0 to 100
  int max_points = 0;  // cap on the points of all observations of this rule (2 x weight if absent)
  std::string message;
  std::string suggestion;             // may be empty
  std::string source;                 // where the guidance comes from
  std::vector<std::string> services;  // applies only to these services ("home care"); empty: all
  std::string pack;                   // name of the pack the rule came from
  // The guidance article that explains the rule, with its section: "writing-adverts#jargon" for
  // toolkit-content/guidance/writing-adverts.html, element id "jargon". The pack's when the rule
  // gives none; empty when neither does.
  std::string guidance;
  std::size_t index_in_pack = 0;

  // kTerms, kSubstitute, kReward. A term is words separated by spaces; a word ending in "*" is a
  // stem ("compet*" matches "competitive"); the word "#" matches any number.
  std::vector<std::string> terms;
  std::vector<std::string> except;  // phrases that cancel an overlapping match ("young people")
  bool case_sensitive = false;
  std::string replacement;  // kSubstitute only
  Fix fix;                  // kSubstitute only
  RuleContext context;      // where a finding counts (kTerms, kSubstitute, kReward)
  // kTerms, kSubstitute, kReward: token patterns each of whose occurrences is found like a term.
  std::vector<Alternative> patterns;

  // Every kind but kMetric, kBalance and kStyle: the rule applies to an advert only when none of
  // `unless` and (if any are listed) one of `only_with` is found anywhere in it.
  std::vector<Alternative> unless;
  std::vector<Alternative> only_with;

  // kRequire: met when any alternative is found.
  std::vector<Alternative> any_of;
  int reward = 0;  // kRequire and kBalance: points won when met (0: none)
  // kRequire: when unmet but one of these is found (a hidden figure: "£xx.xx an hour"), the
  // rule is not judged and costs nothing.
  std::vector<Alternative> not_judged;

  // kPayFloor: an amount is hourly when one of `per_hour` follows it, or one of `hourly_before`
  // comes before it, within `max_gap` tokens; it is found when it is below the row of `rates`
  // in force on the check date (rows in date order).
  std::vector<std::string> per_hour;
  std::vector<std::string> hourly_before;
  std::uint32_t max_gap = 1;
  std::vector<DatedRate> rates;

  // kMetric: an observation when the value is below min or above max.
  Metric metric = Metric::kWords;
  std::optional<double> min;
  std::optional<double> max;

  // kBalance.
  BalanceMethod method = BalanceMethod::kRatio;
  BalanceSide first;
  BalanceSide second;
  double min_ratio = 1.0;  // kRatio
  // kRatio: the second side must be found this often before the ratio is judged; below it the
  // outcome is not_judged ("you" 0 against "we" 1 says little about a 40-word advert).
  int min_second = 0;
  int max_difference = 3;  // kGenderDecoder
  // kGenderDecoder: a coded word inside a job title does not count. A title is the advert's first
  // line when it is a heading, or two or more capitalised words ending in one of these words
  // (lowercase: "worker" makes "Senior Support Worker" a title).
  std::vector<std::string> title_words;

  // kStyle.
  StyleCheck check = StyleCheck::kExclamationMarks;
  int max_count = 0;  // occurrences allowed before the first observation (exclamation marks)
  // Capitals: a run of words in capitals is shouting when at least min_words of its words have
  // min_letters letters or more and are not in `allow` (acronyms such as "NHS" and short words
  // continue a run without counting), or when it is a whole sentence of two words or more with at
  // least one such word. Headings, and runs that the advert also writes in mixed case (a name),
  // are not shouting. A run with one of `shout_words` ("URGENT", "NOW", "ONLY"; upper case) is
  // shouting however short, in a heading too: such words are written in capitals to press.
  int min_letters = 3;
  int min_words = 3;
  std::vector<std::string> allow;
  std::vector<std::string> shout_words;

  // The cap actually applied: max_points, or 2 x weight when absent.
  int points_cap() const { return max_points > 0 ? max_points : 2 * weight; }
};

// Names as written in the JSON ("engaging", "warning", "substitute", ...).
const char* to_string(Category category);
const char* to_string(Severity severity);
const char* to_string(RuleKind kind);
const char* to_string(Metric metric);
const char* to_string(StyleCheck check);
const char* to_string(TokenClass token_class);
const char* to_string(BalanceMethod method);
const char* to_string(Side side);

std::optional<Category> parse_category(std::string_view name);
std::optional<Severity> parse_severity(std::string_view name);
std::optional<RuleKind> parse_rule_kind(std::string_view name);
std::optional<Metric> parse_metric(std::string_view name);
std::optional<StyleCheck> parse_style_check(std::string_view name);
std::optional<TokenClass> parse_token_class(std::string_view name);
std::optional<BalanceMethod> parse_balance_method(std::string_view name);
std::optional<Side> parse_side(std::string_view name);

}  // namespace caretoolkit::rules
