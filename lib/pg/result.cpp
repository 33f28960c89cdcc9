// Reading values from their text form; see result.hpp.
#include "pg/result.hpp"

#include <charconv>
#include <stdexcept>

namespace caretoolkit::pg {

namespace {

[[noreturn]] void unreadable(const Result& result, int column, std::string_view type,
                             std::string_view text) {
  throw std::runtime_error("the database returned '" + std::string(text.substr(0, 40)) +
                           "' in column " + result.column_name(column) + ", which is not " +
                           std::string(type) + ": the schema or the query is wrong");
}

template <class T>
T number(std::string_view text, const Result& result, int column, std::string_view type) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    unreadable(result, column, type, text);
  }
  return value;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

int Result::column(std::string_view name) const {
  for (int i = 0; i < columns(); ++i) {
    if (name == PQfname(result_.get(), i)) return i;
  }
  throw std::logic_error("the query returned no column named " + std::string(name));
}

std::int64_t Result::affected_rows() const {
  const std::string_view text = PQcmdTuples(result_.get());
  if (text.empty()) return 0;
  std::int64_t count = 0;
  std::from_chars(text.data(), text.data() + text.size(), count);
  return count;
}

Row Result::single() const {
  if (rows() != 1) {
    throw std::logic_error("the query returned " + std::to_string(rows()) +
                           " rows where it should return one");
  }
  return {*this, 0};
}

std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) == 1;
}

namespace detail {

void throw_null(const Result& result, int column) {
  throw std::runtime_error("the database returned NULL in column " + result.column_name(column) +
                           ", which the query expects to hold a value");
}

template <>
std::int64_t convert<std::int64_t>(std::string_view text, const Result& result, int column) {
  return number<std::int64_t>(text, result, column, "an integer");
}

template <>
int convert<int>(std::string_view text, const Result& result, int column) {
  return number<int>(text, result, column, "an integer of 32 bits");
}

template <>
double convert<double>(std::string_view text, const Result& result, int column) {
  return number<double>(text, result, column, "a number");
}

template <>
bool convert<bool>(std::string_view text, const Result& result, int column) {
  if (text == "t") return true;
  if (text == "f") return false;
  unreadable(result, column, "a boolean", text);
}

template <>
std::string_view convert<std::string_view>(std::string_view text, const Result&, int) {
  return text;
}

template <>
std::string convert<std::string>(std::string_view text, const Result&, int) {
  return std::string(text);
}

template <>
Date convert<Date>(std::string_view text, const Result& result, int column) {
  // The connection sets DateStyle to ISO, so a date reads "2025-03-01".
  if (auto date = Date::parse(text)) return *date;
  unreadable(result, column, "a date from 1900 to 9999", text);
}

// bytea arrives in the hex form, "\x" and two digits a byte (bytea_output's default).
template <>
Bytes convert<Bytes>(std::string_view text, const Result& result, int column) {
  if (!text.starts_with("\\x") || text.size() % 2 != 0) unreadable(result, column, "bytea", text);
  Bytes bytes;
  bytes.value.reserve(text.size() / 2 - 1);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    const int high = hex_digit(text[i]);
    const int low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0) unreadable(result, column, "bytea", text);
    bytes.value.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

}  // namespace detail

}  // namespace caretoolkit::pg
