// Names in a Document, for attribution: runs of capitalised words (the heuristic used when no NER
// tagger is at hand) or the tagger's mentions, each with the titles before it, whether it looks
// like a person, a gender when a title tells it, and the roles the article gives the person
// ("campaign spokesman Brian Fallon", "Smith, a spokesman for the campaign,", "Sen." -> senator).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/quotes.h"
#include "src/quotes/context.h"

namespace crosscheck::quotes {

struct NameRun {
  uint32_t begin = 0, end = 0;  // token range, titles included
  uint32_t name_begin = 0;      // first token after the titles (== end for a bare title)
  bool person = false;          // looks like a person
  bool possessive = false;      // ends in 's ("Trump's campaign manager")
  int gender = 0;               // +1 male, -1 female, 0 unknown
  int32_t entity = -1;          // index of the person (same surname) in NameIndex::entities()
  bool bare_title() const { return name_begin == end; }
};

// One person (or organisation) of the article: all runs sharing a surname.
struct NameEntity {
  std::string name;  // the fullest form, without titles or possessive ("Ted Cruz")
  std::string key;   // lower-case surname
  bool person = false;
  int gender = 0;
  std::vector<std::string> roles;  // lower-case role nouns ("senator", "spokesman")
};

class NameIndex {
 public:
  // Runs from `mentions` when given (PER mentions are persons), else from capitalisation.
  NameIndex(const TokenContext& ctx, const std::vector<NameMention>* mentions);

  const std::vector<NameRun>& runs() const { return runs_; }
  const std::vector<NameEntity>& entities() const { return entities_; }
  // The run ending exactly at token `end` (exclusive), or -1.
  int32_t ending_at(uint32_t end) const;
  // The run starting exactly at token `begin`, or -1.
  int32_t starting_at(uint32_t begin) const;
  // A person, or a one-word name that may well be one ("Madison said"): no acronym, no
  // organisation word.
  bool could_be_person(int32_t r) const;
  // Adds a role to the entity of run `r` (from an appositive found during attribution).
  void add_role(int32_t r, std::string_view role);
  // Role nouns a title gives, lower case ("Sen" -> senator, lawmaker). Empty for "Mr".
  static std::vector<std::string_view> title_roles(std::string_view title);

 private:
  void scan_capitalised();
  void from_mentions(const std::vector<NameMention>& mentions);
  uint32_t titles_before(uint32_t begin) const;
  void finish();
  void learn_roles();
  void learn_gender();

  const TokenContext& ctx_;
  std::vector<NameRun> runs_;
  std::vector<NameEntity> entities_;
  std::vector<int32_t> by_end_;    // per token t: run whose last token is t, or -1
  std::vector<int32_t> by_begin_;  // per token t: run starting at t, or -1
};

}  // namespace crosscheck::quotes
