// Blocking Beast client for tests; see http_client.hpp.
#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace caretoolkit::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

std::string HttpResult::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) return value;
  }
  return {};
}

struct HttpClient::Impl {
  std::string host;
  unsigned short port;
  std::chrono::milliseconds timeout;
  net::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  void connect() {
    stream.emplace(ioc);
    stream->expires_after(timeout);
    tcp::resolver resolver(ioc);
    stream->connect(resolver.resolve(host, std::to_string(port)));
    buffer.clear();
  }
};

HttpClient::HttpClient(std::string host, unsigned short port, std::chrono::milliseconds timeout)
    : impl_(new Impl{std::move(host), port, timeout, {}, {}, {}}) {}

HttpClient::~HttpClient() {
  if (impl_->stream) {
    beast::error_code ignored;
    impl_->stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
  delete impl_;
}

HttpResult HttpClient::request(const std::string& method, const std::string& target,
                               const std::string& body, const std::string& content_type,
                               const std::vector<std::pair<std::string, std::string>>& headers) {
  // A kept-alive connection may have been closed by the server: retry once on a fresh one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!impl_->stream) impl_->connect();
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    if (req.method() == http::verb::unknown) req.method_string(method);
    req.set(http::field::host, impl_->host);
    for (const auto& [name, value] : headers) req.set(name, value);
    if (!content_type.empty()) req.set(http::field::content_type, content_type);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
      req.body() = body;
      req.prepare_payload();
    }
    beast::error_code ec;
    impl_->stream->expires_after(impl_->timeout);
    http::write(*impl_->stream, req, ec);
    http::response_parser<http::string_body> parser;
    parser.body_limit(std::uint64_t{64} * 1024 * 1024);
    if (method == "HEAD") parser.skip(true);
    if (!ec) http::read(*impl_->stream, impl_->buffer, parser, ec);
    if (ec) {
      impl_->stream.reset();
      if (attempt == 0 && (ec == http::error::end_of_stream || ec == net::error::connection_reset ||
                           ec == net::error::broken_pipe)) {
        continue;
      }
      std::string message = "HTTP ";
      message.append(method).append(" ").append(target).append(" failed: ").append(ec.message());
      throw std::runtime_error(message);
    }
    auto response = parser.release();
    HttpResult result;
    result.status = response.result_int();
    for (const auto& field : response) {
      result.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    result.body = std::move(response.body());
    if (!response.keep_alive()) impl_->stream.reset();
    return result;
  }
  throw std::runtime_error("unreachable");
}

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(timeout);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(stream.socket(), net::buffer(bytes));
  std::string received;
  char chunk[4096];
  for (;;) {
    beast::error_code ec;
    stream.expires_after(timeout);
    const std::size_t n = stream.read_some(net::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

}  // namespace caretoolkit::testing
