// Analyzer: runs the text stages over one article and assembles the Document.
//
// tokenize() and split_sentences() are independent passes over the same bytes; sentences are then
// given token ranges by a merge of the two sorted lists, and code point offsets by counting lead
// bytes forward from the previous sentence (offsets only grow, so the count is one pass in total).
// Language id reads a bounded prefix, so its cost does not grow with long articles. Folding and
// stemming are per token; stemmers are created on first use per language and kept.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/text/snowball.h"

namespace crosscheck::text {
namespace {

Stemmer& stemmer_for(std::vector<std::unique_ptr<Stemmer>>& stemmers, const std::string& language) {
  const std::string key = snowball_algorithm(language) != nullptr ? language : "en";
  for (auto& s : stemmers) {
    if (s->language() == key) return *s;
  }
  auto created = std::make_unique<Stemmer>(key);
  // If this libstemmer build lacks the algorithm the stemmer fell back to English: reuse that one.
  for (auto& s : stemmers) {
    if (s->language() == created->language()) return *s;
  }
  stemmers.push_back(std::move(created));
  return *stemmers.back();
}


}  // namespace

Analyzer::Analyzer(AnalyzerOptions options) : options_(options) {}
Analyzer::~Analyzer() = default;

Document Analyzer::analyze(const Article& article) {
  Document doc;
  doc.id = article.id;
  doc.text = article.text;
  const std::string_view text = doc.text;

  doc.tokens = tokenize(text);
  const std::vector<SentenceBounds> bounds = split_sentences(text);

  doc.sentences.reserve(bounds.size());
  size_t t = 0;
  size_t counted_bytes = 0;
  uint32_t counted_cps = 0;
  auto cps_at = [&](size_t byte) {
    counted_cps += static_cast<uint32_t>(utf8::count(text.substr(counted_bytes, byte - counted_bytes)));
    counted_bytes = byte;
    return counted_cps;
  };
  for (const SentenceBounds& b : bounds) {
    Sentence s;
    s.begin = b.begin;
    s.end = b.end;
    s.paragraph = b.paragraph;
    s.cp_begin = cps_at(b.begin);
    s.cp_end = cps_at(b.end);
    while (t < doc.tokens.size() && doc.tokens[t].begin < b.begin) ++t;
    s.token_begin = static_cast<uint32_t>(t);
    while (t < doc.tokens.size() && doc.tokens[t].begin < b.end) ++t;
    s.token_end = static_cast<uint32_t>(t);
    doc.sentences.push_back(s);
  }

  doc.language = options_.detect_language
                     ? detect_language(text, options_.language_sample_bytes)
                     : std::string("und");
  if (doc.language == "und" && !article.language.empty()) doc.language = article.language;

  if (options_.fold) {
    doc.norms.reserve(doc.tokens.size());
    for (const Token& token : doc.tokens) {
      doc.norms.push_back(token.kind == TokenKind::kPunct ? std::string() : fold(doc.token_text(token)));
    }
    if (options_.stem) {
      Stemmer& stemmer = stemmer_for(stemmers_, doc.language);
      doc.stems.reserve(doc.tokens.size());
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        switch (doc.tokens[i].kind) {
          case TokenKind::kWord:
            doc.stems.push_back(stemmer.stem(doc.norms[i]));
            break;
          case TokenKind::kNumber:
          case TokenKind::kSymbol:
            doc.stems.push_back(doc.norms[i]);
            break;
          case TokenKind::kPunct:
            doc.stems.emplace_back();
            break;
        }
      }
    }
  }
  return doc;
}

}  // namespace crosscheck::text
