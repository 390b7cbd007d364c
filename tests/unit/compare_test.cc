#include "crosscheck/compare.h"

#include <gtest/gtest.h>

#include <random>

#include "crosscheck/text.h"

namespace crosscheck::compare {
namespace {

struct Texts {
  std::vector<Article> articles;
  std::vector<Document> docs;
  std::vector<std::vector<facts::Fact>> facts;
  std::vector<const Article*> a;
  std::vector<const Document*> d;

  explicit Texts(const std::vector<std::string>& texts) {
    text::AnalyzerOptions o;
    o.detect_language = false;
    text::Analyzer analyzer(o);
    for (size_t i = 0; i < texts.size(); ++i) {
      Article art;
      art.id = "t" + std::to_string(i);
      art.text = texts[i];
      art.language = "en";
      articles.push_back(art);
    }
    for (const Article& art : articles) {
      docs.push_back(analyzer.analyze(art));
      docs.back().language = "en";
    }
    for (size_t i = 0; i < articles.size(); ++i) {
      a.push_back(&articles[i]);
      d.push_back(&docs[i]);
      facts.push_back(facts::extract(docs[i]));
    }
  }
  std::vector<Change> changes(size_t source, size_t derived) {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (uint32_t s = 0; s < docs[source].sentences.size() && s < docs[derived].sentences.size();
         ++s)
      pairs.emplace_back(s, s);
    return find_changes(docs[source], docs[derived], facts[source], facts[derived], pairs);
  }
};

bool has(const std::vector<Change>& changes, const std::string& kind, const std::string& from,
         const std::string& to) {
  for (const Change& c : changes)
    if (c.kind == kind && c.source_value == from && c.derived_value == to) return true;
  return false;
}

TEST(ChangesTest, WeekdaysPairedInOrderAndCountsByUnit) {
  Texts t(
      {"The envoy met the minister on Saturday and the delegation on Sunday in Tallis.\n\n"
       "About 1,200 workers and 30 ships were idle.",
       "The envoy met the minister on Thursday and the delegation on Friday in Tallis.\n\n"
       "About 1,600 workers and 30 ships were idle."});
  std::vector<Change> c = t.changes(0, 1);
  EXPECT_TRUE(has(c, "weekday", "Saturday", "Thursday"));
  EXPECT_TRUE(has(c, "weekday", "Sunday", "Friday"));
  EXPECT_TRUE(has(c, "count", "1,200 workers", "1,600 workers"));
  EXPECT_EQ(c.size(), 3u) << "the ships did not change";
  for (const Change& x : c) {
    EXPECT_LT(x.source_span.start, x.source_span.end);
    EXPECT_EQ(t.articles[1].text.substr(x.derived_span.start, x.derived_span.length()),
              x.derived_value);  // ASCII text: code points are bytes
  }
}

TEST(ChangesTest, NameReplacedIsAChangeSpellingVariantIsNot) {
  Texts t({"The talks were led by mediator Kazimir Zhelevsky in the capital.",
           "The talks were led by mediator Kasimir Schelewski in the capital.",
           "The talks were led by mediator Roberta Quill in the capital."});
  EXPECT_TRUE(t.changes(0, 1).empty()) << "a transliteration, not another person";
  std::vector<Change> c = t.changes(0, 2);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "name");
  EXPECT_EQ(c[0].source_value, "Kazimir Zhelevsky");
  EXPECT_EQ(c[0].derived_value, "Roberta Quill");
}

TEST(ChangesTest, NegationAddedOrRemoved) {
  Texts t({"The board did approve the harbour plan after a long debate.",
           "The board did not approve the harbour plan after a long debate."});
  std::vector<Change> c = t.changes(0, 1);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "negation");
  EXPECT_EQ(c[0].derived_value, "not");
  std::vector<Change> back = t.changes(1, 0);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].source_value, "not");
}

TEST(ChangesTest, ParaphrasedNegationIsNotAFlip) {
  Texts t({"If not diplomacy, then full pressure will be applied on the harbour board.",
           "If diplomacy fails, then full pressure must be applied on the harbour board."});
  for (const Change& c : t.changes(0, 1)) EXPECT_NE(c.kind, "negation");
}

TEST(ChangesTest, IdenticalSentencesHaveNoChanges) {
  Texts t({"On Tuesday 300 people marched for two hours in Orrin.",
           "On Tuesday 300 people marched for two hours in Orrin."});
  EXPECT_TRUE(t.changes(0, 1).empty());
}

TEST(OriginsTest, DerivedCopiesCollapseOntoTheirSources) {
  // 0 wire; 1 copy of 0; 2 copy of 1; 3 independent; 4 aggregator of 0 and 3.
  std::vector<align::Reuse> reuse(4);
  reuse[0].source = 0, reuse[0].derived = 1;
  reuse[1].source = 1, reuse[1].derived = 2;
  reuse[2].source = 0, reuse[2].derived = 4;
  reuse[3].source = 3, reuse[3].derived = 4;
  auto origins = find_origins(5, reuse);
  EXPECT_EQ(origins[2], std::vector<uint32_t>{0});
  EXPECT_EQ(origins[3], std::vector<uint32_t>{3});
  EXPECT_EQ(origins[4], (std::vector<uint32_t>{0, 3}));
  EXPECT_EQ(count_independent({0, 1, 2}, origins), 1u);
  EXPECT_EQ(count_independent({1, 2}, origins), 1u);
  EXPECT_EQ(count_independent({1, 3}, origins), 2u);
  EXPECT_EQ(count_independent({4}, origins), 1u);
  EXPECT_EQ(count_independent({0, 3, 4}, origins), 2u);
}

TEST(OriginsTest, CyclesAreCut) {
  std::vector<align::Reuse> reuse(2);
  reuse[0].source = 0, reuse[0].derived = 1;
  reuse[1].source = 1, reuse[1].derived = 0;
  auto origins = find_origins(2, reuse);
  EXPECT_FALSE(origins[0].empty());
  EXPECT_FALSE(origins[1].empty());
  EXPECT_EQ(count_independent({0, 1}, origins), 1u);
  EXPECT_TRUE(origins[0] == origins[1]) << "one of the two edges is cut, both share a root";
}

TEST(StoryTest, ClaimsDiscrepanciesAndSummaryOverThreeReports) {
  const std::string wire =
      "Workers at the Tallis glassworks ended their strike on Friday after a pay deal.\n\n"
      "The deal gives 900 employees a raise of 6% over two years.\n\n"
      "Talks between the union and the owners lasted two days in the town hall.\n\n"
      "Production will restart on Monday morning, the plant manager said.";
  const std::string copy = wire + "\n\nFollow us for more local news.";
  const std::string independent =
      "Glassblowers in Tallis are going back to work.\n\n"
      "Under the agreement 900 employees get a raise of 6% over two years.\n\n"
      "Union leader Maren Osk called it a victory for the whole valley.\n\n"
      "Owners and union negotiated for three days in the town hall.\n\n"
      "Local shops said they had lost customers during the strike, which began in March.";
  Texts t({wire, copy, independent});
  t.articles[0].published = "2026-05-01T08:00:00Z";
  t.articles[1].published = "2026-05-01T09:00:00Z";
  Dossier d = analyze_story(t.a, t.d);
  ASSERT_EQ(d.reuse.size(), 1u);
  EXPECT_EQ(d.reuse[0].source, "t0");
  EXPECT_EQ(d.reuse[0].derived, "t1");
  EXPECT_EQ(d.reuse[0].kind, "verbatim");
  ASSERT_FALSE(d.claims.empty());
  EXPECT_EQ(d.claims[0].independent_sources, 2u) << "the copy does not count";
  EXPECT_EQ(d.claims[0].articles.size(), 3u);
  bool duration = false;
  for (const Discrepancy& x : d.discrepancies) {
    if (x.about != "how long") continue;
    ASSERT_EQ(x.values.size(), 2u);
    duration = true;
  }
  EXPECT_TRUE(duration) << "two days vs three days";
  ASSERT_FALSE(d.summary.empty());
  EXPECT_EQ(d.summary[0].independent_sources, 2u);
  ASSERT_EQ(d.origins.size(), 3u);
  EXPECT_EQ(d.origins[1], std::vector<std::string>{"t0"});
}

}  // namespace
}  // namespace crosscheck::compare

namespace crosscheck::compare {
namespace {

TEST(StoryTest, DegenerateStoriesDoNotBreak) {
  EXPECT_TRUE(analyze_story({}, {}).reuse.empty());
  Texts one({"Just one article about the harbour, on Monday."});
  Dossier d = analyze_story(one.a, one.d);
  EXPECT_TRUE(d.reuse.empty());
  EXPECT_TRUE(d.claims.empty());
  ASSERT_EQ(d.summary.size(), 1u) << "the lead sentence";
  Texts empty({"", "", "\n\n\n"});
  EXPECT_TRUE(analyze_story(empty.a, empty.d).reuse.empty());
}

TEST(StoryTest, RandomTextsNeverCrashAndSpansStayInside) {
  std::mt19937 rng(5);
  const char* pieces[] = {"Monday",   "1,200",     "€",  "5",        "%",
                          "\u201c",   "\u201d",    "\"", "not",      "the",
                          "harbour",  "Zhelevsky", ".",  "\n\n",     " ",
                          "two days", "$3m",       "-",  "\xC3\xA9", "\xF0\x9F\x98\x80",
                          "Mr.",      "U.S.",      "no", "?"};
  for (int round = 0; round < 30; ++round) {
    std::vector<std::string> texts;
    for (int a = 0; a < 4; ++a) {
      std::string t;
      for (int k = 0; k < 300; ++k) t += pieces[rng() % (sizeof pieces / sizeof *pieces)];
      texts.push_back(t);
    }
    texts.push_back(texts[0]);  // a copy, so reuse code runs too
    Texts t(texts);
    Dossier d = analyze_story(t.a, t.d);
    auto inside = [&](const std::string& id, const Span& s) {
      for (const Article& a : t.articles)
        if (a.id == id) {
          uint32_t cps = 0;
          for (unsigned char c : a.text) cps += (c & 0xC0) != 0x80;
          EXPECT_LE(s.start, s.end);
          EXPECT_LE(s.end, cps);
        }
    };
    for (const ReuseFinding& r : d.reuse)
      for (const Change& c : r.changes) {
        inside(r.source, c.source_span);
        inside(r.derived, c.derived_span);
      }
    for (const Claim& c : d.claims)
      for (const Evidence& e : c.evidence) inside(e.article, e.span);
    for (const FactMention& f : d.facts) inside(f.article, f.span);
  }
}

}  // namespace
}  // namespace crosscheck::compare
