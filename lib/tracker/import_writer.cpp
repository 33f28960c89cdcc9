// The write side of a CSV import; see import_writer.hpp.
#include "tracker/import_writer.hpp"

#include <cassert>

namespace caretoolkit::tracker {

Id ImportWriter::id(NameRef name) const {
  if (const auto stored = name.stored_id()) return *stored;
  const std::size_t order = name.created_order();
  assert(order < created_.size());
  return created_[order];
}

}  // namespace caretoolkit::tracker
