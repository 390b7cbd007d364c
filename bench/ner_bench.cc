// Named-entity tagging speed: tokens/s of the shipped model on CoNLL-2003 testb, one thread.
//
//   build/bench/ner_bench --benchmark_min_time=2
//
// The model is $CROSSCHECK_MODEL_DIR/ner-en.bin.gz (default models/ relative to the working
// directory), the data $CROSSCHECK_SHARED_DIR/data/ner/conll2003/test.txt.gz (default ../shared);
// the benchmarks are skipped with a message when either is absent. Run from the repository root.
//
// BM_TagDocuments is the production path (documents tagged as wholes, both passes, strings out);
// BM_TagSentences tags each sentence alone (no document context); BM_Load is the model load.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/entities.h"

namespace {

namespace ent = crosscheck::entities;

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

std::string model_path() { return env_or("CROSSCHECK_MODEL_DIR", "models") + "/ner-en.bin.gz"; }

struct Fixture {
  std::unique_ptr<ent::Tagger> tagger;
  ent::ConllCorpus corpus;
  std::vector<std::vector<std::vector<std::string_view>>> documents;
  std::string error;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    ent::Tagger::LoadResult loaded = ent::Tagger::load(model_path());
    if (!loaded.status) {
      x.error = loaded.status.message();
      return x;
    }
    x.tagger = std::move(loaded.tagger);
    std::string test =
        env_or("CROSSCHECK_SHARED_DIR", "../shared") + "/data/ner/conll2003/test.txt.gz";
    crosscheck::Status st = ent::read_conll(test, &x.corpus);
    if (!st) {
      x.error = st.message();
      return x;
    }
    for (const ent::ConllDocument& d : x.corpus.documents) {
      x.documents.emplace_back();
      for (const ent::ConllSentence& s : d.sentences)
        x.documents.back().emplace_back(s.tokens.begin(), s.tokens.end());
    }
    return x;
  }();
  return f;
}

void BM_TagDocuments(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : f.documents) benchmark::DoNotOptimize(f.tagger->tag_document(doc));
  }
  state.counters["tokens/s"] = benchmark::Counter(
      double(f.corpus.tokens) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagDocuments)->Unit(benchmark::kMillisecond);

void BM_TagSentences(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : f.documents) {
      for (const auto& sentence : doc) benchmark::DoNotOptimize(f.tagger->tag(sentence));
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(
      double(f.corpus.tokens) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagSentences)->Unit(benchmark::kMillisecond);

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    ent::Tagger::LoadResult loaded = ent::Tagger::load(model_path());
    if (!loaded.status) {
      state.SkipWithError(loaded.status.message().c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded.tagger.get());
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
