// Error type shared by every module; see error.hpp for the contract.
#include "core/error.hpp"

#include <utility>

namespace caretoolkit {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnauthorized:
      return "unauthorized";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kTooLarge:
      return "too-large";
    case ErrorCode::kUnsupportedType:
      return "unsupported-media-type";
    case ErrorCode::kRateLimited:
      return "rate-limited";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kTryAgain:
      return "try-again";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& detail, std::string field)
    : std::runtime_error(detail), code_(code), field_(std::move(field)) {}

Error::Error(ErrorCode code, const std::string& detail, std::vector<ErrorItem> items)
    : std::runtime_error(detail), code_(code), items_(std::move(items)) {}

Error::Error(ErrorCode code, const std::string& detail, std::vector<ErrorItem> items,
             std::vector<ErrorGroup> groups)
    : std::runtime_error(detail),
      code_(code),
      items_(std::move(items)),
      groups_(std::move(groups)) {}

}  // namespace caretoolkit
