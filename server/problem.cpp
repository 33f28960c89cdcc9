// RFC 9457 problem details; see problem.hpp.
#include "problem.hpp"

#include <boost/json.hpp>

#include "advert/length_limit.hpp"
#include "api/advert_check_path.hpp"
#include "text/utf8.hpp"

namespace caretoolkit::server {

namespace {

struct ProblemType {
  std::string_view slug;
  std::string_view title;
};

// Titles stay the same for every occurrence of a type (RFC 9457 section 3.1.3).
constexpr ProblemType kTypes[] = {
    {"malformed", "The request could not be read"},
    {"invalid", "A value breaks a rule"},
    {"not-found", "Not found"},
    {"conflict", "Conflict with the current state"},
    {"unauthorized", "A valid API key is required"},
    {"forbidden", "This key may not do that"},
    {"too-large", "The request is too large"},
    {"unsupported-media-type", "Unsupported media type"},
    {"rate-limited", "Too many requests"},
    {"unavailable", "Service unavailable"},
    {"try-again", "The change met another made at the same moment; send it again"},
    {"method-not-allowed", "Method not allowed"},
    {"header-too-large", "Request header too large"},
    {"not-implemented", "Not implemented"},
    {"internal", "Internal error"},
};

std::string_view title_for(std::string_view slug) {
  for (const auto& type : kTypes) {
    if (type.slug == slug) return type.title;
  }
  return "Error";
}

Response build(unsigned status, std::string_view slug, std::string_view detail,
               std::string_view field, const std::vector<ErrorItem>* items,
               const std::vector<ErrorGroup>* groups = nullptr) {
  boost::json::object body;
  body["type"] = std::string("/problems/") + std::string(slug);
  body["title"] = title_for(slug);
  body["status"] = status;
  // A detail may quote the request (its path); JSON must stay valid UTF-8 whatever was sent.
  body["detail"] = text::replace_invalid_utf8(detail);
  if (!field.empty()) body["field"] = field;
  if (items != nullptr && !items->empty()) {
    boost::json::array errors;
    for (const auto& item : *items) {
      boost::json::object entry;
      if (!item.field.empty()) entry["field"] = item.field;
      if (item.line) entry["line"] = *item.line;
      entry["detail"] = item.detail;
      errors.push_back(std::move(entry));
    }
    body["errors"] = std::move(errors);
  }
  if (groups != nullptr && !groups->empty()) {
    boost::json::array summary;
    for (const auto& group : *groups) {
      boost::json::object entry;
      if (!group.field.empty()) entry["field"] = group.field;
      entry["count"] = group.count;
      entry["detail"] = group.detail;
      summary.push_back(std::move(entry));
    }
    body["groups"] = std::move(summary);
  }
  Response response{status, "application/problem+json", boost::json::serialize(body), {}, false};
  return response;
}

}  // namespace

unsigned status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedType:
      return 415;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnavailable:
    case ErrorCode::kTryAgain:
      return 503;
  }
  return 500;
}

Response problem(unsigned status, std::string_view slug, std::string_view detail,
                 std::string_view field) {
  return build(status, slug, detail, field, nullptr);
}

Response body_too_large(std::string_view path, std::size_t limit) {
  if (path == api::kAdvertCheckPath) {
    return problem(413, "too-large", advert::too_long_to_check(limit), "/text");
  }
  return problem(413, "too-large",
                 "The request body is larger than " + std::to_string(limit) + " bytes.");
}

Response problem_from_current_exception(std::string& log_detail) {
  try {
    throw;
  } catch (const Error& error) {
    Response response = build(status_for(error.code()), to_string(error.code()), error.what(),
                              error.field(), &error.items(), &error.groups());
    if (error.code() == ErrorCode::kUnauthorized) {
      response.set_header("WWW-Authenticate", "Bearer");
    }
    // Nothing was changed, and the collision is over as soon as the other write commits.
    if (error.code() == ErrorCode::kTryAgain) response.set_header("Retry-After", "1");
    return response;
  } catch (const std::exception& unexpected) {
    log_detail = unexpected.what();
  } catch (...) {
    log_detail = "unknown exception";
  }
  return build(500, "internal", "The server could not complete the request; it has been logged.",
               {}, nullptr);
}

}  // namespace caretoolkit::server
