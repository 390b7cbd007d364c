// The Gregorian calendar's month lengths and the English month names, for every reader of dates
// (the clean stage's date normaliser, the clusterer's day numbers and its words that name no
// participant, the fact extractor's dates).
//
//   crosscheck::days_in_month(2, 2024)  // 29
//   crosscheck::days_in_month(2)        // 29: a day that can be valid in some year
//   crosscheck::month_number("Sept")    // 9
#pragma once

#include <array>
#include <string_view>

#include "crosscheck/ascii.h"

namespace crosscheck {

constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Days of `month` (1–12) in `year`; with year 0 (unknown), February has 29. 0 for no month.
constexpr int days_in_month(int month, int year = 0) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return kDays[month - 1] + (month == 2 && (year == 0 || is_leap_year(year)) ? 1 : 0);
}

// 1–12 for an English month name or its abbreviation ("Mar", "sept"; any case), else 0. "May"
// and "March" are also words: the caller decides whether the context makes them months.
constexpr int month_number(std::string_view word) {
  constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t m = 0; m < kNames.size(); ++m) {
    if (ascii::iequals(word, kNames[m]) ||
        (word.size() == 3 && ascii::iequals(word, kNames[m].substr(0, 3))))
      return static_cast<int>(m) + 1;
  }
  return ascii::iequals(word, "sept") ? 9 : 0;
}

}  // namespace crosscheck
