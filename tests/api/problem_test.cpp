// Engine errors become problem responses in server/problem.cpp: a write to be sent again is a 503
// that says when.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "core/error.hpp"
#include "problem.hpp"

using caretoolkit::Error;
using caretoolkit::ErrorCode;

TEST_CASE("A write that collided with another is answered 503 with Retry-After") {
  caretoolkit::server::Response response;
  std::string log_detail;
  try {
    throw Error(ErrorCode::kTryAgain, "send the request again");
  } catch (...) {
    response = caretoolkit::server::problem_from_current_exception(log_detail);
  }
  CHECK(response.status == 503);
  const auto body = boost::json::parse(response.body).as_object();
  CHECK(body.at("type").as_string() == "/problems/try-again");
  CHECK(body.at("detail").as_string() == "send the request again");
  bool retry_after = false;
  for (const auto& [name, value] : response.headers) {
    if (name == "Retry-After") retry_after = value == "1";
  }
  CHECK(retry_after);
  CHECK(log_detail.empty());
}
