#include "crosscheck/utf8.h"

#include <gtest/gtest.h>

#include <random>

namespace crosscheck::utf8 {
namespace {

TEST(Utf8, ValidAndInvalid) {
  EXPECT_TRUE(is_valid("plain ascii"));
  EXPECT_TRUE(is_valid("Zelens\xca\xb9kyy \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80"));
  EXPECT_FALSE(is_valid("\xc0\xaf"));          // overlong
  EXPECT_FALSE(is_valid("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid("abc\xe2\x80"));       // truncated
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  std::string out;
  EXPECT_EQ(repair("ok", out), 0u);
  EXPECT_EQ(out, "ok");
  // A truncated 3-byte sequence is one maximal subpart -> one U+FFFD.
  EXPECT_EQ(repair("a\xe2\x80z", out), 1u);
  EXPECT_EQ(out, "a\xef\xbf\xbdz");
  // Two stray continuation bytes are two replacements.
  EXPECT_EQ(repair("\x80\x80", out), 2u);
  EXPECT_EQ(out, "\xef\xbf\xbd\xef\xbf\xbd");
  // NUL bytes are replaced too.
  EXPECT_EQ(repair(std::string_view("a\0b", 3), out), 1u);
  EXPECT_EQ(out, "a\xef\xbf\xbd" "b");
}

TEST(Utf8, RepairAlwaysYieldsValidUtf8) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(rng() % 64, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    std::string out;
    repair(bytes, out);
    ASSERT_TRUE(is_valid(out));
    if (is_valid(bytes) && bytes.find('\0') == std::string::npos) {
      ASSERT_EQ(out, bytes);
    }
  }
}

TEST(Utf8, DecodeAppendRoundTrip) {
  for (char32_t cp : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600'}) {
    std::string s;
    append(s, cp);
    const char* p = s.data();
    EXPECT_EQ(decode(p, s.data() + s.size()), cp);
    EXPECT_EQ(p, s.data() + s.size());
  }
}

TEST(Utf8, OffsetMapAgreesWithCounting) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "\xe2\x82\xac" "90 billion loan \xe2\x80\x94 ";
  OffsetMap map(text);
  for (size_t b = 0; b <= text.size(); ++b) {
    if (b < text.size() && !is_lead(text[b])) continue;
    ASSERT_EQ(map.to_code_points(b), count(std::string_view(text).substr(0, b))) << b;
  }
}

}  // namespace
}  // namespace crosscheck::utf8
