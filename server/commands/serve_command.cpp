// caretoolkit serve: start the HTTP server until SIGINT or SIGTERM.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <thread>

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "database.hpp"
#include "http_server.hpp"

namespace caretoolkit::commands {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string metrics_listen;  // empty: /metrics on the main address, to local clients only
  std::string public_origin;   // empty: browsers reach this server directly, over HTTP
  std::string database = kDefaultDatabase;
  std::string content = shipped_folder("toolkit-content");
  std::string rules = shipped_folder("rules");
  unsigned advert_checks_per_minute = 120;
  unsigned threads = 0;
  std::size_t body_limit_kib = 256;
  std::size_t max_connections = 4096;
  bool quiet = false;
};

// "127.0.0.1:8080", "[::1]:8080" or ":8080" (all IPv4 interfaces), given as `option`.
void split_listen(const std::string& listen, const std::string& option,
                  server::ServerConfig& config) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == listen.size()) {
    throw Error(ErrorCode::kInvalid, option + " must be ADDRESS:PORT, e.g. 127.0.0.1:8080", option);
  }
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  config.address = host.empty() ? "0.0.0.0" : host;
  const std::string port = listen.substr(colon + 1);
  const auto bad_port = [&] {
    return Error(ErrorCode::kInvalid, option + " port '" + port + "' is not a number 0-65535",
                 option);
  };
  unsigned long value = 0;
  for (const char c : port) {
    if (c < '0' || c > '9' || value > 65535) throw bad_port();
    value = value * 10 + static_cast<unsigned long>(c - '0');
  }
  if (value > 65535) throw bad_port();
  config.port = static_cast<unsigned short>(value);
}

std::string url_host(const std::string& address) {
  return address.find(':') != std::string::npos ? "[" + address + "]" : address;
}

// The metrics' own listener: one thread and a few connections are plenty for a scraper.
std::unique_ptr<server::HttpServer> start_metrics_listener(const std::string& listen,
                                                           server::App& app) {
  server::ServerConfig config;
  split_listen(listen, "--metrics-listen", config);
  config.threads = 1;
  config.max_connections = 64;
  auto http = std::make_unique<server::HttpServer>(
      config,
      [&app](server::Request& request, std::string& route, std::string& log_detail) {
        return app.handle_metrics_listener(request, route, log_detail);
      },
      [&app](const server::Exchange& exchange) { app.observe(exchange); });
  http->start();
  std::cout << "caretoolkit serves its metrics on http://" << url_host(config.address) << ":"
            << http->port() << "/metrics" << std::endl;
  return http;
}

// Every connection is a file descriptor: allow as many as the hard limit permits.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

void run(const ServeOptions& options) {
  server::ServerConfig config;
  split_listen(options.listen, "--listen", config);
  config.threads = options.threads;
  config.body_limit = options.body_limit_kib * 1024;
  config.max_connections = options.max_connections;

  server::AppConfig app_config;
  app_config.database = options.database;
  app_config.content_dir = options.content;
  app_config.rules_dir = options.rules;
  app_config.advert_checks_per_minute = options.advert_checks_per_minute;
  app_config.access_log = !options.quiet;
  app_config.metrics_on_own_listener = !options.metrics_listen.empty();
  app_config.public_origin = options.public_origin;
  server::App app(app_config);

  raise_open_file_limit();
  server::HttpServer http(
      config,
      [&app](server::Request& request, std::string& route, std::string& log_detail) {
        return app.handle(request, route, log_detail);
      },
      [&app](const server::Exchange& exchange) { app.observe(exchange); });
  http.start();
  http.handle_signals();
  app.set_open_connections_source([&http] { return http.open_connections(); });
  const auto metrics_http = options.metrics_listen.empty()
                                ? nullptr
                                : start_metrics_listener(options.metrics_listen, app);
  const std::string host = url_host(config.address);
  std::cout << "caretoolkit is serving on http://" << host << ":" << http.port() << "/"
            << std::endl;
  app.log().info(
      "listening on " + host + ":" + std::to_string(http.port()) + " with " +
      std::to_string(config.threads == 0 ? std::thread::hardware_concurrency() : config.threads) +
      " threads");
  http.wait_for_signal();
  if (metrics_http) metrics_http->stop();
  app.log().info("stopped");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the toolkit's API and pages over HTTP");
  serve->add_option("--listen", options->listen, "Address and port, e.g. 127.0.0.1:8080")
      ->capture_default_str();
  serve->add_option("--metrics-listen", options->metrics_listen,
                    "Serve /metrics only on this ADDRESS:PORT (default: on --listen, to clients on "
                    "this machine only)");
  serve->add_option("--public-origin", options->public_origin,
                    "The address people open the toolkit at behind a reverse proxy, e.g. "
                    "https://toolkit.example.org (https makes the sign-in cookie Secure)");
  serve
      ->add_option("--db", options->database,
                   server::database_option_help(server::OpenMode::kCreate))
      ->capture_default_str();
  serve->add_option("--content", options->content, "Folder of the toolkit's pages")
      ->capture_default_str();
  serve->add_option("--rules", options->rules, "Folder of the advert checker's rule packs")
      ->capture_default_str();
  serve
      ->add_option("--advert-checks-per-minute", options->advert_checks_per_minute,
                   "Advert checks allowed per client address and minute without a key (0: no "
                   "limit)")
      ->capture_default_str();
  serve->add_option("--threads", options->threads, "Worker threads (0: one per core)")
      ->check(CLI::Range(0u, 256u))
      ->capture_default_str();
  serve->add_option("--body-limit-kib", options->body_limit_kib, "Largest request body in KiB")
      ->check(CLI::Range(std::size_t{1}, std::size_t{65536}))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", options->max_connections,
                   "Open connections before new ones get 503")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
  serve->add_flag("--quiet", options->quiet, "Do not write the access log");
  serve->callback([options] { run(*options); });
}

}  // namespace caretoolkit::commands
