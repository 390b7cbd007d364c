// Claims: one statement of fact carried by several articles of a story.
//
// Sentences linked by alignment at `claim_min_similarity` or more (quotations included: a quote
// carried by four outlets is a claim four outlets carry) are joined into groups, most similar
// links first, a group holding at most one sentence per article (greedy constrained single
// link); each group that spans at least two articles is a claim. Its text is the member sentence
// most similar to the others; its independent-source count collapses derived copies onto their
// origins (origins.cc), so a re-telling of an article adds no corroboration.
#include <algorithm>
#include <iterator>
#include <map>

#include "crosscheck/compare.h"
#include "src/core/union_find.h"

namespace crosscheck::compare {

std::vector<Claim> find_claims(const std::vector<const Article*>& articles,
                               const std::vector<const Document*>& docs,
                               const align::StoryAlignment& alignment,
                               const std::vector<std::vector<uint32_t>>& origins,
                               const CompareOptions& options) {
  std::vector<uint32_t> first(docs.size() + 1, 0);
  for (size_t d = 0; d < docs.size(); ++d)
    first[d + 1] = first[d] + static_cast<uint32_t>(docs[d]->sentences.size());
  UnionFind sets;
  for (uint32_t i = 0; i < first.back(); ++i) sets.add();
  std::vector<double> centrality(first.back(), 0);
  // Most similar links first; two groups join only when they share no article, so a claim holds
  // at most one sentence per article and a chain of loosely similar sentences cannot sweep up
  // half an article.
  std::vector<const align::SentenceLink*> order;
  for (const align::SentenceLink& l : alignment.links)
    if (l.similarity >= options.claim_min_similarity || l.aligned) order.push_back(&l);
  std::stable_sort(order.begin(), order.end(),
                   [](const align::SentenceLink* x, const align::SentenceLink* y) {
                     return x->similarity > y->similarity;
                   });
  std::vector<std::vector<uint32_t>> group_articles(first.back());  // per root, sorted
  for (uint32_t d = 0; d < docs.size(); ++d)
    for (uint32_t g = first[d]; g < first[d + 1]; ++g) group_articles[g] = {d};
  for (const align::SentenceLink* l : order) {
    uint32_t x = sets.find(first[l->a] + l->sa), y = sets.find(first[l->b] + l->sb);
    if (x == y) continue;
    const std::vector<uint32_t>& ax = group_articles[x];
    const std::vector<uint32_t>& ay = group_articles[y];
    std::vector<uint32_t> merged;
    std::set_union(ax.begin(), ax.end(), ay.begin(), ay.end(), std::back_inserter(merged));
    if (merged.size() != ax.size() + ay.size()) continue;  // an article on both sides
    uint32_t root = sets.unite(x, y);
    group_articles[x].clear();
    group_articles[y].clear();
    group_articles[root] = std::move(merged);
    centrality[first[l->a] + l->sa] += l->similarity;
    centrality[first[l->b] + l->sb] += l->similarity;
  }
  std::map<uint32_t, std::vector<uint32_t>> groups;  // root -> global sentence ids, in order
  for (uint32_t g = 0; g < first.back(); ++g) groups[sets.find(g)].push_back(g);

  struct Ranked {
    Claim claim;
    uint32_t position;  // global id of its earliest sentence
  };
  std::vector<Ranked> ranked;
  for (const auto& [root, members] : groups) {
    if (members.size() < 2) continue;
    std::vector<uint32_t> member_articles;
    uint32_t best = members.front();
    for (uint32_t g : members) {
      uint32_t d = static_cast<uint32_t>(std::upper_bound(first.begin(), first.end(), g) -
                                         first.begin() - 1);
      if (member_articles.empty() || member_articles.back() != d) member_articles.push_back(d);
      if (centrality[g] > centrality[best]) best = g;
    }
    if (member_articles.size() < 2) continue;
    Ranked r;
    r.position = members.front();
    for (uint32_t g : members) {
      uint32_t d = static_cast<uint32_t>(std::upper_bound(first.begin(), first.end(), g) -
                                         first.begin() - 1);
      const Sentence& s = docs[d]->sentences[g - first[d]];
      r.claim.evidence.push_back({articles[d]->id, {s.cp_begin, s.cp_end}});
      if (g == best) r.claim.text = std::string(docs[d]->sentence_text(s));
    }
    for (uint32_t d : member_articles) r.claim.articles.push_back(articles[d]->id);
    r.claim.independent_sources = count_independent(member_articles, origins);
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    if (x.claim.independent_sources != y.claim.independent_sources)
      return x.claim.independent_sources > y.claim.independent_sources;
    if (x.claim.articles.size() != y.claim.articles.size())
      return x.claim.articles.size() > y.claim.articles.size();
    return x.position < y.position;
  });
  std::vector<Claim> out;
  out.reserve(ranked.size());
  for (Ranked& r : ranked) out.push_back(std::move(r.claim));
  return out;
}

}  // namespace crosscheck::compare
