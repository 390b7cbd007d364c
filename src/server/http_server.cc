// HttpServer: cpp-httplib (Debian's libcpp-httplib) carries requests between sockets and Api.
// Limits live here: a bounded worker pool, the request line and headers (httplib: 8 KiB each),
// the body (ServerOptions::max_body_bytes, 413 beyond), read and write timeouts against slow
// clients, keep-alive bounded. Every response gets headers that keep the pages to themselves:
// the Content-Security-Policy allows no request outside this server.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "crosscheck/server.h"

namespace crosscheck::server {

struct HttpServer::State {
  State(Api& a, const ServerOptions& o) : api(a), options(o) {}
  Api& api;
  ServerOptions options;
  httplib::Server http;
  int port = 0;
};

namespace {

void set_common_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                 "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'self'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

// `path` with every byte outside printable ASCII written as %XX (a log line stays one line).
std::string printable(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (c > 0x20 && c < 0x7f && c != '%') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// What httplib's own errors mean, said to the client.
std::string reason(int status) {
  switch (status) {
    case 400: return "bad request (malformed request line or headers)";
    case 404: return "no such resource";
    case 408: return "request timeout";
    case 413: return "request too large";
    case 414: return "request URI too long";
    case 431: return "request headers too large";
    case 503: return "server busy";
    default: return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

HttpServer::HttpServer(Api& api, const ServerOptions& options)
    : state_(std::make_unique<State>(api, options)) {}

HttpServer::~HttpServer() = default;

Status HttpServer::bind() {
  State& s = *state_;
  int threads = s.options.threads > 0 ? s.options.threads : 1;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_payload_max_length(s.options.max_body_bytes);
  s.http.set_read_timeout(s.options.read_timeout_s, 0);
  s.http.set_write_timeout(s.options.write_timeout_s, 0);
  // A kept-alive connection holds its worker until it closes (httplib's model): keep the idle
  // wait short so waiting connections get a worker.
  s.http.set_keep_alive_max_count(1000);
  s.http.set_keep_alive_timeout(2);
  // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and the
  // client's delayed ACK hold each response ~40 ms.
  s.http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind a port in use and
  // share its connections silently; a second `crosscheck serve` on one port must fail instead.
  s.http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    auto started = std::chrono::steady_clock::now();
    Request request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.params.emplace(name, value);
    Response response = state_->api.handle(request);
    res.status = response.status;
    set_common_headers(res);
    if (response.status == 405) res.set_header("Allow", "GET, HEAD");
    res.set_content(std::move(response.body), response.content_type.c_str());
    if (state_->options.access_log) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                            started)
                      .count();
      std::fprintf(stderr, "%s %s %d %.1f ms\n", printable(req.method).c_str(),
                   printable(req.path).c_str(), response.status, ms);
    }
  };
  // Every method reaches Api, which answers what it does not serve with 405.
  s.http.Get(".*", handler);
  s.http.Post(".*", handler);
  s.http.Put(".*", handler);
  s.http.Patch(".*", handler);
  s.http.Delete(".*", handler);
  s.http.Options(".*", handler);
  // Errors httplib raises itself (413 body too large, 414 URI too long, 400 bad request line):
  // the same JSON shape as the API's.
  s.http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    set_common_headers(res);
    res.set_content(error_response(res.status, reason(res.status)).body, "application/json");
  });
  s.http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what += std::string(": ") + e.what();
        } catch (...) {
        }
        res.status = 500;
        set_common_headers(res);
        res.set_content(error_response(500, what).body, "application/json");
      });

  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host.c_str());
    if (s.port < 0) return Status::error("cannot listen on " + s.options.host + " (any port)");
  } else {
    if (!s.http.bind_to_port(s.options.host.c_str(), s.options.port))
      return Status::error("cannot listen on " + s.options.host + ":" +
                           std::to_string(s.options.port) +
                           " (in use, or not an address of this machine)");
    s.port = s.options.port;
  }
  return Status::ok();
}

int HttpServer::port() const { return state_->port; }

void HttpServer::run() { state_->http.listen_after_bind(); }

void HttpServer::stop() { state_->http.stop(); }

}  // namespace crosscheck::server
