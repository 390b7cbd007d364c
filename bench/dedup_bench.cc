// Near-duplicate detection on the shared dedup set: speed of the whole pipeline and quality
// against the gold groups.
//
// Corpus: ../shared/data/dedup/docs.jsonl.gz (20,000 texts, 10 MB gzipped, 25 MB of JSONL) and
// gold.jsonl; override the shared folder with CROSSCHECK_SHARED_DIR. Run from the project root:
//
//   build/bench/dedup_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Benchmarks:
// * BM_Pipeline/threads:N — everything a `crosscheck dedup` run does after opening the file:
//   read + gunzip (libdeflate, whole file, as ingest does), JSON parse, signature, LSH index,
//   verification, grouping. With 1 thread all of it runs in sequence; with 2 the gunzip is still
//   sequential (one deflate stream), then both threads parse and sign blocks of lines while one
//   of them also adds finished blocks to the index in input order.
// * BM_Engine/threads:N — texts already in memory: dedup::deduplicate with signatures on a
//   ThreadPool of N threads. Shows how the engine itself scales.
// * BM_Sign/<sketch> — signatures alone, one-permutation vs multiply-shift MinHash.
// Counters: docs/s, and pairwise precision / recall / F1 against gold (P, R, F1).
//
// Setting CROSSCHECK_DEDUP_SWEEP=1 also prints a table of quality and time over option variants
// (grouping, verification, sketch, threshold, shingle size, bands x rows) to stderr.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "crosscheck/dedup.h"
#include "crosscheck/thread_pool.h"
#include "src/dedup/evaluate.h"
#include "src/ingest/gzip.h"

namespace {

namespace dd = crosscheck::dedup;

std::string shared_dir() {
  const char* dir = std::getenv("CROSSCHECK_SHARED_DIR");
  return dir ? dir : "../shared";
}
std::string docs_path() { return shared_dir() + "/data/dedup/docs.jsonl.gz"; }
std::string gold_path() { return shared_dir() + "/data/dedup/gold.jsonl"; }

bool exists(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f) std::fclose(f);
  return f != nullptr;
}

// Calls on_doc(id, text) for every JSONL record of `jsonl` (padded as read_all leaves it).
template <class OnDoc>
void parse_docs(simdjson::ondemand::parser& parser, const std::string& jsonl, OnDoc&& on_doc) {
  simdjson::ondemand::document_stream stream;
  size_t batch = std::max<size_t>(jsonl.size(), 1 << 20);
  if (parser.iterate_many(jsonl.data(), jsonl.size(), batch).get(stream)) return;
  for (auto doc : stream) {
    std::string_view id, text;
    if (doc["id"].get_string().get(id)) continue;
    if (doc["text"].get_string().get(text)) continue;
    on_doc(id, text);
  }
}

struct PipelineResult {
  std::vector<std::string> ids;
  std::vector<uint32_t> groups;
  dd::Stats stats;
};

// Reads and gunzips the whole file the way the product does (ingest::inflate_all: libdeflate,
// about 2.4x zlib's gzread), leaving simdjson's padding behind the data.
bool read_all(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  if (!crosscheck::ingest::is_gzip(bytes)) {
    out = std::move(bytes);
  } else if (crosscheck::ingest::inflate_all(bytes, crosscheck::ingest::Wrapper::kGzip,
                                             uint64_t{1} << 32, out)
                 .status != crosscheck::ingest::InflateStatus::kOk) {
    return false;
  }
  out.reserve(out.size() + simdjson::SIMDJSON_PADDING);
  return true;
}

// The whole pipeline, file to groups. After the (sequential) gunzip, the text is cut into
// blocks of whole lines by byte offset; the pool's threads claim blocks in order, parse and
// sign them, while task 0 adds finished blocks to the index in input order and, whenever the
// next block is not ready, processes one itself instead of waiting (as dedup::deduplicate
// does with texts). With one thread this is plain sequential code.
bool run_pipeline(const std::string& path, int threads, const dd::Options& options,
                  PipelineResult& out) {
  constexpr size_t kBlock = 64 << 10;  // ~50 documents: small enough to balance, big to claim
  std::string data;
  if (!read_all(path, data)) return false;
  const char* base = data.data();
  const size_t size = data.size();
  const size_t capacity = data.capacity();
  // Block b holds the lines that start in [b * kBlock, (b + 1) * kBlock).
  const size_t blocks = (size + kBlock - 1) / kBlock;
  auto line_start = [&](size_t at) -> size_t {
    if (at == 0) return 0;
    if (at >= size) return size;
    const void* nl = std::memchr(base + at - 1, '\n', size - at + 1);
    return nl ? static_cast<const char*>(nl) - base + 1 : size;
  };
  struct Block {
    std::vector<std::string> ids;
    std::vector<dd::Signature> sigs;
  };
  std::vector<Block> done(blocks);
  std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[blocks]);
  for (size_t b = 0; b < blocks; ++b) ready[b].store(false, std::memory_order_relaxed);
  std::atomic<size_t> next{0};

  auto process_one = [&](simdjson::ondemand::parser& parser) {
    const size_t b = next.fetch_add(1, std::memory_order_relaxed);
    if (b >= blocks) return false;
    Block& block = done[b];
    size_t pos = line_start(b * kBlock);
    const size_t stop = line_start((b + 1) * kBlock);
    while (pos < stop) {
      const void* nl = std::memchr(base + pos, '\n', stop - pos);
      const size_t end = nl ? static_cast<const char*>(nl) - base : stop;
      simdjson::ondemand::document doc;
      std::string_view id, text;
      if (end > pos && !parser.iterate(base + pos, end - pos, capacity - pos).get(doc) &&
          !doc["id"].get_string().get(id) && !doc["text"].get_string().get(text)) {
        block.ids.emplace_back(id);
        block.sigs.push_back(dd::compute_signature(text, options));
      }
      pos = end + 1;
    }
    ready[b].store(true, std::memory_order_release);
    return true;
  };

  dd::Deduplicator dedup(options);
  // A reader knows roughly how many documents a file holds (its size / a typical record);
  // reserving avoids rehashing the index while it fills.
  dedup.reserve(20000);
  out.ids.clear();
  out.ids.reserve(32768);
  crosscheck::ThreadPool pool(static_cast<size_t>(threads));
  pool.parallel_for(pool.size(), [&](size_t task) {
    simdjson::ondemand::parser parser;
    if (task != 0) {
      while (process_one(parser)) {
      }
      return;
    }
    for (size_t b = 0; b < blocks; ++b) {
      while (!ready[b].load(std::memory_order_acquire)) {
        if (!process_one(parser)) std::this_thread::yield();
      }
      for (dd::Signature& sig : done[b].sigs) dedup.add(std::move(sig));
      for (std::string& id : done[b].ids) out.ids.push_back(std::move(id));
      done[b] = Block{};
    }
  });
  out.groups = dedup.groups();
  out.stats = dedup.stats();
  return !out.ids.empty();
}

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

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    simdjson::ondemand::parser parser;
    std::string data;
    if (!read_all(docs_path(), data)) return c;
    parse_docs(parser, data, [&](std::string_view id, std::string_view text) {
      c.ids.emplace_back(id);
      c.texts.emplace_back(text);
    });
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

void BM_Pipeline(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  if (!exists(docs_path())) {
    state.SkipWithError("dedup set not found: set CROSSCHECK_SHARED_DIR to the shared/ folder");
    return;
  }
  dd::Options options;
  PipelineResult result;
  uint64_t docs = 0;
  for (auto _ : state) {
    if (!run_pipeline(docs_path(), threads, options, result)) {
      state.SkipWithError("could not read the dedup set");
      return;
    }
    docs += result.ids.size();
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["candidates"] = static_cast<double>(result.stats.candidates);
  set_quality(state, result.groups);
}
BENCHMARK(BM_Pipeline)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

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
