// crosscheck serve over real sockets: every endpoint through an HTTP client, limits (oversized
// requests, slow clients are cut off), readers while an ingest writes into the same store, and the
// `crosscheck serve` process itself (port 0, stops cleanly on SIGTERM).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <simdjson.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/server.h"
#include "crosscheck/store.h"
#include "crosscheck/store_ingest.h"
#include "tests/support/files.h"

namespace fs = std::filesystem;

namespace crosscheck::server {
namespace {

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string encode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string examples_dir() { return std::string(CROSSCHECK_SOURCE_DIR) + "/examples"; }

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("crosscheck_serve_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override {
    if (http_) http_->stop();
    if (thread_.joinable()) thread_.join();
    http_.reset();
    api_.reset();
    fs::remove_all(dir_);
  }

  // A store of the bundled example story, through the CLI as a user makes one.
  void ingest_examples() {
    auto r = testing_support::run_command(CROSSCHECK_BINARY,
                                          "ingest --db " + db_ + " " + examples_dir(), dir_);
    ASSERT_EQ(r.status, 0) << r.err;
  }

  void start(ServerOptions options = {}) {
    api_ = std::make_unique<Api>(db_, ApiOptions{}, nullptr);
    ASSERT_TRUE(api_->check());
    options.port = 0;
    http_ = std::make_unique<HttpServer>(*api_, options);
    ASSERT_TRUE(http_->bind());
    thread_ = std::thread([this] { http_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", http_->port());
    client_->set_read_timeout(30, 0);
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> http_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, EveryEndpointAnswersOverHttp) {
  ingest_examples();
  start();
  simdjson::dom::parser parser;
  auto list = client_->Get("/api/stories");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(list->get_header_value("Content-Type"), "application/json");
  EXPECT_NE(list->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(list->body).get(doc), simdjson::SUCCESS);
  ASSERT_GE(doc["stories"].get_array().size(), 1u);
  std::string id{std::string_view(doc["stories"].at(0)["id"])};

  auto story = client_->Get(("/api/stories/" + id).c_str());
  ASSERT_TRUE(story);
  ASSERT_EQ(story->status, 200);
  simdjson::dom::element analysis;
  ASSERT_EQ(parser.parse(story->body).get(analysis), simdjson::SUCCESS);
  EXPECT_GE(analysis["stories"].at(0)["reuse"].get_array().size(), 1u);

  auto page = client_->Get(("/stories/" + id).c_str());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto home = client_->Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);

  // An id that needs escaping in a URL comes back whole.
  std::string first_id(std::string_view(analysis["articles"].at(0)["id"]));
  auto art = client_->Get(("/api/articles/" + encode(first_id)).c_str());
  ASSERT_TRUE(art);
  EXPECT_EQ(art->status, 200) << art->body;

  auto search = client_->Get("/api/search?entity=Schelewski");
  ASSERT_TRUE(search);
  ASSERT_EQ(search->status, 200);
  ASSERT_EQ(parser.parse(search->body).get(doc), simdjson::SUCCESS);
  EXPECT_GE(uint64_t(doc["total"]), 2u);  // written Zhelevsky in most articles

  auto health = client_->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto head = client_->Head("/api/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServeTest, ErrorsAreJsonWithProperStatus) {
  ingest_examples();
  start();
  simdjson::dom::parser parser;
  auto expect_error = [&](const httplib::Result& r, int status, const char* what) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, status) << what << ": " << r->body;
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(r->body).get(doc), simdjson::SUCCESS) << what << ": " << r->body;
    EXPECT_EQ(int64_t(doc["error"]["status"]), status) << what;
  };
  expect_error(client_->Get("/api/stories/0"), 404, "unknown story");
  expect_error(client_->Get("/api/stories/x1"), 400, "bad story id");
  expect_error(client_->Get("/api/articles/no-such-article"), 404, "unknown article");
  expect_error(client_->Get("/api/stories?page=zero"), 400, "bad page");
  expect_error(client_->Get("/api/stories?sort=name"), 400, "unknown parameter");
  expect_error(client_->Get("/nowhere"), 404, "unknown path");
  expect_error(client_->Get("/%2e%2e/%2e%2e/etc/passwd"), 404, "traversal");
  expect_error(client_->Post("/api/stories", "x=1", "text/plain"), 405, "POST");
  expect_error(client_->Delete("/api/stories"), 405, "DELETE");
  // Oversized: a body beyond the limit, and a URI beyond httplib's 8 KiB.
  expect_error(client_->Post("/api/stories", std::string(1 << 20, 'a'), "text/plain"), 413,
               "large body");
  expect_error(client_->Get(("/api/stories?q=" + std::string(9000, 'a')).c_str()), 414,
               "long URI");
}

TEST_F(ServeTest, SlowClientIsCutOff) {
  ingest_examples();
  ServerOptions options;
  options.read_timeout_s = 1;
  start(options);
  // A client that connects and never finishes its request line.
  httplib::Client slow("127.0.0.1", http_->port());
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(http_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::write(fd, "GET /api/heal", 13), 13);
  // The server gives up after its read timeout and closes: read() sees the end.
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[256];
  auto started = std::chrono::steady_clock::now();
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) {
  }
  double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ::close(fd);
  EXPECT_EQ(n, 0) << "connection not closed by the server";
  EXPECT_LT(waited, 9.0);
  // Other clients were served meanwhile and still are.
  auto ok = client_->Get("/api/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServeTest, ReadersSeeAnIngestInProgress) {
  ingest_examples();
  start();
  // Stories listed before the ingest (and so cached by the server).
  uint64_t stories_before = 0;
  {
    simdjson::dom::parser parser;
    auto r = client_->Get("/api/stories");
    ASSERT_TRUE(r);
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(r->body).get(doc), simdjson::SUCCESS);
    stories_before = doc["total"];
  }
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, requests{0};
  std::atomic<int> went_down{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      httplib::Client c("127.0.0.1", http_->port());
      c.set_read_timeout(30, 0);
      simdjson::dom::parser parser;
      uint64_t last = 0;
      while (!done) {
        auto r = c.Get("/api/health");
        ++requests;
        simdjson::dom::element doc;
        if (!r || r->status != 200 || parser.parse(r->body).get(doc) != simdjson::SUCCESS) {
          ++failures;
          continue;
        }
        uint64_t n = doc["articles"];
        if (n < last) ++went_down;  // a committed batch never disappears
        last = n;
        auto s = c.Get("/api/stories");
        if (!s || s->status != 200) ++failures;
      }
    });
  }
  // The writer: 300 invented articles in batches, into the store the server reads.
  {
    store::OpenResult w = store::open_store(db_);
    ASSERT_TRUE(w.status) << w.status.message();
    store::IngestOptions options;
    options.batch_articles = 25;
    ThreadPool pool(1);
    store::Ingestor ingestor(*w.store, options, &pool);
    ASSERT_TRUE(ingestor.open());
    for (int i = 0; i < 300; ++i) {
      Article a;
      a.id = "bulk-" + std::to_string(i);
      a.source = "Bulk Wire";
      a.title = "Bulletin " + std::to_string(i);
      a.text = "Bulletin number " + std::to_string(i) + " of the harbour office lists " +
               std::to_string(i * 7 % 97) + " ships in port and " + std::to_string(i % 13) +
               " cranes under repair at berth " + std::to_string(i % 29) + ".";
      ASSERT_TRUE(ingestor.add(std::move(a)));
    }
    ASSERT_TRUE(ingestor.finish());
  }
  // Let the readers see the end state.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(went_down.load(), 0);
  EXPECT_GT(requests.load(), 3);
  simdjson::dom::parser parser;
  auto r = client_->Get("/api/health");
  ASSERT_TRUE(r);
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r->body).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(uint64_t(doc["articles"]), 307u);
  // The list is not served from before the ingest: the bulletins made stories of their own.
  auto after = client_->Get("/api/stories?outlet=Bulk%20Wire");
  ASSERT_TRUE(after);
  ASSERT_EQ(parser.parse(after->body).get(doc), simdjson::SUCCESS);
  EXPECT_GE(uint64_t(doc["total"]), 1u);
  auto all = client_->Get("/api/stories");
  ASSERT_TRUE(all);
  ASSERT_EQ(parser.parse(all->body).get(doc), simdjson::SUCCESS);
  EXPECT_GT(uint64_t(doc["total"]), stories_before);
}

TEST_F(ServeTest, CommandServesAndStopsOnSigterm) {
  ingest_examples();
  std::string log = (dir_ / "serve.log").string();
  std::string cmd = std::string(CROSSCHECK_BINARY) + " serve --db " + db_ +
                    " --port 0 2> " + log + " & echo $!";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  int pid = 0;
  ASSERT_EQ(std::fscanf(p, "%d", &pid), 1);
  ::pclose(p);
  int port = 0;
  for (int i = 0; i < 100 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::string text = testing_support::read_file(log);
    size_t at = text.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
  }
  ASSERT_GT(port, 0) << testing_support::read_file(log);
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/api/stories");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  bool stopped = false;
  for (int i = 0; i < 100 && !stopped; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stopped = ::kill(pid, 0) != 0;
  }
  EXPECT_TRUE(stopped);
  EXPECT_NE(testing_support::read_file(log).find("crosscheck: stopped"), std::string::npos);
}

TEST_F(ServeTest, CommandRefusesAMissingStoreAndABusyPort) {
  auto missing = testing_support::run_command(
      CROSSCHECK_BINARY, "serve --db " + (dir_ / "nope.db").string() + " --port 0", dir_);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
  ingest_examples();
  start();
  auto busy = testing_support::run_command(
      CROSSCHECK_BINARY, "serve --db " + db_ + " --port " + std::to_string(http_->port()), dir_);
  EXPECT_EQ(busy.status, 2);
  EXPECT_NE(busy.err.find("cannot listen"), std::string::npos) << busy.err;
}

// `crosscheck serve` runs the crosscheck-serve binary beside it with the arguments after "serve".
TEST_F(ServeTest, LauncherPassesEverythingToTheServerBinary) {
  auto help = testing_support::run_command(CROSSCHECK_BINARY, "serve --help", dir_);
  EXPECT_EQ(help.status, 0) << help.err;
  EXPECT_NE(help.out.find("crosscheck serve"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--db"), std::string::npos) << help.out;
  auto unknown = testing_support::run_command(CROSSCHECK_BINARY, "serve --db x.db --no-such-option", dir_);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("--no-such-option"), std::string::npos) << unknown.err;
  // A copy of crosscheck without crosscheck-serve beside it says what is missing.
  fs::path alone = dir_ / "alone";
  fs::create_directories(alone);
  fs::copy_file(CROSSCHECK_BINARY, alone / "crosscheck");
  auto missing = testing_support::run_command((alone / "crosscheck").string(),
                                              "serve --db x.db", dir_);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("crosscheck-serve"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace crosscheck::server
