// Feature extraction: tokens of one document -> hashed feature rows per token.
//
// Every feature is a 64-bit hash of (template, values); its top `bits` bits pick a row of the
// weight table, which holds one weight per tag. Collisions are tolerated (Weinberger et al. 2009):
// a model of 2^20 rows loses little to them and needs no feature dictionary, so extraction is a
// few dozen multiply-xorshifts per token and the file is a table, not a string map.
//
// First pass, per token (w = word, l = lower-cased, s = short shape, c = cluster prefixes):
//   bias; w0; l0; l-2..l+2; l-1 l0; l0 l+1; prefixes and suffixes 1-4 of l0; long shape of w0;
//   s-1, s0, s+1 and their bigrams and trigram; l-1 s0; s0 l+1; the token's context (first
//   token, all-caps headline, table row of numbers) x s0, x flags, x l0; the run of capitalised
//   tokens around it (length, place, the word before it); cluster prefixes of w-1, w0, w+1 and
//   c0 x context; gazetteer matches (type, place in the match) and their majority type (also for
//   the optional news gazetteer, with how sure and frequent its harvest was); ICU place-name
//   matches (place in the match, alone and x context: in a table row a city is a club); document
//   features: is the word written in lower case elsewhere in the document, is it capitalised
//   mid-sentence elsewhere, and the words around its other occurrences (context aggregation,
//   Ratinov & Roth 2009).
// Second pass adds what the first pass decided: the first-pass tags at -1, 0, +1 (and x
// context), the types the first pass gave other occurrences of the same capitalised word in the
// document, and first-pass entities whose text recurs here (a document-level gazetteer).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "src/entities/casing.h"
#include "src/entities/clusters.h"
#include "src/entities/gazetteer.h"
#include "src/entities/lexical.h"
#include "src/entities/tags.h"

namespace crosscheck::entities {

using Sentences = std::vector<std::vector<std::string_view>>;

struct Resources {
  const WordClusters* clusters = nullptr;  // may be null or empty
  const Gazetteer* gazetteer = nullptr;    // training entities; may be null or empty
  const Gazetteer* news = nullptr;         // harvested from news; may be null or empty
  const Gazetteer* places = nullptr;       // ICU place names (icu_place_names); may be null
  const WordCasing* casing = nullptr;      // casing in unlabelled news; may be null or empty
  uint32_t groups = 0;                     // extra feature groups (kFeature* bits)
  // Training only (exclude_doc >= 0): this share (per mille) of the capitalised tokens lose their
  // word-identity features (word, lower-cased word and the bigrams with it), as if they were
  // words never seen in training: the model learns to tag names from context, shape, affixes and
  // clusters too, which is what it needs for the unseen names of new text.
  uint32_t word_dropout = 0;
  uint64_t dropout_seed = 0;
};

// Optional first-pass feature groups (model format 3 stores which ones a model was trained with;
// older models have none and tag exactly as before).
enum FeatureGroup : uint32_t {
  kFeatureCasing = 1,         // WordCasing code of the word and its neighbours, x context
  kFeatureClusterShape = 2,   // cluster prefixes x short shape, x place in the capitalised run
};

// The features of one document, token by token (tokens of all sentences in order).
struct DocFeatures {
  std::vector<uint32_t> rows;            // weight rows of all tokens
  std::vector<uint32_t> offsets;         // token k's rows: [offsets[k], offsets[k + 1])
  std::vector<uint32_t> sentence_begin;  // first token of each sentence, then the token count
  std::vector<Lexeme> lexemes;           // per token
  std::vector<uint8_t> context;          // per token: Context bits (below)
  size_t tokens() const { return lexemes.size(); }
};

// Where a token stands: the low two bits say running text / first token / all-caps headline (the
// CoNLL data has many: "SOCCER - JAPAN GET LUCKY WIN"); kTableRow marks sentences that are mostly
// numbers (sports results and standings, where a city name is a team: ORG, not LOC).
enum Context : uint8_t { kNormal = 0, kFirst = 1, kHeadline = 2, kTableRow = 4 };
inline uint8_t base_context(uint8_t c) { return c & 3; }

// First-pass features. `exclude_doc` is the training document index whose own entities the
// gazetteer must not see (-1 outside training).
void extract_first_pass(const Sentences& doc, const Resources& resources, uint32_t bits,
                        int64_t exclude_doc, DocFeatures* out);

// Second-pass features: the first-pass rows of `first` plus features of the first-pass tags
// (one per token of the document). Writes rows and offsets like DocFeatures'.
void extract_second_pass(const DocFeatures& first, const uint8_t* first_tags, const TagSet& tags,
                         uint32_t bits, std::vector<uint32_t>* rows,
                         std::vector<uint32_t>* offsets);

}  // namespace crosscheck::entities
