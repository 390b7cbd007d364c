// CoNLL column files: the reader behind `crosscheck tag --conll` and the trainer.
#include <string>

#include "crosscheck/entities.h"
#include "src/entities/gzip_file.h"

namespace crosscheck::entities {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

ConllCorpus parse_conll(std::string_view text) {
  ConllCorpus corpus;
  corpus.has_gold = true;
  ConllDocument* doc = nullptr;
  ConllSentence* sentence = nullptr;  // open sentence, null after a blank line
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    // Columns: maximal runs of non-blank bytes.
    std::string_view first, last;
    size_t columns = 0;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && is_blank(line[i])) ++i;
      if (i == line.size()) break;
      size_t j = i;
      while (j < line.size() && !is_blank(line[j])) ++j;
      if (columns == 0) first = line.substr(i, j - i);
      last = line.substr(i, j - i);
      ++columns;
      i = j;
    }
    if (columns == 0) {
      sentence = nullptr;
      continue;
    }
    if (first == "-DOCSTART-") {
      corpus.documents.emplace_back();
      doc = &corpus.documents.back();
      doc->docstart = true;
      sentence = nullptr;
      continue;
    }
    if (!doc) {
      corpus.documents.emplace_back();
      doc = &corpus.documents.back();
    }
    if (!sentence) {
      doc->sentences.emplace_back();
      sentence = &doc->sentences.back();
      ++corpus.sentences;
    }
    sentence->tokens.emplace_back(first);
    if (columns >= 2)
      sentence->gold.emplace_back(last);
    else
      corpus.has_gold = false;
    ++corpus.tokens;
  }
  if (corpus.tokens == 0) corpus.has_gold = false;
  if (!corpus.has_gold) {
    for (ConllDocument& d : corpus.documents) {
      for (ConllSentence& s : d.sentences) s.gold.clear();
    }
  }
  return corpus;
}

Status read_conll(const std::string& path, ConllCorpus* out) {
  std::string text;
  Status st = read_file_maybe_gzip(path, &text);
  if (!st) return st;
  *out = parse_conll(text);
  return Status::ok();
}

}  // namespace crosscheck::entities
