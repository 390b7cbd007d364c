// Tagging with a loaded model: features -> emission scores -> Viterbi, once or twice.
#pragma once

#include <cstdint>
#include <vector>

#include "src/entities/features.h"
#include "src/entities/model.h"

namespace crosscheck::entities {

// Decodes every sentence of a document with one pass's weights. `rows`/`offsets` as in
// DocFeatures; writes one tag per token of the document.
void decode_pass(const PassWeights& pass, const uint32_t* rows, const uint32_t* offsets,
                 const std::vector<uint32_t>& sentence_begin, uint8_t* out);

// BILOU tag ids for all tokens of the document, sentence after sentence.
std::vector<uint8_t> tag_ids(const Model& model, const Sentences& doc);

}  // namespace crosscheck::entities
