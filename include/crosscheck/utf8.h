// UTF-8 helpers shared by every stage: validation and repair, decoding, and code point counting.
//
// Inside crosscheck all text is valid UTF-8 (readers repair input with U+FFFD); offsets that leave
// the process are code points. These helpers are the one place that knows the encoding.
//
//   std::string fixed;
//   size_t bad = crosscheck::utf8::repair(bytes, fixed);  // bad = number of invalid sequences
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::utf8 {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid(std::string_view s);

// Copies `in` to `out`, replacing each maximal invalid subsequence with U+FFFD (as the Unicode
// standard recommends). Also replaces NUL bytes with U+FFFD. Returns the number of replacements.
size_t repair(std::string_view in, std::string& out);

// Number of code points in valid UTF-8.
size_t count(std::string_view s);

// Decodes the code point at `p` (valid UTF-8) and advances `p`.
inline char32_t decode(const char*& p, const char* end) {
  unsigned char c = static_cast<unsigned char>(*p++);
  if (c < 0x80) return c;
  if (c < 0xE0) {
    char32_t v = (c & 0x1F) << 6;
    if (p < end) v |= static_cast<unsigned char>(*p++) & 0x3F;
    return v;
  }
  if (c < 0xF0) {
    char32_t v = (c & 0x0F) << 12;
    if (p < end) v |= (static_cast<unsigned char>(*p++) & 0x3F) << 6;
    if (p < end) v |= static_cast<unsigned char>(*p++) & 0x3F;
    return v;
  }
  char32_t v = (c & 0x07) << 18;
  if (p < end) v |= (static_cast<unsigned char>(*p++) & 0x3F) << 12;
  if (p < end) v |= (static_cast<unsigned char>(*p++) & 0x3F) << 6;
  if (p < end) v |= static_cast<unsigned char>(*p++) & 0x3F;
  return v;
}

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// True for a byte that starts a code point (not a continuation byte).
inline bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Maps UTF-8 byte offsets of one text to code point offsets in O(1) amortised per lookup when
// lookups come in increasing order, O(log n / 64) otherwise (checkpoints every 64 bytes).
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  uint32_t to_code_points(size_t byte_offset) const;

 private:
  std::string_view text_;
  std::basic_string<uint32_t> checkpoints_;  // code point count before byte 64*i
  uint32_t total_ = 0;
};

}  // namespace crosscheck::utf8
