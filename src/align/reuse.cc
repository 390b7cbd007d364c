// Derived-from relations between the articles of a story.
//
// The idea. Sentence links (sentence_aligner.cc) are grouped per article pair. A pair shares
// text when enough sentences are aligned outside shared quotations: two independent reports of
// one press conference share its quotes, and often one or two sentences of fact, but not a run of
// their own sentences. The share of the derived text that is aligned is its coverage; the share
// of aligned words in sentences taken word for word tells a verbatim copy from a rewrite.
// direction.cc orients the pair.
//
// Siblings. Two copies of one source are similar to each other as well, and a chain A -> B -> C
// makes A and C similar. So each derived article keeps its best-covering source, and another
// source only when it explains at least `min_aligned_sentences` sentences the first does not
// (an aggregator stitched from two wires keeps both).
#include <algorithm>
#include <map>
#include <set>

#include "crosscheck/align.h"
#include "src/align/direction.h"

namespace crosscheck::align {
namespace {

struct Candidate {
  Reuse reuse;
  std::vector<float> pair_similarity;  // per sentence pair
};

double share(const std::set<uint32_t>& sentences, const std::vector<uint32_t>& words) {
  uint64_t total = 0, covered = 0;
  for (uint32_t w : words) total += w;
  for (uint32_t s : sentences) covered += words[s];
  return total ? static_cast<double>(covered) / total : 0.0;
}

std::vector<Passage> make_passages(const Document& source, const Document& derived,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& pairs,
                                   const std::vector<float>& similarity) {
  std::vector<Passage> out;
  uint32_t count = 0;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const Sentence& s = source.sentences[pairs[k].first];
    const Sentence& d = derived.sentences[pairs[k].second];
    bool extends = k > 0 && pairs[k].first == pairs[k - 1].first + 1 &&
                   pairs[k].second == pairs[k - 1].second + 1;
    if (!extends) {
      if (count) out.back().similarity /= count;
      out.push_back({{s.cp_begin, s.cp_end}, {d.cp_begin, d.cp_end}, 0});
      count = 0;
    }
    out.back().source.end = s.cp_end;
    out.back().derived.end = d.cp_end;
    out.back().similarity += similarity[k];
    ++count;
  }
  if (count) out.back().similarity /= count;
  return out;
}

}  // namespace

std::vector<Reuse> find_reuse(const std::vector<const Document*>& docs,
                              const std::vector<const Article*>& articles,
                              const StoryAlignment& alignment, const ReuseOptions& options) {
  const std::vector<std::vector<uint32_t>>& words = alignment.sentence_words;

  std::vector<Candidate> candidates;
  const std::vector<SentenceLink>& links = alignment.links;
  for (size_t begin = 0; begin < links.size();) {
    size_t end = begin;
    while (end < links.size() && links[end].a == links[begin].a && links[end].b == links[begin].b)
      ++end;
    const uint32_t a = links[begin].a, b = links[begin].b;
    // Best partner per sentence of b (the text that will be read as derived either way, and a
    // one-to-one-ish pairing for the direction evidence).
    std::map<uint32_t, const SentenceLink*> best_for_b;
    std::set<uint32_t> covered_a, covered_b;
    for (size_t i = begin; i < end; ++i) {
      const SentenceLink& l = links[i];
      if (!l.aligned || l.quoted > options.max_quoted_share) continue;
      // Short lines ("Replay More Videos", captions) are what pages share by template, not
      // reporting: they do not make a pair derived.
      if (words[a][l.sa] < options.min_sentence_words ||
          words[b][l.sb] < options.min_sentence_words)
        continue;
      covered_a.insert(l.sa);
      covered_b.insert(l.sb);
      auto [it, fresh] = best_for_b.emplace(l.sb, &l);
      if (!fresh && l.similarity > it->second->similarity) it->second = &l;
    }
    const size_t first = begin;
    begin = end;
    if (std::min(covered_a.size(), covered_b.size()) < options.min_aligned_sentences) continue;

    DirectionEvidence evidence;
    evidence.a = articles[a];
    evidence.b = articles[b];
    evidence.doc_a = docs[a];
    evidence.doc_b = docs[b];
    for (const auto& [sb, l] : best_for_b) evidence.sentence_pairs.emplace_back(l->sa, sb);
    evidence.coverage_a = share(covered_a, words[a]);
    evidence.coverage_b = share(covered_b, words[b]);
    const double score = direction_score(evidence);
    const bool a_is_source = score >= 0;

    Candidate c;
    c.reuse.source = a_is_source ? a : b;
    c.reuse.derived = a_is_source ? b : a;
    c.reuse.direction_confidence = direction_confidence(score);
    if ((a_is_source ? evidence.coverage_b : evidence.coverage_a) < options.min_coverage) continue;

    // Oriented pairs, one per derived sentence (its most similar source sentence).
    std::map<uint32_t, const SentenceLink*> best;
    // Once the pair is known to share reporting, shared quotations count as reused too (for
    // coverage, passages and changes): the copy took them from this source.
    std::set<uint32_t> covered_derived;
    for (size_t i = first; i < end; ++i) {
      const SentenceLink* l = &links[i];
      if (!l->aligned) continue;
      covered_derived.insert(a_is_source ? l->sb : l->sa);
      uint32_t derived_sentence = a_is_source ? l->sb : l->sa;
      auto [it, fresh] = best.emplace(derived_sentence, l);
      if (!fresh && l->similarity > it->second->similarity) it->second = l;
    }
    // Gap filling: inside a derived pair, a weaker link (>= min_gap_similarity) between two
    // sentences whose neighbours are aligned to each other is the same passage reworded more
    // heavily ("a weekend of meetings" -> "two days of intensive discussions").
    std::map<uint32_t, uint32_t> source_of;  // derived sentence -> source sentence
    for (const auto& [d, l] : best) source_of[d] = a_is_source ? l->sa : l->sb;
    for (size_t i = first; i < end; ++i) {
      const SentenceLink* l = &links[i];
      if (l->aligned || l->similarity < options.min_gap_similarity) continue;
      uint32_t d = a_is_source ? l->sb : l->sa, src = a_is_source ? l->sa : l->sb;
      if (best.count(d)) continue;
      auto before = source_of.find(d - 1);
      auto after = source_of.find(d + 1);
      bool supported = (d > 0 && before != source_of.end() && before->second + 1 == src) ||
                       (after != source_of.end() && after->second == src + 1);
      if (supported) best.emplace(d, l);
    }
    uint64_t aligned_words = 0, verbatim_words = 0;
    const std::vector<uint32_t>& dw = words[c.reuse.derived];
    const std::vector<uint32_t>& sw = words[c.reuse.source];
    for (const auto& [d, l] : best) {
      uint32_t s = a_is_source ? l->sa : l->sb;
      c.reuse.sentence_pairs.emplace_back(s, d);
      c.pair_similarity.push_back(l->similarity);
      aligned_words += dw[d];
      uint32_t shorter = std::min(dw[d], sw[s]);
      // A sentence taken word for word. Edits are few in a verbatim copy (a value changed
      // here and there), many in a rewrite: the share of identical sentences tells them apart.
      if (l->verbatim_words == shorter && dw[d] == sw[s]) verbatim_words += dw[d];
    }
    c.reuse.verbatim =
        aligned_words > 0 && verbatim_words >= options.verbatim_share * aligned_words;
    c.reuse.coverage = share(covered_derived, dw);
    candidates.push_back(std::move(c));
  }

  // Keep, per derived article, its best source and any other that explains new sentences.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) {
                     if (x.reuse.derived != y.reuse.derived)
                       return x.reuse.derived < y.reuse.derived;
                     if (x.reuse.coverage != y.reuse.coverage)
                       return x.reuse.coverage > y.reuse.coverage;
                     if (x.reuse.direction_confidence != y.reuse.direction_confidence)
                       return x.reuse.direction_confidence > y.reuse.direction_confidence;
                     return x.reuse.source < y.reuse.source;
                   });
  std::vector<Reuse> out;
  std::set<uint32_t> explained;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (i == 0 || candidates[i - 1].reuse.derived != c.reuse.derived) explained.clear();
    uint32_t fresh = 0;
    for (const auto& p : c.reuse.sentence_pairs) fresh += explained.count(p.second) == 0;
    if (!explained.empty() && fresh < options.min_aligned_sentences) continue;
    for (const auto& p : c.reuse.sentence_pairs) explained.insert(p.second);
    // sentence_pairs are in derived-sentence order (built from a map keyed by it).
    c.reuse.verbatim_runs =
        verbatim_runs(*docs[c.reuse.source], *docs[c.reuse.derived], options.verbatim_run);
    c.reuse.passages = make_passages(*docs[c.reuse.source], *docs[c.reuse.derived],
                                     c.reuse.sentence_pairs, c.pair_similarity);
    out.push_back(std::move(c.reuse));
  }
  std::sort(out.begin(), out.end(), [](const Reuse& x, const Reuse& y) {
    return x.derived != y.derived ? x.derived < y.derived : x.source < y.source;
  });
  return out;
}

}  // namespace crosscheck::align
