// Boost.Beast HTTP/1.1 server; see http_server.hpp for the contract. This is the only translation
// unit that includes Beast, which is slow and memory-hungry to compile.
#include "http_server.hpp"

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "problem.hpp"
#include "request_checks.hpp"

namespace caretoolkit::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

namespace {

// One event loop per worker thread. Each loop is run by exactly one thread, so a connection's
// handlers never run concurrently and need no strand, and the threads do not contend for the lock
// and wake-ups of one shared queue.
std::vector<std::unique_ptr<net::io_context>> make_loops(unsigned threads) {
  std::vector<std::unique_ptr<net::io_context>> loops;
  for (unsigned i = 0; i < threads; ++i) {
    loops.push_back(std::make_unique<net::io_context>(BOOST_ASIO_CONCURRENCY_HINT_1));
  }
  return loops;
}

}  // namespace

struct HttpServer::State : std::enable_shared_from_this<HttpServer::State> {
  State(ServerConfig config_in, RequestHandler handler_in, ExchangeObserver observer_in)
      : config(std::move(config_in)),
        handler(std::move(handler_in)),
        observer(std::move(observer_in)),
        loops(make_loops(config.threads)),
        acceptor(*loops.front()),
        accept_retry(*loops.front()) {}

  // The loop for the next accepted connection: round robin.
  net::io_context& next_loop() { return *loops[next_loop_index++ % loops.size()]; }
  // The acceptor, its retry timer and the signal set live on the first loop.
  net::io_context::executor_type accept_executor() { return loops.front()->get_executor(); }

  // Accepts the next connection, on the first loop; each accepted one accepts the next.
  void accept();
  // Starts a session for an accepted connection, or refuses it when the server is full or
  // draining.
  void on_accept(beast::error_code ec, tcp::socket socket);

  ServerConfig config;
  RequestHandler handler;
  ExchangeObserver observer;
  std::vector<std::unique_ptr<net::io_context>> loops;
  std::size_t next_loop_index = 0;  // used on the first loop only
  tcp::acceptor acceptor;
  net::steady_timer accept_retry;
  std::vector<std::thread> threads;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> work;

  std::atomic<std::size_t> connections{0};
  std::atomic<bool> draining{false};

  std::mutex sessions_mutex;
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions;
  std::uint64_t next_session_id = 0;

  std::mutex stop_mutex;
  std::condition_variable stop_requested_cv;
  bool stop_requested = false;
  std::optional<net::signal_set> signals;  // set by handle_signals()
  bool stopped = false;
};

namespace {

// Errors that only mean the peer went away or a deadline passed: not worth a log line.
bool is_quiet_close(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
         ec == beast::error::timeout || ec == net::error::connection_reset ||
         ec == net::error::broken_pipe || ec == net::error::eof ||
         ec == net::error::not_connected || ec == net::error::bad_descriptor;
}

// A request id: X-Request-Id from the client when it is short and plain, else a fresh one.
std::string make_request_id(const std::optional<std::string_view>& offered) {
  if (offered && !offered->empty() && offered->size() <= 64) {
    bool plain = true;
    for (const char c : *offered) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
      plain = plain && ok;
    }
    if (plain) return std::string(*offered);
  }
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t bits = generator();
  std::string id(16, '0');
  for (char& c : id) {
    c = kHex[bits & 0xF];
    bits >>= 4;
  }
  return id;
}

// How much one read asks for: a whole small request, or several pipelined ones.
constexpr std::size_t kReadSize = std::size_t{16} * 1024;
// The most a connection buffers: a header and one read past it, and never 64 KiB. The parser
// needs a whole chunk-size line or trailer in the buffer before it reads it, so this bounds those
// too; without it a chunk extension or a trailer grows the buffer as long as the client sends,
// and a trailer field of 64 KiB or more makes Beast's field container throw out of the event loop.
constexpr std::size_t kMaxBuffered = std::size_t{60} * 1024;

std::size_t buffer_limit(const ServerConfig& config) {
  return std::min(config.header_limit + kReadSize, kMaxBuffered);
}

// Whether a complete request header has a line starting with a space or tab: an obsolete line
// folding, which RFC 9112 section 5.2 lets a server refuse. Parsers join such a line to the field
// before it or drop it, so a proxy in front could read the header differently from this server.
bool has_folded_line(std::string_view header) {
  for (std::size_t at = header.find('\n'); at != std::string_view::npos && at + 1 < header.size();
       at = header.find('\n', at + 1)) {
    if (header[at + 1] == ' ' || header[at + 1] == '\t') return true;
  }
  return false;
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<HttpServer::State> state)
      : stream_(std::move(socket)), buffer_(buffer_limit(state->config)), state_(std::move(state)) {
    ++state_->connections;
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) client_address_ = endpoint.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }

  ~Session() {
    {
      std::lock_guard lock(state_->sessions_mutex);
      state_->sessions.erase(id_);
    }
    --state_->connections;
  }

  void start(std::uint64_t id) {
    id_ = id;
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read_header, shared_from_this()));
  }

  // Runs on the session's event loop when the server drains: an idle keep-alive connection is
  // closed now; a request being read or handled finishes and its response closes the connection.
  void drain() {
    if (phase_ == Phase::kIdle) close();
  }

  net::any_io_executor executor() { return stream_.get_executor(); }

  void close() {
    if (phase_ == Phase::kClosed) return;
    phase_ = Phase::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

 private:
  enum class Phase { kIdle, kReading, kHandling, kWriting, kClosed };

  // Keep-alive: wait for the first byte of the next request under the idle deadline.
  void wait_for_next_request() {
    if (state_->draining) return close();
    if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
    phase_ = Phase::kIdle;
    stream_.expires_after(state_->config.idle_timeout);
    stream_.async_read_some(
        buffer_.prepare(kReadSize),
        beast::bind_front_handler(&Session::on_first_bytes, shared_from_this()));
  }

  void on_first_bytes(beast::error_code ec, std::size_t bytes) {
    if (ec) return close();
    buffer_.commit(bytes);
    read_header();
  }

  void read_header() {
    phase_ = Phase::kReading;
    parser_.emplace();
    parser_->eager(false);  // stop after the header: it is checked before any body is read
    parser_->header_limit(static_cast<std::uint32_t>(state_->config.header_limit));
    parser_->body_limit(state_->config.body_limit);
    started_ = Clock::now();
    folded_ = false;
    stream_.expires_after(state_->config.header_timeout);
    parse_header();
  }

  // Hands the buffered bytes to the parser, reading more until the header is complete. The
  // parser takes a header in one piece, once its blank line has arrived, so the bytes it used
  // are the whole header and can be checked for folded lines before they are dropped.
  void parse_header() {
    beast::error_code ec;
    if (buffer_.size() > 0) {
      const auto bytes = buffer_.data();
      const std::size_t used = parser_->put(bytes, ec);
      if (parser_->is_header_done()) {
        folded_ = has_folded_line(std::string_view(static_cast<const char*>(bytes.data()), used));
      }
      buffer_.consume(used);
      if (ec != http::error::need_more) return on_header(ec);
    }
    const std::size_t room = buffer_.max_size() - buffer_.size();
    if (room == 0) return on_header(http::error::header_limit);
    stream_.async_read_some(
        buffer_.prepare(std::min(kReadSize, room)),
        beast::bind_front_handler(&Session::on_header_bytes, shared_from_this()));
  }

  void on_header_bytes(beast::error_code ec, std::size_t bytes) {
    // The peer closed: quietly between requests, or in the middle of a header.
    if (ec == net::error::eof) {
      ec = parser_->got_some() ? http::error::partial_message : http::error::end_of_stream;
    }
    if (ec) return on_header(ec);
    buffer_.commit(bytes);
    parse_header();
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    auto& message = parser_->get();
    take_head();
    if (folded_) {
      return refuse(problem(400, "malformed",
                            "A header is folded onto a second line (a line starting with a space "
                            "or tab); send each header on one line."),
                    "refused");
    }
    if (auto refused = refuse_head(request_, message.version())) {
      return refuse(std::move(*refused), "refused");
    }
    if (parser_->is_done()) return handle();
    if (beast::iequals(message[http::field::expect], "100-continue")) {
      continue_ = {http::status::continue_, message.version()};
      stream_.expires_after(state_->config.write_timeout);
      http::async_write(stream_, continue_,
                        beast::bind_front_handler(&Session::on_continue_sent, shared_from_this()));
      return;
    }
    read_body();
  }

  void on_continue_sent(beast::error_code ec, std::size_t) {
    if (ec) return close();
    read_body();
  }

  void read_body() {
    stream_.expires_after(state_->config.body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    handle();
  }

  // The request as far as it has been read: its method, target and header fields once the header
  // is complete; the body, path and query are taken when it is handled.
  void take_head() {
    request_ = Request{};
    request_.client_address = client_address_;
    if (!parser_ || !parser_->is_header_done()) {
      request_.request_id = make_request_id(std::nullopt);
      return;
    }
    const auto& message = parser_->get();
    request_.method = std::string(message.method_string());
    request_.target = std::string(message.target());
    for (const auto& field : message) {
      request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request_.request_id = make_request_id(request_.header("X-Request-Id"));
  }

  // Answers a request that is not handled, then closes the connection: its body is not read, so
  // nothing after its head can be trusted to start another request.
  void refuse(Response response, std::string_view route) {
    // For the log: the target as sent, without its query (whose values may be personal).
    request_.path =
        request_.target.substr(0, std::min<std::size_t>(request_.target.find('?'), 200));
    route_ = route;
    log_detail_.clear();
    // An answer about one malformed request is never to be kept, least of all one sent with a key.
    response.set_header("Cache-Control", "no-store");
    if (request_.header("Authorization")) response.set_header("Vary", "Authorization");
    response.close_connection = true;
    linger_ = true;  // the client may still be sending the rest of the request
    send(std::move(response), false);
  }

  void on_read_error(const beast::error_code& ec) {
    if (is_quiet_close(ec) || phase_ == Phase::kClosed) return close();
    // The request could not be read: answer once and close, because the stream position is lost.
    take_head();
    Response response;
    if (ec == http::error::header_limit) {
      response = problem(431, "header-too-large",
                         "The request header is larger than " +
                             std::to_string(state_->config.header_limit) + " bytes.");
    } else if (ec == http::error::buffer_overflow) {
      response = problem(400, "malformed",
                         "A line of the request's chunked body (a chunk size with its extensions, "
                         "or a trailer) is longer than " +
                             std::to_string(buffer_.max_size()) + " bytes.");
    } else if (ec == http::error::body_limit) {
      // A declared length over the limit stops the parser before its header counts as done, but
      // the request line has been read: the answer depends on the route it names.
      const auto sent = parser_ ? parser_->get().target() : beast::string_view{};
      const std::string_view target(sent.data(), sent.size());
      response = body_too_large(target.substr(0, target.find('?')), state_->config.body_limit);
    } else {
      response = problem(400, "malformed", "The HTTP request could not be parsed: " + ec.message());
    }
    refuse(std::move(response), "unreadable");
  }

  void handle() {
    phase_ = Phase::kHandling;
    auto& message = parser_->get();
    request_.body = std::move(message.body());
    const bool keep_alive = message.keep_alive();

    route_.clear();
    log_detail_.clear();
    Response response;
    const auto target = boost::urls::parse_origin_form(message.target());
    if (!target) {
      route_ = "unmatched";
      request_.path = request_.target.substr(0, 200);
      response = problem(400, "malformed", "The request target is not a valid path.");
    } else {
      request_.path = std::string(target->path());
      for (const auto& param : target->params()) {
        request_.query.emplace_back(param.key, param.has_value ? param.value : std::string());
      }
      if (request_.path.find('\0') != std::string::npos) {
        route_ = "unmatched";
        response = problem(400, "malformed", "The request path contains a NUL character.");
      } else {
        response = state_->handler(request_, route_, log_detail_);
      }
    }
    send(std::move(response), keep_alive);
  }

  void send(Response response, bool client_keep_alive) {
    phase_ = Phase::kWriting;
    const bool keep_alive =
        client_keep_alive && !response.close_connection && !state_->draining.load();
    response_ = {};
    response_.version(11);
    response_.result(response.status);
    response_.set(http::field::server, "caretoolkit");
    // Inserted, not set: a response may carry several Set-Cookie fields.
    for (const auto& [name, value] : response.headers) response_.insert(name, value);
    response_.set("X-Request-Id", request_.request_id);
    if (!response.content_type.empty()) {
      response_.set(http::field::content_type, response.content_type);
    }
    response_.keep_alive(keep_alive);
    const std::size_t body_size = response.body.size();
    if (request_.method == "HEAD") {
      response_.content_length(body_size);
    } else {
      response_.body() = std::move(response.body);
      if (response.status != 204 && response.status != 304) response_.prepare_payload();
    }
    summary_ = std::move(response);
    summary_.body.clear();
    bytes_sent_ = request_.method == "HEAD" ? 0 : body_size;

    stream_.expires_after(state_->config.write_timeout);
    http::async_write(
        stream_, response_,
        beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
  }

  void on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (state_->observer) {
      const auto duration =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
      state_->observer(
          Exchange{request_, summary_, route_, ec ? 0 : bytes_sent_, duration, log_detail_});
    }
    if (ec) return close();
    if (!keep_alive) return linger_ ? linger() : close();
    wait_for_next_request();
  }

  // Stops sending, then reads and discards what the client still sends (up to a deadline), so
  // that closing does not reset the connection before the client has read our answer.
  void linger() {
    phase_ = Phase::kClosed;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    discard_more();
  }

  void discard_more() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kReadSize),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->stream_.close();
                              self->discard_more();
                            });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<HttpServer::State> state_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  http::response<http::string_body> response_;
  Request request_;
  Response summary_;  // the response without its body, for the observer
  std::string route_;
  std::string log_detail_;
  std::string client_address_;
  std::size_t bytes_sent_ = 0;
  Clock::time_point started_{};
  Phase phase_ = Phase::kReading;
  bool linger_ = false;
  bool folded_ = false;  // the header had an obsolete line folding (RFC 9112 section 5.2)
  std::uint64_t id_ = 0;
};

namespace {

// Over the connection cap: answer 503 at once and close, without creating a session.
void reject_connection(tcp::socket socket) {
  static const std::string kResponse = [] {
    const std::string body =
        R"({"type":"/problems/unavailable","title":"Service unavailable","status":503,)"
        R"("detail":"The server has too many open connections; try again shortly."})";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
           "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
  stream->expires_after(std::chrono::seconds(2));
  net::async_write(*stream, net::buffer(kResponse), [stream](beast::error_code ec, std::size_t) {
    if (ec) return stream->close();
    beast::error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
    // Read until the client closes (or the deadline), so unread request bytes do not turn our
    // close into a reset that could discard the 503 before the client reads it.
    auto sink = std::make_shared<std::array<char, 512>>();
    auto drain = std::make_shared<std::function<void(beast::error_code, std::size_t)>>();
    *drain = [stream, sink, drain](beast::error_code read_ec, std::size_t) {
      if (read_ec) {
        stream->close();
        *drain = nullptr;  // break the self-reference
        return;
      }
      stream->async_read_some(net::buffer(*sink), *drain);
    };
    stream->async_read_some(net::buffer(*sink), *drain);
  });
}

}  // namespace

void HttpServer::State::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
  if (ec) {
    // Out of file descriptors or buffers: back off instead of spinning, then accept again.
    accept_retry.expires_after(std::chrono::milliseconds(100));
    accept_retry.async_wait([self = shared_from_this()](beast::error_code timer_ec) {
      if (!timer_ec) self->accept();
    });
    return;
  }
  if (connections.load() >= config.max_connections || draining) {
    reject_connection(std::move(socket));
  } else {
    auto session = std::make_shared<Session>(std::move(socket), shared_from_this());
    std::uint64_t id = 0;
    {
      std::lock_guard lock(sessions_mutex);
      id = ++next_session_id;
      sessions.emplace(id, session);
    }
    session->start(id);
  }
  accept();
}

void HttpServer::State::accept() {
  acceptor.async_accept(next_loop(),
                        [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                          self->on_accept(ec, std::move(socket));
                        });
}

HttpServer::HttpServer(ServerConfig config, RequestHandler handler, ExchangeObserver observer) {
  if (config.threads == 0) config.threads = std::max(1u, std::thread::hardware_concurrency());
  state_ = std::make_shared<State>(std::move(config), std::move(handler), std::move(observer));
}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::start() {
  beast::error_code ec;
  const auto address = net::ip::make_address(state_->config.address, ec);
  if (ec) {
    throw Error(ErrorCode::kInvalid, "'" + state_->config.address + "' is not an IP address",
                "--listen");
  }
  const tcp::endpoint endpoint{address, state_->config.port};
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error(ErrorCode::kInvalid,
                "cannot listen on " + state_->config.address + ":" +
                    std::to_string(state_->config.port) + ": " + ec.message(),
                "--listen");
  }
  for (auto& loop : state_->loops) state_->work.push_back(net::make_work_guard(*loop));
  net::dispatch(state_->accept_executor(), [state = state_] { state->accept(); });
  for (std::size_t i = 0; i < state_->loops.size(); ++i) {
    state_->threads.emplace_back([state = state_, i] { state->loops[i]->run(); });
  }
}

unsigned short HttpServer::port() const {
  beast::error_code ec;
  return state_->acceptor.local_endpoint(ec).port();
}

std::size_t HttpServer::open_connections() const {
  return state_->connections.load();
}

void HttpServer::handle_signals() {
  if (state_->signals) return;
  state_->signals.emplace(*state_->loops.front(), SIGINT, SIGTERM);
  // A plain pointer: the State owns the signal set, so a shared_ptr here would keep it alive.
  state_->signals->async_wait([state = state_.get()](beast::error_code ec, int) {
    if (ec) return;
    std::lock_guard lock(state->stop_mutex);
    state->stop_requested = true;
    state->stop_requested_cv.notify_all();
  });
}

void HttpServer::wait_for_signal() {
  handle_signals();
  {
    std::unique_lock lock(state_->stop_mutex);
    state_->stop_requested_cv.wait(lock, [this] { return state_->stop_requested; });
  }
  // The signal set belongs to the first loop's thread: cancel it there, not from this one.
  net::post(state_->accept_executor(), [state = state_] {
    beast::error_code ignored;
    state->signals->cancel(ignored);
  });
  stop();
}

void HttpServer::stop() {
  {
    std::lock_guard lock(state_->stop_mutex);
    if (state_->stopped) return;
    state_->stopped = true;
    state_->stop_requested = true;
    state_->stop_requested_cv.notify_all();
  }
  if (state_->threads.empty()) return;  // never started
  state_->draining = true;
  std::promise<void> acceptor_closed;
  net::post(state_->accept_executor(), [state = state_, &acceptor_closed] {
    beast::error_code ignored;
    state->acceptor.close(ignored);
    state->accept_retry.cancel();
    acceptor_closed.set_value();
  });
  acceptor_closed.get_future().wait();

  for (auto& session : live_sessions()) {
    net::post(session->executor(), [session] { session->drain(); });
  }

  const auto deadline = Clock::now() + state_->config.shutdown_grace;
  while (state_->connections.load() > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Past the grace period, close whatever is left, so that every handler completes and the
  // threads run out of work (stopping the loops would strand sessions and leak them).
  for (auto& session : live_sessions()) {
    net::post(session->executor(), [session] { session->close(); });
  }
  state_->work.clear();
  for (auto& thread : state_->threads) thread.join();
  state_->threads.clear();
}

std::vector<std::shared_ptr<Session>> HttpServer::live_sessions() const {
  std::vector<std::shared_ptr<Session>> live;
  std::lock_guard lock(state_->sessions_mutex);
  for (auto& [id, weak] : state_->sessions) {
    if (auto session = weak.lock()) live.push_back(std::move(session));
  }
  return live;
}

}  // namespace caretoolkit::server
