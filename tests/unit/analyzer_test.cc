#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {
namespace {

Article make_article(std::string text) {
  Article a;
  a.id = "test";
  a.text = std::move(text);
  return a;
}

TEST(Fold, AsciiAndUnicode) {
  EXPECT_EQ(fold("Negotiations"), "negotiations");
  EXPECT_EQ(fold("U.S."), "u.s.");
  EXPECT_EQ(fold("Stra\xc3\x9f" "e"), "strasse");                                   // full folding: ß -> ss
  EXPECT_EQ(fold("ZELENSKYY\xe2\x80\x99S"), "zelenskyy's");                        // ’ -> '
  EXPECT_EQ(fold("\xd0\x97\xd0\x95\xd0\x9b\xd0\x95\xd0\x9d"), "\xd0\xb7\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd");  // ЗЕЛЕН
  EXPECT_EQ(fold("\xc3\x89LYS\xc3\x89" "E"), "\xc3\xa9lys\xc3\xa9" "e");           // ÉLYSÉE
  EXPECT_EQ(fold(""), "");
}

TEST(Stemmer, EnglishAndGerman) {
  Stemmer en("en");
  EXPECT_EQ(en.language(), "en");
  EXPECT_EQ(en.stem("negotiations"), "negoti");
  EXPECT_EQ(en.stem("talks"), "talk");
  Stemmer de("de");
  EXPECT_EQ(de.language(), "de");
  EXPECT_EQ(de.stem("verhandlungen"), "verhandl");
}

TEST(Stemmer, UnknownLanguageFallsBackToEnglish) {
  Stemmer s("und");
  EXPECT_EQ(s.language(), "en");
  EXPECT_EQ(s.stem("negotiations"), "negoti");
  EXPECT_EQ(s.stem(""), "");
}

TEST(Analyzer, SentencesTokensAndOffsets) {
  // Multibyte: é, “ ”, —, €, Cyrillic.
  const Article article = make_article(
      "Caf\xc3\xa9 owners in Kyiv met Sen. Ana Reyes (R-S.C.) on Monday. \xe2\x80\x9cWe need \xe2\x82\xac" "90 "
      "billion,\xe2\x80\x9d she said \xe2\x80\x94 loudly.\n"
      "The negotiations with \xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9 continue. "
      "Officials expect a deal soon, and the talks will resume in the spring.");
  Analyzer analyzer;
  const Document doc = analyzer.analyze(article);
  EXPECT_EQ(doc.id, "test");
  EXPECT_EQ(doc.language, "en");
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(doc.sentence_text(doc.sentences[0]),
            "Caf\xc3\xa9 owners in Kyiv met Sen. Ana Reyes (R-S.C.) on Monday.");
  EXPECT_EQ(doc.sentences[1].paragraph, 0u);
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_EQ(doc.sentences[3].paragraph, 1u);

  const std::string_view text = doc.text;
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.cp_begin, utf8::count(text.substr(0, s.begin)));
    EXPECT_EQ(s.cp_end, utf8::count(text.substr(0, s.end)));
    ASSERT_LT(s.token_begin, s.token_end);
    EXPECT_EQ(doc.tokens[s.token_begin].begin, s.begin);
    EXPECT_EQ(doc.tokens[s.token_end - 1].end, s.end);
  }
  for (const Token& t : doc.tokens) {
    EXPECT_EQ(t.cp_begin, utf8::count(text.substr(0, t.begin)));
    EXPECT_EQ(t.cp_end, utf8::count(text.substr(0, t.end)));
  }
  // The sentence after the Cyrillic word starts where its code point count says.
  const Sentence& last = doc.sentences[3];
  EXPECT_EQ(utf8::count(text.substr(0, last.begin)), last.cp_begin);
  EXPECT_LT(last.cp_begin, last.begin);  // multibyte characters before it

  ASSERT_EQ(doc.norms.size(), doc.tokens.size());
  ASSERT_EQ(doc.stems.size(), doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    std::string_view t = doc.token_text(doc.tokens[i]);
    if (t == "Caf\xc3\xa9") {
      EXPECT_EQ(doc.norms[i], "caf\xc3\xa9");
    }
    if (t == "negotiations") {
      EXPECT_EQ(doc.stems[i], "negoti");
    }
    if (t == "\xe2\x82\xac") {
      EXPECT_EQ(doc.tokens[i].kind, TokenKind::kSymbol);
      EXPECT_EQ(doc.token_text(doc.tokens[i + 1]), "90");
    }
    if (doc.tokens[i].kind == TokenKind::kPunct) {
      EXPECT_TRUE(doc.norms[i].empty());
      EXPECT_TRUE(doc.stems[i].empty());
    }
  }
}

TEST(Analyzer, OptionsTurnStagesOff) {
  const Article article = make_article("The negotiations continue. Both sides met again today in Geneva.");
  Analyzer analyzer(AnalyzerOptions{.detect_language = false, .fold = false, .stem = false});
  const Document doc = analyzer.analyze(article);
  EXPECT_EQ(doc.language, "und");
  EXPECT_TRUE(doc.norms.empty());
  EXPECT_TRUE(doc.stems.empty());
  EXPECT_EQ(doc.sentences.size(), 2u);

  Article tagged = article;
  tagged.language = "de";
  EXPECT_EQ(analyzer.analyze(tagged).language, "de");  // the article's own tag when not detecting

  Analyzer fold_only(AnalyzerOptions{.stem = false});
  const Document folded = fold_only.analyze(article);
  EXPECT_EQ(folded.norms.size(), folded.tokens.size());
  EXPECT_TRUE(folded.stems.empty());
}

TEST(Analyzer, EmptyAndWhitespaceOnly) {
  Analyzer analyzer;
  for (const char* text : {"", "   ", "\n\n \t\n"}) {
    const Article article = make_article(text);
    const Document doc = analyzer.analyze(article);
    EXPECT_TRUE(doc.sentences.empty());
    EXPECT_TRUE(doc.tokens.empty());
    EXPECT_EQ(doc.language, "und");
  }
}

TEST(Analyzer, LanguageSampleIsCutAtACodePoint) {
  // 3-byte characters and a sample limit that falls inside one must not crash or misdetect.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80 ";
  Analyzer analyzer(AnalyzerOptions{.language_sample_bytes = 101});
  const Article article = make_article(text);
  const Document doc = analyzer.analyze(article);
  EXPECT_NE(doc.language, "en");
}

TEST(Analyzer, RandomUtf8NeverBreaksInvariants) {
  const std::vector<std::string> pieces = {
      "The", "talks", "U.S.", "Sen.", " ", " ", "\n", "\n\n", ".", "?", "(", ")", "\xe2\x80\x9c",
      "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x82\xac" "90", "3.5", "20,000", "\xd0\x96\xd0\xb8",
      "\xe6\x97\xa5\xe3\x80\x82", "\xcc\x81", "\xf0\x9f\x98\x80", "-", "'",
  };
  std::mt19937 rng(2024);
  Analyzer analyzer;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    size_t n = rng() % 60;
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 5 == 0) {
        char32_t cp = static_cast<char32_t>(rng() % 0x10FFFF) + 1;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        utf8::append(s, cp);
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    const Article article = make_article(s);
    const Document doc = analyzer.analyze(article);
    ASSERT_EQ(doc.norms.size(), doc.tokens.size());
    ASSERT_EQ(doc.stems.size(), doc.tokens.size());
    uint32_t last_end = 0, last_token_end = 0;
    for (const Sentence& sentence : doc.sentences) {
      ASSERT_LT(sentence.begin, sentence.end);
      ASSERT_LE(sentence.end, s.size());
      ASSERT_GE(sentence.begin, last_end);
      ASSERT_TRUE(utf8::is_lead(s[sentence.begin]));
      ASSERT_TRUE(sentence.end == s.size() || utf8::is_lead(s[sentence.end]));
      ASSERT_EQ(sentence.cp_begin, utf8::count(s.substr(0, sentence.begin)));
      ASSERT_EQ(sentence.cp_end, utf8::count(s.substr(0, sentence.end)));
      ASSERT_LE(sentence.token_begin, sentence.token_end);
      ASSERT_GE(sentence.token_begin, last_token_end);
      ASSERT_LE(sentence.token_end, doc.tokens.size());
      for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
        ASSERT_GE(doc.tokens[t].begin, sentence.begin);
        ASSERT_LE(doc.tokens[t].end, sentence.end) << "text: " << s << " sentence: " << doc.sentence_text(sentence);
      }
      last_end = sentence.end;
      last_token_end = sentence.token_end;
    }
  }
}

}  // namespace
}  // namespace crosscheck::text
