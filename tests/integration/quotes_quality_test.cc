// Quote extraction and attribution quality on PolNeAR (../shared/data/quotes/polnear): detection
// precision / recall of direct quotations and speaker accuracy, train and dev. Floors sit a
// little under what the extractor reaches (docs/quotes-notes.md has the figures and definitions).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/quotes/evaluate.h"

namespace crosscheck::quotes {
namespace {

const std::string kDir = std::string(CROSSCHECK_SHARED_DIR) + "/data/quotes/polnear/";

// Loads a split once; empty when the shared folder is absent.
const std::vector<GoldArticle>& split(const std::string& name) {
  static std::vector<GoldArticle> train, dev;
  static bool loaded_train = false, loaded_dev = false;
  std::vector<GoldArticle>& set = name == "train" ? train : dev;
  bool& loaded = name == "train" ? loaded_train : loaded_dev;
  if (!loaded) {
    loaded = true;
    std::string error;
    if (!load_polnear(kDir + name, &set, &error)) set.clear();
  }
  return set;
}

struct Floors {
  double precision, recall, speaker;
};

void check(const std::string& name, const Floors& floors) {
  const auto& gold = split(name);
  if (gold.empty()) GTEST_SKIP() << "PolNeAR not found under " << kDir << " (../shared absent)";
  EvalReport r = evaluate(gold, QuoteOptions{});
  std::printf("%s: P %.3f (strict %.3f)  R %.3f  F1 %.3f  speaker %.3f (%u/%u)\n", name.c_str(),
              r.precision(), r.strict_precision(), r.recall(), r.f1(), r.speaker_accuracy(),
              r.speaker_correct, r.speaker_total);
  EXPECT_GT(r.gold_direct, 0u);
  EXPECT_GE(r.precision(), floors.precision);
  EXPECT_GE(r.recall(), floors.recall);
  EXPECT_GE(r.speaker_accuracy(), floors.speaker);
}

TEST(QuotesQuality, Train) { check("train", {0.965, 0.935, 0.93}); }

TEST(QuotesQuality, Dev) { check("dev", {0.97, 0.93, 0.93}); }

TEST(QuotesQuality, SplitsLoadWholeArticles) {
  const auto& gold = split("dev");
  if (gold.empty()) GTEST_SKIP() << "PolNeAR not found under " << kDir;
  EXPECT_EQ(gold.size(), 84u);
  size_t direct = 0;
  for (const GoldArticle& g : gold)
    for (const GoldAttribution& a : g.attributions) direct += a.direct ? 1 : 0;
  EXPECT_GT(direct, 300u);
}

}  // namespace
}  // namespace crosscheck::quotes
