// Word embeddings by skip-gram with negative sampling (Mikolov et al. 2013, word2vec's SGNS):
// a second, different view of the words for the word clusters (clusters.h).
//
// The PPMI clusters describe a word by the exact words at -2..+2; skip-gram learns a dense vector
// per word that predicts the words within a wider window (here 5) and shares statistical strength
// between rare context words through their own vectors, so two rare names that never share an
// immediate neighbour can still end up close. Turian et al. (2010) and Passos et al. (2014) found
// embeddings and Brown clusters complementary for CoNLL NER.
//
// Training: for each token (frequent words dropped at random with word2vec's subsampling), each
// context word within a random window of up to `window` (not across a line), one logistic
// update towards the pair and `negatives` updates away from words drawn from the unigram
// distribution raised to 0.75; the learning rate decays linearly to zero. One thread, so the
// result is deterministic for a given seed. Cost: about tokens x window x (1 + negatives) x dims
// x 4 flops: ~1 minute for the 20k news articles at 64 dimensions.
#pragma once

#include <cstdint>
#include <vector>

namespace crosscheck::entities {

struct EmbeddingOptions {
  uint32_t dims = 64;       // vector length
  uint32_t window = 5;      // largest context offset (each token draws its own, 1..window)
  uint32_t negatives = 5;   // noise words per (word, context) pair
  uint32_t epochs = 1;      // passes over the corpus
  float rate = 0.025f;      // initial learning rate (decays linearly to 0)
  double subsample = 1e-4;  // word2vec's threshold for dropping frequent words
  uint64_t seed = 1;
};

// `stream`: word ids in [0, vocab), kLineBreak between lines (windows do not cross it); ids of
// words without a vector must be left out beforehand. `counts`: corpus count per id. Returns
// vocab x dims input vectors, each of unit length (zero for a word that never occurs).
inline constexpr uint32_t kLineBreak = UINT32_MAX;
std::vector<float> skipgram(const std::vector<uint32_t>& stream,
                            const std::vector<uint64_t>& counts, const EmbeddingOptions& options);

}  // namespace crosscheck::entities
