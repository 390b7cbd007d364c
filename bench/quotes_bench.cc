// Quote extraction speed on the PolNeAR articles (train + dev, 924 US political news texts,
// ~4.3 MB), one core: articles/s ("items_per_second") and MB/s ("bytes_per_second").
//
//   build-quotes/bench/quotes_bench --benchmark_min_time=2
//
// quotes/extract      extract_quotes() alone, on Documents analysed beforehand
// quotes/with_analyze text analysis (sentences, tokens, case folding; no stemming, no language
//                     id) plus extract_quotes(): the per-article cost of `crosscheck quotes`
//                     after cleaning
// The corpus is $CROSSCHECK_SHARED_DIR/data/quotes/polnear (default ../shared relative to the
// working directory); the benchmarks are skipped with a note when it is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "crosscheck/quotes.h"
#include "crosscheck/text.h"
#include "src/quotes/evaluate.h"

namespace {

struct Corpus {
  std::vector<crosscheck::Article> articles;
  std::vector<crosscheck::Document> documents;  // documents[i] views articles[i]
  size_t bytes = 0;
};

crosscheck::text::AnalyzerOptions analyzer_options() {
  crosscheck::text::AnalyzerOptions o;
  o.detect_language = false;
  o.stem = false;
  return o;
}

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    const char* env = std::getenv("CROSSCHECK_SHARED_DIR");
    const std::string dir = std::string(env ? env : "../shared") + "/data/quotes/polnear/";
    std::vector<crosscheck::quotes::GoldArticle> gold;
    for (const char* split : {"train", "dev"}) {
      std::string error;
      if (!crosscheck::quotes::load_polnear(dir + split, &gold, &error)) {
        std::fprintf(stderr, "quotes_bench: %s; benchmarks skipped\n", error.c_str());
        return c;
      }
    }
    c.articles.reserve(gold.size());
    for (auto& g : gold) {
      crosscheck::Article a;
      a.id = g.name;
      a.text = std::move(g.text);
      c.bytes += a.text.size();
      c.articles.push_back(std::move(a));
    }
    crosscheck::text::Analyzer analyzer(analyzer_options());
    for (const auto& a : c.articles) c.documents.push_back(analyzer.analyze(a));
    return c;
  }();
  return c;
}

void finish(benchmark::State& state, const Corpus& c, size_t quotes) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.articles.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["quotes_per_pass"] =
      static_cast<double>(quotes) / static_cast<double>(state.iterations());
}

void BM_Extract(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.articles.empty()) {
    state.SkipWithError("PolNeAR not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  size_t quotes = 0;
  for (auto _ : state) {
    for (const auto& d : c.documents) {
      auto q = crosscheck::quotes::extract_quotes(d);
      quotes += q.size();
      benchmark::DoNotOptimize(q);
    }
  }
  finish(state, c, quotes);
}
BENCHMARK(BM_Extract)->Name("quotes/extract")->Unit(benchmark::kMillisecond);

void BM_WithAnalyze(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.articles.empty()) {
    state.SkipWithError("PolNeAR not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  crosscheck::text::Analyzer analyzer(analyzer_options());
  size_t quotes = 0;
  for (auto _ : state) {
    for (const auto& a : c.articles) {
      crosscheck::Document d = analyzer.analyze(a);
      auto q = crosscheck::quotes::extract_quotes(d);
      quotes += q.size();
      benchmark::DoNotOptimize(q);
    }
  }
  finish(state, c, quotes);
}
BENCHMARK(BM_WithAnalyze)->Name("quotes/with_analyze")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
