// A linear-chain CRF over the same hashed feature rows and BILOU grammar as the perceptron
// (Lafferty et al. 2001), trained online on the conditional log-likelihood.
//
// For each training sentence, forward-backward (scaled, in probability space; forbidden
// transitions have probability 0, so the marginals only ever cover well-formed BILOU paths) gives
// every token's tag marginals p_i(t) and the pairwise marginals of neighbouring tags. The
// gradient of log p(gold | sentence) for a feature row r of token i and tag t is
// [gold_i = t] - p_i(t) (and count - expected count for the transitions). The step is AdaGrad's
// (Duchi et al. 2011): rate / sqrt(sum of squared gradients) per weight, so frequent features
// settle and rare ones (most names) still move; an optional L2 pull is applied to the weights a
// sentence touches. Gradients below `min_gradient` are skipped: once a token is tagged with
// confidence only its gold tag and one or two rivals get updates, which keeps an epoch about as
// cheap as a perceptron's after the first, and leaves the tags a feature never competes for at 0
// (a sparse model file, like the perceptron's).
//
// Like the perceptron, the weights returned can be the running average over all sentences
// (averaged SGD, Polyak & Juditsky 1992; Daume's lazy trick), and the trainer picks the epoch on
// dev. Cost per sentence: n x (about 100 transition products) for each of forward and backward,
// plus one update per (feature, tag) with a non-negligible gradient.
#pragma once

#include <cstdint>
#include <vector>

#include "src/entities/decoder.h"
#include "src/entities/perceptron.h"
#include "src/entities/tags.h"

namespace crosscheck::entities {

struct CrfOptions {
  float rate = 0.03f;          // AdaGrad step size
  float l2 = 0.0f;             // L2 pull per touched weight and update (0 = none)
  float min_gradient = 1e-3f;  // smaller |gradient| of a (feature, tag) is not applied
  bool average = true;         // return the running average of the weights, not the last
};

class Crf {
 public:
  Crf(uint32_t bits, const TagSet& tags, const CrfOptions& options);

  // One pass over `order` (sentence indices of `data`), one step per sentence. Returns the
  // number of sentences whose per-token most likely tags differ from gold somewhere.
  size_t epoch(const TrainingSet& data, const std::vector<uint32_t>& order);

  // The (averaged) weights [row][tag] and transitions.
  void average(std::vector<float>* weights, Transitions* transitions) const;

  // Tag marginals (n x tags) of one sentence under the current weights; exposed for tests.
  void marginals(const TrainingSet& data, uint32_t sentence, std::vector<double>* out);

 private:
  // Forward-backward over emissions_ for n tokens: fills node_ (n x tags marginals) and edge_
  // (tags x tags expected transition counts summed over the sentence).
  void forward_backward(size_t n);
  // Emissions of one sentence under the current weights, then forward_backward.
  void compute(const TrainingSet& data, uint32_t sentence);
  void step(float* w, float* g2, double* u, float gradient);

  CrfOptions options_;
  size_t tags_;
  std::vector<float> w_, g2_;
  std::vector<double> u_;
  Transitions t_;
  std::vector<float> t_g2_;  // AdaGrad sums of between, then start, then end
  std::vector<double> t_u_;  // averaging sums, same layout
  double c_ = 1;
  std::vector<double> emissions_, alpha_, beta_, node_, edge_, trans_, start_, end_, observed_;
};

}  // namespace crosscheck::entities
