#include "src/dedup/shingles.h"

#include <array>
#include <bit>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "src/dedup/hash.h"

namespace crosscheck::dedup {
namespace {

// kAscii[c]: the lower-case byte for ASCII letters and digits, 0 for every ASCII separator,
// 0x80 as a marker for bytes >= 0x80 (multi-byte UTF-8, handled by the slow path).
constexpr std::array<uint8_t, 256> make_ascii_table() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<uint8_t>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<uint8_t>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<uint8_t>(c + 32);
  for (int c = 0x80; c < 0x100; ++c) t[c] = 0x80;
  return t;
}
constexpr std::array<uint8_t, 256> kAscii = make_ascii_table();

// Non-ASCII code points that separate words: Latin-1 punctuation and symbols (but not the
// ordinal indicators and micro sign, which are letters), general punctuation and spaces
// (U+2000-206F: dashes, curly quotes, ellipsis), currency, arrows to miscellaneous symbols, CJK
// punctuation, fullwidth ASCII punctuation, the BOM, the replacement character and emoji.
bool is_separator(char32_t cp) {
  if (cp < 0xC0) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp < 0x2000) return false;
  if (cp <= 0x206F) return true;
  if (cp >= 0x20A0 && cp <= 0x20CF) return true;
  if (cp >= 0x2190 && cp <= 0x2BFF) return true;
  if (cp >= 0x3000 && cp <= 0x303F) return true;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  if (cp == 0xFEFF || cp == 0xFFFD) return true;
  return cp >= 0x1F000 && cp <= 0x1FAFF;
}

// Simple lower-casing of the scripts news text mostly uses beyond ASCII; anything else is kept.
char32_t to_lower(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool even_upper = (cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) return cp + 1;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

// Decodes one code point at p (< end), advancing p. Invalid or truncated sequences decode as
// U+FFFD, one byte at a time, and a sequence never swallows an ASCII byte: so a run of non-ASCII
// bytes between two ASCII bytes splits the same way alone as inside the whole text, which the
// fast path relies on.
inline char32_t decode(const char*& p, const char* end) {
  const auto c = static_cast<uint8_t>(*p);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  if (c < 0xC2 || c > 0xF4 || end - p <= extra) {
    ++p;
    return 0xFFFD;
  }
  char32_t cp = c & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    const auto d = static_cast<uint8_t>(p[i]);
    if ((d & 0xC0) != 0x80) {
      ++p;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  p += extra + 1;
  return cp;
}

// Splits `text` into words and hands each word's bytes (lower-cased, UTF-8) to a sink. The sink
// gets push(byte) for every byte and end() after every word. ASCII takes one table lookup per
// byte; only bytes >= 0x80 decode a code point.
template <class Sink>
void split(std::string_view text, Sink& sink) {
  const char* p = text.data();
  const char* end = p + text.size();
  bool in_word = false;
  while (p < end) {
    uint8_t c = static_cast<uint8_t>(*p);
    uint8_t l = kAscii[c];
    if (l != 0 && l != 0x80) {
      sink.push(l);
      in_word = true;
      ++p;
      continue;
    }
    if (l == 0) {
      if (in_word) sink.end();
      in_word = false;
      ++p;
      continue;
    }
    char32_t cp = decode(p, end);
    if (is_separator(cp)) {
      if (in_word) sink.end();
      in_word = false;
      continue;
    }
    cp = to_lower(cp);
    if (cp < 0x800) {
      sink.push(static_cast<uint8_t>(0xC0 | (cp >> 6)));
    } else if (cp < 0x10000) {
      sink.push(static_cast<uint8_t>(0xE0 | (cp >> 12)));
      sink.push(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    } else {
      sink.push(static_cast<uint8_t>(0xF0 | (cp >> 18)));
      sink.push(static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F)));
      sink.push(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    }
    sink.push(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
    in_word = true;
  }
  if (in_word) sink.end();
}

// Hashes each word eight bytes at a time: bytes collect in `acc`, a full word of eight is mixed
// into `h`; the word's length goes into the final mix so that "ab" and "ab\0" cannot collide.
struct HashSink {
  std::vector<uint64_t>* out;
  uint64_t seed;
  uint64_t h;
  uint64_t acc = 0;
  uint32_t shift = 0;
  uint32_t len = 0;

  void push(uint8_t b) {
    // A full chunk is mixed in only when a ninth byte arrives, so the last chunk of a word
    // (full or not) always goes to the final mix: words up to 8 bytes cost one mum, up to 16
    // two, which lets the fast path handle both without a loop.
    if (shift == 64) {
      h = mum(h ^ acc, kMix1);
      acc = 0;
      shift = 0;
    }
    acc |= static_cast<uint64_t>(b) << shift;
    shift += 8;
    ++len;
  }
  void end() {
    out->push_back(mum(h ^ acc ^ kMix2, kMix3 ^ len));
    h = seed;
    acc = 0;
    shift = 0;
    len = 0;
  }
};

struct StringSink {
  std::vector<std::string>* out;
  std::string word;
  void push(uint8_t b) { word.push_back(static_cast<char>(b)); }
  void end() {
    out->push_back(word);
    word.clear();
  }
};

// Multiplier of the polynomial hash of the whole word sequence (odd, so every power is
// invertible mod 2^64 and two sequences that differ in one word always hash differently).
constexpr uint64_t kExactBase = kMix1 | 1;

// Bit i set when byte i of the (up to) 64 bytes at p belongs to a run of word bytes: an ASCII
// letter or digit, or any byte >= 0x80 (decided later, per run, by the slow path).
inline uint64_t run_mask(const uint8_t* p, size_t n) {
#if defined(__SSE2__)
  if (n == 64) {
    uint64_t m = 0;
    const __m128i lower_bit = _mm_set1_epi8(0x20);
    const __m128i alpha_shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i alpha_limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
    const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
    const __m128i digit_limit = _mm_set1_epi8(static_cast<char>(-128 + 10));
    for (int i = 0; i < 4; ++i) {
      __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
      // (c | 0x20) in 'a'..'z' and c in '0'..'9' as signed compares after shifting the range
      // to start at -128 (SSE2 has no unsigned byte compare).
      __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(c, lower_bit), alpha_shift),
                                     alpha_limit);
      __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(c, digit_shift), digit_limit);
      uint32_t bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit))) |
                      static_cast<uint32_t>(_mm_movemask_epi8(c));  // high bit: non-ASCII
      m |= static_cast<uint64_t>(bits) << (16 * i);
    }
    return m;
  }
#endif
  uint64_t m = 0;
  for (size_t i = 0; i < n; ++i) m |= static_cast<uint64_t>(kAscii[p[i]] != 0) << i;
  return m;
}

constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t kCaseBits = 0x2020202020202020ull;

inline uint64_t load8(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Low `n` bytes of a 64-bit word, for n in [0, 8].
inline uint64_t low_bytes(size_t n) { return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1; }

// Hashes one run of word bytes [s, s + len) that is all ASCII letters and digits, exactly as
// HashSink would (bytes little-endian in 8-byte chunks; OR 0x20 lower-cases letters and leaves
// digits alone). Returns false, having written nothing, when the run holds a byte >= 0x80.
inline bool hash_ascii_run(const uint8_t* s, size_t len, const uint8_t* end, uint64_t seed,
                           uint64_t& out) {
  if (len <= 16 && s + 16 <= end) {
    // Nearly every word: two loads, masks, and the second mum computed unconditionally so that
    // word length costs no branch.
    const uint64_t m0 = low_bytes(len);
    const uint64_t m1 = low_bytes(len > 8 ? len - 8 : 0);
    const uint64_t c0 = load8(s) & m0;
    const uint64_t c1 = load8(s + 8) & m1;
    if ((c0 | c1) & kHighBits) return false;
    const uint64_t w0 = c0 | (kCaseBits & m0);
    const uint64_t w1 = c1 | (kCaseBits & m1);
    const uint64_t mixed = mum(seed ^ w0, kMix1);
    const uint64_t h = len > 8 ? mixed : seed;
    const uint64_t acc = len > 8 ? w1 : w0;
    out = mum(h ^ acc ^ kMix2, kMix3 ^ static_cast<uint32_t>(len));
    return true;
  }
  uint64_t h = seed;
  size_t j = 0;
  for (; j + 8 < len; j += 8) {  // all chunks but the last
    uint64_t c = load8(s + j);
    if (c & kHighBits) return false;
    h = mum(h ^ (c | kCaseBits), kMix1);
  }
  const size_t rem = len - j;  // 1..8
  const uint64_t keep = low_bytes(rem);
  uint64_t c = 0;
  if (s + j + 8 <= end) {
    c = load8(s + j) & keep;
  } else {
    std::memcpy(&c, s + j, rem);
  }
  if (c & kHighBits) return false;
  out = mum(h ^ (c | (kCaseBits & keep)) ^ kMix2, kMix3 ^ static_cast<uint32_t>(len));
  return true;
}

}  // namespace

void word_hashes_reference(std::string_view text, uint64_t seed, std::vector<uint64_t>& out) {
  out.clear();
  HashSink sink{&out, seed ^ kMix0, seed ^ kMix0};
  split(text, sink);
}

void word_hashes(std::string_view text, uint64_t seed, std::vector<uint64_t>& out) {
  if constexpr (std::endian::native != std::endian::little) {
    word_hashes_reference(text, seed, out);
    return;
  }
  // Runs of word bytes are found 64 bytes at a time from a bit mask; an all-ASCII run (nearly
  // every run in news text) is hashed straight from memory, a run with non-ASCII bytes goes
  // through the code-point splitter, which may cut it into several words or none. Runs are
  // bounded by ASCII separators, so splitting one alone gives what splitting the text would.
  const uint8_t* base = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const uint8_t* end = base + n;
  const uint64_t word_seed = seed ^ kMix0;
  out.clear();
  out.reserve(n / 2 + 2);  // a word takes at least one byte and one separator
  HashSink slow{&out, word_seed, word_seed};

  auto emit = [&](size_t start, size_t stop) {
    uint64_t h;
    if (hash_ascii_run(base + start, stop - start, end, word_seed, h)) {
      out.push_back(h);
      return;
    }
    split(std::string_view(text.data() + start, stop - start), slow);
  };

  bool in_run = false;
  size_t run_start = 0;
  for (size_t block = 0; block < n; block += 64) {
    const size_t len = std::min<size_t>(64, n - block);
    const uint64_t valid = len == 64 ? ~0ull : (1ull << len) - 1;
    const uint64_t m = run_mask(base + block, len) & valid;
    size_t pos = 0;
    while (pos < len) {
      const uint64_t from = ~0ull << pos;
      if (!in_run) {
        uint64_t starts = m & from;
        if (starts == 0) break;
        pos = static_cast<size_t>(std::countr_zero(starts));
        run_start = block + pos;
        in_run = true;
      }
      uint64_t stops = ~m & valid & (~0ull << pos);
      if (stops == 0) break;  // the run continues into the next block
      pos = static_cast<size_t>(std::countr_zero(stops));
      emit(run_start, block + pos);
      in_run = false;
    }
  }
  if (in_run) emit(run_start, n);
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  StringSink sink{&out, {}};
  split(text, sink);
  return out;
}

void shingle_hashes(std::string_view text, int k, uint64_t seed, ShingleSet& out) {
  word_hashes(text, seed, out.words);
  const std::vector<uint64_t>& w = out.words;
  const size_t n = w.size();
  out.num_words = static_cast<uint32_t>(n);
  out.hashes.clear();

  // Four interleaved polynomial chains: the same order-sensitive hash as one chain, but four
  // independent multiply-add dependencies instead of one long one.
  uint64_t e[4] = {0, 1, 2, 3};
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    for (int l = 0; l < 4; ++l) e[l] = e[l] * kExactBase + w[i + l];
  }
  for (int l = 0; i < n; ++i, ++l) e[l] = e[l] * kExactBase + w[i];
  out.exact = mix64(mum(e[0] ^ kMix0, e[1] ^ kMix1) ^ mum(e[2] ^ kMix2, e[3] ^ kMix3) ^ n, seed);
  if (n == 0) return;

  const uint64_t final_key = seed ^ kMix4;
  const size_t kk = static_cast<size_t>(k);
  if (n < kk) {
    uint64_t s = 0;
    for (uint64_t x : w) s = std::rotl(s, 1) ^ x;
    out.hashes.push_back(mum(s ^ final_key ^ (n << 56), kMix1));
    return;
  }
  // Rolling "buzhash" over word hashes: s_i = XOR_j rotl(w_{i+j}, k-1-j). Sliding the window is
  // one rotate and two XORs (a 2-cycle dependency per shingle, where a polynomial needs two
  // multiplies); the final mum removes the XOR-linearity between overlapping shingles.
  uint64_t s = 0;
  for (size_t j = 0; j < kk; ++j) s = std::rotl(s, 1) ^ w[j];
  out.hashes.reserve(n - kk + 1);
  out.hashes.push_back(mum(s ^ final_key, kMix1));
  const int kr = k % 64;
  for (size_t j = kk; j < n; ++j) {
    s = std::rotl(s, 1) ^ std::rotl(w[j - kk], kr) ^ w[j];
    out.hashes.push_back(mum(s ^ final_key, kMix1));
  }
}

}  // namespace crosscheck::dedup
