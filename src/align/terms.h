// Content terms per sentence: what sentence alignment compares.
//
// A sentence is reduced to its set of content terms: the stem of every word that is not a stop
// word, and every number with its separators dropped ("20,000" -> "20000"). Each term occurrence
// remembers whether it stood inside quotation marks, so that alignment can tell a shared
// quotation (which independent reports share) from shared reporting (which copies share). Terms
// get ids from one dictionary per story, and a story-local IDF: a word in every sentence of the
// story ("Ukraine" in a story about Ukraine) weighs little, a rare name or number a lot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck::align {

// True for English function words and reporting fillers that say nothing about content.
bool is_stop_word(std::string_view norm);

// Per token: inside a quotation (between “ ” « » or a pair of straight double quotes). Quotes
// never run past the end of a paragraph unclosed.
std::vector<bool> quoted_tokens(const Document& doc);

struct SentenceTerms {
  std::vector<uint32_t> terms;  // sorted, unique term ids
  std::vector<uint8_t> quoted;  // per term: 1 when every occurrence is quoted
  uint32_t words = 0;           // word and number tokens in the sentence
};

struct DocumentTerms {
  std::vector<SentenceTerms> sentences;       // one per Document::sentences
  std::vector<uint64_t> word_hashes;          // per word/number token of the document, in order
  std::vector<uint32_t> sentence_word_begin;  // per sentence: index into word_hashes (+1 sentinel)
  uint32_t words = 0;
};

class TermDictionary {
 public:
  uint32_t id(std::string_view term);
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

DocumentTerms sentence_terms(const Document& doc, TermDictionary& dictionary);

// ln((S + 1) / (df + 0.5)) per term id, df counted over all sentences of all documents.
std::vector<float> story_idf(const std::vector<DocumentTerms>& docs, size_t term_count);

}  // namespace crosscheck::align
