// The small string tools shared by several stages: FNV-1a, edit distance, ASCII containment.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>

#include "crosscheck/ascii.h"
#include "src/core/calendar.h"
#include "src/core/edit_distance.h"
#include "src/core/fnv.h"

namespace crosscheck {
namespace {

TEST(FnvTest, ExtendsPieceByPieceAndMatchesKnownValues) {
  EXPECT_EQ(fnv1a(""), kFnvOffset);
  EXPECT_EQ(fnv1a("a"), 0xaf63dc4c8601ec8cull);  // published FNV-1a 64 test vector
  EXPECT_EQ(fnv1a(" board", fnv1a("harbour")), fnv1a("harbour board"));
  EXPECT_NE(fnv1a("harbour"), fnv1a("harbor"));
}

// The one-row Levenshtein against the textbook recursion on random short strings.
TEST(EditDistanceTest, MatchesTheRecursiveDefinition) {
  std::function<size_t(const std::string&, const std::string&)> slow =
      [&](const std::string& a, const std::string& b) -> size_t {
    if (a.empty()) return b.size();
    if (b.empty()) return a.size();
    std::string a1 = a.substr(1), b1 = b.substr(1);
    size_t best = std::min(slow(a1, b) + 1, slow(a, b1) + 1);
    return std::min(best, slow(a1, b1) + (a[0] == b[0] ? 0 : 1));
  };
  std::mt19937 rng(9);
  for (int round = 0; round < 200; ++round) {
    std::string a, b;
    for (size_t n = rng() % 6; n > 0; --n) a.push_back("abc"[rng() % 3]);
    for (size_t n = rng() % 6; n > 0; --n) b.push_back("abc"[rng() % 3]);
    EXPECT_EQ(edit_distance(a, b), slow(a, b)) << a << " / " << b;
  }
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(AsciiTest, CaseInsensitiveContainment) {
  EXPECT_TRUE(ascii::icontains("with Gullwing WIRE and agencies", "gullwing wire"));
  EXPECT_TRUE(ascii::icontains("Reuters", ""));
  EXPECT_FALSE(ascii::icontains("Reuters", "Reuters Ltd"));
  EXPECT_FALSE(ascii::icontains("AFP", "dpa"));
  // ifind: the first position, checked against a lower-casing scan.
  EXPECT_EQ(ascii::ifind("the Harbour Board and the harbour", "HARBOUR"), 4u);
  EXPECT_EQ(ascii::ifind("Hh hh hH", "hh"), 0u);
  EXPECT_EQ(ascii::ifind("aab", "ab"), 1u);
  EXPECT_EQ(ascii::ifind("abc", ""), 0u);
  EXPECT_EQ(ascii::ifind("ab", "abc"), std::string_view::npos);
  EXPECT_EQ(ascii::ifind("Zürich", "ZÜR"), std::string_view::npos);  // non-ASCII compares exactly
  const std::string hay = "xxYyxYYxyY", needle = "xyy";
  std::string lower = hay;
  for (char& c : lower) c = ascii::to_lower(c);
  EXPECT_EQ(ascii::ifind(hay, needle), lower.find(needle));
}

TEST(Calendar, MonthLengthsWithLeapYears) {
  EXPECT_EQ(days_in_month(2, 2024), 29);
  EXPECT_EQ(days_in_month(2, 2023), 28);
  EXPECT_EQ(days_in_month(2, 1900), 28);  // a century, not divisible by 400
  EXPECT_EQ(days_in_month(2, 2000), 29);
  EXPECT_EQ(days_in_month(2), 29);  // year unknown: the 29th can exist
  EXPECT_EQ(days_in_month(4, 2023), 30);
  EXPECT_EQ(days_in_month(12), 31);
  EXPECT_EQ(days_in_month(0), 0);
  EXPECT_EQ(days_in_month(13, 2023), 0);
}

}  // namespace
}  // namespace crosscheck
