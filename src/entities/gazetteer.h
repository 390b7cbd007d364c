// A gazetteer of the entity strings seen in the training set, by type.
//
// Entries are lower-cased token sequences (so an all-caps headline still matches) keyed by a
// 64-bit hash, with the number of training documents that tagged the string as each type. Only
// hashes are kept, so the model file carries no training text.
//
// A gazetteer built from the training set is a trap when the same training set then learns its
// weights: every training entity is "in the gazetteer", so the model learns to trust the feature
// completely and is let down on new text. Training therefore matches each document against the
// counts of all *other* documents (leave one document out), which makes the feature as reliable
// on training text as it will be on unseen text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/entities/lexical.h"

namespace crosscheck::entities {

class Gazetteer {
 public:
  static constexpr size_t kMaxLength = 6;  // longest entry, in tokens

  struct Match {
    uint32_t begin = 0, end = 0;  // token range in the sentence
    uint8_t types = 0;            // bit t set: some (other) document tagged the string as type t
    uint8_t majority = 0;         // the type most documents gave it
    uint16_t majority_docs = 0;   // documents behind the majority type
    uint32_t total_docs = 0;      // documents behind all types
  };

  explicit Gazetteer(size_t types = 0) : types_(types) {}
  size_t types() const { return types_; }
  size_t size() const { return entries_.size(); }

  // The key of a token sequence (by the tokens' Lexeme::lower hashes).
  static uint64_t start_key() { return 0x6a09e667f3bcc908ULL; }
  static uint64_t extend_key(uint64_t key, uint64_t lower);

  // Training: document `doc` tagged tokens [0, n) (their lexemes) as `type`.
  void add(const Lexeme* tokens, size_t n, size_t type, uint32_t doc);
  // Builds the lookup index; call after the last add(). Entries seen in fewer than `min_docs`
  // documents are dropped, and with `keep_documents` false the per-document record that
  // leave-one-out needs is freed.
  void finish(uint32_t min_docs = 1, bool keep_documents = true);

  // Every entry occurring in the sentence, with counts of document `exclude_doc` left out (-1:
  // none). Appends to `out`.
  void match(const Lexeme* tokens, size_t n, int64_t exclude_doc, std::vector<Match>& out) const;

  void serialize(std::string& out) const;
  bool deserialize(std::string_view& in);

 private:
  struct Entry {
    uint64_t key;
    std::vector<uint16_t> docs;  // per type
  };
  const Entry* find(uint64_t key) const;

  size_t types_;
  std::vector<Entry> entries_;
  std::vector<uint64_t> keys_;  // open addressing over entries_ (0 = empty)
  std::vector<uint32_t> slots_;
  std::unordered_set<uint64_t> contributed_;       // hash(doc, key, type), training only
  std::unordered_map<uint64_t, size_t> building_;  // key -> entry, training only
};

// Place names from ICU's locale data, in English: the ISO country and region display names
// ("Myanmar (Burma)" gives "Myanmar (Burma)", "Myanmar" and "Burma"; "Congo - Kinshasa" also
// "Congo"), continents and sub-continents ("Western Europe"), a few common alternatives ("U.S.",
// "Britain", "England"), and the exemplar cities of ICU's time zones ("America/New_York" ->
// "New York", "Asia/Saigon" -> "Ho Chi Minh City"), split into tokens at spaces. Sorted and
// without duplicates; deterministic for one ICU version.
std::vector<std::string> icu_place_names();

// A gazetteer of `names` (space-separated token sequences) as type `type` of `types`.
Gazetteer place_gazetteer(const std::vector<std::string>& names, size_t types, size_t type);

}  // namespace crosscheck::entities
