// The HTTP server: Boost.Beast over Asio, one io_context run by a thread per
// core, a strand per connection. Each request is read with a body limit and a
// timeout, answered by Routes (which only reads immutable state) or from the
// cache of answers already given (response_cache.hpp), and written
// with the security headers; a signal stops accepting, lets the requests in
// flight finish and closes the idle connections.

#include "serve.hpp"

#include "cors.hpp"
#include "response_cache.hpp"
#include "routes.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace devo::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// No script may run but the page's own, nothing may frame the page, and no
// address leaks in a Referer.
constexpr std::string_view k_content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

using Headers = std::vector<std::pair<std::string, std::string>>;

void log_line(const std::string& line) {
  std::fputs((line + "\n").c_str(), stderr);
  std::fflush(stderr);
}

// The lines written for requests, gathered and written together a tenth of a
// second at most after they were made: a write of its own for each request's
// line took a tenth of the time of an answer from the cache.
class LogLines {
 public:
  explicit LogLines(asio::io_context& io) : m_timer(asio::make_strand(io)) {}

  void add(std::string_view line) {
    std::lock_guard lock(m_mutex);
    m_pending.append(line).append(1, '\n');
  }

  // Writes what is gathered every tenth of a second until stop().
  void start() {
    m_timer.expires_after(std::chrono::milliseconds(100));
    m_timer.async_wait([this](beast::error_code error) {
      flush();
      if (!error && !m_stopped) {
        start();
      }
    });
  }

  // From any thread; the lines of requests still in flight wait for flush().
  void stop() {
    asio::post(m_timer.get_executor(), [this] {
      m_stopped = true;
      m_timer.cancel();
    });
  }

  // In order: the lock is held while writing.
  void flush() {
    std::lock_guard lock(m_mutex);
    if (!m_pending.empty()) {
      std::fwrite(m_pending.data(), 1, m_pending.size(), stderr);
      std::fflush(stderr);
      m_pending.clear();
    }
  }

 private:
  std::mutex m_mutex;
  std::string m_pending;
  asio::steady_timer m_timer;
  // Read and written on the timer's strand only.
  bool m_stopped = false;
};

struct Shared {
  Routes routes;
  ResponseCache cache;
  Cors cors;
  LogLines log;
  ServeOptions options;
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> stopping{false};
};

class Session;

// What an answer's writing needs to know of the request it answers.
struct Exchange {
  std::string method = "-";  // "-": no request was read
  std::string target = "-";
  unsigned version = 11;
  bool keep_alive = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// The open connections, so that a stop can close the idle ones.
class Sessions {
 public:
  void add(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(m_mutex);
    m_sessions.push_back(session);
  }
  void close_idle();

 private:
  std::mutex m_mutex;
  std::list<std::weak_ptr<Session>> m_sessions;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared) : m_stream(std::move(socket)), m_shared(shared) {
    ++m_shared.connections;
  }
  ~Session() { --m_shared.connections; }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() { read(); }

  // From another thread, on a stop: a connection waiting for a request is
  // closed; one answering a request closes after its answer.
  void close_if_idle() {
    asio::post(m_stream.get_executor(), [self = shared_from_this()] {
      if (!self->m_busy) {
        beast::error_code ignored;
        self->m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        self->m_stream.close();
      }
    });
  }

  // A connection over the limit: one 503, then closed.
  void refuse() {
    m_busy = true;
    auto busy = std::make_shared<const Response>(
        Response{503, "text/plain; charset=utf-8", "devo is busy: try again shortly\n", {}});
    write(std::move(busy), {}, Exchange{});
  }

 private:
  void read() {
    m_parser.emplace();
    m_parser->body_limit(m_shared.options.max_body_bytes);
    m_parser->header_limit(16 * 1024);
    m_stream.expires_after(
        std::chrono::milliseconds(static_cast<std::int64_t>(m_shared.options.idle_seconds * 1000)));
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(beast::error_code error) {
    const auto started = std::chrono::steady_clock::now();
    if (error == http::error::body_limit) {
      m_busy = true;
      auto too_large = std::make_shared<const Response>(
          Response{413,
                   "text/plain; charset=utf-8",
                   fmt::format("the body is larger than devo takes ({} bytes)\n",
                               m_shared.options.max_body_bytes),
                   {}});
      write(std::move(too_large), {}, Exchange{.started = started});
      return;
    }
    if (error) {
      // The client closed, went quiet past the timeout, or sent what is not
      // HTTP: nothing to answer.
      m_stream.close();
      return;
    }
    m_busy = true;
    const auto& request = m_parser->get();
    const std::string method(request.method_string());
    const std::string target(request.target());
    const std::string origin(request[http::field::origin]);
    auto preflight = m_shared.cors.preflight(method, target);
    auto response = preflight ? std::make_shared<const Response>(std::move(*preflight))
                              : answer(Request{as_routed(method), target, request.body()});
    Headers cors_headers;
    m_shared.cors.allow(origin, cors_headers);
    const bool keep_alive = request.keep_alive() && !m_shared.stopping;
    write(std::move(response), std::move(cors_headers),
          Exchange{method, target, request.version(), keep_alive, started});
  }

  // HEAD is GET without the body (RFC 9110 9.3.2): the routes and the cache
  // see a GET, and write() leaves the body out.
  static std::string as_routed(const std::string& method) {
    return method == "HEAD" ? "GET" : method;
  }

  // A request that makes devo throw is answered 500 and logged; the server
  // goes on. Every problem with a request is meant to be a diagnostic, so
  // this is a bug in devo (exit code 3's counterpart).
  std::shared_ptr<const Response> answer(const Request& request) {
    try {
      return handle_through(m_shared.routes, m_shared.cache, request);
    } catch (const std::exception& error) {
      m_shared.log.add(fmt::format("devo serve: internal error: {}", error.what()));
      return std::make_shared<const Response>(
          Response{500,
                   "text/plain; charset=utf-8",
                   "an internal error in devo itself: please report it\n",
                   {}});
    }
  }

  // The answer's body is sent from where it is, perhaps the cache, which it
  // stays in until it is sent (the message's handler holds it); `extra`
  // headers are this request's own (CORS). A HEAD's answer has the headers
  // the GET's would, Content-Length included, and no body.
  void write(std::shared_ptr<const Response> response, Headers extra, const Exchange& exchange) {
    auto message = std::make_shared<http::response<http::span_body<const char>>>(
        static_cast<http::status>(response->status), exchange.version);
    if (!response->content_type.empty()) {  // none on a 204
      message->set(http::field::content_type, response->content_type);
    }
    message->set(http::field::server, "devo");
    message->set("Content-Security-Policy", std::string(k_content_security_policy));
    message->set("X-Content-Type-Options", "nosniff");
    message->set("Referrer-Policy", "no-referrer");
    message->set(http::field::cache_control, "no-store");
    const auto set_all = [&message](const Headers& headers) {
      for (const auto& [name, value] : headers) {
        message->set(name, value);
      }
    };
    set_all(response->headers);
    set_all(extra);
    message->keep_alive(exchange.keep_alive);
    if (exchange.method == "HEAD") {
      message->content_length(response->body.size());
    } else {
      message->body() = {response->body.data(), response->body.size()};
      message->prepare_payload();
    }
    if (response->status == 204) {
      // A 204 carries no Content-Length (RFC 9110 8.6), which Beast 1.74 sets
      // all the same.
      message->erase(http::field::content_length);
    }
    log_request(exchange.method, exchange.target, response->status, exchange.started, m_shared.log);
    http::async_write(
        m_stream, *message,
        [self = shared_from_this(), message, response](beast::error_code error, std::size_t) {
          self->m_busy = false;
          if (error || !message->keep_alive() || self->m_shared.stopping) {
            beast::error_code ignored;
            self->m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            self->m_stream.close();
            return;
          }
          self->read();
        });
  }

  // One JSON line: method, path (without the query, which may name people's
  // places), status and milliseconds; never a body.
  static void log_request(const std::string& method, const std::string& target, unsigned status,
                          std::chrono::steady_clock::time_point started, LogLines& log) {
    const std::chrono::duration<double, std::milli> spent =
        std::chrono::steady_clock::now() - started;
    nlohmann::json line = {{"method", method},
                           {"path", target.substr(0, target.find('?'))},
                           {"status", status},
                           {"ms", std::round(spent.count() * 100) / 100}};
    log.add(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  beast::tcp_stream m_stream;
  beast::flat_buffer m_buffer;
  std::optional<http::request_parser<http::string_body>> m_parser;
  Shared& m_shared;
  bool m_busy = false;
};

void Sessions::close_idle() {
  std::lock_guard lock(m_mutex);
  for (const auto& weak : m_sessions) {
    if (auto session = weak.lock()) {
      session->close_if_idle();
    }
  }
  m_sessions.clear();
}

class Listener {
 public:
  Listener(asio::io_context& io, tcp::acceptor& acceptor, Shared& shared, Sessions& sessions)
      : m_io(io), m_acceptor(acceptor), m_shared(shared), m_sessions(sessions) {}

  void accept() {
    m_acceptor.async_accept(asio::make_strand(m_io),
                            [this](beast::error_code error, tcp::socket socket) {
                              if (error) {
                                return;  // closed by a stop
                              }
                              auto session = std::make_shared<Session>(std::move(socket), m_shared);
                              if (m_shared.connections > m_shared.options.max_connections) {
                                session->refuse();
                              } else {
                                m_sessions.add(session);
                                session->start();
                              }
                              accept();
                            });
  }

 private:
  asio::io_context& m_io;
  tcp::acceptor& m_acceptor;
  Shared& m_shared;
  Sessions& m_sessions;
};

std::optional<tcp::endpoint> endpoint_of(const std::string& listen, Diagnostics& diags) {
  const auto colon = listen.rfind(':');
  const Location at{"--listen", 0, 0};
  if (colon == std::string::npos) {
    diags.error(at, std::string(codes::invalid_value),
                fmt::format("'{}' is not host:port (127.0.0.1:8080)", listen));
    return std::nullopt;
  }
  beast::error_code error;
  const auto address = asio::ip::make_address(listen.substr(0, colon), error);
  unsigned port = 0;
  const std::string port_text = listen.substr(colon + 1);
  const bool port_ok = !port_text.empty() && port_text.size() <= 5 &&
                       port_text.find_first_not_of("0123456789") == std::string::npos &&
                       (port = static_cast<unsigned>(std::stoul(port_text))) <= 65535;
  if (error || !port_ok) {
    diags.error(
        at, std::string(codes::invalid_value),
        fmt::format("'{}' is not host:port with an IP address and a port from 0 to 65535", listen));
    return std::nullopt;
  }
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

}  // namespace

int serve(const ServeOptions& options, Diagnostics& diags) {
  if (!options.cors_origin.empty() && !is_origin(options.cors_origin)) {
    diags.error(Location{"--cors", 0, 0}, std::string(codes::invalid_value),
                fmt::format("'{}' is not an origin as a browser sends it: http:// or https://, "
                            "a host and perhaps a port, nothing after (https://example.org)",
                            options.cors_origin));
    return 2;
  }
  const auto endpoint = endpoint_of(options.listen, diags);
  if (!endpoint || !app::keep_loaded(app::Given{options.data, Location{"--data", 0, 0}}, diags)) {
    return 2;
  }
  const std::size_t threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  asio::io_context io(static_cast<int>(threads));
  tcp::acceptor acceptor(io);
  beast::error_code error;
  acceptor.open(endpoint->protocol(), error);
  if (!error) {
    acceptor.set_option(asio::socket_base::reuse_address(true), error);
    acceptor.bind(*endpoint, error);
  }
  if (!error) {
    acceptor.listen(asio::socket_base::max_listen_connections, error);
  }
  if (error) {
    diags.error(Location{"--listen", 0, 0}, std::string(codes::invalid_value),
                fmt::format("cannot listen on {}: {}", options.listen, error.message()));
    return 2;
  }
  Shared shared{Routes(Served{options.data, options.allow_rule_upload}),
                ResponseCache(options.cache_bytes),
                Cors(options.cors_origin),
                LogLines(io),
                options,
                {},
                {}};
  shared.log.start();
  Sessions sessions;
  Listener listener(io, acceptor, shared, sessions);
  listener.accept();

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    shared.stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    sessions.close_idle();
    shared.log.stop();
  });
  const auto bound = acceptor.local_endpoint();
  log_line(fmt::format("devo serve: listening on http://{}:{}/ ({} threads)",
                       bound.address().to_string(), bound.port(), threads));

  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < threads; ++i) {
    pool.emplace_back([&io] { io.run(); });
  }
  io.run();
  for (std::thread& thread : pool) {
    thread.join();
  }
  shared.log.flush();
  log_line("devo serve: stopped");
  return 0;
}

}  // namespace devo::server
