// The store and ingest into it: schema creation and versioning, idempotent re-ingest, versions on
// changed text, refusal of newer schemas and damaged files, batch transactions and resuming.
#include "crosscheck/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crosscheck/store_ingest.h"
#include "src/store/codec.h"
#include "src/store/schema.h"

namespace fs = std::filesystem;

namespace crosscheck::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("crosscheck_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
    options_.cluster.background_df = std::string(CROSSCHECK_SOURCE_DIR) + "/models/df-en.tsv.gz";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> open(bool read_only = false) {
    Options o;
    o.read_only = read_only;
    OpenResult r = open_store(db_, o);
    EXPECT_TRUE(r.status) << r.status.message();
    return std::move(r.store);
  }

  // Ingests `articles`; `finish` false simulates a process killed before the end.
  IngestStats ingest(const std::vector<Article>& articles, bool finish = true) {
    std::unique_ptr<Store> store = open();
    ThreadPool pool(2);
    Ingestor ingestor(*store, options_, &pool);
    EXPECT_TRUE(ingestor.open());
    for (Article a : articles) EXPECT_TRUE(ingestor.add(std::move(a)));
    if (finish) {
      EXPECT_TRUE(ingestor.finish());
    }
    return ingestor.stats();
  }

  void counts(uint64_t* current, uint64_t* versions) {
    std::unique_ptr<Store> store = open(true);
    ASSERT_TRUE(store->counts(current, versions));
  }

  fs::path dir_;
  std::string db_;
  IngestOptions options_;
};

Article article(const std::string& id, const std::string& source, const std::string& text,
                const std::string& title = "Harbour bridge closed after storm damage") {
  Article a;
  a.id = id;
  a.source = source;
  a.title = title;
  a.published = "2026-03-02";
  a.language = "en";
  a.text = text;
  return a;
}

// Five reports of one event, worded differently but sharing the names and numbers.
std::vector<Article> harbour_story() {
  return {
      article("h1", "coastpost.example",
              "The Kessler harbour bridge was closed on Monday after storm Idris tore 40 metres "
              "of railing from its eastern span. Engineer Marta Okafor said repairs would take "
              "three weeks and cost 2.4 million euros."),
      article("h2", "baywire.example",
              "Storm Idris damaged the Kessler harbour bridge, which stays closed. Marta Okafor, "
              "the city engineer, expects three weeks of repairs costing 2.4 million euros after "
              "40 metres of railing were torn away."),
      article("h3", "northline.example",
              "Drivers face detours while the Kessler bridge over the harbour remains shut. "
              "Storm Idris ripped 40 metres of railing off the eastern span; Okafor put repairs "
              "at three weeks and 2.4 million euros."),
      article("h4", "tidings.example",
              "Repairs to the Kessler harbour bridge after storm Idris will take three weeks, "
              "engineer Marta Okafor said. The eastern span lost 40 metres of railing and the "
              "bill is estimated at 2.4 million euros."),
      article("h5", "harbourtimes.example",
              "The Kessler harbour bridge is closed for three weeks: storm Idris tore off 40 "
              "metres of railing. City engineer Marta Okafor said repairs would cost 2.4 million "
              "euros."),
  };
}

TEST_F(StoreTest, CreatesTheSchemaInAnEmptyFile) {
  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  uint64_t current = 1, versions = 1;
  ASSERT_TRUE(store->counts(&current, &versions));
  EXPECT_EQ(current, 0u);
  EXPECT_EQ(versions, 0u);
}

TEST_F(StoreTest, ReadOnlyOpenOfAMissingStoreIsAnError) {
  Options o;
  o.read_only = true;
  OpenResult r = open_store((dir_ / "missing.db").string(), o);
  EXPECT_FALSE(r.status);
  EXPECT_FALSE(r.store);
}

TEST_F(StoreTest, ReingestIsANoOp) {
  IngestStats first = ingest(harbour_story());
  EXPECT_EQ(first.added, 5u);
  EXPECT_EQ(first.batches, 1u);
  IngestStats second = ingest(harbour_story());
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.unchanged, 5u);
  EXPECT_EQ(second.new_versions, 0u);
  EXPECT_EQ(second.signatures_loaded, 5u);
  uint64_t current = 0, versions = 0;
  counts(&current, &versions);
  EXPECT_EQ(current, 5u);
  EXPECT_EQ(versions, 5u);
}

TEST_F(StoreTest, ChangedTextBecomesANewVersion) {
  ingest(harbour_story());
  std::vector<Article> changed = {harbour_story()[2]};
  changed[0].text += " The ferry service doubles its crossings meanwhile.";
  IngestStats s = ingest(changed);
  EXPECT_EQ(s.new_versions, 1u);
  EXPECT_EQ(s.added, 0u);
  uint64_t current = 0, versions = 0;
  counts(&current, &versions);
  EXPECT_EQ(current, 5u);
  EXPECT_EQ(versions, 6u);
  std::unique_ptr<Store> store = open();
  Latest latest;
  ASSERT_TRUE(store->latest("h3", &latest));
  EXPECT_TRUE(latest.found);
  EXPECT_EQ(latest.version, 2u);
  EXPECT_EQ(latest.content_hash, content_hash(changed[0]));
  // The same changed text again is a no-op, the original text again is a third version.
  EXPECT_EQ(ingest(changed).unchanged, 1u);
  EXPECT_EQ(ingest({harbour_story()[2]}).new_versions, 1u);
}

TEST_F(StoreTest, SameIdTwiceInOneBatchWithDifferentTexts) {
  std::vector<Article> a = {harbour_story()[0], harbour_story()[0], harbour_story()[0]};
  a[1].text += " Update: the bridge reopens to pedestrians.";
  IngestStats s = ingest(a);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.new_versions, 2u);  // a[2] repeats a[0]'s text but follows a[1]: a new version
  uint64_t current = 0, versions = 0;
  counts(&current, &versions);
  EXPECT_EQ(current, 1u);
  EXPECT_EQ(versions, 3u);
}

TEST_F(StoreTest, OneStoryAcrossTwoIngests) {
  std::vector<Article> all = harbour_story();
  ingest({all.begin(), all.begin() + 3});
  IngestStats second = ingest({all.begin() + 3, all.end()});
  EXPECT_EQ(second.added, 2u);
  EXPECT_EQ(second.replayed, 3u);
  std::unique_ptr<Store> store = open(true);
  std::vector<StorySummary> stories;
  ASSERT_TRUE(store->stories(&stories));
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].size, 5u);
  EXPECT_EQ(stories[0].outlets.size(), 5u);
  EXPECT_EQ(stories[0].title, "Harbour bridge closed after storm damage");
  EXPECT_EQ(stories[0].first_seen, "2026-03-02");
  bool found = false;
  StorySummary summary;
  std::vector<StoredArticle> rows;
  ASSERT_TRUE(store->story(stories[0].id, &found, &summary, &rows));
  EXPECT_TRUE(found);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].article.id, "h1");
  EXPECT_EQ(rows[4].article.text, all[4].text);
}

TEST_F(StoreTest, DuplicatesPointAtTheFirstMember) {
  std::vector<Article> a = harbour_story();
  Article copy = a[0];
  copy.id = "h1-copy";
  copy.source = "aggregator.example";
  a.push_back(copy);
  IngestStats s = ingest(a);
  EXPECT_EQ(s.duplicates, 1u);
  std::unique_ptr<Store> store = open(true);
  std::vector<StorySummary> stories;
  ASSERT_TRUE(store->stories(&stories));
  bool found = false;
  StorySummary summary;
  std::vector<StoredArticle> rows;
  ASSERT_TRUE(store->story(stories[0].id, &found, &summary, &rows));
  EXPECT_EQ(rows.size(), 6u);  // the copy follows its original into the story
  for (const StoredArticle& r : rows) {
    EXPECT_EQ(r.article.duplicate_of, r.article.id == "h1-copy" ? "h1" : "") << r.article.id;
  }
}

TEST_F(StoreTest, BatchesAreTransactionsAndAKilledIngestResumes) {
  options_.batch_articles = 2;
  std::vector<Article> all = harbour_story();
  // Killed after 3 articles: the first batch (2) is committed, the third article was buffered.
  IngestStats killed = ingest({all.begin(), all.begin() + 3}, /*finish=*/false);
  EXPECT_EQ(killed.batches, 1u);
  uint64_t current = 0, versions = 0;
  counts(&current, &versions);
  EXPECT_EQ(current, 2u);
  IngestStats resumed = ingest(all);
  EXPECT_EQ(resumed.unchanged, 2u);
  EXPECT_EQ(resumed.added, 3u);
  EXPECT_EQ(resumed.batches, 3u);  // 1 of unchanged articles (nothing to write), 2, 1
  counts(&current, &versions);
  EXPECT_EQ(current, 5u);
  EXPECT_EQ(versions, 5u);
}

TEST_F(StoreTest, EmptyAndOneWordArticlesAreStored) {
  std::vector<Article> a = {article("empty", "x.example", ""),
                            article("word", "x.example", "Storm")};
  IngestStats s = ingest(a);
  EXPECT_EQ(s.added, 2u);
  EXPECT_EQ(ingest(a).unchanged, 2u);
}

TEST_F(StoreTest, AFiveMegabyteArticleIsStoredAndReadBack) {
  std::string text;
  text.reserve(5u << 20);
  for (int i = 0; text.size() < (5u << 20); ++i) {
    text += "Paragraph " + std::to_string(i) + " of the longest report about the Kessler bridge. ";
  }
  std::vector<Article> a = {article("huge", "long.example", text)};
  EXPECT_EQ(ingest(a).added, 1u);
  EXPECT_EQ(ingest(a).unchanged, 1u);
  std::unique_ptr<Store> store = open(true);
  std::vector<StorySummary> stories;
  ASSERT_TRUE(store->stories(&stories));
  bool found = false;
  StorySummary summary;
  std::vector<StoredArticle> rows;
  ASSERT_TRUE(store->story(stories[0].id, &found, &summary, &rows));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].article.text, text);
}

TEST_F(StoreTest, RefusesANewerSchema) {
  open().reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  OpenResult r = open_store(db_);
  ASSERT_FALSE(r.status);
  EXPECT_FALSE(r.store);
  EXPECT_NE(r.status.message().find("store schema version 99 is newer than this crosscheck (" +
                                    std::to_string(kSchemaVersion) + "); upgrade crosscheck"),
            std::string::npos)
      << r.status.message();
}

TEST_F(StoreTest, AVersionOneStoreIsMigratedAndKeepsItsArticles) {
  ingest(harbour_story());
  // Back to the version 1 layout: no raw_fingerprint column.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "ALTER TABLE articles DROP COLUMN raw_fingerprint; "
                         "UPDATE schema_version SET version = 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  {
    // Readers take it as it is (stories, report, serve): only ingest migrates.
    std::unique_ptr<Store> reader = open(true);
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader->schema_version(), 1);
    std::vector<StorySummary> stories;
    ASSERT_TRUE(reader->stories(&stories));
    EXPECT_FALSE(stories.empty());
  }
  OpenResult r = open_store(db_);
  ASSERT_TRUE(r.status) << r.status.message();
  EXPECT_EQ(r.store->schema_version(), kSchemaVersion);
  size_t rows = 0;
  ASSERT_TRUE(r.store->for_each_signature([&](Store::SignatureRow&& row) {
    ++rows;
    EXPECT_EQ(row.raw_fingerprint, 0u);  // not recorded before version 2
    EXPECT_TRUE(row.current);
  }));
  EXPECT_EQ(rows, 5u);
  r.store.reset();
  // Re-ingest: unchanged, and the fingerprints the articles now carry are recorded.
  std::vector<Article> again = harbour_story();
  for (size_t i = 0; i < again.size(); ++i) again[i].raw_fingerprint = 1000 + i;
  IngestStats second = ingest(again);
  EXPECT_EQ(second.unchanged, 5u);
  std::unique_ptr<Store> store = open();
  ThreadPool pool(1);
  Ingestor ingestor(*store, options_, &pool);
  ASSERT_TRUE(ingestor.open());
  KnownRecords& known = ingestor.known_records();
  EXPECT_EQ(known.size(), 5u);
  EXPECT_TRUE(known.seen("h3", 1002));
  EXPECT_FALSE(known.seen("h3", 1003));
}

TEST_F(StoreTest, OnlyTheCurrentVersionOfAnIdIsKnown) {
  std::vector<Article> first = {harbour_story()[0]};
  first[0].raw_fingerprint = 7;
  ingest(first);
  std::vector<Article> second = {harbour_story()[0]};
  second[0].text += " The ferry runs instead.";
  second[0].raw_fingerprint = 8;
  EXPECT_EQ(ingest(second).new_versions, 1u);
  std::unique_ptr<Store> store = open();
  ThreadPool pool(1);
  Ingestor ingestor(*store, options_, &pool);
  ASSERT_TRUE(ingestor.open());
  EXPECT_EQ(ingestor.known_records().size(), 1u);
  EXPECT_FALSE(ingestor.known_records().seen("h1", 7));  // the old version's record
}

TEST(KnownRecords, RemembersOneFingerprintPerIdAndGrows) {
  KnownRecords known;
  EXPECT_FALSE(known.seen("x", 5));  // unknown: remembered from now on
  EXPECT_TRUE(known.seen("x", 5));
  EXPECT_FALSE(known.seen("x", 6));  // another record under the id replaces it
  EXPECT_FALSE(known.seen("x", 5));
  EXPECT_EQ(known.size(), 1u);
  for (int i = 0; i < 5000; ++i) known.add("id" + std::to_string(i), 100 + i);
  EXPECT_EQ(known.size(), 5001u);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(known.seen("id" + std::to_string(i), 100 + i)) << i;
  }
  EXPECT_FALSE(known.seen("id17", 116));
  EXPECT_FALSE(known.seen("id5000", 5100));
  EXPECT_EQ(known.size(), 5002u);
}

TEST_F(StoreTest, ACorruptFileIsAClearError) {
  {
    std::ofstream out(db_, std::ios::binary);
    for (int i = 0; i < 1000; ++i) out << "this is not an SQLite database ";
  }
  OpenResult r = open_store(db_);
  ASSERT_FALSE(r.status);
  EXPECT_NE(r.status.message().find("not a crosscheck store or is damaged"), std::string::npos)
      << r.status.message();
}

TEST_F(StoreTest, ADamagedStoreIsAClearError) {
  ingest(harbour_story());
  // Overwrite the SQLite header and the first page.
  {
    std::fstream f(db_, std::ios::in | std::ios::out | std::ios::binary);
    std::string junk(4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  fs::remove(db_ + "-wal");
  fs::remove(db_ + "-shm");
  OpenResult r = open_store(db_);
  EXPECT_FALSE(r.status);
  EXPECT_FALSE(r.status.message().empty());
}

TEST_F(StoreTest, AForeignDatabaseIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  OpenResult r = open_store(db_);
  ASSERT_FALSE(r.status);
  EXPECT_NE(r.status.message().find("not a crosscheck store"), std::string::npos);
}

TEST(StoreCodecTest, SignatureRoundTrip) {
  dedup::Signature sig;
  sig.exact = 0x1234567890abcdefull;
  sig.num_words = 7;
  sig.num_shingles = 3;
  sig.minhash = {1, 2, 3, 4000000000u};
  sig.shingles = {5, 6, 0xffffffffffffull};
  dedup::Signature back;
  ASSERT_TRUE(decode_signature(encode_signature(sig), &back));
  EXPECT_EQ(back.exact, sig.exact);
  EXPECT_EQ(back.num_words, sig.num_words);
  EXPECT_EQ(back.num_shingles, sig.num_shingles);
  EXPECT_EQ(back.minhash, sig.minhash);
  EXPECT_EQ(back.shingles, sig.shingles);
  std::string blob = encode_signature(sig);
  EXPECT_FALSE(decode_signature(blob.substr(0, blob.size() - 1), &back));
  EXPECT_FALSE(decode_signature("", &back));
}

TEST(StoreCodecTest, ListsRoundTrip) {
  std::vector<Removed> removed = {{"appeal", "Donate \"now\"\n"}, {"byline", "By A. B."}};
  std::vector<Removed> back;
  ASSERT_TRUE(decode_removed(encode_removed(removed), &back));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].text, removed[0].text);
  std::vector<std::string> names = {"Ana", "Bo \u00e9"}, names_back;
  ASSERT_TRUE(decode_strings(encode_strings(names), &names_back));
  EXPECT_EQ(names_back, names);
}

// Every stored row carries content_hash: if its definition drifts, the next ingest stores every
// article again as a new version. Pinned to FNV-1a 64 over id, title, source, url, published and
// text, each followed by a 0xff byte (value computed outside this code base).
TEST(ContentHash, IsTheDocumentedFnvOverTheFields) {
  Article a;
  a.id = "a1";
  a.title = "Title";
  a.source = "harbour.example";
  a.url = "https://harbour.example/a1";
  a.published = "2026-03-12";
  a.text = "Body text.";
  a.language = "en";  // not part of the content
  EXPECT_EQ(content_hash(a), 0xbdb2fcc17580a730ull);
  a.text = "Body text!";
  EXPECT_NE(content_hash(a), 0xbdb2fcc17580a730ull);
}

TEST(ToStory, KeepsRowOrderAndMovesTheArticles) {
  StorySummary summary;
  summary.id = 42;
  summary.title = "Harbour strike ends";
  std::vector<StoredArticle> rows(3);
  const char* ids[] = {"b", "a", "c"};
  for (int i = 0; i < 3; ++i) {
    rows[i].seq = 42 + i;
    rows[i].article.id = ids[i];
    rows[i].article.text = std::string("text of ") + ids[i];
  }
  std::vector<Article> articles;
  Story story = to_story(summary, std::move(rows), &articles);
  EXPECT_EQ(story.id, "42");
  EXPECT_EQ(story.title, "Harbour strike ends");
  EXPECT_EQ(story.articles, (std::vector<std::string>{"b", "a", "c"}));
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[1].text, "text of a");
}

}  // namespace
}  // namespace crosscheck::store
