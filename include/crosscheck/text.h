// Text analysis: normalisation, sentences, tokens, language, stems.
//
//   std::string clean = crosscheck::text::normalize(raw);        // NFC, unified whitespace
//   crosscheck::text::Analyzer analyzer;                          // options: stemming on/off, ...
//   crosscheck::Document doc = analyzer.analyze(article);         // sentences + tokens + language
//
// Offsets in the Document are into the text it was given; normalize() is applied before (by the
// clean stage), never inside analyze(), so offsets always point at the reader's words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/document.h"

namespace crosscheck::text {

// NFC normalisation plus whitespace unification: CR LF / CR -> LF, other line separators -> LF,
// tabs / no-break and other Unicode spaces -> ' ', zero-width and soft-hyphen characters removed,
// runs of spaces collapsed, trailing spaces on lines removed, more than one blank line collapsed to
// one. Input must be valid UTF-8. Fast path: ASCII and already-NFC text is not touched by ICU.
std::string normalize(std::string_view in);

// Sentence boundaries (byte offsets [begin, end), whitespace-trimmed) over valid UTF-8 text.
// News-aware: abbreviations (U.S., Sen., R-S.C., Jan., Dr., a.m.), initials, decimals, ellipses,
// closing quotes and brackets after the full stop kept with the sentence, a sentence never spans a
// paragraph break (a line break).
struct SentenceBounds {
  uint32_t begin, end;
  uint32_t paragraph;
};
std::vector<SentenceBounds> split_sentences(std::string_view text);

// Tokens with byte and code point offsets: words (letters, digits, inner apostrophes and hyphens:
// "don't", "Kyiv-based"), numbers ("3.5", "20,000", "1990s"), punctuation and symbols one each.
std::vector<Token> tokenize(std::string_view text);

// Case-folded form of a token (ICU full case folding), typographic apostrophes unified.
std::string fold(std::string_view token);

// ISO 639-1 code of the text's language via CLD2 ("und" when unreliable or unknown). Reads at
// most the first `max_bytes` bytes (cut at a code point boundary): a few KB decide the language
// of a news article, and CLD2's cost grows with the input.
std::string detect_language(std::string_view text, size_t max_bytes = 2048);

// Snowball stemmer for a language code (falls back to "porter"-free English when the language has
// no stemmer; language() then says "en"). Remembers the stems of frequent words (bounded memory).
// Not thread-safe: one per thread.
class Stemmer {
 public:
  explicit Stemmer(std::string_view language = "en");
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(std::string_view folded_word);
  const std::string& language() const { return language_; }

 private:
  struct Cache;
  std::string language_;
  struct sb_stemmer* stemmer_ = nullptr;
  std::unique_ptr<Cache> cache_;
};

struct AnalyzerOptions {
  bool detect_language = true;   // run CLD2 on the text (first `language_sample_bytes` bytes)
  size_t language_sample_bytes = 2048;
  bool fold = true;              // fill Document::norms
  bool stem = true;              // fill Document::stems (needs fold)
};

// Builds Documents. Holds per-language stemmers, so keep one Analyzer per thread.
class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  ~Analyzer();
  // `article` must outlive the Document (it views Article::text).
  Document analyze(const Article& article);

 private:
  AnalyzerOptions options_;
  std::vector<std::unique_ptr<Stemmer>> stemmers_;
};

}  // namespace crosscheck::text
