// The served API without sockets (server::Api on a store made here), its search filters, and the
// HTML report page's template filling.
#include "crosscheck/server.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <string>
#include <vector>

#include "crosscheck/html_report.h"
#include "crosscheck/store.h"
#include "crosscheck/store_ingest.h"
#include "src/server/search.h"
#include "src/server/story_cache.h"

namespace fs = std::filesystem;

namespace crosscheck::server {
namespace {

// ---- search filters -------------------------------------------------------------------------

std::string found(const Match& m, std::string_view text) {
  return m.found ? std::string(text.substr(m.begin, m.end - m.begin)) : "<none>";
}

TEST(TextQuery, FindsAsciiCaseInsensitively) {
  TextQuery q("harbour BOARD");
  std::string text = "The Harbour Board met on Tuesday.";
  EXPECT_EQ(found(q.find(text), text), "Harbour Board");
  EXPECT_FALSE(TextQuery("pier").find(text).found);
  EXPECT_TRUE(TextQuery("").find(text).found);
}

TEST(NameQuery, FindsSpellingVariantsAndPossessives) {
  NameQuery q("Zelensky");
  std::string a = "Ukraine's President Volodymyr Zelenskyy's office said";
  std::string b = "Präsident Selenskyj sagte";
  EXPECT_EQ(found(q.find(a), a), "Zelenskyy's");
  EXPECT_EQ(found(q.find(b), b), "Selenskyj");
  NameQuery w("Steve Witkoff");
  std::string c = "envoy Steve Whitkov told reporters";
  EXPECT_EQ(found(w.find(c), c), "Steve Whitkov");
}

TEST(NameQuery, NeedsEveryWordInOrderAndCapitalised) {
  NameQuery q("Steve Witkoff");
  std::string surname_only = "Witkoff said";
  std::string other_person = "Mary Witkoff said";
  std::string reversed = "Witkoff Steve";
  EXPECT_FALSE(q.find(surname_only).found);
  EXPECT_FALSE(q.find(other_person).found);
  EXPECT_FALSE(q.find(reversed).found);
  // A lower-case common word is not a name even when it sounds like one.
  EXPECT_FALSE(NameQuery("Will").find("they will meet").found);
  EXPECT_TRUE(NameQuery("Will").find("Will Smith").found);
  // Titles in the query are dropped; a query without letters matches everything.
  EXPECT_TRUE(NameQuery("President Zelensky").find("Zelensky spoke").found);
  EXPECT_TRUE(NameQuery("!!").empty());
}

TEST(NameQuery, SurvivesArbitraryBytes) {
  NameQuery q("Zhelevsky");
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 131 + 7) & 0xff));
  Match m = q.find(junk);
  EXPECT_LE(m.end, junk.size());
  ASSERT_FALSE(m.found);  // these bytes hold no capitalised word that sounds like the name
  // The same bytes with the name planted in the middle: found, and exactly there.
  std::string planted = junk.substr(0, 2000) + " Zhelevsky " + junk.substr(2000);
  Match p = q.find(planted);
  ASSERT_TRUE(p.found);
  EXPECT_EQ(planted.substr(p.begin, p.end - p.begin), "Zhelevsky");
}

// ---- the story cache -------------------------------------------------------------------------

TEST(StoryCache, OneAnalysisForConcurrentRequestsAndLeastRecentlyUsedDropped) {
  StoryCache cache(2);
  std::atomic<int> made{0};
  auto make = [&] {
    ++made;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return std::make_shared<const std::string>("json");
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] { EXPECT_EQ(*cache.get_or_make(7, 1, make), "json"); });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(made.load(), 1);
  // Another fingerprint (the story changed) is made again; capacity 2 drops the oldest.
  cache.get_or_make(7, 2, make);
  EXPECT_EQ(made.load(), 2);
  EXPECT_NE(cache.get(7, 2), nullptr);  // cached, until two newer entries push it out
  cache.put(8, 1, std::make_shared<const std::string>("a"));
  cache.put(9, 1, std::make_shared<const std::string>("b"));
  EXPECT_EQ(cache.get(7, 2), nullptr);
  EXPECT_NE(cache.get(9, 1), nullptr);
  // A failing analysis reaches its caller and is not cached.
  EXPECT_THROW(cache.get_or_make(10, 1, []() -> std::shared_ptr<const std::string> {
    throw std::runtime_error("bad story");
  }),
               std::runtime_error);
  EXPECT_EQ(cache.get(10, 1), nullptr);
}

// ---- the report page ------------------------------------------------------------------------

TEST(HtmlReport, EmbedsDataSafelyAndFillsEveryMarker) {
  std::string json = R"({"schema":"crosscheck/analysis@1","articles":[{"id":"a","text":"</script><b>{{JS}}"}]})";
  std::string page;
  ASSERT_TRUE(report::write_html_report(page, json, "A & B <story>"));
  EXPECT_NE(page.find("A &amp; B &lt;story&gt;"), std::string::npos);
  // The data cannot close its script element, and a marker inside data is data.
  EXPECT_EQ(page.find("</script><b>"), std::string::npos);
  EXPECT_NE(page.find("\\u003c/script>\\u003cb>{{JS}}"), std::string::npos);
  EXPECT_EQ(page.find("{{CSS}}"), std::string::npos);
  EXPECT_EQ(page.find("{{DATA}}"), std::string::npos);
  EXPECT_EQ(page.find("{{CONTEXT}}"), std::string::npos);
  EXPECT_NE(page.find(R"({"mode":"file"})"), std::string::npos);
  // Self-contained: no external script, style or image.
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_EQ(page.find("<link rel=\"stylesheet\""), std::string::npos);
}

TEST(HtmlReport, ServedPageLinksBack) {
  report::HtmlReportOptions options;
  options.served = true;
  options.story_id = "42";
  std::string page;
  ASSERT_TRUE(report::write_html_report(page, "{}", "t", options));
  EXPECT_NE(page.find(R"({"mode":"served","stories_url":"/","story":"42"})"), std::string::npos);
  std::string stories;
  ASSERT_TRUE(report::write_stories_page(stories));
  EXPECT_EQ(stories.find("{{JS}}"), std::string::npos);
  EXPECT_NE(stories.find("/api/stories"), std::string::npos);
}

// ---- the API over a store -------------------------------------------------------------------

Article article(std::string id, std::string source, std::string published, std::string title,
                std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.published = std::move(published);
  a.title = std::move(title);
  a.text = std::move(text);
  a.language = "en";
  return a;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("crosscheck_api_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "news.db").string());
    store::OpenResult r = store::open_store(*db_);
    ASSERT_TRUE(r.status) << r.status.message();
    store::IngestOptions options;
    options.cluster.background_df = std::string(CROSSCHECK_SOURCE_DIR) + "/models/df-en.tsv.gz";
    ThreadPool pool(1);
    store::Ingestor ingestor(*r.store, options, &pool);
    ASSERT_TRUE(ingestor.open());
    const std::string strike =
        "Dockworkers at the port of Velmora ended a nine-day strike on Tuesday after the harbour "
        "board agreed to raise wages by four percent, the mediator Kazimir Zhelevsky said.\n\n"
        "About 1,200 dockworkers will return to work on Thursday, the union said. Ships waiting "
        "outside the harbour will be unloaded first.\n\n"
        "\"This is a fair deal for every family on the docks,\" Zhelevsky told reporters.";
    ASSERT_TRUE(ingestor.add(article("s1", "Harbour Wire", "2031-05-06T08:00:00Z",
                                     "Velmora dock strike ends", strike)));
    ASSERT_TRUE(ingestor.add(article(
        "s2", "Coastline Daily", "2031-05-06T10:00:00Z", "Velmora strike over",
        "Dockworkers at the port of Velmora ended a nine-day strike on Tuesday after the harbour "
        "board agreed to raise wages by four percent, the mediator Kasimir Schelewski said.\n\n"
        "About 1,600 dockworkers will return to work on Thursday, the union said. Ships waiting "
        "outside the harbour will be unloaded first.")));
    ASSERT_TRUE(ingestor.add(article(
        "museum/1", "Arts Weekly", "2031-05-07T09:00:00Z", "Glass museum opens",
        "A museum of blown glass opened in the old customs house of Brandholm on Saturday, with "
        "four hundred pieces lent by families of the town's glassmakers.\n\n"
        "The curator, Ottilie Marsh, said the collection would travel to three cities next "
        "year.")));
    ASSERT_TRUE(ingestor.finish());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  Response get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    Api api(*db_, ApiOptions{}, nullptr);
    return api.handle(Request{"GET", path, std::move(params)});
  }

  static simdjson::dom::element parse(simdjson::dom::parser& parser, const Response& r) {
    simdjson::dom::element doc;
    EXPECT_EQ(parser.parse(r.body).get(doc), simdjson::SUCCESS) << r.body;
    return doc;
  }

  static fs::path* dir_;
  static std::string* db_;
};

fs::path* ApiTest::dir_ = nullptr;
std::string* ApiTest::db_ = nullptr;

TEST_F(ApiTest, ListsStoriesLargestFirstWithPages) {
  simdjson::dom::parser parser;
  Response r = get("/api/stories");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse(parser, r);
  EXPECT_EQ(uint64_t(doc["total"]), 2u);
  auto stories = doc["stories"].get_array();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(uint64_t(stories.at(0)["size"]), 2u);
  EXPECT_EQ(std::string_view(stories.at(0)["title"]), "Velmora dock strike ends");

  Response second = get("/api/stories", {{"page", "2"}, {"per_page", "1"}});
  auto page2 = parse(parser, second);
  EXPECT_EQ(uint64_t(page2["pages"]), 2u);
  ASSERT_EQ(page2["stories"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(page2["stories"].at(0)["title"]), "Glass museum opens");
  Response beyond = get("/api/stories", {{"page", "9"}});
  EXPECT_EQ(parse(parser, beyond)["stories"].get_array().size(), 0u);
}

TEST_F(ApiTest, FiltersStoriesByTextOutletAndName) {
  simdjson::dom::parser parser;
  EXPECT_EQ(uint64_t(parse(parser, get("/api/stories", {{"q", "BLOWN glass"}}))["total"]), 1u);
  EXPECT_EQ(uint64_t(parse(parser, get("/api/stories", {{"outlet", "Coastline Daily"}}))["total"]),
            1u);
  EXPECT_EQ(uint64_t(parse(parser, get("/api/stories", {{"outlet", "coastline daily"}}))["total"]),
            0u);
  // One spelling finds the story whichever spelling its articles use.
  auto byname = parse(parser, get("/api/stories", {{"entity", "Kasimir Schelewski"}}));
  EXPECT_EQ(uint64_t(byname["total"]), 1u);
  EXPECT_EQ(std::string_view(byname["stories"].at(0)["title"]), "Velmora dock strike ends");
  EXPECT_EQ(uint64_t(parse(parser, get("/api/stories", {{"entity", "Ottilie Marsh"},
                                                        {"q", "dockworkers"}}))["total"]),
            0u);
}

TEST_F(ApiTest, SearchReturnsArticlesWithTheMatchInCodePoints) {
  simdjson::dom::parser parser;
  Response r = get("/api/search", {{"entity", "Zhelevsky"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse(parser, r);
  ASSERT_EQ(uint64_t(doc["total"]), 2u);
  // Each hit's match span is the name as that article writes it.
  Api api(*db_, ApiOptions{}, nullptr);
  for (auto hit : doc["articles"].get_array()) {
    std::string id{std::string_view(hit["id"])};
    Response a = api.handle(Request{"GET", "/api/articles/" + id, {}});
    simdjson::dom::parser p2;
    auto art = parse(p2, a);
    std::string_view text = art["article"]["text"];
    uint64_t start = hit["match"]["start"], end = hit["match"]["end"];
    // ASCII texts here: code points = bytes.
    std::string_view name = text.substr(start, end - start);
    EXPECT_TRUE(name == "Zhelevsky" || name == "Schelewski") << name;
  }
  EXPECT_EQ(get("/api/search").status, 400);
}

TEST_F(ApiTest, ArticleByIdIncludingSlashes) {
  simdjson::dom::parser parser;
  Response r = get("/api/articles/museum/1");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse(parser, r);
  EXPECT_EQ(std::string_view(doc["article"]["source"]), "Arts Weekly");
  EXPECT_EQ(uint64_t(doc["version"]), 1u);
  // Its story is the one /api/stories lists for it, under the same (string) id.
  std::string story{std::string_view(doc["story"])};
  simdjson::dom::parser p2;
  auto museum = parse(p2, get("/api/stories", {{"q", "blown glass"}}));
  ASSERT_EQ(museum["stories"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(museum["stories"].at(0)["id"]), story);
  EXPECT_EQ(std::string_view(doc["story_url"]), "/stories/" + story);
  EXPECT_EQ(get("/api/articles/nope").status, 404);
}

TEST_F(ApiTest, StoryAnalysisAndPages) {
  simdjson::dom::parser parser;
  auto list = parse(parser, get("/api/stories"));
  std::string id{std::string_view(list["stories"].at(0)["id"])};
  Response r = get("/api/stories/" + id);
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = parse(parser, r);
  EXPECT_EQ(std::string_view(doc["schema"]), "crosscheck/analysis@1");
  EXPECT_EQ(doc["articles"].get_array().size(), 2u);
  ASSERT_EQ(doc["stories"].get_array().size(), 1u);
  // The copy's changed count is found (1,200 -> 1,600) whichever way the pair is read.
  auto reuse = doc["stories"].at(0)["reuse"].get_array();
  ASSERT_EQ(reuse.size(), 1u);
  bool count_change = false;
  for (auto c : reuse.at(0)["changes"].get_array())
    count_change |= std::string_view(c["kind"]) == "count";
  EXPECT_TRUE(count_change);

  Response page = get("/stories/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("\"mode\":\"served\""), std::string::npos);
  Response home = get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<html"), std::string::npos);
}

TEST_F(ApiTest, BadRequestsGetClearErrors) {
  simdjson::dom::parser parser;
  struct Case {
    std::string path;
    std::multimap<std::string, std::string> params;
    int status;
  };
  std::vector<Case> cases = {
      {"/api/stories/abc", {}, 400},
      {"/api/stories/999999", {}, 404},
      {"/stories/12x", {}, 400},
      {"/api/stories", {{"page", "0"}}, 400},
      {"/api/stories", {{"page", "-3"}}, 400},
      {"/api/stories", {{"per_page", "100000"}}, 400},
      {"/api/stories", {{"per_page", "ten"}}, 400},
      {"/api/stories", {{"color", "red"}}, 400},
      {"/api/stories", {{"q", "a"}, {"q", "b"}}, 400},
      {"/api/stories", {{"q", std::string(300, 'x')}}, 400},
      {"/api/stories", {{"q", "\xff\xfe"}}, 400},
      {"/api/health", {{"x", "1"}}, 400},
      {"/api/nothing", {}, 404},
      {"/static/../../etc/passwd", {}, 404},
      {"/api/articles/\xc3", {}, 400},
  };
  for (const Case& c : cases) {
    Response r = get(c.path, c.params);
    EXPECT_EQ(r.status, c.status) << c.path;
    auto doc = parse(parser, r);
    EXPECT_EQ(int64_t(doc["error"]["status"]), c.status) << r.body;
    EXPECT_FALSE(std::string_view(doc["error"]["message"]).empty());
  }
  Api api(*db_, ApiOptions{}, nullptr);
  EXPECT_EQ(api.handle(Request{"POST", "/api/stories", {}}).status, 405);
  EXPECT_EQ(api.handle(Request{"HEAD", "/api/health", {}}).status, 200);
}

TEST_F(ApiTest, ArbitraryBytesInPathAndParametersNeverCrash) {
  Api api(*db_, ApiOptions{}, nullptr);
  simdjson::dom::parser parser;
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::vector<std::string> prefixes = {"/", "/api/", "/api/stories/", "/api/articles/",
                                             "/stories/", "/api/search", "/api/stories"};
  const std::vector<std::string> names = {"q", "outlet", "entity", "page", "per_page", ""};
  for (int i = 0; i < 3000; ++i) {
    Request r;
    r.path = prefixes[next() % prefixes.size()];
    for (uint32_t n = next() % 24; n > 0; --n) r.path.push_back(static_cast<char>(next() & 0xff));
    for (uint32_t k = next() % 3; k > 0; --k) {
      std::string value;
      for (uint32_t n = next() % 40; n > 0; --n) value.push_back(static_cast<char>(next() & 0xff));
      r.params.emplace(names[next() % names.size()], value);
    }
    Response out = api.handle(r);
    ASSERT_TRUE(out.status == 200 || out.status == 400 || out.status == 404) << out.status;
    if (out.content_type == "application/json") {
      simdjson::dom::element doc;
      ASSERT_EQ(parser.parse(out.body).get(doc), simdjson::SUCCESS) << out.body;
    }
  }
}

TEST_F(ApiTest, MissingStoreIsAClearError) {
  Api api((*dir_ / "absent.db").string(), ApiOptions{}, nullptr);
  Status s = api.check();
  EXPECT_FALSE(s);
  EXPECT_NE(s.message().find("absent.db"), std::string::npos);
  Response r = api.handle(Request{"GET", "/api/stories", {}});
  EXPECT_EQ(r.status, 500);
}

}  // namespace
}  // namespace crosscheck::server
