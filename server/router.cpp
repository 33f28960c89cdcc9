// Route matching; see router.hpp.
#include "router.hpp"

#include "problem.hpp"

namespace caretoolkit::server {

namespace {

// Splits off the next '/'-separated segment of `rest`.
std::string_view next_segment(std::string_view& rest) {
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  const std::size_t slash = rest.find('/');
  const std::string_view segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  return segment;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler)});
}

bool Router::match(std::string_view pattern, std::string_view path,
                   std::vector<std::pair<std::string, std::string>>* params) {
  if (params != nullptr) params->clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty()) return false;
    const std::string_view want = next_segment(pattern);
    const std::string_view have = next_segment(path);
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (have.empty()) return false;
      if (params != nullptr) {
        params->emplace_back(std::string(want.substr(1, want.size() - 2)), std::string(have));
      }
    } else if (want != have) {
      return false;
    }
  }
  return true;
}

Response Router::dispatch(Request& request, std::string& matched_pattern,
                          std::string& log_detail) const {
  std::string allowed;
  const Route* found = nullptr;
  for (const Route& route : routes_) {
    if (!match(route.pattern, request.path, nullptr)) continue;
    if (route.method == request.method || (request.method == "HEAD" && route.method == "GET")) {
      found = &route;
      break;
    }
    if (allowed.find(route.method) == std::string::npos) {
      if (!allowed.empty()) allowed += ", ";
      allowed += route.method;
    }
  }
  try {
    if (found != nullptr) {
      matched_pattern = found->pattern;
      match(found->pattern, request.path, &request.path_params);
      return found->handler(request);
    }
    if (!allowed.empty()) {
      matched_pattern = "unmatched";
      if (allowed.find("GET") != std::string::npos) allowed += ", HEAD";
      Response response =
          problem(405, "method-not-allowed",
                  request.method + " is not allowed on " + request.path + "; allowed: " + allowed);
      response.set_header("Allow", allowed);
      return response;
    }
    if (fallback_ && (request.method == "GET" || request.method == "HEAD") &&
        !request.path.starts_with("/api/")) {
      matched_pattern = "static";
      return fallback_(request);
    }
    matched_pattern = "unmatched";
    return problem(404, "not-found", "There is nothing at " + request.path + ".");
  } catch (...) {
    return problem_from_current_exception(log_detail);
  }
}

}  // namespace caretoolkit::server
