// Story clustering: determinism, joins and splits on small hand-made stories, the time window,
// the merge step, degenerate articles.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "crosscheck/cluster.h"
#include "crosscheck/text.h"

namespace crosscheck::cluster {
namespace {

Article make(std::string id, std::string title, std::string body, std::string date = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(body);
  a.published = std::move(date);
  a.language = "en";
  return a;
}

// The shipped setting: defaults plus the background document frequencies (a handful of test
// articles is far too few to learn IDF from).
Options shipped() {
  Options options;
  options.background_df = std::string(CROSSCHECK_SOURCE_DIR) + "/models/df-en.tsv.gz";
  return options;
}

// Runs the clusterer over `articles` in order; returns finish()'s ids.
std::vector<uint32_t> run(const std::vector<Article>& articles, const Options& options = shipped()) {
  text::Analyzer analyzer;
  StoryClusterer clusterer(options);
  std::string error;
  EXPECT_TRUE(clusterer.load_background(&error)) << error;
  std::vector<Document> docs;
  docs.reserve(articles.size());
  for (const Article& a : articles) docs.push_back(analyzer.analyze(a));
  for (size_t i = 0; i < articles.size(); ++i) clusterer.assign(docs[i], articles[i]);
  return clusterer.finish();
}

const std::vector<Article>& corpus() {
  static const std::vector<Article> articles = {
      make("quake1", "Strong earthquake strikes northern Chile",
           "A magnitude 7.1 earthquake struck northern Chile near the port city of Iquique on "
           "Tuesday, shaking buildings and cutting power. The Chilean navy issued a tsunami "
           "warning for the coast. Officials in Iquique said two people died.",
           "2014-04-01"),
      make("match1", "Arsenal beat Chelsea in London derby",
           "Arsenal beat Chelsea 3-1 at the Emirates Stadium on Sunday. Bukayo Saka scored twice "
           "and Martin Odegaard added a third as Arsenal moved top of the Premier League table. "
           "Chelsea manager Mauricio Pochettino called the defending poor.",
           "2014-04-01"),
      make("quake2", "Chile earthquake: tsunami warning lifted",
           "Chile lifted its tsunami warning on Wednesday after the magnitude 7.1 earthquake near "
           "Iquique. The navy said waves reached two metres. Two people died in Iquique and "
           "thousands spent the night outdoors after the earthquake.",
           "2014-04-02"),
      make("match2", "Saka double sinks Chelsea",
           "Bukayo Saka scored two goals as Arsenal defeated Chelsea 3-1 in the London derby at "
           "the Emirates Stadium. Odegaard also scored for Arsenal. Pochettino said Chelsea "
           "defended poorly and Arsenal deserved to win the Premier League match.",
           "2014-04-02"),
      make("quake3", "Iquique counts damage after quake",
           "Residents of Iquique returned home on Wednesday after the earthquake. Chile's "
           "president visited the city; the navy said the tsunami waves were smaller than feared. "
           "The magnitude 7.1 earthquake killed two people.",
           "2014-04-02"),
  };
  return articles;
}

TEST(StoryClusterer, SeparatesTwoStoriesAndJoinsParaphrases) {
  std::vector<uint32_t> ids = run(corpus());
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_EQ(ids[0], 0u);  // story id = arrival index of its first article
  EXPECT_EQ(ids[2], 0u);
  EXPECT_EQ(ids[4], 0u);
  EXPECT_EQ(ids[1], 1u);
  EXPECT_EQ(ids[3], 1u);
}

TEST(StoryClusterer, DeterministicAcrossRunsAndInstances) {
  std::vector<uint32_t> first = run(corpus());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(run(corpus()), first);
  // The online ids are reproducible too.
  auto online = [] {
    text::Analyzer analyzer;
    StoryClusterer clusterer(shipped());
    std::string error;
    EXPECT_TRUE(clusterer.load_background(&error)) << error;
    std::vector<uint32_t> out;
    for (const Article& a : corpus()) {
      Document doc = analyzer.analyze(a);
      out.push_back(clusterer.assign(doc, a));
    }
    return out;
  };
  EXPECT_EQ(online(), online());
}

TEST(StoryClusterer, TimeWindowKeepsDistantArticlesApart) {
  std::vector<Article> articles = corpus();
  // The same earthquake text half a year later is another story (an anniversary piece, a
  // recycled wire text): beyond the window it must not join.
  Article late = articles[2];
  late.id = "quake-late";
  late.published = "2014-10-01";
  articles.push_back(late);
  Options options = shipped();
  options.window_days = 7;
  std::vector<uint32_t> ids = run(articles, options);
  EXPECT_EQ(ids[2], 0u);
  EXPECT_EQ(ids[5], 5u);
  // A wide window lets it join.
  options.window_days = 365;
  ids = run(articles, options);
  EXPECT_EQ(ids[5], 0u);
}

TEST(StoryClusterer, StoriesReportsMembersAndDates) {
  text::Analyzer analyzer;
  StoryClusterer clusterer(shipped());
  std::string error;
  ASSERT_TRUE(clusterer.load_background(&error)) << error;
  for (const Article& a : corpus()) {
    Document doc = analyzer.analyze(a);
    clusterer.assign(doc, a);
  }
  clusterer.finish();
  std::vector<Story> stories = clusterer.stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].id, 0u);
  EXPECT_EQ(stories[0].articles, (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(stories[0].first_published, "2014-04-01");
  EXPECT_EQ(stories[0].last_published, "2014-04-02");
  EXPECT_EQ(stories[1].articles, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(clusterer.size(), 5u);
}

TEST(StoryClusterer, MergeStepJoinsStoriesThatStartedApart) {
  // With a join threshold nobody reaches online, every article opens a story; the merge step
  // (same similarity, lower bar) must still bring each story's articles together.
  Options options = shipped();
  options.join_threshold = 0.99;
  options.merge_threshold = 0.2;
  options.refine_passes = 0;
  std::vector<uint32_t> ids = run(corpus(), options);
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_EQ(ids[2], ids[4]);
  EXPECT_EQ(ids[1], ids[3]);
  EXPECT_NE(ids[0], ids[1]);
}

TEST(StoryClusterer, EmptyAndOneWordArticlesOpenTheirOwnStories) {
  std::vector<Article> articles = corpus();
  articles.push_back(make("empty", "", ""));
  articles.push_back(make("word", "", "Hello"));
  articles.push_back(make("punct", "", "!!! ... ---"));
  std::vector<uint32_t> ids = run(articles);
  EXPECT_EQ(ids[5], 5u);
  EXPECT_EQ(ids[6], 6u);
  EXPECT_EQ(ids[7], 7u);
  EXPECT_EQ(ids[0], ids[2]);
}

TEST(StoryClusterer, UnknownDatesAreNotHeldToTheWindow) {
  std::vector<Article> articles = corpus();
  for (Article& a : articles) a.published = (&a == &articles[2]) ? "" : "sometime in April";
  std::vector<uint32_t> ids = run(articles);
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_EQ(ids[1], ids[3]);
}

TEST(StoryClusterer, MissingBackgroundModelIsAnErrorNotACrash) {
  Options options;
  options.background_df = "/nonexistent/df.tsv.gz";
  StoryClusterer clusterer(options);
  std::string error;
  EXPECT_FALSE(clusterer.load_background(&error));
  EXPECT_NE(error.find("/nonexistent/df.tsv.gz"), std::string::npos);
}

TEST(StoryClusterer, WorksWithoutBackgroundModel) {
  Options options;
  StoryClusterer clusterer(options);
  std::string error;
  ASSERT_TRUE(clusterer.load_background(&error)) << error;  // empty path: nothing to load
  text::Analyzer analyzer;
  std::vector<uint32_t> ids;
  for (const Article& a : corpus()) {
    Document doc = analyzer.analyze(a);
    clusterer.assign(doc, a);
  }
  ids = clusterer.finish();
  EXPECT_EQ(ids, (std::vector<uint32_t>{0, 1, 0, 1, 0}));
}

}  // namespace
}  // namespace crosscheck::cluster
