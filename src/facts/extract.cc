// extract(): the typed facts of a Document — weekdays, dates, clock times, durations, counts,
// money, percentages, ordinals — with canonical values (see crosscheck/facts.h).
//
// The idea. Facts are short token patterns anchored on a trigger: a number token, a currency
// symbol or code, or an English word the lexicon knows (a month, a weekday, "two", "third",
// "several", "a", "noon"...). Each sentence is read left to right; at every token every pattern
// that can start there offers a candidate (kind, value, unit, end token), and the longest
// candidate wins, ties going to the more specific kind (money > percent > date > time > duration >
// ordinal > weekday > count). The winner's tokens are consumed, so facts never overlap and a year
// inside "December 21, 2025" or a number inside "€90 billion" cannot fire again.
//
// Decisions worth knowing (all English unless said otherwise):
//  * Months must be capitalised ("may" is never a month). "March", "May", "June", "July" and
//    "August" need a day or a year beside them ("May 5", "5 May", "May 2025") or a preposition
//    before them ("in May", "since June"); other months may stand alone ("in December"), and
//    abbreviations ("Dec.") need a day or a year.
//  * "12/21/2025": the order is read off the numbers when one part exceeds 12; when both could be
//    the month, English documents read month/day (US usage), others day/month.
//  * A four-digit number 1800..2100 with no separator is a year ("in 2024", "the 2024 vote")
//    unless a plural noun follows ("2024 ballots" is a count).
//  * A number right after a capitalised word that is not a function word is a name or an
//    identifier ("Boeing 737", "Article 5"): no count. Years are exempt ("Euro 2024").
//  * The counted noun is the last plural in the few words after the number, adjectives and
//    modifiers skipped ("20,000 Ukrainian children" -> child); without one, a number written with
//    digits is a bare count (unit ""), a spelled one is no fact ("two of them").
//  * Spelled ordinals need a noun after them ("third round"; "at first" is no fact).
//  * A weekday is its word alone ("Saturday" in "Saturday evening", "Sunday's" with its 's).
//  * The upper end of a range with a unit gives no fact ("two to three days", "10-15%"), since
//    the unit belongs to both ends; a bare number stays ("the vote was 52 to 48").
//  * "N-X" compounds: a time unit makes a duration ("36-hour", "three-day"), a plan-like noun an
//    ordinal ("20-point"), any other noun a count ("12-member"); "45-year-old" is no fact.
//  * Other languages: only what digits, symbols and ISO codes say (times, numeric dates, years,
//    money with a symbol or code, "%", bare counts), with decimal commas where the language
//    writes them ("12,5 %"), plus a few shared scale and currency words ("Milliarden", "Euro").
//
// Cost: one hash lookup per word token (the lexicon entry is kept per token), then a constant
// amount of work per token; values are built only for candidates. No regular expressions.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/facts.h"
#include "crosscheck/utf8.h"
#include "src/core/calendar.h"
#include "src/facts/lexicon.h"
#include "src/facts/numbers.h"

namespace crosscheck::facts {
namespace {

using Ti = uint32_t;  // token index
constexpr Ti kNone = UINT32_MAX;

int rank(FactKind kind) {
  switch (kind) {
    case FactKind::kMoney:
      return 0;
    case FactKind::kPercent:
      return 1;
    case FactKind::kDate:
      return 2;
    case FactKind::kTime:
      return 3;
    case FactKind::kDuration:
      return 4;
    case FactKind::kOrdinal:
      return 5;
    case FactKind::kWeekday:
      return 6;
    case FactKind::kCount:
      return 7;
  }
  return 8;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_ascii_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int to_int(std::string_view digits) {  // short all-digit strings only
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool is_alpha(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool is_percent_sign(std::string_view t) {
  return t == "%" || t == "\xef\xbc\x85" || t == "\xd9\xaa";  // %, ％, ٪
}

bool is_hyphen(std::string_view t) {
  return t == "-" || t == "\xe2\x80\x90" || t == "\xe2\x80\x91";  // -, ‐, ‑
}

bool is_ordinal_suffix(std::string_view s) {
  return s == "st" || s == "nd" || s == "rd" || s == "th";
}

// Up to six hyphen-separated parts of a folded word: "twenty-five-year" -> twenty, five, year.
struct Parts {
  std::array<std::string_view, 6> part;
  size_t n = 0;
  bool ok = true;
};

Parts split_hyphens(std::string_view s) {
  Parts p;
  size_t start = 0;
  while (true) {
    size_t dash = s.find('-', start);
    std::string_view piece = s.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (p.n == p.part.size() || piece.empty()) {
      p.ok = false;
      return p;
    }
    p.part[p.n++] = piece;
    if (dash == std::string_view::npos) return p;
    start = dash + 1;
  }
}

void append2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + (v / 10) % 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

// "2025-12-21", "????-12-??": unknown parts are zero.
std::string date_value(int year, int month, int day) {
  std::string s;
  s.reserve(10);
  if (year > 0) {
    append2(s, year / 100);
    append2(s, year % 100);
  } else {
    s += "????";
  }
  s.push_back('-');
  if (month > 0)
    append2(s, month);
  else
    s += "??";
  s.push_back('-');
  if (day > 0)
    append2(s, day);
  else
    s += "??";
  return s;
}

std::string clock_value(int hour, int minute) {
  std::string s;
  append2(s, hour);
  s.push_back(':');
  append2(s, minute);
  return s;
}

// ISO 8601: "P2D", "PT36H", "P1.5Y".
std::string iso_duration(TimeUnit unit, const Decimal& amount) {
  const std::string n = amount.to_string();
  switch (unit) {
    case TimeUnit::kSecond:
      return "PT" + n + "S";
    case TimeUnit::kMinute:
      return "PT" + n + "M";
    case TimeUnit::kHour:
      return "PT" + n + "H";
    case TimeUnit::kDay:
      return "P" + n + "D";
    case TimeUnit::kWeek:
      return "P" + n + "W";
    case TimeUnit::kMonth:
      return "P" + n + "M";
    case TimeUnit::kYear:
      return "P" + n + "Y";
    case TimeUnit::kNone:
      break;
  }
  return {};
}

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool english_language(std::string_view lang) {
  return lang.empty() || lang == "und" || lang == "en" || lang.starts_with("en-") ||
         lang.starts_with("en_");
}

// Languages that write "12,5" for twelve and a half and "1.200" for twelve hundred.
bool decimal_comma_language(std::string_view lang) {
  static constexpr std::array<std::string_view, 41> kComma = {
      "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr",
      "gl", "hr", "hu", "id", "is", "it", "ka", "kk", "lt", "lv", "mk", "nb", "nl", "nn",
      "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "vi"};
  static_assert(std::is_sorted(kComma.begin(), kComma.end()));
  return std::binary_search(kComma.begin(), kComma.end(), lang.substr(0, 2));
}

// ASCII lower case with ’ as ', for documents analysed without folding.
std::string simple_fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xe2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    }
  }
  return out;
}

// A number read from one or more tokens, before what it counts or measures.
struct Quantity {
  Decimal value;
  Ti first = 0, end = 0;     // its tokens, a scale word included ("1.5 million")
  bool digits = false;       // written with digits
  bool glued_scale = false;  // "5m", "1.2bn": money, or a count before a plural; never bare
};

struct Candidate {
  bool found = false;
  FactKind kind = FactKind::kCount;
  Ti end = 0;
  std::string value, unit;
};

class Extractor {
 public:
  explicit Extractor(const Document& doc)
      : doc_(doc),
        english_(english_language(doc.language)),
        decimal_comma_(!english_ && decimal_comma_language(doc.language)) {}

  std::vector<Fact> run() {
    std::vector<Fact> out;
    const std::vector<Token>& tokens = doc_.tokens;
    const size_t n = tokens.size();
    for (const Token& t : tokens) {  // a Document from elsewhere must not make us read outside
      if (t.begin > t.end || t.end > doc_.text.size()) return out;
    }
    if (doc_.norms.size() != n) {
      own_norms_.reserve(n);
      for (const Token& t : tokens) {
        own_norms_.push_back(t.kind == TokenKind::kPunct ? std::string()
                                                         : simple_fold(token_text(t)));
      }
    }
    if (english_) {
      words_.assign(n, nullptr);
      for (size_t i = 0; i < n; ++i) {
        if (tokens[i].kind == TokenKind::kWord) words_[i] = english_word(norm(static_cast<Ti>(i)));
      }
    }
    for (size_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      begin_ = std::min<Ti>(s.token_begin, static_cast<Ti>(n));
      end_ = std::min<Ti>(std::max(s.token_end, s.token_begin), static_cast<Ti>(n));
      Ti i = begin_;
      while (i < end_) {
        best_ = Candidate();
        match_at(i);
        if (!best_.found || best_.end <= i || best_.end > end_) {
          ++i;
          continue;
        }
        Fact f;
        f.kind = best_.kind;
        f.value = std::move(best_.value);
        f.unit = std::move(best_.unit);
        f.sentence = static_cast<uint32_t>(si);
        f.begin = tokens[i].begin;
        f.end = tokens[best_.end - 1].end;
        f.cp_begin = tokens[i].cp_begin;
        f.cp_end = tokens[best_.end - 1].cp_end;
        out.push_back(std::move(f));
        i = best_.end;
      }
    }
    return out;
  }

 private:
  // ---- tokens ----------------------------------------------------------------------------

  std::string_view token_text(const Token& t) const {
    return doc_.text.substr(t.begin, t.end - t.begin);
  }
  const Token& tok(Ti i) const { return doc_.tokens[i]; }
  bool has(Ti i) const { return i < end_; }  // inside the current sentence
  std::string_view text(Ti i) const { return token_text(tok(i)); }
  // Case-folded token; empty for punctuation (compare text() there).
  std::string_view norm(Ti i) const { return own_norms_.empty() ? doc_.norms[i] : own_norms_[i]; }
  bool is(Ti i, TokenKind kind) const { return has(i) && tok(i).kind == kind; }
  bool adjacent(Ti a, Ti b) const { return tok(a).end == tok(b).begin; }
  const Word* word_at(Ti i) const { return english_ && has(i) ? words_[i] : nullptr; }
  bool norm_is(Ti i, std::string_view s) const { return has(i) && norm(i) == s; }
  bool possessive(Ti i) const { return ends_with(norm(i), "'s"); }

  bool capitalised(Ti i) const {
    std::string_view t = text(i);
    if (t.empty()) return false;
    const char* p = t.data();
    return u_isupper(static_cast<UChar32>(utf8::decode(p, t.data() + t.size()))) != 0;
  }

  // A plain four-digit year 1800..2100, else 0.
  int year_at(Ti i) const {
    if (!is(i, TokenKind::kNumber)) return 0;
    std::string_view t = text(i);
    if (t.size() != 4 || !all_digits(t)) return 0;
    int y = to_int(t);
    return y >= 1800 && y <= 2100 ? y : 0;
  }

  // A day of the month: "21", "21st", else 0.
  int day_at(Ti i) const {
    if (!is(i, TokenKind::kNumber)) return 0;
    std::string_view t = norm(i);
    size_t d = 0;
    while (d < t.size() && is_digit(t[d])) ++d;
    if (d == 0 || d > 2 || (d < t.size() && !(english_ && is_ordinal_suffix(t.substr(d)))))
      return 0;
    int day = to_int(t.substr(0, d));
    return day >= 1 && day <= 31 ? day : 0;
  }

  // A number right after a name or an identifier: "Boeing 737", "Article 5".
  bool after_name(Ti i) const {
    if (i <= begin_) return false;
    const Ti p = i - 1;
    if (text(p) == "." && p > begin_ && adjacent(p - 1, p) &&
        (text(p - 1) == "No" || text(p - 1) == "Nos")) {
      return true;  // "No. 2" is a rank
    }
    if (tok(p).kind != TokenKind::kWord || !capitalised(p) || possessive(p)) return false;
    // Without an English function-word list, a capitalised sentence opener ("Rund 1.200") is
    // taken for an ordinary word.
    if (!english_ && p == begin_) return false;
    if (const Word* w = word_at(p)) {
      constexpr uint32_t kFunction =
          kStop | kPreposition | kModifier | kVague | kDeterminer | kRate;
      if ((w->flags & kFunction) != 0 || w->month != 0 || w->weekday >= 0 || w->cardinal >= 0) {
        return false;
      }
    }
    return true;
  }

  // The upper end of a range: "10-15%", "two to three days", "1 or 2 ships". Its unit belongs to
  // both ends, so "15%" or "three days" alone would misstate the fact.
  bool range_end(Ti i) const {
    if (i < begin_ + 2) return false;
    const Ti c = i - 1, left = i - 2;
    const bool connector = (tok(c).kind == TokenKind::kPunct && adjacent(left, c) &&
                            adjacent(c, i) && (is_hyphen(text(c)) || text(c) == "\xe2\x80\x93")) ||
                           norm(c) == "to" || norm(c) == "or";
    if (!connector) return false;
    if (tok(left).kind == TokenKind::kNumber) return true;
    const Word* w = word_at(left);
    return w != nullptr && w->cardinal >= 0;
  }

  // Glued to a neighbour by '-', '/' or ':' ("2-1", "24/7", "45-year-old"): part of something
  // else, not a count of its own.
  bool joined(Ti first, Ti end) const {
    auto joiner = [&](Ti i) {
      std::string_view t = text(i);
      return is_hyphen(t) || t == "/" || t == ":" || t == "\xe2\x80\x93";  // –
    };
    if (first > begin_ && tok(first - 1).kind == TokenKind::kPunct && adjacent(first - 1, first) &&
        joiner(first - 1)) {
      return true;
    }
    return has(end) && tok(end).kind == TokenKind::kPunct && adjacent(end - 1, end) && joiner(end);
  }

  bool looks_plural(Ti i, const Word* w) const {
    if (w != nullptr && (w->flags & kPlural) != 0) return true;
    std::string_view f = norm(i);
    if (ends_with(f, "men") || ends_with(f, "children")) return singular(f) != f;  // "gunmen"
    if (f.size() < 3 || f.back() != 's') return false;
    return !ends_with(f, "ss") && !ends_with(f, "us") && !ends_with(f, "is") && !ends_with(f, "'s");
  }

  // ---- candidates ------------------------------------------------------------------------

  void offer(FactKind kind, Ti end, std::string value, std::string unit = {}) {
    if (best_.found && (end < best_.end || (end == best_.end && rank(kind) >= rank(best_.kind)))) {
      return;
    }
    best_.found = true;
    best_.kind = kind;
    best_.end = end;
    best_.value = std::move(value);
    best_.unit = std::move(unit);
  }

  void match_at(Ti i) {
    switch (tok(i).kind) {
      case TokenKind::kNumber:
        match_number(i);
        break;
      case TokenKind::kSymbol:
        match_money_prefix(i);
        break;
      case TokenKind::kWord:
        match_money_prefix(i);
        if (english_) match_word(i);
        break;
      case TokenKind::kPunct:
        break;
    }
  }

  // ---- money -----------------------------------------------------------------------------

  // "€90 billion", "$5m", "US$1.2bn", "EUR 2,000", "£300".
  void match_money_prefix(Ti i) {
    std::string_view code;
    Ti j = i + 1;
    if (tok(i).kind == TokenKind::kSymbol) {
      code = currency_symbol(text(i));
    } else if (has(i + 1) && text(i + 1) == "$" && adjacent(i, i + 1)) {
      code = dollar_prefix(text(i));
      j = i + 2;
    } else if (is_currency_code(text(i))) {
      code = text(i);
    }
    if (code.empty() || !is(j, TokenKind::kNumber)) return;
    std::string digits;
    DigitNumber d;
    Ti end = read_digits(j, d, digits);
    if (!d.ok) return;
    Decimal v = d.value;
    if (!d.suffix.empty()) {
      const int power = scale_abbreviation(d.suffix);
      if (power == 0) return;
      v.scale(power);
    } else {
      end = read_scale_words(end, v, /*abbreviations=*/true);
    }
    offer(FactKind::kMoney, end, std::string(code) + " " + v.to_string());
  }

  // Scale words after an amount: "million", "bn" (English, abbreviations only when asked),
  // "Milliarden", "mil millones" (other languages). Returns the token after them.
  Ti read_scale_words(Ti k, Decimal& v, bool abbreviations) const {
    if (!is(k, TokenKind::kWord)) return k;
    if (english_) {
      const Word* w = word_at(k);
      int power = 0;
      if (w != nullptr && w->cardinal >= 1000) {
        for (int64_t c = w->cardinal; c > 1; c /= 10) ++power;
      } else if (abbreviations) {
        power = scale_abbreviation(norm(k));
      }
      if (power == 0) return k;
      v.scale(power);
      return k + 1;
    }
    for (int words = 0; words < 2 && is(k, TokenKind::kWord); ++words) {
      const int power = foreign_scale(norm(k));
      if (power == 0) break;
      v.scale(power);
      ++k;
    }
    return k;
  }

  // "2,000 euros", "5 million US dollars", "90 €", "2,000 EUR", "300 pounds sterling".
  void match_money_suffix(const Quantity& q) {
    const Ti j = q.end;
    if (!has(j)) return;
    const std::string amount = q.value.to_string();
    if (tok(j).kind == TokenKind::kSymbol) {
      std::string_view code = currency_symbol(text(j));
      // "5 $10": the symbol opens the next amount.
      if (!code.empty() && !is(j + 1, TokenKind::kNumber)) {
        offer(FactKind::kMoney, j + 1, std::string(code) + " " + amount);
      }
      return;
    }
    if (tok(j).kind != TokenKind::kWord) return;
    if (is_currency_code(text(j))) {
      offer(FactKind::kMoney, j + 1, std::string(text(j)) + " " + amount);
      return;
    }
    if (!english_) {  // "90 Milliarden Euro", "2.500 millones de euros"
      const Ti k = (norm(j) == "de" || norm(j) == "di") && is(j + 1, TokenKind::kWord) ? j + 1 : j;
      std::string_view code = foreign_currency_word(norm(k));
      if (!code.empty()) offer(FactKind::kMoney, k + 1, std::string(code) + " " + amount);
      return;
    }
    const Word* w = word_at(j);
    Ti k = j;
    std::string_view adjective;
    if (w != nullptr && !w->currency_adjective.empty()) {
      const Word* next = word_at(j + 1);
      if (next == nullptr || next->currency.empty()) return;
      adjective = w->currency_adjective;
      w = next;
      k = j + 1;
    }
    if (w == nullptr || w->currency.empty()) return;
    std::string_view code = w->currency;
    Ti end = k + 1;
    if ((w->flags & kWeakCurrency) != 0) {  // "300 pounds" may be a weight
      if (norm_is(end, "sterling")) {
        ++end;
      } else if (adjective != "GBP") {
        return;
      }
    }
    if (!adjective.empty() && (code == "USD" || code == "CHF" || code == "GBP")) code = adjective;
    offer(FactKind::kMoney, end, std::string(code) + " " + amount);
  }

  // ---- numbers written with digits -------------------------------------------------------

  // The digits of an amount at token j. Languages that group thousands with spaces ("1 200 000")
  // have the following three-digit groups joined on (into `buf`). Returns the token after them.
  Ti read_digits(Ti j, DigitNumber& d, std::string& buf) const {
    Ti end = j + 1;
    std::string_view s = norm(j);
    if (!english_ && s.size() <= 3 && all_digits(s)) {
      buf.assign(s);
      while (is(end, TokenKind::kNumber) && space_between(end - 1, end)) {
        std::string_view g = norm(end);
        size_t k = 0;
        while (k < g.size() && is_digit(g[k])) ++k;
        if (k != 3 || (k < g.size() && g[k] != ',' && g[k] != '.')) break;
        buf += g;
        ++end;
        if (k < g.size()) break;  // a decimal part ends the number
      }
      if (end > j + 1) s = buf;
    }
    d = parse_digits(s, decimal_comma_);
    return end;
  }

  // One space (or no-break / narrow no-break space) between two tokens.
  bool space_between(Ti a, Ti b) const {
    const uint32_t from = tok(a).end, to = tok(b).begin;
    if (to <= from || to - from > 3) return false;
    const std::string_view gap = doc_.text.substr(from, to - from);
    return gap == " " || gap == "\xc2\xa0" || gap == "\xe2\x80\xaf" || gap == "\xe2\x80\x89";
  }

  void match_number(Ti i) {
    match_clock_number(i);
    match_numeric_date(i);
    std::string digits;
    DigitNumber d;
    Quantity q;
    q.end = read_digits(i, d, digits);
    if (!d.ok) return;
    q.value = d.value;
    q.first = i;
    q.digits = true;
    if (!d.suffix.empty()) {
      if (english_ && is_ordinal_suffix(d.suffix)) {
        match_digit_ordinal(i, d);
        return;
      }
      const int power = scale_abbreviation(d.suffix);
      if (power == 0) return;  // "1990s", "5G", "15km": not a quantity we read
      q.value.scale(power);
      q.glued_scale = true;
    } else {
      q.end = read_scale_words(q.end, q.value, /*abbreviations=*/false);
    }
    const bool plain = d.suffix.empty() && !d.separators && q.end == i + 1;
    const int64_t n = q.value.integer();
    if (plain && english_ && n >= 1 && n <= 31) match_day_month(i, static_cast<int>(n), false);

    match_quantity(q);

    if (plain && d.digits == 4 && n >= 1800 && n <= 2100) {
      offer(FactKind::kDate, i + 1, date_value(static_cast<int>(n), 0, 0));
    }
    // A bare number is kept at the end of a range: "52 to 48" is as often a tally.
    if (!q.glued_scale && !after_name(i) && !joined(i, q.end)) {
      offer(FactKind::kCount, q.end, q.value.to_string());
    }
  }

  // Clock times: "15:30", "9:30 a.m.", "3 p.m.", "3pm", "3.30pm", "3 o'clock", "noon" elsewhere.
  void match_clock_number(Ti i) {
    std::string_view f = norm(i);
    size_t p = 0;
    while (p < f.size() && p < 3 && is_digit(f[p])) ++p;
    if (p == 0 || p > 2) return;
    int hour = to_int(f.substr(0, p));
    int minute = 0;
    char sep = 0;
    if (p < f.size() && (f[p] == ':' || f[p] == '.')) {
      if (p + 3 > f.size() || !is_digit(f[p + 1]) || !is_digit(f[p + 2])) return;
      sep = f[p];
      minute = to_int(f.substr(p + 1, 2));
      p += 3;
      if (sep == ':' && p < f.size() && f[p] == ':') {  // seconds: "10:30:15"
        if (p + 3 > f.size() || !is_digit(f[p + 1]) || !is_digit(f[p + 2])) return;
        p += 3;
      }
    }
    std::string_view suffix = f.substr(p);
    Ti end = i + 1;
    if (!english_) {  // "15h30", "15h" (French and others), "15 Uhr", "15.30 Uhr" (German)
      if (suffix == "h" && sep == 0) {
        if (is(end, TokenKind::kNumber) && adjacent(i, end) && text(end).size() == 2 &&
            all_digits(text(end))) {
          minute = to_int(text(end));
          ++end;
        }
      } else if (suffix.empty() && norm_is(end, "uhr")) {
        ++end;
      } else if (!suffix.empty() || sep != ':') {
        return;  // "3", "3.30", "5G": numbers
      }
      if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) return;
      offer(FactKind::kTime, zone_tail(end), clock_value(hour % 24, minute));
      return;
    }
    int meridiem = suffix == "am" ? 1 : suffix == "pm" ? 2 : 0;
    if (!suffix.empty() && meridiem == 0) return;
    if (meridiem == 0) {
      if (const Word* w = word_at(end); w != nullptr && w->meridiem != 0) {
        meridiem = w->meridiem;
        ++end;
      } else if (sep == 0 && norm_is(end, "o'clock") && hour >= 1 && hour <= 12) {
        offer(FactKind::kTime, zone_tail(end + 1), clock_value(hour, 0));
        return;
      }
    }
    if (meridiem == 0 && sep != ':') return;  // "3", "3.30": just numbers
    if (minute > 59) return;
    if (meridiem != 0) {
      if (hour < 1 || hour > 12) return;
      hour = hour % 12 + (meridiem == 2 ? 12 : 0);
    } else if (hour > 24 || (hour == 24 && minute != 0)) {
      return;
    }
    offer(FactKind::kTime, zone_tail(end), clock_value(hour % 24, minute));
  }

  // "GMT", "local time", "Kyiv time" after a clock time belong to it.
  Ti zone_tail(Ti end) const {
    if (is(end, TokenKind::kWord) && is_time_zone(text(end))) return end + 1;
    if (english_ && is(end, TokenKind::kWord) && norm_is(end + 1, "time") &&
        (norm(end) == "local" || capitalised(end))) {
      return end + 2;
    }
    return end;
  }

  // "2025-12-21", "12/21/2025", "21/12/2025", "21.12.2025".
  void match_numeric_date(Ti i) {
    std::string_view t = text(i);
    auto small = [&](Ti k) {
      std::string_view s = text(k);
      return tok(k).kind == TokenKind::kNumber && all_digits(s) && s.size() <= 2 ? to_int(s) : 0;
    };
    auto chain = [&](std::string_view sep) {  // number sep number sep number, no spaces
      if (!has(i + 4)) return false;
      for (Ti k = i; k < i + 4; ++k) {
        if (!adjacent(k, k + 1)) return false;
      }
      return text(i + 1) == sep && text(i + 3) == sep && tok(i + 4).kind == TokenKind::kNumber;
    };
    auto offer_date = [&](int y, int m, int d, Ti end) {
      if (y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(m, y)) {
        offer(FactKind::kDate, end, date_value(y, m, d));
      }
    };
    if (t.size() == 4 && all_digits(t)) {
      for (std::string_view sep : {std::string_view("-"), std::string_view("/")}) {
        if (chain(sep)) offer_date(to_int(t), small(i + 2), small(i + 4), i + 5);
      }
      return;
    }
    if (all_digits(t) && t.size() <= 2 && chain("/") && text(i + 4).size() == 4 &&
        all_digits(text(i + 4))) {
      const int a = to_int(t), b = small(i + 2), y = to_int(text(i + 4));
      const bool month_first = a <= 12 && (b > 12 || english_);
      offer_date(y, month_first ? a : b, month_first ? b : a, i + 5);
      return;
    }
    // One token: D.M.YYYY
    const size_t dot1 = t.find('.');
    if (dot1 == std::string_view::npos || dot1 == 0 || dot1 > 2) return;
    const size_t dot2 = t.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || dot2 - dot1 < 2 || dot2 - dot1 > 3) return;
    std::string_view d = t.substr(0, dot1), m = t.substr(dot1 + 1, dot2 - dot1 - 1),
                     y = t.substr(dot2 + 1);
    if (all_digits(d) && all_digits(m) && y.size() == 4 && all_digits(y)) {
      offer_date(to_int(y), to_int(m), to_int(d), i + 1);
    }
  }

  // "21 December", "21 Dec. 2025", "21st of December 2025" (English).
  void match_day_month(Ti i, int day, bool ordinal) {
    Ti j = i + 1;
    if (ordinal && norm_is(j, "of")) ++j;
    const Word* w = word_at(j);
    if (w == nullptr || w->month == 0 || !capitalised(j) || day > days_in_month(w->month)) return;
    Ti k = j + 1;
    if (w->month_abbrev && has(k) && text(k) == "." && adjacent(j, k)) ++k;
    int year = year_at(k);
    if (year != 0) {
      ++k;
    } else if (has(k) && text(k) == "," && (year = year_at(k + 1)) != 0) {
      k += 2;
    }
    offer(FactKind::kDate, k, date_value(year, w->month, day));
  }

  // "21st", "the 3rd round", "21st century" (English).
  void match_digit_ordinal(Ti i, const DigitNumber& d) {
    const int64_t n = d.value.integer();
    if (n <= 0 || d.separators) return;
    if (n <= 31) match_day_month(i, static_cast<int>(n), true);
    const Ti head = ordinal_head(i + 1);
    if (head != kNone) {
      offer(FactKind::kOrdinal, head + 1, std::to_string(n), singular(norm(head)));
    } else {
      offer(FactKind::kOrdinal, i + 1, std::to_string(n));
    }
  }

  // ---- quantities and what follows them ---------------------------------------------------

  void match_quantity(Quantity q) {
    if (range_end(q.first)) return;
    Ti j = q.end;
    // "two and a half years"
    if (english_ && norm_is(j, "and") && norm_is(j + 1, "a") && word_at(j + 2) != nullptr &&
        (word_at(j + 2)->flags & kHalf) != 0 && q.value.add_half()) {
      q.end = j + 3;
      j = q.end;
    }
    if (!has(j)) return;
    if (tok(j).kind == TokenKind::kPunct && is_percent_sign(text(j))) {
      offer(FactKind::kPercent, j + 1, q.value.to_string());
    }
    match_money_suffix(q);
    if (!english_) return;
    if (const Word* w = word_at(j); w != nullptr && (w->flags & kPercent) != 0) {
      offer(FactKind::kPercent, j + 1, q.value.to_string());
    }
    if (norm(j) == "per" && norm_is(j + 1, "cent")) {
      offer(FactKind::kPercent, j + 2, q.value.to_string());
    }
    if (norm(j) == "percentage" && (norm_is(j + 1, "point") || norm_is(j + 1, "points"))) {
      offer(FactKind::kCount, j + 2, q.value.to_string(), "percentage point");
    }
    match_duration(q);
    if (q.digits && !q.glued_scale && q.end == q.first + 1) match_number_compound(q);
    match_counted(q);
  }

  // "two days", "36 hours", "two full days", "three decades" (English).
  void match_duration(const Quantity& q) {
    Ti k = skip_modifiers(q.end);
    const Word* w = word_at(k);
    if (w == nullptr || w->time_unit == TimeUnit::kNone) return;
    Decimal amount = q.value;
    if (!amount.multiply(w->unit_multiple)) return;
    offer(FactKind::kDuration, k + 1, iso_duration(w->time_unit, amount),
          std::string(unit_name(w->time_unit)));
  }

  Ti skip_modifiers(Ti k) const {
    for (int n = 0; n < 2; ++n) {
      const Word* w = word_at(k);
      if (w == nullptr || (w->flags & kModifier) == 0 || w->time_unit != TimeUnit::kNone) break;
      ++k;
    }
    return k;
  }

  // "20-point", "36-hour", "12-member", "10-week-long" after digits (English).
  void match_number_compound(const Quantity& q) {
    const Ti h = q.end;
    if (!is(h + 1, TokenKind::kWord) || !is_hyphen(text(h)) || !adjacent(h - 1, h) ||
        !adjacent(h, h + 1)) {
      return;
    }
    const Parts parts = split_hyphens(norm(h + 1));
    if (parts.ok) compound_tail(q.value, parts, 0, h + 2, /*allow_one=*/true);
  }

  // What follows the number inside a hyphenated compound: parts[from..].
  void compound_tail(const Decimal& n, const Parts& parts, size_t from, Ti end, bool allow_one) {
    const size_t rest = parts.n - from;
    if (rest == 0) return;
    const std::string_view p = parts.part[from];
    const Word* w = english_word(p);
    if (w != nullptr && w->time_unit != TimeUnit::kNone && !w->unit_plural &&
        (rest == 1 || (rest == 2 && parts.part[from + 1] == "long"))) {
      Decimal amount = n;
      if (amount.multiply(w->unit_multiple)) {
        offer(FactKind::kDuration, end, iso_duration(w->time_unit, amount),
              std::string(unit_name(w->time_unit)));
      }
      return;
    }
    if (rest != 1 || !is_alpha(p) || p.size() < 2) return;  // "year-old", "nation-wide"
    if (w != nullptr && (w->flags & kPercent) != 0) {
      offer(FactKind::kPercent, end, n.to_string());
      return;
    }
    if (w != nullptr && ((w->flags & kStop) != 0 || w->ordinal > 0 || w->cardinal >= 0 ||
                         w->month != 0 || w->weekday >= 0 || !w->currency.empty())) {
      return;
    }
    if (w != nullptr && (w->flags & kOrdinalNoun) != 0) {
      offer(FactKind::kOrdinal, end, n.to_string(), std::string(p));
      return;
    }
    std::string unit = singular(p);
    if (const Word* u = english_word(unit); u != nullptr && u->ordinal > 0) return;  // "two-thirds"
    if (!allow_one && n.integer() < 2) return;  // "one-time", "one-sided"
    offer(FactKind::kCount, end, n.to_string(), std::move(unit));
  }

  // "1,200 workers", "20,000 Ukrainian children", "140 crane operators", "two ships" (English).
  void match_counted(const Quantity& q) {
    if (q.digits && after_name(q.first)) return;
    const bool one = q.value.integer() == 1;
    Ti last_plural = kNone, first_noun = kNone;
    Ti k = q.end;
    for (int run = 0; run < 4 && is(k, TokenKind::kWord); ++run, ++k) {
      if (has_ascii_digit(norm(k))) break;
      const Word* w = word_at(k);
      if (w != nullptr) {
        // Money words end the phrase, except "pounds", which is as often a weight.
        const bool money = !w->currency.empty() && (w->flags & kWeakCurrency) == 0;
        if ((w->flags & (kStop | kPercent)) != 0 || w->time_unit != TimeUnit::kNone ||
            w->month != 0 || w->weekday >= 0 || money || w->cardinal >= 0 || w->ordinal > 0) {
          break;
        }
      }
      if (w == nullptr || (w->flags & kModifier) == 0) {
        if (looks_plural(k, w)) last_plural = k;
        if (first_noun == kNone && !capitalised(k)) first_noun = k;
      }
      if (possessive(k)) break;  // "1,200 workers' pay": the noun ends here
    }
    const Ti head = one ? first_noun : last_plural;
    if (head == kNone) return;
    offer(FactKind::kCount, head + 1, q.value.to_string(), singular(norm(head)));
  }

  // The noun an ordinal ranks: "third round", "21st straight day" (English).
  Ti ordinal_head(Ti k) const {
    k = skip_modifiers(k);
    if (!is(k, TokenKind::kWord) || capitalised(k) || !is_alpha(norm(k))) return kNone;
    if (const Word* w = word_at(k)) {
      if ((w->flags & kStop) != 0 || w->cardinal >= 0 || w->ordinal > 0 || w->month != 0 ||
          w->weekday >= 0) {
        return kNone;
      }
    }
    return k;
  }

  // ---- English words ---------------------------------------------------------------------

  void match_word(Ti i) {
    const Word* w = word_at(i);
    if (w == nullptr) {
      if (norm(i).find('-') != std::string_view::npos) match_compound_word(i);
      return;
    }
    if (w->weekday >= 0 && !newspaper(i + 1)) {
      offer(FactKind::kWeekday, i + 1, std::string(kWeekdayNames[static_cast<size_t>(w->weekday)]));
    }
    if (w->month != 0) match_month(i, *w);
    if (w->clock_hour >= 0) {
      offer(FactKind::kTime, zone_tail(i + 1), clock_value(w->clock_hour, 0));
    }
    if (w->ordinal > 0) {
      if (const Ti head = ordinal_head(i + 1); head != kNone) {
        offer(FactKind::kOrdinal, head + 1, std::to_string(w->ordinal), singular(norm(head)));
      }
    }
    if (w->cardinal >= 0 || (w->flags & kArticle) != 0) match_spelled(i);
    if ((w->flags & kArticle) != 0) match_article(i);
    if ((w->flags & kVague) != 0) {
      match_vague(i + 1, norm(i) == "few" ? "a few" : norm(i));
    }
    if ((w->flags & kDeterminer) != 0) {
      if (const Word* next = word_at(i + 1); next != nullptr && (next->flags & kWeekend) != 0) {
        offer(FactKind::kDuration, i + 2, "weekend", "weekend");
      }
    }
    if ((w->flags & kHalf) != 0) {  // "half an hour", "half a day"
      const Word* article = word_at(i + 1);
      const Word* unit = word_at(i + 2);
      if (article != nullptr && (article->flags & kArticle) != 0 && unit != nullptr &&
          unit->time_unit != TimeUnit::kNone && !unit->unit_plural) {
        Decimal half;
        half.mantissa = 5 * unit->unit_multiple;
        half.exponent = -1;
        offer(FactKind::kDuration, i + 3, iso_duration(unit->time_unit, half),
              std::string(unit_name(unit->time_unit)));
      }
    }
  }

  // "Sunday Times", "Sunday Telegraph": a title, not a day.
  bool newspaper(Ti i) const {
    if (!is(i, TokenKind::kWord) || !capitalised(i)) return false;
    const std::string_view n = norm(i);
    return n == "times" || n == "telegraph" || n == "mirror" || n == "express" || n == "herald" ||
           n == "observer" || n == "post";
  }

  // "December 21", "Dec. 21, 2025", "December 2025", "in December", "in May".
  void match_month(Ti i, const Word& w) {
    if (!capitalised(i)) return;  // "may" is never a month
    Ti j = i + 1;
    if (w.month_abbrev && has(j) && text(j) == "." && adjacent(i, j)) ++j;
    if (const int day = day_at(j); day != 0 && day <= days_in_month(w.month)) {
      Ti end = j + 1;
      int year = year_at(end);
      if (year != 0) {
        ++end;
      } else if (has(end) && text(end) == "," && (year = year_at(end + 1)) != 0) {
        end += 2;
      }
      offer(FactKind::kDate, end, date_value(year, w.month, day));
      return;
    }
    if (const int year = year_at(j); year != 0) {
      offer(FactKind::kDate, j + 1, date_value(year, w.month, 0));
      return;
    }
    if (w.month_abbrev) return;
    if (w.month_ambiguous) {
      const Word* before = i > begin_ ? word_at(i - 1) : nullptr;
      if (before == nullptr || (before->flags & kPreposition) == 0) return;
    }
    offer(FactKind::kDate, i + 1, date_value(0, w.month, 0));
  }

  // "two", "twenty-five", "one hundred and fifty", "a dozen", "a million" and what follows.
  void match_spelled(Ti i) {
    SpelledNumber sn;
    Ti k = i;
    if (const Word* w = word_at(k); w != nullptr && (w->flags & kArticle) != 0) {
      const Word* next = word_at(k + 1);
      if (next == nullptr || !(next->cardinal >= 100 || (next->flags & kDozen) != 0)) return;
      sn.add(1);
      ++k;
    }
    while (is(k, TokenKind::kWord)) {
      const Word* w = word_at(k);
      if (w != nullptr && w->cardinal >= 0) {
        if (!sn.add(w->cardinal)) break;
        ++k;
        continue;
      }
      if (w != nullptr && (w->flags & kDozen) != 0) {
        if (sn.add_dozen()) ++k;
        break;
      }
      if (w != nullptr && norm(k) == "and" && sn.after_multiplier()) {
        const Word* next = word_at(k + 1);
        if (next != nullptr && next->cardinal >= 0 && sn.accepts(next->cardinal)) {
          ++k;
          continue;
        }
        break;
      }
      if (w == nullptr && norm(k).find('-') != std::string_view::npos) {
        SpelledNumber trial = sn;
        const Parts parts = split_hyphens(norm(k));
        bool all = parts.ok;
        for (size_t p = 0; all && p < parts.n; ++p) {
          const Word* pw = english_word(parts.part[p]);
          all = pw != nullptr && pw->cardinal >= 0 && trial.add(pw->cardinal);
        }
        if (all) {
          sn = trial;
          ++k;
          continue;
        }
      }
      break;
    }
    if (sn.empty() || k == i) return;
    Quantity q;
    q.value = Decimal::of(static_cast<uint64_t>(sn.value()));
    q.first = i;
    q.end = k;
    match_quantity(q);
  }

  // "three-day", "twenty-five-year", "twelve-point", "twenty-first", "mid-December", "mid-2024".
  void match_compound_word(Ti i) {
    const Parts parts = split_hyphens(norm(i));
    if (!parts.ok || parts.n < 2) return;
    const std::string_view head = parts.part[0];
    if (parts.n == 2 && (head == "mid" || head == "early" || head == "late")) {
      const Word* m = english_word(parts.part[1]);
      if (m != nullptr && m->month != 0 && !m->month_abbrev) {
        offer(FactKind::kDate, i + 1, date_value(0, m->month, 0));
      } else if (parts.part[1].size() == 4 && all_digits(parts.part[1])) {
        const int y = to_int(parts.part[1]);
        if (y >= 1800 && y <= 2100) offer(FactKind::kDate, i + 1, date_value(y, 0, 0));
      }
      return;
    }
    SpelledNumber sn;
    size_t p = 0;
    for (; p < parts.n; ++p) {
      const Word* w = english_word(parts.part[p]);
      if (w == nullptr || w->cardinal < 0 || !sn.add(w->cardinal)) break;
    }
    if (sn.empty()) return;
    if (p == parts.n) {  // "twenty-five" on its own: a number
      match_spelled(i);
      return;
    }
    const Word* w = english_word(parts.part[p]);
    const int64_t tens = sn.value();
    if (p + 1 == parts.n && w != nullptr && w->ordinal > 0 && w->ordinal < 10 && tens >= 20 &&
        tens < 100 && tens % 10 == 0) {  // "twenty-first"
      if (const Ti noun = ordinal_head(i + 1); noun != kNone) {
        offer(FactKind::kOrdinal, noun + 1, std::to_string(tens + w->ordinal),
              singular(norm(noun)));
      }
      return;
    }
    compound_tail(Decimal::of(static_cast<uint64_t>(tens)), parts, p, i + 1, /*allow_one=*/false);
  }

  // "a week", "an hour", "a full day", "a few weeks", "a couple of days".
  void match_article(Ti i) {
    if (i > begin_) {  // "twice a week", "$5 a day": rates, not spans
      const Word* before = word_at(i - 1);
      if (tok(i - 1).kind == TokenKind::kNumber ||
          (before != nullptr && (before->flags & kRate) != 0)) {
        return;
      }
    }
    if (norm_is(i + 1, "few")) match_vague(i + 2, "a few");
    if (norm_is(i + 1, "couple") && norm_is(i + 2, "of")) match_vague(i + 3, "a couple of");
    const Ti k = skip_modifiers(i + 1);
    const Word* unit = word_at(k);
    // "a second" is nearly always "a second round", never a span worth checking.
    if (unit == nullptr || unit->time_unit == TimeUnit::kNone || unit->unit_plural ||
        unit->time_unit == TimeUnit::kSecond) {
      return;
    }
    offer(FactKind::kDuration, k + 1,
          iso_duration(unit->time_unit, Decimal::of(unit->unit_multiple)),
          std::string(unit_name(unit->time_unit)));
  }

  // "several days", "a few weeks", "many years": vague spans keep their words.
  void match_vague(Ti k, std::string_view quantifier) {
    k = skip_modifiers(k);
    const Word* unit = word_at(k);
    if (unit == nullptr || unit->time_unit == TimeUnit::kNone || !unit->unit_plural) return;
    std::string value(quantifier);
    value.push_back(' ');
    value += norm(k);
    offer(FactKind::kDuration, k + 1, std::move(value), std::string(unit_name(unit->time_unit)));
  }

  const Document& doc_;
  const bool english_;
  const bool decimal_comma_;
  std::vector<std::string> own_norms_;  // when the Document was analysed without folding
  std::vector<const Word*> words_;      // per token: its English lexicon entry (English only)
  Ti begin_ = 0, end_ = 0;              // tokens of the current sentence
  Candidate best_;
};

}  // namespace

std::string_view kind_name(FactKind kind) {
  switch (kind) {
    case FactKind::kWeekday:
      return "weekday";
    case FactKind::kDate:
      return "date";
    case FactKind::kTime:
      return "time";
    case FactKind::kDuration:
      return "duration";
    case FactKind::kCount:
      return "count";
    case FactKind::kMoney:
      return "money";
    case FactKind::kPercent:
      return "percent";
    case FactKind::kOrdinal:
      return "ordinal";
  }
  return "unknown";
}

std::vector<Fact> extract(const Document& doc) { return Extractor(doc).run(); }

}  // namespace crosscheck::facts
