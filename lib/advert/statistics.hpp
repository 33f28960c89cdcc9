// The advert's statistics for the report and for metric rules, from lib/text's readability
// counts and formulas.
#pragma once

#include "advert/report.hpp"
#include "rules/compiled_rules.hpp"
#include "text/document.hpp"

namespace caretoolkit::advert {

// Words, sentences, paragraphs, syllables, complex words, Flesch Reading Ease and Flesch-Kincaid
// grade, average and longest sentence (definitions in text/readability.hpp). A text without
// words gives zeros everywhere.
Statistics compute_statistics(const text::Document& document);

// The figures of `statistics` that metric rules compare with their thresholds.
rules::MetricValues metric_values(const Statistics& statistics);

}  // namespace caretoolkit::advert
