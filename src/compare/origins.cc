// Origins: what each article of a story ultimately derives from, for counting independent
// sources. An article that derives from nothing in the story is its own origin; a derived copy's
// origins are its sources' origins (an aggregator stitched from two wires has two).
#include <algorithm>

#include "crosscheck/compare.h"

namespace crosscheck::compare {
namespace {

void collect(uint32_t article, const std::vector<std::vector<uint32_t>>& sources,
             std::vector<uint8_t>& visiting, std::vector<uint32_t>& out) {
  if (visiting[article]) return;  // a cycle: stop here
  if (sources[article].empty()) {
    out.push_back(article);
    return;
  }
  visiting[article] = 1;
  bool any = false;
  for (uint32_t s : sources[article]) {
    if (visiting[s]) continue;
    any = true;
    collect(s, sources, visiting, out);
  }
  if (!any) out.push_back(article);  // every source leads back here: the cycle's entry
  visiting[article] = 0;
}

}  // namespace

std::vector<std::vector<uint32_t>> find_origins(size_t articles,
                                                const std::vector<align::Reuse>& reuse) {
  // Edges most certain first; an edge that would close a cycle (its source already derives,
  // through the edges kept so far, from its derived article) is left out.
  std::vector<const align::Reuse*> order;
  for (const align::Reuse& r : reuse)
    if (r.derived < articles && r.source < articles && r.derived != r.source) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const align::Reuse* x, const align::Reuse* y) {
    return x->direction_confidence > y->direction_confidence;
  });
  std::vector<std::vector<uint32_t>> sources(articles);
  std::vector<uint32_t> stack;
  std::vector<uint8_t> seen(articles);
  for (const align::Reuse* r : order) {
    // Is r->derived an ancestor of r->source?
    std::fill(seen.begin(), seen.end(), 0);
    stack.assign(1, r->source);
    bool cycle = false;
    while (!stack.empty() && !cycle) {
      uint32_t x = stack.back();
      stack.pop_back();
      if (x == r->derived) cycle = true;
      if (seen[x]) continue;
      seen[x] = 1;
      for (uint32_t s : sources[x]) stack.push_back(s);
    }
    if (!cycle) sources[r->derived].push_back(r->source);
  }
  std::vector<std::vector<uint32_t>> out(articles);
  std::vector<uint8_t> visiting(articles, 0);
  for (uint32_t i = 0; i < articles; ++i) {
    collect(i, sources, visiting, out[i]);
    std::sort(out[i].begin(), out[i].end());
    out[i].erase(std::unique(out[i].begin(), out[i].end()), out[i].end());
  }
  return out;
}

uint32_t count_independent(const std::vector<uint32_t>& members,
                           const std::vector<std::vector<uint32_t>>& origins) {
  std::vector<uint32_t> counted;
  auto has = [&](uint32_t o) {
    return std::find(counted.begin(), counted.end(), o) != counted.end();
  };
  // Articles that are their own origin first, then derived ones whose origins are all missing.
  for (uint32_t m : members)
    if (origins[m].size() == 1 && origins[m][0] == m && !has(m)) counted.push_back(m);
  for (uint32_t m : members) {
    bool covered = false;
    for (uint32_t o : origins[m]) covered = covered || has(o);
    if (!covered && !origins[m].empty()) counted.push_back(origins[m][0]);
  }
  return static_cast<uint32_t>(counted.size());
}

}  // namespace crosscheck::compare
