// The abbreviation lexicon: news style (AP) titles, months, US states, company suffixes, and
// Latin shorthands, plus the short list of words that open sentences. Kept as sorted tables
// searched with std::binary_search: the splitter consults them once per candidate period.
#include "src/text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "crosscheck/utf8.h"
#include "src/text/char_class.h"

namespace crosscheck::text {
namespace {

using namespace std::string_view_literals;

// Followed by a name or a number, never by the end of a sentence.
constexpr auto kNeverFinal = std::to_array<std::string_view>({
    "Adm"sv, "Amb"sv, "Approx"sv, "Art"sv, "Atty"sv, "Capt"sv, "Cdr"sv, "Cmdr"sv, "Col"sv, "Cpl"sv,
    "Dr"sv, "Fig"sv, "Fr"sv, "Ft"sv, "Gen"sv, "Gov"sv, "Hon"sv, "Insp"sv, "Lt"sv, "Maj"sv,
    "Messrs"sv, "Mme"sv, "Mr"sv, "Mrs"sv, "Ms"sv, "Msgr"sv, "Mt"sv, "No"sv, "Nos"sv, "Nr"sv,
    "Pres"sv, "Prof"sv, "Pvt"sv, "Rep"sv, "Reps"sv, "Rev"sv, "Sen"sv, "Sens"sv, "Sgt"sv, "Supt"sv,
    "Vol"sv, "approx"sv, "ca"sv, "cf"sv, "e.g"sv, "i.e"sv, "pp"sv, "vs"sv, "z.B"sv,
});

// Abbreviations that may also close a sentence.
constexpr auto kCanEnd = std::to_array<std::string_view>({
    "Ala"sv, "Apr"sv, "Ariz"sv, "Ark"sv, "Assn"sv, "Aug"sv, "Ave"sv, "Blvd"sv, "Bros"sv, "Calif"sv,
    "Co"sv, "Colo"sv, "Conn"sv, "Corp"sv, "D.C"sv, "Dec"sv, "Del"sv, "Dept"sv, "E.U"sv, "Feb"sv,
    "Fla"sv, "Ga"sv, "Ill"sv, "Inc"sv, "Ind"sv, "Jan"sv, "Jr"sv, "Jul"sv, "Jun"sv, "Kan"sv,
    "Kans"sv, "Ky"sv, "La"sv, "Ltd"sv, "Mar"sv, "Mass"sv, "Md"sv, "Mich"sv, "Minn"sv, "Miss"sv,
    "Mo"sv, "Mont"sv, "N.C"sv, "N.D"sv, "N.H"sv, "N.J"sv, "N.M"sv, "N.Y"sv, "Neb"sv, "Nev"sv,
    "Nov"sv, "Oct"sv, "Okla"sv, "Ore"sv, "Pa"sv, "R.I"sv, "Rd"sv, "S.C"sv, "S.D"sv, "Sep"sv,
    "Sept"sv, "Sr"sv, "St"sv, "Tenn"sv, "Tex"sv, "U.K"sv, "U.N"sv, "U.S"sv, "U.S.A"sv, "Univ"sv,
    "Va"sv, "Vt"sv, "W.Va"sv, "Wash"sv, "Wis"sv, "Wyo"sv, "a.m"sv, "bzw"sv, "etc"sv, "p.m"sv,
    "usw"sv,
});

// Capitalised words that usually begin a sentence and rarely follow "U.S." or "Inc." inside one.
constexpr auto kOpeners = std::to_array<std::string_view>({
    "A"sv, "After"sv, "Also"sv, "Although"sv, "An"sv, "And"sv, "Another"sv, "As"sv, "At"sv,
    "Before"sv, "Both"sv, "But"sv, "By"sv, "Das"sv, "Der"sv, "Die"sv, "During"sv, "Each"sv, "El"sv,
    "Elle"sv, "Er"sv, "Es"sv, "Et"sv, "Even"sv, "For"sv, "From"sv, "He"sv, "Her"sv, "Here"sv,
    "His"sv, "How"sv, "However"sv, "I"sv, "If"sv, "Il"sv, "Ils"sv, "In"sv, "It"sv, "Its"sv, "La"sv,
    "Las"sv, "Le"sv, "Les"sv, "Los"sv, "Mais"sv, "Many"sv, "Meanwhile"sv, "Most"sv, "My"sv, "No"sv,
    "Not"sv, "Now"sv, "On"sv, "One"sv, "Our"sv, "She"sv, "Sie"sv, "Since"sv, "So"sv, "Some"sv,
    "Still"sv, "That"sv, "The"sv, "Their"sv, "Then"sv, "There"sv, "These"sv, "They"sv, "This"sv,
    "Those"sv, "Though"sv, "To"sv, "Und"sv, "Under"sv, "We"sv, "What"sv, "When"sv, "Where"sv,
    "While"sv, "Who"sv, "Why"sv, "Wir"sv, "With"sv, "Yet"sv, "You"sv,
});

template <size_t N>
constexpr bool sorted(const std::array<std::string_view, N>& a) {
  for (size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) return false;
  }
  return true;
}
static_assert(sorted(kNeverFinal), "kNeverFinal must stay sorted for binary_search");
static_assert(sorted(kCanEnd), "kCanEnd must stay sorted for binary_search");
static_assert(sorted(kOpeners), "kOpeners must stay sorted for binary_search");

template <size_t N>
bool contains(const std::array<std::string_view, N>& a, std::string_view w) {
  return std::binary_search(a.begin(), a.end(), w);
}

bool is_single_letter(std::string_view w) {
  if (w.empty()) return false;
  const char* p = w.data();
  char32_t cp = utf8::decode(p, w.data() + w.size());
  return p == w.data() + w.size() && classify_code_point(cp) == CharClass::kLetter;
}

// "U.S", "Ph.D", "e.g": segments of one or two letters joined by periods.
bool is_dotted_acronym(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t seg = 0;
  for (char c : w) {
    if (c == '.') {
      if (seg == 0) return false;
      seg = 0;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      if (++seg > 2) return false;
    } else {
      return false;
    }
  }
  return seg > 0;
}

}  // namespace

AbbreviationKind abbreviation_kind(std::string_view word) {
  if (size_t dash = word.rfind('-'); dash != std::string_view::npos) word.remove_prefix(dash + 1);
  if (word.empty()) return AbbreviationKind::kNone;
  if (contains(kNeverFinal, word)) return AbbreviationKind::kNeverFinal;
  if (contains(kCanEnd, word)) return AbbreviationKind::kCanEnd;
  // An initial ("John F. Kennedy") or an unlisted acronym ("Ph.D", "N.Y.C"): both may end a
  // sentence ("Plan B."), which the opener test decides.
  if (is_single_letter(word) || is_dotted_acronym(word)) return AbbreviationKind::kCanEnd;
  return AbbreviationKind::kNone;
}

bool is_sentence_opener(std::string_view word) { return contains(kOpeners, word); }

}  // namespace crosscheck::text
