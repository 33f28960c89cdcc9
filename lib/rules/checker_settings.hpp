// A provider's own checker settings: rules it switches off, terms it allows (everywhere, or only
// in an advert that explains them) and house terms of its own, each with a replacement and a
// message. The JSON document is documented in rules/README.md ("Provider settings"); it is
// validated as strictly as a rule pack, against the shared rules it adjusts.
//
// The settings change what a provider's adverts are checked against, never the shared packs:
// settings_rule_set() builds the provider's rules from the shared ones, and AllowedTerms
// (allowed_terms.hpp) removes what the allowed terms cover from an evaluation.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "rules/rule_set.hpp"

namespace caretoolkit::rules {

// Where an allowed term is not flagged.
enum class AllowedWhere : std::uint8_t {
  kEverywhere,  // in every advert
  kExplained,   // only in an advert that explains it (allowed_terms.hpp says what counts)
};
const char* to_string(AllowedWhere where);  // "everywhere", "explained"

struct AllowedTerm {
  std::string term;  // term syntax, as in a rule's terms
  AllowedWhere where = AllowedWhere::kEverywhere;
};

// A provider's own term: found like a substitute rule's term, with its replacement and message.
struct HouseTerm {
  std::string term;
  std::string replacement;
  std::string message;
  Category category = Category::kClarity;
  Severity severity = Severity::kSuggestion;
  int weight = 3;
};

struct CheckerSettings {
  std::vector<std::string> disabled_rules;  // ids of shared rules, in the order given
  std::vector<AllowedTerm> allowed_terms;
  std::vector<HouseTerm> house_terms;

  bool empty() const {
    return disabled_rules.empty() && allowed_terms.empty() && house_terms.empty();
  }
};

// Limits of a settings document, checked on every way in.
inline constexpr std::size_t kMaxSettingsEntries = 500;     // per list
inline constexpr std::size_t kMaxSettingsTermLength = 100;  // characters
inline constexpr std::size_t kMaxReplacementLength = 200;
inline constexpr std::size_t kMaxHouseMessageLength = 500;
inline constexpr int kMaxHouseTermWeight = 10;

// The name of the pack that holds a provider's house terms ("house.<term>" rule ids).
inline constexpr std::string_view kHousePackName = "house";

// Parses and validates a settings document against `shared`. `source` names the document in
// messages ("settings.json", "your checker settings"). Throws caretoolkit::Error: kMalformed for
// JSON syntax (with the byte offset), kInvalid for anything else, with a message naming the entry
// and the field in the words the settings page uses, e.g.
//   settings.json: house term 2 ("clients"): field "replacement": must not be empty
// and Error::field() a JSON pointer to it ("/house_terms/1/replacement"). Unknown fields are
// refused; "version", "updated_at" and "updated_by" (what an export carries besides the
// settings) are left to the caller. An empty document ({}) is no settings.
//
// kStored reads a document saved earlier: a switched-off rule that the packs no longer have (a
// later version of them dropped it) is left out rather than refused, so a provider's checks go on.
enum class SettingsSource : std::uint8_t { kNew, kStored };
CheckerSettings parse_checker_settings(std::string_view json, const RuleSet& shared,
                                       const std::string& source,
                                       SettingsSource kind = SettingsSource::kNew);

// The settings as a JSON object, every field written (defaults included), lists in the order
// given: parse_checker_settings() reads it back to the same settings.
boost::json::object checker_settings_to_json(const CheckerSettings& settings);

// What changed from `before` to `after`, a short sentence each, for the settings' history:
// "switched off rule hard-sell.exclamation-marks", "allowed \"bank\" where the advert explains it",
// "house term \"clients\": weight 3 → 5". Empty when nothing did.
std::vector<std::string> describe_changes(const CheckerSettings& before,
                                          const CheckerSettings& after);

// The rules a provider's adverts are checked against: the shared packs without the rules the
// settings switch off, then a pack named kHousePackName (version `label`) holding one substitute
// rule per house term. Its content hash is that of the settings, so the report's rules_version
// and rules_hash name the settings as well as the packs. Throws what RuleSet::from_packs throws.
RuleSet settings_rule_set(const RuleSet& shared, const CheckerSettings& settings,
                          const std::string& label);

}  // namespace caretoolkit::rules
