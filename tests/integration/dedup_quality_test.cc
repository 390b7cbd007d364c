// Quality on the shared near-duplicate set (../shared/data/dedup): pairwise precision and recall
// of the default options against the gold groups, plus the exact-verification variant and the
// parallel path. Floors sit a little under what the engine reaches (see docs/benchmarks.md).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zlib.h>

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/dedup.h"
#include "crosscheck/thread_pool.h"
#include "src/dedup/evaluate.h"

namespace crosscheck::dedup {
namespace {

const std::string kDir = std::string(CROSSCHECK_SHARED_DIR) + "/data/dedup/";

bool read_file(const std::string& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  if (!f) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  out.reserve(out.size() + simdjson::SIMDJSON_PADDING);
  return n == 0;
}

struct Set {
  std::vector<std::string> texts;
  std::vector<uint32_t> gold;
};

// Loads once; empty when the shared folder is absent.
const Set& shared_set() {
  static const Set set = [] {
    Set s;
    std::string docs, gold;
    if (!read_file(kDir + "docs.jsonl.gz", docs) || !read_file(kDir + "gold.jsonl", gold)) return s;
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream stream;
    std::unordered_map<std::string, uint32_t> index;
    if (parser.iterate_many(docs.data(), docs.size(), 1 << 20).get(stream)) return s;
    for (auto doc : stream) {
      std::string_view id, text;
      if (doc["id"].get_string().get(id) || doc["text"].get_string().get(text)) return Set{};
      index.emplace(std::string(id), static_cast<uint32_t>(s.texts.size()));
      s.texts.emplace_back(text);
    }
    s.gold.resize(s.texts.size());
    for (uint32_t i = 0; i < s.gold.size(); ++i) s.gold[i] = i;
    simdjson::ondemand::parser gold_parser;
    if (gold_parser.iterate_many(gold.data(), gold.size(), 1 << 20).get(stream)) return Set{};
    for (auto doc : stream) {
      std::string_view id, group;
      if (doc["id"].get_string().get(id) || doc["group"].get_string().get(group)) return Set{};
      auto a = index.find(std::string(id));
      auto b = index.find(std::string(group));
      if (a == index.end() || b == index.end()) return Set{};
      s.gold[a->second] = b->second;
    }
    return s;
  }();
  return set;
}

PairScores score(const Options& o, ThreadPool* pool = nullptr) {
  const Set& s = shared_set();
  std::vector<std::string_view> views(s.texts.begin(), s.texts.end());
  return pair_scores(deduplicate(views, o, pool), s.gold);
}

#define REQUIRE_SHARED_SET()                                                              \
  if (shared_set().texts.empty()) {                                                       \
    GTEST_SKIP() << "shared dedup set not found under " << kDir                           \
                 << " (configure with -DCROSSCHECK_SHARED_DIR=/path/to/shared)";          \
  }

TEST(DedupQualityTest, DefaultsReachTheTargets) {
  REQUIRE_SHARED_SET();
  ASSERT_EQ(shared_set().texts.size(), 20000u);
  PairScores s = score(Options{});
  EXPECT_GE(s.precision, 0.998);
  EXPECT_GE(s.recall, 0.995);
  RecordProperty("precision", std::to_string(s.precision));
  RecordProperty("recall", std::to_string(s.recall));
}

TEST(DedupQualityTest, ExactVerificationAndTwoThreads) {
  REQUIRE_SHARED_SET();
  Options o;
  o.verify = Verify::kExact;
  ThreadPool pool(2);
  PairScores s = score(o, &pool);
  EXPECT_GE(s.precision, 0.998);
  EXPECT_GE(s.recall, 0.995);
}

TEST(DedupQualityTest, MultiplyShiftSketch) {
  REQUIRE_SHARED_SET();
  Options o;
  o.sketch = Sketch::kMultiplyShift;
  PairScores s = score(o);
  EXPECT_GE(s.precision, 0.998);
  EXPECT_GE(s.recall, 0.995);
}

}  // namespace
}  // namespace crosscheck::dedup
