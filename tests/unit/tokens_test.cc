#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {
namespace {

std::vector<std::string> texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.push_back(s.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<TokenKind> kinds(const std::string& s) {
  std::vector<TokenKind> out;
  for (const Token& t : tokenize(s)) out.push_back(t.kind);
  return out;
}

using V = std::vector<std::string>;
constexpr TokenKind W = TokenKind::kWord, N = TokenKind::kNumber, P = TokenKind::kPunct,
                    S = TokenKind::kSymbol;

TEST(Tokens, EmptyAndWhitespace) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" \n\t \xc2\xa0 \xe3\x80\x80 ").empty());
}

TEST(Tokens, WordsWithInnerApostrophesAndHyphens) {
  EXPECT_EQ(texts("don't O\xe2\x80\x99" "Brien Kyiv-based COVID-19 G7"),
            (V{"don't", "O\xe2\x80\x99" "Brien", "Kyiv-based", "COVID-19", "G7"}));
  // Outer apostrophes and hyphens are punctuation.
  EXPECT_EQ(texts("the students' 'union' -led"), (V{"the", "students", "'", "'", "union", "'", "-", "led"}));
  EXPECT_EQ(texts("well--known"), (V{"well", "-", "-", "known"}));
}

TEST(Tokens, Numbers) {
  EXPECT_EQ(texts("20,000 people, 3.5 percent, the 1990s, at 10:30."),
            (V{"20,000", "people", ",", "3.5", "percent", ",", "the", "1990s", ",", "at", "10:30", "."}));
  EXPECT_EQ(kinds("20,000 3.5 1990s 21st"), (std::vector<TokenKind>{N, N, N, N}));
  // A trailing separator is not part of the number.
  EXPECT_EQ(texts("In 2019, 5."), (V{"In", "2019", ",", "5", "."}));
}

TEST(Tokens, CurrencyIsItsOwnToken) {
  EXPECT_EQ(texts("\xe2\x82\xac" "90 billion and $60"), (V{"\xe2\x82\xac", "90", "billion", "and", "$", "60"}));
  EXPECT_EQ(kinds("\xe2\x82\xac" "90 $60 50%"), (std::vector<TokenKind>{S, N, S, N, N, P}));
}

TEST(Tokens, PunctuationOneEach) {
  EXPECT_EQ(texts("Wait...!? \xe2\x80\x9cNo\xe2\x80\x9d \xe2\x80\x94 yes"),
            (V{"Wait", ".", ".", ".", "!", "?", "\xe2\x80\x9c", "No", "\xe2\x80\x9d", "\xe2\x80\x94", "yes"}));
  EXPECT_EQ(kinds("a , b"), (std::vector<TokenKind>{W, P, W}));
}

TEST(Tokens, DottedAcronyms) {
  EXPECT_EQ(texts("the U.S. and U.K. at 9 a.m. (R-S.C.)"),
            (V{"the", "U.S.", "and", "U.K.", "at", "9", "a.m.", "(", "R-S.C.", ")"}));
  EXPECT_EQ(texts("Sen. Smith"), (V{"Sen", ".", "Smith"}));
  EXPECT_EQ(texts("John F. Kennedy"), (V{"John", "F", ".", "Kennedy"}));
}

TEST(Tokens, NonLatinScripts) {
  // Cyrillic, with an apostrophe inside a Ukrainian word.
  EXPECT_EQ(texts("\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9 "
                  "\xd0\xbf'\xd1\x8f\xd1\x82\xd1\x8c."),
            (V{"\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9",
               "\xd0\xbf'\xd1\x8f\xd1\x82\xd1\x8c", "."}));
  // Devanagari with combining vowel signs and virama stays one word.
  EXPECT_EQ(texts("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 \xe0\xa4\xad\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa4\xa4"),
            (V{"\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87",
               "\xe0\xa4\xad\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa4\xa4"}));
  // Arabic words and its comma.
  EXPECT_EQ(kinds("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\xd8\x8c \xd8\xb9\xd8\xa7\xd9\x84\xd9\x85"),
            (std::vector<TokenKind>{W, P, W}));
  // Decomposed accent stays inside the word.
  EXPECT_EQ(texts("Cafe\xcc\x81!"), (V{"Cafe\xcc\x81", "!"}));
}

TEST(Tokens, EmojiSequencesStayTogether) {
  // thumbs up + VS16, heart + VS16: the selector joins the symbol.
  EXPECT_EQ(texts("ok \xe2\x9d\xa4\xef\xb8\x8f!"), (V{"ok", "\xe2\x9d\xa4\xef\xb8\x8f", "!"}));
}

TEST(Tokens, CodePointOffsetsMatchPrefixCounts) {
  const std::string s =
      "Caf\xc3\xa9 \xe2\x80\x9c\xe2\x82\xac" "90 billion\xe2\x80\x9d \xe2\x80\x94 "
      "\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9 said \xf0\x9f\x98\x80 ok.";
  auto tokens = tokenize(s);
  ASSERT_EQ(tokens.size(), 12u);
  for (const Token& t : tokens) {
    EXPECT_EQ(t.cp_begin, utf8::count(s.substr(0, t.begin)));
    EXPECT_EQ(t.cp_end, utf8::count(s.substr(0, t.end)));
  }
  EXPECT_EQ(s.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Caf\xc3\xa9");
  EXPECT_EQ(tokens[0].cp_end, 4u);
  EXPECT_EQ(tokens[3].cp_begin, 7u);  // "90" after the 7 code points of "Café “€"
}

TEST(Tokens, RandomUtf8NeverBreaksInvariants) {
  const std::vector<std::string> pieces = {
      "a", "Z", "1", "9", " ", "\n", ".", ",", ":", "-", "'", "\xe2\x80\x99", "$", "\xe2\x82\xac",
      "\xd0\x96", "\xcc\x81", "\xe2\x80\x8d", "\xef\xb8\x8f", "\xe6\x97\xa5", "\xf0\x9f\x98\x80", "U.S.",
  };
  std::mt19937 rng(99);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    size_t n = rng() % 50;
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 6 == 0) {
        char32_t cp = static_cast<char32_t>(rng() % 0x10FFFF) + 1;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        utf8::append(s, cp);
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    uint32_t last_end = 0;
    for (const Token& t : tokenize(s)) {
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, s.size());
      ASSERT_GE(t.begin, last_end);
      ASSERT_TRUE(utf8::is_lead(s[t.begin]));
      ASSERT_TRUE(t.end == s.size() || utf8::is_lead(s[t.end]));
      ASSERT_EQ(t.cp_begin, utf8::count(s.substr(0, t.begin)));
      ASSERT_EQ(t.cp_end, utf8::count(s.substr(0, t.end)));
      last_end = t.end;
    }
  }
}

}  // namespace
}  // namespace crosscheck::text
