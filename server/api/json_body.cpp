// Strict JSON bodies and value readers; see json_body.hpp.
#include "api/json_body.hpp"

#include <unicode/utf8.h>

#include <cmath>

#include "tracker/field_labels.hpp"

namespace caretoolkit::server::api {

namespace {

std::string type_name(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
      return "an integer";
    case boost::json::kind::double_:
      return "a decimal number";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
  }
  return "a value";
}

// The offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

}  // namespace

std::string pointer(std::string_view name) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string here.
  std::string result = "/";
  result += name;
  return result;
}

bool has_media_type(const Request& request, std::string_view type) {
  const auto header = request.header("Content-Type");
  if (!header) return false;
  std::string_view value = *header;
  value = value.substr(0, value.find(';'));
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.size() != type.size()) return false;
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != type[i]) return false;
  }
  return true;
}

void require_media_type(const Request& request, std::string_view type) {
  if (!has_media_type(request, type)) {
    const auto header = request.header("Content-Type");
    throw Error(ErrorCode::kUnsupportedType,
                "this operation reads " + std::string(type) + ", not " +
                    (header ? "'" + std::string(header->substr(0, 80)) + "'"
                            : std::string("a body without Content-Type")),
                "Content-Type");
  }
}

boost::json::object parse_json_object(const Request& request) {
  require_media_type(request, "application/json");
  if (const std::size_t bad = first_invalid_utf8(request.body); bad != std::string_view::npos) {
    throw Error(
        ErrorCode::kMalformed,
        "the body is not valid UTF-8: the first bad byte is at offset " + std::to_string(bad));
  }
  boost::json::parse_options options;
  options.max_depth = kMaxDepth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(request.body.data(), request.body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::string reason =
        ec == boost::json::error::too_deep
            ? "it is nested more than " + std::to_string(kMaxDepth) + " levels deep"
            : ec.message();
    throw Error(ErrorCode::kMalformed, "the body is not valid JSON: " + reason + " (at byte " +
                                           std::to_string(consumed) + ")");
  }
  boost::json::value value = parser.release();
  if (!value.is_object()) {
    throw Error(ErrorCode::kMalformed, "the body must be a JSON object, not " + type_name(value));
  }
  return std::move(value.as_object());
}

std::string label_of(std::string_view name) {
  return std::string(tracker::field_label(name));
}

std::string grouped(std::int64_t number) {
  std::string digits = std::to_string(number < 0 ? -number : number);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), 1, ',');
  }
  return number < 0 ? "-" + digits : digits;
}

Response json_response(unsigned status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

boost::json::object page_object(boost::json::array items, const std::string& next_cursor) {
  boost::json::object out;
  out["items"] = std::move(items);
  out["next_cursor"] =
      next_cursor.empty() ? boost::json::value(nullptr) : boost::json::value(next_cursor);
  return out;
}

std::string read_string(const boost::json::value& value, std::string_view name,
                        std::size_t max_length) {
  const auto* text = value.if_string();
  if (text == nullptr) {
    throw Error(ErrorCode::kInvalid, label_of(name) + " must be text, not " + type_name(value),
                pointer(name));
  }
  if (text->size() > max_length && tracker::count_characters(*text) > max_length) {
    throw Error(ErrorCode::kInvalid,
                label_of(name) + " is longer than " +
                    grouped(static_cast<std::int64_t>(max_length)) + " characters",
                pointer(name));
  }
  return std::string(*text);
}

std::string read_text(const boost::json::value& value, std::string_view name,
                      std::size_t max_length, tracker::TextKind kind) {
  std::string text = read_string(value, name, max_length);
  tracker::Problems problems;
  tracker::check_text(text, kind, pointer(name), name, problems);
  if (!problems.empty()) {
    throw Error(ErrorCode::kInvalid, problems.front().detail, problems.front().field);
  }
  return text;
}

std::int64_t read_integer(const boost::json::value& value, std::string_view name, std::int64_t min,
                          std::int64_t max) {
  const auto out_of_range = [&] {
    return Error(ErrorCode::kInvalid,
                 label_of(name) + " must be a whole number from " + grouped(min) + " to " +
                     grouped(max) + ", not " + boost::json::serialize(value),
                 pointer(name));
  };
  if (const auto* signed_value = value.if_int64()) {
    if (*signed_value < min || *signed_value > max) throw out_of_range();
    return *signed_value;
  }
  if (const auto* unsigned_value = value.if_uint64()) {
    if (*unsigned_value > static_cast<std::uint64_t>(max)) throw out_of_range();
    return static_cast<std::int64_t>(*unsigned_value);
  }
  // A whole number written with an exponent (1e6), or too long for 64 bits, arrives as a double.
  // It is exact up to 2^53; past that, or past the range, it is refused for its size.
  if (const auto* real = value.if_double();
      real && std::isfinite(*real) && std::trunc(*real) == *real) {
    constexpr double kExact = 9'007'199'254'740'992.0;  // 2^53
    if (std::abs(*real) > kExact || *real < static_cast<double>(min) ||
        *real > static_cast<double>(max)) {
      throw out_of_range();
    }
    return static_cast<std::int64_t>(*real);
  }
  throw Error(ErrorCode::kInvalid,
              label_of(name) + " must be a whole number, not " + type_name(value), pointer(name));
}

std::optional<std::int64_t> read_optional_integer(const boost::json::value& value,
                                                  std::string_view name, std::int64_t min,
                                                  std::int64_t max) {
  if (value.is_null()) return std::nullopt;
  return read_integer(value, name, min, max);
}

Date read_date(const boost::json::value& value, std::string_view name) {
  const std::string text = read_string(value, name, 40);
  if (auto date = Date::parse(text)) return *date;
  throw Error(ErrorCode::kInvalid, Date::plain_problem(text, tracker::field_label(name)),
              pointer(name));
}

std::optional<Date> read_optional_date(const boost::json::value& value, std::string_view name) {
  if (value.is_null()) return std::nullopt;
  return read_date(value, name);
}

}  // namespace caretoolkit::server::api
