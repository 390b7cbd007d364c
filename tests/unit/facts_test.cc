#include "crosscheck/facts.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/facts/lexicon.h"
#include "src/facts/numbers.h"

namespace crosscheck::facts {
namespace {

using V = std::vector<std::string>;

text::Analyzer& analyzer() {
  static text::Analyzer a(text::AnalyzerOptions{.stem = false});
  return a;
}

// One analysed text and its facts. Not movable: the Document views the Article's text.
class Extracted {
 public:
  explicit Extracted(std::string text, std::string language = "en") {
    article_.id = "test";
    article_.text = std::move(text);
    doc_ = analyzer().analyze(article_);
    doc_.language = std::move(language);  // short test texts are too short to detect reliably
    facts_ = extract(doc_);
  }
  Extracted(const Extracted&) = delete;
  Extracted& operator=(const Extracted&) = delete;

  const std::vector<Fact>& facts() const { return facts_; }
  const Document& doc() const { return doc_; }
  std::string span(const Fact& f) const { return article_.text.substr(f.begin, f.end - f.begin); }

  // "kind|value|unit|span" per fact, in order.
  V described() const {
    V out;
    for (const Fact& f : facts_) {
      out.push_back(std::string(kind_name(f.kind)) + "|" + f.value + "|" + f.unit + "|" + span(f));
    }
    return out;
  }

 private:
  Article article_;
  Document doc_;
  std::vector<Fact> facts_;
};

V facts_of(const std::string& text, const std::string& language = "en") {
  return Extracted(text, language).described();
}

// ---- the public contract ---------------------------------------------------------------------

TEST(Facts, KindNames) {
  EXPECT_EQ(kind_name(FactKind::kWeekday), "weekday");
  EXPECT_EQ(kind_name(FactKind::kDate), "date");
  EXPECT_EQ(kind_name(FactKind::kTime), "time");
  EXPECT_EQ(kind_name(FactKind::kDuration), "duration");
  EXPECT_EQ(kind_name(FactKind::kCount), "count");
  EXPECT_EQ(kind_name(FactKind::kMoney), "money");
  EXPECT_EQ(kind_name(FactKind::kPercent), "percent");
  EXPECT_EQ(kind_name(FactKind::kOrdinal), "ordinal");
}

TEST(Facts, HeaderExample) {
  EXPECT_EQ(facts_of("Talks lasted two days and 1,200 workers walked out on Tuesday."),
            (V{"duration|P2D|day|two days", "count|1200|worker|1,200 workers",
               "weekday|tuesday||Tuesday"}));
}

TEST(Facts, SlotKeys) {
  Extracted e("About 1,200 workers and 30 ships idled for two days, a weekend in all, on Friday.");
  V keys;
  for (const Fact& f : e.facts()) keys.push_back(slot_key(f));
  EXPECT_EQ(keys, (V{"count/worker", "count/ship", "duration", "duration", "weekday"}))
      << "counts split by unit; durations are one slot whatever the unit";
}

TEST(Facts, EmptyAndFactless) {
  EXPECT_TRUE(facts_of("").empty());
  EXPECT_TRUE(facts_of("   \n ").empty());
  EXPECT_TRUE(facts_of("The envoys kept talking, and nobody would say what was agreed.").empty());
}

// ---- weekdays ----------------------------------------------------------------------------------

TEST(Facts, Weekdays) {
  EXPECT_EQ(facts_of("The envoys landed on Sunday."), (V{"weekday|sunday||Sunday"}));
  EXPECT_EQ(facts_of("Sunday's talks were short."), (V{"weekday|sunday||Sunday's"}));
  EXPECT_EQ(facts_of("They met on Saturday evening in a hotel."),
            (V{"weekday|saturday||Saturday"}));
  EXPECT_EQ(
      facts_of("Monday, Wednesday and FRIDAY."),
      (V{"weekday|monday||Monday", "weekday|wednesday||Wednesday", "weekday|friday||FRIDAY"}));
  EXPECT_TRUE(facts_of("The Sunday Times reported it.").empty());
  EXPECT_EQ(facts_of("On Monday Zelensky spoke."), (V{"weekday|monday||Monday"}));
  // A habit, not a day.
  EXPECT_TRUE(facts_of("The market opens on Sundays.").empty());
}

// ---- dates -------------------------------------------------------------------------------------

TEST(Facts, DatesWithMonthNames) {
  EXPECT_EQ(facts_of("The summit opens December 21."), (V{"date|???\?-12-21||December 21"}));
  EXPECT_EQ(facts_of("It ended on December 21, 2025, in Rome."),
            (V{"date|2025-12-21||December 21, 2025"}));
  EXPECT_EQ(facts_of("It ended on 21 December 2025 in Rome."),
            (V{"date|2025-12-21||21 December 2025"}));
  EXPECT_EQ(facts_of("It ended on Dec. 21 in Rome."), (V{"date|???\?-12-21||Dec. 21"}));
  EXPECT_EQ(facts_of("It ended on Dec 21st."), (V{"date|???\?-12-21||Dec 21st"}));
  EXPECT_EQ(facts_of("It ended on the 21st of December."),
            (V{"date|???\?-12-21||21st of December"}));
  EXPECT_EQ(facts_of("The deal was signed in December 2025."),
            (V{"date|2025-12-??||December 2025"}));
  EXPECT_EQ(facts_of("The deal was signed in 21 Sept. 2024."),
            (V{"date|2024-09-21||21 Sept. 2024"}));
}

TEST(Facts, DatesWithDigitsOnly) {
  EXPECT_EQ(facts_of("Filed 2025-12-21 at the court."), (V{"date|2025-12-21||2025-12-21"}));
  // Both parts could be the month: English reads US month/day.
  EXPECT_EQ(facts_of("Filed 12/11/2025 at the court."), (V{"date|2025-12-11||12/11/2025"}));
  EXPECT_EQ(facts_of("Filed 12/21/2025 at the court."), (V{"date|2025-12-21||12/21/2025"}));
  // A part above 12 settles the order.
  EXPECT_EQ(facts_of("Filed 21/12/2025 at the court."), (V{"date|2025-12-21||21/12/2025"}));
  EXPECT_EQ(facts_of("Filed 21.12.2025 at the court."), (V{"date|2025-12-21||21.12.2025"}));
  // Other languages read day/month when both could be the month.
  EXPECT_EQ(facts_of("Eingereicht am 12/11/2025.", "de"), (V{"date|2025-11-12||12/11/2025"}));
  // Not a date: month 13, day 40 (the year may still stand alone).
  for (const std::string& f : facts_of("Code 2025-13-40 failed.")) {
    EXPECT_EQ(f.find("-13-"), std::string::npos) << f;
  }
}

TEST(Facts, YearsAndMonthsAlone) {
  EXPECT_EQ(facts_of("The war began in 2022."), (V{"date|2022-?\?-??||2022"}));
  EXPECT_EQ(facts_of("In 2019, the talks began."), (V{"date|2019-?\?-??||2019"}));
  EXPECT_EQ(facts_of("The 2024 election was close."), (V{"date|2024-?\?-??||2024"}));
  EXPECT_EQ(facts_of("They plan to meet again in December."), (V{"date|???\?-12-??||December"}));
  EXPECT_EQ(facts_of("Prices fell in mid-December and mid-2024."),
            (V{"date|???\?-12-??||mid-December", "date|2024-?\?-??||mid-2024"}));
  // A plural noun after a year-like number makes it a count.
  EXPECT_EQ(facts_of("Officials counted 2024 ballots."), (V{"count|2024|ballot|2024 ballots"}));
  // A year named right after a name is still a year ("Euro 2024").
  EXPECT_EQ(facts_of("The final of Euro 2024 was in Berlin."), (V{"date|2024-?\?-??||2024"}));
}

TEST(Facts, AmbiguousMonths) {
  // "may" is never a month; capitalised "May" / "March" need a day, a year or a preposition.
  EXPECT_TRUE(facts_of("May we go now?").empty());
  EXPECT_TRUE(facts_of("They may meet again.").empty());
  EXPECT_TRUE(facts_of("March on, the crowd shouted.").empty());
  EXPECT_TRUE(facts_of("The singer June Carter was there.").empty());
  EXPECT_EQ(facts_of("Elections are due in May."), (V{"date|???\?-05-??||May"}));
  EXPECT_EQ(facts_of("March 3 was cold."), (V{"date|???\?-03-03||March 3"}));
  EXPECT_EQ(facts_of("It was cold on 3 March."), (V{"date|???\?-03-03||3 March"}));
  EXPECT_EQ(facts_of("Talks resumed in July 2025."), (V{"date|2025-07-??||July 2025"}));
  EXPECT_EQ(facts_of("Prices have risen since June."), (V{"date|???\?-06-??||June"}));
  // An abbreviation alone is no date; an impossible day is no day.
  EXPECT_TRUE(facts_of("See the Dec. issue.").empty());
  EXPECT_EQ(facts_of("They met on February 30 by mistake."),
            (V{"date|???\?-02-??||February", "count|30||30"}));
}

// ---- times -------------------------------------------------------------------------------------

TEST(Facts, Times) {
  EXPECT_EQ(facts_of("The vote is at 3 p.m. on the day."), (V{"time|15:00||3 p.m."}));
  EXPECT_EQ(facts_of("The vote is at 3 P.M. and the count at 11 am."),
            (V{"time|15:00||3 P.M.", "time|11:00||11 am"}));
  EXPECT_EQ(facts_of("Doors close at 15:30 sharp."), (V{"time|15:30||15:30"}));
  EXPECT_EQ(facts_of("They met at noon and left before midnight."),
            (V{"time|12:00||noon", "time|00:00||midnight"}));
  EXPECT_EQ(facts_of("The strike began at 9:30 a.m. local time."),
            (V{"time|09:30||9:30 a.m. local time"}));
  EXPECT_EQ(facts_of("The strike began at 9:30 a.m. Kyiv time."),
            (V{"time|09:30||9:30 a.m. Kyiv time"}));
  EXPECT_EQ(facts_of("Sirens sounded at 3pm GMT, again at 3.30pm and at 12 a.m."),
            (V{"time|15:00||3pm GMT", "time|15:30||3.30pm", "time|00:00||12 a.m."}));
  EXPECT_EQ(facts_of("It started at 7 o'clock."), (V{"time|07:00||7 o'clock"}));
  EXPECT_EQ(facts_of("The log says 10:30:15."), (V{"time|10:30||10:30:15"}));
  // Scores and ratios are not times; an hour above 12 cannot take p.m.
  EXPECT_TRUE(facts_of("They won 3:1 at home.").empty());
  EXPECT_EQ(facts_of("At 25:10 nothing happened."), V{});
  EXPECT_EQ(facts_of("At 13 p.m. nothing happened."), (V{"count|13||13"}));
}

// ---- durations ---------------------------------------------------------------------------------

TEST(Facts, ExactDurations) {
  EXPECT_EQ(facts_of("The talks lasted two days."), (V{"duration|P2D|day|two days"}));
  EXPECT_EQ(facts_of("The talks lasted 2 days."), (V{"duration|P2D|day|2 days"}));
  EXPECT_EQ(facts_of("The truce held for 36 hours."), (V{"duration|PT36H|hour|36 hours"}));
  EXPECT_EQ(facts_of("The truce held for a week."), (V{"duration|P1W|week|a week"}));
  EXPECT_EQ(facts_of("The truce held for an hour."), (V{"duration|PT1H|hour|an hour"}));
  EXPECT_EQ(facts_of("They agreed to three-day talks."), (V{"duration|P3D|day|three-day"}));
  EXPECT_EQ(facts_of("They agreed a 36-hour truce."), (V{"duration|PT36H|hour|36-hour"}));
  EXPECT_EQ(facts_of("They agreed a 30-day-long truce."), (V{"duration|P30D|day|30-day-long"}));
  EXPECT_EQ(facts_of("It took three months."), (V{"duration|P3M|month|three months"}));
  EXPECT_EQ(facts_of("It took two full days."), (V{"duration|P2D|day|two full days"}));
  EXPECT_EQ(facts_of("It took two and a half years."),
            (V{"duration|P2.5Y|year|two and a half years"}));
  EXPECT_EQ(facts_of("It took 1.5 hours."), (V{"duration|PT1.5H|hour|1.5 hours"}));
  EXPECT_EQ(facts_of("It took half an hour."), (V{"duration|PT0.5H|hour|half an hour"}));
  EXPECT_EQ(facts_of("It took two decades and a fortnight."),
            (V{"duration|P20Y|year|two decades", "duration|P2W|week|a fortnight"}));
  EXPECT_EQ(facts_of("It took 90 minutes and 30 seconds."),
            (V{"duration|PT90M|minute|90 minutes", "duration|PT30S|second|30 seconds"}));
}

TEST(Facts, VagueDurations) {
  EXPECT_EQ(facts_of("It took several days."), (V{"duration|several days|day|several days"}));
  EXPECT_EQ(facts_of("It took a few weeks."), (V{"duration|a few weeks|week|a few weeks"}));
  EXPECT_EQ(facts_of("Over the past few days it rained."), (V{"duration|a few days|day|few days"}));
  EXPECT_EQ(facts_of("It took a couple of months."),
            (V{"duration|a couple of months|month|a couple of months"}));
  EXPECT_EQ(facts_of("They met over a weekend."), (V{"duration|weekend|weekend|a weekend"}));
  EXPECT_EQ(facts_of("They met over the weekend."), (V{"duration|weekend|weekend|the weekend"}));
  EXPECT_EQ(facts_of("Last weekend's talks failed."),
            (V{"duration|weekend|weekend|Last weekend's"}));
}

TEST(Facts, NotDurations) {
  EXPECT_TRUE(facts_of("They met after days of talks.").empty());
  EXPECT_TRUE(facts_of("Hours later, nobody had spoken.").empty());
  EXPECT_TRUE(facts_of("They meet twice a week.").empty());
  EXPECT_TRUE(facts_of("They meet three times a year.").empty());
  EXPECT_EQ(facts_of("Tickets cost $5 a day."), (V{"money|USD 5||$5"}));
  EXPECT_EQ(facts_of("A second round is planned."), (V{"ordinal|2|round|second round"}));
  EXPECT_TRUE(facts_of("He is a 45-year-old man.").empty());
}

// ---- counts ------------------------------------------------------------------------------------

TEST(Facts, CountsWithTheirNoun) {
  EXPECT_EQ(facts_of("About 1,200 workers walked out."), (V{"count|1200|worker|1,200 workers"}));
  EXPECT_EQ(facts_of("It returned 20,000 Ukrainian children."),
            (V{"count|20000|child|20,000 Ukrainian children"}));
  EXPECT_EQ(facts_of("The navy sent two ships."), (V{"count|2|ship|two ships"}));
  EXPECT_EQ(facts_of("The navy sent 74 ships and 140 crane operators."),
            (V{"count|74|ship|74 ships", "count|140|operator|140 crane operators"}));
  EXPECT_EQ(facts_of("Some 1.5 million people fled."),
            (V{"count|1500000|person|1.5 million people"}));
  EXPECT_EQ(facts_of("Some 1.5m people fled."), (V{"count|1500000|person|1.5m people"}));
  EXPECT_EQ(facts_of("Twenty-five soldiers and a dozen medics arrived."),
            (V{"count|25|soldier|Twenty-five soldiers", "count|12|medic|a dozen medics"}));
  EXPECT_EQ(facts_of("One hundred and fifty people signed."),
            (V{"count|150|person|One hundred and fifty people"}));
  EXPECT_EQ(facts_of("Nearly 300 police and 40 gunmen were there."),
            (V{"count|300|police|300 police", "count|40|gunman|40 gunmen"}));
  EXPECT_EQ(facts_of("They counted 12 casualties and 3 churches."),
            (V{"count|12|casualty|12 casualties", "count|3|church|3 churches"}));
  EXPECT_EQ(facts_of("One official said so."), (V{"count|1|official|One official"}));
  EXPECT_EQ(facts_of("A 12-member delegation came."), (V{"count|12|member|12-member"}));
  EXPECT_EQ(facts_of("The gap is 5 percentage points."),
            (V{"count|5|percentage point|5 percentage points"}));
  // A possessive before the number is no name.
  EXPECT_EQ(facts_of("Ukraine's 20,000 children came home."),
            (V{"count|20000|child|20,000 children"}));
}

TEST(Facts, BareNumbersAndNames) {
  EXPECT_EQ(facts_of("The vote was 52 to 48."), (V{"count|52||52", "count|48||48"}));
  EXPECT_TRUE(facts_of("The Boeing 737 landed safely.").empty());
  EXPECT_TRUE(facts_of("They invoked Article 5 of the treaty.").empty());
  EXPECT_TRUE(facts_of("COVID-19 spread fast.").empty());
  EXPECT_TRUE(facts_of("The G7 met in the 1990s on 5G.").empty());
  EXPECT_TRUE(facts_of("The score was 2-1 and the shop is open 24/7.").empty());
  EXPECT_EQ(facts_of("He is No. 2 in the party."), V{});
  // Vague multitudes are not counts.
  EXPECT_TRUE(facts_of("Dozens of people and hundreds of ships.").empty());
  // A spelled number without a noun says nothing checkable.
  EXPECT_TRUE(facts_of("Two of them left.").empty());
}

// ---- money -------------------------------------------------------------------------------------

TEST(Facts, Money) {
  EXPECT_EQ(facts_of("The EU pledged \xe2\x82\xac"
                     "90 billion."),
            (V{"money|EUR 90000000000||\xe2\x82\xac"
               "90 billion"}));
  EXPECT_EQ(facts_of("It costs $5m or $5 million."),
            (V{"money|USD 5000000||$5m", "money|USD 5000000||$5 million"}));
  EXPECT_EQ(facts_of("It raised US$1.2bn."), (V{"money|USD 1200000000||US$1.2bn"}));
  EXPECT_EQ(facts_of("The fine was \xc2\xa3"
                     "300."),
            (V{"money|GBP 300||\xc2\xa3"
               "300"}));
  EXPECT_EQ(facts_of("Each got 2,000 euros."), (V{"money|EUR 2000||2,000 euros"}));
  EXPECT_EQ(facts_of("Each got EUR 2,000."), (V{"money|EUR 2000||EUR 2,000"}));
  EXPECT_EQ(facts_of("Each got \xe2\x82\xac"
                     "2,000."),
            (V{"money|EUR 2000||\xe2\x82\xac"
               "2,000"}));
  EXPECT_EQ(facts_of("They paid 5 million dollars."), (V{"money|USD 5000000||5 million dollars"}));
  EXPECT_EQ(facts_of("They paid five million dollars."),
            (V{"money|USD 5000000||five million dollars"}));
  EXPECT_EQ(facts_of("They paid a billion dollars."),
            (V{"money|USD 1000000000||a billion dollars"}));
  EXPECT_EQ(facts_of("It cost $1.50 each."), (V{"money|USD 1.5||$1.50"}));
  EXPECT_EQ(facts_of("It cost 5 million US dollars."),
            (V{"money|USD 5000000||5 million US dollars"}));
  EXPECT_EQ(facts_of("It cost 10 Swiss francs and C$50."),
            (V{"money|CHF 10||10 Swiss francs", "money|CAD 50||C$50"}));
  EXPECT_EQ(facts_of("It cost 90 \xe2\x82\xac."), (V{"money|EUR 90||90 \xe2\x82\xac"}));
}

TEST(Facts, MoneyCurrencies) {
  EXPECT_EQ(
      facts_of("It cost \xc2\xa5"
               "500, CHF 300, RUB 1,000 and UAH 2,500."),
      (V{"money|JPY 500||\xc2\xa5"
         "500",
         "money|CHF 300||CHF 300", "money|RUB 1000||RUB 1,000", "money|UAH 2500||UAH 2,500"}));
  EXPECT_EQ(facts_of("It cost \xe2\x82\xbd"
                     "1,000 and \xe2\x82\xb4"
                     "2,500."),
            (V{"money|RUB 1000||\xe2\x82\xbd"
               "1,000",
               "money|UAH 2500||\xe2\x82\xb4"
               "2,500"}));
  EXPECT_EQ(facts_of("It cost 500 yen, 3 billion roubles and 40 hryvnias."),
            (V{"money|JPY 500||500 yen", "money|RUB 3000000000||3 billion roubles",
               "money|UAH 40||40 hryvnias"}));
  EXPECT_EQ(facts_of("It cost 300 pounds sterling."), (V{"money|GBP 300||300 pounds sterling"}));
  // "pounds" alone is as often a weight.
  EXPECT_EQ(facts_of("The parcel weighed 300 pounds."), (V{"count|300|pound|300 pounds"}));
  // Lower-case "try" / "rub" are words, not codes.
  EXPECT_EQ(facts_of("They try 5 times."), (V{"count|5||5"}));
  EXPECT_EQ(facts_of("Just rub 5 drops in."), (V{"count|5|drop|5 drops"}));
}

// ---- percentages and ordinals ------------------------------------------------------------------

TEST(Facts, Percentages) {
  EXPECT_EQ(facts_of("Prices rose 12.5%."), (V{"percent|12.5||12.5%"}));
  EXPECT_EQ(facts_of("Prices rose 12.5 per cent."), (V{"percent|12.5||12.5 per cent"}));
  EXPECT_EQ(facts_of("Prices rose 12 percent."), (V{"percent|12||12 percent"}));
  EXPECT_EQ(facts_of("Prices rose five percent."), (V{"percent|5||five percent"}));
  EXPECT_EQ(facts_of("Prices rose 12.50 %."), (V{"percent|12.5||12.50 %"}));
}

TEST(Facts, Ordinals) {
  EXPECT_EQ(facts_of("Kyiv rejected the 20-point plan."), (V{"ordinal|20|point|20-point"}));
  EXPECT_EQ(facts_of("Kyiv rejected the 28-point proposal."), (V{"ordinal|28|point|28-point"}));
  EXPECT_EQ(facts_of("Kyiv rejected the twelve-point plan."), (V{"ordinal|12|point|twelve-point"}));
  EXPECT_EQ(facts_of("The third round starts soon."), (V{"ordinal|3|round|third round"}));
  EXPECT_EQ(facts_of("It was the 21st."), (V{"ordinal|21||21st"}));
  EXPECT_EQ(facts_of("It is the 3rd straight day of protests."),
            (V{"ordinal|3|day|3rd straight day"}));
  EXPECT_EQ(facts_of("It is the twenty-first century."),
            (V{"ordinal|21|century|twenty-first century"}));
  // Without a noun a spelled ordinal says nothing checkable; a proper name is not a noun.
  EXPECT_TRUE(facts_of("At first, they refused.").empty());
  EXPECT_TRUE(facts_of("He was the first to leave.").empty());
  EXPECT_TRUE(facts_of("It was the Second World War.").empty());
  EXPECT_TRUE(facts_of("Two-thirds of voters agreed.").empty());
}

// ---- longest reading, spans, offsets
// -------------------------------------------------------------

TEST(Facts, RangesGiveNoUnitFact) {
  EXPECT_TRUE(facts_of("Talks may take two to three days.").empty());
  EXPECT_TRUE(facts_of("Prices may rise by 10-15%.").empty());
  EXPECT_EQ(facts_of("One or two ships may come."), V{});
  EXPECT_EQ(facts_of("Up to 1 or 2 ships may come."), (V{"count|1||1", "count|2||2"}));
  EXPECT_EQ(facts_of("It costs $2.5bn-$3bn."),
            (V{"money|USD 2500000000||$2.5bn", "money|USD 3000000000||$3bn"}));
  EXPECT_EQ(facts_of("They work from 9 a.m. to 5 p.m."),
            (V{"time|09:00||9 a.m.", "time|17:00||5 p.m."}));
}

TEST(Facts, LongestReadingWinsAndNothingOverlaps) {
  // One fact each, not a number plus a unit, not a year plus a date.
  EXPECT_EQ(facts_of("two days").size(), 1u);
  EXPECT_EQ(facts_of("It was \xe2\x82\xac"
                     "90 billion.")
                .size(),
            1u);
  EXPECT_EQ(facts_of("On December 21, 2025.").size(), 1u);
  EXPECT_EQ(facts_of("They paid 2,024 euros in 2024.", "en"),
            (V{"money|EUR 2024||2,024 euros", "date|2024-?\?-??||2024"}));

  const Extracted e(
      "On Sunday, December 21, 2025, at 3 p.m., 1,200 workers and 74 ships waited two days for "
      "\xe2\x82\xac"
      "90 billion, a 12.5% rise and a 20-point plan. The third round begins in May.");
  ASSERT_EQ(e.described(), (V{"weekday|sunday||Sunday", "date|2025-12-21||December 21, 2025",
                              "time|15:00||3 p.m.", "count|1200|worker|1,200 workers",
                              "count|74|ship|74 ships", "duration|P2D|day|two days",
                              "money|EUR 90000000000||\xe2\x82\xac"
                              "90 billion",
                              "percent|12.5||12.5%", "ordinal|20|point|20-point",
                              "ordinal|3|round|third round", "date|???\?-05-??||May"}));
  uint32_t last_end = 0;
  for (const Fact& f : e.facts()) {
    EXPECT_GE(f.begin, last_end);
    EXPECT_LT(f.begin, f.end);
    last_end = f.end;
  }
  EXPECT_EQ(e.facts().front().sentence, 0u);
  EXPECT_EQ(e.facts().back().sentence, 1u);
}

TEST(Facts, CodePointOffsetsAfterNonAscii) {
  // "Zelenskyy’s €90 billion": the apostrophe and the euro sign are three bytes, one code point.
  const Extracted e(
      "Zelenskyy\xe2\x80\x99s \xe2\x82\xac"
      "90 billion loan.");
  ASSERT_EQ(e.facts().size(), 1u);
  const Fact& f = e.facts()[0];
  EXPECT_EQ(f.kind, FactKind::kMoney);
  EXPECT_EQ(f.value, "EUR 90000000000");
  EXPECT_EQ(e.span(f),
            "\xe2\x82\xac"
            "90 billion");
  EXPECT_EQ(f.begin, 14u);
  EXPECT_EQ(f.end, 27u);
  EXPECT_EQ(f.cp_begin, 12u);
  EXPECT_EQ(f.cp_end, 23u);

  // Cyrillic before an English fact.
  const Extracted c(
      "\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9 "
      "said 1,200 workers left on Tuesday.");
  ASSERT_EQ(c.facts().size(), 2u);
  for (const Fact& g : c.facts()) {
    const std::string_view text = c.doc().text;
    EXPECT_EQ(g.cp_begin, utf8::count(text.substr(0, g.begin)));
    EXPECT_EQ(g.cp_end, utf8::count(text.substr(0, g.end)));
  }
  EXPECT_EQ(c.facts()[0].cp_begin, 16u);
  EXPECT_EQ(c.span(c.facts()[0]), "1,200 workers");
}

TEST(Facts, SentenceIndex) {
  const Extracted e("Nothing here. Or here. Then 3 ships came on Monday.\nAnd 4 more ships.");
  ASSERT_EQ(e.facts().size(), 3u);
  EXPECT_EQ(e.facts()[0].sentence, 2u);
  EXPECT_EQ(e.facts()[1].sentence, 2u);
  EXPECT_EQ(e.facts()[2].sentence, 3u);
  EXPECT_EQ(e.span(e.facts()[2]), "4 more ships");
  for (const Fact& f : e.facts()) {
    const Sentence& s = e.doc().sentences[f.sentence];
    EXPECT_GE(f.begin, s.begin);
    EXPECT_LE(f.end, s.end);
  }
}

// ---- languages
// -----------------------------------------------------------------------------------

TEST(Facts, OtherLanguagesGetDigitsOnly) {
  EXPECT_EQ(facts_of("Rund 1.200 Arbeiter streikten bis 15:30 Uhr am 21.12.2025.", "de"),
            (V{"count|1200||1.200", "time|15:30||15:30 Uhr", "date|2025-12-21||21.12.2025"}));
  EXPECT_EQ(facts_of("Die Inflation lag bei 12,5 % im Jahr 2024.", "de"),
            (V{"percent|12.5||12,5 %", "date|2024-?\?-??||2024"}));
  EXPECT_EQ(facts_of("Die EU sagte 90 Milliarden Euro zu, also \xe2\x82\xac"
                     "90 Mrd.",
                     "de"),
            (V{"money|EUR 90000000000||90 Milliarden Euro",
               "money|EUR 90000000000||\xe2\x82\xac"
               "90 Mrd"}));
  EXPECT_EQ(facts_of("Le sommet a r\xc3\xa9uni 1 200 personnes \xc3\xa0 15h30.", "fr"),
            (V{"count|1200||1 200", "time|15:30||15h30"}));
  // Ukrainian: "90 млрд євро", "12,5%".
  EXPECT_EQ(facts_of("\xd0\x9c\xd0\xb0\xd0\xb9\xd0\xb6\xd0\xb5 90 \xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4 "
                     "\xd1\x94\xd0\xb2\xd1\x80\xd0\xbe, 12,5%.",
                     "uk"),
            (V{"money|EUR 90000000000||90 \xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4 "
               "\xd1\x94\xd0\xb2\xd1\x80\xd0\xbe",
               "percent|12.5||12,5%"}));
  // English words mean nothing in a German document; digits still do.
  EXPECT_EQ(facts_of("Sunday two days in December, 3 ships.", "de"), (V{"count|3||3"}));
}

TEST(Facts, UndeterminedLanguageReadsAsEnglish) {
  EXPECT_EQ(facts_of("They met on Sunday for two days.", "und"),
            (V{"weekday|sunday||Sunday", "duration|P2D|day|two days"}));
}

TEST(Facts, WorksWithoutFolding) {
  const std::string text =
      "On Sunday\xe2\x80\x99s TALKS, 1,200 Workers left for Two Days and paid \xe2\x82\xac"
      "5M.";
  Article article;
  article.id = "nofold";
  article.text = text;
  text::Analyzer plain(
      text::AnalyzerOptions{.detect_language = false, .fold = false, .stem = false});
  Document doc = plain.analyze(article);
  ASSERT_TRUE(doc.norms.empty());
  doc.language = "en";
  std::vector<Fact> unfolded = extract(doc);
  const Extracted folded(text);
  ASSERT_EQ(unfolded.size(), folded.facts().size());
  for (size_t i = 0; i < unfolded.size(); ++i) {
    EXPECT_EQ(unfolded[i].value, folded.facts()[i].value);
    EXPECT_EQ(unfolded[i].unit, folded.facts()[i].unit);
    EXPECT_EQ(unfolded[i].begin, folded.facts()[i].begin);
    EXPECT_EQ(unfolded[i].end, folded.facts()[i].end);
  }
  EXPECT_EQ(folded.described(), (V{"weekday|sunday||Sunday\xe2\x80\x99s",
                                   "count|1200|worker|1,200 Workers", "duration|P2D|day|Two Days",
                                   "money|EUR 5000000||\xe2\x82\xac"
                                   "5M"}));
}

// ---- robustness
// ----------------------------------------------------------------------------------

void check_invariants(const Extracted& e, const std::string& text) {
  uint32_t last_end = 0;
  for (const Fact& f : e.facts()) {
    ASSERT_LT(f.begin, f.end) << text;
    ASSERT_LE(f.end, text.size()) << text;
    ASSERT_GE(f.begin, last_end) << text;
    ASSERT_TRUE(utf8::is_lead(text[f.begin])) << text;
    ASSERT_TRUE(f.end == text.size() || utf8::is_lead(text[f.end])) << text;
    ASSERT_EQ(f.cp_begin, utf8::count(std::string_view(text).substr(0, f.begin))) << text;
    ASSERT_EQ(f.cp_end, utf8::count(std::string_view(text).substr(0, f.end))) << text;
    ASSERT_LT(f.sentence, e.doc().sentences.size()) << text;
    const Sentence& s = e.doc().sentences[f.sentence];
    ASSERT_GE(f.begin, s.begin) << text;
    ASSERT_LE(f.end, s.end) << text;
    ASSERT_FALSE(f.value.empty()) << text;
    last_end = f.end;
  }
}

TEST(Facts, RandomTextNeverBreaksInvariants) {
  const std::vector<std::string> pieces = {
      "Sunday",
      "May",
      "may",
      "December",
      "Dec",
      ".",
      ",",
      " ",
      " ",
      " ",
      "\n",
      "-",
      "/",
      ":",
      "%",
      "$",
      "US",
      "EUR",
      "\xe2\x82\xac",
      "\xc2\xa3",
      "1",
      "12",
      "21",
      "2025",
      "1,200",
      "3.5",
      "12,5",
      "1.200",
      "21st",
      "5m",
      "1.2bn",
      "15:30",
      "3pm",
      "p.m.",
      "a.m.",
      "noon",
      "two",
      "twenty-five",
      "a",
      "the",
      "few",
      "several",
      "weekend",
      "days",
      "hours",
      "day",
      "three-day",
      "point",
      "third",
      "round",
      "million",
      "billion",
      "per",
      "cent",
      "percent",
      "workers",
      "children",
      "Boeing",
      "and",
      "half",
      "of",
      "dozen",
      "mid-",
      "'s",
      "\xe2\x80\x99",
      "\xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4",
      "Uhr",
      "h",
      "\xcc\x81",
      "\xf0\x9f\x98\x80",
      "\xef\xbc\x85",
      "99999999999999999999",
      "0",
  };
  const std::vector<std::string> languages = {"en", "und", "de", "fr", "uk", "zh", ""};
  std::mt19937 rng(4242);
  for (int round = 0; round < 3000; ++round) {
    std::string raw;
    const size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t r = rng() % 10;
      if (r == 0) {
        raw.push_back(static_cast<char>(rng() % 256));  // raw bytes, repaired below
      } else if (r == 1) {
        char32_t cp = static_cast<char32_t>(rng() % 0x10FFFF) + 1;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        utf8::append(raw, cp);
      } else {
        raw += pieces[rng() % pieces.size()];
      }
    }
    std::string text;
    utf8::repair(raw, text);
    const Extracted e(text, languages[rng() % languages.size()]);
    check_invariants(e, text);
    if (HasFatalFailure()) return;
  }
}

TEST(Facts, AdversarialShapesDoNotCrash) {
  for (const std::string& text : std::vector<std::string>{
           std::string(5000, '9'),
           std::string("1,") + std::string(300, '0'),
           std::string("$") + std::string(40, '1') + " billion trillion",
           std::string(200, '-') + "2025-12-21",
           "1/1/1 2/2/2222 99/99/2025 0/0/2025",
           "a a a a a a dozen dozen hundred hundred million million",
           "twenty-twenty-twenty-one",
           "--- ,,, ... 12.12.12.12.12 1.2.3.4",
           "0:00 24:00 24:01 99:99 1:1 12:60",
           "The 0th and 00th and 1000000000000000000000st",
           "EUR EUR EUR $ $ $ US$ C$ US",
       }) {
    for (const char* language : {"en", "de"}) {
      const Extracted e(text, language);
      check_invariants(e, text);
    }
  }
}

// ---- internals: numbers and the lexicon
// ----------------------------------------------------------

TEST(FactNumbers, DecimalText) {
  EXPECT_EQ(Decimal::of(0).to_string(), "0");
  EXPECT_EQ(Decimal::of(1200).to_string(), "1200");
  Decimal d = Decimal::of(125);
  d.scale(-1);
  EXPECT_EQ(d.to_string(), "12.5");
  d.scale(9);
  EXPECT_EQ(d.to_string(), "12500000000");
  Decimal small = Decimal::of(5);
  small.scale(-3);
  EXPECT_EQ(small.to_string(), "0.005");
  Decimal trailing = Decimal::of(1250);
  trailing.scale(-2);
  EXPECT_EQ(trailing.to_string(), "12.5");
  EXPECT_EQ(trailing.integer(), -1);
  EXPECT_EQ(Decimal::of(7).integer(), 7);
  Decimal two = Decimal::of(2);
  ASSERT_TRUE(two.add_half());
  EXPECT_EQ(two.to_string(), "2.5");
  Decimal big = Decimal::of(999'999'999'999'999'999ULL);
  EXPECT_FALSE(big.multiply(12));
  EXPECT_EQ(big.to_string(), "999999999999999999");
}

TEST(FactNumbers, ParseDigits) {
  auto value = [](std::string_view s, bool comma) {
    DigitNumber d = parse_digits(s, comma);
    return d.ok ? d.value.to_string() + (d.suffix.empty() ? "" : "+" + std::string(d.suffix))
                : std::string("x");
  };
  EXPECT_EQ(value("1,200", false), "1200");
  EXPECT_EQ(value("1,200,000.50", false), "1200000.5");
  EXPECT_EQ(value("3.5", false), "3.5");
  EXPECT_EQ(value("1.200", false), "1.2");
  EXPECT_EQ(value("12,5", false), "x");
  EXPECT_EQ(value("1,20", false), "x");
  EXPECT_EQ(value("1.200,5", false), "x");
  EXPECT_EQ(value("1.200", true), "1200");
  EXPECT_EQ(value("1.200,5", true), "1200.5");
  EXPECT_EQ(value("12,5", true), "12.5");
  EXPECT_EQ(value("3.5", true), "3.5");
  EXPECT_EQ(value("1.2.3", true), "x");
  EXPECT_EQ(value("1.2bn", false), "1.2+bn");
  EXPECT_EQ(value("21st", false), "21+st");
  EXPECT_EQ(value("007", false), "7");
  EXPECT_EQ(value("0.05", false), "0.05");
  EXPECT_EQ(value("10:30", false), "10+:30");  // the colon is left to the clock reader
  EXPECT_EQ(value("1234567890123456789", false), "x");
  EXPECT_EQ(value("", false), "x");
}

// The fast parser against a slow reference: random amounts printed with separators the way each
// convention prints them must read back as the plain number.
TEST(FactNumbers, ParseDigitsMatchesFormattedValues) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const uint64_t whole = rng() % 10'000'000'000ULL;
    const int frac_digits = static_cast<int>(rng() % 4);
    uint64_t frac = 0;
    for (int i = 0; i < frac_digits; ++i) frac = frac * 10 + rng() % 10;
    std::string digits = std::to_string(whole);
    std::string plain = digits;
    std::string frac_text = std::to_string(frac);
    while (frac_text.size() < static_cast<size_t>(frac_digits)) frac_text.insert(0, "0");
    if (frac_digits > 0) {
      std::string f = frac_text;
      while (!f.empty() && f.back() == '0') f.pop_back();
      if (!f.empty()) plain += "." + f;
    }
    for (bool comma : {false, true}) {
      std::string grouped;
      for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(comma ? '.' : ',');
        grouped.push_back(digits[i]);
      }
      if (frac_digits > 0) grouped += (comma ? "," : ".") + frac_text;
      const DigitNumber d = parse_digits(grouped, comma);
      ASSERT_TRUE(d.ok) << grouped;
      ASSERT_EQ(d.value.to_string(), plain) << grouped;
    }
  }
}

TEST(FactNumbers, SpelledGrammar) {
  auto read = [](std::initializer_list<int64_t> words) {
    SpelledNumber n;
    for (int64_t w : words) {
      if (!n.add(w)) return int64_t{-1};
    }
    return n.value();
  };
  EXPECT_EQ(read({20, 5}), 25);
  EXPECT_EQ(read({1, 100, 20, 5}), 125);
  EXPECT_EQ(read({2, 1000000, 3, 100, 1000}), 2300000);
  EXPECT_EQ(read({15, 100}), 1500);
  EXPECT_EQ(read({2, 3}), -1);
  EXPECT_EQ(read({1000}), -1);
  EXPECT_EQ(read({2, 1000, 3, 1000000}), -1);
  EXPECT_EQ(read({20, 30}), -1);
  SpelledNumber dozen;
  ASSERT_TRUE(dozen.add(2));
  ASSERT_TRUE(dozen.add_dozen());
  EXPECT_EQ(dozen.value(), 24);
  EXPECT_FALSE(dozen.add(1));
}

TEST(FactLexicon, Singular) {
  EXPECT_EQ(singular("children"), "child");
  EXPECT_EQ(singular("grandchildren"), "grandchild");
  EXPECT_EQ(singular("people"), "person");
  EXPECT_EQ(singular("men"), "man");
  EXPECT_EQ(singular("women"), "woman");
  EXPECT_EQ(singular("servicemen"), "serviceman");
  EXPECT_EQ(singular("casualties"), "casualty");
  EXPECT_EQ(singular("ships"), "ship");
  EXPECT_EQ(singular("workers'"), "worker");
  EXPECT_EQ(singular("churches"), "church");
  EXPECT_EQ(singular("taxes"), "tax");
  EXPECT_EQ(singular("police"), "police");
  EXPECT_EQ(singular("series"), "series");
  EXPECT_EQ(singular("crisis"), "crisis");
  EXPECT_EQ(singular("crises"), "crisis");
  EXPECT_EQ(singular("status"), "status");
  EXPECT_EQ(singular("glass"), "glass");
  EXPECT_EQ(singular("specimen"), "specimen");
}

TEST(FactLexicon, Lookups) {
  ASSERT_NE(english_word("second"), nullptr);
  EXPECT_EQ(english_word("second")->ordinal, 2);
  EXPECT_EQ(english_word("second")->time_unit, TimeUnit::kSecond);
  EXPECT_EQ(english_word("may")->month, 5);
  EXPECT_TRUE(english_word("may")->month_ambiguous);
  EXPECT_EQ(english_word("sunday's")->weekday, 6);
  EXPECT_EQ(english_word("zelenskyy"), nullptr);
  EXPECT_EQ(currency_symbol("\xe2\x82\xac"), "EUR");
  EXPECT_EQ(currency_symbol("#"), "");
  EXPECT_TRUE(is_currency_code("UAH"));
  EXPECT_FALSE(is_currency_code("uah"));
  EXPECT_EQ(dollar_prefix("US"), "USD");
  EXPECT_TRUE(is_time_zone("GMT"));
  EXPECT_FALSE(is_time_zone("gmt"));
}

}  // namespace
}  // namespace crosscheck::facts
