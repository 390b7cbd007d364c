// Locale-free ASCII character tests, inlined. The <cctype> functions are calls through the C
// locale's tables; on hot scanning loops over every byte of every article that call dominates.
#pragma once

namespace crosscheck::ascii {

constexpr bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr char to_lower(char c) {
  return is_upper(static_cast<unsigned char>(c)) ? static_cast<char>(c + ('a' - 'A')) : c;
}

}  // namespace crosscheck::ascii
