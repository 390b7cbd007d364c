#include "crosscheck/entity_linking.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "crosscheck/text.h"
#include "src/entities/name_keys.h"

namespace crosscheck::entities {
namespace {

// An analysed article with mentions placed by hand: {surface, type} in text order.
struct Fixture {
  Article article;
  Document doc;
  std::vector<Mention> mentions;

  Fixture(const std::string& id, const std::string& text,
          const std::vector<std::pair<std::string, std::string>>& names) {
    article.id = id;
    article.text = text;
    text::AnalyzerOptions o;
    o.detect_language = false;
    doc = text::Analyzer(o).analyze(article);
    size_t from = 0;
    for (const auto& [surface, type] : names) {
      size_t at = text.find(surface, from);
      EXPECT_NE(at, std::string::npos) << surface;
      if (at == std::string::npos) continue;
      from = at + surface.size();
      Mention m;
      m.type = type;
      bool started = false;
      for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
        const Token& t = doc.tokens[i];
        if (t.begin >= at && t.end <= at + surface.size()) {
          if (!started) {
            m.token_begin = i;
            m.begin = t.begin;
            m.cp_begin = t.cp_begin;
            started = true;
          }
          m.token_end = i + 1;
          m.end = t.end;
          m.cp_end = t.cp_end;
        }
      }
      mentions.push_back(m);
    }
  }
  ArticleMentions linked() const {
    return {&article, &doc, mentions, link_mentions(doc, mentions)};
  }
};

const StoryEntity* find(const std::vector<StoryEntity>& all, const std::string& form) {
  for (const StoryEntity& e : all) {
    if (e.name == form) return &e;
    if (std::find(e.aliases.begin(), e.aliases.end(), form) != e.aliases.end()) return &e;
  }
  return nullptr;
}

TEST(NameKeysTest, FoldingAndPhoneticKeys) {
  EXPECT_EQ(folded_name("Zelenskyy’s"), "zelenskyy");
  EXPECT_EQ(folded_name("  Łukasz  Müller-Weiß "), "lukasz muller weiss");
  EXPECT_FALSE(folded_name("Зеленський").empty());
  EXPECT_EQ(phonetic_key("zhelevsky"), phonetic_key("schelewski"));
  EXPECT_EQ(phonetic_key("witkoff"), phonetic_key("whitkov"));
  EXPECT_EQ(phonetic_key("kazimir"), phonetic_key("kasimir"));
  EXPECT_EQ(phonetic_key("zelenskyy"), phonetic_key("zelensky"));
  EXPECT_NE(phonetic_key("biden"), phonetic_key("bowden"));
  EXPECT_NE(phonetic_key("putin"), phonetic_key("patton"));
  EXPECT_EQ(name_words("Sen. Lindsey Graham’s"), (std::vector<std::string>{"lindsey", "graham"}));
  EXPECT_EQ(name_words("President"), std::vector<std::string>{"president"})
      << "a title alone stays";
  EXPECT_EQ(without_possessive("Witkoff’s"), "Witkoff");
  EXPECT_EQ(without_possessive("Ross"), "Ross");
}

TEST(CoreferenceTest, SurnameJoinsTheFullNameAndRolesAttach) {
  Fixture f("a",
            "White House envoy Steve Witkoff met Kirill Dmitriev, a Kremlin envoy and "
            "businessman, in Miami. Witkoff called the talks useful. Dmitriev agreed.",
            {{"Steve Witkoff", "PER"},
             {"Kirill Dmitriev", "PER"},
             {"Miami", "LOC"},
             {"Witkoff", "PER"},
             {"Dmitriev", "PER"}});
  std::vector<ArticleEntity> e = link_mentions(f.doc, f.mentions);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].name, "Steve Witkoff");
  EXPECT_EQ(e[0].mentions, (std::vector<uint32_t>{0, 3}));
  ASSERT_EQ(e[0].roles.size(), 1u);
  EXPECT_EQ(e[0].roles[0], "White House envoy");
  EXPECT_EQ(e[1].mentions, (std::vector<uint32_t>{1, 4}));
  ASSERT_EQ(e[1].roles.size(), 1u);
  EXPECT_EQ(e[1].roles[0], "a Kremlin envoy and businessman");
  EXPECT_EQ(e[2].type, "LOC");
}

TEST(CoreferenceTest, SurnameGoesToTheMostRecentBearer) {
  Fixture f("a", "Joe Biden spoke first. Hunter Biden left early. Biden later returned.",
            {{"Joe Biden", "PER"}, {"Hunter Biden", "PER"}, {"Biden", "PER"}});
  std::vector<ArticleEntity> e = link_mentions(f.doc, f.mentions);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].mentions, (std::vector<uint32_t>{1, 2}));
}

TEST(AliasesTest, TransliterationsMergeAcrossArticles) {
  Fixture a("a", "Mediator Kazimir Zhelevsky chaired the talks. Zhelevsky was tired.",
            {{"Kazimir Zhelevsky", "PER"}, {"Zhelevsky", "PER"}});
  Fixture b("b", "Kasimir Schelewski led the mediation. Schelewski's team worked late.",
            {{"Kasimir Schelewski", "PER"}, {"Schelewski's", "PER"}});
  Fixture c("c", "Envoy Steve Whitkov arrived, and Whitkov spoke to Zhelevsky.",
            {{"Steve Whitkov", "PER"}, {"Whitkov", "PER"}, {"Zhelevsky", "PER"}});
  Fixture d("d", "Steve Witkoff said the talks in Miami were productive.",
            {{"Steve Witkoff", "PER"}, {"Miami", "LOC"}});
  std::vector<StoryEntity> all = link_story({a.linked(), b.linked(), c.linked(), d.linked()});
  const StoryEntity* z = find(all, "Kazimir Zhelevsky");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z, find(all, "Kasimir Schelewski"));
  EXPECT_EQ(z, find(all, "Schelewski")) << "possessive dropped from the alias";
  EXPECT_EQ(z->mentions.size(), 5u);
  const StoryEntity* w = find(all, "Steve Witkoff");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w, find(all, "Steve Whitkov"));
  EXPECT_NE(w, z);
  EXPECT_EQ(all.size(), 3u);  // the two people and Miami
  for (const StoryEntity& e : all)
    for (const EntityMention& m : e.mentions) EXPECT_LT(m.span.start, m.span.end);
}

TEST(AliasesTest, SharedSurnameDifferentPeopleAndPersonVersusOrganisation) {
  Fixture a("a", "Joe Biden met reporters while Hunter Biden stayed home.",
            {{"Joe Biden", "PER"}, {"Hunter Biden", "PER"}});
  Fixture b("b", "Biden said nothing. The Trump Organization declined to comment, Trump said.",
            {{"Biden", "PER"}, {"Trump Organization", "ORG"}, {"Trump", "PER"}});
  Fixture c("c", "Donald Trump spoke on Monday.", {{"Donald Trump", "PER"}});
  std::vector<StoryEntity> all = link_story({a.linked(), b.linked(), c.linked()});
  const StoryEntity* joe = find(all, "Joe Biden");
  const StoryEntity* hunter = find(all, "Hunter Biden");
  ASSERT_NE(joe, nullptr);
  ASSERT_NE(hunter, nullptr);
  EXPECT_NE(joe, hunter);
  const StoryEntity* biden = find(all, "Biden");
  EXPECT_NE(biden, joe) << "ambiguous surname joins neither";
  EXPECT_NE(biden, hunter);
  const StoryEntity* trump = find(all, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump, find(all, "Trump"));
  EXPECT_NE(trump, find(all, "Trump Organization"));
}

TEST(AliasesTest, EmptyInputs) {
  EXPECT_TRUE(link_story({}).empty());
  Fixture a("a", "", {});
  EXPECT_TRUE(link_mentions(a.doc, a.mentions).empty());
  EXPECT_TRUE(link_story({a.linked()}).empty());
}

}  // namespace
}  // namespace crosscheck::entities
