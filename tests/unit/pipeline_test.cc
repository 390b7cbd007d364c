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

}  // namespace
}  // namespace crosscheck::pipeline
