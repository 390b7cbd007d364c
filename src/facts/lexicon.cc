// The fact lexicon (see lexicon.h): small hand-kept word lists merged into one hash table on
// first use, plus short tables for symbols, codes and time zones that are read as written.
//
// The lists are short on purpose: they name what news prose uses to state numbers, dates, spans
// and money, not the whole language. Everything is lower case except the tables marked "as
// written" (ISO codes and time zones are upper case in text and ordinary words otherwise: "try",
// "rub", "est").
#include "src/facts/lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crosscheck::facts {
namespace {

using namespace std::string_view_literals;

struct Valued {
  std::string_view word;
  int64_t value;
};

struct MonthName {
  std::string_view word;
  uint8_t month;
  bool abbrev, ambiguous;
};

struct UnitName {
  std::string_view word;
  TimeUnit unit;
  uint8_t multiple;
  bool plural;
};

struct Named {
  std::string_view word;
  std::string_view code;
};

struct Irregular {
  std::string_view plural, singular;
};

// The word tables are packed by hand.
// clang-format off

constexpr auto kCardinals = std::to_array<Valued>({
    {"zero"sv, 0}, {"one"sv, 1}, {"two"sv, 2}, {"three"sv, 3}, {"four"sv, 4}, {"five"sv, 5},
    {"six"sv, 6}, {"seven"sv, 7}, {"eight"sv, 8}, {"nine"sv, 9}, {"ten"sv, 10},
    {"eleven"sv, 11}, {"twelve"sv, 12}, {"thirteen"sv, 13}, {"fourteen"sv, 14},
    {"fifteen"sv, 15}, {"sixteen"sv, 16}, {"seventeen"sv, 17}, {"eighteen"sv, 18},
    {"nineteen"sv, 19}, {"twenty"sv, 20}, {"thirty"sv, 30}, {"forty"sv, 40}, {"fifty"sv, 50},
    {"sixty"sv, 60}, {"seventy"sv, 70}, {"eighty"sv, 80}, {"ninety"sv, 90},
    {"hundred"sv, 100}, {"thousand"sv, 1000}, {"million"sv, 1000000},
    {"billion"sv, 1000000000}, {"trillion"sv, 1000000000000},
});

constexpr auto kOrdinals = std::to_array<Valued>({
    {"first"sv, 1}, {"second"sv, 2}, {"third"sv, 3}, {"fourth"sv, 4}, {"fifth"sv, 5},
    {"sixth"sv, 6}, {"seventh"sv, 7}, {"eighth"sv, 8}, {"ninth"sv, 9}, {"tenth"sv, 10},
    {"eleventh"sv, 11}, {"twelfth"sv, 12}, {"thirteenth"sv, 13}, {"fourteenth"sv, 14},
    {"fifteenth"sv, 15}, {"sixteenth"sv, 16}, {"seventeenth"sv, 17}, {"eighteenth"sv, 18},
    {"nineteenth"sv, 19}, {"twentieth"sv, 20}, {"thirtieth"sv, 30}, {"fortieth"sv, 40},
    {"fiftieth"sv, 50}, {"sixtieth"sv, 60}, {"seventieth"sv, 70}, {"eightieth"sv, 80},
    {"ninetieth"sv, 90}, {"hundredth"sv, 100}, {"thousandth"sv, 1000},
    {"millionth"sv, 1000000},
});

// Capitalised "March", "May", "June", "July" and "August" are also verbs, names or adjectives,
// so they need a day, a year or a preposition beside them (the extractor checks).
constexpr auto kMonths = std::to_array<MonthName>({
    {"january"sv, 1, false, false}, {"february"sv, 2, false, false},
    {"march"sv, 3, false, true}, {"april"sv, 4, false, false}, {"may"sv, 5, false, true},
    {"june"sv, 6, false, true}, {"july"sv, 7, false, true}, {"august"sv, 8, false, true},
    {"september"sv, 9, false, false}, {"october"sv, 10, false, false},
    {"november"sv, 11, false, false}, {"december"sv, 12, false, false},
    {"jan"sv, 1, true, false}, {"feb"sv, 2, true, false}, {"mar"sv, 3, true, false},
    {"apr"sv, 4, true, false}, {"jun"sv, 6, true, false}, {"jul"sv, 7, true, false},
    {"aug"sv, 8, true, false}, {"sep"sv, 9, true, false}, {"sept"sv, 9, true, false},
    {"oct"sv, 10, true, false}, {"nov"sv, 11, true, false}, {"dec"sv, 12, true, false},
});

constexpr auto kWeekdays = std::to_array<std::string_view>({
    "monday"sv, "tuesday"sv, "wednesday"sv, "thursday"sv, "friday"sv, "saturday"sv, "sunday"sv,
});

// Units as the ISO duration counts them: a fortnight is 2 weeks, a decade 10 years. "weeklong"
// and friends read like "week" after "a": "a weeklong truce" -> P1W.
constexpr auto kTimeUnits = std::to_array<UnitName>({
    {"second"sv, TimeUnit::kSecond, 1, false}, {"seconds"sv, TimeUnit::kSecond, 1, true},
    {"minute"sv, TimeUnit::kMinute, 1, false}, {"minutes"sv, TimeUnit::kMinute, 1, true},
    {"hour"sv, TimeUnit::kHour, 1, false}, {"hours"sv, TimeUnit::kHour, 1, true},
    {"day"sv, TimeUnit::kDay, 1, false}, {"days"sv, TimeUnit::kDay, 1, true},
    {"daylong"sv, TimeUnit::kDay, 1, false}, {"week"sv, TimeUnit::kWeek, 1, false},
    {"weeks"sv, TimeUnit::kWeek, 1, true}, {"weeklong"sv, TimeUnit::kWeek, 1, false},
    {"fortnight"sv, TimeUnit::kWeek, 2, false}, {"fortnights"sv, TimeUnit::kWeek, 2, true},
    {"month"sv, TimeUnit::kMonth, 1, false}, {"months"sv, TimeUnit::kMonth, 1, true},
    {"monthlong"sv, TimeUnit::kMonth, 1, false}, {"year"sv, TimeUnit::kYear, 1, false},
    {"years"sv, TimeUnit::kYear, 1, true}, {"yearlong"sv, TimeUnit::kYear, 1, false},
    {"decade"sv, TimeUnit::kYear, 10, false}, {"decades"sv, TimeUnit::kYear, 10, true},
    {"century"sv, TimeUnit::kYear, 100, false}, {"centuries"sv, TimeUnit::kYear, 100, true},
});

constexpr auto kCurrencyWords = std::to_array<Named>({
    {"dollar"sv, "USD"sv}, {"dollars"sv, "USD"sv}, {"euro"sv, "EUR"sv}, {"euros"sv, "EUR"sv},
    {"pound"sv, "GBP"sv}, {"pounds"sv, "GBP"sv}, {"sterling"sv, "GBP"sv}, {"yen"sv, "JPY"sv},
    {"yuan"sv, "CNY"sv}, {"renminbi"sv, "CNY"sv}, {"rouble"sv, "RUB"sv}, {"roubles"sv, "RUB"sv},
    {"ruble"sv, "RUB"sv}, {"rubles"sv, "RUB"sv}, {"hryvnia"sv, "UAH"sv}, {"hryvnias"sv, "UAH"sv},
    {"hryvnya"sv, "UAH"sv}, {"hryvnyas"sv, "UAH"sv}, {"franc"sv, "CHF"sv}, {"francs"sv, "CHF"sv},
    {"rupee"sv, "INR"sv}, {"rupees"sv, "INR"sv}, {"shekel"sv, "ILS"sv}, {"shekels"sv, "ILS"sv},
    {"zloty"sv, "PLN"sv}, {"zlotys"sv, "PLN"sv}, {"zlotych"sv, "PLN"sv}, {"lira"sv, "TRY"sv},
    {"liras"sv, "TRY"sv},
});

// Currency words the other languages share or spell alike ("90 Milliarden Euro").
constexpr auto kForeignCurrencyWords = std::to_array<Named>({
    {"euro"sv, "EUR"sv}, {"euros"sv, "EUR"sv}, {"d'euro"sv, "EUR"sv}, {"d'euros"sv, "EUR"sv},
    {"\xd0\xb5\xd0\xb2\xd1\x80\xd0\xbe"sv, "EUR"sv},                          // евро
    {"\xd1\x94\xd0\xb2\xd1\x80\xd0\xbe"sv, "EUR"sv},                          // євро
    {"dollar"sv, "USD"sv}, {"dollars"sv, "USD"sv}, {"dollari"sv, "USD"sv},
    {"d\xc3\xb3lares"sv, "USD"sv},                                            // dólares
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x80"sv, "USD"sv},          // доллар
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x80\xd0\xb0"sv, "USD"sv},  // доллара
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb2"sv, "USD"sv},  // долларов
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x80"sv, "USD"sv},                  // долар
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x80\xd0\xb0"sv, "USD"sv},          // долара
    {"\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x80\xd1\x96\xd0\xb2"sv, "USD"sv},  // доларів
    {"\xd1\x80\xd1\x83\xd0\xb1\xd0\xbb\xd1\x8c"sv, "RUB"sv},                  // рубль
    {"\xd1\x80\xd1\x83\xd0\xb1\xd0\xbb\xd1\x8f"sv, "RUB"sv},                  // рубля
    {"\xd1\x80\xd1\x83\xd0\xb1\xd0\xbb\xd0\xb5\xd0\xb9"sv, "RUB"sv},          // рублей
    {"\xd1\x80\xd1\x83\xd0\xb1\xd0\xbb\xd1\x96\xd0\xb2"sv, "RUB"sv},          // рублів
    {"\xd0\xb3\xd1\x80\xd0\xb8\xd0\xb2\xd0\xbd\xd1\x8f"sv, "UAH"sv},          // гривня
    {"\xd0\xb3\xd1\x80\xd0\xb8\xd0\xb2\xd0\xbd\xd1\x96"sv, "UAH"sv},          // гривні
    {"\xd0\xb3\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd0\xbd\xd1\x8c"sv, "UAH"sv},  // гривень
    {"franken"sv, "CHF"sv}, {"franchi"sv, "CHF"sv}, {"yen"sv, "JPY"sv},
    {"z\xc5\x82otych"sv, "PLN"sv},                                            // złotych
});

// Before "dollars" / "francs" / "pounds" the adjective names the currency.
constexpr auto kCurrencyAdjectives = std::to_array<Named>({
    {"us"sv, "USD"sv}, {"u.s."sv, "USD"sv}, {"american"sv, "USD"sv}, {"canadian"sv, "CAD"sv},
    {"australian"sv, "AUD"sv}, {"singapore"sv, "SGD"sv}, {"taiwan"sv, "TWD"sv},
    {"swiss"sv, "CHF"sv}, {"british"sv, "GBP"sv},
});

// Function words: they end the noun phrase after a number and are never its head. (Quantity
// adverbs such as "more" are modifiers instead: "4 more ships".)
constexpr auto kStopWords = std::to_array<std::string_view>({
    "a"sv, "about"sv, "above"sv, "according"sv, "across"sv, "after"sv, "again"sv, "against"sv,
    "ago"sv, "all"sv, "almost"sv, "along"sv, "already"sv, "also"sv, "although"sv, "altogether"sv,
    "am"sv, "amid"sv, "among"sv, "an"sv, "and"sv, "another"sv, "any"sv, "apiece"sv,
    "approximately"sv, "are"sv, "around"sv, "as"sv, "at"sv, "away"sv, "back"sv, "be"sv,
    "because"sv, "been"sv, "before"sv, "behind"sv, "being"sv, "below"sv, "between"sv, "beyond"sv,
    "both"sv, "but"sv, "by"sv, "can"sv, "could"sv, "did"sv, "do"sv, "does"sv, "down"sv,
    "during"sv, "each"sv, "earlier"sv, "either"sv, "even"sv, "every"sv, "for"sv, "from"sv,
    "had"sv, "has"sv, "have"sv, "he"sv, "her"sv, "here"sv, "him"sv, "his"sv, "how"sv, "i"sv,
    "if"sv, "in"sv, "including"sv, "inside"sv, "into"sv, "is"sv, "it"sv, "its"sv, "just"sv,
    "last"sv, "later"sv, "like"sv, "many"sv, "may"sv, "me"sv, "might"sv, "much"sv, "must"sv,
    "my"sv, "near"sv, "nearly"sv, "next"sv, "no"sv, "nor"sv, "not"sv, "now"sv, "of"sv, "off"sv,
    "old"sv, "on"sv, "once"sv, "only"sv, "onto"sv, "or"sv, "our"sv, "out"sv, "outside"sv,
    "over"sv, "overall"sv, "per"sv, "plus"sv, "respectively"sv, "roughly"sv, "said"sv, "say"sv,
    "says"sv, "shall"sv, "she"sv, "should"sv, "since"sv, "so"sv, "some"sv, "still"sv, "such"sv,
    "than"sv, "that"sv, "the"sv, "their"sv, "them"sv, "then"sv, "there"sv, "these"sv, "they"sv,
    "this"sv, "those"sv, "though"sv, "through"sv, "till"sv, "times"sv, "to"sv, "today"sv,
    "together"sv, "told"sv, "tomorrow"sv, "tonight"sv, "too"sv, "total"sv, "toward"sv,
    "towards"sv, "twice"sv, "under"sv, "until"sv, "up"sv, "upon"sv, "us"sv, "very"sv, "via"sv,
    "was"sv, "we"sv, "were"sv, "what"sv, "when"sv, "where"sv, "whether"sv, "which"sv, "while"sv,
    "who"sv, "whom"sv, "whose"sv, "why"sv, "will"sv, "with"sv, "within"sv, "without"sv,
    "would"sv, "yesterday"sv, "yet"sv, "you"sv, "your"sv,
});

constexpr auto kModifiers = std::to_array<std::string_view>({
    "additional"sv, "best"sv, "biggest"sv, "busiest"sv, "business"sv, "consecutive"sv,
    "deadliest"sv, "difficult"sv, "entire"sv, "extra"sv, "fastest"sv, "fewer"sv, "full"sv,
    "further"sv, "greatest"sv, "gruelling"sv, "grueling"sv, "hard"sv, "highest"sv, "intense"sv,
    "intensive"sv, "largest"sv, "latest"sv, "least"sv, "long"sv, "longest"sv, "lowest"sv,
    "more"sv, "most"sv, "new"sv, "other"sv, "poorest"sv, "richest"sv, "short"sv, "smallest"sv,
    "straight"sv, "strongest"sv, "successive"sv, "tense"sv, "tough"sv, "whole"sv, "working"sv,
    "worst"sv,
});

constexpr auto kPrepositions = std::to_array<std::string_view>({
    "after"sv, "before"sv, "by"sv, "during"sv, "early"sv, "from"sv, "in"sv, "last"sv, "late"sv,
    "mid"sv, "next"sv, "of"sv, "since"sv, "this"sv, "through"sv, "throughout"sv, "till"sv,
    "until"sv,
});

constexpr auto kOrdinalNouns = std::to_array<std::string_view>({
    "article"sv, "chapter"sv, "clause"sv, "item"sv, "paragraph"sv, "part"sv, "phase"sv,
    "pillar"sv, "plank"sv, "point"sv, "section"sv, "stage"sv, "step"sv, "tier"sv,
});

// Plurals without -s, and nouns that count without changing ("20 staff", "300 police").
constexpr auto kPluralWords = std::to_array<std::string_view>({
    "aircraft"sv, "cattle"sv, "children"sv, "crew"sv, "deer"sv, "feet"sv, "fish"sv, "geese"sv,
    "livestock"sv, "men"sv, "mice"sv, "offspring"sv, "people"sv, "personnel"sv, "police"sv,
    "sheep"sv, "spacecraft"sv, "staff"sv, "teeth"sv, "women"sv,
});

// ---- tables read as written ----

constexpr auto kCurrencyCodes = std::to_array<std::string_view>({
    "AED"sv, "AUD"sv, "BGN"sv, "BRL"sv, "BYN"sv, "CAD"sv, "CHF"sv, "CNY"sv, "CZK"sv, "DKK"sv,
    "EUR"sv, "GBP"sv, "GEL"sv, "HKD"sv, "HUF"sv, "ILS"sv, "INR"sv, "JPY"sv, "KRW"sv, "KZT"sv,
    "MXN"sv, "NOK"sv, "NZD"sv, "PLN"sv, "QAR"sv, "RON"sv, "RUB"sv, "SAR"sv, "SEK"sv, "SGD"sv,
    "TRY"sv, "TWD"sv, "UAH"sv, "USD"sv, "ZAR"sv,
});

constexpr auto kTimeZones = std::to_array<std::string_view>({
    "BST"sv, "CDT"sv, "CEST"sv, "CET"sv, "CST"sv, "CT"sv, "EDT"sv, "EEST"sv, "EET"sv, "EST"sv,
    "ET"sv, "GMT"sv, "MSK"sv, "PDT"sv, "PST"sv, "PT"sv, "UTC"sv,
});

constexpr auto kSymbols = std::to_array<Named>({
    {"$"sv, "USD"sv},
    {"\xe2\x82\xac"sv, "EUR"sv},  // €
    {"\xc2\xa3"sv, "GBP"sv},      // £
    {"\xc2\xa5"sv, "JPY"sv},      // ¥
    {"\xe2\x82\xbd"sv, "RUB"sv},  // ₽
    {"\xe2\x82\xb4"sv, "UAH"sv},  // ₴
    {"\xe2\x82\xb9"sv, "INR"sv},  // ₹
    {"\xe2\x82\xa9"sv, "KRW"sv},  // ₩
    {"\xe2\x82\xaa"sv, "ILS"sv},  // ₪
    {"\xe2\x82\xba"sv, "TRY"sv},  // ₺
});

constexpr auto kDollarPrefixes = std::to_array<Named>({
    {"A"sv, "AUD"sv}, {"AU"sv, "AUD"sv}, {"C"sv, "CAD"sv}, {"CA"sv, "CAD"sv},
    {"HK"sv, "HKD"sv}, {"MX"sv, "MXN"sv}, {"NT"sv, "TWD"sv}, {"NZ"sv, "NZD"sv},
    {"R"sv, "BRL"sv}, {"S"sv, "SGD"sv}, {"US"sv, "USD"sv},
});

constexpr auto kIrregular = std::to_array<Irregular>({
    {"analyses"sv, "analysis"sv}, {"calves"sv, "calf"sv}, {"cargoes"sv, "cargo"sv},
    {"crises"sv, "crisis"sv}, {"criteria"sv, "criterion"sv}, {"echoes"sv, "echo"sv},
    {"embargoes"sv, "embargo"sv}, {"feet"sv, "foot"sv}, {"geese"sv, "goose"sv},
    {"halves"sv, "half"sv}, {"heroes"sv, "hero"sv}, {"knives"sv, "knife"sv},
    {"leaves"sv, "leaf"sv}, {"lives"sv, "life"sv}, {"men"sv, "man"sv}, {"mice"sv, "mouse"sv},
    {"people"sv, "person"sv}, {"phenomena"sv, "phenomenon"sv}, {"potatoes"sv, "potato"sv},
    {"shelves"sv, "shelf"sv}, {"teeth"sv, "tooth"sv}, {"theses"sv, "thesis"sv},
    {"thieves"sv, "thief"sv}, {"tomatoes"sv, "tomato"sv}, {"torpedoes"sv, "torpedo"sv},
    {"vetoes"sv, "veto"sv}, {"volcanoes"sv, "volcano"sv}, {"wives"sv, "wife"sv},
    {"wolves"sv, "wolf"sv},
});

// Words that look plural but are not, or do not change: left as they are.
constexpr auto kUnchanged = std::to_array<std::string_view>({
    "abdomen"sv, "aircraft"sv, "amen"sv, "barracks"sv, "cattle"sv, "crew"sv, "deer"sv, "fish"sv,
    "headquarters"sv, "hymen"sv, "livestock"sv, "means"sv, "news"sv, "offspring"sv, "omen"sv,
    "personnel"sv, "police"sv, "regimen"sv, "series"sv, "sheep"sv, "spacecraft"sv, "species"sv,
    "specimen"sv, "staff"sv, "stamen"sv, "yemen"sv,
});

// clang-format on

template <size_t N>
constexpr bool sorted(const std::array<std::string_view, N>& a) {
  for (size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) return false;
  }
  return true;
}
static_assert(sorted(kCurrencyCodes), "kCurrencyCodes must stay sorted for binary_search");
static_assert(sorted(kTimeZones), "kTimeZones must stay sorted for binary_search");
static_assert(sorted(kUnchanged), "kUnchanged must stay sorted for binary_search");

std::unordered_map<std::string_view, Word> build() {
  std::unordered_map<std::string_view, Word> t;
  t.reserve(512);
  for (const Valued& v : kCardinals) t[v.word].cardinal = v.value;
  for (const Valued& v : kOrdinals) t[v.word].ordinal = static_cast<int32_t>(v.value);
  for (const MonthName& m : kMonths) {
    Word& w = t[m.word];
    w.month = m.month;
    w.month_abbrev = m.abbrev;
    w.month_ambiguous = m.ambiguous;
  }
  for (size_t d = 0; d < kWeekdays.size(); ++d) t[kWeekdays[d]].weekday = static_cast<int8_t>(d);
  for (const UnitName& u : kTimeUnits) {
    Word& w = t[u.word];
    w.time_unit = u.unit;
    w.unit_multiple = u.multiple;
    w.unit_plural = u.plural;
  }
  for (const Named& c : kCurrencyWords) t[c.word].currency = c.code;
  t["pound"].flags |= kWeakCurrency;
  t["pounds"].flags |= kWeakCurrency;
  for (const Named& c : kCurrencyAdjectives) t[c.word].currency_adjective = c.code;
  for (std::string_view w : kStopWords) t[w].flags |= kStop;
  for (std::string_view w : kModifiers) t[w].flags |= kModifier;
  for (std::string_view w : kPrepositions) t[w].flags |= kPreposition;
  for (std::string_view w : kOrdinalNouns) t[w].flags |= kOrdinalNoun;
  for (std::string_view w : kPluralWords) t[w].flags |= kPlural;
  for (std::string_view w : {"several"sv, "few"sv, "many"sv}) t[w].flags |= kVague;
  for (std::string_view w : {"a"sv, "an"sv}) t[w].flags |= kArticle;
  for (std::string_view w : {"a"sv, "the"sv, "this"sv, "last"sv, "next"sv, "that"sv}) {
    t[w].flags |= kDeterminer;
  }
  for (std::string_view w : {"once"sv, "twice"sv, "thrice"sv, "times"sv, "per"sv}) {
    t[w].flags |= kRate;
  }
  for (std::string_view w : {"percent"sv, "pct"sv}) t[w].flags |= kPercent;
  t["dozen"].flags |= kDozen;
  t["weekend"].flags |= kWeekend;
  t["half"].flags |= kHalf;
  t["noon"].clock_hour = 12;
  t["midday"].clock_hour = 12;
  t["midnight"].clock_hour = 0;
  for (std::string_view w : {"a.m."sv, "a.m"sv, "am"sv}) t[w].meridiem = 1;
  for (std::string_view w : {"p.m."sv, "p.m"sv, "pm"sv}) t[w].meridiem = 2;
  return t;
}

const std::unordered_map<std::string_view, Word>& table() {
  static const std::unordered_map<std::string_view, Word> t = build();
  return t;
}

template <size_t N>
std::string_view code_of(const std::array<Named, N>& table, std::string_view word) {
  for (const Named& n : table) {
    if (n.word == word) return n.code;
  }
  return {};
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

const Word* english_word(std::string_view folded) {
  if (ends_with(folded, "'s") && folded.size() > 2) folded.remove_suffix(2);
  const auto& t = table();
  auto it = t.find(folded);
  return it == t.end() ? nullptr : &it->second;
}

std::string_view currency_symbol(std::string_view token) { return code_of(kSymbols, token); }

std::string_view foreign_currency_word(std::string_view folded) {
  return code_of(kForeignCurrencyWords, folded);
}

bool is_currency_code(std::string_view token) {
  return token.size() == 3 &&
         std::binary_search(kCurrencyCodes.begin(), kCurrencyCodes.end(), token);
}

std::string_view dollar_prefix(std::string_view token) { return code_of(kDollarPrefixes, token); }

bool is_time_zone(std::string_view token) {
  return std::binary_search(kTimeZones.begin(), kTimeZones.end(), token);
}

std::string singular(std::string_view w) {
  if (ends_with(w, "'s")) {
    w.remove_suffix(2);
  } else if (ends_with(w, "'")) {
    w.remove_suffix(1);
  }
  if (w.size() < 3) return std::string(w);
  for (const Irregular& i : kIrregular) {
    if (i.plural == w) return std::string(i.singular);
  }
  if (std::binary_search(kUnchanged.begin(), kUnchanged.end(), w)) return std::string(w);
  std::string s(w);
  if (ends_with(w, "children")) {  // "grandchildren"
    s.resize(s.size() - 3);
  } else if (ends_with(w, "men") && w.size() > 3) {  // "gunmen", "women", "servicemen"
    s[s.size() - 2] = 'a';
  } else if (ends_with(w, "ies") && w.size() > 4) {  // "casualties"
    s.resize(s.size() - 3);
    s.push_back('y');
  } else if (ends_with(w, "sses") || ends_with(w, "shes") || ends_with(w, "ches") ||
             ends_with(w, "xes") || ends_with(w, "zzes")) {  // "losses", "churches", "taxes"
    s.resize(s.size() - 2);
  } else if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
             !ends_with(w, "is")) {
    s.pop_back();
  }
  return s;
}

std::string_view unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond: return "second";
    case TimeUnit::kMinute: return "minute";
    case TimeUnit::kHour: return "hour";
    case TimeUnit::kDay: return "day";
    case TimeUnit::kWeek: return "week";
    case TimeUnit::kMonth: return "month";
    case TimeUnit::kYear: return "year";
    case TimeUnit::kNone: break;
  }
  return {};
}

}  // namespace crosscheck::facts
