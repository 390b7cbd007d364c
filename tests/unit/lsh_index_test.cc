// LSH index: candidates equal the brute-force "shares a band key" pairs; candidate recall at and
// above the threshold on generated documents, against brute-force Jaccard over all pairs.
#include "src/dedup/lsh_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/dedup.h"
#include "src/dedup/minhash.h"
#include "src/dedup/shingles.h"

namespace crosscheck::dedup {
namespace {

std::string random_words(std::mt19937_64& rng, size_t n, size_t vocabulary) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += 'w';
    s += std::to_string(rng() % vocabulary);
    s += ' ';
  }
  return s;
}

// Edits a word list the way rewrites do: replace, delete and insert words at random positions.
std::string edit(std::mt19937_64& rng, const std::string& text, double rate) {
  std::vector<std::string> words = words_of(text);
  std::vector<std::string> out;
  for (const std::string& w : words) {
    double r = std::uniform_real_distribution<double>(0, 1)(rng);
    if (r < rate / 3) continue;  // delete
    if (r < 2 * rate / 3) {      // replace
      out.push_back("x" + std::to_string(rng() % 1000000));
      continue;
    }
    out.push_back(w);
    if (r < rate) out.push_back("y" + std::to_string(rng() % 1000000));  // insert after
  }
  std::string s;
  for (const std::string& w : out) s += w + ' ';
  return s;
}

std::vector<uint64_t> shingle_set(const std::string& text, const Options& o) {
  ShingleSet set;
  shingle_hashes(text, o.shingle_words, o.seed, set);
  std::vector<uint64_t> v = set.hashes;
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

struct Corpus {
  std::vector<std::string> texts;
  std::vector<Signature> sigs;
  std::vector<std::vector<uint64_t>> sets;
};

// 60 bases of 150 words; each with 4 variants at edit rates spread so that true Jaccard to the
// base covers roughly 0.2 to 0.95.
Corpus make_corpus(const Options& o, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Corpus c;
  for (int b = 0; b < 60; ++b) {
    std::string base = random_words(rng, 150, 20000);
    c.texts.push_back(base);
    for (double rate : {0.01, 0.04, 0.08, 0.14}) c.texts.push_back(edit(rng, base, rate));
  }
  for (const std::string& t : c.texts) {
    c.sigs.push_back(compute_signature(t, o));
    c.sets.push_back(shingle_set(t, o));
  }
  return c;
}

TEST(LshIndexTest, CandidatesAreExactlyThePairsSharingABandKey) {
  Options o;
  Corpus c = make_corpus(o, 1);
  LshIndex index(o.bands, o.rows, 77);
  std::vector<std::vector<uint64_t>> keys(c.sigs.size(), std::vector<uint64_t>(o.bands));
  std::vector<uint32_t> out;
  for (uint32_t d = 0; d < c.sigs.size(); ++d) {
    index.band_keys(c.sigs[d].minhash, keys[d].data());
    out.clear();
    index.query_insert(d, keys[d].data(), 1000000, out);
    std::set<uint32_t> got(out.begin(), out.end());
    std::set<uint32_t> want;  // brute force: every earlier document with an equal band key
    for (uint32_t e = 0; e < d; ++e) {
      for (int b = 0; b < o.bands; ++b) {
        if (keys[d][b] == keys[e][b]) want.insert(e);
      }
    }
    ASSERT_EQ(got, want) << "doc " << d;
  }
  EXPECT_EQ(index.postings(), c.sigs.size() * static_cast<size_t>(o.bands));
}

TEST(LshIndexTest, QueryAloneMatchesQueryInsertAndSurvivesRehash) {
  Options o;
  std::mt19937_64 rng(3);
  LshIndex a(o.bands, o.rows, 1), b(o.bands, o.rows, 1);
  b.reserve(5000);
  std::vector<uint64_t> keys(o.bands);
  std::vector<uint32_t> from_a, from_b, from_query;
  for (uint32_t d = 0; d < 5000; ++d) {
    // Few distinct values, so that buckets are shared and long.
    std::vector<uint32_t> mh(o.num_hashes);
    for (uint32_t& v : mh) v = static_cast<uint32_t>(rng() % 40);
    a.band_keys(mh, keys.data());
    from_a.clear();
    from_b.clear();
    from_query.clear();
    a.query(keys.data(), 1000000, from_query);
    a.query_insert(d, keys.data(), 1000000, from_a);
    b.query_insert(d, keys.data(), 1000000, from_b);
    ASSERT_EQ(from_a, from_query);
    ASSERT_EQ(from_a, from_b);
  }
}

TEST(LshIndexTest, MaxScanBoundsEachBucket) {
  LshIndex index(4, 2, 1);
  std::vector<uint32_t> mh(8, 5);  // every document identical: one bucket per band
  std::vector<uint64_t> keys(4);
  index.band_keys(mh, keys.data());
  std::vector<uint32_t> out;
  for (uint32_t d = 0; d < 100; ++d) {
    out.clear();
    index.query_insert(d, keys.data(), 10, out);
    ASSERT_EQ(out.size(), std::min<size_t>(d, 10) * 4);
    if (d > 0) {
      EXPECT_EQ(out[0], d - 1);  // newest first
    }
  }
}

TEST(LshIndexTest, CandidatesNameTheFiledDocumentsWhenIdsHaveGaps) {
  // A deduplicator files only some documents (exact copies and empty texts are not indexed), so
  // the ids filed are increasing but not contiguous; candidates must name those ids.
  LshIndex index(4, 2, 9);
  std::vector<uint32_t> same(8, 3), other(8, 4);
  std::vector<uint64_t> same_keys(4), other_keys(4);
  index.band_keys(same, same_keys.data());
  index.band_keys(other, other_keys.data());
  const std::vector<uint32_t> ids = {2, 3, 17, 18, 40, 1000};
  std::vector<uint32_t> filed_same;  // the ids filed under same_keys so far, newest first
  std::vector<uint32_t> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    const bool is_same = i % 2 == 0;
    out.clear();
    index.query_insert(ids[i], is_same ? same_keys.data() : other_keys.data(), 100, out);
    if (!is_same) continue;
    std::vector<uint32_t> want;
    for (int b = 0; b < 4; ++b) want.insert(want.end(), filed_same.begin(), filed_same.end());
    EXPECT_EQ(out, want) << "id " << ids[i];
    filed_same.insert(filed_same.begin(), ids[i]);
  }
}

TEST(LshIndexTest, TwoBandsOfOneDocumentSharingATag) {
  // Keys that differ only in their low 32 bits share a slot (the tag is the top half): the
  // second band's walk then meets the first band's posting, of the document being filed.
  LshIndex index(2, 1, 1);
  const uint64_t keys[2] = {0x1234567800000001ull, 0x1234567800000002ull};
  std::vector<uint32_t> out;
  index.query_insert(7, keys, 100, out);
  EXPECT_EQ(out, std::vector<uint32_t>{7});
  out.clear();
  index.query_insert(9, keys, 100, out);
  // Band 0 walks 7 (band 1), 7 (band 0); band 1 then walks 9 (its band 0) and the same two.
  EXPECT_EQ(out, (std::vector<uint32_t>{7, 7, 9, 7, 7}));
}

// Candidate recall by true-Jaccard bucket, against the S-curve 1 - (1 - J^r)^b.
class LshRecallTest : public ::testing::TestWithParam<Sketch> {};

TEST_P(LshRecallTest, RecallAtAndAboveTheThresholdVersusBruteForce) {
  Options o;
  o.sketch = GetParam();
  size_t pairs_at_or_above = 0, found_at_or_above = 0;
  size_t pairs_low = 0, found_low = 0;
  for (uint64_t seed : {11, 12, 13}) {
    Corpus c = make_corpus(o, seed);
    LshIndex index(o.bands, o.rows, 5);
    std::vector<uint64_t> keys(o.bands);
    std::vector<uint32_t> out;
    for (uint32_t d = 0; d < c.sigs.size(); ++d) {
      index.band_keys(c.sigs[d].minhash, keys.data());
      out.clear();
      index.query_insert(d, keys.data(), 1000000, out);
      std::set<uint32_t> cand(out.begin(), out.end());
      for (uint32_t e = 0; e < d; ++e) {  // brute force over all earlier documents
        double j = exact_jaccard(c.sets[d], c.sets[e]);
        if (j >= o.threshold) {
          ++pairs_at_or_above;
          found_at_or_above += cand.count(e);
        } else if (j < 0.1) {
          ++pairs_low;
          found_low += cand.count(e);
        }
      }
    }
  }
  ASSERT_GT(pairs_at_or_above, 500u);
  double recall = double(found_at_or_above) / double(pairs_at_or_above);
  // Theory: at J = 0.4 with 32 bands of 2 rows, 0.996; pairs above it are higher still.
  EXPECT_GE(recall, 0.99) << found_at_or_above << " of " << pairs_at_or_above;
  // Unrelated pairs (J < 0.1) rarely become candidates.
  EXPECT_LE(double(found_low) / double(pairs_low), 0.01);
}

INSTANTIATE_TEST_SUITE_P(Sketches, LshRecallTest,
                         ::testing::Values(Sketch::kOnePermutation, Sketch::kMultiplyShift));

TEST(LshIndexTest, CandidateProbabilityFollowsTheSCurve) {
  // Pairs of signatures built to agree in each position independently with probability p:
  // a band of r rows collides with probability p^r, the document pair with 1 - (1 - p^r)^b.
  std::mt19937_64 rng(9);
  const int bands = 32, rows = 2, trials = 4000;
  for (double p : {0.3, 0.4, 0.5}) {
    int hits = 0;
    for (int t = 0; t < trials; ++t) {
      LshIndex index(bands, rows, 1);
      std::vector<uint32_t> a(64), b(64);
      for (int i = 0; i < 64; ++i) {
        a[i] = static_cast<uint32_t>(rng());
        b[i] = std::uniform_real_distribution<double>(0, 1)(rng) < p ? a[i]
                                                                     : static_cast<uint32_t>(rng());
      }
      std::vector<uint64_t> keys(bands);
      std::vector<uint32_t> out;
      index.band_keys(a, keys.data());
      index.query_insert(0, keys.data(), 10, out);
      index.band_keys(b, keys.data());
      index.query_insert(1, keys.data(), 10, out);
      hits += !out.empty();
    }
    double expected = 1 - std::pow(1 - std::pow(p, rows), bands);
    EXPECT_NEAR(double(hits) / trials, expected, 0.02) << "p=" << p;
  }
}

}  // namespace
}  // namespace crosscheck::dedup
