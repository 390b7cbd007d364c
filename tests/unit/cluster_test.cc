// Story clustering: sparse vector arithmetic, determinism, joins and splits on small hand-made
// stories, the time window, the merge step, degenerate articles.
#include "crosscheck/cluster.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "src/cluster/day.h"
#include "src/cluster/features.h"
#include "src/cluster/sparse.h"

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
std::vector<uint32_t> run(const std::vector<Article>& articles,
                          const Options& options = shipped()) {
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

// Two title defences by one (invented) champion: the same setting, another challenger.
std::vector<Article> title_defences() {
  auto report = [](const char* id, const char* challenger, const char* day) {
    std::string c = challenger;
    return make(id, "Vollmer stops " + c + " to keep heavyweight belts",
                "Dariusz Vollmer stopped " + c +
                    " in the seventh round in Graz on Saturday to "
                    "keep his heavyweight titles. Vollmer knocked " +
                    c +
                    " down twice before the "
                    "referee ended the fight. " +
                    c + " had never been stopped before.",
                day);
  };
  return {report("a1", "Okafor", "2014-04-05"), report("a2", "Okafor", "2014-04-06"),
          report("a3", "Okafor", "2014-04-06"), report("b1", "Brandt", "2014-04-08")};
}

// The participant test on its own (relative test and merges off, a join threshold between the
// similarity of the second defence to the first story with and without the penalty).
TEST(StoryClusterer, AnArticleWithAnotherParticipantIsAnotherIncident) {
  Options options = shipped();
  options.cohesion_ratio = 0;
  options.merge_threshold = 1.01;
  options.join_threshold = 0.4;
  std::vector<uint32_t> ids = run(title_defences(), options);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[1], 0u);
  EXPECT_EQ(ids[2], 0u);
  EXPECT_EQ(ids[3], 3u);  // Brandt is named four times, and never by the Okafor story
  options.novel_name_penalty = 0;
  EXPECT_EQ(run(title_defences(), options)[3], 0u);  // the rest of its text is the same
}

TEST(StoryClusterer, SalientNamesAreTheHeaviestRepeatedNames) {
  std::vector<TermFrequency> tf = {
      {1, 2.0f, true}, {2, 1.0f, false}, {3, 2.0f, true}, {5, 2.0f, true}, {7, 1.0f, true}};
  SparseVector vec = {{1, 0.2f}, {2, 0.9f}, {3, 0.5f}, {7, 0.3f}};  // 5 was pruned away
  EXPECT_EQ(salient_names(tf, vec, 2), (std::vector<uint32_t>{3, 7}));
  EXPECT_EQ(salient_names(tf, vec, 10), (std::vector<uint32_t>{3, 7, 1}));
  EXPECT_TRUE(salient_names(tf, vec, 0).empty());
}

// The lead (the body's first `lead_sentences` sentences) weighs more: a word there counts
// 1 + lead_boost times, and a name written once there is already a repeated name.
TEST(StoryFeatures, TheLeadCountsMoreThanTheRestOfTheBody) {
  const Article article = make("lead", "",
                               "Crews rebuilt the harbour at Port Alder. The mayor spoke on "
                               "Monday with Ines Okonkwo. Ferries return next week. Tickets are "
                               "cheaper. A lighthouse keeper named Vasquez was at the crossing.");
  text::Analyzer analyzer;
  const Document doc = analyzer.analyze(article);
  ASSERT_GE(doc.sentences.size(), 5u);
  auto features = [&](const Options& options) {
    Terms terms;
    FeatureExtractor extractor(options, &terms);
    std::vector<TermFrequency> tf = extractor.extract(doc, article);
    std::map<std::string, TermFrequency> by_stem;
    text::Stemmer stemmer("en");
    for (std::string word : {"harbour", "lighthouse", "okonkwo", "vasquez"}) {
      const uint32_t id = terms.intern(stemmer.stem(word));
      for (const TermFrequency& t : tf)
        if (t.term == id) by_stem[word] = t;
      EXPECT_EQ(by_stem.count(word), 1u) << word;
    }
    return by_stem;
  };
  Options options;
  options.lead_sentences = 3;
  options.lead_boost = 2.0;
  auto lead = features(options);
  EXPECT_GT(lead["harbour"].tf, lead["lighthouse"].tf);
  EXPECT_TRUE(lead["okonkwo"].repeated_name);    // once, in the second sentence
  EXPECT_FALSE(lead["vasquez"].repeated_name);   // once, in the fifth
  options.lead_sentences = 0;
  auto flat = features(options);
  EXPECT_FLOAT_EQ(flat["harbour"].tf, flat["lighthouse"].tf);
  EXPECT_FALSE(flat["okonkwo"].repeated_name);
  EXPECT_FLOAT_EQ(flat["lighthouse"].tf, lead["lighthouse"].tf);  // past the lead: unchanged
}

// Datelines and timestamps are capitalised but name no participant: an outlet that prints
// "Updated 22:46 GMT" twice does not bring a participant its story's other outlets never name.
TEST(StoryFeatures, TimestampWordsAreNotNames) {
  const Article article = make("stamped", "",
                               "Posted Tue Dec 16, 2008 1:30 AM EST. Updated Tue Dec 16, 2008 "
                               "9:05 PM EST. The council of Port Alder met Ines Okonkwo on the "
                               "harbour, and Okonkwo said the Council would rebuild it. Last "
                               "updated at 22:46 GMT, first seen at 14:10 GMT.");
  text::Analyzer analyzer;
  const Document doc = analyzer.analyze(article);
  Terms terms;
  const Options options;  // the extractor keeps a reference: not a temporary
  FeatureExtractor extractor(options, &terms);
  const std::vector<TermFrequency> tf = extractor.extract(doc, article);
  text::Stemmer stemmer("en");
  auto find = [&](const std::string& word) {
    const uint32_t id = terms.intern(stemmer.stem(word));
    for (const TermFrequency& t : tf)
      if (t.term == id) return t;
    ADD_FAILURE() << word << " not among the terms";
    return TermFrequency{};
  };
  for (const char* stamp : {"tue", "dec", "am", "pm", "est", "gmt"})
    EXPECT_FALSE(find(stamp).repeated_name) << stamp;
  EXPECT_TRUE(find("okonkwo").repeated_name);  // the control: a name written twice
  EXPECT_LT(find("gmt").tf, find("okonkwo").tf);  // and no name boost for the stamp
}

// A pile: given to the clusterer by date, copies not given at all but put in their original's
// story; each article gets the input index of its story's first (earliest) article.
TEST(ClusterPile, ByDateWithCopiesFollowingTheirOriginal) {
  std::vector<Article> pile = {corpus()[2], corpus()[0], corpus()[2], corpus()[1]};
  pile[2].id = "quake2-copy";
  const std::vector<uint32_t> group = {0, 1, 0, 3};  // 2 is a copy of 0
  text::Analyzer analyzer;
  std::vector<Document> docs;
  docs.reserve(pile.size());
  for (const Article& a : pile) docs.push_back(analyzer.analyze(a));
  StoryClusterer clusterer(shipped());
  std::string error;
  ASSERT_TRUE(clusterer.load_background(&error)) << error;
  const std::vector<uint32_t> story_of = cluster_pile(clusterer, pile, docs, group);
  EXPECT_EQ(clusterer.size(), 3u);  // the copy never reached it
  // quake1 (input 1, 2014-04-01) comes before quake2 (input 0, 2014-04-02): the story is 1's.
  EXPECT_EQ(story_of, (std::vector<uint32_t>{1, 1, 1, 3}));
}

TEST(PublicationOrder, ByDayStableWithUndatedAfterTheDatedOneBeforeThem) {
  std::vector<std::string_view> published = {
      "",                      // 0: undated before any dated article: first
      "2021-05-03T10:00:00Z",  // 1
      "2021-05-01",            // 2
      "yesterday",             // 3: unreadable, so undated: stays after 2
      "2021-05-03",            // 4: the same day as 1, after it in the input
      "2021/05/02",            // 5
      "",                      // 6: after 5
      "2020-12-31",            // 7
  };
  EXPECT_EQ(publication_order(published), (std::vector<uint32_t>{0, 7, 2, 3, 5, 6, 1, 4}));
  EXPECT_TRUE(publication_order({}).empty());
  // No such day (2019 is no leap year): undated, so it stays after the dated article before it.
  EXPECT_EQ(publication_order({"2019-03-05", "2019-02-29", "2019-03-01"}),
            (std::vector<uint32_t>{2, 0, 1}));
  std::vector<std::string_view> undated(3, "");
  EXPECT_EQ(publication_order(undated), (std::vector<uint32_t>{0, 1, 2}));  // input order
}

// Term ids are dense, in order of first sight, and the same text always gets the same id —
// across the table's growth, for prefixes of one another, the empty string and arbitrary bytes.
TEST(ClusterTerms, InternGivesDenseIdsInOrderOfFirstSight) {
  Terms terms;
  std::vector<std::string> words = {"", "a", "aa", "aaa", std::string("a\0b", 3), "\xff\xfe"};
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {  // past several doublings of the table
    std::string w(1 + rng() % 12, 'x');
    for (char& c : w) c = static_cast<char>('a' + rng() % 26);
    words.push_back(w);
  }
  std::map<std::string, uint32_t> first_id;
  for (const std::string& w : words) {
    const uint32_t expected = static_cast<uint32_t>(first_id.size());
    auto [it, fresh] = first_id.try_emplace(w, expected);
    const uint32_t id = terms.intern(w);
    EXPECT_EQ(id, it->second) << w;
    if (fresh) {
      EXPECT_EQ(id, expected);
    }
  }
  EXPECT_EQ(terms.size(), first_id.size());
  for (const auto& [w, id] : first_id) EXPECT_EQ(terms.intern(w), id) << w;  // nothing moved
  EXPECT_EQ(terms.size(), first_id.size());                                 // nor was added
}

// A random pile's `published` fields: 1 to `max_articles` of them, a fifth empty, a fifth
// unreadable (undated), the rest days of one year, with many ties.
std::vector<std::string> random_published(std::mt19937& rng, size_t max_articles) {
  std::vector<std::string> published(1 + rng() % max_articles);
  for (std::string& p : published) {
    switch (rng() % 5) {
      case 0: p = ""; break;
      case 1: p = "last week"; break;
      default: p = "2022-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
    }
  }
  return published;
}

// Runs `published` (one article each, id = input index) through a PublicationOrderBuffer of
// `capacity`; returns the input indices in the order they came out.
std::vector<uint32_t> through_buffer(const std::vector<std::string>& published, size_t capacity) {
  std::vector<uint32_t> out;
  PublicationOrderBuffer buffer(capacity,
                                [&](Article&& a) { out.push_back(std::stoul(a.id)); });
  for (size_t i = 0; i < published.size(); ++i) {
    buffer.push(make(std::to_string(i), "", "text", published[i]));
    EXPECT_LE(buffer.held(), capacity);
  }
  buffer.flush();
  EXPECT_EQ(buffer.held(), 0u);
  return out;
}

TEST(PublicationOrderBuffer, AsLargeAsThePileItSortsItLikePublicationOrder) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> published = random_published(rng, 60);
    std::vector<std::string_view> views(published.begin(), published.end());
    const std::vector<uint32_t> expected = publication_order(views);
    EXPECT_EQ(through_buffer(published, published.size()), expected);
    EXPECT_EQ(through_buffer(published, published.size() + 5), expected);
  }
}

TEST(PublicationOrderBuffer, MendsDisorderSmallerThanItsCapacity) {
  // Days 0..199 in order, then every block of k + 1 reversed: no article is more than k places
  // after where it belongs, so a buffer of k puts them all back; a buffer of k - 1 cannot.
  constexpr size_t k = 6;
  std::vector<std::string> published;
  for (int day = 0; day < 200; ++day) published.push_back(format_day(18000 + day));
  for (size_t b = 0; b + k + 1 <= published.size(); b += k + 1)
    std::reverse(published.begin() + b, published.begin() + b + k + 1);
  std::vector<std::string_view> views(published.begin(), published.end());
  const std::vector<uint32_t> sorted = publication_order(views);
  EXPECT_EQ(through_buffer(published, k), sorted);
  std::vector<uint32_t> short_of_it = through_buffer(published, k - 1);
  EXPECT_NE(short_of_it, sorted);
  std::sort(short_of_it.begin(), short_of_it.end());  // but nothing is lost or doubled
  std::vector<uint32_t> all(published.size());
  std::iota(all.begin(), all.end(), 0u);
  EXPECT_EQ(short_of_it, all);
  // Capacity 0: straight through, in input order.
  EXPECT_EQ(through_buffer(published, 0), all);
}

// A PublicationSort holding `memory` articles (at most `max_runs` runs open); returns the input
// indices (ids) in the order finish() gave them.
std::vector<uint32_t> through_sort(const std::vector<std::string>& published, size_t memory,
                                   size_t max_runs, size_t* runs = nullptr) {
  PublicationSort sort(memory, testing::TempDir(), max_runs);
  std::string error;
  for (size_t i = 0; i < published.size(); ++i)
    EXPECT_TRUE(sort.push(make(std::to_string(i), "", "text", published[i]), &error)) << error;
  std::vector<uint32_t> out;
  EXPECT_TRUE(sort.finish([&](Article&& a) { out.push_back(std::stoul(a.id)); }, &error))
      << error;
  if (runs != nullptr) *runs = sort.runs_written();
  return out;
}

TEST(PublicationSort, SortsAPileOfAnySizeLikePublicationOrder) {
  std::mt19937 rng(11);
  size_t spilled = 0;
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> published = random_published(rng, 400);
    std::vector<std::string_view> views(published.begin(), published.end());
    const std::vector<uint32_t> expected = publication_order(views);
    // Memory of 1 to 20 articles: up to 400 runs, merged into one every 2 to 5 runs.
    size_t runs = 0;
    EXPECT_EQ(through_sort(published, 1 + rng() % 20, 2 + rng() % 4, &runs), expected);
    spilled += runs;
    EXPECT_EQ(through_sort(published, published.size() + 1, 64), expected);  // all in memory
  }
  EXPECT_GT(spilled, 1000u);  // the files were used, not just the memory
}

TEST(PublicationSort, AnArticleComesBackWhole) {
  Article a = make("a\n\"1\"", "Title with é", std::string("nul \0 inside", 12), "2020-02-02");
  a.text += std::string(200000, 'x');  // larger than the file buffer
  a.source = "outlet.example";
  a.url = "https://outlet.example/a";
  a.removed = {{"byline", "By Someone"}, {"navigation", ""}};
  a.authors = {"Someone", "Other One"};
  a.credits = {"with wires"};
  a.duplicate_of = "b";
  a.raw_fingerprint = 0xfedcba9876543210ull;
  Article b = make("b", "", "", "2020-02-01");  // empty fields and lists too
  PublicationSort sort(1, testing::TempDir());
  std::string error;
  ASSERT_TRUE(sort.push(Article(a), &error)) << error;
  ASSERT_TRUE(sort.push(Article(b), &error)) << error;
  EXPECT_EQ(sort.runs_written(), 2u);
  std::vector<Article> out;
  ASSERT_TRUE(sort.finish([&](Article&& x) { out.push_back(std::move(x)); }, &error)) << error;
  ASSERT_EQ(out.size(), 2u);
  for (const auto& [got, want] : {std::pair{&out[0], &b}, std::pair{&out[1], &a}}) {
    EXPECT_EQ(got->id, want->id);
    EXPECT_EQ(got->source, want->source);
    EXPECT_EQ(got->url, want->url);
    EXPECT_EQ(got->title, want->title);
    EXPECT_EQ(got->published, want->published);
    EXPECT_EQ(got->language, want->language);
    EXPECT_EQ(got->text, want->text);
    ASSERT_EQ(got->removed.size(), want->removed.size());
    for (size_t i = 0; i < got->removed.size(); ++i) {
      EXPECT_EQ(got->removed[i].kind, want->removed[i].kind);
      EXPECT_EQ(got->removed[i].text, want->removed[i].text);
    }
    EXPECT_EQ(got->authors, want->authors);
    EXPECT_EQ(got->credits, want->credits);
    EXPECT_EQ(got->duplicate_of, want->duplicate_of);
    EXPECT_EQ(got->raw_fingerprint, want->raw_fingerprint);
  }
  // Empty again after finish(), and usable.
  ASSERT_TRUE(sort.push(make("c", "", "", ""), &error)) << error;
  out.clear();
  ASSERT_TRUE(sort.finish([&](Article&& x) { out.push_back(std::move(x)); }, &error)) << error;
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].id, "c");
}

TEST(PublicationSort, NamesTheDirectoryItCannotWriteTo) {
  const std::string missing = testing::TempDir() + "/no-such-directory";
  PublicationSort sort(2, missing);
  std::string error;
  EXPECT_TRUE(sort.push(make("a", "", "", ""), &error));  // held in memory
  EXPECT_FALSE(sort.push(make("b", "", "", ""), &error));  // the first run cannot be made
  EXPECT_NE(error.find(missing), std::string::npos) << error;
  EXPECT_NE(error.find("could not create"), std::string::npos) << error;
}

TEST(PublicationSortDeathTest, AFullDiskIsAnErrorNotALoss) {
  // A file size limit makes the run's writes fail (EFBIG) as a full disk would; in a child
  // process, so the limit binds nothing else. It exits 3 when the error names the reason.
  auto body = [] {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{64 * 1024, 64 * 1024};
    setrlimit(RLIMIT_FSIZE, &limit);
    PublicationSort sort(4, testing::TempDir());
    std::string error;
    for (int i = 0; i < 400 && error.empty(); ++i) {
      sort.push(make(std::to_string(i), "", std::string(10000, 'w'), "2021-01-01"), &error);
    }
    std::exit(error.find("could not write") != std::string::npos &&
                      error.find(std::strerror(EFBIG)) != std::string::npos
                  ? 3
                  : 4);
  };
  EXPECT_EXIT(body(), testing::ExitedWithCode(3), "");
}

TEST(StoryClusterer, CountsArticlesThatArriveMoreThanAWindowLate) {
  text::Analyzer analyzer;
  StoryClusterer clusterer(shipped());
  std::string error;
  ASSERT_TRUE(clusterer.load_background(&error)) << error;
  const std::vector<std::pair<const char*, uint64_t>> arrivals = {
      {"2014-04-01", 0}, {"2014-04-09", 0},
      {"2014-04-01", 1},  // 8 days before the clock: late
      {"2014-04-02", 1},  // 7 days: inside the window
      {"", 1},            // undated: never late
      {"2013-01-01", 2}};
  for (const auto& [date, late] : arrivals) {
    Article a = make(std::string("a") + date, "Harbour fire", "Crews fought a fire at the harbour.",
                     date);
    clusterer.assign(analyzer.analyze(a), a);
    EXPECT_EQ(clusterer.late_arrivals(), late) << date;
  }
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

// ---- sparse vectors ------------------------------------------------------------------------

SparseVector random_vector(std::mt19937& rng, size_t n, uint32_t universe) {
  std::set<uint32_t> terms;
  std::uniform_int_distribution<uint32_t> term(0, universe - 1);
  while (terms.size() < n) terms.insert(term(rng));
  std::uniform_real_distribution<float> weight(-1.0f, 1.0f);
  SparseVector v;
  for (uint32_t t : terms) v.push_back({t, weight(rng)});
  return v;
}

// The textbook definition, summed in ascending term order.
double reference_dot(const SparseVector& a, const SparseVector& b) {
  std::map<uint32_t, float> bw;
  for (const Entry& e : b) bw[e.term] = e.weight;
  double s = 0;
  for (const Entry& e : a) {
    auto it = bw.find(e.term);
    if (it != bw.end()) s += static_cast<double>(e.weight) * it->second;
  }
  return s;
}

TEST(Sparse, DotEqualsTheDefinitionForEveryShapeOfInput) {
  std::mt19937 rng(7);
  // Sizes on both sides of the galloping switch (one vector more than 8x the other).
  const std::pair<size_t, size_t> shapes[] = {{0, 10},    {1, 1},   {5, 5000}, {150, 300},
                                              {300, 150}, {10, 81}, {10, 79},  {3000, 2}};
  for (auto [na, nb] : shapes) {
    for (uint32_t universe : {50u, 20000u}) {
      SparseVector a = random_vector(rng, std::min<size_t>(na, universe), universe);
      SparseVector b = random_vector(rng, std::min<size_t>(nb, universe), universe);
      EXPECT_EQ(dot(a, b), reference_dot(a, b)) << na << " x " << nb << " of " << universe;
      EXPECT_EQ(dot(b, a), reference_dot(a, b)) << nb << " x " << na << " of " << universe;
    }
  }
}

// The dense form scores one vector against many with the same bits as dot() (the clusterer's
// decisions must not change with it), and unload() leaves nothing behind for the next load.
TEST(Sparse, DenseVectorDotHasTheBitsOfDot) {
  std::mt19937 rng(13);
  DenseVector dense;
  const std::pair<size_t, size_t> shapes[] = {{0, 10},    {1, 1},   {5, 5000}, {150, 300},
                                              {300, 150}, {10, 81}, {10, 79},  {3000, 2}};
  for (auto [na, nb] : shapes) {
    for (uint32_t universe : {50u, 20000u}) {
      SparseVector a = random_vector(rng, std::min<size_t>(na, universe), universe);
      dense.load(a, universe);
      for (int other = 0; other < 5; ++other) {
        SparseVector b = random_vector(rng, std::min<size_t>(nb, universe), universe);
        EXPECT_EQ(dense.dot(b), dot(a, b)) << na << " x " << nb << " of " << universe;
        EXPECT_EQ(dense.dot(b), reference_dot(a, b)) << na << " x " << nb << " of " << universe;
      }
      dense.unload();
      SparseVector empty;
      dense.load(empty, universe);  // a zero vector now: every dot is 0
      EXPECT_EQ(dense.dot(random_vector(rng, std::min<size_t>(40, universe), universe)), 0.0);
      dense.unload();
    }
  }
}

TEST(Sparse, LeaveOneOutCosineEqualsTheExplicitDifference) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    SparseVector sum = random_vector(rng, 1 + trial * 7 % 900, 3000);
    SparseVector v = random_vector(rng, 1 + trial % 150, 3000);
    // Make part of v a real member of sum (same terms, some with the same weight, so that the
    // difference leaves exact zeros that add_scaled drops).
    for (size_t i = 0; i < v.size() && i < sum.size(); i += 3) {
      v[i].term = sum[i * sum.size() / v.size() % sum.size()].term;
    }
    std::sort(v.begin(), v.end(), [](const Entry& x, const Entry& y) { return x.term < y.term; });
    v.erase(std::unique(v.begin(), v.end(),
                        [](const Entry& x, const Entry& y) { return x.term == y.term; }),
            v.end());
    for (size_t i = 0, j = 0; i < v.size() && j < sum.size();) {
      if (v[i].term < sum[j].term) {
        ++i;
      } else if (sum[j].term < v[i].term) {
        ++j;
      } else {
        if (j % 2 == 0) v[i].weight = sum[j].weight;
        ++i;
        ++j;
      }
    }
    SparseVector rest = sum;
    add_scaled(rest, v, -1.0f);
    double n = norm(rest);
    double expected = n > 0 ? dot(v, rest) / n : 0.0;
    EXPECT_EQ(leave_one_out_cosine(sum, v), expected) << "trial " << trial;
  }
  // Only member: nothing is left, the cosine is 0.
  SparseVector one = {{1, 0.6f}, {4, 0.8f}};
  EXPECT_EQ(leave_one_out_cosine(one, one), 0.0);
}

TEST(Sparse, SparseSumHasTheBitsOfAddingOneByOne) {
  std::mt19937 rng(5);
  SparseSum summing;  // reused across trials: take() must leave it empty
  for (int trial = 0; trial < 100; ++trial) {
    SparseVector expected;
    for (int k = 0; k < 1 + trial % 40; ++k) {
      SparseVector v = random_vector(rng, 1 + (trial * 13 + k * 7) % 200, 200 + trial * 50);
      for (Entry& e : v) e.weight = std::fabs(e.weight) + 0.01f;  // article weights are positive
      add_scaled(expected, v, 1.0f);
      summing.add(v);
    }
    SparseVector got = summing.take();
    ASSERT_EQ(got.size(), expected.size()) << "trial " << trial;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].term, expected[i].term) << "trial " << trial;
      EXPECT_EQ(got[i].weight, expected[i].weight) << "trial " << trial;  // bits, not tolerance
    }
  }
  EXPECT_TRUE(summing.take().empty());
}

// ---- the time test ---------------------------------------------------------------------------

// Two floods of one kind in two (invented) towns: the same setting and wording, other names.
// Six reports of each; `order` lists which incident (0 or 1) each arrival reports.
std::vector<Article> two_floods(const std::vector<int>& order) {
  static const char* town[] = {"Harwick", "Pellingford"};
  static const char* mayor[] = {"Ostrander", "Quaylemont"};
  static const char* river[] = {"Tamsel", "Briscoe"};
  static const char* lines[] = {
      "Heavy rain flooded the valley overnight and forced hundreds of residents from their homes.",
      "Emergency crews used boats to rescue families trapped on rooftops.",
      "The river burst its banks after three days of storms.",
      "Schools and shops stayed closed while the water receded slowly.",
      "Insurers said the damage to houses and roads would be severe.",
      "Forecasters warned that more rain was expected later in the week.",
      "Volunteers filled sandbags at the town hall through the night.",
  };
  std::vector<Article> out;
  int seen[2] = {0, 0};
  for (int incident : order) {
    int k = seen[incident]++;
    std::string t = town[incident], m = mayor[incident], r = river[incident];
    std::string body = "Floods hit " + t + " as the " + r + " rose and Mayor " + m +
                       " declared an emergency. ";
    for (int j = 0; j < 5; ++j) body += std::string(lines[(k + 2 * j) % 7]) + " ";
    out.push_back(make(std::string(1, static_cast<char>('a' + incident)) + std::to_string(k),
                       "Floods force hundreds from their homes", body));
  }
  return out;
}

// The tests above off, joins easy: what keeps the two floods apart is the time test alone.
Options floods_options() {
  Options options = shipped();
  options.novel_name_penalty = 0;
  options.cohesion_ratio = 0;
  options.join_threshold = 0.05;
  return options;
}

TEST(StoryClusterer, ASecondIncidentThatComesLaterIsSplitOff) {
  std::vector<int> order = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
  Options options = floods_options();
  options.split_ratio = 0;
  std::vector<uint32_t> ids = run(two_floods(order), options);
  ASSERT_EQ(ids.size(), 12u);
  // Without the time test the second flood's reports join the first's story...
  EXPECT_EQ(std::set<uint32_t>(ids.begin(), ids.end()).size(), 1u);
  // ...with it, finish() splits them off: the later incident opens a story of its own.
  ids = run(two_floods(order), floods_options());
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(ids[i], 0u) << i;
  for (size_t i = 6; i < 12; ++i) EXPECT_EQ(ids[i], 6u) << i;
}

TEST(StoryClusterer, TheSameArticlesInterleavedAreNotSplitByTime) {
  // Both floods reported side by side: nothing says which came later, so the time test does not
  // apply and the story stays as the other tests made it.
  std::vector<int> order = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
  std::vector<uint32_t> ids = run(two_floods(order), floods_options());
  EXPECT_EQ(std::set<uint32_t>(ids.begin(), ids.end()).size(), 1u);
}

TEST(StoryClusterer, AMergeOfALaterIncidentIsRefused) {
  // Online, the participant test keeps the second flood's reports (other names) out of the first
  // flood's story, so each flood makes a story; a merge pass then judges the pair (no finish()
  // refinement, so no split).
  std::vector<int> order = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
  Options options = shipped();
  options.cohesion_ratio = 0;
  options.merge_threshold = 0.1;
  options.merge_every = 12;
  options.refine_passes = 0;
  std::vector<uint32_t> ids = run(two_floods(order), options);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(ids[i], 0u) << i;
  for (size_t i = 6; i < 12; ++i) EXPECT_EQ(ids[i], 6u) << i;
  options.split_ratio = 0;  // without the time test the merge folds both floods into one
  ids = run(two_floods(order), options);
  EXPECT_EQ(std::set<uint32_t>(ids.begin(), ids.end()).size(), 1u);
}

// ---- incremental merge passes ----------------------------------------------------------------

// A stream of generated articles over a few dozen overlapping topics, so that stories start
// apart, grow together and merge many times.
std::vector<Article> generated_stream(size_t n) {
  std::mt19937 rng(2024);
  const int topics = 40;
  auto word = [](int topic, int k) {
    // Capitalised names (boosted as names) and plain words per topic, plus shared words.
    static const char* syll[] = {"ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "dan", "pi"};
    std::string w;
    int x = topic * 37 + k * 11 + 3;
    for (int i = 0; i < 3; ++i, x /= 10) w += syll[x % 10];
    if (k % 4 == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w + std::to_string(topic % 7);
  };
  std::vector<Article> out;
  std::uniform_int_distribution<int> pick_topic(0, topics - 1);
  std::uniform_int_distribution<int> pick_word(0, 29);
  std::uniform_int_distribution<int> coin(0, 9);
  for (size_t i = 0; i < n; ++i) {
    int t = pick_topic(rng);
    int u = coin(rng) < 3 ? (t + 1) % topics : t;  // some articles straddle two topics
    std::string body;
    for (int k = 0; k < 80; ++k) {
      body += word(k % 3 == 0 ? u : t, pick_word(rng));
      body += k % 12 == 11 ? ". " : " ";
    }
    out.push_back(make("g" + std::to_string(i), word(t, 0) + " " + word(t, 1), body));
  }
  return out;
}

TEST(StoryClusterer, IncrementalMergePassesDecideAsJudgingEveryPair) {
  std::vector<Article> stream = generated_stream(600);
  auto online_and_final = [&](bool rejudge_all_pairs) {
    Options options;  // IDF learned from the stream: the generated words are not English
    options.merge_every = 7;
    options.join_threshold = 0.35;  // stories start apart, the merge passes bring them together
    options.merge_threshold = 0.3;
    options.rejudge_all_pairs = rejudge_all_pairs;
    StoryClusterer clusterer(options);
    text::Analyzer analyzer;
    std::vector<uint32_t> ids;
    for (const Article& a : stream) {
      Document doc = analyzer.analyze(a);
      ids.push_back(clusterer.assign(doc, a));
    }
    std::vector<uint32_t> final_ids = clusterer.finish();
    ids.insert(ids.end(), final_ids.begin(), final_ids.end());
    return std::make_pair(ids, std::set<uint32_t>(final_ids.begin(), final_ids.end()).size());
  };
  auto [incremental, stories] = online_and_final(false);
  auto [reference, reference_stories] = online_and_final(true);
  EXPECT_EQ(incremental, reference);
  EXPECT_EQ(stories, reference_stories);
  // The stream is one where merging matters: neither one story nor one per article.
  EXPECT_GT(stories, 5u);
  EXPECT_LT(stories, 300u);
}

}  // namespace
}  // namespace crosscheck::cluster
