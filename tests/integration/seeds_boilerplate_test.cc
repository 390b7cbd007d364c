// Boilerplate removal on the seed case (../shared/seeds) and on the team's fictional examples
// (examples/*.txt), against line-level gold annotations in tests/data/*_boilerplate.tsv
// (`file<TAB>line<TAB>kind`, 1-based line numbers in the raw file). The annotations name lines by
// number only, so no seed text is copied into the repository.
//
// The pipeline is the one `crosscheck extract` runs: ingest::read_buffer -> clean::prepare ->
// TemplateModel over the whole batch -> clean::strip_boilerplate.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/text.h"
#include "tests/support/boilerplate_gold.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using testing_support::read_file;
using testing_support::split_lines;

bool is_header_line(const std::string& line) {
  for (const char* key : {"Title:", "Source:", "URL:", "Date:"}) {
    if (line.rfind(key, 0) == 0) return true;
  }
  return false;
}

struct Case {
  std::string file;
  std::string raw;
  Article article;
};

// Reads every file through ingest, then cleans the batch exactly as the CLI does.
std::vector<Case> clean_batch(const std::vector<fs::path>& files) {
  std::vector<Case> cases;
  for (const fs::path& path : files) {
    Case c;
    c.file = path.filename().string();
    c.raw = read_file(path);
    std::vector<RawArticle> raws;
    ingest::read_buffer(
        path.string(), c.raw, ingest::Options{},
        [&](RawArticle&& a) { raws.push_back(std::move(a)); },
        [&](Problem&& p) { ADD_FAILURE() << c.file << ": " << p.message; });
    EXPECT_EQ(raws.size(), 1u) << c.file << " must yield exactly one article";
    if (raws.size() != 1) continue;
    c.article = clean::prepare(raws[0]);
    cases.push_back(std::move(c));
  }
  clean::TemplateModel templates;
  for (const Case& c : cases) templates.observe(c.article.source, c.article.text);
  for (Case& c : cases) clean::strip_boilerplate(c.article, {}, &templates);
  return cases;
}

void check_against_gold(const std::vector<Case>& cases,
                        const testing_support::BoilerplateGold& gold) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    std::set<std::string> paragraphs;
    for (const std::string& p : split_lines(c.article.text)) {
      if (!p.empty()) paragraphs.insert(p);
    }
    auto git = gold.find(c.file);
    const std::map<int, std::string> empty;
    const std::map<int, std::string>& lines_gold = git == gold.end() ? empty : git->second;
    std::vector<std::string> lines = split_lines(c.raw);
    bool in_header = true;
    for (size_t i = 0; i < lines.size(); ++i) {
      int number = static_cast<int>(i) + 1;
      std::string line = text::normalize(lines[i]);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
      while (!line.empty() && (line.front() == ' ' || line.front() == '\n')) line.erase(0, 1);
      if (in_header && is_header_line(lines[i])) continue;
      in_header = false;
      if (line.empty()) continue;
      auto kit = lines_gold.find(number);
      if (kit == lines_gold.end()) {
        EXPECT_TRUE(paragraphs.count(line)) << "line " << number << " was lost: " << line;
        continue;
      }
      EXPECT_FALSE(paragraphs.count(line)) << "boilerplate line " << number << " was kept";
      bool listed = std::any_of(c.article.removed.begin(), c.article.removed.end(),
                                [&](const Removed& r) { return r.text == line; });
      bool listed_with_kind =
          std::any_of(c.article.removed.begin(), c.article.removed.end(),
                      [&](const Removed& r) { return r.text == line && r.kind == kit->second; });
      EXPECT_TRUE(listed) << "line " << number << " missing from removed[]";
      EXPECT_TRUE(listed_with_kind || !listed)
          << "line " << number << " removed with the wrong kind (gold: " << kit->second << ")";
    }
    // Nothing in removed[] that the gold does not name.
    size_t gold_count = lines_gold.size();
    EXPECT_EQ(c.article.removed.size(), gold_count);
    bool has_byline = false;
    bool has_credit = false;
    for (const auto& [number, kind] : lines_gold) {
      has_byline = has_byline || kind == "byline";
      has_credit = has_credit || kind == "credit";
    }
    if (has_byline) {
      EXPECT_FALSE(c.article.authors.empty());
    }
    if (has_credit) {
      EXPECT_FALSE(c.article.credits.empty());
    }
  }
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SeedsBoilerplate, SeedsMatchGold) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  if (!fs::is_directory(seeds)) {
    GTEST_SKIP() << "seed articles not found at " << seeds << " (set CROSSCHECK_SHARED_DIR)";
  }
  std::vector<fs::path> files = files_in(seeds, ".txt");
  ASSERT_EQ(files.size(), 5u);
  std::vector<Case> cases = clean_batch(files);
  ASSERT_EQ(cases.size(), files.size());
  check_against_gold(cases,
                     testing_support::read_boilerplate_gold(fs::path(CROSSCHECK_SOURCE_DIR) /
                                                            "tests/data/seeds_boilerplate.tsv"));

  // The byline and the credit line turned into metadata.
  for (const Case& c : cases) {
    if (c.file.rfind("003_", 0) == 0) {
      EXPECT_EQ(c.article.authors.size(), 1u);
    }
    if (c.file.rfind("004_", 0) == 0) {
      EXPECT_EQ(c.article.credits.size(), 2u);
    }
  }
}

TEST(SeedsBoilerplate, ExamplesMatchGold) {
  fs::path examples = fs::path(CROSSCHECK_SOURCE_DIR) / "examples";
  fs::path tsv = fs::path(CROSSCHECK_SOURCE_DIR) / "tests/data/examples_boilerplate.tsv";
  if (!fs::is_directory(examples) || !fs::exists(tsv)) {
    GTEST_SKIP() << "examples/ or tests/data/examples_boilerplate.tsv not present yet";
  }
  std::vector<fs::path> files = files_in(examples, ".txt");
  ASSERT_FALSE(files.empty());
  std::vector<Case> cases = clean_batch(files);
  ASSERT_EQ(cases.size(), files.size());
  check_against_gold(cases, testing_support::read_boilerplate_gold(tsv));
}

}  // namespace
}  // namespace crosscheck
