#include "src/align/terms.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "src/core/fnv.h"

namespace crosscheck::align {
namespace {

// Sorted for binary search. Function words, auxiliaries, pronouns, and the reporting verbs and
// fillers every news sentence has ("said", "also"): two sentences sharing them share nothing.
constexpr std::array<std::string_view, 176> kStopWords = {
    "'s",      "a",       "about",   "above",   "after",  "again",  "against",  "ago",
    "all",     "also",    "am",      "among",   "an",     "and",    "another",  "any",
    "are",     "around",  "as",      "at",      "be",     "became", "because",  "been",
    "before",  "being",   "below",   "between", "both",   "but",    "by",       "can",
    "could",   "did",     "do",      "does",    "doing",  "done",   "down",     "during",
    "each",    "either",  "even",    "ever",    "every",  "few",    "for",      "from",
    "further", "had",     "has",     "have",    "having", "he",     "her",      "here",
    "hers",    "herself", "him",     "himself", "his",    "how",    "however",  "i",
    "if",      "in",      "into",    "is",      "it",     "it's",   "its",      "itself",
    "just",    "last",    "later",   "least",   "less",   "like",   "many",     "may",
    "me",      "might",   "more",    "most",    "much",   "must",   "my",       "myself",
    "n't",     "neither", "next",    "no",      "nor",    "not",    "now",      "of",
    "off",     "on",      "once",    "one",     "only",   "onto",   "or",       "other",
    "others",  "our",     "ours",    "out",     "over",   "own",    "per",      "s",
    "said",    "same",    "say",     "says",    "shall",  "she",    "should",   "since",
    "so",      "some",    "still",   "such",    "t",      "than",   "that",     "the",
    "their",   "theirs",  "them",    "then",    "there",  "these",  "they",     "this",
    "those",   "though",  "through", "thus",    "to",     "told",   "too",      "toward",
    "towards", "under",   "until",   "up",      "upon",   "us",     "very",     "via",
    "was",     "we",      "were",    "what",    "when",   "where",  "whether",  "which",
    "while",   "who",     "whom",    "whose",   "why",    "will",   "with",     "within",
    "without", "would",   "yet",     "you",     "your",   "yours",  "yourself", "yourselves",
};

bool is_opening_quote(std::string_view t) {
  return t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E";
}
bool is_closing_quote(std::string_view t) { return t == "\xE2\x80\x9D" || t == "\xC2\xBB"; }

}  // namespace

bool is_stop_word(std::string_view norm) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), norm);
}

std::vector<bool> quoted_tokens(const Document& doc) {
  std::vector<bool> quoted(doc.tokens.size(), false);
  bool inside = false;
  uint32_t paragraph = 0;
  size_t sentence = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    while (sentence + 1 < doc.sentences.size() && doc.sentences[sentence].token_end <= i)
      ++sentence;
    if (!doc.sentences.empty() && doc.sentences[sentence].paragraph != paragraph) {
      paragraph = doc.sentences[sentence].paragraph;
      inside = false;  // an unclosed quotation ends with its paragraph
    }
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) {
      std::string_view text = doc.token_text(t);
      if (is_opening_quote(text)) {
        inside = true;
        continue;
      }
      if (is_closing_quote(text)) {
        inside = false;
        continue;
      }
      if (text == "\"") {
        inside = !inside;
        continue;
      }
    }
    quoted[i] = inside;
  }
  return quoted;
}

uint32_t TermDictionary::id(std::string_view term) {
  auto it = ids_.find(std::string(term));
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(ids_.size());
  ids_.emplace(std::string(term), id);
  return id;
}

DocumentTerms sentence_terms(const Document& doc, TermDictionary& dictionary) {
  DocumentTerms out;
  std::vector<bool> quoted = quoted_tokens(doc);
  out.sentences.resize(doc.sentences.size());
  std::string term;
  std::vector<std::pair<uint32_t, bool>> occurrences;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    SentenceTerms& st = out.sentences[si];
    out.sentence_word_begin.push_back(static_cast<uint32_t>(out.word_hashes.size()));
    occurrences.clear();
    for (uint32_t ti = s.token_begin; ti < s.token_end && ti < doc.tokens.size(); ++ti) {
      const Token& t = doc.tokens[ti];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      const std::string& norm = ti < doc.norms.size() ? doc.norms[ti] : term;
      std::string_view surface = norm.empty() ? doc.token_text(t) : std::string_view(norm);
      out.word_hashes.push_back(fnv1a(surface));
      ++st.words;
      if (t.kind == TokenKind::kNumber) {
        term.clear();
        for (char c : surface)
          if (c != ',') term.push_back(c);
      } else {
        if (is_stop_word(surface)) continue;
        const std::string* stem =
            ti < doc.stems.size() && !doc.stems[ti].empty() ? &doc.stems[ti] : nullptr;
        term = stem ? *stem : std::string(surface);
      }
      occurrences.emplace_back(dictionary.id(term), quoted[ti]);
    }
    std::sort(occurrences.begin(), occurrences.end());
    for (size_t k = 0; k < occurrences.size(); ++k) {
      // Sorted by (id, quoted): the first occurrence of an id is unquoted if any is.
      if (!st.terms.empty() && st.terms.back() == occurrences[k].first) continue;
      st.terms.push_back(occurrences[k].first);
      st.quoted.push_back(occurrences[k].second ? 1 : 0);
    }
    out.words += st.words;
  }
  out.sentence_word_begin.push_back(static_cast<uint32_t>(out.word_hashes.size()));
  return out;
}

std::vector<float> story_idf(const std::vector<DocumentTerms>& docs, size_t term_count) {
  std::vector<uint32_t> df(term_count, 0);
  size_t sentences = 0;
  for (const DocumentTerms& d : docs) {
    sentences += d.sentences.size();
    for (const SentenceTerms& s : d.sentences)
      for (uint32_t t : s.terms) ++df[t];
  }
  std::vector<float> idf(term_count);
  for (size_t t = 0; t < term_count; ++t)
    idf[t] = static_cast<float>(std::log((sentences + 1.0) / (df[t] + 0.5)));
  return idf;
}

}  // namespace crosscheck::align
