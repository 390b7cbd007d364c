// The words the fact patterns read: English number words, calendar words, time units, currency
// words, the function words that end a noun phrase; and, for every language, currency symbols,
// ISO currency codes and time-zone abbreviations.
//
// English words live in one hash table built on first use (thread-safe static init): the
// extractor looks each word token up once and keeps the pointer, so a pattern never compares
// strings. A word may carry several meanings at once ("second": an ordinal and a time unit;
// "may": a month and a modal verb), so an entry is a set of fields, not one category.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::facts {

enum class TimeUnit : uint8_t { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear };

// Bits of Word::flags.
enum WordFlag : uint32_t {
  kStop = 1u << 0,         // function word: ends a counted noun phrase, never its head
  kModifier = 1u << 1,     // "more", "straight", "full": may stand between a number and its noun
  kPreposition = 1u << 2,  // "in", "since": an ambiguous month ("May") may stand alone after it
  kVague = 1u << 3,        // "several", "few", "many": a vague duration before a time unit
  kArticle = 1u << 4,      // "a", "an"
  kDeterminer = 1u << 5,   // "a", "the", "this", "last", "next", "that": "the weekend"
  kRate = 1u << 6,         // "once", "twice", "per", "times": "twice a week" is a rate, not a span
  kOrdinalNoun = 1u << 7,  // "point", "step": "20-point plan" is an ordinal, not a count
  kPlural = 1u << 8,       // a plural without the -s ("people", "children", "police", "staff")
  kDozen = 1u << 9,        // "dozen"
  kWeekend = 1u << 10,     // "weekend"
  kPercent = 1u << 11,     // "percent", "pct" (and "cent" after "per", checked by the caller)
  kWeakCurrency = 1u << 12,  // "pound(s)": money only with "sterling" or "British" (else weight)
  kHalf = 1u << 13,          // "half"
};

struct Word {
  uint32_t flags = 0;
  int64_t cardinal = -1;         // "two" 2, "twenty" 20, "hundred" 100, "million" 1000000
  int32_t ordinal = 0;           // "third" 3, "twentieth" 20
  uint8_t month = 0;             // 1..12
  bool month_abbrev = false;     // "dec", "sept": only with a day or a year beside it
  bool month_ambiguous = false;  // "march", "may", "june", "july", "august": also words or names
  int8_t weekday = -1;           // 0 monday .. 6 sunday
  TimeUnit time_unit = TimeUnit::kNone;
  uint8_t unit_multiple = 1;  // "fortnight" 2 weeks, "decade" 10 years, "century" 100 years
  bool unit_plural = false;   // "days", "weeks"
  int8_t clock_hour = -1;     // "noon" 12, "midnight" 0
  int8_t meridiem = 0;        // "a.m." 1, "p.m." 2
  std::string_view currency;  // ISO code of a currency word: "euros" -> "EUR"
  std::string_view currency_adjective;  // "swiss" -> "CHF" before "francs", "us" before "dollars"
};

// The entry of a case-folded English word, or nullptr. "sunday's" -> the entry of "sunday".
const Word* english_word(std::string_view folded);

// ISO code of a currency symbol token ("€" -> "EUR", "$" -> "USD"), else empty.
std::string_view currency_symbol(std::string_view token);

// ISO code of a currency word after an amount in a language other than English ("Euro", "євро",
// "долларов"), else empty. `folded` is case-folded.
std::string_view foreign_currency_word(std::string_view folded);

// True for an upper-case ISO 4217 code we read as a currency ("EUR", "UAH"), as written.
bool is_currency_code(std::string_view token);

// ISO code of the letters glued before "$" ("US" -> "USD", "C" -> "CAD", "HK" -> "HKD").
std::string_view dollar_prefix(std::string_view token);

// True for a time-zone abbreviation after a clock time, as written ("GMT", "UTC", "EST").
bool is_time_zone(std::string_view token);

// Plural -> singular of a case-folded English noun, a key rather than a dictionary form:
// "children" -> "child", "people" -> "person", "gunmen" -> "gunman", "casualties" -> "casualty",
// "churches" -> "church", "ships" -> "ship"; "police", "series", "crisis" stay. A trailing
// possessive ("workers'", "child's") is dropped first.
std::string singular(std::string_view folded);

// The unit key of a duration: "day", "week", ...
std::string_view unit_name(TimeUnit unit);

}  // namespace crosscheck::facts
