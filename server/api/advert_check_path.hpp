// The advert check's address: its route, and the one request whose body is too large is answered
// in words (problem.hpp, body_too_large).
#pragma once

#include <string_view>

namespace caretoolkit::server::api {

inline constexpr std::string_view kAdvertCheckPath = "/api/v1/adverts/check";

}  // namespace caretoolkit::server::api
