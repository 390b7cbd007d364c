// The model: tag set, lexical resources and the weights of one or two passes, plus the file
// format.
//
// File: gzip of
//   "crosscheck-ner 2\n"                       format version (text, so `zcat | head -1` shows it)
//   u32 feature version (2)                     bumped whenever features.cc changes meaning
//   str info                                    free-text training summary
//   varint types, str name...                   entity types, sorted
//   clusters (src/entities/clusters.h)
//   gazetteer of the training entities, then the one harvested from news (gazetteer.h)
//   gazetteer of ICU place names (format 2 only; format 1 = "crosscheck-ner 1", version 1,
//   has no such section and loads with an empty one)
//   u32 feature groups, news casing table (casing.h) (format 3 only; formats 1 and 2 load with
//   no groups and an empty table, so their models tag exactly as before)
//   u8 passes; per pass: u32 bits, f32 scale, transitions (f32), sparse weights (below)
// Sparse weights: varint row count; per non-zero row: varint row delta, varint tag mask, one
// zigzag varint per set tag: the weight / scale, |q| <= 16383. Most rows of a perceptron touch
// only the two or three tags it confused on them, so the mask makes the file small.
//
// In memory each pass is an int16 table [row][tag - 1] holding weight(tag) - weight(O): the O
// column can be subtracted because Viterbi's choice does not change when one constant is added to
// all tags at one position. 16 int16 per row for four types: one 32-byte aligned load per
// feature. Only non-zero rows are stored (about a tenth of 2^20: a perceptron only touches the
// features of tokens it got wrong), found through a bitmap of the rows and a popcount rank
// (192 KB, stays in L2), so the whole pass takes ~3 MB instead of 32 MB and its lookups hit the
// cache; rows that are absent (the features of words never seen in training) cost one bit test.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/problem.h"
#include "src/entities/casing.h"
#include "src/entities/clusters.h"
#include "src/entities/decoder.h"
#include "src/entities/gazetteer.h"
#include "src/entities/tags.h"

namespace crosscheck::entities {

inline constexpr uint32_t kFeatureVersion = 3;
inline constexpr std::string_view kFileHeader = "crosscheck-ner 3\n";
// Format 2 (feature version 2): format 3 without the feature groups and the casing table.
inline constexpr std::string_view kFileHeaderV2 = "crosscheck-ner 2\n";
// Format 1 (feature version 1): the same without the place-name gazetteer section. Still read:
// its models never emit the place features, so they tag exactly as before.
inline constexpr std::string_view kFileHeaderV1 = "crosscheck-ner 1\n";

struct PassWeights {
  uint32_t bits = 0;
  size_t width = 0;               // tags - 1
  float scale = 1.0f;             // weight = scale * stored integer
  std::vector<int16_t> table;     // non-zero rows x width, in row order
  std::vector<uint64_t> present;  // bit r: row r is in `table`
  std::vector<uint32_t> rank;     // per word of `present`: rows before it
  Transitions transitions;
  std::string sparse;  // the serialised weights (what save() writes)
  size_t nonzero_rows = 0, nonzero_weights = 0;

  // Builds the pass from float weights [row][tag] (tags including O). Weights with a magnitude
  // below `prune` are dropped.
  static PassWeights from_floats(uint32_t bits, size_t tags, const std::vector<float>& weights,
                                 const Transitions& transitions, float prune);
  // Fills `table` from `sparse`; false when malformed.
  bool expand(size_t tags);

  // Emission scores (n x tags) of n tokens with rows [offsets[k], offsets[k+1]).
  void emissions(const uint32_t* rows, const uint32_t* offsets, size_t n, float* out) const;
};

class Model {
 public:
  TagSet tags;
  WordClusters clusters;
  Gazetteer gazetteer;  // entity strings of the training set
  Gazetteer news;       // entity strings harvested from unlabelled news (news_gazetteer.h)
  Gazetteer places;     // ICU place names (gazetteer.h); empty in format-1 files
  uint32_t feature_groups = 0;  // optional feature groups (features.h, kFeature*); 0 before format 3
  WordCasing casing;            // casing of words in unlabelled news; empty before format 3
  std::vector<PassWeights> passes;  // first pass, then (optionally) the document-context pass
  std::string info;

  Status save(const std::string& path) const;
  static Status load(const std::string& path, Model* out);
  // Parses the decompressed file contents.
  static Status parse(std::string_view bytes, Model* out);
  std::string serialize() const;
};

}  // namespace crosscheck::entities
