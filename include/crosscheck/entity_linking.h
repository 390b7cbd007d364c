// Entity linking: the mentions a tagger found (crosscheck/entities.h), turned into one entity per
// person, organisation or place — within an article (a later "Witkoff" is the "Steve Witkoff"
// named before) and across the articles of a story (however each outlet spells the name).
//
//   std::vector<crosscheck::entities::Mention> m = tagger.mentions(doc);
//   std::vector<crosscheck::entities::ArticleEntity> local =
//       crosscheck::entities::link_mentions(doc, m);
//   ...one ArticleMentions per article of the story...
//   std::vector<crosscheck::entities::StoryEntity> all = crosscheck::entities::link_story(arts);
//   // all[k].name "Kazimir Zhelevsky", aliases {"Kasimir Schelewski", "Zhelevsky", ...}
//
// Within an article (coreference by name): a multi-word person name opens an entity; a shorter
// mention that is the surname (or first name) of an entity already named joins the most recent
// such entity; organisations and places join on the same folded text. Roles and titles right
// before a person's name ("White House envoy Steve Witkoff") or in an appositive after it
// ("Dmitriev, a Kremlin envoy,") are attached to the person.
//
// Across articles: entities of one type merge when their folded names are equal (ICU
// transliteration + case and diacritic folding), or — for people — when the surnames have the same
// phonetic key (src/entities/name_keys.h: Zhelevsky ~ Schelewski, Witkoff ~ Whitkov) and the first
// names agree (same key, an initial, or one side has none and the surname is not shared by two
// different people in the story). A person never merges with an organisation named after them
// (types differ), and two people who share a surname but not a first name stay apart.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/document.h"
#include "crosscheck/entities.h"
#include "crosscheck/span.h"

namespace crosscheck::entities {

// One entity within an article.
struct ArticleEntity {
  std::string type;                // "PER", "ORG", "LOC", "MISC"
  std::string name;                // the fullest form the article uses, as written
  std::vector<uint32_t> mentions;  // indices into the article's mention list, in text order
  std::vector<std::string> roles;  // "White House envoy", "a Kremlin envoy and businessman"
};

// Links one article's mentions (sorted by position, as Tagger::mentions returns them).
std::vector<ArticleEntity> link_mentions(const Document& doc, const std::vector<Mention>& mentions);

// One article's part in story-level linking.
struct ArticleMentions {
  const Article* article = nullptr;
  const Document* doc = nullptr;
  std::vector<Mention> mentions;
  std::vector<ArticleEntity> entities;  // link_mentions(doc, mentions)
};

struct EntityMention {
  std::string article;  // article id
  crosscheck::Span span;  // code points into the article's text
  std::string text;       // as written
};

struct StoryEntity {
  std::string id;                    // "e1", "e2", ... (most mentioned first)
  std::string type;
  std::string name;                  // the most used full form
  std::vector<std::string> aliases;  // every other form, as written (possessives dropped)
  std::vector<std::string> roles;    // distinct roles from all articles
  std::vector<EntityMention> mentions;
};

// Merges the articles' entities into story entities.
std::vector<StoryEntity> link_story(const std::vector<ArticleMentions>& articles);

}  // namespace crosscheck::entities
