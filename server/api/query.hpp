// Reading path and query parameters: ids, dates, pagination. Each reader throws caretoolkit::Error
// naming the parameter.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "http_types.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::server::api {

// A path id: a positive integer, else Error(kNotFound), exactly as for another provider's record.
tracker::Id path_id(const Request& request, std::string_view name = "id");
// ?limit= (1..kMaxPageSize, default 50) and ?cursor=.
tracker::PageRequest page_request(const Request& request);
std::optional<tracker::Id> query_id(const Request& request, std::string_view name);
std::optional<Date> query_date(const Request& request, std::string_view name);
// ?name=true or ?name=false; Error(kInvalid) for anything else.
std::optional<bool> query_bool(const Request& request, std::string_view name);

}  // namespace caretoolkit::server::api
