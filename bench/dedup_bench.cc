// Near-duplicate detection on the shared dedup set: speed of the engine and quality against the
// gold groups. The whole command (reading, gunzip, parsing, output) is timed as a process:
// bench/interleaved.py with `crosscheck dedup -j 1` / `-j 2` (docs/benchmarks.md).
//
// Corpus: ../shared/data/dedup/docs.jsonl.gz (20,000 texts, 10 MB gzipped, 25 MB of JSONL) and
// gold.jsonl; override the shared folder with CROSSCHECK_SHARED_DIR. Run from the project root:
//
//   build/bench/dedup_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Benchmarks:
// * BM_Engine/threads:N — texts already in memory: dedup::deduplicate with signatures on a
//   ThreadPool of N threads. Shows how the engine itself scales.
// * BM_Sign/<sketch> — signatures alone, one-permutation vs multiply-shift MinHash.
// Counters: docs/s, and pairwise precision / recall / F1 against gold (P, R, F1).
//
// Setting CROSSCHECK_DEDUP_SWEEP=1 also prints a table of quality and time over option variants
// (grouping, verification, sketch, threshold, shingle size, bands x rows) to stderr.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/dedup.h"
#include "crosscheck/ingest.h"
#include "crosscheck/thread_pool.h"
#include "src/dedup/evaluate.h"

namespace {

namespace dd = crosscheck::dedup;

std::string shared_dir() {
  const char* dir = std::getenv("CROSSCHECK_SHARED_DIR");
  return dir ? dir : "../shared";
}
std::string docs_path() { return shared_dir() + "/data/dedup/docs.jsonl.gz"; }
std::string gold_path() { return shared_dir() + "/data/dedup/gold.jsonl"; }

// Gold group labels aligned with `ids` (label = index of the gold group's first member).
std::vector<uint32_t> gold_labels(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, uint32_t> index;
  for (uint32_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], i);
  std::vector<uint32_t> gold(ids.size());
  for (uint32_t i = 0; i < gold.size(); ++i) gold[i] = i;
  FILE* f = std::fopen(gold_path().c_str(), "rb");
  if (!f) return {};
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  data.reserve(data.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(data.data(), data.size(), 1 << 20).get(stream)) return {};
  for (auto doc : stream) {
    std::string_view id, group;
    if (doc["id"].get_string().get(id) || doc["group"].get_string().get(group)) continue;
    auto a = index.find(std::string(id));
    auto b = index.find(std::string(group));
    if (a != index.end() && b != index.end()) gold[a->second] = b->second;
  }
  return gold;
}

struct Corpus {
  std::vector<std::string> ids;
  std::vector<std::string> texts;
  std::vector<uint32_t> gold;
};

// The corpus as `crosscheck dedup` reads it (ingest::read_inputs), once per process.
const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    crosscheck::ingest::read_inputs(
        {docs_path()}, crosscheck::ingest::Options{},
        [&](crosscheck::RawArticle&& a) {
          c.ids.push_back(std::move(a.id));
          c.texts.push_back(std::move(a.body));
        },
        [](crosscheck::Problem&&) {});
    if (!c.ids.empty()) c.gold = gold_labels(c.ids);
    return c;
  }();
  return c;
}

void set_quality(benchmark::State& state, const std::vector<uint32_t>& groups) {
  const Corpus& c = corpus();
  if (c.gold.size() != groups.size()) return;
  dd::PairScores s = dd::pair_scores(groups, c.gold);
  state.counters["P"] = s.precision;
  state.counters["R"] = s.recall;
  state.counters["F1"] = s.f1;
}

std::vector<std::string_view> views() {
  const Corpus& c = corpus();
  return std::vector<std::string_view>(c.texts.begin(), c.texts.end());
}

void BM_Engine(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.texts.empty()) {
    state.SkipWithError("dedup set not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  std::vector<std::string_view> texts = views();
  crosscheck::ThreadPool pool(static_cast<size_t>(state.range(0)));
  dd::Options options;
  std::vector<uint32_t> groups;
  for (auto _ : state) groups = dd::deduplicate(texts, options, &pool);
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(texts.size() * state.iterations()), benchmark::Counter::kIsRate);
  set_quality(state, groups);
}
BENCHMARK(BM_Engine)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Sign(benchmark::State& state, dd::Sketch sketch) {
  const Corpus& c = corpus();
  if (c.texts.empty()) {
    state.SkipWithError("dedup set not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  dd::Options options;
  options.sketch = sketch;
  uint64_t docs = 0;
  for (auto _ : state) {
    for (const std::string& t : c.texts) {
      benchmark::DoNotOptimize(dd::compute_signature(t, options));
    }
    docs += c.texts.size();
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Sign, one_permutation, dd::Sketch::kOnePermutation)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Sign, multiply_shift, dd::Sketch::kMultiplyShift)->Unit(benchmark::kMillisecond);

// Quality and engine time of option variants, printed once to stderr.
void sweep() {
  const Corpus& c = corpus();
  if (c.texts.empty() || c.gold.empty()) return;
  std::vector<std::string_view> texts = views();
  struct Variant {
    const char* name;
    dd::Options options;
  };
  std::vector<Variant> variants;
  auto add = [&](const char* name, auto&& tweak) {
    dd::Options o;
    tweak(o);
    variants.push_back({name, o});
  };
  add("default", [](dd::Options&) {});
  add("grouping=union", [](dd::Options& o) { o.grouping = dd::Grouping::kUnion; });
  add("grouping=representative", [](dd::Options& o) { o.grouping = dd::Grouping::kRepresentative; });
  add("verify=exact", [](dd::Options& o) { o.verify = dd::Verify::kExact; });
  add("sketch=multiply_shift", [](dd::Options& o) { o.sketch = dd::Sketch::kMultiplyShift; });
  add("threshold=0.3", [](dd::Options& o) { o.threshold = 0.3; });
  add("threshold=0.5", [](dd::Options& o) { o.threshold = 0.5; });
  add("threshold=0.8", [](dd::Options& o) { o.threshold = 0.8; });
  add("shingle_words=3", [](dd::Options& o) { o.shingle_words = 3; });
  add("shingle_words=4", [](dd::Options& o) { o.shingle_words = 4; });
  add("shingle_words=6", [](dd::Options& o) { o.shingle_words = 6; });
  add("bands=16", [](dd::Options& o) { o.bands = 16; });
  add("bands=64", [](dd::Options& o) { o.bands = 64; });
  add("bands=42,rows=3", [](dd::Options& o) { o.bands = 42; o.rows = 3; });
  add("num_hashes=64,bands=32", [](dd::Options& o) { o.num_hashes = 64; });
  add("num_hashes=256,bands=64", [](dd::Options& o) { o.num_hashes = 256; o.bands = 64; });
  std::fprintf(stderr, "%-28s %8s %8s %8s %9s %9s %8s\n", "variant", "P", "R", "F1", "cands",
               "bridges-", "ms");
  for (const Variant& v : variants) {
    dd::Stats stats;
    auto t0 = std::chrono::steady_clock::now();
    std::vector<uint32_t> groups = dd::deduplicate(texts, v.options, nullptr, &stats);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    dd::PairScores s = dd::pair_scores(groups, c.gold);
    std::fprintf(stderr, "%-28s %8.4f %8.4f %8.4f %9llu %9llu %8.1f\n", v.name, s.precision,
                 s.recall, s.f1, static_cast<unsigned long long>(stats.candidates),
                 static_cast<unsigned long long>(stats.bridges_refused), ms);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const char* want_sweep = std::getenv("CROSSCHECK_DEDUP_SWEEP");
  if (want_sweep != nullptr && std::string(want_sweep) == "1") sweep();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
