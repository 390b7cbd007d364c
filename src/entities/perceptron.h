// The averaged structured perceptron (Collins 2002) over hashed feature rows.
//
// For each training sentence: decode with the current weights (Viterbi, BILOU grammar); where the
// best path differs from the gold one, add 1 to the weights of the gold tags' features and
// subtract 1 from the predicted tags' (and the same for the transitions on the two paths). The
// model returned is the average of the weights over all updates, which behaves like a
// regularised model and is far more stable than the last weights; the average is kept lazily
// (Daume's trick: a second accumulator of c * delta, average = w - u / c), so an update costs
// the same as without averaging.
#pragma once

#include <cstdint>
#include <vector>

#include "src/entities/decoder.h"
#include "src/entities/tags.h"

namespace crosscheck::entities {

// Feature rows and gold tags of many documents, flattened.
struct TrainingSet {
  std::vector<uint32_t> rows;
  std::vector<uint32_t> offsets = {0};         // per token, then the end: rows of token k
  std::vector<uint8_t> gold;                   // per token
  std::vector<uint32_t> sentence_begin = {0};  // first token per sentence, then the end
  std::vector<uint32_t> document_begin = {0};  // first sentence per document, then the end

  size_t sentences() const { return sentence_begin.size() - 1; }
  size_t documents() const { return document_begin.size() - 1; }
  // Appends one document: rows/offsets as DocFeatures, sentence_begin relative to the document.
  void add_document(const std::vector<uint32_t>& doc_rows, const std::vector<uint32_t>& doc_offsets,
                    const std::vector<uint32_t>& doc_sentence_begin, const uint8_t* doc_gold);
};

class Perceptron {
 public:
  Perceptron(uint32_t bits, const TagSet& tags);

  // One pass over `order` (sentence indices of `data`), updating after each sentence.
  // Returns the number of sentences decoded wrongly.
  size_t epoch(const TrainingSet& data, const std::vector<uint32_t>& order);

  // The averaged weights [row][tag] and transitions.
  void average(std::vector<float>* weights, Transitions* transitions) const;

  uint32_t bits() const { return bits_; }
  size_t tags() const { return tags_; }

 private:
  uint32_t bits_;
  size_t tags_;
  std::vector<float> w_;
  std::vector<double> u_;
  Transitions t_;
  std::vector<double> tu_between_, tu_start_, tu_end_;
  double c_ = 1;
  std::vector<float> emissions_, scratch_;
  std::vector<uint8_t> back_, pred_;
};

// Decodes sentences [first, last) of `data` with float weights (training-time evaluation).
void decode_floats(const std::vector<float>& weights, size_t tags, const Transitions& transitions,
                   const TrainingSet& data, size_t first, size_t last, uint8_t* out);

}  // namespace crosscheck::entities
