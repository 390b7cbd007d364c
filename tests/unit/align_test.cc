#include "crosscheck/align.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

#include "crosscheck/text.h"
#include "src/align/direction.h"
#include "src/align/terms.h"

namespace crosscheck::align {
namespace {

struct Story {
  std::vector<Article> articles;
  std::vector<Document> docs;
  std::vector<const Article*> article_ptrs;
  std::vector<const Document*> doc_ptrs;

  void add(const std::string& id, const std::string& text, const std::string& published = "",
           const std::string& source = "", std::vector<std::string> credits = {}) {
    Article a;
    a.id = id;
    a.text = text;
    a.published = published;
    a.source = source;
    a.credits = std::move(credits);
    articles.push_back(a);
  }
  void analyze() {
    text::AnalyzerOptions o;
    o.detect_language = false;
    text::Analyzer analyzer(o);
    docs.clear();
    docs.reserve(articles.size());
    for (const Article& a : articles) docs.push_back(analyzer.analyze(a));
    article_ptrs.clear();
    doc_ptrs.clear();
    for (size_t i = 0; i < articles.size(); ++i) {
      article_ptrs.push_back(&articles[i]);
      doc_ptrs.push_back(&docs[i]);
    }
  }
  std::vector<Reuse> reuse() {
    analyze();
    return find_reuse(doc_ptrs, article_ptrs, align_sentences(doc_ptrs));
  }
};

const char* kWire =
    "The harbour board of Lindqvale approved a plan to dredge the northern channel on Monday.\n\n"
    "The project will cost 48 million crowns and take three years, board chair Edda Marrow "
    "said.\n\n"
    "Fishing cooperatives had opposed the dredging for a decade, citing damage to oyster beds.\n\n"
    "Engineers expect the first barges to arrive at Pellin Quay in early spring.\n\n"
    "\"We listened to every objection,\" Marrow told reporters after the vote.\n\n"
    "The regional council must still sign off on the environmental permit.";

TEST(TermsTest, StopWordsAndQuotedTokens) {
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_TRUE(is_stop_word("said"));
  EXPECT_FALSE(is_stop_word("harbour"));
  Article a;
  a.text = "He said \u201cwe will win\u201d and left.";
  text::Analyzer analyzer;
  Document d = analyzer.analyze(a);
  std::vector<bool> q = quoted_tokens(d);
  ASSERT_EQ(q.size(), d.tokens.size());
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    std::string_view t = d.token_text(d.tokens[i]);
    if (t == "we" || t == "win") {
      EXPECT_TRUE(q[i]) << t;
    }
    if (t == "left" || t == "He") {
      EXPECT_FALSE(q[i]) << t;
    }
  }
}

TEST(AlignTest, VerbatimCopyFoundWithDirectionFromPublicationTime) {
  Story s;
  s.add("copy", std::string(kWire) + "\n\nRead more on our website.", "2026-01-02T10:00:00Z");
  s.add("wire", kWire, "2026-01-02T08:00:00Z");
  std::vector<Reuse> r = s.reuse();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].source, 1u);
  EXPECT_EQ(r[0].derived, 0u);
  EXPECT_TRUE(r[0].verbatim);
  EXPECT_GT(r[0].coverage, 0.85);
  EXPECT_GT(r[0].direction_confidence, 0.9);
  ASSERT_FALSE(r[0].passages.empty());
  EXPECT_EQ(r[0].passages[0].source.start, 0u);
}

TEST(AlignTest, RewriteIsARewriteAndKeepsItsSourceWithoutDates) {
  Story s;
  s.add("wire", kWire);
  s.add("rewrite",
        "On Monday the Lindqvale harbour board gave its approval to plans for dredging the "
        "northern channel.\n\n"
        "According to board chair Edda Marrow, the project is set to take three years and cost "
        "48 million crowns.\n\n"
        "For a decade, fishing cooperatives fought the dredging over harm to the oyster beds.\n\n"
        "The situation remains fluid, observers say.\n\n"
        "\"We listened to every objection,\" Marrow told reporters after the vote.");
  std::vector<Reuse> r = s.reuse();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(r[0].verbatim);
  EXPECT_EQ(r[0].source, 0u) << "the wire holds details the rewrite dropped";
  EXPECT_GE(r[0].sentence_pairs.size(), 3u);
}

TEST(AlignTest, SharedQuoteAloneIsNotReuse) {
  Story s;
  s.add("a",
        "Divers found the wreck of the trawler Saskia off Brellholm on Friday.\n\n"
        "\"The hull is intact and we can see the name on the bow,\" said coastguard diver Ines "
        "Amaral.\n\n"
        "\"We will bring the crew home,\" the fisheries minister said.\n\n"
        "The trawler sank in a storm in 1987 with six crew aboard.");
  s.add("b",
        "A team of volunteer divers has located the Saskia, a fishing boat lost 39 years ago.\n\n"
        "\"The hull is intact and we can see the name on the bow,\" said coastguard diver Ines "
        "Amaral.\n\n"
        "\"We will bring the crew home,\" the fisheries minister said.\n\n"
        "Relatives of the six fishermen gathered at the harbour chapel in the evening.");
  EXPECT_TRUE(s.reuse().empty());
}

TEST(AlignTest, CreditLineNamingTheOtherOutletGivesTheDirection) {
  Story s;
  s.add("paper", kWire, "", "Daily Lantern", {"Tern Wire Service"});
  s.add("wire", kWire, "", "Tern Wire Service");
  std::vector<Reuse> r = s.reuse();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].source, 1u);
  EXPECT_EQ(r[0].derived, 0u);
}

TEST(AlignTest, SiblingCopiesKeepTheirCommonSource) {
  Story s;
  s.add("wire", kWire, "2026-01-02T08:00:00Z");
  s.add("copy1", kWire, "2026-01-02T09:00:00Z");
  s.add("copy2", kWire, "2026-01-02T10:00:00Z");
  std::vector<Reuse> r = s.reuse();
  ASSERT_EQ(r.size(), 2u);
  for (const Reuse& x : r) EXPECT_EQ(x.source, 0u);
}

TEST(DirectionTest, PublishedTimesCompare) {
  EXPECT_EQ(compare_published("2026-03-12T06:15:00Z", "2026-03-12T07:02:00Z"), -1);
  EXPECT_EQ(compare_published("2026-03-13", "2026-03-12T07:02:00Z"), 1);
  EXPECT_EQ(compare_published("2026-03-12", "2026-03-12T07:02:00Z"), 0);
  EXPECT_EQ(compare_published("", "2026-03-12"), 0);
  EXPECT_EQ(compare_published("yesterday", "2026-03-12"), 0);
  EXPECT_DOUBLE_EQ(direction_confidence(0), 0.5);
  EXPECT_GT(direction_confidence(-4), 0.95);
}

// The indexed alignment against the obvious all-pairs computation on random texts.
TEST(AlignTest, IndexedAlignmentMatchesAllPairsReference) {
  std::mt19937 rng(11);
  const char* vocab[] = {"harbour",     "board",  "dredge", "channel", "oyster",
                         "cooperative", "barge",  "quay",   "permit",  "council",
                         "engineer",    "spring", "crown",  "project", "vote",
                         "fisher",      "storm",  "hull",   "wreck",   "diver"};
  Story s;
  for (int d = 0; d < 6; ++d) {
    std::string text;
    for (int sentence = 0; sentence < 12; ++sentence) {
      int len = 4 + static_cast<int>(rng() % 6);
      for (int w = 0; w < len; ++w) {
        text += vocab[rng() % 20];
        text += w + 1 < len ? " " : ".\n\n";
      }
    }
    s.add("d" + std::to_string(d), text);
  }
  s.analyze();
  AlignOptions options;
  options.max_term_postings = 1u << 30;  // retrieval may skip nothing for the comparison
  StoryAlignment fast = align_sentences(s.doc_ptrs, options);

  TermDictionary dict;
  std::vector<DocumentTerms> terms;
  for (const Document* d : s.doc_ptrs) terms.push_back(sentence_terms(*d, dict));
  std::vector<float> idf = story_idf(terms, dict.size());
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> expected, got;
  for (uint32_t a = 0; a < terms.size(); ++a)
    for (uint32_t b = a + 1; b < terms.size(); ++b)
      for (uint32_t sa = 0; sa < terms[a].sentences.size(); ++sa)
        for (uint32_t sb = 0; sb < terms[b].sentences.size(); ++sb) {
          const auto& A = terms[a].sentences[sa].terms;
          const auto& B = terms[b].sentences[sb].terms;
          float wa = 0, wb = 0, common = 0;
          uint32_t n = 0;
          for (uint32_t t : A) wa += idf[t];
          for (uint32_t t : B) wb += idf[t];
          for (uint32_t t : A)
            if (std::find(B.begin(), B.end(), t) != B.end()) common += idf[t], ++n;
          if (wa <= 0 || wb <= 0) continue;
          double dice = 2 * common / (wa + wb), contain = common / std::min(wa, wb);
          if (dice >= options.min_link_similarity ||
              (contain >= options.min_contained_similarity && n >= options.min_contained_terms))
            expected.insert({a, sa, b, sb});
        }
  for (const SentenceLink& l : fast.links) got.insert({l.a, l.sa, l.b, l.sb});
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(got, expected);
}

TEST(VerbatimTest, IdenticalTextsAreOneRunAndAnEditSplitsIt) {
  Story s;
  s.add("a", kWire);
  s.add("b", kWire);
  std::string edited = kWire;
  edited.replace(edited.find("48 million"), 2, "52");
  s.add("c", edited);
  s.analyze();
  std::vector<VerbatimRun> same = verbatim_runs(s.docs[0], s.docs[1]);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].source.start, 0u);
  EXPECT_EQ(same[0].derived.end, s.docs[1].tokens.back().cp_end - 1);  // up to the last word
  std::vector<VerbatimRun> split = verbatim_runs(s.docs[0], s.docs[2]);
  ASSERT_EQ(split.size(), 2u);
  EXPECT_LT(split[0].derived.end, split[1].derived.start);
  EXPECT_EQ(split[0].words + split[1].words + 1, same[0].words);
}

// The hashed seed-and-extend against the same greedy scan done by brute force (every source
// position compared at every derived position).
TEST(VerbatimTest, MatchesBruteForceScan) {
  std::mt19937 rng(3);
  const char* vocab[] = {"port", "strike", "deal", "union", "talks", "ships", "crane"};
  for (int round = 0; round < 20; ++round) {
    Story s;
    std::string a, b;
    for (int k = 0; k < 300; ++k) a += std::string(vocab[rng() % 3]) + " ";
    // b: pieces of a with random words between them
    for (int k = 0; k < 20; ++k) {
      size_t from = rng() % 250, len = 5 + rng() % 40;
      std::vector<std::string> words;
      std::string w;
      for (char c : a) {
        if (c == ' ') {
          words.push_back(w);
          w.clear();
        } else {
          w += c;
        }
      }
      for (size_t i = from; i < from + len && i < words.size(); ++i) b += words[i] + " ";
      b += std::string(vocab[3 + rng() % 4]) + " ";
    }
    s.add("a", a);
    s.add("b", b);
    s.analyze();
    const Document& da = s.docs[0];
    const Document& db = s.docs[1];
    std::vector<std::string_view> wa, wb;
    for (const Token& t : da.tokens) wa.push_back(da.token_text(t));
    for (const Token& t : db.tokens) wb.push_back(db.token_text(t));
    uint32_t expected_words = 0;
    size_t taken = 0, j = 0;
    while (j + 5 <= wb.size()) {
      size_t best = 0, best_d = 0;
      for (size_t i = 0; i < wa.size(); ++i) {
        size_t right = 0;
        while (i + right < wa.size() && j + right < wb.size() && wa[i + right] == wb[j + right])
          ++right;
        if (right < 5) continue;
        size_t left = 0;
        while (i > left && j - left > taken && wa[i - left - 1] == wb[j - left - 1]) ++left;
        if (left + right > best) best = left + right, best_d = j - left;
      }
      if (best < 8) {
        ++j;
        continue;
      }
      expected_words += static_cast<uint32_t>(best);
      taken = j = best_d + best;
    }
    uint32_t got = 0;
    for (const VerbatimRun& r : verbatim_runs(da, db)) got += r.words;
    EXPECT_EQ(got, expected_words) << "round " << round;
  }
}

}  // namespace
}  // namespace crosscheck::align
