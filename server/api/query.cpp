// Path and query parameter readers; see query.hpp.
#include "api/query.hpp"

#include <charconv>

#include "core/error.hpp"
#include "tracker/field_labels.hpp"

namespace caretoolkit::server::api {

namespace {

template <class Integer>
std::optional<Integer> parse_positive(std::string_view text) {
  Integer value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

tracker::Id path_id(const Request& request, std::string_view name) {
  const std::string_view text = request.path_param(name).value_or("");
  if (auto id = parse_positive<tracker::Id>(text)) return *id;
  throw Error(ErrorCode::kNotFound,
              "there is no record with id '" + std::string(text.substr(0, 40)) + "'");
}

tracker::PageRequest page_request(const Request& request) {
  tracker::PageRequest page;
  if (const auto limit = request.query_param("limit")) {
    const auto value = parse_positive<std::size_t>(*limit);
    if (!value || *value > tracker::kMaxPageSize) {
      throw Error(ErrorCode::kInvalid,
                  "limit must be a whole number from 1 to " + std::to_string(tracker::kMaxPageSize),
                  "limit");
    }
    page.limit = *value;
  }
  if (const auto cursor = request.query_param("cursor")) page.cursor = std::string(*cursor);
  if (const auto order = request.query_param("order")) {
    if (*order != "oldest" && *order != "newest") {
      throw Error(ErrorCode::kInvalid, "order must be oldest or newest", "order");
    }
    page.newest_first = *order == "newest";
  }
  return page;
}

std::optional<tracker::Id> query_id(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  if (auto id = parse_positive<tracker::Id>(*text)) return *id;
  throw Error(ErrorCode::kInvalid, std::string(name) + " must be a record id", std::string(name));
}

std::optional<Date> query_date(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  if (auto date = Date::parse(*text)) return *date;
  throw Error(ErrorCode::kInvalid, Date::plain_problem(*text, tracker::field_label(name)),
              std::string(name));
}

std::optional<bool> query_bool(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  if (*text != "true" && *text != "false") {
    throw Error(ErrorCode::kInvalid, std::string(name) + " must be true or false",
                std::string(name));
  }
  return *text == "true";
}

}  // namespace caretoolkit::server::api
