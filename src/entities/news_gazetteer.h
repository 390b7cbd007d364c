// A gazetteer harvested from unlabelled news by a trained model (self-training).
//
// The training set knows 7,600 entity strings; a year of news mentions far more. A first model,
// trained without this gazetteer, tags the unlabelled corpus; every entity string it finds is
// counted by type over articles, and strings found in at least `min_docs` articles become a
// second gazetteer. The final model is then trained with it as a feature, so it learns how far
// to trust it (the harvested types are wrong as often as the first model is; what helps is that
// "Green Bay Packers" was an organisation in most of the 40 articles that named it, even if it
// is new to the training set). Since the news corpus and CoNLL share no documents, no
// leave-one-out is needed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "src/entities/gazetteer.h"
#include "src/entities/model.h"

namespace crosscheck::entities {

// Tags `texts` (one article each) with `model` and counts its entities. `tokens` receives the
// number of tokens tagged.
Gazetteer harvest_gazetteer(const Model& model, const std::vector<std::string>& texts,
                            uint32_t min_docs, size_t* tokens);

}  // namespace crosscheck::entities
