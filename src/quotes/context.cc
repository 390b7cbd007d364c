#include "src/quotes/context.h"

#include <unicode/uchar.h>

#include "crosscheck/ascii.h"
#include "crosscheck/utf8.h"
#include "src/quotes/lexicon.h"

namespace crosscheck::quotes {

TokenContext::TokenContext(const Document& doc) : doc_(doc) {
  const size_t n = doc.tokens.size();
  const bool have_norms = doc.norms.size() == n;
  if (!have_norms) {
    own_lower_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      if (doc.tokens[i].kind == TokenKind::kPunct || doc.tokens[i].kind == TokenKind::kSymbol)
        continue;
      std::string& s = own_lower_[i];
      s.assign(doc.token_text(doc.tokens[i]));
      for (char& c : s) c = ascii::to_lower(c);
      // Typographic apostrophe to ASCII, as text::fold does, so "o’brien" == "o'brien".
      for (size_t p = s.find("\xE2\x80\x99"); p != std::string::npos; p = s.find("\xE2\x80\x99"))
        s.replace(p, 3, "'");
    }
  }
  flags_.resize(n);
  paragraph_.resize(n);
  cap_.resize(n);
  quote_.assign(n, -1);
  uint32_t para = 0;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    if (i > 0) {
      std::string_view gap =
          doc.text.substr(doc.tokens[i - 1].end, t.begin - doc.tokens[i - 1].end);
      // The line breaks text::split_sentences knows: LF, CR, VT, FF, NEL, U+2028, U+2029.
      if (gap.find_first_of("\n\r\v\f") != std::string_view::npos ||
          gap.find("\xC2\x85") != std::string_view::npos ||
          gap.find("\xE2\x80\xA8") != std::string_view::npos ||
          gap.find("\xE2\x80\xA9") != std::string_view::npos)
        ++para;
    }
    paragraph_[i] = para;
    if (t.kind == TokenKind::kWord) {
      flags_[i] = word_flags(lower(i));
      const char* p = doc.text.data() + t.begin;
      const char* end = doc.text.data() + t.end;
      char32_t cp = utf8::decode(p, end);
      cap_[i] = cp < 0x80
                    ? (cp >= 'A' && cp <= 'Z')
                    : (u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp)));
    }
  }
}

std::string_view TokenContext::lower(size_t i) const {
  if (own_lower_.empty()) return doc_.norms[i];
  return own_lower_[i];
}

bool TokenContext::is_punct(size_t i, char c) const {
  const Token& t = doc_.tokens[i];
  return t.end == t.begin + 1 && doc_.text[t.begin] == c;
}

bool TokenContext::sentence_end(size_t i) const {
  if (is_punct(i, '?') || is_punct(i, '!')) return true;
  if (!is_punct(i, '.')) return false;
  if (i == 0) return true;
  // "(D-Wis.)", "R-Ky., said": a period before a closing bracket or a comma ends no sentence.
  if (i + 1 < doc_.tokens.size() && doc_.tokens[i + 1].begin == doc_.tokens[i].end &&
      (is_punct(i + 1, ')') || is_punct(i + 1, ',')))
    return false;
  const Token& prev = doc_.tokens[i - 1];
  if (prev.end != doc_.tokens[i].begin || prev.kind != TokenKind::kWord) return true;
  std::string_view w = text(i - 1);
  if (!title_role(w).empty()) return false;        // "Sen." "Mr."
  if (w.size() == 1 && cap_[i - 1]) return false;  // initial "J."
  if (flags_[i - 1] & kNameSuffix) return false;   // "Jr."
  return true;
}

void TokenContext::set_quote(size_t begin, size_t end, int32_t q) {
  for (size_t i = begin; i < end && i < quote_.size(); ++i) quote_[i] = q;
}

TextSpan TokenContext::span(size_t begin, size_t end) const {
  const Token& a = doc_.tokens[begin];
  const Token& b = doc_.tokens[end - 1];
  return {a.begin, b.end, a.cp_begin, b.cp_end};
}

std::string_view TokenContext::span_text(size_t begin, size_t end) const {
  const Token& a = doc_.tokens[begin];
  const Token& b = doc_.tokens[end - 1];
  return doc_.text.substr(a.begin, b.end - a.begin);
}

std::string_view mark_glyph(std::string_view t) {
  if (t == "\"" || t == "'") return t;
  if (t.size() == 2 && (t == "\xC2\xAB" || t == "\xC2\xBB")) return t;  // « »
  if (t.size() == 3 && static_cast<unsigned char>(t[0]) == 0xE2 &&
      static_cast<unsigned char>(t[1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(t[2]);
    // ‘ ’ ‚ “ ” „ ‹ ›
    if (c == 0x98 || c == 0x99 || c == 0x9A || c == 0x9C || c == 0x9D || c == 0x9E || c == 0xB9 ||
        c == 0xBA)
      return t;
  }
  return {};
}

}  // namespace crosscheck::quotes
