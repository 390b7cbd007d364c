// tokenize(): words, numbers, punctuation and symbols with byte and code point offsets.
//
// The idea. One left-to-right pass; each code point is classified once (ASCII by table, the rest
// by ICU's general category, see char_class.h) and a token is the longest run that the rules
// below allow from its first code point:
//   word    letter (any script) or mark, then letters, marks, digits and format characters; an
//           apostrophe (' or ’) joins when a letter follows ("don't", "O’Brien"), a hyphen joins
//           when a letter or digit follows ("Kyiv-based", "COVID-19"); single letters joined by
//           periods keep their periods ("U.S.", "a.m.", "R-S.C.").
//   number  digits, with '.', ',' or ':' joining when a digit follows ("3.5", "20,000", "10:30"),
//           then trailing letters ("1990s", "21st"). A sign or currency is its own token ("€90"
//           is "€" + "90"), so facts can read the unit.
//   punct / symbol   one code point each ("..." is three tokens); a mark or format character
//           right after one (emoji variation selectors, ZWJ sequences) stays with it.
// White space and stray format characters produce no token.
//
// Cost: O(n) with one decode per code point; the code point offset is a counter carried along,
// so the two offset systems cost nothing extra. The output is the only allocation.
#include <string_view>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/text/char_class.h"

namespace crosscheck::text {
namespace {

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text)
      : base_(text.data()), end_(text.data() + text.size()) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    out.reserve(static_cast<size_t>(end_ - base_) / 5 + 1);
    while (pos_ < end_) {
      unsigned char c = static_cast<unsigned char>(*pos_);
      if (c == ' ' || c == '\n') {  // the common separators, without a decode
        ++pos_;
        ++cp_;
        continue;
      }
      const char* start = pos_;
      uint32_t cp_start = cp_;
      Peek first = peek(pos_);
      TokenKind kind;
      switch (first.cls) {
        case CharClass::kSpace:
          advance(first);
          continue;
        case CharClass::kFormat:
        case CharClass::kMark:
          // Belongs to the token it touches; otherwise a format character is dropped and a lone
          // mark starts a word.
          if (!out.empty() && out.back().end == offset(pos_)) {
            advance(first);
            out.back().end = offset(pos_);
            out.back().cp_end = cp_;
            continue;
          }
          if (first.cls == CharClass::kFormat) {
            advance(first);
            continue;
          }
          scan_word();
          kind = TokenKind::kWord;
          break;
        case CharClass::kLetter:
          scan_word();
          kind = TokenKind::kWord;
          break;
        case CharClass::kDigit:
          scan_number();
          kind = TokenKind::kNumber;
          break;
        case CharClass::kPunct:
          advance(first);
          kind = TokenKind::kPunct;
          break;
        default:
          advance(first);
          kind = TokenKind::kSymbol;
          break;
      }
      out.push_back({offset(start), offset(pos_), cp_start, cp_, kind});
    }
    return out;
  }

 private:
  struct Peek {
    char32_t cp;
    CharClass cls;
    uint32_t len;
  };

  Peek peek(const char* p) const {
    if (p >= end_) return {0, CharClass::kSpace, 0};
    const char* q = p;
    char32_t cp = utf8::decode(q, end_);
    return {cp, classify_code_point(cp), static_cast<uint32_t>(q - p)};
  }

  void advance(const Peek& k) {
    pos_ += k.len;
    ++cp_;
  }

  uint32_t offset(const char* p) const { return static_cast<uint32_t>(p - base_); }

  static bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  static bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
  static bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
  static bool word_char(CharClass k) {
    return k == CharClass::kLetter || k == CharClass::kMark || k == CharClass::kDigit ||
           k == CharClass::kFormat;
  }

  void scan_word() {
    const char* segment = pos_;  // start of the part after the last hyphen
    uint32_t segment_cps = 0;
    while (true) {
      // ASCII letters and digits need no decode and no ICU.
      while (pos_ < end_ && is_ascii_alnum(*pos_)) {
        ++pos_;
        ++cp_;
        ++segment_cps;
      }
      Peek k = peek(pos_);
      if (k.len != 0 && word_char(k.cls)) {
        advance(k);
        ++segment_cps;
        continue;
      }
      if (k.len != 0 && (is_apostrophe(k.cp) || is_hyphen(k.cp))) {
        Peek next = peek(pos_ + k.len);
        bool joins = next.cls == CharClass::kLetter || next.cls == CharClass::kMark ||
                     (is_hyphen(k.cp) && next.cls == CharClass::kDigit);
        if (next.len != 0 && joins) {
          advance(k);
          if (is_hyphen(k.cp)) {
            segment = pos_;
            segment_cps = 0;
          }
          continue;
        }
      }
      break;
    }
    // Dotted acronym: a single-letter segment followed by ".X." repeated ("U.S.", "R-S.C.").
    if (segment_cps == 1 && pos_ > segment && peek(segment).cls == CharClass::kLetter) {
      bool any = false;
      while (pos_ < end_ && *pos_ == '.') {
        Peek letter = peek(pos_ + 1);
        if (letter.len == 0 || letter.cls != CharClass::kLetter) break;
        const char* after = pos_ + 1 + letter.len;
        if (after >= end_ || *after != '.') break;
        pos_ = after;  // consume ".X"; the '.' at `after` is taken below or by the next round
        cp_ += 2;
        any = true;
      }
      if (any) {  // the closing period belongs to the acronym
        ++pos_;
        ++cp_;
      }
    }
  }

  void scan_number() {
    while (true) {
      while (pos_ < end_ && *pos_ >= '0' && *pos_ <= '9') {
        ++pos_;
        ++cp_;
      }
      Peek k = peek(pos_);
      if (k.len != 0 && (k.cls == CharClass::kDigit || k.cls == CharClass::kMark)) {
        advance(k);
        continue;
      }
      if (k.cp == '.' || k.cp == ',' || k.cp == ':') {
        Peek next = peek(pos_ + 1);
        if (next.len != 0 && next.cls == CharClass::kDigit) {
          advance(k);
          continue;
        }
      }
      break;
    }
    while (true) {  // "1990s", "21st", "5G"
      Peek k = peek(pos_);
      if (k.len == 0 || (k.cls != CharClass::kLetter && k.cls != CharClass::kMark)) break;
      advance(k);
    }
  }

  const char* const base_;
  const char* const end_;
  const char* pos_ = base_;
  uint32_t cp_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace crosscheck::text
