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

}  // namespace

// Zero (the 16-byte forms) until start-up has asked the processor, should a scanner run before.
bool detail::use_wide = kProcessorHasThem;

void set_enabled(bool want) noexcept {
  detail::use_wide = want && kProcessorHasThem;
}

}  // namespace caretoolkit::text::wide
