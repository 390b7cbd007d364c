#include "src/entities/news_gazetteer.h"

#include "src/entities/corpus_tokens.h"
#include "src/entities/inference.h"

namespace crosscheck::entities {

Gazetteer harvest_gazetteer(const Model& model, const std::vector<std::string>& texts,
                            uint32_t min_docs, size_t* tokens) {
  Gazetteer g(model.tags.types());
  *tokens = 0;
  std::vector<Lexeme> lex;
  for (size_t d = 0; d < texts.size(); ++d) {
    std::vector<std::vector<std::string>> sentences = split_conll_sentences(texts[d]);
    Sentences views;
    for (const auto& s : sentences) views.emplace_back(s.begin(), s.end());
    std::vector<uint8_t> ids = tag_ids(model, views);
    size_t k = 0;
    for (const auto& s : views) {
      for (const Span& span : model.tags.decode(ids.data() + k, s.size())) {
        lex.clear();
        for (uint32_t i = span.begin; i < span.end; ++i) lex.push_back(analyze_token(s[i]));
        g.add(lex.data(), lex.size(), size_t(model.tags.type_index(span.type)), uint32_t(d));
      }
      k += s.size();
    }
    *tokens += k;
  }
  g.finish(min_docs, /*keep_documents=*/false);
  return g;
}

}  // namespace crosscheck::entities
