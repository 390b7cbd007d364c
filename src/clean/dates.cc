// Publication dates as ISO 8601. Inputs write them every way: RSS gives RFC 822 ("Tue, 03 Mar 2009
// 22:41:00 GMT"), pages print "March 3, 2009 3:23 PM EST", exports "11/18/16". Every later stage
// (the story clusterer's time window, a story's first and last seen, which compare dates as
// strings) reads ISO, so the clean stage rewrites the forms it can read without guessing and
// leaves every other value as it was given.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/ascii.h"
#include "crosscheck/clean.h"
#include "src/core/calendar.h"

namespace crosscheck::clean {

namespace {

constexpr bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

struct Tok {
  enum Kind { kNumber, kWord, kSymbol } kind;
  std::string_view text;
};

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t j = i + 1;
    if (ascii::is_digit(c)) {
      while (j < s.size() && ascii::is_digit(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Tok::kNumber, s.substr(i, j - i)});
    } else if (ascii::is_alpha(c)) {
      while (j < s.size() && ascii::is_alpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Tok::kWord, s.substr(i, j - i)});
    } else if (!is_space(c)) {
      out.push_back({Tok::kSymbol, s.substr(i, 1)});
    }
    i = j;
  }
  return out;
}

int number(const Tok& t) {
  int v = 0;
  for (char c : t.text) v = v * 10 + (c - '0');
  return v;
}

bool valid_day(int y, int m, int d) {
  return y >= 1800 && y <= 2200 && d >= 1 && d <= days_in_month(m, y);
}

// Reads tokens from `i` on; each reader advances `i` only when it matched.
class Reader {
 public:
  explicit Reader(std::vector<Tok> toks) : t_(std::move(toks)) {}

  bool symbol(char c) {
    if (i_ < t_.size() && t_[i_].kind == Tok::kSymbol && t_[i_].text[0] == c) return ++i_, true;
    return false;
  }
  bool word(std::string_view lower) {
    if (i_ < t_.size() && t_[i_].kind == Tok::kWord && ascii::iequals(t_[i_].text, lower))
      return ++i_, true;
    return false;
  }
  // A number of min_digits..max_digits digits.
  bool num(size_t min_digits, size_t max_digits, int* value) {
    if (i_ >= t_.size() || t_[i_].kind != Tok::kNumber) return false;
    const size_t n = t_[i_].text.size();
    if (n < min_digits || n > max_digits) return false;
    *value = number(t_[i_++]);
    return true;
  }
  bool month(int* m) {
    if (i_ >= t_.size() || t_[i_].kind != Tok::kWord) return false;
    if ((*m = month_number(t_[i_].text)) == 0) return false;
    ++i_;
    symbol('.');
    return true;
  }
  const Tok* peek() const { return i_ < t_.size() ? &t_[i_] : nullptr; }
  void skip() { ++i_; }
  size_t position() const { return i_; }
  void rewind(size_t to) { i_ = to; }

 private:
  std::vector<Tok> t_;
  size_t i_ = 0;
};

// Four digits, or two (19xx from 70 on, else 20xx).
bool year(Reader& r, int* y) {
  if (r.num(4, 4, y)) return true;
  if (!r.num(2, 2, y)) return false;
  *y += *y >= 70 ? 1900 : 2000;
  return true;
}

bool date_part(Reader& r, int* y, int* m, int* d) {
  const size_t start = r.position();
  // D Month YYYY ("03 Mar 2009", "3 March 2009")
  if (r.num(1, 2, d) && r.month(m) && r.num(4, 4, y)) return true;
  r.rewind(start);
  // Month D[st|nd|rd|th][,] YYYY ("March 3, 2009", "Mar. 3rd 2009")
  if (r.month(m) && r.num(1, 2, d)) {
    r.word("st") || r.word("nd") || r.word("rd") || r.word("th");
    r.symbol(',');
    if (r.num(4, 4, y)) return true;
  }
  r.rewind(start);
  // A/B/YY(YY): month first (US) or day first; read only when one of the two cannot be a month.
  int a, b;
  if (r.num(1, 2, &a) && r.symbol('/') && r.num(1, 2, &b) && r.symbol('/') && year(r, y)) {
    if (a > 12 && b <= 12) {
      *d = a, *m = b;
      return true;
    }
    if (b > 12 && a <= 12) {
      *m = a, *d = b;
      return true;
    }
    return false;  // 4/12/19: April 12 or 4 December — not guessed
  }
  r.rewind(start);
  // D.M.YYYY (the dotted form is day first)
  if (r.num(1, 2, d) && r.symbol('.') && r.num(1, 2, m) && r.symbol('.') && r.num(4, 4, y))
    return true;
  r.rewind(start);
  return false;
}

// "am"/"a.m." (1), "pm"/"p.m." (2), or nothing (0, nothing read).
int meridiem(Reader& r) {
  if (r.word("am")) return 1;
  if (r.word("pm")) return 2;
  const size_t start = r.position();
  for (int half : {1, 2}) {
    if (r.word(half == 1 ? "a" : "p") && r.symbol('.') && r.word("m")) {
      r.symbol('.');
      return half;
    }
    r.rewind(start);
  }
  return 0;
}

// Optional "[,|at|-] HH:MM[:SS] [am|pm] [zone]": appends "THH:MM:SS" and the zone when read.
void time_part(Reader& r, std::string* out) {
  const size_t start = r.position();
  r.symbol(',') || r.word("at") || r.symbol('-');
  int h, mi, s = 0;
  if (!r.num(1, 2, &h) || !r.symbol(':') || !r.num(2, 2, &mi)) return r.rewind(start);
  if (r.symbol(':') && !r.num(2, 2, &s)) return r.rewind(start);
  const int half = meridiem(r);  // 0: none, 1: am, 2: pm
  if (half != 0) {
    if (h < 1 || h > 12) return r.rewind(start);
    h = h % 12 + (half == 2 ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 60) return r.rewind(start);
  char buf[40];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, s);
  *out += buf;
  // Zone: a North American name (its RFC 822 offset), or GMT/UTC/UT/Z, then or alone an offset
  // (+HHMM, +HH:MM: "GMT+05:00").
  static constexpr std::array<std::pair<std::string_view, int>, 8> kNamed = {{{"est", -5},
                                                                              {"edt", -4},
                                                                              {"cst", -6},
                                                                              {"cdt", -5},
                                                                              {"mst", -7},
                                                                              {"mdt", -6},
                                                                              {"pst", -8},
                                                                              {"pdt", -7}}};
  for (const auto& [name, hours] : kNamed) {
    if (r.word(name)) {
      std::snprintf(buf, sizeof buf, "-%02d:00", -hours);
      *out += buf;
      return;
    }
  }
  const bool utc = r.word("gmt") || r.word("utc") || r.word("ut") || r.word("z");
  const size_t offset_start = r.position();
  const bool plus = r.symbol('+');
  int zh = 0, zm = 0;
  if (plus || r.symbol('-')) {
    bool ok = r.num(4, 4, &zh);
    if (ok) {
      zm = zh % 100, zh /= 100;
    } else {
      ok = r.num(1, 2, &zh) && (!r.symbol(':') || r.num(2, 2, &zm));
    }
    if (ok && zh <= 14 && zm <= 59) {
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", plus ? '+' : '-', zh, zm);
      *out += buf;
      return;
    }
    r.rewind(offset_start);
  }
  if (utc) *out += 'Z';
}

bool iso_prefix(std::string_view s) {
  auto digit = [&](size_t i) { return i < s.size() && ascii::is_digit(s[i]); };
  return digit(0) && digit(1) && digit(2) && digit(3) && s.size() >= 10 &&
         (s[4] == '-' || s[4] == '/') && s[7] == s[4] && digit(5) && digit(6) && digit(8) &&
         digit(9);
}

}  // namespace

std::string normalize_date(std::string_view published) {
  std::string_view s = published;
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (iso_prefix(s)) {  // already ISO (YYYY/MM/DD gets its dashes)
    std::string out(s);
    out[4] = out[7] = '-';
    return out;
  }
  Reader r(tokenize(s));
  // Words before the date: a weekday ("Tue,"), a label ("Updated:", "Last updated").
  for (int words = 0; words < 3 && r.peek(); ++words) {
    const Tok* t = r.peek();
    if (t->kind != Tok::kWord || month_number(t->text) != 0) break;
    r.skip();
    r.symbol(',') || r.symbol(':') || r.symbol('.');
  }
  int y, m, d;
  if (!date_part(r, &y, &m, &d) || !valid_day(y, m, d)) return std::string(published);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  std::string out = buf;
  time_part(r, &out);
  return out;
}

}  // namespace crosscheck::clean
