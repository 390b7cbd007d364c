// TemplateModel: paragraphs that repeat across articles of one outlet.
//
// An outlet stamps the same blocks on every page: its tagline, its donation appeal, its newsletter
// box. Within a batch we fingerprint every paragraph (case and whitespace folded, so that
// "FOLLOW  us" and "Follow us" agree) together with the outlet, and count in how many distinct
// articles each fingerprint occurs. remove_boilerplate() then treats a paragraph seen in at least
// BoilerplateOptions::template_min_articles articles of its outlet as a template.
//
// Cost: O(text) per observed article, one 64-bit counter per distinct (outlet, paragraph). Only
// hashes are stored, so memory stays small on large batches; a 64-bit collision merely counts a
// paragraph once too often. Not thread-safe for observe(); count() is const and may run in
// parallel once observing is done.
#include <cctype>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "crosscheck/clean.h"
#include "src/core/fnv.h"

namespace crosscheck::clean {
namespace {

uint64_t mix(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

// FNV-1a over the outlet, a separator, and the paragraph with ASCII case folded and every run of
// whitespace turned into one space (leading / trailing whitespace ignored).
uint64_t fingerprint(std::string_view outlet, std::string_view paragraph) {
  uint64_t h = kFnvOffset;
  for (char c : outlet) h = mix(h, static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(c))));
  h = mix(h, 0);
  bool pending_space = false;
  bool any = false;
  for (char c : paragraph) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == ' ' || u == '\t' || u == '\r' || u == '\n') {
      pending_space = any;
      continue;
    }
    if (pending_space) h = mix(h, ' ');
    pending_space = false;
    any = true;
    h = mix(h, static_cast<unsigned char>(std::tolower(u)));
  }
  // Final avalanche (splitmix64 finaliser) so that similar paragraphs spread over the table.
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

}  // namespace

void TemplateModel::observe(std::string_view outlet, std::string_view text) {
  // One article counts once per paragraph, however often it repeats the paragraph itself.
  std::unordered_set<uint64_t> seen;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    bool blank = true;
    for (char c : line) {
      if (c != ' ' && c != '\t' && c != '\r') {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    uint64_t h = fingerprint(outlet, line);
    if (seen.insert(h).second) ++counts_[h];
  }
}

uint32_t TemplateModel::count(std::string_view outlet, std::string_view paragraph) const {
  auto it = counts_.find(fingerprint(outlet, paragraph));
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace crosscheck::clean
