// Exact numbers for fact values: digit strings ("1,200", "12,5", "1.2bn") and spelled English
// cardinals ("one hundred and twenty") become one exact decimal with one canonical text, so
// "1.5 million", "1,500,000" and "1.5m" all print "1500000".
//
// No floating point anywhere: a value is an integer mantissa and a power of ten, and printing it
// appends zeros or places the point, so "€90 billion" is exactly "90000000000".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::facts {

// mantissa * 10^exponent, exactly.
struct Decimal {
  uint64_t mantissa = 0;
  int32_t exponent = 0;

  static Decimal of(uint64_t n) {
    Decimal d;
    d.mantissa = n;
    return d;
  }
  // Multiplies by a small integer (12 for "dozen"); false on overflow, the value unchanged.
  bool multiply(uint64_t factor);
  // Multiplies by 10^power ("million" is 6).
  void scale(int32_t power) { exponent += power; }
  // Adds one half ("two and a half"); false on overflow, the value unchanged.
  bool add_half();
  // The integer value when it is a whole number below 10^18, else -1.
  int64_t integer() const;
  // Canonical text: no exponent, no trailing zeros after the point, "0" for zero:
  // "1200", "12.5", "90000000000", "0.5".
  std::string to_string() const;
};

// A number token as written with digits.
struct DigitNumber {
  bool ok = false;  // a number this parser understands (see parse_digits)
  Decimal value;
  std::string_view suffix;  // letters glued after the digits, as given: "st", "bn", "m", "pm", "s"
  uint32_t digits = 0;      // count of all digits, separators excluded
  bool separators = false;  // had a group or decimal separator
};

// Parses a number token: ASCII digits with group and decimal separators, then letters.
// `decimal_comma`: ',' is the decimal separator and '.' groups thousands ("1.200,5"), as in most
// continental European languages; otherwise ',' groups thousands and '.' is decimal ("1,200.5").
// A lone '.' not followed by exactly three digits is read as a decimal point either way ("3.5").
// ok=false for anything else: "10:30", "1,20,0", "1.2.3", a lead that is not an ASCII digit, more
// than 18 significant digits.
DigitNumber parse_digits(std::string_view token, bool decimal_comma);

// Power of ten of a scale abbreviation glued to or following an amount: "k" 3, "m" / "mn" / "mln"
// 6, "b" / "bn" / "bln" 9, "tn" / "trn" 12; 0 for anything else. `folded` is lower case.
int scale_abbreviation(std::string_view folded);

// Power of ten of a scale word after an amount in the other languages we see most ("Millionen",
// "Mrd", "milliards", "millones", "млн", "мільярдів", "mld"); 0 for anything else. `folded` is
// case-folded. Without it "90 Milliarden" would read as 90.
int foreign_scale(std::string_view folded);

// Accumulates spelled English cardinals left to right by their word values ("twenty" 20,
// "hundred" 100, "million" 1000000): "one hundred twenty five thousand" -> 125000. The caller
// handles "a" (add 1 before "hundred", "dozen"...) and "and" (ask accepts() for the next word).
// add() refuses a word that cannot continue the number ("two three", "million thousand"), so
// the caller stops there and the number ends before it.
class SpelledNumber {
 public:
  bool accepts(int64_t word_value) const;
  bool add(int64_t word_value);
  bool add_dozen();  // "a dozen", "two dozen": multiplies by 12 and ends the number
  bool empty() const { return last_ == Last::kNone; }
  // True right after "hundred" or a scale word: "and" may follow ("one hundred and five").
  bool after_multiplier() const { return last_ == Last::kHundred || last_ == Last::kScale; }
  int64_t value() const { return total_ + group_; }

 private:
  enum class Last : uint8_t { kNone, kSmall, kTens, kHundred, kScale, kDozen };
  Last last_ = Last::kNone;
  int64_t total_ = 0;               // completed groups: "two million" while reading "... thousand"
  int64_t group_ = 0;               // the group being read, below 1000 (times 12 after "dozen")
  int64_t last_scale_ = INT64_MAX;  // scales must fall: "million" then "thousand"
};

}  // namespace crosscheck::facts
