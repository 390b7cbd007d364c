#include "crosscheck/utf8.h"

namespace crosscheck::utf8 {
namespace {

// Length of the well-formed sequence starting at p (1..4), or 0 when the bytes at p do not start
// a well-formed sequence. Follows Table 3-7 of the Unicode standard (no overlongs, no surrogates).
inline size_t valid_sequence_length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t avail = static_cast<size_t>(end - p);
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return (avail >= 2 && cont(p[1])) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3) return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    return (p[1] >= lo && p[1] <= hi && cont(p[2])) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4) return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    return (p[1] >= lo && p[1] <= hi && cont(p[2]) && cont(p[3])) ? 4 : 0;
  }
  return 0;
}

// Length of the maximal invalid subpart at p (at least 1): a lead byte followed by the
// continuation bytes that could still have completed it.
inline size_t invalid_length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  size_t want = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) want = 2;
  else if (c >= 0xE0 && c <= 0xEF) { want = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
  else if (c >= 0xF0 && c <= 0xF4) { want = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
  else return 1;
  size_t n = 1;
  if (p + n < end && p[n] >= lo && p[n] <= hi) {
    ++n;
    while (n < want && p + n < end && (p[n] & 0xC0) == 0x80) ++n;
  }
  return n;  // < want: a complete sequence would have been valid
}

}  // namespace

bool is_valid(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  auto end = p + s.size();
  while (p < end) {
    // ASCII fast path, 8 bytes at a time.
    while (end - p >= 8) {
      uint64_t w;
      __builtin_memcpy(&w, p, 8);
      if (w & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p >= end) break;
    size_t n = valid_sequence_length(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

size_t repair(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  auto p = reinterpret_cast<const unsigned char*>(in.data());
  auto end = p + in.size();
  size_t replaced = 0;
  const unsigned char* run = p;  // start of the current run of valid bytes
  while (p < end) {
    size_t n = (p[0] != 0) ? valid_sequence_length(p, end) : 0;
    if (n != 0) {
      p += n;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
    out.append("\xEF\xBF\xBD");
    ++replaced;
    p += (p[0] == 0) ? 1 : invalid_length(p, end);
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
  return replaced;
}

size_t count(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += is_lead(c);
  return n;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.append("\xEF\xBF\xBD");
  }
}

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 64 + 1);
  uint32_t cps = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((i & 63) == 0) checkpoints_.push_back(cps);
    cps += is_lead(text[i]);
  }
  if (text.empty()) checkpoints_.push_back(0);
  total_ = cps;
}

uint32_t OffsetMap::to_code_points(size_t byte_offset) const {
  if (byte_offset >= text_.size()) return total_;
  size_t block = byte_offset >> 6;
  uint32_t cps = checkpoints_[block];
  for (size_t i = block << 6; i < byte_offset; ++i) cps += is_lead(text_[i]);
  return cps;
}

}  // namespace crosscheck::utf8
