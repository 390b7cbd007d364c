// Typed facts: the checkable values a news sentence carries, normalised so two outlets' wordings of
// the same value compare equal and different values compare different.
//
//   crosscheck::text::Analyzer analyzer;
//   crosscheck::Document doc = analyzer.analyze(article);
//   for (const crosscheck::facts::Fact& f : crosscheck::facts::extract(doc))
//     std::cout << crosscheck::facts::kind_name(f.kind) << " " << f.value << " (" << f.unit << ")\n";
//   // "Talks lasted two days and 1,200 workers walked out on Tuesday" ->
//   //   duration P2D (day) · count 1200 (worker) · weekday tuesday ()
//
// Values (`Fact::value`) are canonical strings, equal when the meaning is equal:
//   weekday   "monday" … "sunday"
//   date      ISO-like with unknown parts as '?': "2025-12-21", "????-12-21", "2025-12-??", "????-12-??"
//             (numeric "12/11/2025" with both parts ≤ 12: month/day in English, day/month otherwise)
//   time      "HH:MM" on a 24-hour clock ("3 p.m." -> "15:00", "noon" -> "12:00"); a time zone or
//             "local time" after it joins the span, not the value
//   duration  ISO 8601 duration for exact spans ("two days" -> "P2D", "36 hours" -> "PT36H",
//             "a week" -> "P1W", "three months" -> "P3M", "1.5 hours" -> "PT1.5H", "two decades" ->
//             "P20Y", "a fortnight" -> "P2W"); vague spans keep their folded words, "few" read as
//             "a few": "several days" -> "several days", "a few weeks" / "few weeks" -> "a few weeks",
//             "a weekend" / "the weekend" -> "weekend"
//   count     the number as a plain decimal ("1,200" -> "1200", "two" -> "2", "1.5 million" -> "1500000")
//   money     ISO 4217 code + amount: "€90 billion" -> "EUR 90000000000", "$5m" -> "USD 5000000"
//   percent   the number: "12.5%" / "12.5 per cent" / "12.5 percent" -> "12.5"
//   ordinal   the number: "20-point plan" -> "20", "third round" -> "3", "21st" -> "21"
// `unit` says what the number counts or measures, as a folded singular key of the head noun
// ("1,200 workers" -> "worker", "20,000 Ukrainian children" -> "child", "20-point plan" -> "point",
// "third round" -> "round"); for durations the ISO unit ("two days" -> "day", "two decades" ->
// "year", vague ones too; "weekend" for the weekend); "percentage point" for "5 percentage
// points"; empty when there is none (weekdays, dates, times, money, percent, bare numbers, a
// digit ordinal without a noun).
//
// Spans cover the words that give the value and the unit: "1,200 workers", "€90 billion",
// "two days", "third round", "9:30 a.m. local time"; a compound ends at its hyphenated word
// ("20-point", "three-day": the noun after it is not part of the fact).
//
// Slots: two facts fill the same slot — can agree or disagree — when slot_key() is equal: the kind,
// plus the unit for counts and ordinals (a count of workers vs a count of ships are different
// slots). Durations form one slot whatever their unit ("a weekend" vs "two days" disagree), and so
// do money amounts, percentages, weekdays, dates and times. Years alone ("in 2024") are dates
// ("2024-??-??").
//
// What is not a fact: numbers inside names and identifiers ("Boeing 737", "Article 5",
// "COVID-19", "No. 2"), decades ("1990s"), vague multitudes ("dozens of", "hundreds of"), spans
// without a number ("days of talks"), rates ("twice a week"), spelled numbers and ordinals with no
// noun ("two of them", "at first"), the ends of ranges with a unit ("two to three days", "10-15%").
// The reading rules behind these are described at the top of src/facts/extract.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck::facts {

enum class FactKind : uint8_t {
  kWeekday,
  kDate,
  kTime,
  kDuration,
  kCount,
  kMoney,
  kPercent,
  kOrdinal,
};

// "weekday", "date", "time", "duration", "count", "money", "percent", "ordinal".
std::string_view kind_name(FactKind kind);

struct Fact {
  FactKind kind = FactKind::kCount;
  std::string value;        // canonical value, see above
  std::string unit;         // what is counted or measured; empty when none
  uint32_t sentence = 0;    // index into Document::sentences
  uint32_t begin = 0, end = 0;        // UTF-8 byte offsets into Document::text (the whole phrase)
  uint32_t cp_begin = 0, cp_end = 0;  // code point offsets into Document::text
};

// Every typed fact in the document, in text order, non-overlapping (the longest reading wins:
// "two days" is one duration, not a count and a duration). Reads Document::norms (fold on); a
// Document without them is folded here (ASCII only). English patterns for "en" and "und"; other
// languages get digits-based facts only (bare numbers, money with a symbol or ISO code, "%",
// times, numeric dates, years), read with the language's decimal comma ("12,5 %", "1.200") and
// a few shared scale and currency words ("90 Milliarden Euro"). Never throws on valid UTF-8.
std::vector<Fact> extract(const Document& doc);

// "count/worker", "ordinal/point", "duration", "weekday", ... (see Slots above).
std::string slot_key(const Fact& fact);

}  // namespace crosscheck::facts
