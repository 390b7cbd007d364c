// Character classes shared by the sentence and token scanners.
//
// ASCII is answered from the byte; everything else asks ICU's property trie (u_charType), which
// is a couple of table lookups. Scanners call these only for non-ASCII code points.
#pragma once

#include <unicode/uchar.h>

#include <array>
#include <cstdint>

namespace crosscheck::text {

enum class CharClass : uint8_t {
  kSpace,   // white space and line breaks
  kLetter,  // L*, Nl: starts or continues a word
  kMark,    // M*: continues whatever it follows
  kDigit,   // Nd, No: starts or continues a number
  kFormat,  // Cf (ZWJ, ZWNJ, bidi marks): continues a word, otherwise ignored
  kPunct,   // P*
  kSymbol,  // S*, and anything unassigned or private
};

namespace detail {
constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kPunct;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kLetter;
    else if (c >= '0' && c <= '9') k = CharClass::kDigit;
    else if (c == ' ' || (c >= '\t' && c <= '\r')) k = CharClass::kSpace;
    else if (c < 0x20 || c == 0x7F) k = CharClass::kSymbol;
    else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
             c == '|' || c == '~') k = CharClass::kSymbol;  // Unicode Sc / Sm / Sk
    t[c] = k;
  }
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiClass = make_ascii_classes();
}  // namespace detail

inline CharClass classify_code_point(char32_t cp) {
  if (cp < 0x80) return detail::kAsciiClass[cp];
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_LETTER_NUMBER:
      return CharClass::kLetter;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER: case U_OTHER_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
      return CharClass::kSpace;
    case U_CONTROL_CHAR:
      return cp == 0x85 ? CharClass::kSpace : CharClass::kSymbol;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;
  }
}

// True for a letter that has case and is lower case ('a', 'é', 'ж'); false for upper case and for
// caseless scripts (CJK, Arabic), which the sentence splitter treats like capitals.
inline bool is_lower_letter(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

}  // namespace crosscheck::text
