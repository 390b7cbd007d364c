// Discrepancies: slots on which independent articles disagree.
//
// Candidates come from sentence links between articles with no origin in common (a derived copy
// that alters its source is reported as a change of that copy, changes.cc). Both sentences must
// be at least `related_min_similarity` alike — the same passage of the story, not just the same
// story — and carry a fact of one slot (weekday, date, time, duration, count of one unit, money,
// percentage, ordinal of one unit) with different values. A value counts only when the other
// article never states it in that slot: an article that mentions both "28-point" and "20-point"
// does not disagree with one that mentions "20-point". Facts joined by such pairs form one
// discrepancy (union-find), its values grouped with the articles and sentences that carry them.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "crosscheck/compare.h"
#include "src/core/union_find.h"

namespace crosscheck::compare {
namespace {

std::string plural(const std::string& unit) {
  if (unit.empty()) return unit;
  if (unit == "person") return "people";
  if (unit.back() == 'y' && unit.size() > 1 &&
      std::string("aeiou").find(unit[unit.size() - 2]) == std::string::npos)
    return unit.substr(0, unit.size() - 1) + "ies";
  if (unit.back() == 's' || unit.back() == 'x' || unit.back() == 'h') return unit + "es";
  return unit + "s";
}

std::string about(const facts::Fact& f) {
  switch (f.kind) {
    case facts::FactKind::kWeekday:
      return "which day";
    case facts::FactKind::kDate:
      return "which date";
    case facts::FactKind::kTime:
      return "what time";
    case facts::FactKind::kDuration:
      return "how long";
    case facts::FactKind::kMoney:
      return "how much money";
    case facts::FactKind::kPercent:
      return "what percentage";
    case facts::FactKind::kCount:
    case facts::FactKind::kOrdinal:
      return f.unit.empty() ? "what number" : "how many " + plural(f.unit);
  }
  return "what value";
}

bool disjoint(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
  for (uint32_t a : x)
    if (std::find(y.begin(), y.end(), a) != y.end()) return false;
  return true;
}

}  // namespace

std::vector<Discrepancy> find_discrepancies(const std::vector<const Article*>& articles,
                                            const std::vector<const Document*>& docs,
                                            const std::vector<std::vector<facts::Fact>>& facts,
                                            const align::StoryAlignment& alignment,
                                            const std::vector<std::vector<uint32_t>>& origins,
                                            const CompareOptions& options) {
  // Fact nodes: a global numbering over (article, fact).
  std::vector<uint32_t> first(facts.size() + 1, 0);
  for (size_t d = 0; d < facts.size(); ++d)
    first[d + 1] = first[d] + static_cast<uint32_t>(facts[d].size());
  // Per article: per sentence, its facts; per slot, the values it states anywhere.
  std::vector<std::multimap<uint32_t, uint32_t>> by_sentence(facts.size());
  std::vector<std::set<std::pair<std::string, std::string>>> stated(facts.size());
  for (size_t d = 0; d < facts.size(); ++d)
    for (uint32_t k = 0; k < facts[d].size(); ++k) {
      by_sentence[d].emplace(facts[d][k].sentence, k);
      stated[d].emplace(facts::slot_key(facts[d][k]), facts[d][k].value);
    }
  UnionFind sets;
  for (uint32_t i = 0; i < first.back(); ++i) sets.add();
  std::vector<uint8_t> disputed(first.back(), 0);
  for (const align::SentenceLink& l : alignment.links) {
    if (l.similarity < options.related_min_similarity && !l.aligned) continue;
    if (!disjoint(origins[l.a], origins[l.b])) continue;
    auto [a_begin, a_end] = by_sentence[l.a].equal_range(l.sa);
    auto [b_begin, b_end] = by_sentence[l.b].equal_range(l.sb);
    for (auto i = a_begin; i != a_end; ++i) {
      const facts::Fact& fa = facts[l.a][i->second];
      if (stated[l.b].count({facts::slot_key(fa), fa.value})) continue;
      for (auto j = b_begin; j != b_end; ++j) {
        const facts::Fact& fb = facts[l.b][j->second];
        if (facts::slot_key(fa) != facts::slot_key(fb) || fa.value == fb.value) continue;
        if (stated[l.a].count({facts::slot_key(fb), fb.value})) continue;
        uint32_t x = first[l.a] + i->second, y = first[l.b] + j->second;
        sets.unite(x, y);
        disputed[x] = disputed[y] = 1;
      }
    }
  }
  std::map<uint32_t, std::vector<uint32_t>> groups;
  for (uint32_t g = 0; g < first.back(); ++g)
    if (disputed[g]) groups[sets.find(g)].push_back(g);

  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    Discrepancy disc;
    std::map<std::string, size_t> value_index;
    for (uint32_t g : members) {
      uint32_t d = static_cast<uint32_t>(std::upper_bound(first.begin(), first.end(), g) -
                                         first.begin() - 1);
      const facts::Fact& f = facts[d][g - first[d]];
      if (disc.about.empty()) disc.about = about(f);
      auto [it, fresh] = value_index.emplace(f.value, disc.values.size());
      if (fresh) {
        disc.values.push_back({});
        disc.values.back().value = std::string(docs[d]->text.substr(f.begin, f.end - f.begin));
      }
      Discrepancy::Value& v = disc.values[it->second];
      if (v.articles.empty() || v.articles.back() != articles[d]->id)
        v.articles.push_back(articles[d]->id);
      const Sentence& s = docs[d]->sentences[f.sentence];
      v.evidence.push_back(
          {{articles[d]->id, {s.cp_begin, s.cp_end}}, std::string(docs[d]->sentence_text(s))});
    }
    if (disc.values.size() >= 2) out.push_back(std::move(disc));
  }
  return out;
}

}  // namespace crosscheck::compare
