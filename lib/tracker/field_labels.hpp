// The label a person reads for each field of a tracker record, the words the pages put beside the
// field: "Date applied" for applied_on, "Source" for source_id. Messages about a field name it by
// this label, while problem details keep the field's name (a JSON pointer) for programs.
#pragma once

#include <span>
#include <string_view>

namespace caretoolkit::tracker {

// The label of a record field, CSV column or list filter ("applied_on", "/applied_on" or
// "source_id"); a field without one is named as it is, which keeps every message readable.
std::string_view field_label(std::string_view field);

struct FieldLabel {
  std::string_view field;
  std::string_view label;
};
// Every field with a label, for the API's vocabulary, so that forms label fields as messages do.
std::span<const FieldLabel> field_labels();

}  // namespace caretoolkit::tracker
