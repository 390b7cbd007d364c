// Throughput of the per-article front of the pipeline on real text, one core:
//   ingest (JSONL parse + UTF-8 repair) -> normalise (NFC, whitespace) -> sentence segmentation
// and, separately, the same plus tokenisation and the full clean stage.
//
// Corpus: ../shared/data/corpus/news-20k.jsonl.gz (20,000 real articles, 128 MB of JSONL once
// decompressed), read into memory once so that disk and gzip are not measured. Override the
// location with CROSSCHECK_SHARED_DIR. Run: build/bench/pipeline_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/text.h"

namespace {

const std::string& corpus() {
  static const std::string data = [] {
    const char* dir = std::getenv("CROSSCHECK_SHARED_DIR");
    std::string path = std::string(dir ? dir : "../shared") + "/data/corpus/news-20k.jsonl.gz";
    std::string out;
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    gzclose(f);
    return out;
  }();
  return data;
}

template <class PerArticle>
void run(benchmark::State& state, PerArticle&& per_article) {
  const std::string& data = corpus();
  if (data.empty()) {
    state.SkipWithError("corpus not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  crosscheck::ingest::Options options;
  options.format = crosscheck::ingest::Format::kJsonl;
  uint64_t articles = 0;
  uint64_t text_bytes = 0;
  for (auto _ : state) {
    crosscheck::ingest::read_buffer(
        "news-20k.jsonl", data, options,
        [&](crosscheck::RawArticle&& raw) {
          ++articles;
          text_bytes += raw.body.size();
          per_article(raw);
        },
        [](crosscheck::Problem&&) {});
  }
  state.SetBytesProcessed(static_cast<int64_t>(data.size()) * state.iterations());
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
  state.counters["text_MB/s"] =
      benchmark::Counter(static_cast<double>(text_bytes) / 1e6, benchmark::Counter::kIsRate);
}

void BM_Ingest(benchmark::State& state) {
  run(state, [](const crosscheck::RawArticle& raw) { benchmark::DoNotOptimize(raw.body.data()); });
}

void BM_IngestNormalizeSegment(benchmark::State& state) {
  run(state, [](const crosscheck::RawArticle& raw) {
    std::string text = crosscheck::text::normalize(raw.body);
    auto sentences = crosscheck::text::split_sentences(text);
    benchmark::DoNotOptimize(sentences.data());
  });
}

void BM_IngestNormalizeSegmentTokenize(benchmark::State& state) {
  run(state, [](const crosscheck::RawArticle& raw) {
    std::string text = crosscheck::text::normalize(raw.body);
    auto sentences = crosscheck::text::split_sentences(text);
    auto tokens = crosscheck::text::tokenize(text);
    benchmark::DoNotOptimize(sentences.data());
    benchmark::DoNotOptimize(tokens.data());
  });
}

void BM_IngestClean(benchmark::State& state) {
  crosscheck::clean::BoilerplateOptions boilerplate;
  run(state, [&](const crosscheck::RawArticle& raw) {
    crosscheck::Article a = crosscheck::clean::prepare(raw);
    crosscheck::clean::strip_boilerplate(a, boilerplate, nullptr);
    benchmark::DoNotOptimize(a.text.data());
  });
}

void BM_IngestCleanLanguage(benchmark::State& state) {
  crosscheck::clean::BoilerplateOptions boilerplate;
  run(state, [&](const crosscheck::RawArticle& raw) {
    crosscheck::Article a = crosscheck::clean::prepare(raw);
    crosscheck::clean::strip_boilerplate(a, boilerplate, nullptr);
    a.language = crosscheck::text::detect_language(a.text);
    benchmark::DoNotOptimize(a.language.data());
  });
}

void BM_IngestCleanAnalyze(benchmark::State& state) {
  crosscheck::text::Analyzer analyzer;
  crosscheck::clean::BoilerplateOptions boilerplate;
  run(state, [&](const crosscheck::RawArticle& raw) {
    crosscheck::Article a = crosscheck::clean::prepare(raw);
    crosscheck::clean::strip_boilerplate(a, boilerplate, nullptr);
    crosscheck::Document d = analyzer.analyze(a);
    benchmark::DoNotOptimize(d.tokens.data());
  });
}

BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestNormalizeSegment)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestNormalizeSegmentTokenize)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestClean)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestCleanLanguage)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestCleanAnalyze)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
