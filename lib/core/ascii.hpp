// ASCII case for text whose letters that matter are ASCII (rule terms, CSV headers, codes).
#pragma once

namespace caretoolkit {

// `c` in lower case when it is an ASCII capital; any other byte unchanged.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace caretoolkit
