// Stemmer: a thin owner of one libstemmer (Snowball) stemmer.
//
// Snowball stemmers are rule cascades over suffixes, linear in the word; the cost is the call.
// The English algorithm is Porter2 ("english"), not the original Porter ("porter"). A language
// without a Snowball algorithm is stemmed as English, which leaves most foreign words unchanged
// apart from common English-looking suffixes; language() reports the algorithm actually used.
//
// Word frequencies are Zipfian, so most calls ask for a stem already computed. A direct-mapped
// cache (one slot per hash bucket, the newest word wins) answers those with one hash and one
// compare, in fixed memory and with no eviction bookkeeping; frequent words keep their slots.
#include <libstemmer.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/text.h"
#include "src/core/fnv.h"
#include "src/text/snowball.h"

namespace crosscheck::text {
namespace {

constexpr size_t kCacheSlots = 1 << 13;       // ~600 KB of slots
constexpr size_t kMaxCachedWordBytes = 15;     // fits the std::string small buffer: no heap

}  // namespace

struct Stemmer::Cache {
  struct Slot {
    std::string word, stem;
  };
  std::vector<Slot> slots = std::vector<Slot>(kCacheSlots);

  static size_t slot_of(std::string_view w) {
    uint64_t h = fnv1a(w);
    return static_cast<size_t>(h ^ (h >> 29)) & (kCacheSlots - 1);
  }
};

const char* snowball_algorithm(std::string_view iso) {
  struct Entry {
    std::string_view iso;
    const char* algorithm;
  };
  static constexpr Entry kAlgorithms[] = {
      {"ar", "arabic"},  {"ca", "catalan"},    {"da", "danish"},    {"de", "german"},
      {"el", "greek"},   {"en", "english"},    {"es", "spanish"},   {"eu", "basque"},
      {"fi", "finnish"}, {"fr", "french"},     {"ga", "irish"},     {"hi", "hindi"},
      {"hu", "hungarian"}, {"hy", "armenian"}, {"id", "indonesian"}, {"it", "italian"},
      {"lt", "lithuanian"}, {"ne", "nepali"},  {"nl", "dutch"},     {"no", "norwegian"},
      {"nb", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},
      {"sr", "serbian"}, {"sv", "swedish"},    {"ta", "tamil"},     {"tr", "turkish"},
      {"yi", "yiddish"},
  };
  for (const Entry& e : kAlgorithms) {
    if (e.iso == iso) return e.algorithm;
  }
  return nullptr;
}

Stemmer::Stemmer(std::string_view language) : cache_(std::make_unique<Cache>()) {
  const char* algorithm = snowball_algorithm(language);
  if (algorithm != nullptr) stemmer_ = sb_stemmer_new(algorithm, "UTF_8");
  if (stemmer_ != nullptr) {
    language_ = std::string(language);
  } else {  // no algorithm, or this libstemmer build lacks it
    stemmer_ = sb_stemmer_new("english", "UTF_8");
    language_ = "en";
  }
}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string Stemmer::stem(std::string_view folded_word) {
  if (stemmer_ == nullptr || folded_word.empty()) return std::string(folded_word);
  Cache::Slot* slot = nullptr;
  if (folded_word.size() <= kMaxCachedWordBytes) {
    slot = &cache_->slots[Cache::slot_of(folded_word)];
    if (slot->word == folded_word) return slot->stem;
  }
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                       static_cast<int>(folded_word.size()));
  if (s == nullptr) return std::string(folded_word);  // out of memory inside libstemmer
  std::string stem(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_)));
  if (slot != nullptr) {
    slot->word.assign(folded_word);
    slot->stem = stem;
  }
  return stem;
}

}  // namespace crosscheck::text
