#include "src/entities/inference.h"

namespace crosscheck::entities {

void decode_pass(const PassWeights& pass, const uint32_t* rows, const uint32_t* offsets,
                 const std::vector<uint32_t>& sentence_begin, uint8_t* out) {
  const size_t tags = pass.width + 1;
  std::vector<float> emissions, scratch;
  std::vector<uint8_t> back;
  for (size_t s = 0; s + 1 < sentence_begin.size(); ++s) {
    const size_t b = sentence_begin[s], n = sentence_begin[s + 1] - b;
    if (n == 0) continue;
    emissions.resize(n * tags);
    pass.emissions(rows, offsets + b, n, emissions.data());
    viterbi(emissions.data(), n, pass.transitions, out + b, scratch, back);
  }
}

std::vector<uint8_t> tag_ids(const Model& model, const Sentences& doc) {
  Resources resources{&model.clusters, &model.gazetteer,    &model.news,
                      &model.places,   &model.casing,       model.feature_groups};
  DocFeatures first;
  extract_first_pass(doc, resources, model.passes[0].bits, -1, &first);
  std::vector<uint8_t> tags(first.tokens(), 0);
  decode_pass(model.passes[0], first.rows.data(), first.offsets.data(), first.sentence_begin,
              tags.data());
  if (model.passes.size() > 1) {
    std::vector<uint32_t> rows, offsets;
    extract_second_pass(first, tags.data(), model.tags, model.passes[1].bits, &rows, &offsets);
    std::vector<uint8_t> second(tags.size(), 0);
    decode_pass(model.passes[1], rows.data(), offsets.data(), first.sentence_begin, second.data());
    tags.swap(second);
  }
  return tags;
}

}  // namespace crosscheck::entities
