// MinHash: estimates against true Jaccard on generated sets, for both sketches; the fast word
// splitter against the byte-at-a-time reference; shingle hashing invariants.
#include "src/dedup/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "crosscheck/dedup.h"
#include "src/dedup/hash.h"
#include "src/dedup/shingles.h"

namespace crosscheck::dedup {
namespace {

// Two sets of random 64-bit hashes with exactly `common` shared elements and `only_a`, `only_b`
// private ones: Jaccard = common / (common + only_a + only_b).
void make_pair(std::mt19937_64& rng, size_t common, size_t only_a, size_t only_b,
               std::vector<uint64_t>& a, std::vector<uint64_t>& b) {
  a.clear();
  b.clear();
  for (size_t i = 0; i < common; ++i) {
    uint64_t x = rng();
    a.push_back(x);
    b.push_back(x);
  }
  for (size_t i = 0; i < only_a; ++i) a.push_back(rng());
  for (size_t i = 0; i < only_b; ++i) b.push_back(rng());
  std::shuffle(a.begin(), a.end(), rng);
  std::shuffle(b.begin(), b.end(), rng);
}

void sketch(Sketch s, const std::vector<uint64_t>& set, uint64_t seed, std::vector<uint32_t>& out) {
  if (s == Sketch::kOnePermutation) {
    one_permutation(set, seed, out);
  } else {
    multiply_shift(set, seed, out);
  }
}

struct Case {
  Sketch sketch;
  size_t set_size;  // elements in the union
};

class MinHashAccuracyTest : public ::testing::TestWithParam<Case> {};

TEST_P(MinHashAccuracyTest, EstimateWithinToleranceOfTrueJaccard) {
  const Case c = GetParam();
  const size_t k = 128;
  std::mt19937_64 rng(42);
  std::vector<uint64_t> a, b;
  std::vector<uint32_t> sa(k), sb(k);
  for (double j : {0.1, 0.3, 0.45, 0.6, 0.8, 0.95}) {
    const size_t common = static_cast<size_t>(std::lround(j * c.set_size));
    const size_t rest = c.set_size - common;
    const double truth = static_cast<double>(common) / static_cast<double>(c.set_size);
    const int trials = 200;
    double sum = 0, worst = 0;
    for (int t = 0; t < trials; ++t) {
      make_pair(rng, common, rest / 2, rest - rest / 2, a, b);
      const uint64_t seed = rng();
      sketch(c.sketch, a, seed, sa);
      sketch(c.sketch, b, seed, sb);
      double e = estimate_jaccard(sa, sb);
      sum += e;
      worst = std::max(worst, std::abs(e - truth));
    }
    // Binomial standard deviation of one estimate; densified OPH on sets smaller than K borrows
    // values, which correlates bins and widens it (allow 1.5x there).
    double sigma = std::sqrt(truth * (1 - truth) / k);
    double slack = (c.sketch == Sketch::kOnePermutation && c.set_size < 2 * k) ? 1.5 : 1.0;
    EXPECT_NEAR(sum / trials, truth, 0.02) << "J=" << truth;
    EXPECT_LE(worst, 4.5 * sigma * slack + 1.0 / k) << "J=" << truth;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sketches, MinHashAccuracyTest,
    ::testing::Values(Case{Sketch::kOnePermutation, 40}, Case{Sketch::kOnePermutation, 200},
                      Case{Sketch::kOnePermutation, 2000}, Case{Sketch::kMultiplyShift, 40},
                      Case{Sketch::kMultiplyShift, 200}, Case{Sketch::kMultiplyShift, 2000}),
    [](const auto& info) {
      return std::string(info.param.sketch == Sketch::kOnePermutation ? "OnePermutation"
                                                                      : "MultiplyShift") +
             std::to_string(info.param.set_size);
    });

TEST(MinHashTest, IdenticalSetsEstimateOneDisjointNearZero) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> a, b;
  make_pair(rng, 0, 300, 300, a, b);
  for (Sketch s : {Sketch::kOnePermutation, Sketch::kMultiplyShift}) {
    std::vector<uint32_t> sa(128), sb(128), sa2(128);
    sketch(s, a, 1, sa);
    sketch(s, b, 1, sb);
    std::vector<uint64_t> shuffled = a;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    sketch(s, shuffled, 1, sa2);
    EXPECT_EQ(sa, sa2) << "order of shingles must not matter";
    EXPECT_EQ(estimate_jaccard(sa, sa2), 1.0);
    EXPECT_LE(estimate_jaccard(sa, sb), 0.05);
  }
}

TEST(MinHashTest, SingleShingleFillsEveryBin) {
  std::vector<uint64_t> one = {0x1234567890abcdefull};
  std::vector<uint32_t> s(128);
  one_permutation(one, 3, s);
  for (uint32_t v : s) EXPECT_EQ(v, s[0]);
  std::vector<uint64_t> none;
  one_permutation(none, 3, s);
  for (uint32_t v : s) EXPECT_EQ(v, kEmptyBin);
}

TEST(MinHashTest, ExactJaccardMatchesStdSet) {
  std::mt19937_64 rng(11);
  for (int t = 0; t < 50; ++t) {
    std::vector<uint64_t> a, b;
    for (int i = 0; i < 100; ++i) {
      if (rng() % 3) a.push_back(rng() % 150);
      if (rng() % 3) b.push_back(rng() % 150);
    }
    std::set<uint64_t> sa(a.begin(), a.end()), sb(b.begin(), b.end()), all = sa;
    all.insert(sb.begin(), sb.end());
    size_t both = 0;
    for (uint64_t x : sa) both += sb.count(x);
    std::vector<uint64_t> va(sa.begin(), sa.end()), vb(sb.begin(), sb.end());
    EXPECT_DOUBLE_EQ(exact_jaccard(va, vb), double(both) / double(all.size()));
  }
  EXPECT_EQ(exact_jaccard({}, {}), 0.0);
}

// ---- word splitting and shingles ---------------------------------------------------------

TEST(MinHashShinglesTest, WordsAreLowerCasedRunsOfLettersAndDigits) {
  EXPECT_EQ(words_of("Hello, World! It\u2019s 2024\u2014ok  \u00DCber \u0391\u0392\u0393 "
                     "\u041F\u0440\u0438\u0432\u0435\u0442 caf\u00E9\u00A0x"),
            (std::vector<std::string>{"hello", "world", "it", "s", "2024", "ok", "\u00FCber",
                                      "\u03B1\u03B2\u03B3", "\u043F\u0440\u0438\u0432\u0435\u0442",
                                      "caf\u00E9", "x"}));
  EXPECT_TRUE(words_of("").empty());
  EXPECT_TRUE(words_of(" ,.;\u201C\u201D ").empty());
}

TEST(MinHashShinglesTest, FastWordHashesEqualTheReference) {
  // Random texts over an alphabet that hits every path: ASCII letters and digits, separators,
  // multi-byte letters and punctuation, long words crossing 8- and 64-byte boundaries, and a
  // few invalid bytes.
  const std::vector<std::string> pieces = {
      "a", "B", "z", "Q", "0", "9", " ", " ", ",", ".", "\n", "-", "\u2019", "\u201C", "\u00E9",
      "\u00C9", "\u0416", "\u3001", "\U0001F600", "\xC3", "\x80", "\xFF",
      "abcdefgh", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789012345678901234567890123456789"};
  std::mt19937_64 rng(5);
  std::vector<uint64_t> fast, slow;
  for (int t = 0; t < 2000; ++t) {
    std::string text;
    size_t n = rng() % 300;
    for (size_t i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    word_hashes(text, 99, fast);
    word_hashes_reference(text, 99, slow);
    ASSERT_EQ(fast, slow) << "text: " << text;
    // Also with the text ending exactly where it ends in memory (no bytes readable beyond it).
    std::vector<char> exact(text.begin(), text.end());
    word_hashes(std::string_view(exact.data(), exact.size()), 99, fast);
    ASSERT_EQ(fast, slow);
  }
}

TEST(MinHashShinglesTest, CountsAndShiftInvariance) {
  ShingleSet a, b;
  shingle_hashes("one two three", 5, 1, a);
  EXPECT_EQ(a.num_words, 3u);
  EXPECT_EQ(a.hashes.size(), 1u);  // shorter than k: one shingle of all words
  shingle_hashes("", 5, 1, a);
  EXPECT_TRUE(a.hashes.empty());
  shingle_hashes("x A b C d E", 5, 1, a);
  shingle_hashes("a B c D e, y", 5, 1, b);
  ASSERT_EQ(a.hashes.size(), 2u);
  ASSERT_EQ(b.hashes.size(), 2u);
  EXPECT_EQ(a.hashes[1], b.hashes[0]);  // "a b c d e" hashes the same wherever it occurs
  EXPECT_NE(a.hashes[0], a.hashes[1]);
  EXPECT_NE(a.hashes[0], b.hashes[1]);
  // Word order matters inside a shingle.
  shingle_hashes("b a c d e", 5, 1, b);
  EXPECT_NE(a.hashes[1], b.hashes[0]);
  // Exact hash: case, punctuation and whitespace do not matter, words do.
  shingle_hashes("Hello,   world!", 5, 1, a);
  shingle_hashes("hello world", 5, 1, b);
  EXPECT_EQ(a.exact, b.exact);
  shingle_hashes("world hello", 5, 1, b);
  EXPECT_NE(a.exact, b.exact);
}

}  // namespace
}  // namespace crosscheck::dedup
