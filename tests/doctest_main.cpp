// The single main() shared by every doctest executable (Debian ships no prebuilt doctest main).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
