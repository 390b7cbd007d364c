#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {
namespace {

TEST(Normalize, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(normalize(""), "");
  EXPECT_EQ(normalize(" \t\r\n \n\xc2\xa0\xe2\x80\xa8 "), "");
}

TEST(Normalize, AsciiUnchanged) {
  const std::string s = "The talks ended on Saturday. Both sides left Miami.\nA second paragraph.";
  EXPECT_EQ(normalize(s), s);
}

TEST(Normalize, LineEndings) {
  EXPECT_EQ(normalize("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
  EXPECT_EQ(normalize("a\xe2\x80\xa8" "b\xc2\x85" "c\fd"), "a\nb\nc\nd");
}

TEST(Normalize, SpacesUnifiedAndCollapsed) {
  // tab, NBSP, thin space, narrow NBSP, ideographic space
  EXPECT_EQ(normalize("a\tb\xc2\xa0" "c\xe2\x80\x89" "d\xe2\x80\xaf" "e\xe3\x80\x80" "f"), "a b c d e f");
  EXPECT_EQ(normalize("many    spaces \t here"), "many spaces here");
}

TEST(Normalize, LineEdgesTrimmed) {
  EXPECT_EQ(normalize("  first line   \n   second line\t\n"), "first line\nsecond line");
}

TEST(Normalize, BlankLinesCollapsed) {
  EXPECT_EQ(normalize("a\n\nb"), "a\n\nb");
  EXPECT_EQ(normalize("a\n\n\n\n\nb"), "a\n\nb");
  EXPECT_EQ(normalize("a\n  \n \t \n\r\nb"), "a\n\nb");
  EXPECT_EQ(normalize("\n\n\na\n\n\n"), "a");
}

TEST(Normalize, ZeroWidthRemovedJoinersKept) {
  EXPECT_EQ(normalize("co\xc2\xad" "operate"), "cooperate");          // soft hyphen
  EXPECT_EQ(normalize("\xef\xbb\xbfText\xe2\x80\x8b!"), "Text!");     // BOM, ZWSP
  EXPECT_EQ(normalize("word\xe2\x81\xa0joiner"), "wordjoiner");       // WORD JOINER
  const std::string zwj = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9";  // emoji ZWJ sequence
  EXPECT_EQ(normalize(zwj), zwj);
}

TEST(Normalize, ComposesToNfc) {
  EXPECT_EQ(normalize("Cafe\xcc\x81 au lait"), "Caf\xc3\xa9 au lait");
  // A soft hyphen between base and mark goes first, then they compose.
  EXPECT_EQ(normalize("e\xc2\xad\xcc\x81"), "\xc3\xa9");
  // Hangul jamo L + V compose to a syllable.
  EXPECT_EQ(normalize("\xe1\x84\x80\xe1\x85\xa1"), "\xea\xb0\x80");
  // Combining marks in canonical order.
  EXPECT_EQ(normalize("a\xcc\x81\xcc\xa3"), "\xe1\xba\xa1\xcc\x81");
}

TEST(Normalize, NfcTextUntouched) {
  const std::string s =
      "\xe2\x80\x9c\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9"
      "\xe2\x80\x9d \xe2\x80\x94 \xe2\x82\xac" "90 \xe6\x97\xa5\xe6\x9c\xac Caf\xc3\xa9";
  EXPECT_EQ(normalize(s), s);
}

// The obvious, slow reference: code point by code point, then ICU over the whole string.
std::string reference_normalize(const std::string& in) {
  std::u32string cps;
  const char* p = in.data();
  const char* end = p + in.size();
  while (p < end) cps.push_back(utf8::decode(p, end));
  std::vector<std::u32string> lines(1);
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029) {
      lines.emplace_back();
      continue;
    }
    if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF) continue;
    if (c == '\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
        c == 0x205F || c == 0x3000) {
      c = ' ';
    }
    lines.back().push_back(c);
  }
  std::string out;
  int blank_run = 0;
  bool any = false;
  for (auto& line : lines) {
    std::u32string collapsed;
    for (char32_t c : line) {
      if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed.push_back(c);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    if (collapsed.empty()) {
      ++blank_run;
      continue;
    }
    if (any) out += blank_run > 0 ? "\n\n" : "\n";
    for (char32_t c : collapsed) utf8::append(out, c);
    any = true;
    blank_run = 0;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string result;
  nfc->normalize(icu::UnicodeString::fromUTF8(out), status).toUTF8String(result);
  EXPECT_TRUE(U_SUCCESS(status));
  return result;
}

TEST(Normalize, MatchesSlowReferenceOnRandomText) {
  const std::vector<std::string> pieces = {
      "a", "B", "e", " ", " ", "  ", "\t", "\n", "\r", "\r\n", ".", "\xc2\xa0", "\xe2\x80\xa8",
      "\xc2\xad", "\xe2\x80\x8b", "\xcc\x81", "\xcc\xa3", "\xc3\xa9", "\xe1\x84\x80", "\xe1\x85\xa1",
      "\xe2\x80\x9c", "\xd0\x96", "\xe6\x97\xa5", "\xf0\x9f\x98\x80", "\xe2\x80\x8d", "\xe0\xa4\xbc",
      "\xe2\x80\x80", "\xe0\xa5\x98",
  };
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    const std::string got = normalize(s);
    ASSERT_EQ(got, reference_normalize(s)) << "input: " << s;
    ASSERT_TRUE(utf8::is_valid(got));
    ASSERT_EQ(normalize(got), got) << "not idempotent on: " << s;
  }
}

}  // namespace
}  // namespace crosscheck::text
