// Locale-free ASCII character tests, inlined. The <cctype> functions are calls through the C
// locale's tables; on hot scanning loops over every byte of every article that call dominates.
#pragma once

#include <string_view>

namespace crosscheck::ascii {

constexpr bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr char to_lower(char c) {
  return is_upper(static_cast<unsigned char>(c)) ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Case-insensitive equality of ASCII letters (other bytes compare exactly).
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// Where `needle` first occurs in `haystack`, ASCII letters compared case-insensitively; npos when
// it does not (0 for an empty needle). The first byte is compared before the rest: most positions
// fail there.
constexpr size_t ifind(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  if (needle.size() > haystack.size()) return std::string_view::npos;
  const char first = to_lower(needle[0]);
  for (size_t at = 0; at + needle.size() <= haystack.size(); ++at) {
    if (to_lower(haystack[at]) == first && iequals(haystack.substr(at, needle.size()), needle))
      return at;
  }
  return std::string_view::npos;
}

// Whether `needle` occurs in `haystack`, ASCII letters compared case-insensitively.
constexpr bool icontains(std::string_view haystack, std::string_view needle) {
  return ifind(haystack, needle) != std::string_view::npos;
}

// `s` without leading and trailing blanks (space, tab, CR) — the separators of header lines.
constexpr std::string_view trim_blanks(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace crosscheck::ascii
