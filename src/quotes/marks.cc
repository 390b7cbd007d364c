// Quotation-mark pairing.
//
// The idea. A quotation mark's direction comes from its glyph when the glyph has one (“ opens,
// ” closes) and from its neighbours when it does not (" and '): a mark with white space or an
// opening bracket before it and a letter after it is left-flanking and opens; one with a letter or
// punctuation before it and white space or punctuation after it is right-flanking and closes (the
// flanking rules CommonMark uses for emphasis). Pairing then runs in two passes:
//   1. Double marks (" “ ” „ « » and the doubled apostrophe '' of NYT copy), left to right with
//      one open mark at a time: English never nests double quotes, so a straight " closes whatever
//      is open, and a second “ while one is open means the first was never closed (it is dropped).
//      A quotation still open at the end of a paragraph continues when the next paragraph starts
//      with an opening mark (the convention for quotes of several paragraphs); otherwise it is
//      dropped: an unbalanced mark is never guessed across a paragraph.
//   2. Single marks (‘ ’ ' ‚ ‹ ›), outside the double quotations of pass 1 and within one
//   paragraph.
//      The same glyph is also an apostrophe, so an opening single needs a left-flanking mark not
//      followed by a digit ('90s) or an elided word ('n', 'em, 'til, 'cause), and a closing single
//      needs an open single to close: "voters' rights" with nothing open is a possessive.
//      Apostrophes inside words ("Obama's", "O’Brien") never reach here: the tokenizer keeps them
//      in the word. Single marks inside double quotations are nested quotes and are ignored, so a
//      stray apostrophe there cannot unbalance anything.
// A double quotation inside a single one (British style) is dropped in favour of the outer one.
//
// Cost: one pass over the tokens for each family, constant work per mark.
//
// Reference: the typographic conventions in The Chicago Manual of Style (quotations running over
// several paragraphs); the flanking rules of the CommonMark specification.
#include "src/quotes/marks.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>

#include "crosscheck/utf8.h"

namespace crosscheck::quotes {
namespace {

enum class Glyph : uint8_t {
  kNone,
  kStraightDouble,  // "  or ''
  kLeftDouble,      // “ „ «
  kRightDouble,     // ” »
  kStraightSingle,  // '
  kLeftSingle,      // ‘ ‚ ‹
  kRightSingle,     // ’ ›
};

bool is_double(Glyph g) {
  return g == Glyph::kStraightDouble || g == Glyph::kLeftDouble || g == Glyph::kRightDouble;
}

struct Mark {
  uint32_t first = 0, last = 0;
  Glyph glyph = Glyph::kNone;
  bool left = false;   // left-flanking: may open
  bool right = false;  // right-flanking: may close
  bool before_digit = false;
  bool before_elision = false;
};

bool is_open(const Mark& m) { return m.glyph != Glyph::kNone; }

bool is_space(char32_t c) {
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return true;
  return c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool is_punctuation(char32_t c) {
  if (c < 0x80)
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  if (u_ispunct(static_cast<UChar32>(c))) return true;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL || t == U_MODIFIER_SYMBOL ||
         t == U_OTHER_SYMBOL;
}

// Words an apostrophe elides at their start: "rock 'n' roll", "'em", "'til", "'cause".
bool is_elided_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"n",    "em",    "til",   "cause", "tis", "twas",
                                                "bout", "round", "fraid", "cos",   "coz", "nuff",
                                                "sup",  "kay",   "ere",   "neath", "til"};
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return false;
}

class Pairer {
 public:
  Pairer(const TokenContext& ctx, const QuoteOptions& options) : ctx_(ctx), options_(options) {}

  std::vector<Segment> run() {
    std::vector<Segment> doubles = pair_doubles();
    std::vector<Segment> out;
    if (options_.single_quotes) {
      std::vector<Segment> singles = pair_singles(doubles);
      // A double quotation inside a single one is nested: keep the outer.
      size_t s = 0;
      for (const Segment& d : doubles) {
        while (s < singles.size() && singles[s].close_last < d.open_first) ++s;
        bool nested = s < singles.size() && singles[s].open_first < d.open_first &&
                      singles[s].close_last > d.close_last;
        if (!nested) out.push_back(d);
      }
      out.insert(out.end(), singles.begin(), singles.end());
      std::sort(out.begin(), out.end(),
                [](const Segment& a, const Segment& b) { return a.open_first < b.open_first; });
    } else {
      out = std::move(doubles);
    }
    return out;
  }

 private:
  // The mark at token i (kNone when token i is not a quotation mark).
  Mark classify(uint32_t i) const {
    Mark m;
    m.first = m.last = i;
    const Token& t = ctx_.token(i);
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return m;
    std::string_view g = mark_glyph(ctx_.text(i));
    if (g.empty()) return m;
    if (g == "\"") {
      m.glyph = Glyph::kStraightDouble;
    } else if (g == "'") {
      // Two apostrophes touching: the doubled mark of NYT copy.
      if (i + 1 < ctx_.size() && ctx_.token(i + 1).begin == t.end && ctx_.text(i + 1) == "'") {
        m.glyph = Glyph::kStraightDouble;
        m.last = i + 1;
      } else {
        m.glyph = Glyph::kStraightSingle;
      }
    } else if (g == "\xE2\x80\x9C" || g == "\xE2\x80\x9E" || g == "\xC2\xAB") {
      m.glyph = Glyph::kLeftDouble;
    } else if (g == "\xE2\x80\x9D" || g == "\xC2\xBB") {
      m.glyph = Glyph::kRightDouble;
    } else if (g == "\xE2\x80\x98" || g == "\xE2\x80\x9A" || g == "\xE2\x80\xB9") {
      m.glyph = Glyph::kLeftSingle;
    } else {
      m.glyph = Glyph::kRightSingle;  // ’ ›
    }
    // Neighbouring code points (white space at the text's edges).
    std::string_view text = ctx_.doc().text;
    uint32_t b = t.begin, e = ctx_.token(m.last).end;
    char32_t prev = ' ', next = ' ';
    if (b > 0) {
      size_t p = b - 1;
      while (p > 0 && !utf8::is_lead(text[p])) --p;
      const char* q = text.data() + p;
      prev = utf8::decode(q, text.data() + b);
    }
    if (e < text.size()) {
      const char* q = text.data() + e;
      next = utf8::decode(q, text.data() + text.size());
    }
    bool prev_space = is_space(prev), next_space = is_space(next);
    bool prev_punct = is_punctuation(prev), next_punct = is_punctuation(next);
    m.left = !next_space && (!next_punct || prev_space || prev_punct);
    m.right = !prev_space && (!prev_punct || next_space || next_punct);
    m.before_digit = next < 0x80 && next >= '0' && next <= '9';
    if (m.last + 1 < ctx_.size() && ctx_.token(m.last + 1).begin == e)
      m.before_elision = is_elided_word(ctx_.lower(m.last + 1));
    return m;
  }

  std::vector<Segment> pair_doubles() {
    std::vector<Segment> out;
    Mark open;  // glyph kNone: nothing open
    uint32_t open_para = 0;
    const uint32_t n = static_cast<uint32_t>(ctx_.size());
    for (uint32_t i = 0; i < n; ++i) {
      if (i > 0 && ctx_.paragraph(i) != ctx_.paragraph(i - 1) && is_open(open)) {
        Mark m = classify(i);
        bool reopens = options_.multi_paragraph && is_double(m.glyph) &&
                       m.glyph != Glyph::kRightDouble && (m.left || !m.right) &&
                       ctx_.paragraph(i) - open_para + 1 <= options_.max_paragraphs;
        if (reopens) {
          i = m.last;  // the repeated opening mark belongs to the running quotation
          continue;
        }
        open = Mark();
      }
      Mark m = classify(i);
      if (!is_double(m.glyph)) continue;
      i = m.last;
      switch (m.glyph) {
        case Glyph::kStraightDouble:
          if (is_open(open)) {
            close(open, open_para, m, out);
            open = Mark();
          } else if (m.left || !m.right) {
            open = m;
            open_para = ctx_.paragraph(m.first);
          }
          break;
        case Glyph::kLeftDouble:
          if (is_open(open) && m.right && !m.left) {  // “ used as a closing mark (or „…“)
            close(open, open_para, m, out);
            open = Mark();
          } else {
            open = m;  // a second opening mark: the first one was never closed
            open_para = ctx_.paragraph(m.first);
          }
          break;
        case Glyph::kRightDouble:
          if (is_open(open)) {
            close(open, open_para, m, out);
            open = Mark();
          } else if (m.left && !m.right) {  // ” used as an opening mark
            open = m;
            open_para = ctx_.paragraph(m.first);
          }
          break;
        default:
          break;
      }
    }
    return out;
  }

  void close(const Mark& open, uint32_t open_para, const Mark& m, std::vector<Segment>& out) {
    Segment s;
    s.open_first = open.first;
    s.open_last = open.last;
    s.close_first = m.first;
    s.close_last = m.last;
    s.paragraphs = ctx_.paragraph(m.first) - open_para + 1;
    if (s.close_first == s.open_last + 1) return;  // empty quotation: ""
    out.push_back(s);
  }

  std::vector<Segment> pair_singles(const std::vector<Segment>& doubles) {
    std::vector<Segment> out;
    Mark open;  // glyph kNone: nothing open
    size_t d = 0;
    const uint32_t n = static_cast<uint32_t>(ctx_.size());
    for (uint32_t i = 0; i < n; ++i) {
      if (i > 0 && ctx_.paragraph(i) != ctx_.paragraph(i - 1)) open = Mark();
      while (d < doubles.size() && doubles[d].close_last < i) ++d;
      if (d < doubles.size() && doubles[d].open_first <= i) {
        // Skip the double quotation, but a single quotation may not reach across a paragraph.
        i = doubles[d].close_last;
        if (is_open(open) && ctx_.paragraph(i) != ctx_.paragraph(open.first)) open = Mark();
        continue;
      }
      Mark m = classify(i);
      if (m.glyph == Glyph::kNone || is_double(m.glyph)) {
        i = m.last;
        continue;
      }
      bool elided = m.before_digit || m.before_elision;
      switch (m.glyph) {
        case Glyph::kLeftSingle:
          if (is_open(open) && m.right && !m.left) {
            emit_single(open, m, out);
            open = Mark();
          } else if ((m.left || !m.right) && !elided) {
            open = m;
          }
          break;
        case Glyph::kRightSingle:
          if (is_open(open) && m.right) {
            emit_single(open, m, out);
            open = Mark();
          }
          break;
        case Glyph::kStraightSingle:
          if (is_open(open) && m.right) {
            emit_single(open, m, out);
            open = Mark();
          } else if (m.left && !m.right && !elided) {
            open = m;
          }
          break;
        default:
          break;
      }
    }
    return out;
  }

  void emit_single(const Mark& open, const Mark& m, std::vector<Segment>& out) {
    bool has_word = false;
    for (uint32_t k = open.last + 1; k < m.first; ++k)
      if (ctx_.token(k).kind == TokenKind::kWord || ctx_.token(k).kind == TokenKind::kNumber)
        has_word = true;
    if (!has_word) return;
    Segment s;
    s.open_first = open.first;
    s.open_last = open.last;
    s.close_first = m.first;
    s.close_last = m.last;
    s.single = true;
    out.push_back(s);
  }

  const TokenContext& ctx_;
  const QuoteOptions& options_;
};

}  // namespace

std::vector<Segment> pair_quotation_marks(const TokenContext& ctx, const QuoteOptions& options) {
  return Pairer(ctx, options).run();
}

}  // namespace crosscheck::quotes
