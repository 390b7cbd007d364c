// TemplateModel: counts distinct articles per (outlet, folded paragraph).
#include <gtest/gtest.h>

#include "crosscheck/clean.h"

namespace crosscheck::clean {
namespace {

TEST(TemplateModel, CountsDistinctArticlesPerOutlet) {
  TemplateModel model;
  model.observe("a.example", "First story body.\nSupport local news.\n");
  model.observe("a.example", "Second story body.\n\nSupport local news.");
  model.observe("b.example", "Other outlet.\nSupport local news.");
  EXPECT_EQ(model.count("a.example", "Support local news."), 2u);
  EXPECT_EQ(model.count("b.example", "Support local news."), 1u);
  EXPECT_EQ(model.count("c.example", "Support local news."), 0u);
  EXPECT_EQ(model.count("a.example", "First story body."), 1u);
  EXPECT_EQ(model.count("a.example", "Never seen."), 0u);
}

TEST(TemplateModel, OneArticleCountsOnceHoweverOftenItRepeats) {
  TemplateModel model;
  model.observe("a.example", "Follow\nbody\nFollow\nFollow");
  EXPECT_EQ(model.count("a.example", "Follow"), 1u);
}

TEST(TemplateModel, FoldsCaseAndWhitespace) {
  TemplateModel model;
  model.observe("A.Example", "  Sign  up for\tour NEWSLETTER  ");
  EXPECT_EQ(model.count("a.example", "sign up for our newsletter"), 1u);
  EXPECT_EQ(model.count("a.example", "Sign up for our newsletter!"), 0u);
}

// Only A-Z fold (as std::tolower in the "C" locale): the bytes next to them in ASCII, and
// non-ASCII letters, stay as they are.
TEST(TemplateModel, FoldsExactlyTheAsciiLetters) {
  TemplateModel model;
  model.observe("o", "AZ @[ `{ \xC3\x89t\xC3\xA9");               // "AZ @[ `{ Été"
  EXPECT_EQ(model.count("o", "az @[ `{ \xC3\x89t\xC3\xA9"), 1u);  // 'A' and 'Z' fold
  EXPECT_EQ(model.count("o", "az `[ `{ \xC3\x89t\xC3\xA9"), 0u);  // '@' is not 'A' - 1 folded
  EXPECT_EQ(model.count("o", "az @{ `{ \xC3\x89t\xC3\xA9"), 0u);  // '[' is not 'Z' + 1 folded
  EXPECT_EQ(model.count("o", "az @[ `{ \xC3\xA9t\xC3\xA9"), 0u);  // 'É' is not folded to 'é'
}

TEST(TemplateModel, BlankLinesAreNotParagraphs) {
  TemplateModel model;
  model.observe("a.example", "\n\n   \nText\n\n");
  model.observe("a.example", "\n \n");
  EXPECT_EQ(model.count("a.example", ""), 0u);
  EXPECT_EQ(model.count("a.example", "   "), 0u);
  EXPECT_EQ(model.count("a.example", "Text"), 1u);
}

TEST(TemplateModel, OutletAndParagraphDoNotRunTogether) {
  // ("ab", "c") and ("a", "bc") must be different keys.
  TemplateModel model;
  model.observe("ab", "c");
  EXPECT_EQ(model.count("a", "bc"), 0u);
  EXPECT_EQ(model.count("ab", "c"), 1u);
}

}  // namespace
}  // namespace crosscheck::clean
