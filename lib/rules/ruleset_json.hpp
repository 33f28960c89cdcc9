// The loaded rules as JSON, for `GET /rules` and for people reviewing what an advert is checked
// against. The shape follows the pack files (rules/README.md), with the set's version added.
#pragma once

#include <boost/json/value.hpp>

#include "rules/rule_set.hpp"

namespace caretoolkit::rules {

// {"version": "...", "content_hash": "...", "packs": [{"pack", "version", "description",
//  "file", "rules": [...]}]}: each rule with the fields of its kind, as written in its pack.
boost::json::value ruleset_to_json(const RuleSet& rules);

}  // namespace caretoolkit::rules
