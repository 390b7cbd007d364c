#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {
namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceBounds& b : split_sentences(text)) out.push_back(text.substr(b.begin, b.end - b.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(Sentences, EmptyAndWhitespace) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences("   \n\t\n \xc2\xa0 \n").empty());
}

TEST(Sentences, Basic) {
  EXPECT_EQ(split("The talks ended. Both sides left Miami."), (V{"The talks ended.", "Both sides left Miami."}));
  EXPECT_EQ(split("No terminal at the end"), (V{"No terminal at the end"}));
  EXPECT_EQ(split("   Padded sentence.   "), (V{"Padded sentence."}));
}

TEST(Sentences, QuestionAndExclamation) {
  EXPECT_EQ(split("Is it over? No! The talks go on."), (V{"Is it over?", "No!", "The talks go on."}));
  EXPECT_EQ(split("Really?! Yes."), (V{"Really?!", "Yes."}));
}

TEST(Sentences, Titles) {
  EXPECT_EQ(split("Sen. Maria Lopez spoke first. Dr. Chen and Mrs. Park agreed with Gov. Hale."),
            (V{"Sen. Maria Lopez spoke first.", "Dr. Chen and Mrs. Park agreed with Gov. Hale."}));
  EXPECT_EQ(split("Lt. Col. Ames met Prof. Ruiz and Gen. Ward. Rep. Tate was absent."),
            (V{"Lt. Col. Ames met Prof. Ruiz and Gen. Ward.", "Rep. Tate was absent."}));
  EXPECT_EQ(split("Mr. Doe and Ms. Roe met at St. Mark's."), (V{"Mr. Doe and Ms. Roe met at St. Mark's."}));
}

TEST(Sentences, PartyLabels) {
  EXPECT_EQ(split("Sen. Tom Reed (R-S.C.) said the deal was close. Others disagreed."),
            (V{"Sen. Tom Reed (R-S.C.) said the deal was close.", "Others disagreed."}));
  EXPECT_EQ(split("said Rep. Ann Cole, R-S.C., a close ally of the governor. She left early."),
            (V{"said Rep. Ann Cole, R-S.C., a close ally of the governor.", "She left early."}));
  EXPECT_EQ(split("The bill was backed by Rep. Dan Ortiz, D-Calif. He voted yes."),
            (V{"The bill was backed by Rep. Dan Ortiz, D-Calif.", "He voted yes."}));
  EXPECT_EQ(split("Rep. Ortiz (D-N.Y.) Monday said no."), (V{"Rep. Ortiz (D-N.Y.) Monday said no."}));
}

TEST(Sentences, Initials) {
  EXPECT_EQ(split("John F. Kennedy was president. He was killed in 1963."),
            (V{"John F. Kennedy was president.", "He was killed in 1963."}));
  EXPECT_EQ(split("The report by J. R. Smith was late."), (V{"The report by J. R. Smith was late."}));
  // An initial at a true sentence end followed by an opener.
  EXPECT_EQ(split("They chose Plan B. The rest followed."), (V{"They chose Plan B.", "The rest followed."}));
}

TEST(Sentences, Decimals) {
  EXPECT_EQ(split("Growth was 3.5 percent. Prices rose 0.25 points."),
            (V{"Growth was 3.5 percent.", "Prices rose 0.25 points."}));
  EXPECT_EQ(split("It ended in 2019. 25 people came."), (V{"It ended in 2019.", "25 people came."}));
}

TEST(Sentences, Ellipses) {
  EXPECT_EQ(split("He paused... then continued. Nobody spoke."),
            (V{"He paused... then continued.", "Nobody spoke."}));
  EXPECT_EQ(split("We waited\xe2\x80\xa6 The door opened."), (V{"We waited\xe2\x80\xa6", "The door opened."}));
}

TEST(Sentences, CanEndAbbreviations) {
  EXPECT_EQ(split("The talks were held in the U.S. The delegates left on Sunday."),
            (V{"The talks were held in the U.S.", "The delegates left on Sunday."}));
  EXPECT_EQ(split("The U.S. Senate voted. It passed."), (V{"The U.S. Senate voted.", "It passed."}));
  EXPECT_EQ(split("U.S. officials met U.N. envoys and E.U. diplomats."),
            (V{"U.S. officials met U.N. envoys and E.U. diplomats."}));
  EXPECT_EQ(split("The meeting began at 9 a.m. on Monday."), (V{"The meeting began at 9 a.m. on Monday."}));
  EXPECT_EQ(split("The meeting began at 9 a.m. The talks lasted hours."),
            (V{"The meeting began at 9 a.m.", "The talks lasted hours."}));
  EXPECT_EQ(split("He works for Acme Inc. The company grew."), (V{"He works for Acme Inc.", "The company grew."}));
  EXPECT_EQ(split("Acme Corp. Chief Executive Jo Li resigned."), (V{"Acme Corp. Chief Executive Jo Li resigned."}));
  EXPECT_EQ(split("They brought food, water, etc. The trucks came later."),
            (V{"They brought food, water, etc.", "The trucks came later."}));
  EXPECT_EQ(split("Apples, pears, etc. were sold."), (V{"Apples, pears, etc. were sold."}));
}

TEST(Sentences, MonthsNumbersLatin) {
  EXPECT_EQ(split("On Jan. 5 the talks began. Sept. 12 was chosen as the date."),
            (V{"On Jan. 5 the talks began.", "Sept. 12 was chosen as the date."}));
  EXPECT_EQ(split("He was ranked No. 1 in the poll. Smith vs. Jones came next."),
            (V{"He was ranked No. 1 in the poll.", "Smith vs. Jones came next."}));
  EXPECT_EQ(split("Some states, e.g. Ohio, voted. Others, i.e. Texas, did not."),
            (V{"Some states, e.g. Ohio, voted.", "Others, i.e. Texas, did not."}));
}

TEST(Sentences, ClosingQuotesStayWithSentence) {
  EXPECT_EQ(split("She said: \"It is over.\" Then she left."), (V{"She said: \"It is over.\"", "Then she left."}));
  EXPECT_EQ(split("\xe2\x80\x9cIt is over.\xe2\x80\x9d The crowd cheered."),
            (V{"\xe2\x80\x9cIt is over.\xe2\x80\x9d", "The crowd cheered."}));
  EXPECT_EQ(split("He called it \xe2\x80\x98" "a disgrace.\xe2\x80\x99 Nobody replied."),
            (V{"He called it \xe2\x80\x98" "a disgrace.\xe2\x80\x99", "Nobody replied."}));
  // '?' inside a quote followed by the attribution does not end the sentence.
  EXPECT_EQ(split("\xe2\x80\x9c" "Are you ready?\xe2\x80\x9d he asked. \xe2\x80\x9cYes.\xe2\x80\x9d"),
            (V{"\xe2\x80\x9c" "Are you ready?\xe2\x80\x9d he asked.", "\xe2\x80\x9cYes.\xe2\x80\x9d"}));
}

TEST(Sentences, QuotationSpanningASentenceEndIsSplitInside) {
  // Documented decision: quotes are transparent, the inner full stop before a capital splits.
  EXPECT_EQ(split("\xe2\x80\x9cWe are ready. We will go,\xe2\x80\x9d he said."),
            (V{"\xe2\x80\x9cWe are ready.", "We will go,\xe2\x80\x9d he said."}));
}

TEST(Sentences, Parentheses) {
  EXPECT_EQ(split("The bill passed (the vote was close. Two senators abstained.) and went on. It is law now."),
            (V{"The bill passed (the vote was close. Two senators abstained.) and went on.", "It is law now."}));
  // A parenthesised sentence of its own ends at its bracket.
  EXPECT_EQ(split("The vote failed. (Two senators were absent.) Debate resumes Monday."),
            (V{"The vote failed.", "(Two senators were absent.)", "Debate resumes Monday."}));
  // A terminal before the closing bracket of a mid-sentence aside.
  EXPECT_EQ(split("He left (for good.) and never came back."), (V{"He left (for good.) and never came back."}));
  // A bracket that never closes does not glue the paragraph together.
  EXPECT_EQ(split("He left (without a word. She stayed."), (V{"He left (without a word.", "She stayed."}));
  // The period after a closing bracket ends the sentence.
  EXPECT_EQ(split("It was signed (in Geneva). The end."), (V{"It was signed (in Geneva).", "The end."}));
}

TEST(Sentences, LineBreaksAreHardBoundaries) {
  const std::string text = "Headline without a period\nThe talks began. They ended\n\n\nNew paragraph here.";
  auto bounds = split_sentences(text);
  ASSERT_EQ(bounds.size(), 4u);
  EXPECT_EQ(text.substr(bounds[0].begin, bounds[0].end - bounds[0].begin), "Headline without a period");
  EXPECT_EQ(text.substr(bounds[2].begin, bounds[2].end - bounds[2].begin), "They ended");
  EXPECT_EQ(bounds[0].paragraph, 0u);
  EXPECT_EQ(bounds[1].paragraph, 1u);
  EXPECT_EQ(bounds[2].paragraph, 1u);
  EXPECT_EQ(bounds[3].paragraph, 2u);
  // Not even an abbreviation carries a sentence across a line.
  EXPECT_EQ(split("He met Sen.\nSmith later."), (V{"He met Sen.", "Smith later."}));
  EXPECT_EQ(split("one\r\ntwo\xe2\x80\xa8three"), (V{"one", "two", "three"}));
}

TEST(Sentences, ListMarkers) {
  EXPECT_EQ(split("1. The first point.\n2. The second point."),
            (V{"1. The first point.", "2. The second point."}));
}

TEST(Sentences, NonLatinScripts) {
  // Cyrillic
  EXPECT_EQ(split("\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b "
                  "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xbe\xd0\xbd\xd1\x87\xd0\xb8\xd0\xbb\xd0\xb8\xd1\x81\xd1\x8c. "
                  "\xd0\xa1\xd1\x82\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd1\x8b \xd1\x83\xd0\xb5\xd1\x85\xd0\xb0\xd0\xbb\xd0\xb8."),
            (V{"\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b "
               "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xbe\xd0\xbd\xd1\x87\xd0\xb8\xd0\xbb\xd0\xb8\xd1\x81\xd1\x8c.",
               "\xd0\xa1\xd1\x82\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd1\x8b \xd1\x83\xd0\xb5\xd1\x85\xd0\xb0\xd0\xbb\xd0\xb8."}));
  // Chinese: the ideographic full stop needs no following space.
  EXPECT_EQ(split("\xe4\xbc\x9a\xe8\xb0\x88\xe7\xbb\x93\xe6\x9d\x9f\xe4\xba\x86\xe3\x80\x82\xe5\x8f\x8c\xe6\x96\xb9\xe7\xa6\xbb\xe5\xbc\x80\xe3\x80\x82"),
            (V{"\xe4\xbc\x9a\xe8\xb0\x88\xe7\xbb\x93\xe6\x9d\x9f\xe4\xba\x86\xe3\x80\x82",
               "\xe5\x8f\x8c\xe6\x96\xb9\xe7\xa6\xbb\xe5\xbc\x80\xe3\x80\x82"}));
  // Hindi danda.
  EXPECT_EQ(split("\xe0\xa4\xac\xe0\xa4\xbe\xe0\xa4\xa4\xe0\xa4\x9a\xe0\xa5\x80\xe0\xa4\xa4 \xe0\xa4\xb9\xe0\xa5\x81\xe0\xa4\x88\xe0\xa5\xa4 "
                  "\xe0\xa4\xb8\xe0\xa4\xad\xe0\xa4\xbe \xe0\xa4\x96\xe0\xa4\xa4\xe0\xa5\x8d\xe0\xa4\xae\xe0\xa5\xa4")
                .size(),
            2u);
  // Lower-case Cyrillic after a period does not start a sentence.
  EXPECT_EQ(split("\xd0\xb2 3 \xd1\x87. \xd0\xb4\xd0\xbd\xd1\x8f").size(), 1u);
}

TEST(Sentences, RandomUtf8NeverBreaksInvariants) {
  const std::vector<std::string> pieces = {
      "a", "Sen", "U", "S", " ", " ", "\n", "\r\n", ".", ".", "?", "!", "(", ")", "[", "]", "\"", "'",
      "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\xa6", "\xe3\x80\x82", "\xd0\x96",
      "\xd0\xb6", "3", "\xc2\xa0", "\xe2\x80\xa8", "\xcc\x81", "\xf0\x9f\x98\x80", "The", "e.g",
  };
  std::mt19937 rng(1234);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    size_t n = rng() % 60;
    for (size_t i = 0; i < n; ++i) {
      if (rng() % 8 == 0) {
        char32_t cp = static_cast<char32_t>(rng() % 0x10FFFF) + 1;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        utf8::append(s, cp);
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    ASSERT_TRUE(utf8::is_valid(s));
    uint32_t last_end = 0, last_paragraph = 0;
    for (const SentenceBounds& b : split_sentences(s)) {
      ASSERT_LT(b.begin, b.end);
      ASSERT_LE(b.end, s.size());
      ASSERT_GE(b.begin, last_end);
      ASSERT_GE(b.paragraph, last_paragraph);
      ASSERT_TRUE(utf8::is_lead(s[b.begin]));
      ASSERT_TRUE(b.end == s.size() || utf8::is_lead(s[b.end]));
      ASSERT_EQ(s.substr(b.begin, b.end - b.begin).find('\n'), std::string::npos);
      last_end = b.end;
      last_paragraph = b.paragraph;
    }
  }
}

}  // namespace
}  // namespace crosscheck::text
