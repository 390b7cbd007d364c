// Sentence alignment across the articles of a story.
//
// The idea. Every sentence is a set of content terms (src/align/terms.h) weighted by story-local
// IDF. Two sentences say the same thing when they share most of their weight: weighted Dice
// 2·w(A∩B) / (w(A) + w(B)) for rewrites that keep the length, and containment w(A∩B) / min(w(A),
// w(B)) for copies that add or drop a clause. Word order, inflection (stems) and stop words do not
// matter, which is what makes reworded sentences match; synonyms lower the score but a rewrite
// keeps the names, numbers and rare words, which carry most of the weight.
//
// Candidates come from an inverted index (term -> sentences holding it): each sentence
// accumulates shared weight only with the sentences of later documents that share a term, so the
// cost follows the number of shared terms, not sentences squared; terms in very many sentences
// are skipped for retrieval (they weigh almost nothing). The exact similarity of each candidate
// is then computed by merging the two sorted term lists, and the longest verbatim word run by a
// small dynamic programme over the two sentences' word hashes (sentences are short).
//
// Reference: sentence alignment by content-word overlap as in Clough et al.'s METER work on
// journalistic text reuse; seed-and-extend for verbatim runs as in the PAN text-alignment task.
#include <algorithm>

#include "crosscheck/align.h"
#include "src/align/terms.h"

namespace crosscheck::align {
namespace {

struct Posting {
  uint32_t doc, sentence;
};

uint32_t longest_common_run(const uint64_t* a, size_t na, const uint64_t* b, size_t nb) {
  std::vector<uint32_t> prev(nb + 1, 0), cur(nb + 1, 0);
  uint32_t best = 0;
  for (size_t i = 1; i <= na; ++i) {
    for (size_t j = 1; j <= nb; ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

}  // namespace

StoryAlignment align_sentences(const std::vector<const Document*>& docs,
                               const AlignOptions& options) {
  TermDictionary dictionary;
  std::vector<DocumentTerms> terms;
  terms.reserve(docs.size());
  for (const Document* d : docs) terms.push_back(sentence_terms(*d, dictionary));
  std::vector<float> idf = story_idf(terms, dictionary.size());

  // Sentence weights and a global numbering of sentences.
  std::vector<uint32_t> first_sentence(docs.size() + 1, 0);
  for (size_t d = 0; d < docs.size(); ++d)
    first_sentence[d + 1] = first_sentence[d] + static_cast<uint32_t>(terms[d].sentences.size());
  const uint32_t total = first_sentence.back();
  std::vector<float> weight(total, 0);
  std::vector<std::vector<Posting>> postings(dictionary.size());
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (uint32_t s = 0; s < terms[d].sentences.size(); ++s) {
      float w = 0;
      for (uint32_t t : terms[d].sentences[s].terms) {
        w += idf[t];
        postings[t].push_back({d, s});
      }
      weight[first_sentence[d] + s] = w;
    }
  }

  StoryAlignment out;
  for (const DocumentTerms& t : terms) {
    out.sentence_words.emplace_back();
    for (const SentenceTerms& s : t.sentences) out.sentence_words.back().push_back(s.words);
  }
  std::vector<float> shared(total, 0);
  std::vector<uint32_t> touched;
  for (uint32_t a = 0; a < docs.size(); ++a) {
    for (uint32_t sa = 0; sa < terms[a].sentences.size(); ++sa) {
      const SentenceTerms& A = terms[a].sentences[sa];
      const float wa = weight[first_sentence[a] + sa];
      if (wa <= 0) continue;
      touched.clear();
      for (uint32_t t : A.terms) {
        const std::vector<Posting>& list = postings[t];
        if (list.size() > options.max_term_postings) continue;
        for (const Posting& p : list) {
          if (p.doc <= a) continue;
          uint32_t g = first_sentence[p.doc] + p.sentence;
          if (shared[g] == 0) touched.push_back(g);
          shared[g] += idf[t];
        }
      }
      std::sort(touched.begin(), touched.end());
      for (uint32_t g : touched) {
        float approx = shared[g];
        shared[g] = 0;
        const float wb = weight[g];
        // The retrieval weight is a lower bound of the shared weight (frequent terms skipped);
        // both similarity measures grow with it, so a candidate far below both bars is dropped.
        if (2 * approx / (wa + wb) < options.min_link_similarity * 0.5 &&
            approx / std::min(wa, wb) < options.min_contained_similarity * 0.5)
          continue;
        uint32_t b = static_cast<uint32_t>(
            std::upper_bound(first_sentence.begin(), first_sentence.end(), g) -
            first_sentence.begin() - 1);
        uint32_t sb = g - first_sentence[b];
        const SentenceTerms& B = terms[b].sentences[sb];
        // Exact shared weight by merging the sorted term lists.
        float common = 0, quoted = 0;
        uint32_t common_terms = 0;
        for (size_t i = 0, j = 0; i < A.terms.size() && j < B.terms.size();) {
          if (A.terms[i] < B.terms[j]) {
            ++i;
          } else if (B.terms[j] < A.terms[i]) {
            ++j;
          } else {
            common += idf[A.terms[i]];
            if (A.quoted[i] && B.quoted[j]) quoted += idf[A.terms[i]];
            ++common_terms;
            ++i;
            ++j;
          }
        }
        SentenceLink link;
        link.a = a;
        link.sa = sa;
        link.b = b;
        link.sb = sb;
        link.similarity = 2 * common / (wa + wb);
        link.containment = common / std::min(wa, wb);
        if (link.similarity < options.min_link_similarity &&
            !(link.containment >= options.min_contained_similarity &&
              common_terms >= options.min_contained_terms))
          continue;
        link.quoted = common > 0 ? quoted / common : 0;
        const DocumentTerms& da = terms[a];
        const DocumentTerms& db = terms[b];
        link.verbatim_words =
            longest_common_run(da.word_hashes.data() + da.sentence_word_begin[sa],
                               da.sentence_word_begin[sa + 1] - da.sentence_word_begin[sa],
                               db.word_hashes.data() + db.sentence_word_begin[sb],
                               db.sentence_word_begin[sb + 1] - db.sentence_word_begin[sb]);
        link.aligned = link.similarity >= options.min_aligned_similarity ||
                       (link.containment >= options.min_contained_similarity &&
                        common_terms >= options.min_contained_terms);
        out.links.push_back(link);
      }
    }
  }
  std::sort(out.links.begin(), out.links.end(), [](const SentenceLink& x, const SentenceLink& y) {
    if (x.a != y.a) return x.a < y.a;
    if (x.b != y.b) return x.b < y.b;
    if (x.sa != y.sa) return x.sa < y.sa;
    return x.sb < y.sb;
  });
  return out;
}

}  // namespace crosscheck::align
