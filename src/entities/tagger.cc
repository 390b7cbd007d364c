// Tagger: the public face of the model (load, save, tag strings, mentions of a Document).
#include <cstdio>
#include <deque>

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

namespace {

// A piece of a Document token as the tagger sees it: text::tokenize keeps clitics on their word
// ("Clinton's", "don't", "Zelenskyy’s"), CoNLL's Penn Treebank tokens split them ("Clinton" "'s",
// "do" "n't"), and typographic apostrophes are ASCII in CoNLL. Entities then end before the
// clitic, as in the training data, and their offsets say so.
struct Piece {
  std::string_view text;
  uint32_t token;  // index into Document::tokens
  uint32_t begin, end, cp_begin, cp_end;
};

void split_token(const Document& doc, uint32_t index, std::deque<std::string>& owned,
                 std::vector<Piece>& out) {
  const Token& t = doc.tokens[index];
  std::string_view w = doc.token_text(t);
  // The clitic: "'s"/"’s" (any case) or "n't"/"n’t" at the end of a word.
  size_t cut = w.size(), clitic_cps = 0;
  auto ends_with = [&](std::string_view suffix) {
    return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
  };
  if (t.kind == TokenKind::kWord) {
    for (std::string_view c : {"'s", "'S", "\u2019s", "\u2019S"}) {
      if (ends_with(c)) {
        cut = w.size() - c.size();
        clitic_cps = 2;
      }
    }
    for (std::string_view c : {"n't", "n\u2019t"}) {
      if (ends_with(c)) {
        cut = w.size() - c.size();
        clitic_cps = 3;
      }
    }
  }
  auto ascii = [&](std::string_view s) -> std::string_view {
    if (s.find("\u2019") == std::string_view::npos) return s;
    std::string a;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.substr(i, 3) == "\u2019") {
        a += '\'';
        i += 2;
      } else {
        a += s[i];
      }
    }
    owned.push_back(std::move(a));
    return owned.back();
  };
  const uint32_t cp_cut = t.cp_end - uint32_t(clitic_cps);
  out.push_back({ascii(w.substr(0, cut)), index, t.begin, t.begin + uint32_t(cut), t.cp_begin,
                 clitic_cps ? cp_cut : t.cp_end});
  if (clitic_cps) {
    out.push_back({ascii(w.substr(cut)), index, t.begin + uint32_t(cut), t.end, cp_cut, t.cp_end});
  }
}

}  // namespace

std::vector<Mention> Tagger::mentions(const Document& doc) const {
  std::vector<std::vector<Piece>> pieces;
  std::deque<std::string> owned;  // ASCII copies of pieces; a deque keeps the views valid
  auto add = [&](uint32_t b, uint32_t e) {
    pieces.emplace_back();
    for (uint32_t t = b; t < e && t < doc.tokens.size(); ++t)
      split_token(doc, t, owned, pieces.back());
  };
  if (doc.sentences.empty()) {
    if (!doc.tokens.empty()) add(0, uint32_t(doc.tokens.size()));
  } else {
    for (const Sentence& s : doc.sentences) add(s.token_begin, s.token_end);
  }
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& p : pieces) {
    sentences.emplace_back();
    for (const Piece& x : p) sentences.back().push_back(x.text);
  }
  std::vector<uint8_t> ids = tag_ids(*model_, sentences);
  std::vector<Mention> out;
  size_t k = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const Span& span : model_->tags.decode(ids.data() + k, sentences[s].size())) {
      const Piece& a = pieces[s][span.begin];
      const Piece& b = pieces[s][span.end - 1];
      Mention m;
      m.token_begin = a.token;
      m.token_end = b.token + 1;
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
