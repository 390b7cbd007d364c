#include "src/entities/lexical.h"

#include <unicode/uchar.h>

#include "crosscheck/utf8.h"
#include "src/entities/hash.h"

namespace crosscheck::entities {
namespace {

constexpr size_t kMaxBytes = 96;  // longer tokens are hashed by their first code points only

enum class Cls : uint8_t { kUpper, kLower, kDigit, kOtherLetter, kOther };

Cls classify(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return Cls::kUpper;
    if (c >= 'a' && c <= 'z') return Cls::kLower;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    return Cls::kOther;
  }
  if (u_isupper(UChar32(c)) || u_istitle(UChar32(c))) return Cls::kUpper;
  if (u_islower(UChar32(c))) return Cls::kLower;
  if (u_isdigit(UChar32(c))) return Cls::kDigit;
  if (u_isalpha(UChar32(c))) return Cls::kOtherLetter;
  return Cls::kOther;
}

void append_utf8(char32_t c, char* buf, size_t* n) {
  if (c < 0x80) {
    buf[(*n)++] = char(c);
  } else if (c < 0x800) {
    buf[(*n)++] = char(0xC0 | (c >> 6));
    buf[(*n)++] = char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    buf[(*n)++] = char(0xE0 | (c >> 12));
    buf[(*n)++] = char(0x80 | ((c >> 6) & 0x3F));
    buf[(*n)++] = char(0x80 | (c & 0x3F));
  } else {
    buf[(*n)++] = char(0xF0 | (c >> 18));
    buf[(*n)++] = char(0x80 | ((c >> 12) & 0x3F));
    buf[(*n)++] = char(0x80 | ((c >> 6) & 0x3F));
    buf[(*n)++] = char(0x80 | (c & 0x3F));
  }
}

char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return char32_t(u_tolower(UChar32(c)));
}

char32_t to_upper(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  return char32_t(u_toupper(UChar32(c)));
}

// The forms of a token, built in one pass over its code points.
struct Forms {
  char lower[kMaxBytes + 4], title[kMaxBytes + 4], shape[kMaxBytes + 4], short_shape[kMaxBytes + 4];
  size_t lower_n = 0, title_n = 0, shape_n = 0, short_n = 0;
  uint32_t starts[kMaxBytes + 4];  // byte offset of each code point in `lower`
  size_t cps = 0;
  uint16_t flags = 0;
};

void build_forms(std::string_view token, Forms& f) {
  const char* p = token.data();
  const char* end = p + token.size();
  char prev_shape = 0;
  size_t run = 0;
  bool any_letter = false, any_digit = false, all_digit = true, any_upper = false;
  bool any_lower = false, first_letter_seen = false;
  while (p < end && f.lower_n + 4 <= kMaxBytes) {
    char32_t c = utf8::decode(p, end);
    Cls k = classify(c);
    char s;
    switch (k) {
      case Cls::kUpper:
        s = 'X';
        break;
      case Cls::kLower:
        s = 'x';
        break;
      case Cls::kDigit:
        s = 'd';
        break;
      case Cls::kOtherLetter:
        s = 'x';
        break;
      default:
        s = c < 0x80 ? char(c) : 'o';
        break;
    }
    bool letter = k == Cls::kUpper || k == Cls::kLower || k == Cls::kOtherLetter;
    if (letter) {
      if (!first_letter_seen && k == Cls::kUpper) f.flags |= kInitCap;
      if (f.cps > 0 && k == Cls::kUpper && first_letter_seen) f.flags |= kMixedCaps;
      first_letter_seen = true;
      any_letter = true;
    }
    if (k == Cls::kUpper) any_upper = true;
    if (k == Cls::kLower) any_lower = true;
    if (k == Cls::kDigit)
      any_digit = true;
    else
      all_digit = false;
    if (c == '-' && f.cps > 0) f.flags |= kHasHyphen;
    if (c == '.') f.flags |= kHasPeriod;

    f.starts[f.cps++] = uint32_t(f.lower_n);
    char32_t low = k == Cls::kDigit && c < 0x80 ? U'0' : to_lower(c);
    append_utf8(low, f.lower, &f.lower_n);
    append_utf8(f.title_n == 0 ? to_upper(c) : to_lower(c), f.title, &f.title_n);

    run = s == prev_shape ? run + 1 : 1;
    if (run <= 4) f.shape[f.shape_n++] = s;
    if (run == 1) f.short_shape[f.short_n++] = s;
    prev_shape = s;
  }
  (void)any_upper;
  if (any_letter && !any_lower) f.flags |= kAllCaps;
  if (any_lower) f.flags |= kHasLower;
  if (any_digit) f.flags |= kHasDigit;
  if (any_digit && all_digit) f.flags |= kAllDigit;
  if (!any_letter && !any_digit) f.flags |= kNoLetter;
}

}  // namespace

Lexeme analyze_token(std::string_view token) {
  Forms f;
  build_forms(token, f);
  Lexeme x;
  x.word = hash_bytes(token);
  std::string_view lower(f.lower, f.lower_n);
  x.lower = hash_bytes(lower);
  x.title = hash_bytes(std::string_view(f.title, f.title_n));
  x.shape = hash_bytes(std::string_view(f.shape, f.shape_n), 0x5aa5);
  x.short_shape = hash_bytes(std::string_view(f.short_shape, f.short_n), 0xa55a);
  x.flags = f.flags;
  x.length = uint8_t(f.cps > 255 ? 255 : f.cps);
  // Affixes: prefix k ends where code point k starts; the FNV state extends incrementally.
  uint64_t state = kFnvOffset ^ 0x9e37;
  size_t done = 0;
  for (size_t k = 1; k <= 4 && k <= f.cps; ++k) {
    size_t stop = k < f.cps ? f.starts[k] : f.lower_n;
    state = fnv_extend(state, lower.substr(done, stop - done));
    done = stop;
    x.prefix[k - 1] = mix64(state + k);
    x.suffix[k - 1] = hash_bytes(lower.substr(f.starts[f.cps - k]), 0x7f4a + k);
  }
  return x;
}

std::string word_shape(std::string_view token, bool collapse) {
  Forms f;
  build_forms(token, f);
  return collapse ? std::string(f.short_shape, f.short_n) : std::string(f.shape, f.shape_n);
}

std::string lower_form(std::string_view token) {
  Forms f;
  build_forms(token, f);
  return std::string(f.lower, f.lower_n);
}

}  // namespace crosscheck::entities
