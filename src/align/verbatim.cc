// Verbatim runs by seed and extend (declared in crosscheck/align.h).
//
// Seeds are word n-grams (case-folded words and numbers; punctuation ignored) that occur in both
// texts, found through a hash table over the source's n-grams. At each derived position the
// seed's occurrences are extended left (never into a run already accepted) and right as far as
// the words agree; the longest extension is kept when it reaches `min_words`, and the scan
// resumes after it. Seeds inside an accepted run are never looked up again, so the cost is linear
// in the two lengths plus the shared material.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "crosscheck/align.h"
#include "src/core/fnv.h"

namespace crosscheck::align {
namespace {

struct Words {
  std::vector<uint64_t> hash;   // per word
  std::vector<uint32_t> token;  // per word: index into Document::tokens
};

Words words_of(const Document& doc) {
  Words w;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    std::string_view s = i < doc.norms.size() && !doc.norms[i].empty()
                             ? std::string_view(doc.norms[i])
                             : doc.token_text(t);
    w.hash.push_back(fnv1a(s));
    w.token.push_back(i);
  }
  return w;
}

uint64_t gram(const std::vector<uint64_t>& h, size_t at, uint32_t n) {
  uint64_t g = 0;
  for (uint32_t k = 0; k < n; ++k) g = (g ^ h[at + k]) * 0x9E3779B97F4A7C15ull + k;
  return g;
}

}  // namespace

std::vector<VerbatimRun> verbatim_runs(const Document& source, const Document& derived,
                                       uint32_t min_words, uint32_t seed_words) {
  std::vector<VerbatimRun> out;
  if (seed_words == 0) seed_words = 1;
  seed_words = std::min(seed_words, std::max<uint32_t>(min_words, 1));
  Words s = words_of(source), d = words_of(derived);
  if (s.hash.size() < seed_words || d.hash.size() < seed_words) return out;
  std::unordered_multimap<uint64_t, uint32_t> seeds;
  seeds.reserve(s.hash.size());
  for (size_t i = 0; i + seed_words <= s.hash.size(); ++i)
    seeds.emplace(gram(s.hash, i, seed_words), static_cast<uint32_t>(i));
  size_t j = 0;
  size_t taken = 0;  // derived words before this index belong to accepted runs
  while (j + seed_words <= d.hash.size()) {
    auto [first, last] = seeds.equal_range(gram(d.hash, j, seed_words));
    size_t best_len = 0, best_s = 0, best_d = 0;
    for (auto it = first; it != last; ++it) {
      size_t i = it->second;
      // Extend left (never into an accepted run) and right while the words agree.
      size_t left = 0;
      while (i > left && j - left > taken && s.hash[i - left - 1] == d.hash[j - left - 1]) ++left;
      size_t right = 0;
      while (i + right < s.hash.size() && j + right < d.hash.size() &&
             s.hash[i + right] == d.hash[j + right])
        ++right;
      if (right < seed_words) continue;  // a hash collision, not a match
      if (left + right > best_len) {
        best_len = left + right;
        best_s = i - left;
        best_d = j - left;
      }
    }
    if (best_len < min_words) {
      ++j;
      continue;
    }
    const Token& s0 = source.tokens[s.token[best_s]];
    const Token& s1 = source.tokens[s.token[best_s + best_len - 1]];
    const Token& d0 = derived.tokens[d.token[best_d]];
    const Token& d1 = derived.tokens[d.token[best_d + best_len - 1]];
    out.push_back(
        {{s0.cp_begin, s1.cp_end}, {d0.cp_begin, d1.cp_end}, static_cast<uint32_t>(best_len)});
    taken = j = best_d + best_len;
  }
  return out;
}

}  // namespace crosscheck::align
