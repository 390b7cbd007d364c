// What a token's characters alone say about it: hashes of its forms, its shape and affixes, and
// case flags. Computed once per token and then combined into features (src/entities/features.cc).
//
// All form hashes use the same seed, so hash(lower form of "JAPAN") == hash("japan"): the word
// clusters and the gazetteer look tokens up by these hashes, falling back from the exact form to
// the title-cased and the lower-cased one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::entities {

enum TokenFlag : uint16_t {
  kInitCap = 1 << 0,    // first letter upper case ("Paris", "McDonald", "U.S.")
  kAllCaps = 1 << 1,    // has letters, none lower case ("NATO", "U.S.")
  kHasLower = 1 << 2,   // some letter is lower case
  kHasDigit = 1 << 3,   // some digit
  kAllDigit = 1 << 4,   // digits only
  kHasHyphen = 1 << 5,  // '-' inside
  kHasPeriod = 1 << 6,  // '.' anywhere
  kNoLetter = 1 << 7,   // no letter and no digit (punctuation, symbols)
  kMixedCaps = 1 << 8,  // an upper-case letter after the first character ("McDonald", "iPhone")
};

struct Lexeme {
  uint64_t word = 0;         // exact bytes
  uint64_t lower = 0;        // lower-cased, digits mapped to 0 ("1996" -> "0000")
  uint64_t title = 0;        // first letter upper, rest lower ("JAPAN" -> "Japan")
  uint64_t shape = 0;        // long shape: X, x, d per character, runs capped at 4 ("Xxxxx")
  uint64_t short_shape = 0;  // runs collapsed ("Xx", "X.X.", "d-d")
  uint64_t prefix[4] = {};   // lower form's first k code points, k = 1..4 (0 when too short)
  uint64_t suffix[4] = {};   // lower form's last k code points
  uint16_t flags = 0;
  uint8_t length = 0;  // code points, capped at 255
};

// Analyses one token. Any bytes are accepted (invalid UTF-8 is read leniently, never past the end).
Lexeme analyze_token(std::string_view token);

// The shapes as strings (what analyze_token hashes), for tests and debugging.
std::string word_shape(std::string_view token, bool collapse);

// The lower-cased form with digits mapped to '0', as hashed into Lexeme::lower.
std::string lower_form(std::string_view token);

}  // namespace crosscheck::entities
