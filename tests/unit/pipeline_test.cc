#include "crosscheck/pipeline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/ingest_capture.h"

namespace crosscheck::pipeline {
namespace {

using testing_support::TempDir;

// A JSONL feed of `n` articles from one outlet, each ending in the same promotional paragraph.
std::string feed(int n, const std::string& outlet) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "{\"id\":\"a" + std::to_string(i) + "\",\"source\":\"" + outlet +
           "\",\"text\":\"Article number " + std::to_string(i) +
           " reports that the canal lock number " + std::to_string(i) +
           " reopened after repairs.\\n\\nThe Lockkeepers Gazette is printed every Tuesday "
           "on recycled paper\"}\n";
  }
  return out;
}

TEST(Pipeline, StreamKeepsInputOrderAcrossChunksAndThreads) {
  TempDir dir;
  std::string path = dir.write("feed.jsonl", feed(50, "Lockkeepers Gazette"));
  for (size_t threads : {1u, 2u}) {
    Options options;
    options.threads = threads;
    options.chunk_articles = 7;  // many small chunks
    std::vector<std::string> ids;
    std::vector<Problem> problems;
    stream({path}, options, [&](Article&& a) { ids.push_back(a.id); },
           [&](Problem&& p) { problems.push_back(p); }, nullptr);
    ASSERT_EQ(ids.size(), 50u);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(ids[i], "a" + std::to_string(i));
    EXPECT_TRUE(problems.empty());
  }
}

TEST(Pipeline, RepeatedOutletParagraphIsRemovedAsTemplate) {
  TempDir dir;
  std::string path = dir.write("feed.jsonl", feed(5, "Lockkeepers Gazette"));
  Batch batch = read_all({path}, Options{}, nullptr);
  ASSERT_EQ(batch.articles.size(), 5u);
  for (const Article& a : batch.articles) {
    EXPECT_EQ(a.text.find("recycled paper"), std::string::npos) << a.text;
    ASSERT_EQ(a.removed.size(), 1u);
    EXPECT_EQ(a.removed[0].kind, "template");
    EXPECT_NE(a.text.find("reopened after repairs"), std::string::npos);
  }
}

TEST(Pipeline, ProgressIsReportedAndCountsMatch) {
  TempDir dir;
  std::string path = dir.write("feed.jsonl", feed(12, "Lockkeepers Gazette") + "{broken\n");
  Options options;
  options.chunk_articles = 5;
  Progress last;
  int calls = 0;
  uint64_t articles = 0;
  ingest::Stats stats = stream({path}, options, [&](Article&&) { ++articles; }, [](Problem&&) {},
                               [&](const Progress& p) {
                                 ++calls;
                                 last = p;
                               });
  EXPECT_EQ(articles, 12u);
  EXPECT_EQ(stats.records, 12u);
  EXPECT_EQ(stats.failed, 1u);
  EXPECT_GE(calls, 3);  // one per chunk at least
  EXPECT_EQ(last.articles, 12u);
  EXPECT_EQ(last.problems, 1u);
}

TEST(Pipeline, AnalyzeAllGivesOneDocumentPerArticle) {
  TempDir dir;
  std::string path = dir.write("feed.jsonl", feed(9, "Lockkeepers Gazette"));
  Batch batch = read_all({path}, Options{}, nullptr);
  ThreadPool pool(2);
  std::vector<Document> docs = analyze_all(batch.articles, {}, pool);
  ASSERT_EQ(docs.size(), batch.articles.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].text.data(), batch.articles[i].text.data());  // views the article
    EXPECT_FALSE(docs[i].sentences.empty());
    EXPECT_EQ(docs[i].stems.size(), docs[i].tokens.size());
  }
}

TEST(Pipeline, RawFingerprintCoversEveryFieldAndTheCleaningSwitches) {
  RawArticle base;
  base.id = "a1";
  base.source = "Lockkeepers Gazette";
  base.url = "https://gazette.example/a1";
  base.published = "2026-05-01";
  base.title = "Canal lock reopens";
  base.body = "The canal lock reopened after repairs.";
  base.authors = {"Ida Brenner"};
  const Options options;
  const uint64_t fp = raw_fingerprint(base, options);
  EXPECT_NE(fp, 0u);
  EXPECT_EQ(raw_fingerprint(RawArticle(base), options), fp);
  std::vector<RawArticle> changed(10, base);
  changed[0].id = "a2";
  changed[1].source = "Other Gazette";
  changed[2].url += "?print";
  changed[3].published = "2026-05-02";
  changed[4].title = "Canal lock reopen";                       // a byte moved from the title ...
  changed[4].body = "sThe canal lock reopened after repairs.";  // ... to the body
  changed[5].body += " ";
  changed[6].is_html = true;
  changed[7].charset = "windows-1252";
  changed[8].authors = {"Ida", "Brenner"};
  changed[9].authors.clear();
  for (size_t i = 0; i < changed.size(); ++i)
    EXPECT_NE(raw_fingerprint(changed[i], options), fp) << "change " << i;
  Options raw_text = options;
  raw_text.remove_boilerplate = false;
  EXPECT_NE(raw_fingerprint(base, raw_text), fp);
  Options templates = options;
  templates.boilerplate.template_min_articles = 4;
  EXPECT_NE(raw_fingerprint(base, templates), fp);
  Options edges = options;
  edges.boilerplate.edge_line_max_words = 9;
  EXPECT_NE(raw_fingerprint(base, edges), fp);
  Options no_language = options;
  no_language.detect_language = false;
  EXPECT_NE(raw_fingerprint(base, no_language), fp);
}

TEST(Pipeline, KnownRecordsAreLearnedFromButNotPassedOn) {
  // The repeated paragraph becomes a template at the third article: a run that knows the first
  // two must still strip it from the third, exactly as a full read does.
  TempDir dir;
  std::string path = dir.write("feed.jsonl", feed(6, "Lockkeepers Gazette"));
  for (size_t threads : {1u, 2u}) {
    Options options;
    options.threads = threads;
    options.chunk_articles = 2;
    options.fingerprint_raw = true;
    std::vector<Article> full;
    stream(
        {path}, options, [&](Article&& a) { full.push_back(std::move(a)); }, [](Problem&&) {},
        nullptr);
    ASSERT_EQ(full.size(), 6u);

    std::vector<std::string> asked;
    options.known = [&](const RawArticle& raw, uint64_t fingerprint) {
      EXPECT_EQ(fingerprint, raw_fingerprint(raw, options));
      asked.push_back(raw.id);
      return raw.id == "a0" || raw.id == "a1" || raw.id == "a4";
    };
    std::vector<Article> rest;
    stream(
        {path}, options, [&](Article&& a) { rest.push_back(std::move(a)); }, [](Problem&&) {},
        nullptr);
    EXPECT_EQ(asked, (std::vector<std::string>{"a0", "a1", "a2", "a3", "a4", "a5"}));
    ASSERT_EQ(rest.size(), 3u);
    const size_t expected[] = {2, 3, 5};
    for (size_t k = 0; k < rest.size(); ++k) {
      const Article& want = full[expected[k]];
      EXPECT_EQ(rest[k].id, want.id);
      EXPECT_EQ(rest[k].text, want.text);
      EXPECT_EQ(rest[k].removed.size(), want.removed.size());
      EXPECT_EQ(rest[k].raw_fingerprint, want.raw_fingerprint);
      EXPECT_NE(rest[k].raw_fingerprint, 0u);
    }
    EXPECT_EQ(rest[0].text.find("recycled paper"), std::string::npos) << rest[0].text;
  }
}

}  // namespace
}  // namespace crosscheck::pipeline
