// Reading JSON request bodies strictly, and the typed field codecs that turn JSON objects into
// tracker records and back.
//
// parse_json_object() refuses a body that is not `application/json` (415), not valid UTF-8 or not
// JSON (400, with the byte offset), nested deeper than kMaxDepth, or not an object. The field
// codecs refuse unknown fields and wrong types with Error(kInvalid) naming the field as a JSON
// pointer ("/amount_pence"), so every resource validates the same way.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "http_types.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::server::api {

inline constexpr std::size_t kMaxDepth = 16;

boost::json::object parse_json_object(const Request& request);

// True when the request's Content-Type is `type` (parameters such as charset ignored).
bool has_media_type(const Request& request, std::string_view type);
// Throws Error(kUnsupportedType) unless the request's Content-Type is `type`.
void require_media_type(const Request& request, std::string_view type);

Response json_response(unsigned status, const boost::json::value& body);

// A page of a list: {"items": [...], "next_cursor": "..." or null on the last page}.
boost::json::object page_object(boost::json::array items, const std::string& next_cursor);

// The label a person reads for the field `name` ("Date applied" for applied_on), which messages
// use; the problem's `field` keeps the name.
std::string label_of(std::string_view name);
// A whole number with thousands separators: "1,000,000".
std::string grouped(std::int64_t number);

// One field of a record type T: its JSON name, how to write it and how to read it. `read` throws
// Error(kInvalid) with field "/name" for a wrong type or value.
template <class T>
struct Field {
  std::string_view name;
  bool required;  // on create; a partial update may omit any field
  std::function<void(const T&, boost::json::object&)> write;
  std::function<void(T&, const boost::json::value&)> read;
};

template <class T>
using Fields = std::vector<Field<T>>;

// Writes every field of `record`, in the order of `fields`.
template <class T>
boost::json::object to_json(const T& record, const Fields<T>& fields) {
  boost::json::object out;
  for (const auto& field : fields) field.write(record, out);
  return out;
}

// Reads `body` into `record`: unknown fields refused, required ones checked when `creating`.
// All problems are reported together as ErrorItems of one Error(kInvalid).
template <class T>
void from_json(const boost::json::object& body, const Fields<T>& fields, T& record, bool creating);

// Value readers used by the field factories; each throws Error(kInvalid) naming `name`. Lengths
// are counted in characters (Unicode code points), as the tracker's limits and JSON Schema's
// maxLength count them.
std::string read_string(const boost::json::value& value, std::string_view name,
                        std::size_t max_length);
// A string stored as a tracker text field of `kind`: also refused when tracker::check_text() would
// refuse it ("name must not contain control characters (found U+0000 at character 4)").
std::string read_text(const boost::json::value& value, std::string_view name,
                      std::size_t max_length, tracker::TextKind kind);
std::int64_t read_integer(const boost::json::value& value, std::string_view name, std::int64_t min,
                          std::int64_t max);
std::optional<std::int64_t> read_optional_integer(const boost::json::value& value,
                                                  std::string_view name, std::int64_t min,
                                                  std::int64_t max);
Date read_date(const boost::json::value& value, std::string_view name);
std::optional<Date> read_optional_date(const boost::json::value& value, std::string_view name);
std::string pointer(std::string_view name);  // "/name"

// Field factories for the common member types.
template <class T>
Field<T> string_field(std::string_view name, std::string T::*member, bool required,
                      std::size_t max_length = 200) {
  return {name, required,
          [name, member](const T& r, boost::json::object& o) { o[name] = r.*member; },
          [name, member, max_length](T& r, const boost::json::value& v) {
            r.*member = read_string(v, name, max_length);
          }};
}

// A string the tracker stores, refused as read_text() refuses it: a name (one line) unless `kind`
// says free text.
template <class T>
Field<T> text_field(std::string_view name, std::string T::*member, bool required,
                    std::size_t max_length = tracker::kMaxNameLength,
                    tracker::TextKind kind = tracker::TextKind::kName) {
  return {name, required,
          [name, member](const T& r, boost::json::object& o) { o[name] = r.*member; },
          [name, member, max_length, kind](T& r, const boost::json::value& v) {
            r.*member = read_text(v, name, max_length, kind);
          }};
}

template <class T>
Field<T> optional_text_field(std::string_view name, std::optional<std::string> T::*member,
                             std::size_t max_length, tracker::TextKind kind) {
  return {name, false,
          [name, member](const T& r, boost::json::object& o) {
            if (r.*member) {
              o[name] = *(r.*member);
            } else {
              o[name] = nullptr;
            }
          },
          [name, member, max_length, kind](T& r, const boost::json::value& v) {
            if (v.is_null()) {
              r.*member = std::nullopt;
            } else {
              r.*member = read_text(v, name, max_length, kind);
            }
          }};
}

template <class T, class Integer>
Field<T> integer_field(std::string_view name, Integer T::*member, bool required, std::int64_t min,
                       std::int64_t max) {
  return {name, required,
          [name, member](const T& r, boost::json::object& o) {
            o[name] = static_cast<std::int64_t>(r.*member);
          },
          [name, member, min, max](T& r, const boost::json::value& v) {
            r.*member = static_cast<Integer>(read_integer(v, name, min, max));
          }};
}

template <class T, class Integer>
Field<T> optional_integer_field(std::string_view name, std::optional<Integer> T::*member,
                                std::int64_t min, std::int64_t max) {
  return {name, false,
          [name, member](const T& r, boost::json::object& o) {
            if (r.*member) {
              o[name] = static_cast<std::int64_t>(*(r.*member));
            } else {
              o[name] = nullptr;
            }
          },
          [name, member, min, max](T& r, const boost::json::value& v) {
            const auto read = read_optional_integer(v, name, min, max);
            r.*member = read ? std::optional<Integer>(static_cast<Integer>(*read)) : std::nullopt;
          }};
}

template <class T>
Field<T> date_field(std::string_view name, Date T::*member, bool required) {
  return {name, required,
          [name, member](const T& r, boost::json::object& o) { o[name] = (r.*member).to_string(); },
          [name, member](T& r, const boost::json::value& v) { r.*member = read_date(v, name); }};
}

template <class T>
Field<T> optional_date_field(std::string_view name, std::optional<Date> T::*member) {
  return {name, false,
          [name, member](const T& r, boost::json::object& o) {
            if (r.*member) {
              o[name] = (r.*member)->to_string();
            } else {
              o[name] = nullptr;
            }
          },
          [name, member](T& r, const boost::json::value& v) {
            r.*member = read_optional_date(v, name);
          }};
}

// Money in integer pence, never negative.
template <class T>
Field<T> pence_field(std::string_view name, Pence T::*member, bool required) {
  return {name, required,
          [name, member](const T& r, boost::json::object& o) { o[name] = (r.*member).value; },
          [name, member](T& r, const boost::json::value& v) {
            (r.*member).value = read_integer(v, name, 0, kMaxAmount.value);
          }};
}

// An enumeration with canonical names; `parse` accepts what a person types.
template <class T, class Enum>
Field<T> enum_field(std::string_view name, Enum T::*member, bool required,
                    std::optional<Enum> (*parse)(std::string_view),
                    std::string_view (*format)(Enum), std::string_view allowed) {
  return {
      name, required,
      [name, member, format](const T& r, boost::json::object& o) { o[name] = format(r.*member); },
      [name, member, parse, allowed](T& r, const boost::json::value& v) {
        const std::string text = read_string(v, name, 60);
        const auto parsed = parse(text);
        if (!parsed) {
          throw Error(ErrorCode::kInvalid,
                      label_of(name) + " '" + text + "' is not one of: " + std::string(allowed),
                      pointer(name));
        }
        r.*member = *parsed;
      }};
}

// A read-only field (the id, timestamps): written out, refused on input.
template <class T, class Value>
Field<T> read_only_field(std::string_view name, Value T::*member) {
  return {name, false, [name, member](const T& r, boost::json::object& o) { o[name] = r.*member; },
          [name](T&, const boost::json::value&) {
            throw Error(ErrorCode::kInvalid, std::string(name) + " is set by the server",
                        pointer(name));
          }};
}

template <class T>
void from_json(const boost::json::object& body, const Fields<T>& fields, T& record, bool creating) {
  std::vector<ErrorItem> problems;
  for (const auto& [key, value] : body) {
    const Field<T>* field = nullptr;
    for (const auto& candidate : fields) {
      if (candidate.name == key) field = &candidate;
    }
    if (field == nullptr) {
      problems.push_back({pointer(key), "unknown field '" + std::string(key) + "'", std::nullopt});
      continue;
    }
    try {
      field->read(record, value);
    } catch (const Error& error) {
      problems.push_back({error.field(), error.what(), std::nullopt});
    }
  }
  if (creating) {
    for (const auto& field : fields) {
      if (field.required && !body.contains(field.name)) {
        problems.push_back(
            {pointer(field.name), label_of(field.name) + " is required", std::nullopt});
      }
    }
  }
  if (problems.size() == 1) {
    throw Error(ErrorCode::kInvalid, problems.front().detail, problems.front().field);
  }
  if (!problems.empty()) {
    // The count is read before the move: the order in which arguments are evaluated is unspecified.
    const std::string detail = std::to_string(problems.size()) + " fields are invalid";
    throw Error(ErrorCode::kInvalid, detail, std::move(problems));
  }
}

}  // namespace caretoolkit::server::api
