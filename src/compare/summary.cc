// Summary: an extractive consensus — the sentences of the claims that most independent outlets
// carry, in rank order (claims.cc ranks them), each with the evidence of every article carrying it.
// A story whose articles share no claim gets the lead sentence of its first article.
#include "crosscheck/compare.h"

namespace crosscheck::compare {

std::vector<SummarySentence> summarize(const std::vector<Claim>& claims,
                                       const std::vector<const Article*>& articles,
                                       const std::vector<const Document*>& docs,
                                       const CompareOptions& options) {
  std::vector<SummarySentence> out;
  for (const Claim& c : claims) {
    if (out.size() >= options.summary_sentences) break;
    if (c.independent_sources < 2 && !out.empty()) break;
    SummarySentence s;
    s.text = c.text;
    s.independent_sources = c.independent_sources;
    s.evidence = c.evidence;
    out.push_back(std::move(s));
  }
  if (out.empty() && !docs.empty() && !docs[0]->sentences.empty()) {
    const Sentence& lead = docs[0]->sentences[0];
    out.push_back({std::string(docs[0]->sentence_text(lead)),
                   1,
                   {{articles[0]->id, {lead.cp_begin, lead.cp_end}}}});
  }
  return out;
}

}  // namespace crosscheck::compare
