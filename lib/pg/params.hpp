// Values for the bound parameters ($1, $2, ...) of a PostgreSQL statement or the fields of a COPY
// row. Every value reaches the server apart from the SQL text, in PostgreSQL's text form (the form
// `psql` shows), so no value is ever spliced into SQL.
//
// Text forms: integers in decimal, booleans as "t"/"f", dates as ISO 8601 ("2025-03-01", which
// the server reads whatever its DateStyle), text as it is (it must be valid UTF-8, which the
// server checks), bytes for a bytea column as themselves (sent in binary form). An empty optional
// is SQL NULL.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace caretoolkit::pg {

// Bytes for a bytea column (a SHA-256, an HMAC): as a Param they are sent in binary form, and
// Row::get<Bytes> reads them back.
struct Bytes {
  std::string value;
  friend bool operator==(const Bytes&, const Bytes&) = default;
};

class Param {
 public:
  Param(std::nullopt_t) : null_(true) {}  // NOLINT(google-explicit-constructor)
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) Param(T value)
      : value_(std::to_string(value)) {}                  // NOLINT(google-explicit-constructor)
  Param(bool value) : value_(value ? "t" : "f") {}        // NOLINT(google-explicit-constructor)
  Param(std::string_view text) : value_(text) {}          // NOLINT(google-explicit-constructor)
  Param(const std::string& text) : value_(text) {}        // NOLINT(google-explicit-constructor)
  Param(std::string&& text) : value_(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  Param(const char* text) : value_(text) {}               // NOLINT(google-explicit-constructor)
  Param(Date date) : value_(date.to_string()) {}          // NOLINT(google-explicit-constructor)
  Param(Bytes bytes) : value_(std::move(bytes.value)), binary_(true) {}  // NOLINT
  template <class T>
  Param(const std::optional<T>& value) {  // NOLINT(google-explicit-constructor)
    if (value) {
      *this = Param(*value);
    } else {
      null_ = true;
    }
  }

  bool is_null() const noexcept { return null_; }
  bool is_binary() const noexcept { return binary_; }
  // The text form, or the bytes of a binary value; empty for NULL.
  const std::string& value() const noexcept { return value_; }

 private:
  std::string value_;
  bool null_ = false;
  bool binary_ = false;
};

}  // namespace caretoolkit::pg
