// crosscheck serve: the store behind an HTTP API and a web UI.
//
//   crosscheck::server::ApiOptions options;
//   crosscheck::server::Api api("news.db", options, tagger.get());   // tagger may be null
//   crosscheck::server::Response r = api.handle({"GET", "/api/stories", {{"outlet", "apnews.com"}}});
//
//   crosscheck::server::HttpServer http(api, {});   // loopback, port 8080
//   if (crosscheck::Status s = http.bind(); !s) { ... }   // http.port() is the bound port
//   http.run();                                          // until http.stop()
//
// Api is the whole behaviour — routing, parameters, JSON, errors, the pages — as plain values, so
// it is tested without sockets; HttpServer only moves requests between a socket and Api (through
// cpp-httplib's worker pool; HttpServer is in the CMake target crosscheck::http, Api in
// crosscheck::crosscheck — see CMakeLists.txt for why). Every request reads the store through its own read-only connection
// (a pool of them), so readers never block an ingest running at the same time (SQLite WAL), and
// see each committed batch as it lands.
//
// Routes (GET and HEAD only; every error is {"error": {"status", "message"}}):
//   /                          the stories list page (HTML; it reads /api/stories)
//   /stories/{id}              one story's report page (HTML, the page of `report --html`)
//   /api/stories               stories, largest first: ?q= ?outlet= ?entity= ?page= ?per_page=
//   /api/stories/{id}          the story's analysis JSON (crosscheck/analysis@1)
//   /api/articles/{id}         one article (current version) with its story and version
//   /api/search                articles: ?q= ?outlet= ?entity= ?page= ?per_page=
//   /api/health                {"status": "ok", "articles": n, "stories": n}
// Filters: q = text in the title or body (case-insensitive for ASCII letters); outlet = the
// article's source, exactly; entity = a name whose words appear in that order in the article,
// each word matched under its folded spelling or its phonetic key (crosscheck/entity_linking.h),
// so "Zelensky" finds "Zelenskyy" and "Selenskyj". All three are scans over the current articles.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "crosscheck/entities.h"
#include "crosscheck/problem.h"

namespace crosscheck::server {

struct ApiOptions {
  // Most items one page of /api/stories or /api/search may hold.
  size_t max_per_page = 200;
  // Items per page when the request does not say.
  size_t default_per_page = 50;
  // Stories whose analysis is kept in memory (least recently used dropped first).
  size_t cached_stories = 64;
  // Read-only store connections kept open for requests (more requests wait for one).
  size_t connections = 8;
  // Longest filter value accepted (bytes).
  size_t max_filter_bytes = 256;
};

struct Request {
  std::string method = "GET";
  std::string path;                                 // decoded, without the query
  std::multimap<std::string, std::string> params;   // decoded query parameters
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// The JSON error every route and the HTTP layer answer with: {"error":{"status","message"}}.
Response error_response(int status, std::string_view message);

class Api {
 public:
  // `db_path` is opened read-only per connection; `tagger` (may be null: no entities) must
  // outlive the Api.
  Api(std::string db_path, const ApiOptions& options, const entities::Tagger* tagger);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Checks that the store opens (a clear error otherwise: missing, newer schema, damaged).
  Status check();
  // Answers one request. Thread-safe.
  Response handle(const Request& request);

  struct State;  // the implementation's (src/server/api.cc)

 private:
  std::unique_ptr<State> state_;
};

struct ServerOptions {
  // Interface to listen on: loopback unless a user asks for more.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (see HttpServer::port()).
  int port = 8080;
  // Worker threads answering requests. Each open (kept-alive) connection holds one while it is
  // open, so this is also how many clients are served at once; idle workers cost no CPU.
  int threads = 32;
  // Largest request body accepted (GET requests have none; anything larger is refused with 413).
  size_t max_body_bytes = 16 * 1024;
  // Seconds to wait for a request's bytes, and to write a response, before giving up on a client.
  int read_timeout_s = 5;
  int write_timeout_s = 30;
  // Print one line per request on stderr.
  bool access_log = false;
};

class HttpServer {
 public:
  HttpServer(Api& api, const ServerOptions& options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket (error: port in use, bad host).
  Status bind();
  // The bound port (after bind).
  int port() const;
  // Serves until stop() (from any thread, or a signal handler thread).
  void run();
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace crosscheck::server
