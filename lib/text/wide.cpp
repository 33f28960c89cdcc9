// Whether the 64-byte scanners run; see wide.hpp.
#include "text/wide.hpp"

namespace caretoolkit::text::wide {
namespace {

bool processor_has_them() noexcept {
#if CARETOOLKIT_HAS_WIDE
  __builtin_cpu_init();  // may run before the runtime's own initialisation
  return __builtin_cpu_supports("avx512bw") != 0;
#else
  return false;
#endif
}

const bool kProcessorHasThem = processor_has_them();
bool on = kProcessorHasThem;

}  // namespace

bool enabled() noexcept {
  return on;
}

void set_enabled(bool want) noexcept {
  on = want && kProcessorHasThem;
}

}  // namespace caretoolkit::text::wide
