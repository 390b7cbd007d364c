// Publication dates rewritten as ISO 8601 where they can be read without guessing.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "crosscheck/clean.h"

namespace crosscheck::clean {
namespace {

TEST(NormalizeDate, IsoStaysAsItIs) {
  EXPECT_EQ(normalize_date("2024-03-12T08:00:00Z"), "2024-03-12T08:00:00Z");
  EXPECT_EQ(normalize_date("2023-11-05"), "2023-11-05");
  EXPECT_EQ(normalize_date("  2019-06-21 10:00:00 "), "2019-06-21 10:00:00");
  EXPECT_EQ(normalize_date("2021/05/02"), "2021-05-02");
}

TEST(NormalizeDate, Rfc822AsInRssFeeds) {
  EXPECT_EQ(normalize_date("Tue, 03 Mar 2009 22:41:00 GMT"), "2009-03-03T22:41:00Z");
  EXPECT_EQ(normalize_date("Sun, 3 Mar 2019 07:05:09 +0100"), "2019-03-03T07:05:09+01:00");
  EXPECT_EQ(normalize_date("Wed, 18 Sep 2013 13:59 -0430"), "2013-09-18T13:59:00-04:30");
  EXPECT_EQ(normalize_date("Mon, 28 Nov 2005 02:24:00 EST"), "2005-11-28T02:24:00-05:00");
  EXPECT_EQ(normalize_date("28 November 2005"), "2005-11-28");
  EXPECT_EQ(normalize_date("26 September 2013, 10:00 GMT+05:00"), "2013-09-26T10:00:00+05:00");
  EXPECT_EQ(normalize_date("3 Mar 2009 22:41 UTC+"), "2009-03-03T22:41:00Z");  // no offset after all
}

TEST(NormalizeDate, WrittenOutDates) {
  EXPECT_EQ(normalize_date("March 3, 2009"), "2009-03-03");
  EXPECT_EQ(normalize_date("Sept. 17, 2013 03:16 PM ET"), "2013-09-17T15:16:00");
  EXPECT_EQ(normalize_date("Updated: May 24, 2005, 3:23 PM ET"), "2005-05-24T15:23:00");
  EXPECT_EQ(normalize_date("January 5th, 2011 at 12:19 p.m."), "2011-01-05T12:19:00");
  EXPECT_EQ(normalize_date("Jan 05, 2011 12:00 a.m. PST"), "2011-01-05T00:00:00-08:00");
  EXPECT_EQ(normalize_date("Last Updated: Monday, 28 November 2005, 02:24 GMT"),
            "2005-11-28T02:24:00Z");
}

TEST(NormalizeDate, NumericOnlyWhenUnambiguous) {
  EXPECT_EQ(normalize_date("11/18/16"), "2016-11-18");
  EXPECT_EQ(normalize_date("18/11/2016"), "2016-11-18");
  EXPECT_EQ(normalize_date("12/16/08 1:30 AM EST"), "2008-12-16T01:30:00-05:00");
  EXPECT_EQ(normalize_date("4/12/19"), "4/12/19");  // April 12 or 4 December: not guessed
  EXPECT_EQ(normalize_date("24.05.2005"), "2005-05-24");
}

TEST(NormalizeDate, WhatCannotBeReadIsKeptAsGiven) {
  for (const char* s : {"", "yesterday", "2 hours ago", "February 30, 2019", "13/13/2013",
                        "March 2009", "Tue, 03 Mar", "2009", "31 Apr 2020", "29 Feb 2019"}) {
    EXPECT_EQ(normalize_date(s), s) << s;
  }
  EXPECT_EQ(normalize_date("29 Feb 2020"), "2020-02-29");  // a leap year
  // A time that is no time is left off; the date stays.
  EXPECT_EQ(normalize_date("March 3, 2009 25:61"), "2009-03-03");
}

TEST(NormalizeDate, AnyBytesNeitherCrashNorGrow) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789/:.,-+ aAmMpPtTzZMarchJanGMTEST\xC3\xA9\xFF";
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    const std::string out = normalize_date(s);
    EXPECT_LE(out.size(), std::max<size_t>(s.size(), 25)) << s;
  }
}

}  // namespace
}  // namespace crosscheck::clean
