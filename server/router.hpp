// Maps a method and a path to a handler. Patterns are literal segments and {name} placeholders
// ("/api/v1/sources/{id}"); the router answers 404 for an unknown path and 405 with Allow for a
// known path with another method. Handlers may throw: the router turns every exception into a
// problem response through problem.hpp, so a handler only returns success.
//
// The route table is data: routes() lists it for the OpenAPI completeness test and for /metrics
// labels. Build the router once at start-up; dispatch() is then safe from many threads.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http_types.hpp"

namespace caretoolkit::server {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // Called for GET and HEAD requests that no route matched (the static pages).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  // Runs the matching handler. `matched_pattern` receives the route pattern (or "static",
  // "unmatched") for metrics and logs, so that ids never become label values.
  Response dispatch(Request& request, std::string& matched_pattern, std::string& log_detail) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static bool match(std::string_view pattern, std::string_view path,
                    std::vector<std::pair<std::string, std::string>>* params);

  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace caretoolkit::server
