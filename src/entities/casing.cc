#include "src/entities/casing.h"

#include <algorithm>
#include <unordered_map>

#include "src/entities/binary_io.h"
#include "src/entities/corpus_tokens.h"
#include "src/entities/hash.h"
#include "src/entities/lexical.h"

namespace crosscheck::entities {
namespace {

struct Counts {
  uint32_t lower = 0, capital = 0, caps = 0;
};

// Tokens after which a capital letter does not say "name": sentence-like starts.
bool opens_sentence(std::string_view t) {
  return t == "\"" || t == "``" || t == "(" || t == ":" || t == "-" || t == "--" || t == "'" ||
         t == "`" || t == "[" || t == ";" || t == "." || t == "?" || t == "!" || t == "*" ||
         t == "|";
}

uint8_t encode(const Counts& c) {
  const double total = double(c.lower) + c.capital + c.caps;
  const double r = (c.capital + c.caps) / total;
  uint32_t ratio = r < 0.02 ? 0 : r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.9 ? 4 : r < 0.98 ? 5 : 6;
  uint32_t freq = total < 10 ? 0 : total < 100 ? 1 : total < 1000 ? 2 : 3;
  uint32_t acronym = c.caps > c.capital ? 1 : 0;
  return uint8_t(ratio * 8 + freq * 2 + acronym);
}

}  // namespace

WordCasing WordCasing::learn(const std::vector<std::string>& texts, uint32_t min_count) {
  std::unordered_map<std::string, Counts> counts;
  for (const std::string& text : texts) {
    for (const auto& sentence : split_conll_sentences(text)) {
      // Skip title-case and all-caps lines (headlines): there case says nothing.
      size_t letters = 0, capitals = 0, lowers = 0;
      std::vector<uint16_t> flags(sentence.size());
      for (size_t i = 0; i < sentence.size(); ++i) {
        flags[i] = analyze_token(sentence[i]).flags;
        if (flags[i] & (kNoLetter | kAllDigit | kHasDigit)) continue;
        ++letters;
        if (flags[i] & (kInitCap | kAllCaps)) ++capitals;
        if ((flags[i] & kHasLower) && !(flags[i] & kInitCap)) ++lowers;
      }
      if (letters < 3 || lowers == 0 || 10 * capitals >= 6 * letters) continue;
      for (size_t i = 1; i < sentence.size(); ++i) {
        const uint16_t f = flags[i];
        if (f & (kNoLetter | kHasDigit)) continue;
        if (opens_sentence(sentence[i - 1])) continue;
        Counts& c = counts[lower_form(sentence[i])];
        if (f & kAllCaps)
          ++c.caps;
        else if (f & kInitCap)
          ++c.capital;
        else
          ++c.lower;
      }
    }
  }
  // Sorted by word: deterministic bytes, and gzip sees shared prefixes.
  std::vector<std::pair<std::string, uint8_t>> kept;
  for (auto& [word, c] : counts) {
    if (c.lower + c.capital + c.caps >= min_count) kept.emplace_back(word, encode(c));
  }
  std::sort(kept.begin(), kept.end());
  WordCasing out;
  for (auto& [word, code] : kept) out.add(std::move(word), code);
  out.finish();
  return out;
}

void WordCasing::add(std::string lower_form, uint8_t code) {
  words_.push_back(std::move(lower_form));
  codes_.push_back(code);
}

void WordCasing::finish() {
  size_t cap = 16;
  while (cap < 2 * words_.size()) cap <<= 1;
  keys_.assign(cap, 0);
  values_.assign(cap, kUnknown);
  for (size_t i = 0; i < words_.size(); ++i) {
    const uint64_t key = hash_bytes(words_[i]) | 1;
    for (size_t s = key & (cap - 1);; s = (s + 1) & (cap - 1)) {
      if (keys_[s] == 0) {
        keys_[s] = key;
        values_[s] = codes_[i];
        break;
      }
      if (keys_[s] == key) break;
    }
  }
}

uint8_t WordCasing::find(uint64_t lower_hash) const {
  if (keys_.empty()) return kUnknown;
  const uint64_t key = lower_hash | 1;
  const size_t mask = keys_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (keys_[s] == key) return values_[s];
    if (keys_[s] == 0) return kUnknown;
  }
}

void WordCasing::serialize(std::string& out) const {
  ByteWriter w(out);
  w.varint(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    w.str(words_[i]);
    w.u8(codes_[i]);
  }
}

bool WordCasing::deserialize(std::string_view& in) {
  ByteReader r(in);
  const uint64_t n = r.varint();
  if (!r.ok() || n > (64u << 20)) return false;
  WordCasing c;
  c.words_.reserve(size_t(n));
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string_view word = r.str();
    const uint8_t code = r.u8();
    if (!r.ok() || code >= 7 * 8) return false;
    c.add(std::string(word), code);
  }
  if (!r.ok()) return false;
  c.finish();
  *this = std::move(c);
  in = r.rest();
  return true;
}

}  // namespace crosscheck::entities
