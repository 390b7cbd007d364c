// Tagger: the public face of the model (load, save, tag strings, mentions of a Document).
#include <cstdio>

#include "crosscheck/entities.h"
#include "src/entities/inference.h"
#include "src/entities/model.h"

namespace crosscheck::entities {

Tagger::Tagger(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

Tagger::LoadResult Tagger::load(const std::string& path) {
  LoadResult result;
  auto model = std::make_unique<Model>();
  result.status = Model::load(path, model.get());
  if (result.status) result.tagger = std::make_unique<Tagger>(std::move(model));
  return result;
}

Status Tagger::save(const std::string& path) const { return model_->save(path); }

const std::vector<std::string>& Tagger::types() const { return model_->tags.type_names(); }

std::vector<std::string> Tagger::tag(const std::vector<std::string_view>& tokens,
                                     Scheme scheme) const {
  return tag_document({tokens}, scheme)[0];
}

std::vector<std::vector<std::string>> Tagger::tag_document(
    const std::vector<std::vector<std::string_view>>& sentences, Scheme scheme) const {
  std::vector<uint8_t> ids = tag_ids(*model_, sentences);
  std::vector<std::vector<std::string>> out;
  out.reserve(sentences.size());
  size_t k = 0;
  for (const auto& sentence : sentences) {
    std::vector<Span> spans = model_->tags.decode(ids.data() + k, sentence.size());
    out.push_back(tags_from_spans(spans, sentence.size(), scheme));
    k += sentence.size();
  }
  return out;
}

std::vector<Mention> Tagger::mentions(const Document& doc) const {
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<uint32_t> first_token;
  auto add = [&](uint32_t b, uint32_t e) {
    std::vector<std::string_view> words;
    for (uint32_t t = b; t < e && t < doc.tokens.size(); ++t)
      words.push_back(doc.token_text(doc.tokens[t]));
    first_token.push_back(b);
    sentences.push_back(std::move(words));
  };
  if (doc.sentences.empty()) {
    if (!doc.tokens.empty()) add(0, uint32_t(doc.tokens.size()));
  } else {
    for (const Sentence& s : doc.sentences) add(s.token_begin, s.token_end);
  }
  std::vector<uint8_t> ids = tag_ids(*model_, sentences);
  std::vector<Mention> out;
  size_t k = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const Span& span : model_->tags.decode(ids.data() + k, sentences[s].size())) {
      Mention m;
      m.token_begin = first_token[s] + span.begin;
      m.token_end = first_token[s] + span.end;
      const Token& a = doc.tokens[m.token_begin];
      const Token& b = doc.tokens[m.token_end - 1];
      m.begin = a.begin;
      m.end = b.end;
      m.cp_begin = a.cp_begin;
      m.cp_end = b.cp_end;
      m.type = span.type;
      out.push_back(std::move(m));
    }
    k += sentences[s].size();
  }
  return out;
}

std::string Tagger::describe() const {
  const Model& m = *model_;
  std::string out;
  char line[256];
  std::string types;
  for (const std::string& t : m.tags.type_names()) types += (types.empty() ? "" : " ") + t;
  out += "types: " + types + "\n";
  std::snprintf(line, sizeof line, "word clusters: %zu words, %zu levels\n", m.clusters.size(),
                m.clusters.levels());
  out += line;
  std::snprintf(line, sizeof line, "gazetteer: %zu entries\n", m.gazetteer.size());
  out += line;
  for (size_t i = 0; i < m.passes.size(); ++i) {
    const PassWeights& p = m.passes[i];
    std::snprintf(line, sizeof line, "pass %zu: 2^%u rows, %zu non-zero rows, %zu weights\n", i + 1,
                  p.bits, p.nonzero_rows, p.nonzero_weights);
    out += line;
  }
  if (!m.info.empty()) out += m.info + (m.info.back() == '\n' ? "" : "\n");
  return out;
}

}  // namespace crosscheck::entities
