// Story-level entities: the articles' entities merged across spellings (rules in
// crosscheck/entity_linking.h). Candidate pairs are the entities of one type; a story has a few
// hundred, so the pairwise test is cheap; merges go through a union-find, people in two passes —
// full names first, then entities known by a surname only, which join a full-name entity only
// when the surname key picks out one person.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "crosscheck/entity_linking.h"
#include "src/core/union_find.h"
#include "src/entities/name_keys.h"

namespace crosscheck::entities {
namespace {

struct Node {
  size_t article = 0, entity = 0;
  std::string type;
  std::vector<std::string> words;   // folded name words, titles stripped
  std::string first_key, last_key;  // phonetic keys of the first and last word
  std::string folded;               // all words joined by ' '
};

bool similar_length(const std::string& a, const std::string& b) {
  size_t x = std::min(a.size(), b.size()), y = std::max(a.size(), b.size());
  return y > 0 && x * 10 >= y * 6;
}

// Two written surnames for one person: equal, or the same phonetic key at a similar length.
bool same_surname(const Node& a, const Node& b) {
  const std::string& x = a.words.back();
  const std::string& y = b.words.back();
  if (x == y) return true;
  return a.last_key == b.last_key && a.last_key.size() >= 3 && similar_length(x, y);
}

// First names agree: same word or key, or one is the other's initial.
bool same_first(const Node& a, const Node& b) {
  const std::string& x = a.words.front();
  const std::string& y = b.words.front();
  if (x == y || (a.first_key == b.first_key && similar_length(x, y))) return true;
  return (x.size() == 1 && y[0] == x[0]) || (y.size() == 1 && x[0] == y[0]);
}

}  // namespace

std::vector<StoryEntity> link_story(const std::vector<ArticleMentions>& articles) {
  std::vector<Node> nodes;
  for (size_t a = 0; a < articles.size(); ++a)
    for (size_t e = 0; e < articles[a].entities.size(); ++e) {
      Node n;
      n.article = a;
      n.entity = e;
      n.type = articles[a].entities[e].type;
      n.words = name_words(articles[a].entities[e].name);
      if (n.words.empty()) continue;
      n.first_key = phonetic_key(n.words.front());
      n.last_key = phonetic_key(n.words.back());
      for (const std::string& w : n.words) n.folded += (n.folded.empty() ? "" : " ") + w;
      nodes.push_back(std::move(n));
    }
  UnionFind sets;
  for (size_t i = 0; i < nodes.size(); ++i) sets.add();

  // Pass 1: equal folded names (any type), and full person names that agree.
  for (size_t i = 0; i < nodes.size(); ++i)
    for (size_t j = i + 1; j < nodes.size(); ++j) {
      const Node& a = nodes[i];
      const Node& b = nodes[j];
      if (a.type != b.type) continue;
      bool merge = a.folded == b.folded;
      if (!merge && a.type == "PER" && a.words.size() > 1 && b.words.size() > 1)
        merge = same_surname(a, b) && same_first(a, b);
      if (!merge && a.type != "PER" && a.folded.size() >= 6) {
        std::string ka, kb;
        for (const std::string& w : a.words) ka += phonetic_key(w);
        for (const std::string& w : b.words) kb += phonetic_key(w);
        merge = ka == kb && similar_length(a.folded, b.folded);
      }
      if (merge) sets.unite(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    }
  // Pass 2: a person known only by one name joins the one full-name person it fits; when two
  // different people fit (Joe and Hunter Biden), it joins neither.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& a = nodes[i];
    if (a.type != "PER" || a.words.size() != 1) continue;
    std::set<uint32_t> fits;
    for (size_t j = 0; j < nodes.size(); ++j) {
      const Node& b = nodes[j];
      if (b.type != "PER" || b.words.size() < 2) continue;
      if (same_surname(a, b)) fits.insert(sets.find(static_cast<uint32_t>(j)));
    }
    if (fits.size() == 1) sets.unite(static_cast<uint32_t>(i), *fits.begin());
  }

  // Collect.
  std::map<uint32_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < nodes.size(); ++i)
    groups[sets.find(static_cast<uint32_t>(i))].push_back(i);
  std::vector<StoryEntity> out;
  for (const auto& [root, members] : groups) {
    StoryEntity se;
    se.type = nodes[members.front()].type;
    std::map<std::string, size_t> forms;  // written form -> count
    std::map<std::string, size_t> full_forms;
    for (size_t i : members) {
      const ArticleMentions& am = articles[nodes[i].article];
      const ArticleEntity& ae = am.entities[nodes[i].entity];
      for (const std::string& r : ae.roles)
        if (std::find(se.roles.begin(), se.roles.end(), r) == se.roles.end()) se.roles.push_back(r);
      for (uint32_t k : ae.mentions) {
        if (k >= am.mentions.size()) continue;
        const Mention& m = am.mentions[k];
        std::string text(am.doc->text.substr(m.begin, m.end - m.begin));
        se.mentions.push_back({am.article->id, {m.cp_begin, m.cp_end}, text});
        std::string form(without_possessive(text));
        ++forms[form];
        if (name_words(form).size() > 1) ++full_forms[form];
      }
    }
    if (se.mentions.empty()) continue;
    const auto& pick_from = full_forms.empty() ? forms : full_forms;
    size_t best = 0;
    for (const auto& [form, n] : pick_from)
      if (n > best) {
        best = n;
        se.name = form;
      }
    for (const auto& [form, n] : forms)
      if (form != se.name) se.aliases.push_back(form);
    out.push_back(std::move(se));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoryEntity& x, const StoryEntity& y) {
    return x.mentions.size() > y.mentions.size();
  });
  for (size_t i = 0; i < out.size(); ++i) out[i].id = "e" + std::to_string(i + 1);
  return out;
}

}  // namespace crosscheck::entities
