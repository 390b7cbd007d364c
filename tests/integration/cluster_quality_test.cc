// Story clustering quality on the two shared sets, through the production path: Article ->
// text::Analyzer -> cluster::StoryClusterer (shipped defaults + background DF model) -> finish().
// Prints BCubed and pairwise P/R/F1; asserts floors a little under the measured values
// (docs: ECB+ is where the setting was tuned, BASIL is the check).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/cluster_metrics.h"
#include "bench/labelled_stories.h"
#include "crosscheck/cluster.h"
#include "crosscheck/text.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

using cluster_metrics::Labelled;

cluster_metrics::Quality cluster_and_score(const Labelled& set, std::vector<uint32_t>* ids,
                                           bool rejudge_all_pairs = false) {
  cluster::Options options;
  options.rejudge_all_pairs = rejudge_all_pairs;
  options.background_df = std::string(CROSSCHECK_SOURCE_DIR) + "/models/df-en.tsv.gz";
  std::string error;
  EXPECT_TRUE(cluster_metrics::cluster_labelled(set, options, ids, &error)) << error;
  return cluster_metrics::evaluate(*ids, set.gold);
}

fs::path shared(const char* rel) { return fs::path(CROSSCHECK_SHARED_DIR) / rel; }

TEST(ClusterQuality, EcbPlusTrain) {
  fs::path path = shared("data/clustering/ecbplus-train.jsonl");
  if (!fs::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
  Labelled set = cluster_metrics::load_labelled(path.string());
  ASSERT_EQ(set.articles.size(), 772u);
  std::vector<uint32_t> ids;
  cluster_metrics::Quality q = cluster_and_score(set, &ids);
  cluster_metrics::print_quality("ECB+ train", q);
  // Measured 0.954 BCubed F1 / 0.943 pairwise F1 (the set the thresholds were tuned on); the
  // issue's target is 0.95.
  EXPECT_GE(q.bcubed.f1, 0.95);
  EXPECT_GE(q.pairwise.f1, 0.93);
  // Deterministic: a second run gives the same assignment.
  std::vector<uint32_t> again;
  cluster_and_score(set, &again);
  EXPECT_EQ(ids, again);
  // The incremental merge passes decide exactly as passes that judge every pair every time.
  std::vector<uint32_t> reference;
  cluster_and_score(set, &reference, /*rejudge_all_pairs=*/true);
  EXPECT_EQ(ids, reference);
}

TEST(ClusterQuality, Basil) {
  fs::path path = shared("data/stories/basil.jsonl");
  if (!fs::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
  Labelled set = cluster_metrics::load_labelled(path.string());
  ASSERT_EQ(set.articles.size(), 300u);
  std::vector<uint32_t> ids;
  cluster_metrics::Quality q = cluster_and_score(set, &ids);
  cluster_metrics::print_quality("BASIL", q);
  // Measured 0.977 BCubed F1 / 0.958 pairwise F1 (held out: not used for tuning).
  EXPECT_GE(q.bcubed.f1, 0.97);
  EXPECT_GE(q.pairwise.f1, 0.95);
}

}  // namespace
}  // namespace crosscheck
