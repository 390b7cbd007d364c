// The Gregorian calendar's month lengths, for every reader of dates (the clean stage's date
// normaliser, the clusterer's day numbers, the fact extractor's dates).
//
//   crosscheck::days_in_month(2, 2024)  // 29
//   crosscheck::days_in_month(2)        // 29: a day that can be valid in some year
#pragma once

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

}  // namespace crosscheck
