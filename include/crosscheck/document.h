// Document: an Article's text analysed into sentences and tokens.
//
// The Document does not change the text: every token and sentence carries both UTF-8 byte offsets
// (for fast access inside the process) and code point offsets (for output), into Article::text.
//
//   crosscheck::text::Analyzer analyzer;
//   Document doc = analyzer.analyze(article);
//   for (const Sentence& s : doc.sentences) std::cout << doc.sentence_text(s) << "\n";
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  uint32_t begin = 0, end = 0;        // UTF-8 byte offsets into the text
  uint32_t cp_begin = 0, cp_end = 0;  // code point offsets into the text
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  uint32_t begin = 0, end = 0;        // byte offsets (trimmed of surrounding whitespace)
  uint32_t cp_begin = 0, cp_end = 0;  // code point offsets
  uint32_t token_begin = 0, token_end = 0;  // index range into Document::tokens
  uint32_t paragraph = 0;             // index of the paragraph (line block) holding the sentence
};

struct Document {
  std::string id;
  std::string language;                 // ISO 639-1, "und" when undetermined
  std::string_view text;                // view of Article::text: the Article must outlive this
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<std::string> norms;       // per token: case-folded form (empty for punctuation)
  std::vector<std::string> stems;       // per token: stem of the norm (empty unless stemming is on)

  std::string_view token_text(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  std::string_view sentence_text(const Sentence& s) const {
    return text.substr(s.begin, s.end - s.begin);
  }
};

}  // namespace crosscheck
