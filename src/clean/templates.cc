// TemplateModel: paragraphs that repeat across articles of one outlet.
//
// An outlet stamps the same blocks on every page: its tagline, its donation appeal, its newsletter
// box. Within a batch we fingerprint every paragraph (case and whitespace folded, so that
// "FOLLOW  us" and "Follow us" agree) together with the outlet, and count in how many distinct
// articles each fingerprint occurs. remove_boilerplate() then treats a paragraph seen in at least
// BoilerplateOptions::template_min_articles articles of its outlet as a template.
//
// Cost: O(text) per observed article, one 32-bit counter per distinct (outlet, paragraph). Only
// hashes are stored, so memory stays small on large batches; a 64-bit collision merely counts a
// paragraph once too often. Not thread-safe for observe(); count() is const and may run in
// parallel once observing is done.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "crosscheck/clean.h"

namespace crosscheck::clean {
namespace {

// ASCII case folding, as std::tolower in the "C" locale (the program never sets another) but
// inline: the library call per byte was 7.6% of the CPU of a no-op re-ingest (200k articles).
char fold_ascii(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return static_cast<char>(static_cast<unsigned>(u) - 'A' < 26u ? u + ('a' - 'A') : u);
}

// A hash of the outlet, a separator, and the paragraph with ASCII case folded and every run of
// whitespace turned into one space (leading / trailing whitespace ignored). The folded bytes are
// written out first and hashed as a block (std::hash, 8 bytes a step): FNV-1a byte after byte
// was a dependent multiply per byte, and observe() runs on the reading thread for every article.
uint64_t fingerprint(std::string_view outlet, std::string_view paragraph) {
  thread_local std::string folded;  // count() runs on the cleaning threads
  folded.clear();
  for (char c : outlet) folded.push_back(fold_ascii(c));
  folded.push_back('\0');
  bool pending_space = false;
  bool any = false;
  for (char c : paragraph) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      pending_space = any;
      continue;
    }
    if (pending_space) folded.push_back(' ');
    pending_space = false;
    any = true;
    folded.push_back(fold_ascii(c));
  }
  uint64_t h = std::hash<std::string_view>{}(folded);
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
  // One article counts once per paragraph, however often it repeats the paragraph itself: its
  // fingerprints are collected, made distinct, then counted.
  seen_.clear();
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
    seen_.push_back(fingerprint(outlet, line));
  }
  std::sort(seen_.begin(), seen_.end());
  seen_.erase(std::unique(seen_.begin(), seen_.end()), seen_.end());
  for (uint64_t h : seen_) ++counts_[h];
}

uint32_t TemplateModel::count(std::string_view outlet, std::string_view paragraph) const {
  auto it = counts_.find(fingerprint(outlet, paragraph));
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace crosscheck::clean
