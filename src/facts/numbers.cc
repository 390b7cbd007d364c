// Digit strings and spelled cardinals to exact decimals (see numbers.h).
//
// parse_digits() reads the token once: digit groups and the separators between them, then the
// letters after. Which separator is the decimal one is decided from the whole shape ("1,200.5",
// "1.200,5", "12,5" in a decimal-comma language), so a separator is never guessed from one
// character in isolation. Cost: one pass over a short token, no allocation.
#include "src/facts/numbers.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::facts {
namespace {

constexpr uint64_t kMaxMantissa = 999'999'999'999'999'999ULL;  // 18 digits

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool Decimal::multiply(uint64_t factor) {
  if (factor != 0 && mantissa > kMaxMantissa / factor) return false;
  mantissa *= factor;
  return true;
}

bool Decimal::add_half() {
  // Bring the exponent to -1 (tenths) at most, then add 5 tenths.
  Decimal d = *this;
  while (d.exponent > -1) {
    if (!d.multiply(10)) return false;
    --d.exponent;
  }
  uint64_t five = 5;
  for (int32_t e = d.exponent; e < -1; ++e) {
    if (five > kMaxMantissa / 10) return false;
    five *= 10;
  }
  if (d.mantissa > kMaxMantissa - five) return false;
  d.mantissa += five;
  *this = d;
  return true;
}

int64_t Decimal::integer() const {
  uint64_t m = mantissa;
  int32_t e = exponent;
  while (e < 0) {
    if (m % 10 != 0) return -1;
    m /= 10;
    ++e;
  }
  while (e > 0) {
    if (m > kMaxMantissa / 10) return -1;
    m *= 10;
    --e;
  }
  return static_cast<int64_t>(m);
}

std::string Decimal::to_string() const {
  uint64_t m = mantissa;
  int32_t e = exponent;
  if (m == 0) return "0";
  while (e < 0 && m % 10 == 0) {
    m /= 10;
    ++e;
  }
  std::string s = std::to_string(m);
  if (e >= 0) {
    s.append(static_cast<size_t>(e), '0');
    return s;
  }
  const size_t frac = static_cast<size_t>(-static_cast<int64_t>(e));
  if (s.size() <= frac) s.insert(0, frac - s.size() + 1, '0');
  s.insert(s.size() - frac, 1, '.');
  return s;
}

DigitNumber parse_digits(std::string_view token, bool decimal_comma) {
  DigitNumber out;
  // Digit groups and the separators between them; a separator joins only between digits.
  constexpr size_t kMaxGroups = 12;
  std::array<uint32_t, kMaxGroups> group_len{};
  std::array<char, kMaxGroups> sep{};  // sep[g] precedes group g (g >= 1)
  size_t groups = 0;
  size_t p = 0;
  while (p < token.size()) {
    char c = token[p];
    if (is_digit(c)) {
      if (groups == 0) groups = 1;
      ++group_len[groups - 1];
      ++p;
    } else if ((c == '.' || c == ',') && groups > 0 && p + 1 < token.size() &&
               is_digit(token[p + 1])) {
      if (groups == kMaxGroups) return out;
      sep[groups] = c;
      ++groups;
      ++p;
    } else {
      break;
    }
  }
  if (groups == 0) return out;
  out.suffix = token.substr(p);
  out.separators = groups > 1;

  // Which separator (if any) is the decimal one; all others must group thousands.
  size_t dots = 0, commas = 0;
  for (size_t g = 1; g < groups; ++g) (sep[g] == '.' ? dots : commas) += 1;
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = sep[groups - 1];  // "1,200.5" / "1.200,5": the last one, and only once
    if ((decimal == '.' ? dots : commas) != 1) return out;
    if (decimal == (decimal_comma ? '.' : ',')) return out;  // against the language's habit
  } else if (groups > 1) {
    const char only = dots > 0 ? '.' : ',';
    const char grouping = decimal_comma ? '.' : ',';
    const bool three_digit_groups = [&] {
      if (group_len[0] > 3) return false;
      for (size_t g = 1; g < groups; ++g) {
        if (group_len[g] != 3) return false;
      }
      return true;
    }();
    if (only == grouping && three_digit_groups) {
      decimal = 0;
    } else if (groups == 2 && (only != grouping || !three_digit_groups)) {
      // A single separator that cannot group: "3.5" anywhere, "12,5" in a decimal-comma language.
      // An English "12,5" is not a number we trust.
      if (only == ',' && !decimal_comma) return out;
      decimal = only;
    } else {
      return out;
    }
  }
  // Grouping separators must sit every three digits.
  for (size_t g = 1; g < groups; ++g) {
    const bool is_decimal = decimal != 0 && g == groups - 1 && sep[g] == decimal;
    if (!is_decimal && (group_len[g] != 3 || group_len[0] > 3)) return out;
  }

  // The value: every digit into the mantissa; digits after the decimal separator lower the
  // exponent. Leading zeros do not count against the 18 significant digits.
  uint64_t m = 0;
  uint32_t significant = 0;
  int32_t exponent = 0;
  bool after_decimal = false;
  for (size_t i = 0; i < p; ++i) {
    char c = token[i];
    if (!is_digit(c)) {
      if (c == decimal) after_decimal = true;
      continue;
    }
    ++out.digits;
    if (m == 0 && c == '0') {
      if (after_decimal) --exponent;
      continue;
    }
    if (++significant > 18) return out;
    m = m * 10 + static_cast<uint64_t>(c - '0');
    if (after_decimal) --exponent;
  }
  out.value.mantissa = m;
  out.value.exponent = exponent;
  out.ok = true;
  return out;
}

int scale_abbreviation(std::string_view folded) {
  if (folded == "k") return 3;
  if (folded == "m" || folded == "mn" || folded == "mln") return 6;
  if (folded == "b" || folded == "bn" || folded == "bln") return 9;
  if (folded == "tn" || folded == "trn") return 12;
  return 0;
}

int foreign_scale(std::string_view folded) {
  struct Scale {
    std::string_view word;
    int power;
  };
  // German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish, Russian, Ukrainian.
  static constexpr Scale kScales[] = {
      {"tsd", 3},
      {"tausend", 3},
      {"mil", 3},
      {"mille", 3},
      {"tys", 3},
      {"\xd1\x82\xd1\x8b\xd1\x81", 3},  // тыс
      {"\xd1\x82\xd0\xb8\xd1\x81", 3},  // тис
      {"mio", 6},
      {"million", 6},
      {"millionen", 6},
      {"millions", 6},
      {"millones", 6},
      {"mill\xc3\xb3n", 6},
      {"milione", 6},
      {"milioni", 6},
      {"milh\xc3\xa3o", 6},
      {"milh\xc3\xb5"
       "es",
       6},
      {"miljoen", 6},
      {"miljoner", 6},
      {"miljon", 6},
      {"mln", 6},
      {"milion", 6},
      {"miliony", 6},
      {"milion\xc3\xb3w", 6},
      {"\xd0\xbc\xd0\xbb\xd0\xbd", 6},  // млн
      {"mrd", 9},
      {"milliarde", 9},
      {"milliarden", 9},
      {"milliard", 9},
      {"milliards", 9},
      {"miliardo", 9},
      {"miliardi", 9},
      {"miljard", 9},
      {"miljarder", 9},
      {"mld", 9},
      {"miliard", 9},
      {"miliardy", 9},
      {"miliard\xc3\xb3w", 9},
      {"bilh\xc3\xa3o", 9},
      {"bilh\xc3\xb5"
       "es",
       9},
      {"\xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4", 9},  // млрд
  };
  for (const Scale& s : kScales) {
    if (s.word == folded) return s.power;
  }
  return 0;
}

bool SpelledNumber::accepts(int64_t v) const {
  if (last_ == Last::kDozen || v < 0) return false;
  if (v < 100) {
    if (last_ == Last::kNone) return true;
    if ((last_ == Last::kHundred || last_ == Last::kScale) && group_ % 100 == 0) return true;
    return last_ == Last::kTens && v >= 1 && v <= 9;
  }
  if (v == 100) return last_ == Last::kSmall && group_ > 0 && group_ < 100;
  if (v >= 1000) {
    return (last_ == Last::kSmall || last_ == Last::kTens || last_ == Last::kHundred) &&
           group_ > 0 && v < last_scale_;
  }
  return false;  // 101..999 are not word values
}

bool SpelledNumber::add(int64_t v) {
  if (!accepts(v)) return false;
  if (v < 100) {
    group_ += v;
    last_ = (v >= 20 && v % 10 == 0) ? Last::kTens : Last::kSmall;
  } else if (v == 100) {
    group_ *= 100;
    last_ = Last::kHundred;
  } else {
    total_ += group_ * v;
    group_ = 0;
    last_scale_ = v;
    last_ = Last::kScale;
  }
  return true;
}

bool SpelledNumber::add_dozen() {
  if ((last_ != Last::kSmall && last_ != Last::kTens) || total_ != 0) return false;
  group_ *= 12;
  last_ = Last::kDozen;
  return true;
}

}  // namespace crosscheck::facts
