// The NER model the analysing subcommands (analyze, report) use for entities, loaded once.
#pragma once

#include <memory>
#include <string>

#include "crosscheck/entities.h"

namespace crosscheck::cli {

// Loads `path`, or models/ner-en.bin.gz found like every shipped model (model_path.h) when
// `path` is empty. On failure (no model shipped, a damaged file) prints one warning naming the
// reason and returns null: the analysis goes on without entities.
std::unique_ptr<entities::Tagger> load_ner_model(const std::string& path = "");

}  // namespace crosscheck::cli
