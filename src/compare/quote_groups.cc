// Quotes across outlets: the instances of one statement, grouped however each article worded or
// trimmed it.
//
// The idea. A quotation is reduced to its content terms (stems, stop words out) like a sentence in
// alignment. Two instances are one statement when they share most of their terms (Dice ≥
// `quote_min_similarity`: a translation that rewords "If not diplomacy, then full pressure will be
// applied" as "If diplomacy fails, then full pressure must be applied" keeps diplomacy, full,
// pressure, applied), or when the shorter one is contained in the longer (≥ 2 shared terms and
// `quote_min_containment` of the shorter's terms: "productive and constructive" inside the full
// statement). Speakers must not contradict: two known, different speakers keep instances apart.
// Groups form by union-find over the instance pairs (a story has tens of quotes per article, so
// all pairs are cheap); the group's text is the instance most similar to the others, its speaker
// the entity most instances name.
#include <algorithm>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/compare.h"
#include "src/align/terms.h"
#include "src/core/union_find.h"

namespace crosscheck::compare {
namespace {

struct Instance {
  size_t article = 0;
  const quotes::Quote* quote = nullptr;
  std::vector<std::string> terms;  // sorted, unique
  std::string entity;              // story entity id of the speaker, empty when unknown
};

std::vector<std::string> quote_terms(const Document& doc, const quotes::Quote& q) {
  std::vector<std::string> out;
  // Tokens are sorted by offset: start at the first one inside the quote.
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), q.span.begin,
                                [](const Token& t, uint32_t at) { return t.begin < at; });
  for (uint32_t i = static_cast<uint32_t>(first - doc.tokens.begin()); i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.end > q.span.end) break;
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    std::string_view norm = i < doc.norms.size() ? std::string_view(doc.norms[i]) : "";
    if (norm.empty() || align::is_stop_word(norm)) continue;
    out.emplace_back(i < doc.stems.size() && !doc.stems[i].empty() ? doc.stems[i] : norm);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t shared_terms(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++n, ++i, ++j;
  }
  return n;
}

// The story entity with a mention overlapping the speaker's span in that article.
std::string speaker_entity(const std::vector<entities::StoryEntity>& all,
                           const std::string& article, const quotes::Speaker& speaker) {
  for (const entities::StoryEntity& e : all)
    for (const entities::EntityMention& m : e.mentions)
      if (m.article == article && m.span.start < speaker.span.cp_end &&
          speaker.span.cp_begin < m.span.end)
        return e.id;
  return {};
}

}  // namespace

std::vector<StoryQuote> group_quotes(const std::vector<ArticleQuotes>& articles,
                                     const std::vector<entities::StoryEntity>& entities,
                                     const CompareOptions& options) {
  std::vector<Instance> instances;
  for (size_t a = 0; a < articles.size(); ++a)
    for (const quotes::Quote& q : articles[a].quotes) {
      Instance in;
      in.article = a;
      in.quote = &q;
      in.terms = quote_terms(*articles[a].doc, q);
      if (in.terms.empty()) continue;  // "…" or a quoted number: nothing to match on
      if (q.speaker) in.entity = speaker_entity(entities, articles[a].article->id, *q.speaker);
      instances.push_back(std::move(in));
    }
  UnionFind sets;
  for (size_t i = 0; i < instances.size(); ++i) sets.add();
  std::vector<double> centrality(instances.size(), 0);
  for (size_t i = 0; i < instances.size(); ++i)
    for (size_t j = i + 1; j < instances.size(); ++j) {
      const Instance& x = instances[i];
      const Instance& y = instances[j];
      if (!x.entity.empty() && !y.entity.empty() && x.entity != y.entity) continue;
      size_t common = shared_terms(x.terms, y.terms);
      if (common == 0) continue;
      double dice = 2.0 * common / (x.terms.size() + y.terms.size());
      double contained = static_cast<double>(common) / std::min(x.terms.size(), y.terms.size());
      if (dice >= options.quote_min_similarity ||
          (common >= 2 && contained >= options.quote_min_containment)) {
        sets.unite(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
        centrality[i] += dice;
        centrality[j] += dice;
      }
    }
  std::map<uint32_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < instances.size(); ++i)
    groups[sets.find(static_cast<uint32_t>(i))].push_back(i);

  std::vector<StoryQuote> out;
  for (const auto& [root, members] : groups) {
    StoryQuote sq;
    size_t best = members.front();
    std::map<std::string, size_t> speakers;
    std::map<std::string, size_t> names;
    for (size_t i : members) {
      const Instance& in = instances[i];
      const quotes::Quote& q = *in.quote;
      const ArticleQuotes& aq = articles[in.article];
      sq.instances.push_back({aq.article->id,
                              {q.span.cp_begin, q.span.cp_end},
                              q.text,
                              q.cue.text,
                              q.speaker ? q.speaker->name : std::string()});
      if (!in.entity.empty()) ++speakers[in.entity];
      if (q.speaker) ++names[q.speaker->name];
      if (centrality[i] > centrality[best] ||
          (centrality[i] == centrality[best] && in.terms.size() > instances[best].terms.size()))
        best = i;
    }
    sq.text = instances[best].quote->text;
    size_t top = 0;
    for (const auto& [id, n] : speakers)
      if (n > top) top = n, sq.speaker = id;
    if (!sq.speaker.empty()) {
      for (const entities::StoryEntity& e : entities)
        if (e.id == sq.speaker) sq.speaker_name = e.name;
    } else {
      for (const auto& [name, n] : names)
        if (n > top) top = n, sq.speaker_name = name;
    }
    out.push_back(std::move(sq));
  }
  // Most articles first: count each group's distinct articles once, not per comparison.
  std::vector<std::pair<size_t, size_t>> order;  // (distinct articles, index)
  order.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    std::vector<std::string_view> ids;
    for (const auto& in : out[i].instances) ids.push_back(in.article);
    std::sort(ids.begin(), ids.end());
    order.emplace_back(static_cast<size_t>(std::unique(ids.begin(), ids.end()) - ids.begin()), i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<StoryQuote> sorted;
  sorted.reserve(out.size());
  for (const auto& [count, i] : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace crosscheck::compare
