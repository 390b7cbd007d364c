// split_sentences(): a hand-written, news-aware sentence boundary scanner.
//
// The idea. A sentence ends at terminal punctuation (. ? ! … and the CJK, Devanagari and Arabic
// stops) that is followed by white space and then by something that is not a lower-case letter.
// Everything else is about the full stop, which news text overloads: abbreviations ("Sen.",
// "U.S.", "R-S.C."), initials ("John F. Kennedy"), decimals ("3.5") and dotted acronyms. A period
// is a boundary unless
//   * it is not followed by white space (decimals, "U.S.", URLs), or
//   * the next word starts with a lower-case letter ("...at 9 a.m. on Monday"), or
//   * the word before it is in the abbreviation lexicon (src/text/abbreviations.h): titles never
//     end a sentence; "can end" abbreviations and initials end one only when the next word is a
//     typical sentence opener ("...in the U.S. The talks" splits, "the U.S. Senate" does not).
// Closing quotes and brackets after the terminal belong to the sentence that ends there.
//
// Decisions worth knowing:
//   * Quotations are transparent: “We are ready. We will go,” he said. is two sentences, split
//     after "ready." — the same rule as outside quotes (quote extraction works on character spans,
//     not on sentences, so it does not need the quote kept whole). A '?' or '!' inside a quote
//     followed by the attribution ("Why?” he asked.) does not split: the next word is lower case.
//   * A bracketed span that closes on the same line is atomic: no boundary inside it, so
//     "(R-S.C.)" and "(He declined. Others agreed.)" never split inside. A parenthesised span that
//     is a whole sentence on its own ends at its closing bracket. A bracket that never closes on
//     its line is ignored, so one stray "(" cannot glue a paragraph together.
//   * Line breaks are hard boundaries: a sentence never spans lines; paragraph = index of the
//     non-empty line holding the sentence (blank lines do not count).
//   * A short number or single letter opening a line ("1. ", "a. ") is a list marker, not a
//     sentence.
//
// Cost: one pass over the bytes with a 256-entry table; only bytes that can start a terminal or a
// bracket leave the inner loop, and the lexicon is consulted once per candidate period.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/text/abbreviations.h"
#include "src/text/char_class.h"

namespace crosscheck::text {
namespace {

constexpr size_t kNpos = std::string_view::npos;
// A bracket that does not close within this many bytes is not treated as a parenthetical.
constexpr size_t kMaxBracketSpan = 2000;

// Bytes that make the line scanner stop and look: terminal punctuation, brackets, and the lead
// bytes of the non-ASCII terminals.
constexpr std::array<bool, 256> make_interesting() {
  std::array<bool, 256> t{};
  for (unsigned char c : {'.', '?', '!', '(', '['}) t[c] = true;
  for (unsigned char c : {0xD8, 0xDB, 0xE0, 0xE2, 0xE3, 0xEF}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kInteresting = make_interesting();

inline unsigned char byte_at(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Byte length of a line break at i (0 if none): LF, CR LF, CR, VT, FF, NEL, U+2028, U+2029.
inline size_t line_break_length(std::string_view s, size_t i) {
  unsigned char c = byte_at(s, i);
  if (c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == '\r') return (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
  if (c == 0xC2 && i + 1 < s.size() && byte_at(s, i + 1) == 0x85) return 2;
  if (c == 0xE2 && i + 2 < s.size() && byte_at(s, i + 1) == 0x80 &&
      (byte_at(s, i + 2) == 0xA8 || byte_at(s, i + 2) == 0xA9)) {
    return 3;
  }
  return 0;
}

// Byte length of a white-space code point at i (0 if none).
inline size_t space_length(std::string_view s, size_t i) {
  unsigned char c = byte_at(s, i);
  if (c == ' ' || c == '\t') return 1;
  if (c < 0x80) return 0;
  const char* p = s.data() + i;
  char32_t cp = utf8::decode(p, s.data() + s.size());
  return classify_code_point(cp) == CharClass::kSpace ? static_cast<size_t>(p - (s.data() + i)) : 0;
}

size_t skip_spaces(std::string_view s, size_t i, size_t end) {
  while (i < end) {
    size_t n = space_length(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

size_t trim_back(std::string_view s, size_t begin, size_t end) {
  while (end > begin) {
    size_t k = end - 1;
    while (k > begin && !utf8::is_lead(s[k])) --k;
    if (space_length(s, k) == 0) break;
    end = k;
  }
  return end;
}

enum class Terminal { kNone, kPeriod, kStrong, kEllipsis, kUnconditional };

// The terminal punctuation at i and its byte length.
inline Terminal terminal_at(std::string_view s, size_t i, size_t end, size_t* len) {
  unsigned char c = byte_at(s, i);
  *len = 1;
  if (c == '.') return Terminal::kPeriod;
  if (c == '?' || c == '!') return Terminal::kStrong;
  if (c < 0x80) return Terminal::kNone;
  auto b = [&](size_t k) -> unsigned char { return i + k < end ? byte_at(s, i + k) : 0; };
  *len = 2;
  if (c == 0xD8 && b(1) == 0x9F) return Terminal::kStrong;  // U+061F Arabic question mark
  if (c == 0xDB && b(1) == 0x94) return Terminal::kStrong;  // U+06D4 Arabic full stop
  *len = 3;
  if (c == 0xE0 && b(1) == 0xA5 && (b(2) == 0xA4 || b(2) == 0xA5)) return Terminal::kStrong;  // danda
  if (c == 0xE2 && b(1) == 0x80 && b(2) == 0xA6) return Terminal::kEllipsis;   // …
  if (c == 0xE2 && b(1) == 0x80 && b(2) == 0xBC) return Terminal::kStrong;     // ‼
  if (c == 0xE2 && b(1) == 0x81 && b(2) >= 0x87 && b(2) <= 0x89) return Terminal::kStrong;  // ⁇⁈⁉
  // CJK stops are not followed by spaces, so they end a sentence unconditionally.
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x82) return Terminal::kUnconditional;  // 。
  if (c == 0xEF && b(1) == 0xBC && (b(2) == 0x81 || b(2) == 0x9F)) return Terminal::kUnconditional;
  if (c == 0xEF && b(1) == 0xBD && b(2) == 0xA1) return Terminal::kUnconditional;  // ｡
  return Terminal::kNone;
}

// Byte length of a closing quote or bracket at i (0 if none).
inline size_t closer_length(std::string_view s, size_t i, size_t end) {
  unsigned char c = byte_at(s, i);
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (c == 0xC2 && i + 1 < end && byte_at(s, i + 1) == 0xBB) return 2;  // »
  if (c == 0xE2 && i + 2 < end && byte_at(s, i + 1) == 0x80) {
    unsigned char d = byte_at(s, i + 2);
    if (d == 0x99 || d == 0x9D || d == 0xBA) return 3;  // ’ ” ›
  }
  return 0;
}

// Byte length of an opening quote or bracket at i (0 if none).
inline size_t opener_length(std::string_view s, size_t i, size_t end) {
  unsigned char c = byte_at(s, i);
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{') return 1;
  if (c == 0xC2 && i + 1 < end && (byte_at(s, i + 1) == 0xAB || byte_at(s, i + 1) == 0xBF ||
                                   byte_at(s, i + 1) == 0xA1)) {
    return 2;  // « ¿ ¡
  }
  if (c == 0xE2 && i + 2 < end && byte_at(s, i + 1) == 0x80) {
    unsigned char d = byte_at(s, i + 2);
    if (d == 0x98 || d == 0x9C || d == 0x9E || d == 0xB9) return 3;  // ‘ “ „ ‹
  }
  return 0;
}

// Skips closing quotes and brackets, and any combining marks or format characters on them (they
// belong to the character they follow, and the tokenizer keeps them there).
size_t skip_closers(std::string_view s, size_t i, size_t end) {
  while (i < end) {
    size_t n = closer_length(s, i, end);
    if (n == 0 && byte_at(s, i) >= 0x80) {
      const char* p = s.data() + i;
      CharClass k = classify_code_point(utf8::decode(p, s.data() + end));
      if (k == CharClass::kMark || k == CharClass::kFormat) n = static_cast<size_t>(p - (s.data() + i));
    }
    if (n == 0) break;
    i += n;
  }
  return i;
}

// Position of the bracket closing the one at `open`, or kNpos when it does not close in time.
size_t matching_close(std::string_view s, size_t open, size_t end) {
  size_t limit = std::min(end, open + kMaxBracketSpan);
  int depth = 0;
  for (size_t k = open; k < limit; ++k) {
    char c = s[k];
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (--depth == 0) return k;
    }
  }
  return kNpos;
}

// The word that opens at i, after opening quotes and brackets: [*word_begin, return).
size_t next_word(std::string_view s, size_t i, size_t end, size_t* word_begin) {
  while (i < end) {
    size_t n = opener_length(s, i, end);
    if (n == 0) break;
    i += n;
  }
  *word_begin = i;
  while (i < end) {
    const char* p = s.data() + i;
    char32_t cp = utf8::decode(p, s.data() + end);
    CharClass k = classify_code_point(cp);
    if (k != CharClass::kLetter && k != CharClass::kMark) break;
    i = static_cast<size_t>(p - s.data());
  }
  return i;
}

class LineSplitter {
 public:
  LineSplitter(std::string_view text, std::vector<SentenceBounds>& out) : s_(text), out_(out) {}

  // Splits the line [begin, end); returns false when it holds nothing but white space.
  bool split(size_t begin, size_t end, uint32_t paragraph) {
    begin = skip_spaces(s_, begin, end);
    end = trim_back(s_, begin, end);
    if (begin == end) return false;
    end_ = end;
    paragraph_ = paragraph;
    sentence_begin_ = begin;
    size_t i = begin;
    while (i < end) {
      if (!kInteresting[byte_at(s_, i)]) {
        ++i;
        continue;
      }
      char c = s_[i];
      if (c == '(' || c == '[') {
        i = bracket(i);
        continue;
      }
      size_t len;
      Terminal t = terminal_at(s_, i, end, &len);
      if (t == Terminal::kNone) {
        ++i;
        continue;
      }
      i = terminal_run(i);
    }
    emit(end);
    return true;
  }

 private:
  // Skips the bracketed span opening at i; ends the sentence after it when the span is a whole
  // parenthesised sentence. Returns where scanning resumes.
  size_t bracket(size_t i) {
    size_t close = matching_close(s_, i, end_);
    if (close == kNpos) return i + 1;  // never closes: an ordinary character
    size_t after = close + 1;
    if (i == sentence_begin_ && ends_with_terminal(i + 1, close)) {
      size_t sentence_end = skip_closers(s_, after, end_);
      if (boundary_follows(sentence_end)) return cut(sentence_end);
    }
    return after;
  }

  // True when [begin, end) ends with terminal punctuation, possibly followed by closing quotes.
  bool ends_with_terminal(size_t begin, size_t end) const {
    size_t k = end;
    while (k > begin) {
      size_t b = previous_code_point(k);
      if (closer_length(s_, b, end) == 0) break;
      k = b;
    }
    if (k == begin) return false;
    size_t b = previous_code_point(k), len;
    return terminal_at(s_, b, k, &len) != Terminal::kNone && b + len == k;
  }

  size_t previous_code_point(size_t k) const {
    do --k; while (k > 0 && !utf8::is_lead(s_[k]));
    return k;
  }

  // Handles a run of terminal punctuation starting at i. Returns where scanning resumes.
  size_t terminal_run(size_t i) {
    size_t run_begin = i, j = i, len;
    int periods = 0, others = 0;
    bool unconditional = false;
    Terminal t;
    while (j < end_ && (t = terminal_at(s_, j, end_, &len)) != Terminal::kNone) {
      if (t == Terminal::kPeriod) ++periods; else ++others;
      if (t == Terminal::kUnconditional) unconditional = true;
      j += len;
    }
    size_t sentence_end = skip_closers(s_, j, end_);
    if (unconditional) return cut(sentence_end);
    if (!boundary_follows(sentence_end)) return sentence_end;
    if (periods == 1 && others == 0 && !period_ends_sentence(run_begin, sentence_end)) {
      return sentence_end;
    }
    return cut(sentence_end);
  }

  // After terminal punctuation ending at e: white space (or the line end) and then a word that
  // does not start with a lower-case letter.
  bool boundary_follows(size_t e) const {
    if (e >= end_) return true;
    size_t k = skip_spaces(s_, e, end_);
    if (k == e) return false;
    size_t word;
    next_word(s_, k, end_, &word);
    if (word >= end_) return true;
    const char* p = s_.data() + word;
    return !is_lower_letter(utf8::decode(p, s_.data() + end_));
  }

  // A single period at p, with the next word already known not to be lower case.
  bool period_ends_sentence(size_t p, size_t e) const {
    size_t w = p;
    while (w > sentence_begin_ && byte_at(s_, w - 1) != ' ' && byte_at(s_, w - 1) != '\t') --w;
    while (w < p) {
      size_t n = opener_length(s_, w, p);
      if (n == 0) break;
      w += n;
    }
    std::string_view word = s_.substr(w, p - w);
    if (w == sentence_begin_ && is_list_marker(word)) return false;
    switch (abbreviation_kind(word)) {
      case AbbreviationKind::kNone:
        return true;
      case AbbreviationKind::kNeverFinal:
        return false;
      case AbbreviationKind::kCanEnd:
        break;
    }
    if (e >= end_) return true;
    size_t word_begin;
    size_t word_end = next_word(s_, skip_spaces(s_, e, end_), end_, &word_begin);
    return is_sentence_opener(s_.substr(word_begin, word_end - word_begin));
  }

  // "1", "12", "a", "B": a list item's marker when it opens the line.
  static bool is_list_marker(std::string_view word) {
    if (word.size() == 1 && ((word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z'))) {
      return true;
    }
    if (word.empty() || word.size() > 3) return false;
    for (char c : word) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  // Ends the current sentence at e; returns where the next one starts.
  size_t cut(size_t e) {
    emit(e);
    sentence_begin_ = skip_spaces(s_, e, end_);
    return sentence_begin_;
  }

  void emit(size_t e) {
    e = trim_back(s_, sentence_begin_, e);
    if (e > sentence_begin_) {
      out_.push_back({static_cast<uint32_t>(sentence_begin_), static_cast<uint32_t>(e), paragraph_});
    }
    sentence_begin_ = e;
  }

  std::string_view s_;
  std::vector<SentenceBounds>& out_;
  size_t end_ = 0;
  size_t sentence_begin_ = 0;
  uint32_t paragraph_ = 0;
};

}  // namespace

std::vector<SentenceBounds> split_sentences(std::string_view text) {
  std::vector<SentenceBounds> out;
  out.reserve(text.size() / 96 + 1);
  LineSplitter splitter(text, out);
  uint32_t paragraph = 0;
  size_t line_begin = 0;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = byte_at(text, i);
    // Only these bytes can start a line break; everything else is skipped at once.
    if (c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0xC2 && c != 0xE2) {
      ++i;
      continue;
    }
    size_t len = line_break_length(text, i);
    if (len == 0) {
      ++i;
      continue;
    }
    if (splitter.split(line_begin, i, paragraph)) ++paragraph;
    i += len;
    line_begin = i;
  }
  splitter.split(line_begin, n, paragraph);
  return out;
}

}  // namespace crosscheck::text
