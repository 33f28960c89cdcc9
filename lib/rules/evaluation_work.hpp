// The working memory behind an EvaluationScratch (internal to lib/rules: included by its .cpp
// files and by tests, never by a header that lib/rules' users include).
//
// Thread safety: none; one serves one evaluation at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "rules/capitals.hpp"
#include "rules/hourly_amounts.hpp"
#include "rules/job_titles.hpp"
#include "rules/matcher_internal.hpp"

namespace caretoolkit::rules {

struct EvaluationWork {
  MatchResult match;
  std::vector<TermHit> by_target;           // the match's term hits, grouped by target
  std::vector<std::uint32_t> target_begin;  // per target: its first index in by_target
  std::vector<TermHit> candidates;          // a terms rule's term and pattern hits together
  std::vector<Amount> amounts;              // pay floor rules: the advert's amounts
  std::vector<AmountRange> ranges;
  std::vector<ByteRange> titles;     // gender-decoder rules: the job titles
  std::vector<ShoutRun> shout_runs;  // the capitals style rule's runs
};

}  // namespace caretoolkit::rules
