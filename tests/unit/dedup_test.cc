// Deduplicator: exact and near duplicates, unrelated texts, the chain A~B~C under each grouping,
// determinism, degenerate documents and a 5 MB document.
#include "crosscheck/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "crosscheck/thread_pool.h"

namespace crosscheck::dedup {
namespace {

// Words [from, to) of one long deterministic word sequence: two ranges of n words overlapping in
// m words share m - 4 word 5-grams, so their Jaccard is known in advance.
std::string range(int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i) s += "word" + std::to_string(i * 7919 % 100003) + " ";
  return s;
}

std::vector<uint32_t> run(const std::vector<std::string>& texts, const Options& o,
                          Stats* stats = nullptr) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  return deduplicate(views, o, nullptr, stats);
}

TEST(DedupTest, ExactNearAndUnrelated) {
  Options o;
  Deduplicator d(o);
  const std::string base = range(0, 200);
  std::string near = range(0, 190) + " an added closing line about something else entirely";
  Match m0 = d.add(compute_signature(base, o));
  Match m1 = d.add(compute_signature(range(1000, 1200), o));
  Match m2 = d.add(compute_signature("  " + base + "!!", o));  // case/space/punctuation only
  Match m3 = d.add(compute_signature(near, o));
  EXPECT_EQ(m0.kind, MatchKind::kNew);
  EXPECT_EQ(m1.kind, MatchKind::kNew);
  EXPECT_EQ(m1.group, 1u);
  EXPECT_EQ(m2.kind, MatchKind::kExact);
  EXPECT_EQ(m2.group, 0u);
  EXPECT_EQ(m2.matched, 0u);
  EXPECT_EQ(m3.kind, MatchKind::kNear);
  EXPECT_EQ(m3.group, 0u);
  EXPECT_GT(m3.similarity, 0.8f);
  EXPECT_EQ(d.groups(), (std::vector<uint32_t>{0, 1, 0, 0}));
  EXPECT_EQ(d.stats().exact_duplicates, 1u);
}

TEST(DedupTest, SimilarityFunctionAgreesWithKnownJaccard) {
  Options o;
  o.verify = Verify::kExact;
  Signature a = compute_signature(range(0, 200), o);
  Signature b = compute_signature(range(50, 250), o);  // 150 shared words: J = 146 / 246
  EXPECT_NEAR(similarity(a, b, true), 146.0 / 246.0, 1e-12);
  EXPECT_NEAR(similarity(a, b, false), 146.0 / 246.0, 0.15);
}

// A = [0,200), B = [50,250), C = [100,300): J(A,B) = J(B,C) = 0.59, J(A,C) = 0.32.
class DedupChainTest : public ::testing::TestWithParam<Grouping> {};

TEST_P(DedupChainTest, ChainInArrivalOrder) {
  Options o;
  o.verify = Verify::kExact;  // exact Jaccard: the outcome does not hang on estimation noise
  o.threshold = 0.45;
  o.grouping = GetParam();
  std::vector<uint32_t> g = run({range(0, 200), range(50, 250), range(100, 300)}, o);
  if (o.grouping == Grouping::kRepresentative) {
    // C is 0.32 from the representative A: not a member.
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 0, 2}));
  } else {
    // C verified against B, a member of A's group.
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 0, 0}));
  }
}

// A = [0,200) and C = [200,400) are unrelated; B = [100,300) overlaps both (J = 0.32 each) and
// arrives last: the "one bad pair" case.
TEST_P(DedupChainTest, BridgeBetweenUnrelatedGroups) {
  Options o;
  o.verify = Verify::kExact;
  o.threshold = 0.3;
  o.grouping = GetParam();
  Stats stats;
  std::vector<uint32_t> g = run({range(0, 200), range(200, 400), range(100, 300)}, o, &stats);
  if (o.grouping == Grouping::kUnion) {
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 0, 0}));  // union-find chains through B
  } else {
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 1, 0}));  // B joins A (tie -> earlier); C stays apart
  }
  if (o.grouping == Grouping::kBestMatch) {
    EXPECT_EQ(stats.bridges_refused, 1u);
  }
}

// Two variants of one base that arrive before it, and are too far apart to match each other:
// the base connects them when the representatives are related (variants of one text).
TEST_P(DedupChainTest, BaseArrivingLastJoinsItsVariants) {
  Options o;
  o.verify = Verify::kExact;
  o.threshold = 0.45;
  o.grouping = GetParam();
  // v1 = [0,200), v2 = [100,300) (J 0.32), base = [50,250): 0.59 to both.
  std::vector<uint32_t> g = run({range(0, 200), range(100, 300), range(50, 250)}, o);
  if (o.grouping == Grouping::kRepresentative) {
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 1, 0}));
  } else {
    EXPECT_EQ(g, (std::vector<uint32_t>{0, 0, 0}));  // 0.32 >= bridge_threshold 0.2
  }
}

INSTANTIATE_TEST_SUITE_P(Groupings, DedupChainTest,
                         ::testing::Values(Grouping::kBestMatch, Grouping::kUnion,
                                           Grouping::kRepresentative),
                         [](const auto& info) {
                           switch (info.param) {
                             case Grouping::kBestMatch:
                               return std::string("BestMatch");
                             case Grouping::kUnion:
                               return std::string("Union");
                             default:
                               return std::string("Representative");
                           }
                         });

// A run of `min_words` to `min_words + extra_words - 1` words starting anywhere in [0, span):
// texts that overlap by chance, in every degree.
std::string random_range(std::mt19937_64& rng, int span, int min_words, int extra_words) {
  const int start = static_cast<int>(rng() % static_cast<uint64_t>(span));
  const int words = min_words + static_cast<int>(rng() % static_cast<uint64_t>(extra_words));
  return range(start, start + words);
}

TEST(DedupTest, DeterministicAndIndependentOfThreads) {
  std::mt19937_64 rng(1);
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) texts.push_back(random_range(rng, 3000, 100, 200));
  std::vector<std::string_view> views(texts.begin(), texts.end());
  for (Sketch sketch : {Sketch::kOnePermutation, Sketch::kMultiplyShift}) {
    Options o;
    o.sketch = sketch;
    std::vector<uint32_t> a = deduplicate(views, o);
    std::vector<uint32_t> b = deduplicate(views, o);
    ThreadPool pool(2);
    std::vector<uint32_t> c = deduplicate(views, o, &pool);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);
    for (uint32_t i = 0; i < a.size(); ++i) ASSERT_LE(a[i], i) << "group = first member";
  }
}

// file / verify / decide, with the verification of each batch on another thread while the next
// batch is filed (as `crosscheck dedup -j N` runs them), give exactly what add() gives.
TEST(DedupTest, ThreeStepsOverlappedAcrossThreadsEqualAdd) {
  std::mt19937_64 rng(5);
  std::vector<std::string> texts;
  for (int i = 0; i < 600; ++i) {
    texts.push_back(random_range(rng, 2000, 80, 150));
    if (i % 50 == 7) texts.push_back(texts.back());  // exact copies too
    if (i % 90 == 3) texts.push_back("");            // and documents without words
  }
  for (Grouping grouping : {Grouping::kBestMatch, Grouping::kUnion, Grouping::kRepresentative}) {
    for (Verify verify : {Verify::kEstimate, Verify::kExact}) {
      Options o;
      o.grouping = grouping;
      o.verify = verify;
      std::vector<Signature> sigs;
      for (const std::string& t : texts) sigs.push_back(compute_signature(t, o));

      Deduplicator one(o);
      std::vector<Match> want;
      for (const Signature& s : sigs) want.push_back(one.add(s));

      Deduplicator three(o);
      three.reserve(sigs.size());
      ASSERT_GE(three.room(), sigs.size());
      constexpr size_t kBatch = 32;
      std::vector<std::vector<Pending>> batches((sigs.size() + kBatch - 1) / kBatch);
      std::vector<Match> got;
      std::thread verifier;
      for (size_t b = 0; b < batches.size(); ++b) {
        for (size_t i = b * kBatch; i < std::min(sigs.size(), (b + 1) * kBatch); ++i) {
          batches[b].emplace_back();
          three.file(sigs[i], &batches[b].back());
        }
        // The previous batch was verified on the other thread while this one was filed.
        if (verifier.joinable()) {
          verifier.join();
          for (Pending& p : batches[b - 1]) got.push_back(three.decide(&p));
        }
        verifier = std::thread([&three, &batch = batches[b]] {
          for (Pending& p : batch) three.verify(&p);
        });
      }
      verifier.join();
      for (Pending& p : batches.back()) got.push_back(three.decide(&p));

      ASSERT_EQ(got.size(), want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].group, want[i].group) << i;
        EXPECT_EQ(got[i].matched, want[i].matched) << i;
        EXPECT_EQ(got[i].kind, want[i].kind) << i;
        EXPECT_EQ(got[i].similarity, want[i].similarity) << i;
      }
      EXPECT_EQ(three.groups(), one.groups());
      EXPECT_EQ(three.stats().verified, one.stats().verified);
      EXPECT_EQ(three.stats().candidates, one.stats().candidates);
      EXPECT_GT(one.stats().verified, 100u) << "the texts must overlap for this to test much";
    }
  }
}

TEST(DedupTest, EmptyAndOneWordDocuments) {
  Options o;
  std::vector<uint32_t> g =
      run({"", "  ... ", "Hello", "hello!", "World", range(0, 200), "", "word0"}, o);
  // Texts without words are exact duplicates of each other and nothing else; one-word texts
  // match only the same word.
  EXPECT_EQ(g, (std::vector<uint32_t>{0, 0, 2, 2, 4, 5, 0, 7}));
  Signature empty = compute_signature("", o);
  EXPECT_EQ(empty.num_words, 0u);
  EXPECT_TRUE(empty.minhash.empty());
  Signature one = compute_signature("Hello", o);
  EXPECT_EQ(one.num_shingles, 1u);
  EXPECT_EQ(one.minhash.size(), 128u);
}

// A Signature reused for one document after another (the dedup command's batches) must come out
// as a fresh one would: nothing left over from the previous, longer or exact-verified, document.
TEST(DedupTest, SignatureComputedIntoReusedBufferEqualsFreshOne) {
  for (Verify verify : {Verify::kEstimate, Verify::kExact}) {
    Options o;
    o.verify = verify;
    Signature reused;
    for (const std::string& text : {range(0, 400), std::string("Hello"), range(1000, 1100),
                                    std::string(" ... "), range(5, 60), std::string()}) {
      compute_signature(text, o, &reused);
      Signature fresh = compute_signature(text, o);
      EXPECT_EQ(reused.exact, fresh.exact);
      EXPECT_EQ(reused.num_words, fresh.num_words);
      EXPECT_EQ(reused.num_shingles, fresh.num_shingles);
      EXPECT_EQ(reused.minhash, fresh.minhash);
      EXPECT_EQ(reused.shingles, fresh.shingles);
    }
  }
}

TEST(DedupTest, FiveMegabyteDocument) {
  std::mt19937_64 rng(2);
  std::string big;
  big.reserve(5u << 20);
  while (big.size() < (5u << 20)) big += "w" + std::to_string(rng() % 50000) + " ";
  std::string edited = big;
  for (int i = 0; i < 1000; ++i) edited[rng() % edited.size()] = '#';  // ~1000 words broken
  Options o;
  Deduplicator d(o);
  Match a = d.add(compute_signature(big, o));
  Match b = d.add(compute_signature(edited, o));
  EXPECT_EQ(a.kind, MatchKind::kNew);
  EXPECT_EQ(b.kind, MatchKind::kNear);
  EXPECT_EQ(b.group, 0u);
}

TEST(DedupTest, InvalidOptionsAreReported) {
  Options o;
  EXPECT_TRUE(validate(o).is_ok());
  o.bands = 100;  // 100 * 2 > 128
  EXPECT_FALSE(validate(o).is_ok());
  EXPECT_NE(validate(o).message().find("bands"), std::string::npos);
  EXPECT_THROW(Deduplicator{o}, std::invalid_argument);
  o = Options{};
  o.threshold = 0;
  EXPECT_FALSE(validate(o).is_ok());
}

}  // namespace
}  // namespace crosscheck::dedup
