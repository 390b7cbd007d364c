// What every quotes pass reads about a token: its text, lower-case form, lexicon flags, paragraph,
// capitalisation, and whether it sits inside a quotation. Built once per Document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/quotes.h"

namespace crosscheck::quotes {

class TokenContext {
 public:
  explicit TokenContext(const Document& doc);

  const Document& doc() const { return doc_; }
  size_t size() const { return doc_.tokens.size(); }
  const Token& token(size_t i) const { return doc_.tokens[i]; }
  std::string_view text(size_t i) const { return doc_.token_text(doc_.tokens[i]); }
  // Case-folded form (Document::norms when filled, else ASCII lower case); empty for punctuation.
  std::string_view lower(size_t i) const;
  uint32_t flags(size_t i) const { return flags_[i]; }
  uint32_t paragraph(size_t i) const { return paragraph_[i]; }
  bool is_word(size_t i) const { return doc_.tokens[i].kind == TokenKind::kWord; }
  bool is_punct(size_t i, char c) const;  // the token is exactly the ASCII character c
  bool capitalised(size_t i) const { return cap_[i]; }  // a word starting with an upper-case letter
  // A full stop, question or exclamation mark that ends a sentence here (not "Mr." or "J.").
  bool sentence_end(size_t i) const;
  // Index of the quote (into the segment list) whose marks enclose token i, or -1.
  int32_t quote_at(size_t i) const { return quote_[i]; }
  void set_quote(size_t begin, size_t end, int32_t q);
  // The span covering tokens [begin, end) (end > begin).
  TextSpan span(size_t begin, size_t end) const;
  std::string_view span_text(size_t begin, size_t end) const;

 private:
  const Document& doc_;
  std::vector<std::string> own_lower_;  // only when the Document has no norms
  std::vector<uint32_t> flags_;
  std::vector<uint32_t> paragraph_;
  std::vector<bool> cap_;
  std::vector<int32_t> quote_;
};

// The quotation-mark glyph a punctuation token is ("" when none): one of " ' “ ” ‘ ’ „ ‚ « » ‹ ›.
std::string_view mark_glyph(std::string_view token_text);

}  // namespace crosscheck::quotes
