// Checking realistic advert sentences with the default packs, for a fixed day (6 December 2026,
// when the National Living Wage is £12.71): helpers shared by the tests of each pack.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "advert/checker.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace caretoolkit::advert::testing {

using rules::Outcome;

// The checker page's sample weak advert.
inline std::string sample_weak_advert() {
  std::ifstream in(CARETOOLKIT_SOURCE_DIR "/toolkit-content/samples/weak-advert.txt",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline const Checker& checker() {
  static const rules::RuleSet set = rules::RuleSet::load_directory(CARETOOLKIT_SOURCE_DIR "/rules");
  static const text::Analyzer analyzer;
  static const Checker instance(set, analyzer);
  return instance;
}

inline const Date kCheckDay = *Date::parse("2026-12-06");

inline Report check(const std::string& text, const std::string& service = "") {
  return checker().check(text, {"", service, kCheckDay});
}

using Texts = std::vector<std::string>;

// The matched texts of rule `id`'s findings with `outcome`.
inline Texts found(const std::string& text, const std::string& id,
                   Outcome outcome = Outcome::kFound, const std::string& service = "") {
  Texts out;
  for (const Finding& f : check(text, service).findings) {
    if (f.rule_id == id && f.outcome == outcome) out.emplace_back(f.text);
  }
  return out;
}

// Whether rule `id` found something in each of `texts`, and in none of `near_misses`.
inline void fires_on(const std::string& id, const Texts& texts, const Texts& near_misses) {
  for (const auto& text : texts) {
    CAPTURE(text);
    CHECK_FALSE(found(text, id).empty());
  }
  for (const auto& text : near_misses) {
    CAPTURE(text);
    CHECK(found(text, id).empty());
  }
}

// The first finding of rule `id`, pointing into `report` (which must outlive it), or nullptr.
inline const Finding* first(const Report& report, const std::string& id) {
  for (const Finding& f : report.findings) {
    if (f.rule_id == id) return &f;
  }
  return nullptr;
}

inline Outcome outcome_of(const std::string& text, const std::string& id,
                          const std::string& service = "") {
  const Report report = check(text, service);
  const Finding* f = first(report, id);
  REQUIRE_MESSAGE(f != nullptr, id);
  return f->outcome;
}

}  // namespace caretoolkit::advert::testing
