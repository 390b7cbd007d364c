#include "src/cli/ner_model.h"

#include <cstdio>

#include "src/cli/model_path.h"

namespace crosscheck::cli {

std::unique_ptr<entities::Tagger> load_ner_model(const std::string& path) {
  std::string file = path.empty() ? find_model("ner-en.bin.gz") : path;
  if (file.empty()) {
    std::fprintf(stderr,
                 "crosscheck: warning: no NER model (models/ner-en.bin.gz) found; analysing "
                 "without entities\n");
    return nullptr;
  }
  entities::Tagger::LoadResult loaded = entities::Tagger::load(file);
  if (!loaded.tagger) {
    std::fprintf(stderr, "crosscheck: warning: NER model %s not loaded (%s); analysing without "
                 "entities\n", file.c_str(), loaded.status.message().c_str());
    return nullptr;
  }
  return std::move(loaded.tagger);
}

}  // namespace crosscheck::cli
